// @vitest-environment node
// The title filter: a paper written by any write path is found by title afterwards (the filter is never missing a
// saved title), the lookup asks the index only about titles the filter may hold, and a filter that is missing, made
// by other rules or overfull is built again from the index.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBackup } from '../../../src/background/backup-import';
import { DB_VERSION, openPaperlightDb } from '../../../src/background/db';
import {
  FILTER_STORE, buildFingerprintFilter, filterOf, putPaper, readFingerprintFilter, recordMayContain,
} from '../../../src/background/fingerprint-filter';
import { importLibrary, undoImport } from '../../../src/background/library-import';
import { clearAll, restorePapers } from '../../../src/background/library-operations';
import { lookupPage } from '../../../src/background/page-lookup';
import { removePaper, savePaper } from '../../../src/background/paper-operations';
import { fingerprintKey, toStored } from '../../../src/background/records';
import type { FingerprintFilterRecord, PaperlightDatabase } from '../../../src/background/schema';
import { readTransaction, writeTransaction } from '../../../src/background/transactions';
import { restoreTrashed } from '../../../src/background/trash-operations';
import { serialiseBackup } from '../../../src/core/backup';
import type { SavedPaper } from '../../../src/core/paper';
import { card, paper, uniqueDbName } from '../store/helpers';

const NOW = 1_800_000_000_000;
const TITLE = 'Learning Transferable Visual Models From Natural Language Supervision';
/** The same title as a proceedings page writes it. */
const PROCEEDINGS_TITLE = 'Learning transferable visual models from natural language supervision.';
const FINGERPRINT = 'learning transferable visual models from natural language supervision';
const AUTHORS = ['Alec Radford', 'Jong Wook Kim', 'Chris Hallacy'];

/** A proceedings page's cards: the paper under a key it was never saved with, among 40 unsaved papers. */
function proceedingsPage(title = PROCEEDINGS_TITLE, authors = ['A. Radford', 'J. W. Kim']) {
  const others = Array.from({ length: 40 }, (_, i) => ({
    key: `url:https://proceedings.example/other-${i}`, title: `An unsaved study of topic number ${i}`, authors: ['Some One'],
  }));
  return [...others, { key: 'url:https://proceedings.example/clip', title, authors }];
}

/** The saved paper a proceedings page's card of `title` finds, if any. */
async function foundByTitle(db: PaperlightDatabase, title = PROCEEDINGS_TITLE): Promise<SavedPaper | undefined> {
  const { result } = await lookupPage(db, [], proceedingsPage(title));
  expect(result.found.filter((hit) => hit.key !== 'url:https://proceedings.example/clip')).toEqual([]);
  return result.found.find((hit) => hit.key === 'url:https://proceedings.example/clip')?.paper;
}

/** The stored filter record, and whether lookups trust it (a lookup then reads only what it may hold). */
async function storedFilter(db: PaperlightDatabase) {
  const record = (await db.get(FILTER_STORE, 'papers')) as FingerprintFilterRecord | undefined;
  const current = (await readFingerprintFilter(readTransaction(db))) !== undefined;
  return { record, current };
}

/** Expects the paper keyed `key` to be found by title, through a filter that is current and holds its title. */
async function expectFoundThroughFilter(db: PaperlightDatabase, key: string, fingerprint = FINGERPRINT) {
  const { record, current } = await storedFilter(db);
  expect(current).toBe(true);
  expect(recordMayContain(record!, fingerprintKey(fingerprint))).toBe(true);
  expect((await foundByTitle(db))?.key).toBe(key);
}

const clip = (overrides: Partial<SavedPaper> = {}) => paper(1, { key: 'arxiv:2103.00020', aliases: [], title: TITLE, authors: AUTHORS, ...overrides });

