// @vitest-environment node
// The page the toolbar button opens (background/first-frame-url.ts, shared/first-frame-url.ts): set to the plain
// popup page before every write to the library, and set anew to the page carrying the first frame after it,
// without the write's answer waiting for that; so that a page carrying a first frame is always the library as
// committed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDbOpener, type DbOpener } from '../../../src/background/db';
import { createFirstFrameUrlKeeper, type FirstPageReader, type PopupAction } from '../../../src/background/first-frame-url';
import { createMessageHandler, type Sender } from '../../../src/background/handler';
import { toSaved } from '../../../src/background/records';
import type { PaperlightDatabase } from '../../../src/background/schema';
import { serialiseBackup } from '../../../src/core/backup';
import type { SavedPaper } from '../../../src/core/paper';
import type { AnyReply } from '../../../src/shared/messages';
import { POPUP_PAGE, firstFrameFromHash, type FirstFrameData } from '../../../src/shared/first-frame-url';
import { card, paper, uniqueDbName } from './helpers';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${EXTENSION_ID}/`;
const POPUP: Sender = { id: EXTENSION_ID, url: `${BASE}src/popup/index.html` };
const CONTENT: Sender = { id: EXTENSION_ID, url: 'https://openreview.net/group?id=ICLR.cc/2025/Conference', tab: { id: 7 } };

/** The action API in memory, with every `setPopup` (plain or carrying a frame) and every broadcast in one log. */
function fakeAction(log: string[]) {
  let popup = POPUP_PAGE;
  const action: PopupAction = {
    async setPopup({ popup: url }) {
      log.push(url === POPUP_PAGE ? 'plain' : 'frame');
      popup = url;
    },
  };
  /** The first frame the button's page carries; null for the plain page. */
  const frame = (): FirstFrameData | null => {
    const at = popup.indexOf('#');
    return at < 0 ? null : firstFrameFromHash(popup.slice(at));
  };
  return { action, frame, url: () => popup };
}

/** A promise settled from outside. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((yes) => (resolve = yes));
  return { promise, resolve };
}

const DB = {} as PaperlightDatabase; // the keeper only hands it to the reader
const page = (keys: string[]) => ({ items: keys.map((key, i) => paper(i, { key })), total: keys.length });
const rowKeys = (frame: FirstFrameData | null) => frame?.rows.map((row) => row.key);

describe('the keeper, around writes', () => {
  it('sets the plain page before a write proceeds, and the page carrying the frame once it ends', async () => {
    const log: string[] = [];
    const set = deferred();
    const action: PopupAction = {
      setPopup: async ({ popup }) => {
        log.push(`asked ${popup === POPUP_PAGE ? 'plain' : 'frame'}`);
        if (popup === POPUP_PAGE) await set.promise;
        log.push('set');
      },
    };
    const keeper = createFirstFrameUrlKeeper(action, async () => page(['arxiv:a']));
    const begun = keeper.beginWrite().then((end) => (log.push('write'), end));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(log).toEqual(['asked plain']);
    set.resolve();
    const end = await begun;
    end(true);
    end(true); // a second call does nothing
    await keeper.refresh(DB);
    expect(log).toEqual(['asked plain', 'set', 'write', 'asked frame', 'set']);
  });

  it('sets the frame only when the last of overlapping writes ends', async () => {
    const log: string[] = [];
    const fake = fakeAction(log);
    let reads = 0;
    const keeper = createFirstFrameUrlKeeper(fake.action, async () => page([`arxiv:read-${++reads}`]));
    const endA = await keeper.beginWrite();
    const endB = await keeper.beginWrite();
    endA(true);
    await keeper.refresh(DB);
    expect(fake.frame()).toBeNull();
    endB(true);
    await keeper.refresh(DB);
    // The second write found the page plain already: it had nothing to wait for.
    expect(log).toEqual(['plain', 'frame']);
    expect(rowKeys(fake.frame())).toEqual(['arxiv:read-1']);
  });

  it('does not set a page read before a write began: that write sets it when it ends', async () => {
    const log: string[] = [];
    const fake = fakeAction(log);
    const reads: Array<ReturnType<typeof deferred<{ items: SavedPaper[]; total: number }>>> = [];
    const reader: FirstPageReader = () => {
      const read = deferred<{ items: SavedPaper[]; total: number }>();
      reads.push(read);
      return read.promise;
    };
    const keeper = createFirstFrameUrlKeeper(fake.action, reader);
    const endA = await keeper.beginWrite();
    endA(true);
    const refreshingA = keeper.refresh(DB); // reads the page…
    const endB = await keeper.beginWrite(); // …while another write begins
    reads[0]!.resolve(page(['arxiv:before-b']));
    await refreshingA;
    expect(fake.frame()).toBeNull();
    endB(true);
    const refreshingB = keeper.refresh(DB);
    reads[1]!.resolve(page(['arxiv:after-b']));
    await refreshingB;
    expect(log).toEqual(['plain', 'frame']);
    expect(rowKeys(fake.frame())).toEqual(['arxiv:after-b']);
  });

  it('after a write that changed nothing, sets the page it last read again without reading', async () => {
    const log: string[] = [];
    const fake = fakeAction(log);
    let reads = 0;
    const keeper = createFirstFrameUrlKeeper(fake.action, async () => page([`arxiv:read-${++reads}`]));
    await keeper.refresh(DB);
    (await keeper.beginWrite())(false);
    expect(fake.frame()).toBeNull();
    await keeper.refresh(DB);
    expect(rowKeys(fake.frame())).toEqual(['arxiv:read-1']);
    (await keeper.beginWrite())(true);
    await keeper.refresh(DB);
    expect(rowKeys(fake.frame())).toEqual(['arxiv:read-2']);
    expect(log).toEqual(['frame', 'plain', 'frame', 'plain', 'frame']);
  });

  it('leaves the page plain when the first page cannot be read, and refreshes only when no write is in progress', async () => {
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const log: string[] = [];
    const fake = fakeAction(log);
    let fail = true;
    const keeper = createFirstFrameUrlKeeper(fake.action, async () => {
      if (fail) throw new Error('closing');
      return page(['arxiv:x']);
    });
    (await keeper.beginWrite())(true);
    await keeper.refresh(DB);
    expect(fake.frame()).toBeNull();
    fail = false;
    const endNext = await keeper.beginWrite();
    await keeper.refresh(DB);
    expect(fake.frame()).toBeNull();
    endNext(true);
    await keeper.refresh(DB);
    expect(log).toEqual(['plain', 'frame']);
    expect(fake.frame()!.total).toBe(1);
    expect(warned).toHaveBeenCalledOnce();
    warned.mockRestore();
  });

  it('still lets the write go ahead when the browser fails to set the plain page, and tries again next time', async () => {
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const log: string[] = [];
    const action: PopupAction = {
      setPopup: async () => {
        log.push('asked');
        throw new Error('no');
      },
    };
    const keeper = createFirstFrameUrlKeeper(action);
    (await keeper.beginWrite())(true);
    (await keeper.beginWrite())(true);
    expect(log).toEqual(['asked', 'asked']);
    expect(warned).toHaveBeenCalledTimes(2);
    warned.mockRestore();
  });

  it('keeps nothing without the action API', async () => {
    let reads = 0;
    const keeper = createFirstFrameUrlKeeper(undefined, async () => (reads++, page(['arxiv:a'])));
    (await keeper.beginWrite())(true);
    await keeper.refresh(DB);
    expect(reads).toBe(0);
  });
});

describe('the button\'s page through every write the handler makes', () => {
  let opener: DbOpener;
  let log: string[];
  let fake: ReturnType<typeof fakeAction>;
  let handle: (raw: unknown, sender: Sender) => Promise<AnyReply>;
  let clock: number;
  /** The upkeep the handler scheduled after its replies (the page set anew among it), run only by `settled`. */
  let scheduled: Array<() => Promise<unknown>>;

  beforeEach(() => {
    opener = createDbOpener(uniqueDbName());
    log = [];
    scheduled = [];
    fake = fakeAction(log);
    clock = 1_750_000_000_000;
    handle = createMessageHandler({
      db: opener, extensionId: EXTENSION_ID, extensionBaseUrl: BASE, appVersion: '0.1.0',
      broadcast: () => log.push('broadcast'), now: () => clock,
      schedule: (task) => void scheduled.push(task),
      firstFrameUrl: createFirstFrameUrlKeeper(fake.action),
    });
  });
  afterEach(async () => (await opener.get()).close());

  async function ok<T = Record<string, unknown>>(raw: unknown, sender: Sender = POPUP): Promise<T> {
    clock += 1000;
    const reply = await handle(raw, sender);
    if (!reply.ok) throw new Error(reply.error);
    return reply as T;
  }

  /** Runs the upkeep scheduled so far, once the handler has handed it over (in a task after its reply). */
  async function settled(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    while (scheduled.length > 0) await scheduled.shift()!();
  }

  /**
   * The page carries the library's newest papers as stored (sorted here from the records themselves: newest saved
   * first, ties by key descending); the write set it plain first, and its answer and broadcast did not wait for the
   * new page.
   */
  async function expectFrameOfLibrary(): Promise<void> {
    expect(log.slice(-2)).toEqual(['plain', 'broadcast']);
    expect(fake.frame()).toBeNull();
    await settled();
    expect(log.slice(-3)).toEqual(['plain', 'broadcast', 'frame']);
    const stored = (await (await opener.get()).getAll('papers')).map(toSaved)
      .sort((a, b) => b.savedAt - a.savedAt || (a.key < b.key ? 1 : -1));
    const frame = fake.frame()!;
    expect(frame.total).toBe(stored.length);
    expect(frame.listed).toEqual(stored.slice(0, 50).map(({ status, site }) => ({ status, site })));
    expect(frame.rows.map((row) => row.key)).toEqual(stored.slice(0, 11).map((p) => p.key));
    for (const [i, row] of frame.rows.entries()) {
      const { title, authors, tags, status, metrics, codeLinks, savedAt, site } = stored[i]!;
      expect(row).toMatchObject({ title, authors, tags, status, metrics, codeLinks, savedAt, site });
    }
    log.length = 0;
  }

  it('is right after save, edit, remove, undo, bulk edits, Trash restore, imports and their undo, replace and clear', async () => {
    const library = Array.from({ length: 60 }, (_, i) => paper(i));
    await ok({ type: 'importBackup', text: serialiseBackup(library, new Date(clock)), mode: 'replace' });
    await expectFrameOfLibrary();
    await ok({ type: 'save', paper: card() }, CONTENT);
    await expectFrameOfLibrary();
    expect(fake.frame()!.rows[0]!.title).toBe('Speculative Decoding at Scale');
    await ok({ type: 'update', key: card().key, set: { status: 'read' }, addTags: ['Fresh'] });
    await expectFrameOfLibrary();
    expect(fake.frame()!.rows[0]).toMatchObject({ status: 'read', tags: ['Fresh'] });
    // A tag renamed on the selected papers (the popup's bulk edit: one removed, the other added).
    await ok({ type: 'bulk', keys: [card().key, library[58]!.key], removeTags: ['Fresh'], addTags: ['Renamed'] });
    await expectFrameOfLibrary();
    expect(fake.frame()!.rows[0]!.tags).toEqual(['Renamed']);
    const { removed } = await ok<{ removed: SavedPaper }>({ type: 'remove', key: card().key });
    await expectFrameOfLibrary();
    expect(fake.frame()!.rows[0]!.key).not.toBe(card().key);
    await ok({ type: 'restore', papers: [removed] });
    await expectFrameOfLibrary();
    expect(fake.frame()!.rows[0]!.key).toBe(card().key);
    await ok({ type: 'bulk', keys: [card().key, library[59]!.key], delete: true });
    await expectFrameOfLibrary();
    await ok({ type: 'restoreTrashed', keys: [card().key] });
    await expectFrameOfLibrary();
    await ok({ type: 'bulk', keys: [card().key], status: 'skip' });
    await expectFrameOfLibrary();
    const bib = '@article{new1, title={A Freshly Imported Paper}, author={Ada Lovelace}, year={2025}, eprint={2501.00001}, archivePrefix={arXiv}}';
    const imported = await ok<{ undo: string }>({ type: 'importLibrary', text: bib });
    await expectFrameOfLibrary();
    expect(fake.frame()!.rows.map((row) => row.title)).toContain('A Freshly Imported Paper');
    await ok({ type: 'undoImport', undo: imported.undo });
    await expectFrameOfLibrary();
    expect(fake.frame()!.rows.map((row) => row.title)).not.toContain('A Freshly Imported Paper');
    await ok({ type: 'importBackup', text: serialiseBackup([paper(90), paper(91)], new Date(clock)), mode: 'merge' });
    await expectFrameOfLibrary();
    await ok({ type: 'importBackup', text: serialiseBackup(library.slice(0, 5), new Date(clock)), mode: 'replace' });
    await expectFrameOfLibrary();
    expect(fake.frame()!.total).toBe(5);
    await ok({ type: 'clearAll' });
    await expectFrameOfLibrary();
    expect(fake.frame()).toEqual({ total: 0, rows: [], listed: [] });
  });

  it('is set plain and anew when a lookup records where a saved paper was published, and left alone otherwise', async () => {
    await ok({ type: 'save', paper: card() }, CONTENT);
    await settled();
    log.length = 0;
    await ok({ type: 'lookup', keys: [card().key] }, CONTENT);
    const { key, aliases, title, authors } = card();
    await ok({ type: 'lookup', keys: [], cards: [{ key, aliases, title, authors }] }, CONTENT);
    await settled();
    expect(log).toEqual([]);
    const venue = { name: 'ICLR 2025', year: 2025, url: 'https://openreview.net/forum?id=abc', key: 'openreview:abc' };
    await ok({ type: 'lookup', keys: [], cards: [{ key, aliases, title, authors, venue }] }, CONTENT);
    await expectFrameOfLibrary();
    expect(fake.frame()!.rows[0]!.venue).toBe('ICLR 2025');
    // The same venue again writes nothing: the page is set plain, then set back as it was, not read again.
    const before = fake.url();
    await ok({ type: 'lookup', keys: [], cards: [{ key, aliases, title, authors, venue }] }, CONTENT);
    await settled();
    expect(log).toEqual(['plain', 'frame']);
    expect(fake.url()).toBe(before);
  });

  it('is left alone by reads, dry runs and the Trash\'s own writes', async () => {
    await ok({ type: 'importBackup', text: serialiseBackup([paper(1), paper(2)], new Date(clock)), mode: 'replace' });
    await ok({ type: 'remove', key: paper(1).key });
    await settled();
    log.length = 0;
    await ok({ type: 'query', sort: 'savedAt', direction: 'desc', limit: 50 });
    await ok({ type: 'importBackup', text: serialiseBackup([paper(3)], new Date(clock)), mode: 'merge', dryRun: true });
    await ok({ type: 'trash' });
    await ok({ type: 'deleteTrashed', keys: [paper(1).key] });
    await ok({ type: 'emptyTrash' });
    await settled();
    expect(log.filter((entry) => entry !== 'broadcast')).toEqual([]);
    expect(rowKeys(fake.frame())).toEqual([paper(2).key]);
  });
});
