// The stored search snapshot's columns: every summary field comes back exactly, whatever the page text holds
// (separator characters, empty items, odd numbers), a damaged or foreign snapshot is refused, and a snapshot of
// the first format (one JSON text) is rebuilt by the background, its record removed.
import { describe, expect, it, vi } from 'vitest';
import { openPaperlightDb } from '../../../src/background/db';
import { toStored } from '../../../src/background/records';
import { markWritten, readSnapshot } from '../../../src/background/search-snapshot';
import type { SavedPaper } from '../../../src/core/paper';
import { readFirstPage } from '../../../src/popup/first-page';
import { readStoredSnapshot } from '../../../src/popup/stored-snapshot';
import { decodeSnapshot, encodeSnapshot, snapshotColumns, snapshotRows } from '../../../src/shared/search-snapshot';
import { plainSummary } from '../../../src/shared/snapshot-papers';
import { paper, uniqueDbName } from '../store/helpers';
import { sampleLibrary } from './sample-library';

/** The summary of a record, picked field by field here (not by the snapshot's own code). */
function summaryOf(p: SavedPaper) {
  return {
    key: p.key, aliases: p.aliases, title: p.title, url: p.url, authors: p.authors, tags: p.tags, status: p.status, note: p.note,
    site: p.site, savedAt: p.savedAt, metrics: p.metrics, codeLinks: p.codeLinks, venues: p.venues,
  };
}

const venue = { name: 'NeurIPS 2024', year: 2024, url: 'https://neurips.cc/virtual/2024/poster/1', key: 'url:neurips.cc/virtual/2024/poster/1' };

