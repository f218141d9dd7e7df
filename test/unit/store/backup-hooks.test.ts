// @vitest-environment node
// The automatic backup as the message handler uses it, on fake-indexeddb and a fake downloads folder: written
// before "clear all" and before an import replaces the library, holding the library as it was; when it cannot
// be written, the action is refused with the reason and nothing changes. "Back up now" and the status; the page
// status a content script sends goes to its own tab's badge.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAutoBackup } from '../../../src/background/auto-backup';
import { createDbOpener, withDb, type DbOpener } from '../../../src/background/db';
import { createMessageHandler, type Sender } from '../../../src/background/handler';
import { exportBackup } from '../../../src/background/library-operations';
import { parseBackup } from '../../../src/core/backup';
import type { SavedPaper } from '../../../src/core/paper';
import type { PageStatus } from '../../../src/shared/page-report';
import type { AnyReply } from '../../../src/shared/messages';
import { fakeDownloads } from './fake-downloads';
import { card, uniqueDbName } from './helpers';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${EXTENSION_ID}/`;
const OPTIONS: Sender = { id: EXTENSION_ID, url: `${BASE}src/options/index.html` };
const CONTENT: Sender = { id: EXTENSION_ID, url: 'https://arxiv.org/list/cs.LG/recent', tab: { id: 7 } };
const T0 = new Date(2026, 0, 20, 9, 0).getTime();
const FILE = 'Paperlight/paperlight-backup-2026-01-20.json';

let opener: DbOpener;
let downloads: ReturnType<typeof fakeDownloads>;
let statuses: Array<[number, PageStatus]>;
let handle: (raw: unknown, sender: Sender) => Promise<AnyReply>;

function setup(options: { fail?: string; enabled?: boolean } = {}) {
  downloads = fakeDownloads(options);
  const stored: Record<string, unknown> = {};
  const backup = createAutoBackup({
    downloads: downloads.api,
    storage: { get: async (key) => (key in stored ? { [key]: stored[key] } : {}), set: async (items) => void Object.assign(stored, items) },
    wakeAt: async () => undefined,
    preferences: async () => ({ enabled: options.enabled ?? true, intervalDays: 1 }),
    exportText: async () => (await withDb(opener, (db) => exportBackup(db, T0))).text,
    fileUrl: (text) => ({ url: `data:application/json,${encodeURIComponent(text)}`, release: () => undefined }),
    now: () => T0,
  });
  statuses = [];
  handle = createMessageHandler({
    db: opener, extensionId: EXTENSION_ID, extensionBaseUrl: BASE, appVersion: '0.1.0', broadcast: () => undefined, now: () => T0,
    beforeReplacingLibrary: backup.beforeDestructiveChange,
    backupNow: backup.writeNow,
    backupStatus: backup.state,
    pageStatus: (tabId, status) => void statuses.push([tabId, status]),
  });
}

beforeEach(() => {
  opener = createDbOpener(uniqueDbName());
});
afterEach(async () => (await opener.get()).close());

async function ok<T = Record<string, unknown>>(raw: unknown, sender: Sender = OPTIONS): Promise<T> {
  const reply = await handle(raw, sender);
  if (!reply.ok) throw new Error(reply.error);
  return reply as T;
}

const keys = async () => (await ok<{ papers: SavedPaper[] }>({ type: 'getAll' })).papers.map((p) => p.key).sort();
const keysIn = (text: string | undefined) => {
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.backup.papers.map((p) => p.key).sort();
};

async function seed() {
  for (const id of ['2401.00001', '2401.00002']) {
    await ok({ type: 'save', paper: card({ key: `arxiv:${id}`, aliases: [], title: `Paper ${id}`, url: `https://arxiv.org/abs/${id}` }) });
  }
}

