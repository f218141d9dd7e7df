import { describe, expect, it, vi } from 'vitest';
import { parseBackup, serialiseBackup } from '../../../src/core/backup';
import type { SavedPaper } from '../../../src/core/paper';
import { PopupController } from '../../../src/popup/controller';
import { FIRST_PAGE_SIZE } from '../../../src/popup/first-page';
import { createStateContainer } from '../../../src/popup/state';
import type { TextFile } from '../../../src/ui/download';
import { fakeBackground, type FakeBackground } from './fake-background';
import { sampleLibrary } from './sample-library';

const NOW = new Date(2026, 10, 23, 15, 30);

async function seeded(papers: SavedPaper[]): Promise<FakeBackground> {
  const background = fakeBackground();
  if (papers.length) await background.send({ type: 'restore', papers });
  await broadcastsArrive();
  background.requests.length = 0;
  return background;
}

function setUp(background: FakeBackground) {
  const container = createStateContainer();
  const downloads: TextFile[] = [];
  const opened: string[] = [];
  const controller = new PopupController(container, {
    send: background.send,
    onChange: background.onChange,
    download: (file) => downloads.push(file),
    openTab: async (url) => void opened.push(url),
    now: () => NOW,
  });
  return { container, controller, downloads, opened };
}

/** Lets the fake background's broadcasts (delivered on a timer) arrive. */
const broadcastsArrive = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('PopupController', () => {
  it('shows the first page of the newest papers, then loads the whole library and its search index', async () => {
    const library = sampleLibrary(120);
    const background = await seeded(library);
    const { container, controller } = setUp(background);
    const states: string[] = [];
    container.subscribe(() => states.push(`${container.getState().phase}:${container.getState().papers.size}`));
    await controller.start();
    expect(background.requests.map((r) => r.type)).toEqual(['query', 'tags', 'getAll']);
    expect(background.requests[0]).toMatchObject({ type: 'query', limit: FIRST_PAGE_SIZE, sort: 'savedAt', direction: 'desc' });
    expect(states[0]).toBe(`partial:${FIRST_PAGE_SIZE}`);
    expect(container.getState()).toMatchObject({ phase: 'ready', total: 120 });
    await vi.waitFor(() => expect(container.getState().searchReady).toBe(true));
    const newest = [...library].sort((a, b) => b.savedAt - a.savedAt)[0]!;
    expect(controller.hits(newest.title)!.has(newest.key)).toBe(true);
    controller.stop();
  });

  it('asks for nothing but the first page until that page is painted', async () => {
    const background = await seeded(sampleLibrary(80));
    let painted!: () => void;
    const firstPaint = new Promise<void>((resolve) => (painted = resolve));
    const container = createStateContainer();
    const controller = new PopupController(container, {
      send: background.send,
      onChange: background.onChange,
      download: () => {},
      openTab: async () => {},
      afterFirstPaint: () => firstPaint,
    });
    const started = controller.start();
    await vi.waitFor(() => expect(container.getState().phase).toBe('partial'));
    await broadcastsArrive();
    expect(background.requests.map((r) => r.type)).toEqual(['query']);
    painted();
    await started;
    expect(background.requests.map((r) => r.type)).toEqual(['query', 'tags', 'getAll']);
    expect(container.getState()).toMatchObject({ phase: 'ready', total: 80 });
    controller.stop();
  });

  it('listens once after a retry', async () => {
    const background = await seeded(sampleLibrary(4));
    let listening = 0;
    let fail = true;
    const container = createStateContainer();
    const controller = new PopupController(container, {
      send: async (request) => {
        if (fail) throw new Error('not yet');
        return background.send(request);
      },
      onChange: (listener) => {
        listening++;
        const stop = background.onChange(listener);
        return () => {
          listening--;
          stop();
        };
      },
      download: () => {},
      openTab: async () => {},
    });
    await controller.start();
    expect(container.getState().phase).toBe('failed');
    fail = false;
    await controller.start();
    expect(container.getState().phase).toBe('ready');
    expect(listening).toBe(1);
    controller.stop();
    expect(listening).toBe(0);
  });

  it('reports a background that cannot answer', async () => {
    const container = createStateContainer();
    const controller = new PopupController(container, {
      send: async () => { throw new Error('Paperlight\'s background did not answer.'); },
      onChange: () => () => {},
      download: () => {},
      openTab: async () => {},
    });
    await controller.start();
    expect(container.getState()).toMatchObject({ phase: 'failed', error: 'Paperlight\'s background did not answer.' });
  });

  it('keeps a change made in another tab while the whole library was on its way', async () => {
    const library = sampleLibrary(30);
    const background = await seeded(library);
    const other = library[7]!;
    // The other tab's edit lands between the popup's getAll and its answer.
    const send = background.send;
    background.send = async (request) => {
      const reply = await send(request);
      if (request.type === 'getAll') {
        await send({ type: 'update', key: other.key, set: { note: 'from another tab' } });
        await broadcastsArrive();
      }
      return reply;
    };
    const { container, controller } = setUp(background);
    await controller.start();
    expect(container.getState().papers.get(other.key)!.note).toBe('from another tab');
    controller.stop();
  });

  it('applies broadcast changes and reloads after a reset', async () => {
    const background = await seeded(sampleLibrary(20));
    const { container, controller } = setUp(background);
    await controller.start();
    const extra = sampleLibrary(25).slice(20);
    await background.send({ type: 'restore', papers: extra.slice(0, 1) });
    await broadcastsArrive();
    expect(container.getState().papers.size).toBe(21);
    await background.send({ type: 'clearAll' });
    await vi.waitFor(() => expect(container.getState().papers.size).toBe(0));
    expect(container.getState().phase).toBe('ready');
    controller.stop();
  });

  it('deletes one paper to the Trash, with an undo that takes back the exact record', async () => {
    const library = sampleLibrary(10);
    const background = await seeded(library);
    const { container, controller } = setUp(background);
    await controller.start();
    const victim = container.getState().papers.get(library[3]!.key)!;
    await controller.remove([victim.key]);
    expect(container.getState().papers.has(victim.key)).toBe(false);
    expect(container.getState().undo!.message).toBe(`Moved “${victim.title}” to the Trash.`);
    expect(container.getState().announcement!.text).toMatch(/Undo with Ctrl\+Z/);
    expect((await background.send({ type: 'trash' })).papers.map((p) => p.key)).toEqual([victim.key]);
    await controller.undo();
    expect(background.requests.at(-1)).toEqual({ type: 'restoreTrashed', keys: [victim.key] });
    expect((await background.send({ type: 'trash' })).papers).toEqual([]);
    expect(container.getState().undo).toBeNull();
    expect(container.getState().papers.get(victim.key)).toEqual(victim);
    const { papers } = await background.send({ type: 'getAll' });
    expect(papers.find((p) => p.key === victim.key)).toEqual(victim);
    controller.stop();
  });

  it('deletes several papers in one bulk request, and undoes them together', async () => {
    const library = sampleLibrary(12);
    const background = await seeded(library);
    const { container, controller } = setUp(background);
    await controller.start();
    const keys = library.slice(0, 5).map((p) => p.key);
    await controller.remove(keys);
    expect(background.requests.at(-1)).toMatchObject({ type: 'bulk', delete: true });
    expect(container.getState().papers.size).toBe(7);
    expect(container.getState().undo!.message).toBe('Moved 5 papers to the Trash.');
    await controller.undo();
    expect(container.getState().papers.size).toBe(12);
    expect((await background.send({ type: 'getAll' })).papers).toHaveLength(12);
    controller.stop();
  });

  it('edits a paper and shows the stored result; a refused edit becomes a notice', async () => {
    const library = sampleLibrary(5);
    const background = await seeded(library);
    const { container, controller } = setUp(background);
    await controller.start();
    const key = library[0]!.key;
    await controller.update(key, { set: { status: 'read', note: 'Great' }, addTags: ['Vision'] });
    expect(container.getState().papers.get(key)).toMatchObject({ status: 'read', note: 'Great' });
    expect(container.getState().papers.get(key)!.tags).toContain('Vision');
    await controller.update('arxiv:0000.00000', { set: { note: 'x' } });
    expect(container.getState().notice).toMatchObject({ kind: 'error' });
    expect(container.getState().notice!.text).toMatch(/^Could not save the change: /);
    controller.stop();
  });

  it('tags and untags many papers at once', async () => {
    const library = sampleLibrary(8);
    const background = await seeded(library);
    const { container, controller } = setUp(background);
    await controller.start();
    const keys = library.slice(0, 4).map((p) => p.key);
    await controller.bulkTags(keys, { addTags: ['batch'] });
    await broadcastsArrive();
    expect(keys.every((key) => container.getState().papers.get(key)!.tags.includes('batch'))).toBe(true);
    expect(container.getState().announcement!.text).toBe('Tagged 4 papers “batch”. Undo with Ctrl+Z.');
    await controller.bulkTags(keys.slice(0, 2), { removeTags: ['batch'] });
    await broadcastsArrive();
    expect(keys.map((key) => container.getState().papers.get(key)!.tags.includes('batch'))).toEqual([false, false, true, true]);
    controller.stop();
  });

  it('undoes a bulk tag edit: an added tag leaves only the papers that lacked it, a removed one comes back, as each paper spelled it', async () => {
    const library = sampleLibrary(8);
    const background = await seeded(library);
    const { container, controller } = setUp(background);
    await controller.start();
    const keys = library.slice(0, 4).map((p) => p.key);
    const tagsOf = (key: string) => container.getState().papers.get(key)!.tags;
    await controller.update(keys[1]!, { addTags: ['Batch'] });
    const before = keys.map(tagsOf);

    await controller.bulkTags(keys, { addTags: ['batch'] });
    await broadcastsArrive();
    expect(keys.every((key) => tagsOf(key).some((t) => t.toLowerCase() === 'batch'))).toBe(true);
    expect(container.getState().undo).toMatchObject({ message: 'Tagged 3 papers “batch”.' }); // one had it already
    await controller.undo();
    await broadcastsArrive();
    expect(keys.map(tagsOf)).toEqual(before);
    expect(container.getState().undo).toBeNull();

    await controller.update(keys[2]!, { addTags: ['batch'] });
    await controller.bulkTags(keys, { removeTags: ['BATCH'] });
    await broadcastsArrive();
    expect(keys.some((key) => tagsOf(key).some((t) => t.toLowerCase() === 'batch'))).toBe(false);
    await controller.undo();
    await broadcastsArrive();
    expect(keys.map((key) => tagsOf(key).filter((t) => t.toLowerCase() === 'batch'))).toEqual([[], ['Batch'], ['Batch'], []]);
    controller.stop();
  });

  it('exports through the format registry to a dated file', async () => {
    const library = sampleLibrary(6);
    const background = await seeded(library);
    const { controller, downloads } = setUp(background);
    await controller.start();
    expect(await controller.exportPapers('json', library, { scope: 'library' })).toBe('paperlight-2026-11-23.json');
    const backup = parseBackup(downloads[0]!.text);
    expect(backup.ok && backup.backup.papers.map((p) => p.key)).toEqual(library.map((p) => p.key));
    expect(downloads[0]!.text).toBe(serialiseBackup(library, NOW));
    await controller.exportPapers('bibtex', library.slice(0, 2), { scope: 'selection' });
    expect(downloads[1]!.fileName).toBe('paperlight-selection-2026-11-23.bib');
    expect(downloads[1]!.text.match(/^@\w+\{/gm)).toHaveLength(2);
    await controller.exportPapers('markdown', library, { scope: 'tag LLM', groupBy: 'status' });
    expect(downloads[2]!.fileName).toBe('paperlight-tag-llm-2026-11-23.md');
    controller.stop();
  });

  it('opens papers in a tab', async () => {
    const background = await seeded([]);
    const { controller, opened } = setUp(background);
    await controller.open('https://arxiv.org/abs/2401.00001');
    expect(opened).toEqual(['https://arxiv.org/abs/2401.00001']);
  });
});