describe('the filter itself', () => {
  it('holds every key it was made of, and few others', () => {
    const keys = Array.from({ length: 10_000 }, (_, i) => fingerprintKey(`a saved title number ${i}`));
    const record = filterOf(keys);
    expect(keys.every((key) => recordMayContain(record, key))).toBe(true);
    const others = Array.from({ length: 10_000 }, (_, i) => fingerprintKey(`an unsaved title number ${i}`));
    // Sized for twice the keys at 8 bits each, with 5 bits per key: about 0.02% expected, 1% allowed.
    expect(others.filter((key) => recordMayContain(record, key)).length).toBeLessThan(100);
    // A key whose bits others had all set already adds nothing: `entries` counts the keys that set a bit.
    expect(record.entries).toBeGreaterThan(9_990);
    expect(record.entries).toBeLessThanOrEqual(10_000);
    expect(record.capacity).toBeGreaterThanOrEqual(20_000);
  });

  it('is sized for an empty library too, and holds nothing then', () => {
    const record = filterOf([]);
    expect(record.entries).toBe(0);
    expect(record.capacity).toBe(4096);
    expect(recordMayContain(record, fingerprintKey(FINGERPRINT))).toBe(false);
  });
});

describe('every write path keeps the filter', () => {
  it('a fresh database has a current, empty filter, and a lookup by title finds nothing', async () => {
    const db = await openPaperlightDb(uniqueDbName());
    const { record, current } = await storedFilter(db);
    expect(current).toBe(true);
    expect(record?.entries).toBe(0);
    expect(await foundByTitle(db)).toBeUndefined();
    db.close();
  });

  it('save: a paper saved from its arXiv card is found from its proceedings card', async () => {
    const db = await openPaperlightDb(uniqueDbName());
    await savePaper(db, card({ key: 'arxiv:2103.00020', aliases: [], title: TITLE, authors: AUTHORS }), NOW);
    await expectFoundThroughFilter(db, 'arxiv:2103.00020');
    db.close();
  });

  it('update: a re-save that changes the title is found under the new title', async () => {
    const db = await openPaperlightDb(uniqueDbName());
    await savePaper(db, card({ key: 'arxiv:2103.00020', aliases: [], title: 'Learning Visual Models From Text, a draft', authors: AUTHORS }), NOW);
    expect(await foundByTitle(db)).toBeUndefined();
    await savePaper(db, card({ key: 'arxiv:2103.00020', aliases: [], title: TITLE, authors: AUTHORS }), NOW + 1);
    await expectFoundThroughFilter(db, 'arxiv:2103.00020');
    db.close();
  });

  it('library import (BibTeX), and the undo of an import that changed the paper', async () => {
    const db = await openPaperlightDb(uniqueDbName());
    const bibtex = (extra: string) => `@article{radford2021,\n  title = {${TITLE}},\n  author = {Radford, Alec and Kim, Jong Wook},\n  year = {2021},\n  eprint = {2103.00020},\n  archivePrefix = {arXiv}${extra}\n}\n`;
    await importLibrary(db, bibtex(''), { now: NOW, undoId: 'first' });
    await expectFoundThroughFilter(db, 'arxiv:2103.00020');

    const second = await importLibrary(db, bibtex(',\n  keywords = {vision, contrastive}'), { now: NOW + 1, undoId: 'second' });
    expect(second.result).toMatchObject({ updated: 1 });
    await undoImport(db, 'second', NOW + 2);
    await expectFoundThroughFilter(db, 'arxiv:2103.00020');
    await undoImport(db, 'first', NOW + 3);
    expect(await foundByTitle(db)).toBeUndefined();
    db.close();
  });

  it('backup import, merge and replace', async () => {
    for (const mode of ['merge', 'replace'] as const) {
      const db = await openPaperlightDb(uniqueDbName());
      await savePaper(db, card(), NOW);
      const result = await importBackup(db, serialiseBackup([clip()], new Date(NOW)), { mode, now: NOW });
      expect(result.result).toMatchObject({ added: 1 });
      await expectFoundThroughFilter(db, 'arxiv:2103.00020');
      db.close();
    }
  });

  it('restore from the Trash, and undo of a removal', async () => {
    const db = await openPaperlightDb(uniqueDbName());
    await savePaper(db, card({ key: 'arxiv:2103.00020', aliases: [], title: TITLE, authors: AUTHORS }), NOW);
    const removed = (await removePaper(db, 'arxiv:2103.00020', NOW + 1)).result.removed!;
    expect(await foundByTitle(db)).toBeUndefined();
    await restoreTrashed(db, ['arxiv:2103.00020'], NOW + 2);
    await expectFoundThroughFilter(db, 'arxiv:2103.00020');

    await removePaper(db, 'arxiv:2103.00020', NOW + 3);
    expect(await foundByTitle(db)).toBeUndefined();
    await restorePapers(db, [removed]);
    await expectFoundThroughFilter(db, 'arxiv:2103.00020');
    db.close();
  });

  it('removing a paper and saving it again: unsaved between, found after', async () => {
    const db = await openPaperlightDb(uniqueDbName());
    const clipCard = card({ key: 'arxiv:2103.00020', aliases: [], title: TITLE, authors: AUTHORS });
    await savePaper(db, clipCard, NOW);
    await removePaper(db, 'arxiv:2103.00020', NOW + 1);
    // Its bits stay (a removal clears none): the lookup reads the index for it and finds no paper.
    expect(await foundByTitle(db)).toBeUndefined();
    await savePaper(db, clipCard, NOW + 2);
    await expectFoundThroughFilter(db, 'arxiv:2103.00020');
    db.close();
  });

  it('clearing the library leaves an empty filter, and a paper saved afterwards is found through it', async () => {
    const db = await openPaperlightDb(uniqueDbName());
    await savePaper(db, card({ key: 'arxiv:2103.00020', aliases: [], title: TITLE, authors: AUTHORS }), NOW);
    await clearAll(db, NOW + 1);
    const { record, current } = await storedFilter(db);
    expect(current).toBe(true);
    expect(record!.entries).toBe(0);
    expect(record!.bits.some((byte) => byte !== 0)).toBe(false);
    expect(await foundByTitle(db)).toBeUndefined();
    await savePaper(db, card({ key: 'arxiv:2103.00020', aliases: [], title: TITLE, authors: AUTHORS }), NOW + 2);
    await expectFoundThroughFilter(db, 'arxiv:2103.00020');
    db.close();
  });

  it('several papers written in one transaction each set their bits', async () => {
    const db = await openPaperlightDb(uniqueDbName());
    const papers = Array.from({ length: 30 }, (_, i) => paper(i, { title: `A study of the numbered thing ${i}` }));
    const tx = writeTransaction(db);
    await Promise.all([...papers.map((p) => putPaper(tx.objectStore('papers'), p)), tx.done]);
    const { record, current } = await storedFilter(db);
    expect(current).toBe(true);
    expect(record!.entries).toBe(30);
    const fingerprints = Array.from({ length: 30 }, (_, i) => `a study of the numbered thing ${i}`);
    expect(fingerprints.filter((fingerprint) => !recordMayContain(record!, fingerprintKey(fingerprint)))).toEqual([]);
    db.close();
  });

  it('refuses a paper write in a transaction that does not hold the filter, writing nothing', async () => {
    const db = await openPaperlightDb(uniqueDbName());
    const tx = db.transaction('papers', 'readwrite');
    expect(() => putPaper(tx.store, clip())).toThrow(expect.objectContaining({ name: 'NotFoundError' }));
    tx.abort();
    await tx.done.catch(() => undefined);
    expect(await db.count('papers')).toBe(0);
    db.close();
  });

  it('no module writes a paper record but through putPaper', () => {
    // toStored makes the record a write stores; a module calling it could store a paper without its bits.
    const dir = path.resolve(import.meta.dirname, '../../../src');
    const callers = (readdirSync(dir, { recursive: true }) as string[])
      .filter((file) => /\.tsx?$/.test(file))
      .filter((file) => /\btoStored\(/.test(readFileSync(path.join(dir, file), 'utf8')))
      .map((file) => file.split(path.sep).join('/'))
      .sort();
    expect(callers).toEqual(['background/fingerprint-filter.ts', 'background/records.ts']);
  });
});

describe('a filter that cannot be trusted is built again', () => {
  async function libraryWithClip(): Promise<PaperlightDatabase> {
    const db = await openPaperlightDb(uniqueDbName());
    await savePaper(db, card({ key: 'arxiv:2103.00020', aliases: [], title: TITLE, authors: AUTHORS }), NOW);
    return db;
  }

  it.each([
    ['missing', (db: PaperlightDatabase) => db.delete(FILTER_STORE, 'papers')],
    ['made by other rules', async (db: PaperlightDatabase) => {
      const record = (await db.get(FILTER_STORE, 'papers'))!;
      await db.put(FILTER_STORE, { ...record, stamp: 'bloom-0/fingerprint-0', bits: new Uint8Array(record.bits.length) });
    }],
    ['overfull', async (db: PaperlightDatabase) => {
      const record = (await db.get(FILTER_STORE, 'papers'))!;
      await db.put(FILTER_STORE, { ...record, entries: record.capacity + 1, bits: new Uint8Array(record.bits.length) });
    }],
  ])('%s: the lookup reads every title, finds the paper, and leaves a current filter', async (_, spoil) => {
    const db = await libraryWithClip();
    await spoil(db);
    expect((await storedFilter(db)).current).toBe(false);
    expect((await foundByTitle(db))?.key).toBe('arxiv:2103.00020');
    // The lookup started the build before it answered: a read begun now waits for it.
    await expectFoundThroughFilter(db, 'arxiv:2103.00020');
    expect((await storedFilter(db)).record!.entries).toBe(1);
    db.close();
  });

  it('builds nothing when the filter is current', async () => {
    const db = await libraryWithClip();
    const before = await db.get(FILTER_STORE, 'papers');
    await buildFingerprintFilter(db);
    expect(await db.get(FILTER_STORE, 'papers')).toEqual(before);
    db.close();
  });
});

describe('migration to version 10', () => {
  it('builds the filter of every saved title, and rewrites no paper', async () => {
    const name = uniqueDbName();
    const old = await openPaperlightDb(name, { version: 9 });
    const records = [clip(), ...Array.from({ length: 50 }, (_, i) => paper(i + 10)), paper(99, { title: 'Too short' })];
    const tx = old.transaction('papers', 'readwrite');
    await Promise.all([...records.map((r) => tx.store.put(toStored(r))), tx.done]);
    const before = await old.getAll('papers');
    old.close();

    const db = await openPaperlightDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.getAll('papers')).toEqual(before);
    const { record, current } = await storedFilter(db);
    expect(current).toBe(true);
    // 51 titles of four words or more; "Too short" has no fingerprint.
    expect(record!.entries).toBe(51);
    expect(before.every((r) => r.ix.fingerprint === undefined || recordMayContain(record!, r.ix.fingerprint))).toBe(true);
    await expectFoundThroughFilter(db, 'arxiv:2103.00020');
    db.close();
  });
});

describe('what a lookup finds first', () => {
  it('a card whose alias names one paper and whose title names another is that alias\'s paper', async () => {
    const db = await openPaperlightDb(uniqueDbName());
    await savePaper(db, card({ key: 'arxiv:2103.00020', aliases: [], title: TITLE, authors: AUTHORS }), NOW);
    await savePaper(db, card({ key: 'arxiv:2401.99999', aliases: ['doi:10.1000/other'], title: 'Another paper entirely about other things', authors: ['Ada Lovelace'] }), NOW);
    const page = [...proceedingsPage(), { key: 'url:https://proceedings.example/mixed', aliases: ['doi:10.1000/other'], title: TITLE, authors: AUTHORS }];
    const { result } = await lookupPage(db, [], page);
    expect(result.found.map((hit) => [hit.key, hit.paper.key])).toEqual([
      ['url:https://proceedings.example/clip', 'arxiv:2103.00020'],
      ['url:https://proceedings.example/mixed', 'arxiv:2401.99999'],
    ]);
    db.close();
  });
});
