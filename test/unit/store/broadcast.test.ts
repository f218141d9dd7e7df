// @vitest-environment node
// What each audience of a broadcast receives: extension pages the event as committed (whole records, the Trash
// flag); every tab's content script only what a tab shows, and nothing when only the Trash changed. Driven
// through the real handler, so the events are the ones the store's operations produce.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBroadcast, type BroadcastTransport } from '../../../src/background/broadcast';
import { createDbOpener, type DbOpener } from '../../../src/background/db';
import { createMessageHandler, type Sender } from '../../../src/background/handler';
import type { SavedPaper } from '../../../src/core/paper';
import type { AnyReply, ChangeEvent, TabChangeEvent } from '../../../src/shared/messages';
import { card, uniqueDbName } from './helpers';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${EXTENSION_ID}/`;
const POPUP: Sender = { id: EXTENSION_ID, url: `${BASE}src/popup/index.html` };
const CONTENT: Sender = { id: EXTENSION_ID, url: 'https://huggingface.co/papers', tab: { id: 11 } };
const NOTE = 'Private note: compare with our unpublished results.';

let opener: DbOpener;
let pages: ChangeEvent[];
let tabs: Array<{ tab: number; event: TabChangeEvent }>;
let sent: Promise<void>;
let handle: (raw: unknown, sender: Sender) => Promise<AnyReply>;

beforeEach(() => {
  opener = createDbOpener(uniqueDbName());
  pages = [];
  tabs = [];
  sent = Promise.resolve();
  const transport: BroadcastTransport = {
    toPages: async (event) => void pages.push(structuredClone(event)),
    contentTabs: async () => [11, 12],
    toTab: async (tab, event) => void tabs.push({ tab, event: structuredClone(event) }),
  };
  const broadcast = createBroadcast(transport);
  handle = createMessageHandler({
    db: opener, extensionId: EXTENSION_ID, extensionBaseUrl: BASE, appVersion: '0.1.0',
    broadcast: (event) => (sent = broadcast(event)), now: () => 1_760_000_000_000,
  });
});
afterEach(async () => (await opener.get()).close());

async function ok<T = Record<string, unknown>>(raw: unknown, sender: Sender = POPUP): Promise<T> {
  const reply = await handle(raw, sender);
  if (!reply.ok) throw new Error(reply.error);
  await sent;
  return reply as T;
}

describe('broadcast audiences', () => {
  it('extension pages get whole records; every tab gets ids, status and tags only', async () => {
    const { paper } = await ok<{ paper: SavedPaper }>({ type: 'save', paper: card({ tags: ['reading-group'], status: 'reading', note: NOTE }) }, CONTENT);
    expect(pages).toEqual([{ type: 'paperlight:changed', changes: [{ key: paper.key, paper }] }]);
    const told = { type: 'paperlight:changed', changes: [{ key: paper.key, paper: { key: paper.key, aliases: paper.aliases, status: 'reading', tags: ['reading-group'], venues: [] } }] };
    expect(tabs).toEqual([{ tab: 11, event: told }, { tab: 12, event: told }]);
    expect(JSON.stringify(tabs)).not.toContain('Private note');
  });

  it('a removal tells pages the Trash changed, and tabs only that the paper left', async () => {
    const { paper } = await ok<{ paper: SavedPaper }>({ type: 'save', paper: card({ note: NOTE }) });
    pages.length = 0;
    tabs.length = 0;
    await ok({ type: 'remove', key: paper.key }, CONTENT);
    expect(pages).toEqual([{ type: 'paperlight:changed', changes: [{ key: paper.key, paper: null }], trash: true }]);
    expect(tabs.map((t) => t.event)).toEqual([
      { type: 'paperlight:changed', changes: [{ key: paper.key, paper: null }] },
      { type: 'paperlight:changed', changes: [{ key: paper.key, paper: null }] },
    ]);
  });

  it('a change of the Trash alone reaches extension pages and no tab', async () => {
    const { paper } = await ok<{ paper: SavedPaper }>({ type: 'save', paper: card({ note: NOTE }) });
    await ok({ type: 'remove', key: paper.key });
    pages.length = 0;
    tabs.length = 0;
    await ok({ type: 'deleteTrashed', keys: [paper.key] });
    await ok({ type: 'emptyTrash' });
    expect(pages).toEqual([{ type: 'paperlight:changed', changes: [], trash: true }]);
    expect(tabs).toEqual([]);
  });

  it('a restore from the Trash tells tabs the paper is back, without its note', async () => {
    const { paper } = await ok<{ paper: SavedPaper }>({ type: 'save', paper: card({ tags: ['kept'], note: NOTE }) });
    await ok({ type: 'remove', key: paper.key });
    tabs.length = 0;
    await ok({ type: 'restoreTrashed', keys: [paper.key] }, CONTENT);
    expect(pages.at(-1)).toEqual({ type: 'paperlight:changed', changes: [{ key: paper.key, paper }], trash: true });
    expect(tabs[0]!.event).toEqual({ type: 'paperlight:changed', changes: [{ key: paper.key, paper: { key: paper.key, aliases: paper.aliases, status: 'to-read', tags: ['kept'], venues: [] } }] });
  });

  it('keeps commit order, and a failing audience does not stop the others', async () => {
    const order: string[] = [];
    const broadcast = createBroadcast({
      toPages: async () => { throw new Error('no extension page open'); },
      contentTabs: async () => [1, 2],
      toTab: async (tab, event) => {
        if (tab === 1) throw new Error('no content script in tab 1');
        order.push(event.reset ? 'reset' : event.changes[0]!.key);
      },
    });
    void broadcast({ type: 'paperlight:changed', changes: [{ key: 'arxiv:1', paper: null }] });
    void broadcast({ type: 'paperlight:changed', reset: true });
    await broadcast({ type: 'paperlight:changed', changes: [{ key: 'arxiv:3', paper: null }] });
    expect(order).toEqual(['arxiv:1', 'reset', 'arxiv:3']);
  });
});
