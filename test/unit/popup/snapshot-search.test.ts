// Search while the whole library is on its way: the popup lists every paper from the search snapshot and answers
// from an index of it, exactly the papers that match outside their abstract; once the whole records are indexed,
// exactly the papers that match anywhere. Checked against a plain word-by-word matcher written here.
import { describe, expect, it, vi } from 'vitest';
import type { SavedPaper } from '../../../src/core/paper';
import { PopupController } from '../../../src/popup/controller';
import { createStateContainer } from '../../../src/popup/state';
import type { Request } from '../../../src/shared/messages';
import { fakeBackground, type FakeBackground } from './fake-background';
import { sampleLibrary } from './sample-library';

const broadcastsArrive = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Folded words: lower case, accents dropped, split at anything but letters and digits. */
function words(text: string): string[] {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** The keys of the papers where every typed word begins some word of the fields searched. */
function expectedKeys(papers: Iterable<SavedPaper>, query: string, withAbstract: boolean): string[] {
  const terms = words(query);
  const keys: string[] = [];
  for (const paper of papers) {
    const fields = [paper.title, paper.tags.join(' '), paper.authors.join(' '), paper.note, withAbstract ? paper.abstract : ''].flatMap(words);
    if (terms.every((term) => fields.some((word) => word.startsWith(term)))) keys.push(paper.key);
  }
  return keys.sort();
}

function foundKeys(controller: PopupController, papers: Iterable<SavedPaper>, query: string): string[] {
  const hits = controller.hits(query)!;
  const keys = [...papers].map((paper) => paper.key).filter((key) => hits.has(key)).sort();
  expect(hits.size).toBe(keys.length);
  return keys;
}

// Title words, an author, a tag, a note word, an accented name typed plain, and words only abstracts hold.
const QUERIES = ['diffusion transformer', 'lovelace', 'to-cite', 'appendix', 'jurgen', 'study 12', 'ablations', 'routing learned'];

/**
 * A background whose `getAll` answers only when `release` is called; `afterSnapshotRead` runs between the
 * stored snapshot's read and the popup getting it.
 */
async function withHeldLibrary(library: SavedPaper[], afterSnapshotRead?: (send: FakeBackground['send']) => Promise<void>) {
  const background: FakeBackground = fakeBackground();
  await background.send({ type: 'restore', papers: library });
  await broadcastsArrive();
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const send = background.send;
  background.send = async <R extends Request>(request: R) => {
    if (request.type === 'getAll') await released;
    return send(request);
  };
  const readSnapshot = async () => {
    const stored = await background.readSnapshot();
    await afterSnapshotRead?.(send);
    return stored;
  };
  const container = createStateContainer();
  const controller = new PopupController(container, {
    send: background.send, onChange: background.onChange, download: () => {}, openTab: async () => {}, readSnapshot,
  });
  return { background, container, controller, release, send };
}

describe('search before and after the whole library arrives', () => {
  it('answers from the snapshot exactly as the full index does outside abstracts, then exactly as the full index', async () => {
    const library = sampleLibrary(400);
    const { container, controller, release } = await withHeldLibrary(library);
    const started = controller.start();
    await vi.waitFor(() => expect(container.getState().searchAnswering).toBe(true));
    // Every paper is listed (as a summary), and no whole record has arrived.
    expect(container.getState()).toMatchObject({ phase: 'partial', listed: true, total: 400, searchReady: false });
    expect(container.getState().papers.size).toBe(400);
    for (const query of QUERIES) expect(foundKeys(controller, library, query), query).toEqual(expectedKeys(library, query, false));
    expect(expectedKeys(library, 'ablations', true).length).toBeGreaterThan(0); // the abstract-only query finds papers later

    release();
    await started;
    await vi.waitFor(() => expect(container.getState().searchReady).toBe(true));
    expect(container.getState().phase).toBe('ready');
    for (const query of QUERIES) expect(foundKeys(controller, library, query), query).toEqual(expectedKeys(library, query, true));
    controller.stop();
  });

  it('keeps a change made while the snapshot was on its way, and one made while the whole library was', async () => {
    const library = sampleLibrary(60);
    const first = library[5]!;
    const second = library[9]!;
    // The first edit lands between the snapshot's read and its answer.
    const { container, controller, release, send } = await withHeldLibrary(library, async (send) => {
      await send({ type: 'update', key: first.key, set: { note: 'zeppelin notes' } });
      await broadcastsArrive();
    });
    const started = controller.start();
    await vi.waitFor(() => expect(container.getState().searchAnswering).toBe(true));
    expect(container.getState().papers.get(first.key)!.note).toBe('zeppelin notes');
    expect(foundKeys(controller, library, 'zeppelin')).toEqual([first.key]);

    await send({ type: 'update', key: second.key, set: { note: 'zeppelin too' } });
    await broadcastsArrive();
    expect(foundKeys(controller, library, 'zeppelin')).toEqual([first.key, second.key].sort());
    await send({ type: 'remove', key: first.key });
    await broadcastsArrive();
    expect(foundKeys(controller, library, 'zeppelin')).toEqual([second.key]);

    release();
    await started;
    await vi.waitFor(() => expect(container.getState().searchReady).toBe(true));
    expect(foundKeys(controller, library, 'zeppelin')).toEqual([second.key]);
    expect(container.getState().papers.has(first.key)).toBe(false);
    expect(container.getState().papers.get(second.key)!.note).toBe('zeppelin too');
    controller.stop();
  });

  it('asks the background to build again a stored snapshot of another format, and reads the new one', async () => {
    const library = sampleLibrary(30);
    const background = fakeBackground();
    await background.send({ type: 'restore', papers: library });
    await background.send({ type: 'searchSnapshot' });
    await broadcastsArrive();
    const requests: string[] = [];
    const send = background.send;
    background.send = async <R extends Request>(request: R) => {
      requests.push(request.type);
      return send(request);
    };
    let reads = 0;
    // The first read finds the columns an older version stored (another format), with no write pending.
    const readSnapshot = async () => {
      const stored = await background.readSnapshot();
      reads++;
      return reads === 1 && stored ? { ...stored, columns: { ...(stored.columns as object), format: 1 } } : stored;
    };
    const container = createStateContainer();
    const controller = new PopupController(container, {
      send: background.send, onChange: background.onChange, download: () => {}, openTab: async () => {}, readSnapshot,
    });
    await controller.start();
    await vi.waitFor(() => expect(container.getState().searchReady).toBe(true));
    expect(requests).toContain('searchSnapshot');
    expect(reads).toBe(2);
    for (const query of QUERIES) expect(foundKeys(controller, library, query), query).toEqual(expectedKeys(library, query, true));
    controller.stop();
  });

  it('without a snapshot, lists and indexes the whole records as before', async () => {
    const library = sampleLibrary(80);
    const background = fakeBackground();
    await background.send({ type: 'restore', papers: library });
    await broadcastsArrive();
    const send = background.send;
    background.send = async <R extends Request>(request: R) => {
      if (request.type === 'searchSnapshot') throw new Error('Unknown request type "searchSnapshot".');
      return send(request);
    };
    const container = createStateContainer();
    const states: string[] = [];
    container.subscribe(() => states.push(`${container.getState().phase}:${container.getState().papers.size}`));
    const controller = new PopupController(container, {
      send: background.send, onChange: background.onChange, download: () => {}, openTab: async () => {},
      readSnapshot: async () => null,
    });
    await controller.start();
    await vi.waitFor(() => expect(container.getState().searchReady).toBe(true));
    expect(states).not.toContain('partial:80');
    for (const query of QUERIES) expect(foundKeys(controller, library, query), query).toEqual(expectedKeys(library, query, true));
    controller.stop();
  });
});