describe('the snapshot columns', () => {
  it('give back every summary field of a real library, with its words', () => {
    const library = sampleLibrary(300).map((p, i) => (i % 50 === 7 ? { ...p, venues: [venue] } : p));
    const stored = encodeSnapshot(library);
    // Plain text: every column but the numbers, the fields of few values and venues is one string.
    expect(typeof stored.titles).toBe('string');
    expect(typeof stored.authors.items).toBe('string');
    expect(typeof stored.metrics.texts).toBe('string');
    // Numbers as typed arrays; statuses and kinds as indexes; sites, units and labels each stored once.
    expect(stored.savedAt).toBeInstanceOf(Float64Array);
    expect(stored.metrics.values).toBeInstanceOf(Float64Array);
    // Counts and indexes a byte each where none reaches 256.
    expect(stored.authors.counts).toBeInstanceOf(Uint8Array);
    expect(stored.metrics.counts).toBeInstanceOf(Uint8Array);
    expect(stored.sites.at).toBeInstanceOf(Uint8Array);
    expect(stored.metrics.labels.at).toBeInstanceOf(Uint8Array);
    expect([...stored.statuses].sort()).toEqual(library.map((p) => ['to-read', 'reading', 'read', 'skip'].indexOf(p.status)).sort());
    expect(new Set((stored.sites.values as string).split('\u001e'))).toEqual(new Set(library.map((p) => p.site)));
    expect((stored.sites.values as string).split('\u001e')).toHaveLength(new Set(library.map((p) => p.site)).size);
    const units = new Set(library.flatMap((p) => p.metrics.map((m) => m.unit)));
    expect((stored.metrics.units.values as string).split('\u001e')).toHaveLength(units.size);
    expect(stored.metrics.units.at).toHaveLength(library.flatMap((p) => p.metrics).length);
    expect(stored.venues.map(([index]) => index)).toEqual([7, 57, 107, 157, 207, 257]);
    const decoded = decodeSnapshot(structuredClone(stored))!;
    expect(decoded.papers.map(plainSummary)).toEqual(library.map(summaryOf));
    expect(decoded.words[0]).toContain(' ' + library[0]!.title.split(/\W+/)[0]!.toLowerCase() + ' ');
  });

  it('keep page text holding separator characters, empty items and unusual numbers exact', () => {
    const odd = paper(1, {
      title: 'A \u001e title \u001f with \u001d separators',
      authors: ['', 'Ada \u001f Lovelace'],
      tags: ['x\u001ey'],
      note: 'line one\nline two',
      metrics: [
        { text: '1e-9 \u001e', kind: 'error', value: 1e-9, unit: '\u001f', label: 'error' },
        { text: 'NaN', kind: 'other', value: Number.NaN, unit: '', label: '' },
        { text: 'big', kind: 'size', value: 1.7976931348623157e308, unit: 'B', label: 'parameters' },
      ],
    });
    const plain = paper(2, { metrics: [{ text: '-0.5', kind: 'accuracy', value: -0.5, unit: '%', label: 'drop' }] });
    const stored = encodeSnapshot([odd, plain]);
    expect(Array.isArray(stored.titles)).toBe(true);
    expect(typeof stored.authors.items).toBe('string'); // an empty author, or \u001f, needs no escape
    expect(Array.isArray(stored.tags.items)).toBe(true);
    expect(Array.isArray(stored.metrics.texts)).toBe(true);
    expect(typeof stored.metrics.units.values).toBe('string');
    expect(decodeSnapshot(structuredClone(stored))!.papers.map(plainSummary)).toEqual([summaryOf(odd), summaryOf(plain)]);

    // Numbers written as text come back as the same numbers.
    const numbers = paper(3, { metrics: [{ text: 'n', kind: 'other', value: Number.NaN, unit: '', label: '' }, { text: 'm', kind: 'other', value: 0.1 + 0.2, unit: '', label: '' }] });
    const plainStored = encodeSnapshot([numbers]);
    expect(typeof plainStored.metrics.texts).toBe('string');
    expect(decodeSnapshot(plainStored)!.papers[0]!.metrics.map((m) => m.value)).toEqual([Number.NaN, 0.30000000000000004]);
  });

  it('store counts and indexes in as few bytes as their largest needs, and read those of any width', () => {
    const authors = (n: number) => Array.from({ length: n }, (_, i) => `Author ${i}`);
    // A large collaboration's paper: more than 255 authors (two bytes), and 300 distinct metric labels.
    const metrics = Array.from({ length: 300 }, (_, i) => ({ text: `${i}%`, kind: 'accuracy' as const, value: i, unit: '%', label: `task ${i}` }));
    const library = [paper(1, { authors: authors(2), metrics: [] }), paper(2, { authors: authors(300), metrics })];
    const stored = encodeSnapshot(library);
    expect(stored.authors.counts).toEqual(Uint16Array.of(2, 300));
    expect(stored.metrics.counts).toEqual(Uint16Array.of(0, 300));
    expect(stored.metrics.labels.at).toBeInstanceOf(Uint16Array);
    expect(stored.metrics.units.at).toEqual(new Uint8Array(300));
    expect(stored.tags.counts).toBeInstanceOf(Uint8Array);
    expect(decodeSnapshot(structuredClone(stored))!.papers.map(plainSummary)).toEqual(library.map(summaryOf));
    // A snapshot stored with four bytes for every count and index (as earlier versions wrote it) reads the same.
    const wide = ({ counts, ...rest }: { counts: ArrayLike<number> }) => ({ ...rest, counts: Uint32Array.from(counts) });
    const wideChoices = ({ values, at }: { values: unknown; at: ArrayLike<number> }) => ({ values, at: Uint32Array.from(at) });
    const old = {
      ...stored, aliases: wide(stored.aliases), authors: wide(stored.authors), tags: wide(stored.tags), codeLinks: wide(stored.codeLinks),
      sites: wideChoices(stored.sites),
      metrics: { ...wide(stored.metrics), units: wideChoices(stored.metrics.units), labels: wideChoices(stored.metrics.labels) },
    };
    expect(old.authors.counts).toEqual(Uint32Array.of(2, 300));
    expect(decodeSnapshot(old)!.papers.map(plainSummary)).toEqual(library.map(summaryOf));
  });

  it('decode an empty library, and the background patches rows without losing a field', () => {
    expect(decodeSnapshot(encodeSnapshot([]))).toEqual({ papers: [], words: [] });
    const library = [paper(1), paper(2, { venues: [venue] }), paper(3, { tags: [] })];
    const rows = snapshotRows(encodeSnapshot(library))!;
    expect(decodeSnapshot(snapshotColumns(rows))!.papers.map(plainSummary)).toEqual(library.map(summaryOf));
  });

  it('refuse a snapshot of another format or a damaged one', () => {
    const good = encodeSnapshot([paper(1), paper(2)]);
    expect(decodeSnapshot(good)).not.toBeNull();
    expect(decodeSnapshot('{"format":1,"rows":[]}')).toBeNull();
    expect(decodeSnapshot(null)).toBeNull();
    expect(decodeSnapshot({ ...good, format: 1 })).toBeNull();
    expect(decodeSnapshot({ ...good, count: 3 })).toBeNull();
    expect(decodeSnapshot({ ...good, titles: 'only one title' })).toBeNull();
    expect(decodeSnapshot({ ...good, statuses: 'read\u001eskimmed' })).toBeNull();
    expect(decodeSnapshot({ ...good, statuses: Uint8Array.of(0, 4) })).toBeNull(); // four statuses
    expect(decodeSnapshot({ ...good, savedAt: [1, 2] })).toBeNull();
    expect(decodeSnapshot({ ...good, savedAt: Float64Array.of(1) })).toBeNull();
    expect(decodeSnapshot({ ...good, metrics: { ...good.metrics, values: [...good.metrics.values] } })).toBeNull();
    expect(decodeSnapshot({ ...good, metrics: { ...good.metrics, kinds: good.metrics.kinds.map(() => 200) } })).toBeNull();
    expect(decodeSnapshot({ ...good, metrics: { ...good.metrics, counts: Uint32Array.of(9, 9) } })).toBeNull();
    expect(decodeSnapshot({ ...good, tags: { ...good.tags, counts: Int32Array.of(1, -1) } })).toBeNull();
    expect(decodeSnapshot({ ...good, tags: { ...good.tags, counts: Int8Array.from(good.tags.counts) } })).toBeNull();
    expect(decodeSnapshot({ ...good, tags: { ...good.tags, counts: Float64Array.from(good.tags.counts) } })).toBeNull();
    expect(decodeSnapshot({ ...good, sites: { values: 'arxiv', at: Uint8Array.of(0, 1) } })).toBeNull();
    expect(decodeSnapshot({ ...good, sites: { values: 'arxiv', at: Uint32Array.of(0, 1) } })).toBeNull();
    expect(decodeSnapshot({ ...good, sites: { values: 'arxiv', at: Uint32Array.of(0) } })).toBeNull();
    expect(decodeSnapshot({ ...good, venues: [[2, [venue]]] })).toBeNull();
    expect(decodeSnapshot({ ...good, venues: [[0, [{ name: 'x' }]]] })).toBeNull();
    expect(decodeSnapshot({ ...good, authors: { counts: [1, 1], items: ['a', 1] } })).toBeNull();
    expect(decodeSnapshot({ ...good, authors: 'Ada\u001eAlan' })).toBeNull();
  });

  it('refuse a list column with an item too many or too few, though no list is read until asked for', () => {
    const good = encodeSnapshot([paper(1, { authors: ['Ada', 'Alan'] }), paper(2, { authors: ['Grace'] })]);
    expect(good.authors.items).toBe('Ada\u001eAlan\u001eGrace');
    expect(decodeSnapshot({ ...good, authors: { ...good.authors, items: 'Ada\u001eAlan\u001eGrace\u001eKurt' } })).toBeNull();
    expect(decodeSnapshot({ ...good, authors: { ...good.authors, items: 'Ada\u001eAlan' } })).toBeNull();
    expect(decodeSnapshot({ ...good, metrics: { ...good.metrics, texts: `${String(good.metrics.texts)}\u001eextra` } })).toBeNull();
  });

  it('give each paper the same lists every time they are read, whichever paper is read first', () => {
    const library = sampleLibrary(30);
    const { papers } = decodeSnapshot(structuredClone(encodeSnapshot(library)))!;
    // The last paper first: its lists are found without the ones before them having been made.
    expect(papers[29]!.metrics).toEqual(library[29]!.metrics);
    expect(papers[29]!.authors).toEqual(library[29]!.authors);
    expect(papers[29]!.metrics).toBe(papers[29]!.metrics);
    const tagged = library.findIndex((p) => p.tags.length > 0);
    expect(papers[tagged]!.tags).toEqual(library[tagged]!.tags);
    expect(papers[tagged]!.tags).toBe(papers[tagged]!.tags);
    expect(papers.map(plainSummary)).toEqual(library.map(summaryOf));
  });
});

