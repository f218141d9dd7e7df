// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DB_VERSION, createDbOpener, openPaperlightDb, withDb } from '../../../src/background/db';
import { fingerprintKey, toSaved, toStored } from '../../../src/background/records';
import { listTags, lookupPapers, removePaper } from '../../../src/background/paper-operations';
import { queryPapers } from '../../../src/background/query';
import type { SavedPaper } from '../../../src/core/paper';
import type { SeenEntry } from '../../../src/core/reading-memory';
import { countRecords, expectCountsMatchRecords, paper, seenWithoutIds, uniqueDbName } from './helpers';

describe('database schema', () => {
  it('creates the papers store with its indexes, the tag list and the counts', async () => {
    const db = await openPaperlightDb(uniqueDbName());
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['counts', 'imports', 'papers', 'seen', 'snapshot', 'tags', 'titleFilter', 'trash']);
    const papers = db.transaction('papers').store;
    expect(papers.keyPath).toBe('key');
    expect([...papers.indexNames].sort()).toEqual(['aliases', 'fingerprint', 'savedAt', 'tags']);
    expect(papers.index('tags').multiEntry).toBe(true);
    expect(papers.index('tags').keyPath).toBe('ix.tags');
    expect(papers.index('aliases').multiEntry).toBe(true);
    expect(papers.index('fingerprint').keyPath).toBe('ix.fingerprint');
    const trash = db.transaction('trash').store;
    expect(trash.keyPath).toBe('key');
    expect([...trash.indexNames]).toEqual(['removedAt']);
    expect(trash.index('removedAt').keyPath).toBe('removedAt');
    const imports = db.transaction('imports').store;
    expect(imports.keyPath).toBe('id');
    expect([...imports.indexNames]).toEqual(['createdAt', 'summary']);
    expect(imports.index('summary').keyPath).toBe('summary');
    const seen = db.transaction('seen').store;
    expect(seen.keyPath).toBe('key');
    expect([...seen.indexNames].sort()).toEqual(['fingerprint', 'ids', 'lastSeen']);
    expect(seen.index('ids').multiEntry).toBe(true);
    expect(seen.index('ids').keyPath).toBe('ids');
    expect(seen.index('fingerprint').keyPath).toBe('fingerprint');
    expect(seen.index('lastSeen').keyPath).toBe('lastSeen');
    db.close();
  });

  it('opens an up-to-date database without touching its records', async () => {
    const name = uniqueDbName();
    const first = await openPaperlightDb(name);
    await first.put('tags', { id: 'x', name: 'X', count: 1 });
    first.close();
    const again = await openPaperlightDb(name);
    expect(await again.getAll('tags')).toEqual([{ id: 'x', name: 'X', count: 1 }]);
    again.close();
  });
});

describe('migration from version 1', () => {
  it('keeps every record, tidies tags, and builds the index fields and the tag list', async () => {
    const name = uniqueDbName();
    const v1 = await openPaperlightDb(name, { version: 1 });
    expect(v1.version).toBe(1);
    expect([...v1.objectStoreNames]).toEqual(['papers']);
    const records = Array.from({ length: 250 }, (_, i) => paper(i));
    // Version 1 wrote records as they were given: untidy, duplicate tags survive there.
    records[0] = paper(0, { tags: [' Deep  Learning ', 'deep learning', 'LLM'] });
    records[1] = paper(1, { tags: ['llm', 'Vision'] });
    const tx = v1.transaction('papers', 'readwrite');
    // Version 1 records have no index fields; the cast is how an older release's data looks to today's types.
    await Promise.all([...records.map((r) => tx.store.put(r as never)), tx.done]);
    v1.close();

    const db = await openPaperlightDb(name);
    expect(db.version).toBe(DB_VERSION);
    const stored = await db.getAll('papers');
    expect(stored).toHaveLength(records.length);
    const byKey = new Map(stored.map((record) => [record.key, record]));
    for (const original of records.slice(2)) expect(toSaved(byKey.get(original.key)!)).toEqual(original);
    expect(toSaved(byKey.get(records[0]!.key)!)).toEqual({ ...records[0], tags: ['Deep Learning', 'LLM'] });
    expect(toSaved(byKey.get(records[1]!.key)!)).toEqual({ ...records[1], tags: ['LLM', 'Vision'] });
    expect(byKey.get(records[5]!.key)!.ix.tags).toEqual([['topic-5', records[5]!.savedAt]]);

    const { tags } = await listTags(db);
    expect(tags.find((t) => t.name === 'LLM')).toEqual({ name: 'LLM', count: 2 });
    expect(tags.find((t) => t.name === 'topic-3')).toEqual({ name: 'topic-3', count: 25 });
    expect(tags.reduce((sum, t) => sum + t.count, 0)).toBe(stored.reduce((sum, r) => sum + r.tags.length, 0));
    await expectCountsMatchRecords(db);
    expect(await db.get('counts', 'all')).toEqual({ id: 'all', count: 250 });

    // The new indexes answer at once: lookups by alias, filtered pages.
    const { found } = await lookupPapers(db, [records[7]!.aliases[0]!]);
    expect(found.map((f) => f.paper.key)).toEqual([records[7]!.key]);
    const page = await queryPapers(db, { type: 'query', filter: { tags: ['TOPIC-3'] }, limit: 5 });
    expect(page.total).toBe(25);
    expect(page.items.map((p) => p.key)).toEqual([243, 233, 223, 213, 203].map((i) => paper(i).key));
    db.close();
  });

});

