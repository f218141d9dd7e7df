// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDbOpener, openPaperlightDb, type DbOpener } from '../../../src/background/db';
import { createMessageHandler, type Sender } from '../../../src/background/handler';
import { serialiseBackup } from '../../../src/core/backup';
import type { SavedPaper } from '../../../src/core/paper';
import type { AnyReply, ChangeEvent } from '../../../src/shared/messages';
import { card, paper, uniqueDbName } from './helpers';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${EXTENSION_ID}/`;
const POPUP: Sender = { id: EXTENSION_ID, url: `${BASE}src/popup/index.html` };
const OPTIONS_TAB: Sender = { id: EXTENSION_ID, url: `${BASE}src/options/index.html`, tab: { id: 3 } };
const PAGE_URL = 'https://huggingface.co/papers/date/2025-12-11';
const CONTENT: Sender = { id: EXTENSION_ID, url: PAGE_URL, tab: { id: 7 } };

let name: string;
let opener: DbOpener;
let events: ChangeEvent[];
let handle: (raw: unknown, sender: Sender) => Promise<AnyReply>;
/** The handler's clock (epoch ms): tests move it on to see the Trash pruned. */
let clock: number;
const T0 = 1_750_000_000_000;

beforeEach(() => {
  name = uniqueDbName();
  opener = createDbOpener(name);
  events = [];
  clock = T0;
  handle = createMessageHandler({
    db: opener, extensionId: EXTENSION_ID, extensionBaseUrl: BASE, appVersion: '0.1.0',
    broadcast: (event) => events.push(event), now: () => clock,
  });
});
afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  (await opener.get()).close();
});

async function ok<T = Record<string, unknown>>(raw: unknown, sender: Sender = POPUP): Promise<T> {
  const reply = await handle(raw, sender);
  if (!reply.ok) throw new Error(reply.error);
  return reply as T;
}

async function refused(raw: unknown, sender: Sender = POPUP): Promise<string> {
  const reply = await handle(raw, sender);
  if (reply.ok) throw new Error('expected a refusal');
  return reply.error;
}

async function count(): Promise<number> {
  return (await opener.get()).count('papers');
}

describe('senders', () => {
  it('answers ping from its pages and content scripts', async () => {
    expect(await ok({ type: 'ping' }, CONTENT)).toEqual({ ok: true, version: '0.1.0', protocol: 1 });
    expect(await ok({ type: 'ping' }, OPTIONS_TAB)).toMatchObject({ ok: true });
  });

  it('refuses other extensions and senders it cannot place', async () => {
    expect(await refused({ type: 'ping' }, { id: 'someone-else', url: `chrome-extension://someone-else/x.html` })).toMatch(/only answers its own/);
    expect(await refused({ type: 'ping' }, { id: EXTENSION_ID })).toMatch(/only answers its own/);
  });

  it.each(['clearAll', 'importBackup', 'getAll', 'query', 'restore', 'bulk', 'exportBackup', 'trash', 'deleteTrashed', 'emptyTrash'])(
    'refuses %s from a content script, and changes nothing', async (type) => {
      await ok({ type: 'save', paper: card() }, CONTENT);
      const messages: Record<string, unknown> = {
        importBackup: { type, text: serialiseBackup([], new Date()), mode: 'replace' },
        restore: { type, papers: [paper(1)] },
        bulk: { type, keys: ['arxiv:2412.01234'], delete: true },
        deleteTrashed: { type, keys: ['arxiv:2412.01234'] },
      };
      expect(await refused(messages[type] ?? { type }, CONTENT)).toMatch(new RegExp(`"${type}" can only be sent from Paperlight's own pages`));
      expect(await count()).toBe(1);
    },
  );

  it('a page cannot pass itself off as an extension page', async () => {
    const forged: Sender = { id: EXTENSION_ID, url: `https://evil.example/${BASE}`, tab: { id: 9 } };
    expect(await refused({ type: 'clearAll' }, forged)).toMatch(/can only be sent from Paperlight's own pages/);
  });
});

