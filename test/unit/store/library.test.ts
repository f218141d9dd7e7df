// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PaperlightDatabase } from '../../../src/background/schema';
import { IMPORT_TIMING, importBackup } from '../../../src/background/backup-import';
import { bulkEdit, clearAll, exportBackup, restorePapers } from '../../../src/background/library-operations';
import { allPapers, listTags, removePaper, savePaper } from '../../../src/background/paper-operations';
import { BACKUP_FORMAT, parseBackup, serialiseBackup } from '../../../src/core/backup';
import type { SavedPaper } from '../../../src/core/paper';
import { card, expectCountsMatchRecords, freshDb, paper } from './helpers';

const NOW = 1_760_000_000_000;
let db: PaperlightDatabase;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

const byKey = (papers: SavedPaper[]) => [...papers].sort((a, b) => (a.key < b.key ? -1 : 1));
const library = async () => byKey((await allPapers(db)).papers);

describe('restore', () => {
  it('puts removed records back exactly, tags counted again', async () => {
    const saved = (await savePaper(db, card({ tags: ['undo-me'], note: 'n' }), NOW, 'https://huggingface.co/papers')).result.paper;
    const { removed } = (await removePaper(db, saved.key)).result;
    const { result, changes } = await restorePapers(db, [removed!]);
    expect(result.restored).toBe(1);
    expect(changes).toEqual([{ key: saved.key, paper: saved }]);
    expect(await library()).toEqual([saved]);
    expect((await listTags(db)).tags).toEqual([{ name: 'undo-me', count: 1 }]);
  });

  it('counts tags right when the same record is given twice', async () => {
    await restorePapers(db, [paper(1, { tags: ['a'] })]);
    await restorePapers(db, [paper(1, { tags: ['b'] }), paper(1, { tags: ['c'] })]);
    expect((await library()).map((p) => p.tags)).toEqual([['c']]);
    expect((await listTags(db)).tags).toEqual([{ name: 'c', count: 1 }]);
  });
});

describe('bulk', () => {
  beforeEach(async () => {
    await restorePapers(db, Array.from({ length: 30 }, (_, i) => paper(i)));
  });

  it('tags and untags a selection in one go', async () => {
    const keys = [paper(1).key, paper(2).key, 'arxiv:9999.99999'];
    const { result, changes } = await bulkEdit(db, keys, { addTags: ['Picked'], removeTags: ['topic-1'] }, NOW);
    expect(result).toEqual({ updated: 2, deleted: [] });
    expect(changes).toHaveLength(2);
    const after = await library();
    expect(after.find((p) => p.key === paper(1).key)!.tags).toEqual(['Picked']);
    expect(after.find((p) => p.key === paper(2).key)!.tags).toEqual(['topic-2', 'Picked']);
    expect((await listTags(db)).tags.find((t) => t.name === 'Picked')).toEqual({ name: 'Picked', count: 2 });
    await expectCountsMatchRecords(db);
  });

  it('deletes a selection and returns the records for undo', async () => {
    const keys = Array.from({ length: 10 }, (_, i) => paper(i).key);
    const { result } = await bulkEdit(db, keys, { delete: true }, NOW);
    expect(byKey(result.deleted)).toEqual(byKey(Array.from({ length: 10 }, (_, i) => paper(i))));
    expect(await library()).toHaveLength(20);
    await expectCountsMatchRecords(db);
    await restorePapers(db, result.deleted);
    expect(await library()).toEqual(byKey(Array.from({ length: 30 }, (_, i) => paper(i))));
    await expectCountsMatchRecords(db);
  });

  it('handles a selection larger than one-by-one fetching and reports it as a reset', async () => {
    await restorePapers(db, Array.from({ length: 600 }, (_, i) => paper(i)));
    const { result, changes } = await bulkEdit(db, Array.from({ length: 600 }, (_, i) => paper(i).key), { addTags: ['all'] }, NOW);
    expect(result.updated).toBe(600);
    expect(changes).toBe('reset');
    expect((await listTags(db)).tags[0]).toEqual({ name: 'all', count: 600 });
  });
});

/** Papers the library does not hold yet. */
const fresh = (count: number) => Array.from({ length: count }, (_, i) => paper(100 + i));