describe('migration from version 2', () => {
  /** A record as version 2 wrote it: five derived fields beside the tags, each with its own index. */
  function version2Record(p: SavedPaper) {
    return {
      ...p,
      ix: {
        ids: [p.key, ...p.aliases],
        tags: p.tags.map((tag) => [tag.toLowerCase(), p.savedAt]),
        code: p.codeLinks.length > 0 ? 1 : 0,
        title: p.title.toLowerCase(),
        metrics: p.metrics.length,
      },
    };
  }

  it('keeps every record, drops the indexes nothing reads, and finds papers by key or alias', async () => {
    const name = uniqueDbName();
    const v2 = await openPaperlightDb(name, { version: 2 });
    expect([...v2.transaction('papers').store.indexNames]).toContain('title');
    const records = Array.from({ length: 120 }, (_, i) => paper(i));
    const { tags, counts } = countRecords(records);
    const tx = v2.transaction(['papers', 'tags', 'counts'], 'readwrite');
    await Promise.all([
      // The cast: an older release's records, as they look to today's types.
      ...records.map((r) => tx.objectStore('papers').put(version2Record(r) as never)),
      ...tags.map((entry) => tx.objectStore('tags').put(entry)),
      ...counts.map((entry) => tx.objectStore('counts').put(entry)),
      tx.done,
    ]);
    v2.close();

    const db = await openPaperlightDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.transaction('papers').store.indexNames].sort()).toEqual(['aliases', 'fingerprint', 'savedAt', 'tags']);
    const stored = await db.getAll('papers');
    expect(stored.map(toSaved)).toEqual(records);
    await expectCountsMatchRecords(db);

    const wanted = [records[7]!.aliases[0]!, records[8]!.key, 'arxiv:0000.00000'];
    const { found } = await lookupPapers(db, wanted);
    expect(found.map((f) => [f.key, f.paper.key])).toEqual([[wanted[0], records[7]!.key], [wanted[1], records[8]!.key]]);
    const byTag = await queryPapers(db, { type: 'query', filter: { tags: ['Topic-3'] }, limit: 3 });
    expect(byTag).toMatchObject({ total: 12, items: [113, 103, 93].map((i) => ({ key: paper(i).key })) });
    const byTitle = await queryPapers(db, { type: 'query', sort: 'title', direction: 'asc', filter: { site: 'arxiv', hasCode: true }, limit: 2 });
    expect(byTitle).toMatchObject({ total: 20, items: [{ key: paper(0).key }, { key: paper(6).key }] });
    db.close();
  });
});

describe('migration from version 3', () => {
  it('adds an empty Trash and leaves every record, tag entry and count as it was', async () => {
    const name = uniqueDbName();
    const v3 = await openPaperlightDb(name, { version: 3 });
    expect([...v3.objectStoreNames].sort()).toEqual(['counts', 'papers', 'tags']);
    const records = Array.from({ length: 60 }, (_, i) => paper(i));
    const { tags, counts } = countRecords(records);
    const tx = v3.transaction(['papers', 'tags', 'counts'], 'readwrite');
    await Promise.all([
      ...records.map((r) => tx.objectStore('papers').put({ ...r, ix: { tags: r.tags.map((tag): [string, number] => [tag.toLowerCase(), r.savedAt]) } })),
      ...tags.map((entry) => tx.objectStore('tags').put(entry)),
      ...counts.map((entry) => tx.objectStore('counts').put(entry)),
      tx.done,
    ]);
    const storedBefore = await v3.getAll('papers');
    v3.close();

    const db = await openPaperlightDb(name, { version: 4 });
    expect(db.version).toBe(4);
    expect(await db.getAll('papers')).toEqual(storedBefore);
    await expectCountsMatchRecords(db);
    expect(await db.count('trash')).toBe(0);
    db.close();
    // The new store works (today's operations need today's version): a removal lands there.
    const current = await openPaperlightDb(name);
    await removePaper(current, records[3]!.key, 1_800_000_000_000);
    expect(await current.getAll('trash')).toEqual([{ ...records[3], removedAt: 1_800_000_000_000 }]);
    current.close();
  });
});

