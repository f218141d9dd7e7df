// @vitest-environment node
// The page the toolbar button opens (background/first-frame-url.ts, shared/first-frame-url.ts): set to the plain
// popup page before every write to the library, and set anew, once no write is in progress, to the page naming a
// version never named before when a write changed the library, without the write's answer waiting for that; so
// that a version the button names always stands for one committed state of the library.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDbOpener, type DbOpener } from '../../../src/background/db';
import { createFirstFrameUrlKeeper, type PopupAction } from '../../../src/background/first-frame-url';
import { createMessageHandler, type Sender } from '../../../src/background/handler';
import { serialiseBackup } from '../../../src/core/backup';
import type { SavedPaper } from '../../../src/core/paper';
import type { AnyReply } from '../../../src/shared/messages';
import { POPUP_PAGE, versionOfHash } from '../../../src/shared/first-frame-url';
import { card, paper, uniqueDbName } from './helpers';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${EXTENSION_ID}/`;
const POPUP: Sender = { id: EXTENSION_ID, url: `${BASE}src/popup/index.html` };
const CONTENT: Sender = { id: EXTENSION_ID, url: 'https://openreview.net/group?id=ICLR.cc/2025/Conference', tab: { id: 7 } };

/** The action API in memory, with every `setPopup` (plain or naming a version) and every broadcast in one log. */
function fakeAction(log: string[]) {
  let popup = POPUP_PAGE;
  const action: PopupAction = {
    async setPopup({ popup: url }) {
      log.push(url === POPUP_PAGE ? 'plain' : 'version');
      popup = url;
    },
  };
  /** The version the button's page names; null for the plain page. */
  const version = (): string | null => {
    const at = popup.indexOf('#');
    if (at < 0) return null;
    expect(popup.slice(0, at)).toBe(POPUP_PAGE);
    return versionOfHash(popup.slice(at));
  };
  return { action, version, url: () => popup };
}

/** A promise settled from outside. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((yes) => (resolve = yes));
  return { promise, resolve };
}

/** Versions v1, v2, … in the order the keeper asks for them. */
function counter() {
  let made = 0;
  return () => `v${++made}`;
}

describe('the keeper, around writes', () => {
  it('sets the plain page before a write proceeds, and the page naming a version once it ends', async () => {
    const log: string[] = [];
    const set = deferred();
    const action: PopupAction = {
      setPopup: async ({ popup }) => {
        log.push(`asked ${popup === POPUP_PAGE ? 'plain' : popup}`);
        if (popup === POPUP_PAGE) await set.promise;
        log.push('set');
      },
    };
    const keeper = createFirstFrameUrlKeeper(action, counter());
    const begun = keeper.beginWrite().then((end) => (log.push('write'), end));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(log).toEqual(['asked plain']);
    set.resolve();
    const end = await begun;
    end(true);
    end(true); // a second call does nothing
    await keeper.refresh();
    expect(log).toEqual(['asked plain', 'set', 'write', `asked ${POPUP_PAGE}#v=v1`, 'set']);
  });

  it('names a version only when the last of overlapping writes ends', async () => {
    const log: string[] = [];
    const fake = fakeAction(log);
    const keeper = createFirstFrameUrlKeeper(fake.action, counter());
    const endA = await keeper.beginWrite();
    const endB = await keeper.beginWrite();
    endA(true);
    await keeper.refresh();
    expect(fake.version()).toBeNull();
    endB(true);
    await keeper.refresh();
    // The second write found the page plain already: it had nothing to wait for.
    expect(log).toEqual(['plain', 'version']);
    expect(fake.version()).toBe('v1');
  });

  it('names the same version again after a write that changed nothing, a new one after a change', async () => {
    const log: string[] = [];
    const fake = fakeAction(log);
    const keeper = createFirstFrameUrlKeeper(fake.action, counter());
    await keeper.refresh();
    expect(fake.version()).toBe('v1');
    (await keeper.beginWrite())(false);
    expect(fake.version()).toBeNull();
    await keeper.refresh();
    expect(fake.version()).toBe('v1');
    (await keeper.beginWrite())(true);
    await keeper.refresh();
    expect(fake.version()).toBe('v2');
    expect(log).toEqual(['version', 'plain', 'version', 'plain', 'version']);
  });

  it('names a new version after a write that failed (it may have changed the library before failing)', async () => {
    const fake = fakeAction([]);
    const keeper = createFirstFrameUrlKeeper(fake.action, counter());
    await keeper.refresh();
    const end = await keeper.beginWrite();
    end(true); // the handler ends a failed write as changed
    await keeper.refresh();
    expect(fake.version()).toBe('v2');
  });

  it('leaves the page plain while a write is in progress, even when asked to refresh', async () => {
    const log: string[] = [];
    const fake = fakeAction(log);
    const keeper = createFirstFrameUrlKeeper(fake.action, counter());
    const end = await keeper.beginWrite();
    await keeper.refresh();
    expect(fake.version()).toBeNull();
    end(true);
    await keeper.refresh();
    expect(log).toEqual(['plain', 'version']);
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
    let made = 0;
    const keeper = createFirstFrameUrlKeeper(undefined, () => `v${++made}`);
    (await keeper.beginWrite())(true);
    await keeper.refresh();
    expect(made).toBe(0);
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
    named = new Set();
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

  /** Every version the button has named so far. */
  let named: Set<string>;

  /**
   * The write set the page plain first, and its answer and broadcast did not wait for the page naming the library's
   * new version: a version never named before.
   */
  async function expectNewVersion(): Promise<void> {
    expect(log.slice(-2)).toEqual(['plain', 'broadcast']);
    expect(fake.version()).toBeNull();
    await settled();
    expect(log.slice(-3)).toEqual(['plain', 'broadcast', 'version']);
    const version = fake.version()!;
    expect(version).toMatch(/^[0-9a-z]+$/);
    expect(named.has(version)).toBe(false);
    named.add(version);
    log.length = 0;
  }

  it('names a new version after save, edit, remove, undo, bulk edits, Trash restore, imports and their undo, replace and clear', async () => {
    const library = Array.from({ length: 60 }, (_, i) => paper(i));
    await ok({ type: 'importBackup', text: serialiseBackup(library, new Date(clock)), mode: 'replace' });
    await expectNewVersion();
    await ok({ type: 'save', paper: card() }, CONTENT);
    await expectNewVersion();
    await ok({ type: 'update', key: card().key, set: { status: 'read' }, addTags: ['Fresh'] });
    await expectNewVersion();
    // A tag renamed on the selected papers (the popup's bulk edit: one removed, the other added).
    await ok({ type: 'bulk', keys: [card().key, library[58]!.key], removeTags: ['Fresh'], addTags: ['Renamed'] });
    await expectNewVersion();
    const { removed } = await ok<{ removed: SavedPaper }>({ type: 'remove', key: card().key });
    await expectNewVersion();
    await ok({ type: 'restore', papers: [removed] });
    await expectNewVersion();
    await ok({ type: 'bulk', keys: [card().key, library[59]!.key], delete: true });
    await expectNewVersion();
    await ok({ type: 'restoreTrashed', keys: [card().key] });
    await expectNewVersion();
    await ok({ type: 'bulk', keys: [card().key], status: 'skip' });
    await expectNewVersion();
    const bib = '@article{new1, title={A Freshly Imported Paper}, author={Ada Lovelace}, year={2025}, eprint={2501.00001}, archivePrefix={arXiv}}';
    const imported = await ok<{ undo: string }>({ type: 'importLibrary', text: bib });
    await expectNewVersion();
    await ok({ type: 'undoImport', undo: imported.undo });
    await expectNewVersion();
    await ok({ type: 'importBackup', text: serialiseBackup([paper(90), paper(91)], new Date(clock)), mode: 'merge' });
    await expectNewVersion();
    await ok({ type: 'importBackup', text: serialiseBackup(library.slice(0, 5), new Date(clock)), mode: 'replace' });
    await expectNewVersion();
    await ok({ type: 'clearAll' });
    await expectNewVersion();
  });

  it('is set plain and to a new version when a lookup records where a saved paper was published, and left alone otherwise', async () => {
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
    await expectNewVersion();
    // The same venue again writes nothing: the page is set plain, then set back to the same version.
    const before = fake.url();
    await ok({ type: 'lookup', keys: [], cards: [{ key, aliases, title, authors, venue }] }, CONTENT);
    await settled();
    expect(log).toEqual(['plain', 'version']);
    expect(fake.url()).toBe(before);
  });

  it('is left alone by reads, dry runs and the Trash\'s own writes', async () => {
    await ok({ type: 'importBackup', text: serialiseBackup([paper(1), paper(2)], new Date(clock)), mode: 'replace' });
    await ok({ type: 'remove', key: paper(1).key });
    await settled();
    log.length = 0;
    const before = fake.url();
    await ok({ type: 'query', sort: 'savedAt', direction: 'desc', limit: 50 });
    await ok({ type: 'importBackup', text: serialiseBackup([paper(3)], new Date(clock)), mode: 'merge', dryRun: true });
    await ok({ type: 'trash' });
    await ok({ type: 'deleteTrashed', keys: [paper(1).key] });
    await ok({ type: 'emptyTrash' });
    await settled();
    expect(log.filter((entry) => entry !== 'broadcast')).toEqual([]);
    expect(fake.url()).toBe(before);
  });
});
