// @vitest-environment node
// The reading memory through the message handler, as content scripts and the options page reach it: one message
// and ONE transaction per page batch (transactions counted by wrapping the database's own `transaction`), the same
// paper known by another id or by its title and authors on another site, the bound on its size, and clearing it
// without touching the library.
import { unwrap } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbOpener } from '../../../src/background/db';
import { createMessageHandler, type Sender } from '../../../src/background/handler';
import { memorySettingsStore } from '../../../src/background/settings';
import type { PaperlightDatabase } from '../../../src/background/schema';
import { READING_MEMORY_LIMITS } from '../../../src/core/reading-memory';
import { CHANGE_EVENT_TYPE, type AnyReply, type ChangeEvent, type SeenCard } from '../../../src/shared/messages';
import { card, freshDb, paper } from './helpers';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${EXTENSION_ID}/`;
const OPTIONS: Sender = { id: EXTENSION_ID, url: `${BASE}src/options/index.html` };
const ARXIV_TAB: Sender = { id: EXTENSION_ID, url: 'https://arxiv.org/list/cs.LG/new', tab: { id: 4 } };
const HF_TAB: Sender = { id: EXTENSION_ID, url: 'https://huggingface.co/papers', tab: { id: 5 } };
const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);

let db: PaperlightDatabase;
let clock: number;
/** The stores of every transaction the handler opened, in order. */
let transactions: string[][];
let tasks: Array<() => Promise<unknown>>;
let settings: ReturnType<typeof memorySettingsStore>;
let handle: (raw: unknown, sender: Sender) => Promise<AnyReply>;
let broadcasts: ChangeEvent[];

function handler(options: { limit?: number; slack?: number } = {}) {
  const opener: DbOpener = { get: async () => db, reset: () => undefined };
  return createMessageHandler({
    db: opener, extensionId: EXTENSION_ID, extensionBaseUrl: BASE, appVersion: '0.1.0',
    broadcast: (event) => void broadcasts.push(event), now: () => clock, settings,
    readingMemory: options, schedule: (task) => void tasks.push(task),
  });
}

beforeEach(async () => {
  db = await freshDb();
  // Every transaction the code under test opens goes through the database's own `transaction`: counted here.
  const raw = unwrap(db);
  const transaction = raw.transaction.bind(raw);
  transactions = [];
  raw.transaction = (stores: string | string[], ...rest: [IDBTransactionMode?, IDBTransactionOptions?]) => {
    transactions.push(typeof stores === 'string' ? [stores] : [...stores]);
    return transaction(stores, ...rest);
  };
  clock = T0;
  tasks = [];
  broadcasts = [];
  settings = memorySettingsStore();
  handle = handler();
});
afterEach(() => db.close());

async function ok<T = Record<string, unknown>>(raw: unknown, sender: Sender): Promise<T> {
  const reply = await handle(raw, sender);
  if (!reply.ok) throw new Error(reply.error);
  return reply as T;
}

async function refused(raw: unknown, sender: Sender): Promise<string> {
  const reply = await handle(raw, sender);
  if (reply.ok) throw new Error('expected a refusal');
  return reply.error;
}

type Seen = Array<{ key: string; firstSeen: number }>;
const markSeen = async (site: string, cards: SeenCard[], sender = ARXIV_TAB) =>
  (await ok<{ seen: Seen }>({ type: 'markSeen', site, cards }, sender)).seen;

function seenCard(i: number, overrides: Partial<SeenCard> = {}): SeenCard {
  const id = String(i).padStart(5, '0');
  return { key: `arxiv:2411.${id}`, aliases: [], title: `A careful study of topic number ${i}`, authors: ['Grace Hopper', `Author ${i}`], ...overrides };
}

const stored = () => db.getAll('seen');

describe('markSeen', () => {
  it('records new cards first seen now, and answers in the order sent', async () => {
    const cards = [seenCard(2), seenCard(1, { aliases: ['doi:10.48550/arxiv.2411.00001'] })];
    expect(await markSeen('arxiv', cards)).toEqual([{ key: cards[0]!.key, firstSeen: T0 }, { key: cards[1]!.key, firstSeen: T0 }]);
    expect(await db.get('seen', cards[1]!.key)).toEqual({
      key: 'arxiv:2411.00001', aliases: ['doi:10.48550/arxiv.2411.00001'], fingerprint: 'a careful study of topic number 1',
      authors: ['Grace Hopper', 'Author 1'], firstSeen: T0, lastSeen: T0, site: 'arxiv',
      ids: ['arxiv:2411.00001', 'doi:10.48550/arxiv.2411.00001'],
    });
  });

  it('answers with the first sighting as it was before the call, and moves only the last one on', async () => {
    await markSeen('arxiv', [seenCard(1)]);
    clock = T0 + DAY;
    expect(await markSeen('huggingface', [seenCard(1), seenCard(3)], HF_TAB)).toEqual([
      { key: seenCard(1).key, firstSeen: T0 }, { key: seenCard(3).key, firstSeen: T0 + DAY },
    ]);
    expect(await db.get('seen', seenCard(1).key)).toMatchObject({ firstSeen: T0, lastSeen: T0 + DAY, site: 'arxiv' });
  });

  it('knows a paper met under another of its ids, and unites the ids', async () => {
    await markSeen('openreview', [seenCard(1, { key: 'openreview:Xy12AbCd', aliases: ['arxiv:2411.00001'] })]);
    clock = T0 + 2 * DAY;
    const later = seenCard(1, { aliases: ['doi:10.48550/arxiv.2411.00001'] });
    expect(await markSeen('huggingface', [later], HF_TAB)).toEqual([{ key: later.key, firstSeen: T0 }]);
    expect(await stored()).toEqual([expect.objectContaining({
      key: 'openreview:Xy12AbCd', aliases: ['arxiv:2411.00001', 'doi:10.48550/arxiv.2411.00001'], firstSeen: T0, lastSeen: T0 + 2 * DAY, site: 'openreview',
    })]);
  });

  it('knows the same paper on another site by its title and agreeing authors, not by its title alone', async () => {
    const onArxiv = seenCard(0, { key: 'arxiv:2410.01234', title: 'Speculative Decoding: Faster Inference for Large Language Models', authors: ['Álvaro Rodríguez Abella', 'Yi Tay'] });
    await markSeen('arxiv', [onArxiv]);
    clock = T0 + DAY;
    const onAcl = { key: 'acl:2025.acl-long.17', aliases: [], title: 'Speculative decoding — faster inference for large language models', authors: ['Rodriguez Abella, A.'] };
    const otherAuthors = { key: 'acl:2025.acl-long.99', aliases: [], title: onArxiv.title, authors: ['Someone Else'] };
    expect(await markSeen('acl', [onAcl, otherAuthors])).toEqual([
      { key: onAcl.key, firstSeen: T0 }, { key: otherAuthors.key, firstSeen: T0 + DAY },
    ]);
    expect((await db.get('seen', onArxiv.key))!.aliases).toEqual([onAcl.key]);
    expect(await db.count('seen')).toBe(2);
  });

  it('never matches a title too short to identify a paper', async () => {
    await markSeen('arxiv', [seenCard(1, { title: 'Segment Anything' })]);
    expect(await markSeen('arxiv', [seenCard(2, { title: 'Segment Anything' })])).toEqual([{ key: seenCard(2).key, firstSeen: T0 }]);
    expect(await db.count('seen')).toBe(2);
  });

  it('unites two entries a card shows to be one paper: the earliest sighting, one entry left', async () => {
    await markSeen('arxiv', [seenCard(1)]);
    clock = T0 + DAY;
    await markSeen('openreview', [seenCard(9, { key: 'openreview:Qq9', title: 'Something else entirely titled here' })]);
    clock = T0 + 3 * DAY;
    const both = seenCard(1, { aliases: ['openreview:Qq9'] });
    expect(await markSeen('huggingface', [both], HF_TAB)).toEqual([{ key: both.key, firstSeen: T0 }]);
    expect(await stored()).toEqual([expect.objectContaining({
      key: seenCard(1).key, aliases: ['openreview:Qq9'], firstSeen: T0, lastSeen: T0 + 3 * DAY, site: 'arxiv',
    })]);
  });

  it('records a paper shown twice on one page once', async () => {
    const twice = [seenCard(1), seenCard(1, { key: 'doi:10.48550/arxiv.2411.00001', aliases: [seenCard(1).key] })];
    expect(await markSeen('arxiv', twice)).toEqual(twice.map((c) => ({ key: c.key, firstSeen: T0 })));
    expect(await stored()).toEqual([expect.objectContaining({ key: seenCard(1).key, aliases: ['doi:10.48550/arxiv.2411.00001'] })]);
  });

  it('uses ONE transaction per batch, on the reading memory alone, full memory or empty', async () => {
    const page = Array.from({ length: 500 }, (_, i) => seenCard(i, { aliases: [`doi:10.48550/arxiv.2411.${String(i).padStart(5, '0')}`] }));
    await markSeen('arxiv', page);
    expect(transactions).toEqual([['seen']]);
    transactions = [];
    clock = T0 + DAY;
    await markSeen('arxiv', page);
    await markSeen('arxiv', page.slice(0, 10));
    expect(transactions).toEqual([['seen'], ['seen']]);
    expect(await db.count('seen')).toBe(500);
  });

  it('keeps the most recently seen entries, pruning the rest in a transaction of its own after the reply', async () => {
    handle = handler({ limit: 100, slack: 5 });
    for (let day = 0; day < 10; day++) {
      clock = T0 + day * DAY;
      await markSeen('arxiv', Array.from({ length: 10 }, (_, i) => seenCard(day * 10 + i)));
    }
    expect(tasks).toHaveLength(0);
    clock = T0 + 10 * DAY;
    transactions = [];
    await markSeen('arxiv', Array.from({ length: 6 }, (_, i) => seenCard(100 + i)));
    expect(transactions).toEqual([['seen']]);
    expect(tasks).toHaveLength(1);
    await tasks[0]!();
    expect(transactions).toEqual([['seen'], ['seen']]);
    const left = await stored();
    expect(left).toHaveLength(100);
    // The six seen longest ago went: the first day's first six cards.
    expect(left.map((entry) => entry.key).sort()).toEqual(
      Array.from({ length: 106 }, (_, i) => seenCard(i).key).slice(6).sort(),
    );
  });

  it('is bounded to 200,000 entries by default', () => {
    expect(READING_MEMORY_LIMITS.entries).toBe(200_000);
  });

  it('records the cards of a lookup with `seenOn` in the same way, its reply carrying the sightings beside the saved state', async () => {
    await markSeen('arxiv', [seenCard(1)]);
    clock = T0 + DAY;
    const cards = [seenCard(1), seenCard(3)];
    const reply = await ok<{ found: unknown[]; seen: Seen; now: number }>({ type: 'lookup', keys: [], cards, seenOn: 'huggingface' }, HF_TAB);
    expect(reply).toEqual({ ok: true, found: [], seen: [{ key: seenCard(1).key, firstSeen: T0 }, { key: seenCard(3).key, firstSeen: T0 + DAY }], now: T0 + DAY });
    expect(await db.get('seen', seenCard(3).key)).toMatchObject({ firstSeen: T0 + DAY, lastSeen: T0 + DAY, site: 'huggingface' });
    expect(await db.get('seen', seenCard(1).key)).toMatchObject({ firstSeen: T0, lastSeen: T0 + DAY, site: 'arxiv' });
  });

  it('answers a lookup with `seenOn` while the memory is off without recording or sightings, and one without `seenOn` never records', async () => {
    expect(await ok({ type: 'lookup', keys: [], cards: [seenCard(1)] }, ARXIV_TAB)).toEqual({ ok: true, found: [] });
    await settings.save({ ...settings.current(), readingMemory: false });
    expect(await ok({ type: 'lookup', keys: [], cards: [seenCard(2)], seenOn: 'arxiv' }, ARXIV_TAB)).toEqual({ ok: true, found: [] });
    expect(await db.count('seen')).toBe(0);
  });

  it('records nothing while the reading memory is switched off', async () => {
    await settings.save({ ...settings.current(), readingMemory: false });
    expect(await refused({ type: 'markSeen', site: 'arxiv', cards: [seenCard(1)] }, ARXIV_TAB)).toBe(
      'The reading memory is switched off in Paperlight\'s options, so nothing was recorded.',
    );
    expect(await db.count('seen')).toBe(0);
  });

  it('refuses malformed batches with a message that names the place, writing nothing', async () => {
    const tooMany = Array.from({ length: 2001 }, (_, i) => seenCard(i));
    expect(await refused({ type: 'markSeen', site: 'arxiv', cards: tooMany }, ARXIV_TAB)).toBe('Invalid "markSeen" message: cards: too many entries (2001; at most 2000).');
    expect(await refused({ type: 'markSeen', site: 'arxiv', cards: [{ ...seenCard(1), key: 'not a key' }] }, ARXIV_TAB))
      .toMatch(/^Invalid "markSeen" message: cards\[0\]\.key: "not a key" is not a paper key/);
    expect(await refused({ type: 'markSeen', site: '', cards: [] }, ARXIV_TAB)).toBe('Invalid "markSeen" message: site: must not be empty.');
    expect(await refused({ type: 'markSeen', site: 'arxiv', cards: [{ key: 'arxiv:2411.00001', title: 'x', authors: [] }] }, ARXIV_TAB))
      .toBe('Invalid "markSeen" message: cards[0].aliases: expected a list.');
    expect(await db.count('seen')).toBe(0);
  });
});

describe('clearing the reading memory', () => {
  it('forgets every paper seen, from the options page only, and never touches the library or the Trash', async () => {
    await ok({ type: 'save', paper: card() }, ARXIV_TAB);
    await ok({ type: 'restore', papers: [paper(1), paper(2)] }, OPTIONS);
    await ok({ type: 'remove', key: paper(2).key }, OPTIONS);
    await markSeen('arxiv', [seenCard(1), seenCard(2), { key: card().key, aliases: [], title: card().title, authors: card().authors }]);
    const papersBefore = await db.getAll('papers');
    const trashBefore = await db.getAll('trash');
    const countsBefore = await db.getAll('counts');

    expect(await refused({ type: 'clearReadingMemory' }, ARXIV_TAB)).toMatch(/can only be sent from Paperlight's own pages/);
    expect(await ok({ type: 'readingMemoryStats' }, OPTIONS)).toEqual({ ok: true, entries: 3 });
    transactions = [];
    broadcasts = [];
    expect(await ok({ type: 'clearReadingMemory' }, OPTIONS)).toEqual({ ok: true, removed: 3 });
    expect(transactions).toEqual([['seen']]);
    // Open tabs are told, so their "seen" labels go; clearing an empty memory tells nobody anything.
    expect(broadcasts).toEqual([{ type: CHANGE_EVENT_TYPE, changes: [], memoryCleared: true }]);
    expect(await ok({ type: 'clearReadingMemory' }, OPTIONS)).toEqual({ ok: true, removed: 0 });
    expect(broadcasts).toHaveLength(1);
    expect(await db.count('seen')).toBe(0);
    expect(await db.getAll('papers')).toEqual(papersBefore);
    expect(await db.getAll('trash')).toEqual(trashBefore);
    expect(await db.getAll('counts')).toEqual(countsBefore);
    expect(await ok({ type: 'readingMemoryStats' }, OPTIONS)).toEqual({ ok: true, entries: 0 });
  });

  it('a backup that brings reading memory back tells open tabs to ask again; one that leaves the memory as it is does not', async () => {
    await markSeen('arxiv', [seenCard(1), seenCard(2)]);
    const { text } = await ok({ type: 'exportBackup' }, OPTIONS);
    await ok({ type: 'clearReadingMemory' }, OPTIONS);
    broadcasts = [];
    await ok({ type: 'importBackup', mode: 'merge', text }, OPTIONS);
    expect(broadcasts).toContainEqual({ type: CHANGE_EVENT_TYPE, changes: [], memoryChanged: true });
    expect(await ok({ type: 'readingMemoryStats' }, OPTIONS)).toEqual({ ok: true, entries: 2 });
    broadcasts = [];
    await ok({ type: 'importBackup', mode: 'merge', text }, OPTIONS);
    expect(broadcasts.filter((event) => 'memoryChanged' in event)).toEqual([]);
  });
});