describe('a snapshot of the first format', () => {
  it('is rebuilt as columns on the next read, and its record removed', async () => {
    const name = uniqueDbName();
    const db = await openPaperlightDb(name);
    const papers = [paper(1), paper(2)];
    const tx = db.transaction(['papers', 'snapshot'], 'readwrite');
    await Promise.all([
      ...papers.map((p) => tx.objectStore('papers').put(toStored(p))),
      tx.objectStore('snapshot').put({ id: 'state', generation: 3, dirty: [], stale: false }),
      tx.objectStore('snapshot').put({ id: 'text', text: JSON.stringify({ format: 1, rows: [] }) }),
      tx.done,
    ]);
    // The popup finds nothing it can use yet.
    expect(await readStoredSnapshot(name)).toEqual({ columns: null, dirty: [] });
    expect(decodeSnapshot(await readSnapshot(db))!.papers.map(plainSummary)).toEqual(papers.map(summaryOf));
    expect(await db.get('snapshot', 'text')).toBeUndefined();
    const stored = await readStoredSnapshot(name);
    expect(decodeSnapshot(stored!.columns)!.papers.map(plainSummary)).toEqual(papers.map(summaryOf));
    // A later write is noted, and the next read patches that one row.
    await markWritten(db, [{ key: paper(2).key, paper: null }]);
    expect(await readStoredSnapshot(name)).toMatchObject({ dirty: [paper(2).key] });
    db.close();
  });
});

