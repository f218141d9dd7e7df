// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PaperlightDatabase } from '../../../src/background/schema';
import { IMPORT_TIMING, importBackup } from '../../../src/background/backup-import';
import { bulkEdit, clearAll, exportBackup, restorePapers } from '../../../src/background/library-operations';
import { allPapers, listTags, removePaper, savePaper } from '../../../src/background/paper-operations';
import { BACKUP_FORMAT, parseBackup, serialiseBackup } from '../../../src/core/backup';
import { untrashed, type SavedPaper, type TrashedPaper } from '../../../src/core/paper';
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
/** Import counts of a section that the import did not change. */
const NONE = { added: 0, updated: 0, unchanged: 0, removed: 0 };
const library = async () => byKey((await allPapers(db)).papers);

describe('restore', () => {
  it('puts removed records back exactly, tags counted again', async () => {
    const saved = (await savePaper(db, card({ tags: ['undo-me'], note: 'n' }), NOW, 'https://huggingface.co/papers')).result.paper;
    const { removed } = (await removePaper(db, saved.key, NOW)).result;
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
const firstPapers = (count: number) => Array.from({ length: count }, (_, i) => paper(i));

describe('backup export and import', () => {
  const originals = Array.from({ length: 40 }, (_, i) => paper(i));

  it('export then import (replace) gives back identical data, and the same text again', async () => {
    await restorePapers(db, originals);
    const tagsBefore = (await listTags(db)).tags;
    const exported = await exportBackup(db, NOW);
    expect(exported.count).toBe(40);
    await clearAll(db, NOW);
    expect(await library()).toEqual([]);
    const { result, changes } = await importBackup(db, exported.text, { mode: 'replace', now: NOW });
    // The backup's Trash was empty: replacing makes the Trash (where clearing put the 40 papers) empty too.
    expect(result).toEqual({ added: 40, updated: 0, unchanged: 0, removed: 0, dryRun: false, trash: { ...NONE, removed: 40 }, readingMemory: NONE, rules: NONE });
    expect(changes).toBe('reset');
    expect(await library()).toEqual(byKey(originals));
    expect((await listTags(db)).tags).toEqual(tagsBefore);
    expect((await exportBackup(db, NOW)).text).toBe(exported.text);
  });

  it('importing a library into itself changes nothing', async () => {
    await restorePapers(db, originals);
    const { text } = await exportBackup(db, NOW);
    const { result, changes } = await importBackup(db, text, { mode: 'merge', now: NOW });
    expect(result).toEqual({ added: 0, updated: 0, unchanged: 40, removed: 0, dryRun: false, trash: NONE, readingMemory: NONE, rules: NONE });
    expect(changes).toEqual([]);
    // Replacing a library with its own backup writes no record either.
    const putSpy = vi.spyOn(IDBObjectStore.prototype, 'put');
    expect((await importBackup(db, text, { mode: 'replace', now: NOW })).result).toMatchObject({ unchanged: 40, added: 0, updated: 0, removed: 0 });
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

    const dry = await importBackup(db, text, { mode: 'merge', dryRun: true, now: NOW });
    expect(dry.result).toEqual({ added: 5, updated: 3, unchanged: 0, removed: 0, dryRun: true, trash: NONE, readingMemory: NONE, rules: NONE });
    expect(await library()).toEqual(byKey(originals.slice(0, 10)));

    const { result } = await importBackup(db, text, { mode: 'merge', now: NOW });
    expect(result).toEqual({ added: 5, updated: 3, unchanged: 0, removed: 0, dryRun: false, trash: NONE, readingMemory: NONE, rules: NONE });
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
    const { result } = await importBackup(db, text, { mode: 'replace', now: NOW });
    expect(result).toEqual({ added: 1, updated: 1, unchanged: 1, removed: 8, dryRun: false, trash: NONE, readingMemory: NONE, rules: NONE });
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
      await expect(importBackup(db, text, { mode, now: NOW })).rejects.toThrow(message);
      expect(await library()).toEqual(before);
      expect((await listTags(db)).tags).toEqual(tagsBefore);
    }
    await expectCountsMatchRecords(db);
  });

  it('refuses 70 MB of junk and changes nothing', async () => {
    await restorePapers(db, originals.slice(0, 5));
    await expect(importBackup(db, '{'.repeat(70 * 1024 * 1024), { mode: 'merge', now: NOW })).rejects.toThrow(/too large/);
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
    await expect(importBackup(db, text, { mode: 'replace', now: NOW })).rejects.toThrow(/quota|abort/i);
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
    await expect(importBackup(db, text, { mode: 'merge', now: NOW })).rejects.toThrow(/abort/i);
    vi.restoreAllMocks();
    expect(await library()).toEqual(before);
    await expectCountsMatchRecords(db);
  });

  it('measures its phases, once each however many imports ran (the bench reads them from the worker)', async () => {
    const text = serialiseBackup(fresh(20), new Date(NOW));
    await importBackup(db, text, { mode: 'merge', now: NOW });
    await importBackup(db, text, { mode: 'replace', now: NOW });
    const phases = performance.getEntriesByType('measure').filter((entry) => entry.name.startsWith(`${IMPORT_TIMING}:`));
    expect(phases.map((entry) => entry.name.slice(IMPORT_TIMING.length + 1)).sort()).toEqual(['commit', 'parse', 'read', 'write']);
  });

  it('clearAll empties the library and the tag list', async () => {
    await restorePapers(db, originals);
    const { result, changes, trash } = await clearAll(db, NOW);
    expect(result.removed).toBe(40);
    expect(changes).toBe('reset');
    expect(trash).toBe(true);
    expect(await library()).toEqual([]);
    expect((await listTags(db)).tags).toEqual([]);
    expect(await db.getAll('counts')).toEqual([]);
    // Nothing is lost: every paper is in the Trash, exactly as it was.
    expect(byKey((await db.getAll('trash')).map(untrashed))).toEqual(byKey(originals));
  });

  it('exports a backup that the format reader accepts', async () => {
    await restorePapers(db, originals.slice(0, 3));
    const parsed = parseBackup((await exportBackup(db, NOW)).text);
    expect(parsed.ok && parsed.backup.papers.length).toBe(3);
  });
});

describe('backup version 2: the Trash', () => {
  const DAY = 24 * 60 * 60 * 1000;
  /** Trash entries as the store keeps them: removal times to the millisecond, the latest first. */
  const trashed = (indexes: number[], removedAt: number): TrashedPaper[] => indexes.map((i) => ({ ...paper(i), removedAt }));
  const trashOf = async () => (await db.getAll('trash')).sort((a, b) => b.removedAt - a.removedAt || (a.key < b.key ? -1 : 1));
  const putTrash = async (entries: TrashedPaper[]) => {
    const tx = db.transaction('trash', 'readwrite');
    await Promise.all([...entries.map((entry) => tx.store.put(entry)), tx.done]);
  };

  it('round-trips the library and its Trash exactly, removal times to the millisecond', async () => {
    await restorePapers(db, Array.from({ length: 5 }, (_, i) => paper(i)));
    const inTrash = [...trashed([10, 11], NOW - 3 * DAY + 123), ...trashed([12], NOW - 29 * DAY - 7)];
    await putTrash(inTrash);
    const exported = await exportBackup(db, NOW);
    const file = JSON.parse(exported.text) as { version: number; trash: Array<{ key: string; removedAt: string }> };
    expect(file.version).toBe(2);
    expect(file.trash.map((entry) => [entry.key, entry.removedAt])).toEqual([
      [paper(10).key, new Date(NOW - 3 * DAY + 123).toISOString()],
      [paper(11).key, new Date(NOW - 3 * DAY + 123).toISOString()],
      [paper(12).key, new Date(NOW - 29 * DAY - 7).toISOString()],
    ]);

    await clearAll(db, NOW);
    const { result, trash } = await importBackup(db, exported.text, { mode: 'replace', now: NOW });
    expect(result.trash).toEqual({ ...NONE, unchanged: 3, removed: 5 });
    expect(trash).toBe(true);
    expect(await library()).toEqual(Array.from({ length: 5 }, (_, i) => paper(i)));
    expect(await trashOf()).toEqual(inTrash);
    expect((await exportBackup(db, NOW)).text).toBe(exported.text);
    await expectCountsMatchRecords(db);
  });

  it('merge unites the Trash by key (newer edit wins, latest removal time) and adds the rest', async () => {
    await putTrash([{ ...paper(20, { tags: ['mine'] }), removedAt: NOW - DAY }]);
    const incoming = [
      { ...paper(20, { note: 'edited later', tags: ['theirs'], updatedAt: paper(20).updatedAt + 10 }), removedAt: NOW - 2 * DAY },
      { ...paper(21), removedAt: NOW - 5 * DAY },
    ];
    const text = serialiseBackup([], new Date(NOW), { trash: incoming });
    const dry = await importBackup(db, text, { mode: 'merge', dryRun: true, now: NOW });
    expect(dry.result.trash).toEqual({ ...NONE, added: 1, updated: 1 });
    expect(await trashOf()).toHaveLength(1);
    await importBackup(db, text, { mode: 'merge', now: NOW });
    const [united, added] = await trashOf();
    expect(united).toMatchObject({ key: paper(20).key, note: 'edited later', tags: ['theirs', 'mine'], removedAt: NOW - DAY });
    expect(added).toEqual(incoming[1]);
    expect(await library()).toEqual([]);
  });

  it('after clear all, a merge of the backup brings the papers back out of the Trash, a note written since kept', async () => {
    await restorePapers(db, Array.from({ length: 5 }, (_, i) => paper(i)));
    await putTrash(trashed([10], NOW - 2 * DAY));
    const backup = await exportBackup(db, NOW - DAY);
    const since = paper(1, { note: 'written after the backup', updatedAt: paper(1).updatedAt + 10 });
    await restorePapers(db, [since]);
    await clearAll(db, NOW);
    expect(await trashOf()).toHaveLength(6);

    const dry = await importBackup(db, backup.text, { mode: 'merge', dryRun: true, now: NOW });
    expect(dry.result).toMatchObject({ added: 5, updated: 0, unchanged: 0, removed: 0, trash: { ...NONE, unchanged: 1, restored: 5 } });
    expect(await trashOf()).toHaveLength(6);
    const { result, trash } = await importBackup(db, backup.text, { mode: 'merge', now: NOW });
    expect(result).toMatchObject({ added: 5, updated: 0, unchanged: 0, removed: 0, trash: { ...NONE, unchanged: 1, restored: 5 } });
    expect(trash).toBe(true);
    // Back in the library and no longer also in the Trash; the paper removed before the backup stays removed.
    expect(await library()).toEqual([paper(0), since, paper(2), paper(3), paper(4)]);
    expect(await trashOf()).toEqual(trashed([10], NOW - 2 * DAY));
    await expectCountsMatchRecords(db);
  });

  it('replace makes the Trash exactly the file\'s; a file without a Trash section leaves it alone', async () => {
    const mine = trashed([30, 31], NOW - DAY);
    await putTrash(mine);
    const versionOne = JSON.stringify({ format: BACKUP_FORMAT, version: 1, exportedAt: new Date(NOW).toISOString(), papers: [paper(1)] });
    expect((await importBackup(db, versionOne, { mode: 'replace', now: NOW })).result.trash).toEqual(NONE);
    expect(await trashOf()).toEqual(mine);
    const theirs = trashed([31, 32], NOW - 2 * DAY);
    const { result } = await importBackup(db, serialiseBackup([paper(1)], new Date(NOW), { trash: theirs }), { mode: 'replace', now: NOW });
    expect(result.trash).toEqual({ added: 1, updated: 1, unchanged: 0, removed: 1 });
    expect(await trashOf()).toEqual(theirs);
  });

  it('imports a version 1 file as before (written out by hand, as version 1 wrote it)', async () => {
    await putTrash(trashed([40], NOW - DAY));
    const record = paper(7);
    const text = [
      '{',
      ' "format": "paperlight-backup",',
      ' "version": 1,',
      ' "exportedAt": "2025-06-01T08:00:00.000Z",',
      ' "papers": [',
      `  ${JSON.stringify(record)}`,
      ' ]',
      '}',
    ].join('\n');
    const { result } = await importBackup(db, text, { mode: 'merge', now: NOW });
    expect(result).toEqual({ added: 1, updated: 0, unchanged: 0, removed: 0, dryRun: false, trash: NONE, readingMemory: NONE, rules: NONE });
    expect(await library()).toEqual([record]);
    expect(await trashOf()).toEqual(trashed([40], NOW - DAY));
  });

  it('leaves out entries past their 30 days, and prunes the Trash it imports into', async () => {
    await putTrash([...trashed([50], NOW - 30 * DAY), ...trashed([51], NOW - DAY)]);
    const text = serialiseBackup([], new Date(NOW), { trash: [...trashed([52], NOW - 31 * DAY), ...trashed([53], NOW - 29 * DAY)] });
    const { result } = await importBackup(db, text, { mode: 'merge', now: NOW });
    expect(result.trash).toEqual({ ...NONE, added: 1 });
    expect((await trashOf()).map((entry) => entry.key)).toEqual([paper(51).key, paper(53).key]);
  });

  it.each([
    ['a Trash entry without removedAt', { ...paper(60) }, /trash\[1\]\.removedAt: expected a string/],
    ['a removal time in milliseconds', { ...paper(60), removedAt: NOW }, /trash\[1\]\.removedAt: expected a string/],
    ['a removal time that is not ISO 8601', { ...paper(60), removedAt: 'last Tuesday' }, /trash\[1\]\.removedAt: expected an ISO 8601 time/],
    ['a Trash entry with a bad link', { ...paper(60, { url: 'javascript:alert(1)' }), removedAt: new Date(NOW).toISOString() }, /trash\[1\]\.url: only http and https links/],
    ['a Trash key twice', { ...paper(61), removedAt: new Date(NOW).toISOString() }, /trash\[1\]\.key: "arxiv:2401\.00061" appears twice/],
  ])('refuses a file with %s, and changes neither the library nor the Trash', async (_name, bad, message) => {
    await restorePapers(db, firstPapers(3));
    await putTrash(trashed([70], NOW - DAY));
    const before = { papers: await library(), trash: await trashOf(), tags: (await listTags(db)).tags };
    const good = { ...paper(61), removedAt: new Date(NOW - DAY).toISOString() };
    const text = JSON.stringify({ format: BACKUP_FORMAT, version: 2, exportedAt: new Date(NOW).toISOString(), papers: fresh(20), trash: [good, bad] });
    for (const mode of ['replace', 'merge'] as const) {
      await expect(importBackup(db, text, { mode, now: NOW })).rejects.toThrow(message);
      expect({ papers: await library(), trash: await trashOf(), tags: (await listTags(db)).tags }).toEqual(before);
    }
  });
});
