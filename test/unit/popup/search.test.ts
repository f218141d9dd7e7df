import { describe, expect, it } from 'vitest';
import type { SavedPaper } from '../../../src/core/paper';
import { PaperSearch } from '../../../src/popup/search-index';
import { foldText, forEachWord, quickHits, searchTerms } from '../../../src/popup/search-terms';
import { sampleLibrary, seededRandom } from './sample-library';

function paper(key: string, fields: Partial<SavedPaper>): SavedPaper {
  return {
    key, aliases: [], title: '', url: 'https://example.org/', authors: [], abstract: '', venues: [], metrics: [], codeLinks: [],
    site: 'arxiv', tags: [], status: 'to-read', note: '', savedAt: 0, updatedAt: 0, seenUrls: [], ...fields,
  };
}

async function indexOf(papers: SavedPaper[]): Promise<PaperSearch> {
  const search = new PaperSearch();
  expect(await search.build(papers)).toBe(true);
  return search;
}

/** The keys among `candidates` that `query` finds, sorted. */
function finder(candidates: () => string[]) {
  return (search: PaperSearch, query: string): string[] => {
    const hits = search.search(query);
    if (!hits) return ['<no search>'];
    return candidates().filter((key) => hits.has(key)).sort();
  };
}

describe('words', () => {
  it('splits on anything but letters and digits, folds case and accents, keeps non-Latin scripts', () => {
    expect(searchTerms('To-Cite, GPT-4o!')).toEqual(['to', 'cite', 'gpt', '4o']);
    expect(searchTerms('Jürgen Schmidhuber')).toEqual(['jurgen', 'schmidhuber']);
    expect(searchTerms('深度学习 模型')).toEqual(['深度学习', '模型']);
    expect(searchTerms('  ... ')).toEqual([]);
    const words: string[] = [];
    forEachWord(foldText('𝒳-rays 😀 café'), (w) => words.push(w));
    expect(words).toEqual(['𝒳', 'rays', 'cafe']);
  });
});

describe('PaperSearch', () => {
  const papers = [
    paper('k:title', { title: 'Diffusion Transformers at Scale', abstract: 'We scale models.' }),
    paper('k:abstract', { title: 'Sparse attention', abstract: 'A diffusion process for tokens.' }),
    paper('k:author', { title: 'Routing', authors: ['Jürgen Schmidhuber'] }),
    paper('k:tag', { title: 'Agents', tags: ['to-cite', 'RL'] }),
    paper('k:note', { title: 'Benchmarks', note: 'Compare with the diffusion baseline' }),
  ];
  const found = finder(() => [...papers.map((p) => p.key), 'k:new']);

  it('finds a word in any field, as a prefix of a word, every typed word required', async () => {
    const search = await indexOf(papers);
    expect(found(search, 'diffusion')).toEqual(['k:abstract', 'k:note', 'k:title']);
    expect(found(search, 'diff')).toEqual(['k:abstract', 'k:note', 'k:title']);
    expect(found(search, 'DIFF trans')).toEqual(['k:title']);
    expect(found(search, 'jurgen')).toEqual(['k:author']);
    expect(found(search, 'schmidhüber')).toEqual(['k:author']);
    expect(found(search, 'to-cite')).toEqual(['k:tag']);
    expect(found(search, 'baseline compare')).toEqual(['k:note']);
    expect(found(search, 'iffusion')).toEqual([]);
    expect(found(search, 'diffusion zebra')).toEqual([]);
    expect(search.search('  -- ')).toBeNull();
    expect(search.search('diffusion')!.size).toBe(3);
  });

  it('scores title matches above note and abstract ones, and whole words above prefixes', async () => {
    const search = await indexOf(papers);
    const hits = search.search('diffusion')!;
    expect(hits.score('k:title')).toBeGreaterThan(hits.score('k:note'));
    expect(hits.score('k:note')).toBeGreaterThan(hits.score('k:abstract'));
    expect(hits.score('k:author')).toBe(0);
    const prefix = search.search('diffus')!;
    expect(prefix.score('k:title')).toBeLessThan(hits.score('k:title'));
  });

  it('follows edits and removals', async () => {
    const search = await indexOf(papers);
    search.upsert({ ...papers[1]!, title: 'Sparse attention', abstract: 'Nothing to see.' });
    expect(found(search, 'diffusion')).toEqual(['k:note', 'k:title']);
    search.remove('k:title');
    expect(found(search, 'diffusion')).toEqual(['k:note']);
    search.upsert(paper('k:new', { title: 'Latent diffusion' }));
    expect(found(search, 'latent diffusion')).toEqual(['k:new']);
    expect(search.size).toBe(5);
  });

  it('keeps a change made while it is being built, and stops when aborted', async () => {
    const library = sampleLibrary(3000);
    const search = new PaperSearch();
    const building = search.build(library, { sliceMs: 1 });
    expect(search.ready).toBe(false);
    const edited = { ...library[2500]!, title: 'Quasicrystal lattices' };
    search.upsert(edited);
    search.remove(library[2600]!.key);
    expect(await building).toBe(true);
    expect(search.ready).toBe(true);
    expect(search.search('quasicrystal')!.has(edited.key)).toBe(true);
    expect(search.search(library[2600]!.title)!.has(library[2600]!.key)).toBe(false);
    expect(search.size).toBe(2999);

    const controller = new AbortController();
    const again = search.build(library, { sliceMs: 1, signal: controller.signal });
    controller.abort();
    expect(await again).toBe(false);
    expect(search.ready).toBe(false);
  });

  it('finds exactly what a brute-force scan finds, for random queries over a real library', async () => {
    const library = sampleLibrary(400);
    const search = await indexOf(library);
    const words = (p: SavedPaper) => [p.title, p.authors.join(' '), p.tags.join(' '), p.note, p.abstract].flatMap(searchTerms);
    const next = seededRandom(3);
    for (let round = 0; round < 60; round++) {
      const source = library[Math.floor(next() * library.length)]!;
      const pool = words(source);
      const terms = Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
        const word = pool[Math.floor(next() * pool.length)]!;
        return word.slice(0, 1 + Math.floor(next() * word.length));
      });
      const expected = library.filter((p) => {
        const own = words(p);
        return terms.every((t) => own.some((w) => w.startsWith(t)));
      }).map((p) => p.key).sort();
      const hits = search.search(terms.join(' '))!;
      expect(library.filter((p) => hits.has(p.key)).map((p) => p.key).sort(), terms.join(' ')).toEqual(expected);
      expect(hits.size).toBe(expected.length);
      expect(expected).toContain(source.key);
    }
  });
});

describe('quickHits', () => {
  it('scans titles, authors and tags for every word until the index is ready', () => {
    const papers = [paper('a:1', { title: 'Diffusion models', authors: ['Mei Li'] }), paper('a:2', { title: 'Other', tags: ['diffusion'] })];
    const hits = quickHits(papers, 'diffusion')!;
    expect([hits.has('a:1'), hits.has('a:2'), hits.size]).toEqual([true, true, 2]);
    expect(quickHits(papers, 'diffusion li')!.size).toBe(1);
    expect(quickHits(papers, ' ')).toBeNull();
  });
});