describe('reading the stored snapshot', () => {
  /** A database of two saved papers and their stored snapshot, its connection closed. */
  async function closedLibraryWithSnapshot() {
    const name = uniqueDbName();
    const db = await openPaperlightDb(name);
    const papers = [paper(1), paper(2)];
    const tx = db.transaction('papers', 'readwrite');
    await Promise.all([...papers.map((p) => tx.store.put(toStored(p))), tx.done]);
    await readSnapshot(db);
    const version = db.version;
    db.close();
    return { name, papers, version };
  }

  /** Resolves once an upgrade of `name` past `version` has gone through (it waits for every connection to close). */
  function upgraded(name: string, version: number): Promise<void> {
    const upgrade = indexedDB.open(name, version + 1);
    return new Promise((resolve) => {
      upgrade.onsuccess = () => {
        upgrade.result.close();
        resolve();
      };
    });
  }

  it('reads at once but gives the records only once told to take them, the connection closed meanwhile', async () => {
    const { name, papers, version } = await closedLibraryWithSnapshot();
    let take!: () => void;
    const reading = readStoredSnapshot(name, new Promise<void>((resolve) => (take = resolve)));
    let settled = false;
    void reading.then(() => (settled = true));
    // An upgrade waits for every open connection to close: the read closes its own before the take (held until
    // then, this would never succeed).
    await upgraded(name, version);
    expect(settled).toBe(false);
    take();
    const stored = await reading;
    expect(stored!.dirty).toEqual([]);
    expect(decodeSnapshot(stored!.columns)!.papers.map(plainSummary)).toEqual(papers.map(summaryOf));
  });
  it('shares one connection with the first page when both are begun together, and closes it once both are read', async () => {
    const { name, papers, version } = await closedLibraryWithSnapshot();
    const open = vi.spyOn(indexedDB, 'open');
    try {
      const [page, stored] = await Promise.all([readFirstPage(10, name), readStoredSnapshot(name)]);
      expect(open).toHaveBeenCalledTimes(1);
      expect(page!.items.map((p) => p.key).sort()).toEqual(papers.map((p) => p.key).sort());
      expect(decodeSnapshot(stored!.columns)!.papers.map(plainSummary)).toEqual(papers.map(summaryOf));
      // Read apart, each opens its own.
      await readFirstPage(10, name);
      expect(open).toHaveBeenCalledTimes(2);
    } finally {
      open.mockRestore();
    }
    // Closed: an upgrade, which waits for every open connection to close, goes through.
    await upgraded(name, version);
  });
});