describe('the backup before destructive changes', () => {
  it('writes the library as it was before "clear all" clears it', async () => {
    setup();
    await seed();
    expect(await ok({ type: 'clearAll' })).toEqual({ ok: true, removed: 2 });
    expect(keysIn(downloads.files.get(FILE))).toEqual(['arxiv:2401.00001', 'arxiv:2401.00002']);
    expect(await keys()).toEqual([]);
  });

  it('writes the library as it was before an import replaces it', async () => {
    setup();
    await seed();
    const empty = (await ok<{ text: string }>({ type: 'exportBackup' })).text.replace(/"papers": \[[\s\S]*?\n {2}\}\n \]/, '"papers": []');
    expect(keysIn(empty)).toEqual([]);
    await ok({ type: 'importBackup', text: empty, mode: 'replace' });
    expect(keysIn(downloads.files.get(FILE))).toEqual(['arxiv:2401.00001', 'arxiv:2401.00002']);
    expect(await keys()).toEqual([]);
  });

  it('refuses "clear all" and a replacing import when the backup cannot be written, changing nothing', async () => {
    setup({ fail: 'FILE_ACCESS_DENIED' });
    await seed();
    const message = 'Paperlight could not write its backup to your downloads folder (FILE_ACCESS_DENIED), so nothing was changed.';
    expect(await handle({ type: 'clearAll' }, OPTIONS)).toEqual({ ok: false, error: message });
    const empty = (await ok<{ text: string }>({ type: 'exportBackup' })).text.replace(/"papers": \[[\s\S]*?\n {2}\}\n \]/, '"papers": []');
    expect(await handle({ type: 'importBackup', text: empty, mode: 'replace' }, OPTIONS)).toEqual({ ok: false, error: message });
    expect(await keys()).toEqual(['arxiv:2401.00001', 'arxiv:2401.00002']);
    expect((await ok<{ trash: unknown[]; papers: unknown[] }>({ type: 'trash' })).papers).toEqual([]);
  });

  it('does not write one when automatic backups are off', async () => {
    setup({ enabled: false });
    await seed();
    await ok({ type: 'clearAll' });
    expect(downloads.files.size).toBe(0);
  });
});

describe('"back up now" and the status', () => {
  it('writes the backup now and reports when', async () => {
    setup();
    expect(await ok({ type: 'backupStatus' })).toEqual({ ok: true, lastWrittenAt: null, lastError: null, files: 0 });
    await seed();
    expect(await ok({ type: 'backupNow' })).toEqual({ ok: true, fileName: FILE, writtenAt: T0 });
    expect(keysIn(downloads.files.get(FILE))).toEqual(['arxiv:2401.00001', 'arxiv:2401.00002']);
    expect(await ok({ type: 'backupStatus' })).toEqual({ ok: true, lastWrittenAt: T0, lastError: null, files: 1 });
    expect(await handle({ type: 'backupNow' }, CONTENT)).toMatchObject({ ok: false });
  });
});

describe('page status', () => {
  it('goes to the badge of the content script\'s own tab, checked', async () => {
    setup();
    expect(await ok({ type: 'pageStatus', cards: 37, health: 'ok' }, CONTENT)).toEqual({ ok: true });
    expect(await ok({ type: 'pageStatus', cards: 0, health: 'no-cards' }, { ...CONTENT, tab: { id: 9 } })).toEqual({ ok: true });
    // An extension page has no tab of its own: nothing to show.
    await ok({ type: 'pageStatus', cards: 3, health: 'ok' }, OPTIONS);
    expect(statuses).toEqual([[7, { cards: 37, health: 'ok' }], [9, { cards: 0, health: 'no-cards' }]]);
    expect(await handle({ type: 'pageStatus', cards: -1, health: 'ok' }, CONTENT)).toMatchObject({ ok: false });
    // A page whose cards may still come says so beside the warning case; nothing else carries it.
    statuses.length = 0;
    expect(await ok({ type: 'pageStatus', cards: 0, health: 'no-cards', healthPending: true }, CONTENT)).toEqual({ ok: true });
    expect(await ok({ type: 'pageStatus', cards: 2, health: 'ok', healthPending: true }, CONTENT)).toEqual({ ok: true });
    expect(statuses).toEqual([[7, { cards: 0, health: 'no-cards', healthPending: true }], [7, { cards: 2, health: 'ok' }]]);
    expect(await handle({ type: 'pageStatus', cards: 0, health: 'no-cards', healthPending: 1 }, CONTENT)).toEqual({
      ok: false, error: 'Invalid "pageStatus" message: healthPending: expected true.',
    });
    expect(await handle({ type: 'pageStatus', cards: 1, health: 'broken' }, CONTENT)).toEqual({
      ok: false, error: 'Invalid "pageStatus" message: health: expected one of ok, empty, no-cards.',
    });
  });
});