describe('migration from version 4', () => {
  it('adds an empty store of import undos and an empty reading memory, and leaves every record and the Trash as they were', async () => {
    const name = uniqueDbName();
    const v4 = await openPaperlightDb(name, { version: 4 });
    const records = Array.from({ length: 20 }, (_, i) => paper(i));
    const tx = v4.transaction(['papers', 'trash'], 'readwrite');
    await Promise.all([
      ...records.map((r) => tx.objectStore('papers').put({ ...r, ix: { tags: r.tags.map((tag): [string, number] => [tag.toLowerCase(), r.savedAt]) } })),
      tx.objectStore('trash').put({ ...paper(30), removedAt: 1_800_000_000_000 }),
      tx.done,
    ]);
    const [papersBefore, trashBefore] = [await v4.getAll('papers'), await v4.getAll('trash')];
    v4.close();

    const db = await openPaperlightDb(name, { version: 6 });
    expect(db.version).toBe(6);
    expect(await db.getAll('papers')).toEqual(papersBefore);
    expect(await db.getAll('trash')).toEqual(trashBefore);
    expect(await db.count('imports')).toBe(0);
    expect(await db.count('seen')).toBe(0);
    db.close();
  });
});

describe('opening on demand', () => {
  it('re-opens the database after the connection was closed under it', async () => {
    const opener = createDbOpener(uniqueDbName());
    const first = await opener.get();
    await first.put('tags', { id: 'kept', name: 'kept', count: 1 });
    first.close(); // as when the browser closes an idle worker's connection
    const count = await withDb(opener, (db) => db.count('tags'));
    expect(count).toBe(1);
    expect(await opener.get()).not.toBe(first);
  });

  it('closes for a newer version instead of blocking it', async () => {
    const name = uniqueDbName();
    const opener = createDbOpener(name);
    const old = await opener.get();
    const { openDB } = await import('idb');
    const newer = await openDB(name, DB_VERSION + 1);
    expect(newer.version).toBe(DB_VERSION + 1);
    expect(() => old.transaction('tags')).toThrow(expect.objectContaining({ name: 'InvalidStateError' }));
    newer.close();
    // The opener forgot the closed connection; this (older) code now cannot open the newer database.
    await expect(opener.get()).rejects.toThrow(/lower version/);
  });
});

describe('migration from version 4', () => {
  it('adds an empty reading memory and leaves the library and the Trash as they were', async () => {
    const name = uniqueDbName();
    const v4 = await openPaperlightDb(name, { version: 4 });
    expect([...v4.objectStoreNames].sort()).toEqual(['counts', 'papers', 'tags', 'trash']);
    const records = Array.from({ length: 30 }, (_, i) => paper(i));
    const { tags, counts } = countRecords(records.slice(1));
    const tx = v4.transaction(['papers', 'tags', 'counts', 'trash'], 'readwrite');
    await Promise.all([
      ...records.slice(1).map((r) => tx.objectStore('papers').put({ ...r, ix: { tags: r.tags.map((tag): [string, number] => [tag.toLowerCase(), r.savedAt]) } })),
      ...tags.map((entry) => tx.objectStore('tags').put(entry)),
      ...counts.map((entry) => tx.objectStore('counts').put(entry)),
      tx.objectStore('trash').put({ ...records[0]!, removedAt: 1_750_000_000_000 }),
      tx.done,
    ]);
    const papersBefore = await v4.getAll('papers');
    const trashBefore = await v4.getAll('trash');
    v4.close();

    const db = await openPaperlightDb(name, { version: 6 });
    expect(db.version).toBe(6);
    expect(await db.getAll('papers')).toEqual(papersBefore);
    expect(await db.getAll('trash')).toEqual(trashBefore);
    await expectCountsMatchRecords(db);
    expect(await db.count('seen')).toBe(0);
    // The new store works at once, with its indexes.
    const entry = { key: 'arxiv:2401.00001', aliases: ['doi:10.1000/x'], fingerprint: 'a study of many things', authors: ['hopper'], firstSeen: 5, lastSeen: 9, site: 'arxiv' };
    // Casts: version 6's entries and its `aliases` index, as they look to today's types.
    await db.put('seen', entry as never);
    expect(await db.getFromIndex('seen', 'aliases' as never, 'doi:10.1000/x' as never)).toEqual(entry);
    expect(await db.getFromIndex('seen', 'fingerprint', 'a study of many things')).toEqual(entry);
    expect(await db.getAllKeysFromIndex('seen', 'lastSeen')).toEqual(['arxiv:2401.00001']);
    db.close();
  });
});