describe('backup export and import', () => {
  const originals = Array.from({ length: 40 }, (_, i) => paper(i));

  it('export then import (replace) gives back identical data, and the same text again', async () => {
    await restorePapers(db, originals);
    const tagsBefore = (await listTags(db)).tags;
    const exported = await exportBackup(db, NOW);
    expect(exported.count).toBe(40);
    await clearAll(db);
    expect(await library()).toEqual([]);
    const { result, changes } = await importBackup(db, exported.text, { mode: 'replace' });
    expect(result).toEqual({ added: 40, updated: 0, unchanged: 0, removed: 0, dryRun: false });
    expect(changes).toBe('reset');
    expect(await library()).toEqual(byKey(originals));
    expect((await listTags(db)).tags).toEqual(tagsBefore);
    expect((await exportBackup(db, NOW)).text).toBe(exported.text);
  });

  it('importing a library into itself changes nothing', async () => {
    await restorePapers(db, originals);
    const { text } = await exportBackup(db, NOW);
    const { result, changes } = await importBackup(db, text, { mode: 'merge' });
    expect(result).toEqual({ added: 0, updated: 0, unchanged: 40, removed: 0, dryRun: false });
    expect(changes).toEqual([]);
    // Replacing a library with its own backup writes no record either.
    const putSpy = vi.spyOn(IDBObjectStore.prototype, 'put');
    expect((await importBackup(db, text, { mode: 'replace' })).result).toMatchObject({ unchanged: 40, added: 0, updated: 0, removed: 0 });
    expect(putSpy.mock.contexts.filter((store) => (store as IDBObjectStore).name === 'papers')).toEqual([]);
    putSpy.mockRestore();
    expect(await library()).toEqual(byKey(originals));
  });

  it('merge adds new papers and unites copies found by key or alias; the newer copy\'s fields win', async () => {
    await restorePapers(db, originals.slice(0, 10));
    const newerCopy = paper(1, { note: 'edited later', tags: ['imported'], updatedAt: paper(1).updatedAt + 1 });
    const olderCopy = paper(2, { title: 'stale title', tags: ['topic-2', 'old-tag'], updatedAt: 1 });
    const byAlias = paper(3, { key: 'arxiv:1111.11111', aliases: [paper(3).aliases[0]!], tags: ['via-alias'] });
    const text = serialiseBackup([newerCopy, olderCopy, byAlias, ...originals.slice(10, 15)], new Date(NOW));

    const dry = await importBackup(db, text, { mode: 'merge', dryRun: true });
    expect(dry.result).toEqual({ added: 5, updated: 3, unchanged: 0, removed: 0, dryRun: true });
    expect(await library()).toEqual(byKey(originals.slice(0, 10)));

    const { result } = await importBackup(db, text, { mode: 'merge' });
    expect(result).toEqual({ added: 5, updated: 3, unchanged: 0, removed: 0, dryRun: false });
    const after = new Map((await library()).map((p) => [p.key, p]));
    expect(after.size).toBe(15);
    expect(after.get(paper(1).key)).toMatchObject({ note: 'edited later', tags: ['imported', 'topic-1'] });
    expect(after.get(paper(2).key)).toMatchObject({ title: paper(2).title, tags: ['topic-2', 'old-tag'] });
    // Same edit time: the library's copy counts as the newer one, so its tags come first.
    expect(after.get(paper(3).key)!.tags).toEqual(['topic-3', 'via-alias']);
    expect(after.get(paper(3).key)!.aliases).toContain('arxiv:1111.11111');
    expect(after.has('arxiv:1111.11111')).toBe(false);
    await expectCountsMatchRecords(db);
  });

  it('replace removes what the backup does not hold, and says so', async () => {
    await restorePapers(db, originals.slice(0, 10));
    const text = serialiseBackup([paper(0), paper(1, { note: 'changed' }), paper(50)], new Date(NOW));
    const { result } = await importBackup(db, text, { mode: 'replace' });
    expect(result).toEqual({ added: 1, updated: 1, unchanged: 1, removed: 8, dryRun: false });
    expect((await library()).map((p) => p.key)).toEqual([paper(0).key, paper(1).key, paper(50).key]);
    await expectCountsMatchRecords(db);
  });

  it.each([
    ['a wrong version', JSON.stringify({ format: BACKUP_FORMAT, version: 9, exportedAt: new Date(NOW).toISOString(), papers: [] }), /newer Paperlight/],
    ['bad types', serialiseBackup([paper(1)], new Date(NOW)).replace(/"status": "[a-z-]+"/, '"status": 3'), /status: expected one of/],
    ['a prototype-pollution key', serialiseBackup([paper(1)], new Date(NOW)).replace('"key":', '"__proto__": {"x": 1}, "key":'), /"__proto__" is not allowed/],
    ['junk', 'PK\u0003\u0004 this is a zip file', /not valid JSON/],
    // Records are written as they are read: one failing after many were written still changes nothing.
    ['a bad link after 31 good records', serialiseBackup([...fresh(30), paper(0, { note: 'changed' }), paper(1, { url: 'javascript:alert(1)' })], new Date(NOW)), /papers\[31\]\.url: only http and https links are kept/],
    ['a key twice, the second time last', serialiseBackup([...fresh(30), paper(100)], new Date(NOW)), /papers\[30\]\.key: "arxiv:2401\.00100" appears twice/],
  ])('refuses a file with %s and changes nothing', async (_name, text, message) => {
    await restorePapers(db, originals.slice(0, 5));
    const before = await library();
    const tagsBefore = (await listTags(db)).tags;
    for (const mode of ['replace', 'merge'] as const) {
      await expect(importBackup(db, text, { mode })).rejects.toThrow(message);
      expect(await library()).toEqual(before);
      expect((await listTags(db)).tags).toEqual(tagsBefore);
    }
    await expectCountsMatchRecords(db);
  });

  it('refuses 50 MB of junk and changes nothing', async () => {
    await restorePapers(db, originals.slice(0, 5));
    await expect(importBackup(db, '{'.repeat(50 * 1024 * 1024), { mode: 'merge' })).rejects.toThrow(/too large/);
    expect(await library()).toHaveLength(5);
  });

  it('changes nothing when the browser refuses a write half-way (quota)', async () => {
    await restorePapers(db, originals.slice(0, 5));
    const before = await library();
    const tagsBefore = (await listTags(db)).tags;
    const text = serialiseBackup(Array.from({ length: 100 }, (_, i) => paper(i + 100)), new Date(NOW));
    const realPut = IDBObjectStore.prototype.put;
    let puts = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'papers' && ++puts === 50) {
        this.transaction.abort();
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return realPut.apply(this, args);
    });
    await expect(importBackup(db, text, { mode: 'replace' })).rejects.toThrow(/quota|abort/i);
    vi.restoreAllMocks();
    expect(await library()).toEqual(before);
    expect((await listTags(db)).tags).toEqual(tagsBefore);
    await expectCountsMatchRecords(db);
  });

  it('changes nothing when the transaction fails after every write was issued (as a quota error at commit)', async () => {
    await restorePapers(db, originals.slice(0, 5));
    const before = await library();
    const text = serialiseBackup(Array.from({ length: 100 }, (_, i) => paper(i + 100)), new Date(NOW));
    const realPut = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      const request = realPut.apply(this, args);
      // The last record's write fails once it runs, as a full disk would make it: the whole import is undone.
      if (this.name === 'papers' && (args[0] as SavedPaper).key === paper(199).key) {
        request.addEventListener('success', () => this.transaction.abort());
      }
      return request;
    });
    await expect(importBackup(db, text, { mode: 'merge' })).rejects.toThrow(/abort/i);
    vi.restoreAllMocks();
    expect(await library()).toEqual(before);
    await expectCountsMatchRecords(db);
  });

  it('measures its phases, once each however many imports ran (the bench reads them from the worker)', async () => {
    const text = serialiseBackup(fresh(20), new Date(NOW));
    await importBackup(db, text, { mode: 'merge' });
    await importBackup(db, text, { mode: 'replace' });
    const phases = performance.getEntriesByType('measure').filter((entry) => entry.name.startsWith(`${IMPORT_TIMING}:`));
    expect(phases.map((entry) => entry.name.slice(IMPORT_TIMING.length + 1)).sort()).toEqual(['commit', 'parse', 'read', 'write']);
  });

  it('clearAll empties the library and the tag list', async () => {
    await restorePapers(db, originals);
    const { result, changes } = await clearAll(db);
    expect(result.removed).toBe(40);
    expect(changes).toBe('reset');
    expect(await library()).toEqual([]);
    expect((await listTags(db)).tags).toEqual([]);
    expect(await db.getAll('counts')).toEqual([]);
  });

  it('exports a backup that the format reader accepts', async () => {
    await restorePapers(db, originals.slice(0, 3));
    const parsed = parseBackup((await exportBackup(db, NOW)).text);
    expect(parsed.ok && parsed.backup.papers.length).toBe(3);
  });
});