describe('writes', () => {
  it('a save is durable when acknowledged: another connection sees it at once', async () => {
    const reply = await ok<{ paper: { key: string } }>({ type: 'save', paper: card() }, CONTENT);
    const other = await openPaperlightDb(name);
    expect((await other.get('papers', reply.paper.key))?.title).toBe(card().title);
    other.close();
  });

  it('records the sending page in seenUrls, only for content scripts', async () => {
    const fromPage = await ok<{ paper: { seenUrls: string[] } }>({ type: 'save', paper: card() }, CONTENT);
    expect(fromPage.paper.seenUrls).toEqual([PAGE_URL]);
    const fromPopup = await ok<{ paper: { seenUrls: string[] } }>({ type: 'save', paper: card() }, POPUP);
    expect(fromPopup.paper.seenUrls).toEqual([PAGE_URL]);
  });

  it('broadcasts each committed change, and nothing for a change that changed nothing', async () => {
    const saved = await ok<{ paper: object }>({ type: 'save', paper: card() }, CONTENT);
    expect(events).toEqual([{ type: 'paperlight:changed', changes: [{ key: 'arxiv:2412.01234', paper: saved.paper }] }]);
    await ok({ type: 'update', key: 'arxiv:2412.01234', addTags: [] }, CONTENT);
    expect(events).toHaveLength(1);
    await ok({ type: 'remove', key: 'arxiv:2412.01234' }, CONTENT);
    expect(events[1]).toEqual({ type: 'paperlight:changed', changes: [{ key: 'arxiv:2412.01234', paper: null }], trash: true });
    await ok({ type: 'importBackup', text: serialiseBackup([paper(1)], new Date()), mode: 'merge' });
    expect(events[2]).toEqual({ type: 'paperlight:changed', reset: true });
    await ok({ type: 'emptyTrash' });
    expect(events[3]).toEqual({ type: 'paperlight:changed', changes: [], trash: true });
    await ok({ type: 'emptyTrash' });
    expect(events).toHaveLength(4);
  });

  it('answers a malformed message with a clear error and writes nothing', async () => {
    expect(await refused({ type: 'save', paper: card({ title: 'x'.repeat(10_000_000) }) }, CONTENT)).toMatch(/Invalid "save" message: paper\.title: too long/);
    expect(await refused({ type: 'importBackup', text: 'junk', mode: 'merge' })).toMatch(/not valid JSON/);
    expect(await count()).toBe(0);
    expect(events).toEqual([]);
  });

  it('turns a full disk into a clear message, and loses nothing already saved', async () => {
    await ok({ type: 'save', paper: card({ key: 'arxiv:2401.00001', aliases: [] }) }, CONTENT);
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore) {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    const error = await refused({ type: 'save', paper: card() }, CONTENT);
    expect(error).toMatch(/no room left.*nothing was saved/);
    expect(log).toHaveBeenCalled(); // the details stay in the worker's console for bug reports
    vi.restoreAllMocks();
    expect(await count()).toBe(1);
    expect(events).toHaveLength(1);
  });

  it('reports an unknown database failure as a failed write', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(() => {
      throw new DOMException('Internal error', 'UnknownError');
    });
    await ok({ type: 'save', paper: card() }, CONTENT);
    expect(await refused({ type: 'remove', key: 'arxiv:2412.01234' }, CONTENT)).toMatch(/could not write to its database, so nothing was changed \(UnknownError/);
    vi.restoreAllMocks();
    expect(await count()).toBe(1);
  });

  it('re-opens the database when the connection was closed between two messages', async () => {
    await ok({ type: 'save', paper: card() }, CONTENT);
    (await opener.get()).close();
    expect(await ok<{ found: unknown[] }>({ type: 'lookup', keys: ['arxiv:2412.01234'] }, CONTENT)).toMatchObject({ found: [{ key: 'arxiv:2412.01234' }] });
    await ok({ type: 'update', key: 'arxiv:2412.01234', addTags: ['after-reopen'] }, CONTENT);
    expect(await ok({ type: 'tags' }, CONTENT)).toEqual({ ok: true, tags: [{ name: 'after-reopen', count: 1 }] });
  });
});