describe('migration from version 6', () => {
  /** A record as version 6 wrote it: no `venues`, only the tag pairs among its index fields. */
  function version6Record(p: SavedPaper) {
    const { venues: _venues, ...record } = p;
    return { ...record, ix: { tags: p.tags.map((tag): [string, number] => [tag.toLowerCase(), p.savedAt]) } };
  }

  it('gives every paper and Trash entry its venues ([]) and every paper its title fingerprint, losing nothing', async () => {
    const name = uniqueDbName();
    const v6 = await openPaperlightDb(name, { version: 6 });
    const records = Array.from({ length: 40 }, (_, i) => paper(i));
    // One title too short to identify a paper: it gets no fingerprint, and stays out of that index.
    records[1] = paper(1, { title: 'Segment Anything' });
    records[2] = paper(2, { title: 'Attention Is All You Need', authors: ['Ashish Vaswani'] });
    const { tags, counts } = countRecords(records.slice(1));
    const { venues: _venues, ...trashed } = records[0]!; // a Trash entry as version 6 kept it
    const tx = v6.transaction(['papers', 'tags', 'counts', 'trash', 'seen'], 'readwrite');
    await Promise.all([
      // The casts: an older release's records, as they look to today's types.
      ...records.slice(1).map((r) => tx.objectStore('papers').put(version6Record(r) as never)),
      ...tags.map((entry) => tx.objectStore('tags').put(entry)),
      ...counts.map((entry) => tx.objectStore('counts').put(entry)),
      tx.objectStore('trash').put({ ...trashed, removedAt: 1_750_000_000_000 } as never),
      tx.objectStore('seen').put({ key: 'arxiv:2401.99999', aliases: [], authors: [], firstSeen: 1, lastSeen: 2, site: 'arxiv' } as never),
      tx.done,
    ]);
    v6.close();

    const db = await openPaperlightDb(name, { version: 7 });
    expect(db.version).toBe(7);
    const stored = await db.getAll('papers');
    expect(stored.map(toSaved)).toEqual(records.slice(1));
    expect(stored.find((r) => r.key === records[1]!.key)!.ix).toEqual({ tags: [['topic-1', records[1]!.savedAt]] });
    expect(stored.find((r) => r.key === records[2]!.key)!.ix.fingerprint).toBe(fingerprintKey('attention is all you need'));
    expect(stored.find((r) => r.key === records[5]!.key)!.ix.fingerprint).toBe(fingerprintKey('paper 00005 a study of things'));
    expect(await db.getAll('trash')).toEqual([{ ...records[0], removedAt: 1_750_000_000_000 }]);
    await expectCountsMatchRecords(db);
    expect(await db.count('seen')).toBe(1);
    // The new index answers at once: a proceedings card finds the paper saved under its arXiv id.
    const byTitle = await db.getAllFromIndex('papers', 'fingerprint', fingerprintKey('attention is all you need'));
    expect(byTitle.map((r) => r.key)).toEqual([records[2]!.key]);
    expect(await db.countFromIndex('papers', 'fingerprint')).toBe(38);
    db.close();
  });
});

