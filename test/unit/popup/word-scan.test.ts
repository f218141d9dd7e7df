// The scan of the snapshot's words answers exactly as the index's first pass: the same papers, the same scores.
import { describe, expect, it } from 'vitest';
import { PaperSearch } from '../../../src/popup/search-index';
import { WordScan } from '../../../src/popup/word-scan';
import { readStoredSnapshot } from '../../../src/popup/stored-snapshot';
import { decodeSnapshot, encodeSnapshot } from '../../../src/shared/search-snapshot';
import { sampleLibrary } from './sample-library';

const QUERIES = ['d', 'diffusion', 'diffusion transformer', 'lovelace', 'jurgen', 'garcía', 'to-cite', 'topic-1', 'study 12', 'appendix', 'zzz'];

describe('WordScan', () => {
  it('finds and scores exactly as the index does before it reads abstracts', async () => {
    const library = sampleLibrary(500);
    const snapshot = decodeSnapshot(encodeSnapshot(library))!;
    const scan = new WordScan(snapshot.papers.map((paper) => paper.key), snapshot.words);
    // An index of summaries reads no abstract: it is the first pass's index.
    const index = new PaperSearch();
    await index.build(snapshot.papers);
    for (const query of QUERIES) {
      const fromScan = scan.search(query)!;
      const fromIndex = index.search(query)!;
      const found = library.filter((paper) => fromIndex.has(paper.key));
      expect(library.filter((paper) => fromScan.has(paper.key)), query).toEqual(found);
      expect(fromScan.size, query).toBe(fromIndex.size);
      expect(found.map((paper) => fromScan.score(paper.key)), query).toEqual(found.map((paper) => fromIndex.score(paper.key)));
    }
    expect(index.search('diffusion')!.size).toBeGreaterThan(0);
    expect(scan.search('  ')).toBeNull();
  });

  it('follows edits and removals', () => {
    const [first, second] = sampleLibrary(2);
    const snapshot = decodeSnapshot(encodeSnapshot([first!, second!]))!;
    const scan = new WordScan(snapshot.papers.map((paper) => paper.key), snapshot.words);
    expect(scan.search('zeppelin')!.size).toBe(0);
    scan.upsert({ ...first!, note: 'Zeppelin notes' });
    expect(scan.search('zeppelin')!.has(first!.key)).toBe(true);
    expect(scan.search('zeppelin')!.score(first!.key)).toBe(1.5 * 1.5); // a whole word of the note
    scan.remove(first!.key);
    expect(scan.search('zeppelin')!.size).toBe(0);
    // One of the snapshot's papers edited so that it no longer matches, and a paper saved since the snapshot.
    expect(second!.title).toBe('Transformer distillation for speech tokenization: study 1');
    expect(scan.search('distillation')!.has(second!.key)).toBe(true);
    scan.upsert({ ...second!, title: 'Renamed' });
    scan.upsert({ ...first!, key: 'arxiv:2401.00009', title: 'Distillation again', note: '' });
    let hits = scan.search('distillation')!;
    expect([hits.size, hits.has(second!.key), hits.has('arxiv:2401.00009')]).toEqual([1, false, true]);
    // Saved again after its removal: found again, once.
    expect(first!.title).toBe('Multimodal planning for multimodal rendering: study 0');
    scan.upsert(first!);
    hits = scan.search('multimodal')!;
    expect([hits.size, hits.has(first!.key)]).toEqual([1, true]);
  });
});

describe('readStoredSnapshot', () => {
  it('reads nothing, and creates nothing, where there is no database yet', async () => {
    const name = `no-database-${Math.random().toString(36).slice(2)}`;
    expect(await readStoredSnapshot(name)).toBeNull();
    expect((await indexedDB.databases()).map((db) => db.name)).not.toContain(name);
  });
});