describe('undo from a page', () => {
  it('a content script undoes a remove by taking the paper back out of the Trash, exactly as it was', async () => {
    const { paper: saved } = await ok<{ paper: SavedPaper }>({ type: 'save', paper: card({ tags: ['keep-me'], status: 'reading', note: 'my note' }) }, CONTENT);
    clock = T0 + 5000;
    const { removed } = await ok<{ removed: SavedPaper }>({ type: 'remove', key: 'arxiv:2412.01234' }, CONTENT);
    expect(removed).toEqual(saved);
    const { restored } = await ok<{ restored: SavedPaper[] }>({ type: 'restoreTrashed', keys: [removed.key] }, CONTENT);
    expect(restored).toEqual([saved]);
    expect(await ok({ type: 'lookup', keys: [saved.key] }, CONTENT)).toEqual({ ok: true, found: [{ key: saved.key, paper: saved }] });
    expect(await ok({ type: 'tags' }, CONTENT)).toEqual({ ok: true, tags: [{ name: 'keep-me', count: 1 }] });
  });

  it('a content script may not list the Trash or delete from it', async () => {
    await ok({ type: 'save', paper: card() }, CONTENT);
    await ok({ type: 'remove', key: 'arxiv:2412.01234' }, CONTENT);
    for (const message of [{ type: 'trash' }, { type: 'deleteTrashed', keys: ['arxiv:2412.01234'] }, { type: 'emptyTrash' }]) {
      expect(await refused(message, CONTENT)).toMatch(new RegExp(`"${message.type}" can only be sent from Paperlight's own pages`));
    }
    expect(await ok<{ papers: SavedPaper[] }>({ type: 'trash' })).toMatchObject({ papers: [{ key: 'arxiv:2412.01234', removedAt: T0 }] });
  });
});

describe('extension-page requests', () => {
  it('lists, exports, imports, tags in bulk and clears', async () => {
    for (let i = 0; i < 5; i++) await ok({ type: 'save', paper: card({ key: `arxiv:2401.0000${i}`, aliases: [] }) }, CONTENT);
    expect(await ok({ type: 'query', limit: 2 })).toMatchObject({ total: 5, items: [{ key: 'arxiv:2401.00004' }, { key: 'arxiv:2401.00003' }] });
    expect((await ok<{ papers: unknown[] }>({ type: 'getAll' })).papers).toHaveLength(5);
    const { text } = await ok<{ text: string }>({ type: 'exportBackup' });
    await ok({ type: 'bulk', keys: ['arxiv:2401.00000', 'arxiv:2401.00001'], addTags: ['pair'], status: 'read' });
    expect(await ok({ type: 'query', filter: { tags: ['pair'], status: 'read' } })).toMatchObject({ total: 2 });
    expect(await ok({ type: 'query', filter: { status: 'read' } })).toMatchObject({ total: 2 });
    expect(await ok({ type: 'clearAll' })).toEqual({ ok: true, removed: 5 });
    const none = { added: 0, updated: 0, unchanged: 0, removed: 0 };
    // The cleared copies leave the Trash as the merge brings the papers back (docs/store.md, import).
    expect(await ok({ type: 'importBackup', text, mode: 'merge', dryRun: true })).toEqual({ ok: true, added: 5, updated: 0, unchanged: 0, removed: 0, dryRun: true, trash: { ...none, restored: 5 }, readingMemory: none, rules: none });
    expect(await count()).toBe(0);
    expect(await ok({ type: 'importBackup', text, mode: 'merge' })).toMatchObject({ added: 5 });
    expect(await count()).toBe(5);
    expect(await ok({ type: 'trash' })).toEqual({ ok: true, papers: [] });
  });

  it('imports a file handed over as a blob: URL of its own pages, and refuses any other URL', async () => {
    const text = serialiseBackup([paper(1), paper(2)], new Date(1_750_000_000_000));
    const own = `blob:${BASE}5b1a7a4e-2f1d-4c55-8e0c-0123456789ab`;
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return new Response(text, { headers: { 'content-length': String(text.length) } });
    });
    expect(await ok({ type: 'importBackup', file: own, mode: 'merge', dryRun: true })).toMatchObject({ added: 2, dryRun: true });
    expect(await count()).toBe(0);
    expect(await ok({ type: 'importBackup', file: own, mode: 'merge' })).toMatchObject({ added: 2 });
    expect(await count()).toBe(2);
    const foreign = 'blob:chrome-extension://otherextensionotherextensionoth/5b1a7a4e';
    expect(await refused({ type: 'importBackup', file: foreign, mode: 'replace' })).toMatch(/only be handed over by Paperlight's own pages/);
    expect(fetched).toEqual([own, own]);
    expect(await count()).toBe(2);
  });
});