describe('migration from version 7', () => {
  it('drops the status and last-edit indexes without touching a paper; status and last-edit queries still answer', async () => {
    const name = uniqueDbName();
    const v7 = await openPaperlightDb(name, { version: 7 });
    expect([...v7.transaction('papers').store.indexNames].sort()).toEqual(['aliases', 'fingerprint', 'savedAt', 'status', 'tags', 'updatedAt']);
    const records = Array.from({ length: 12 }, (_, i) => paper(i, { status: i % 3 === 0 ? 'read' : 'to-read', updatedAt: 1_800_000_000_000 + ((i * 5) % 12) }));
    const { tags, counts } = countRecords(records);
    const tx = v7.transaction(['papers', 'tags', 'counts'], 'readwrite');
    await Promise.all([
      ...records.map((r) => tx.objectStore('papers').put(toStored(r))),
      ...tags.map((entry) => tx.objectStore('tags').put(entry)),
      ...counts.map((entry) => tx.objectStore('counts').put(entry)),
      tx.done,
    ]);
    const before = await v7.getAll('papers');
    v7.close();

    const db = await openPaperlightDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect(DB_VERSION).toBe(11);
    expect([...db.transaction('papers').store.indexNames].sort()).toEqual(['aliases', 'fingerprint', 'savedAt', 'tags']);
    expect(await db.getAll('papers')).toEqual(before);
    await expectCountsMatchRecords(db);
    const read = await queryPapers(db, { type: 'query', filter: { status: 'read' } });
    expect(read).toEqual({ total: 4, items: [9, 6, 3, 0].map((i) => records[i]) });
    // updatedAt of paper i is 1_800_000_000_000 + (5i mod 12): papers 7, 2, 9, 4 were edited last.
    const edited = await queryPapers(db, { type: 'query', sort: 'updatedAt', limit: 4 });
    expect(edited).toEqual({ total: 12, items: [7, 2, 9, 4].map((i) => records[i]) });
    db.close();
  });

  it('gives every reading-memory entry its ids (key, then aliases), slice after slice, and finds each by any id', async () => {
    const name = uniqueDbName();
    const v7 = await openPaperlightDb(name, { version: 7 });
    // 2,001 entries, rewritten 1,000 at a time: three slices, the last one a single entry.
    const entries: SeenEntry[] = Array.from({ length: 2_001 }, (_, i) => ({
      key: `arxiv:2401.${String(i).padStart(5, '0')}`,
      aliases: i % 2 === 0 ? [`doi:10.48550/arxiv.2401.${String(i).padStart(5, '0')}`] : [],
      ...(i === 3 && { fingerprint: 'a study of many things' }),
      authors: i === 3 ? ['Grace Hopper'] : [],
      firstSeen: 1_700_000_000_000 + i,
      lastSeen: 1_700_000_000_000 + 2 * i,
      site: 'arxiv',
    }));
    const tx = v7.transaction('seen', 'readwrite');
    // Cast: version 7's entries, as they look to today's types.
    await Promise.all([...entries.map((entry) => tx.store.put(entry as never)), tx.done]);
    v7.close();

    const db = await openPaperlightDb(name, { migrationSlice: 1_000 });
    const seen = db.transaction('seen').store;
    expect([...seen.indexNames].sort()).toEqual(['fingerprint', 'ids', 'lastSeen']);
    const stored = await db.getAll('seen');
    expect(stored).toHaveLength(2_001);
    expect(stored[0]).toEqual({ ...entries[0], ids: ['arxiv:2401.00000', 'doi:10.48550/arxiv.2401.00000'] });
    expect(stored[2_000]).toEqual({ ...entries[2_000], ids: ['arxiv:2401.02000', 'doi:10.48550/arxiv.2401.02000'] });
    expect(seenWithoutIds(stored)).toEqual(entries);
    expect(await db.getAllFromIndex('seen', 'ids', 'doi:10.48550/arxiv.2401.02000')).toEqual([stored[2_000]]);
    expect(await db.getAllFromIndex('seen', 'ids', 'arxiv:2401.01999')).toEqual([stored[1_999]]);
    expect(await db.getAllFromIndex('seen', 'fingerprint', 'a study of many things')).toEqual([stored[3]]);
    expect(await db.countFromIndex('seen', 'ids')).toBe(2_001 + 1_001);
    db.close();
  });
});

describe('migration from version 10', () => {
  it('adds the summary index of import undos; an entry stored before it is kept as it was and is not in the index', async () => {
    const name = uniqueDbName();
    const v10 = await openPaperlightDb(name, { version: 10 });
    const older = { id: 'undo-1', createdAt: 1_700_000_000_000, format: 'bibtex' as const, added: ['arxiv:2401.00001'], before: [paper(2)] };
    await v10.put('imports', older);
    v10.close();

    const db = await openPaperlightDb(name);
    expect([...db.transaction('imports').store.indexNames]).toEqual(['createdAt', 'summary']);
    expect(await db.getAll('imports')).toEqual([older]);
    expect(await db.countFromIndex('imports', 'summary')).toBe(0);
    await db.put('imports', { ...older, id: 'undo-2', summary: [1_700_000_000_001, 'ris', 'x.ris', 1, 1] });
    expect(await db.getAllKeysFromIndex('imports', 'summary')).toEqual(['undo-2']);
    db.close();
  });
});
