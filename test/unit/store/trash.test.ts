// @vitest-environment node
// The Trash through the message handler, on a clock the test controls: what goes there (remove, bulk delete,
// clear), what comes back (exactly), what it does to the counts and the tag list, deleting for ever, and pruning
// after 30 days.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDbOpener, type DbOpener } from '../../../src/background/db';
import { createMessageHandler, createTrashPruner, type Sender } from '../../../src/background/handler';
import type { SavedPaper, TrashedPaper } from '../../../src/core/paper';
import type { AnyReply, ChangeEvent } from '../../../src/shared/messages';
import { card, expectCountsMatchRecords, paper, uniqueDbName } from './helpers';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${EXTENSION_ID}/`;
const POPUP: Sender = { id: EXTENSION_ID, url: `${BASE}src/popup/index.html` };
const CONTENT: Sender = { id: EXTENSION_ID, url: 'https://arxiv.org/list/cs.LG/new', tab: { id: 4 } };
const T0 = Date.UTC(2026, 0, 10, 9, 30);
const DAY = 24 * 60 * 60 * 1000;

let opener: DbOpener;
let events: ChangeEvent[];
let clock: number;
let handle: (raw: unknown, sender: Sender) => Promise<AnyReply>;

beforeEach(() => {
  opener = createDbOpener(uniqueDbName());
  events = [];
  clock = T0;
  handle = createMessageHandler({
    db: opener, extensionId: EXTENSION_ID, extensionBaseUrl: BASE, appVersion: '0.1.0',
    broadcast: (event) => events.push(event), now: () => clock,
  });
});
afterEach(async () => (await opener.get()).close());

async function ok<T = Record<string, unknown>>(raw: unknown, sender: Sender = POPUP): Promise<T> {
  const reply = await handle(raw, sender);
  if (!reply.ok) throw new Error(reply.error);
  return reply as T;
}

const trash = async () => (await ok<{ papers: TrashedPaper[] }>({ type: 'trash' })).papers;
const library = async () => (await ok<{ papers: SavedPaper[] }>({ type: 'getAll' })).papers;
const tags = async () => (await ok<{ tags: Array<{ name: string; count: number }> }>({ type: 'tags' })).tags;
const total = async (filter?: object) => (await ok<{ total: number }>({ type: 'query', limit: 1, ...(filter && { filter }) })).total;

/** Three papers with shared and own tags, one with a note and a status, put in the library as they are. */
const papers = [
  paper(1, { tags: ['shared', 'Only-One'], note: 'Compare with the baseline in table 2.', status: 'reading' }),
  paper(2, { tags: ['shared'] }),
  paper(3, { tags: [] }),
];

beforeEach(async () => {
  await ok({ type: 'restore', papers });
  events.length = 0;
});

describe('moving to the Trash', () => {
  it('remove moves the paper there with its removal time; its tags stop counting', async () => {
    clock = T0 + 1000;
    const { removed } = await ok<{ removed: SavedPaper }>({ type: 'remove', key: papers[0]!.aliases[0]! }, CONTENT);
    expect(removed).toEqual(papers[0]);
    expect(await trash()).toEqual([{ ...papers[0], removedAt: T0 + 1000 }]);
    expect((await library()).map((p) => p.key).sort()).toEqual([papers[1]!.key, papers[2]!.key]);
    expect(await tags()).toEqual([{ name: 'shared', count: 1 }]);
    expect(await total()).toBe(2);
    expect(await total({ status: 'reading' })).toBe(0);
    await expectCountsMatchRecords(await opener.get());
  });

  it('bulk delete and clearAll move papers there too, with unchanged replies', async () => {
    clock = T0 + 1;
    const bulk = await ok<{ deleted: SavedPaper[]; updated: number }>({ type: 'bulk', keys: [papers[0]!.key, papers[1]!.key], delete: true });
    expect(bulk).toEqual({ ok: true, updated: 0, deleted: [papers[0], papers[1]] });
    clock = T0 + 2;
    expect(await ok({ type: 'clearAll' })).toEqual({ ok: true, removed: 1 });
    expect(await library()).toEqual([]);
    expect(await tags()).toEqual([]);
    expect(await total()).toBe(0);
    // Most recently removed first.
    expect(await trash()).toEqual([{ ...papers[2], removedAt: T0 + 2 }, ...[papers[0], papers[1]].map((p) => ({ ...p, removedAt: T0 + 1 }))]);
    expect(events.map((e) => e.trash)).toEqual([true, true]);
  });

  it('a paper removed twice (saved again in between) keeps both copies\' work in one Trash entry', async () => {
    await ok({ type: 'remove', key: papers[0]!.key });
    clock = T0 + DAY;
    const again = await ok<{ paper: SavedPaper }>({ type: 'save', paper: card({ key: papers[0]!.key, aliases: [], tags: ['second-life'], note: 'Second reading.' }) });
    clock = T0 + 2 * DAY;
    await ok({ type: 'remove', key: papers[0]!.key });
    const [entry] = await trash();
    expect(entry).toMatchObject({
      key: papers[0]!.key,
      removedAt: T0 + 2 * DAY,
      note: 'Second reading.',
      tags: ['second-life', 'shared', 'Only-One'],
      savedAt: papers[0]!.savedAt,
      updatedAt: again.paper.updatedAt,
    });
  });
});

describe('restoring', () => {
  it('gives back the exact record (tags, note, status, dates, aliases, pages seen), and counts its tags again', async () => {
    await ok({ type: 'bulk', keys: papers.map((p) => p.key), delete: true });
    clock = T0 + 3 * DAY;
    const { restored } = await ok<{ restored: SavedPaper[] }>({ type: 'restoreTrashed', keys: [papers[0]!.key, 'arxiv:9999.99999'] });
    expect(restored).toEqual([papers[0]]);
    expect(await library()).toEqual([papers[0]]);
    expect(await tags()).toEqual([{ name: 'Only-One', count: 1 }, { name: 'shared', count: 1 }]);
    expect(await total({ status: 'reading' })).toBe(1);
    expect((await trash()).map((p) => p.key).sort()).toEqual([papers[1]!.key, papers[2]!.key]);
    expect(events.at(-1)).toEqual({ type: 'paperlight:changed', changes: [{ key: papers[0]!.key, paper: papers[0] }], trash: true });
    await expectCountsMatchRecords(await opener.get());
  });

  it('unites the trashed copy with a copy saved again meanwhile (found by alias), losing nothing', async () => {
    await ok({ type: 'remove', key: papers[0]!.key });
    clock = T0 + DAY;
    // Met again under its DOI, saved with a new tag: a fresh record, since the old one is in the Trash.
    const { paper: fresh } = await ok<{ paper: SavedPaper }>({
      type: 'save', paper: card({ key: papers[0]!.aliases[0]!, aliases: [], tags: ['SHARED', 'new-tag'] }),
    }, CONTENT);
    expect(fresh.key).toBe(papers[0]!.aliases[0]);
    const { restored } = await ok<{ restored: SavedPaper[] }>({ type: 'restoreTrashed', keys: [papers[0]!.key] });
    expect(restored).toHaveLength(1);
    expect(restored[0]).toMatchObject({
      key: fresh.key,
      aliases: [papers[0]!.key],
      note: papers[0]!.note,
      savedAt: papers[0]!.savedAt,
      updatedAt: fresh.updatedAt,
      title: fresh.title,
      tags: ['shared', 'new-tag', 'Only-One'],
    });
    expect(await library()).toHaveLength(3);
    expect(await trash()).toEqual([]);
    await expectCountsMatchRecords(await opener.get());
  });

  it('unites the trashed copy with the same paper saved again from another site, found only by its title', async () => {
    await ok({ type: 'remove', key: papers[0]!.key });
    clock = T0 + DAY;
    // Its proceedings page: another key, none of its ids, the title with a final period, the authors as initials.
    const proceedings = 'url:https://proceedings.mlr.press/v235/hopper24a.html';
    await ok({
      type: 'save', paper: card({ key: proceedings, aliases: [], title: `${papers[0]!.title}.`, authors: ['G. Hopper', 'A. Author'], tags: [] }),
    }, CONTENT);
    const { restored } = await ok<{ restored: SavedPaper[] }>({ type: 'restoreTrashed', keys: [papers[0]!.key] });
    expect(restored).toHaveLength(1);
    expect(restored[0]).toMatchObject({
      key: proceedings,
      aliases: [papers[0]!.key, ...papers[0]!.aliases],
      note: papers[0]!.note,
      savedAt: papers[0]!.savedAt,
      tags: ['shared', 'Only-One'],
    });
    expect((await library()).map((p) => p.key).sort()).toEqual([papers[1]!.key, papers[2]!.key, proceedings].sort());
    expect(await trash()).toEqual([]);
    await expectCountsMatchRecords(await opener.get());
  });

  it('brings two trashed copies of one paper, restored together, back as one record', async () => {
    await ok({ type: 'remove', key: papers[0]!.key });
    clock = T0 + DAY;
    const proceedings = 'url:https://proceedings.mlr.press/v235/hopper24a.html';
    await ok({
      type: 'save',
      paper: card({ key: proceedings, aliases: [], title: `${papers[0]!.title}.`, authors: ['G. Hopper', 'A. Author'], tags: ['venue-copy'] }),
    }, CONTENT);
    clock = T0 + 2 * DAY;
    await ok({ type: 'remove', key: proceedings });
    expect(await library()).toHaveLength(2);
    const { restored } = await ok<{ restored: SavedPaper[] }>({ type: 'restoreTrashed', keys: [papers[0]!.key, proceedings] });
    expect(restored).toHaveLength(1);
    expect(restored[0]).toMatchObject({
      key: papers[0]!.key,
      aliases: [...papers[0]!.aliases, proceedings],
      note: papers[0]!.note,
      savedAt: papers[0]!.savedAt,
    });
    expect([...restored[0]!.tags].sort()).toEqual(['Only-One', 'shared', 'venue-copy']);
    expect((await library()).map((p) => p.key).sort()).toEqual(papers.map((p) => p.key).sort());
    expect(await trash()).toEqual([]);
    await expectCountsMatchRecords(await opener.get());
  });

  it('keeps a namesake by other authors apart: the trashed paper comes back as a record of its own', async () => {
    await ok({ type: 'remove', key: papers[0]!.key });
    const namesake = 'url:https://proceedings.mlr.press/v235/lovelace24a.html';
    await ok({ type: 'save', paper: card({ key: namesake, aliases: [], title: papers[0]!.title, authors: ['Ada Lovelace'], tags: [] }) }, CONTENT);
    const { restored } = await ok<{ restored: SavedPaper[] }>({ type: 'restoreTrashed', keys: [papers[0]!.key] });
    expect(restored).toEqual([papers[0]]);
    expect((await library()).map((p) => p.key).sort()).toEqual([papers[0]!.key, papers[1]!.key, papers[2]!.key, namesake].sort());
  });

  it('refuses keys that are not paper keys, and changes nothing', async () => {
    await ok({ type: 'remove', key: papers[0]!.key });
    const reply = await handle({ type: 'restoreTrashed', keys: ['not a key'] }, POPUP);
    expect(reply).toEqual({ ok: false, error: 'Invalid "restoreTrashed" message: keys[0]: "not a key" is not a paper key such as "arxiv:2412.01234".' });
    expect(await trash()).toHaveLength(1);
  });
});

describe('deleting for ever', () => {
  it('deleteTrashed deletes the given entries only; emptyTrash the rest', async () => {
    await ok({ type: 'bulk', keys: papers.map((p) => p.key), delete: true });
    expect(await ok({ type: 'deleteTrashed', keys: [papers[1]!.key, papers[1]!.key, 'arxiv:9999.99999'] })).toEqual({ ok: true, deleted: 1 });
    expect((await trash()).map((p) => p.key).sort()).toEqual([papers[0]!.key, papers[2]!.key]);
    expect(await ok({ type: 'emptyTrash' })).toEqual({ ok: true, deleted: 2 });
    expect(await trash()).toEqual([]);
    expect((await ok<{ restored: SavedPaper[] }>({ type: 'restoreTrashed', keys: [papers[0]!.key] })).restored).toEqual([]);
    expect(await library()).toEqual([]);
  });
});

describe('pruning after 30 days (controlled clock)', () => {
  beforeEach(async () => {
    await ok({ type: 'remove', key: papers[0]!.key });
    clock = T0 + 10 * DAY;
    await ok({ type: 'remove', key: papers[1]!.key });
  });

  it('keeps a paper until 30 days have passed, then no longer lists or restores it', async () => {
    clock = T0 + 30 * DAY - 1;
    expect((await trash()).map((p) => p.key)).toEqual([papers[1]!.key, papers[0]!.key]);
    clock = T0 + 30 * DAY;
    expect((await trash()).map((p) => p.key)).toEqual([papers[1]!.key]);
    expect((await ok<{ restored: SavedPaper[] }>({ type: 'restoreTrashed', keys: [papers[0]!.key, papers[1]!.key] })).restored).toEqual([papers[1]]);
  });

  it('deletes it from the database when the Trash is next written, even by another paper\'s removal', async () => {
    clock = T0 + 31 * DAY;
    await ok({ type: 'remove', key: papers[2]!.key });
    const stored = await (await opener.get()).getAllKeys('trash');
    expect(stored.sort()).toEqual([papers[1]!.key, papers[2]!.key].sort());
  });

  it('the start-up pruner deletes what is due and tells the extension pages', async () => {
    const prune = createTrashPruner({ db: opener, broadcast: (event) => events.push(event), now: () => clock });
    events.length = 0;
    clock = T0 + 40 * DAY - 1;
    expect(await prune()).toBe(1);
    expect(events).toEqual([{ type: 'paperlight:changed', changes: [], trash: true }]);
    expect(await prune()).toBe(0);
    expect(events).toHaveLength(1);
    clock = T0 + 40 * DAY;
    expect(await prune()).toBe(1);
    expect(await (await opener.get()).count('trash')).toBe(0);
  });
});
