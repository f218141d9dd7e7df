// The popup's search snapshot through the real message handler: after every kind of write (save, edit, remove,
// bulk edit, undo, backup import, library import and its undo, clear all) it lists exactly the saved papers, each
// with exactly the summary fields of its record; and the database upgrade that brings its store.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serialiseBackup } from '../../../src/core/backup';
import { DB_VERSION, createDbOpener, openPaperlightDb, type DbOpener } from '../../../src/background/db';
import { createMessageHandler, type Sender } from '../../../src/background/handler';
import { readSnapshot } from '../../../src/background/search-snapshot';
import { toStored } from '../../../src/background/records';
import type { SavedPaper } from '../../../src/core/paper';
import type { AnyReply } from '../../../src/shared/messages';
import { readStoredSnapshot } from '../../../src/popup/stored-snapshot';
import { decodeSnapshot } from '../../../src/shared/search-snapshot';
import { plainSummary } from '../../../src/shared/snapshot-papers';
import { sample } from '../import/samples';
import { card, paper, uniqueDbName } from './helpers';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${EXTENSION_ID}/`;
const POPUP: Sender = { id: EXTENSION_ID, url: `${BASE}src/popup/index.html` };
const CONTENT: Sender = { id: EXTENSION_ID, url: 'https://arxiv.org/list/cs.LG/recent', tab: { id: 7 } };
const T0 = Date.UTC(2026, 0, 20, 9, 0, 0);

let name: string;
let opener: DbOpener;
let handle: (raw: unknown, sender: Sender) => Promise<AnyReply>;

beforeEach(() => {
  name = uniqueDbName();
  opener = createDbOpener(name);
  handle = createMessageHandler({
    db: opener, extensionId: EXTENSION_ID, extensionBaseUrl: BASE, appVersion: '0.1.0', broadcast: () => undefined, now: () => T0,
  });
});
afterEach(async () => (await opener.get()).close());

async function ok<T = Record<string, unknown>>(raw: unknown, sender: Sender = POPUP): Promise<T> {
  const reply = await handle(raw, sender);
  if (!reply.ok) throw new Error(reply.error);
  return reply as T;
}

/** The summary of a record, picked field by field here (not by the snapshot's own code). */
function summaryOf(p: SavedPaper) {
  return {
    key: p.key, aliases: p.aliases, title: p.title, url: p.url, authors: p.authors, tags: p.tags, status: p.status, note: p.note,
    site: p.site, savedAt: p.savedAt, metrics: p.metrics, codeLinks: p.codeLinks, venues: p.venues,
  };
}

const byKey = <T extends { key: string }>(list: T[]) => [...list].sort((a, b) => (a.key < b.key ? -1 : 1));

/** The snapshot as a page reads it: brought up to date by the background, then read from the database. */
async function snapshot() {
  expect(await ok({ type: 'searchSnapshot' })).toEqual({ ok: true });
  const stored = await readStoredSnapshot(name);
  expect(stored?.dirty).toEqual([]);
  const decoded = decodeSnapshot(stored!.columns);
  if (!decoded) throw new Error('the snapshot did not decode');
  return byKey(decoded.papers.map(plainSummary));
}

/** The snapshot lists every saved paper, each as its record says. */
async function expectSnapshotMatchesLibrary(): Promise<void> {
  const { papers } = await ok<{ papers: SavedPaper[] }>({ type: 'getAll' });
  expect(await snapshot()).toEqual(byKey(papers.map(summaryOf)));
}

describe('the search snapshot', () => {
  it('is empty for an empty library, and answers extension pages only', async () => {
    expect(await snapshot()).toEqual([]);
    expect(await handle({ type: 'searchSnapshot' }, CONTENT)).toMatchObject({ ok: false });
  });

  it('follows saves, edits, removals, bulk edits and undoing them', async () => {
    const papers = Array.from({ length: 30 }, (_, i) => paper(i));
    await ok({ type: 'restore', papers });
    await expectSnapshotMatchesLibrary();
    expect((await snapshot()).map((p) => p.key)).toHaveLength(30);

    // Each step reads the snapshot again, so each is brought up to date from the one before (not rebuilt).
    await ok({ type: 'save', paper: card({ tags: ['fresh'] }) }, CONTENT);
    await expectSnapshotMatchesLibrary();
    await ok({ type: 'update', key: papers[3]!.key, set: { status: 'read', note: 'Proof in appendix B' }, addTags: ['reread'] });
    await expectSnapshotMatchesLibrary();
    expect((await snapshot()).find((p) => p.key === papers[3]!.key)).toMatchObject({ status: 'read', note: 'Proof in appendix B' });
    const { removed } = await ok<{ removed: SavedPaper }>({ type: 'remove', key: papers[4]!.key });
    await expectSnapshotMatchesLibrary();
    expect((await snapshot()).some((p) => p.key === papers[4]!.key)).toBe(false);
    await ok({ type: 'restoreTrashed', keys: [removed.key] });
    await expectSnapshotMatchesLibrary();
    await ok({ type: 'bulk', keys: papers.slice(10, 20).map((p) => p.key), addTags: ['batch'] });
    await expectSnapshotMatchesLibrary();
    await ok({ type: 'bulk', keys: papers.slice(0, 5).map((p) => p.key), delete: true });
    await expectSnapshotMatchesLibrary();
    expect(await snapshot()).toHaveLength(26);
  });

  it('follows a backup import, a library import and its undo, and clearing the library', async () => {
    await ok({ type: 'restore', papers: Array.from({ length: 5 }, (_, i) => paper(i)) });
    await snapshot();
    const incoming = Array.from({ length: 12 }, (_, i) => paper(100 + i));
    await ok({ type: 'importBackup', mode: 'replace', text: serialiseBackup(incoming, new Date(T0)) });
    await expectSnapshotMatchesLibrary();
    expect((await snapshot()).map((p) => p.key)).toEqual(byKey(incoming).map((p) => p.key));

    const imported = await ok<{ undo: string; added: number }>({ type: 'importLibrary', text: sample('latex-project.bib') });
    expect(imported.added).toBeGreaterThan(0);
    await expectSnapshotMatchesLibrary();
    expect(await snapshot()).toHaveLength(12 + imported.added);
    await ok({ type: 'undoImport', undo: imported.undo });
    await expectSnapshotMatchesLibrary();
    expect(await snapshot()).toHaveLength(12);

    await ok({ type: 'clearAll' });
    expect(await snapshot()).toEqual([]);
  });

  it('notes a write without rewriting the snapshot: the next read brings it up to date', async () => {
    await ok({ type: 'restore', papers: [paper(1)] });
    await snapshot();
    const db = await opener.get();
    const columns = await db.get('snapshot', 'columns');
    await ok({ type: 'restore', papers: [paper(2)] });
    expect(await db.get('snapshot', 'columns')).toEqual(columns);
    expect(await readStoredSnapshot(name)).toMatchObject({ dirty: [paper(2).key] });
    expect((await snapshot()).map((p) => p.key)).toEqual([paper(1).key, paper(2).key]);
  });

  it('is built again when the stored one is of another format, though no write is pending', async () => {
    await ok({ type: 'restore', papers: [paper(1), paper(2)] });
    await snapshot();
    const db = await opener.get();
    const stored = await db.get('snapshot', 'columns');
    if (stored?.id !== 'columns') throw new Error('no columns record');
    // As an older version of Paperlight left it: the same papers, in a format this code does not read.
    await db.put('snapshot', { id: 'columns', columns: { ...stored.columns, format: 2 as unknown as 3 } });
    expect(await readStoredSnapshot(name)).toMatchObject({ dirty: [] });
    expect((await snapshot()).map((p) => p.key)).toEqual([paper(1).key, paper(2).key]);
    expect(await db.get('snapshot', 'columns')).toMatchObject({ columns: { format: 3 } });
  });

  it('is not stored when a write came in while it was being built', async () => {
    await ok({ type: 'restore', papers: [paper(1)] });
    const db = await opener.get();
    // A write noted (the generation bumped) after the read began, as `markWritten` does after a commit.
    const reading = readSnapshot(db);
    const tx = db.transaction(['papers', 'snapshot'], 'readwrite');
    const before = (await tx.objectStore('snapshot').get('state'))!;
    if (before.id !== 'state') throw new Error('no state record');
    await Promise.all([
      tx.objectStore('papers').put(toStored(paper(2))),
      tx.objectStore('snapshot').put({ ...before, generation: before.generation + 1, dirty: [paper(2).key] }),
      tx.done,
    ]);
    await reading;
    expect(await db.get('snapshot', 'state')).toMatchObject({ generation: before.generation + 1, dirty: [paper(2).key] });
    expect(await readStoredSnapshot(name)).toMatchObject({ dirty: [paper(2).key] });
    // The next read brings it up to date.
    expect(decodeSnapshot(await readSnapshot(db))!.papers.map((p) => p.key).sort()).toEqual([paper(1).key, paper(2).key]);
    expect(await readStoredSnapshot(name)).toMatchObject({ dirty: [] });
  });
});

describe('migration from version 7', () => {
  it('adds an empty snapshot store and leaves every record as it was; the first read builds the snapshot', async () => {
    const name = uniqueDbName();
    const v7 = await openPaperlightDb(name, { version: 7 });
    expect([...v7.objectStoreNames]).not.toContain('snapshot');
    const records = Array.from({ length: 20 }, (_, i) => paper(i));
    const tx = v7.transaction('papers', 'readwrite');
    await Promise.all([...records.map((r) => tx.store.put(toStored(r))), tx.done]);
    v7.close();

    const db = await openPaperlightDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.count('snapshot')).toBe(0);
    expect(byKey(await db.getAll('papers'))).toEqual(byKey(records.map(toStored)));
    expect(byKey(decodeSnapshot(await readSnapshot(db))!.papers.map(plainSummary))).toEqual(byKey(records.map(summaryOf)));
    db.close();
  });
});
