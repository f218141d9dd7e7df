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

  it('narrows a list to its hits in the order of the list, as `has` does, also after edits between searches', async () => {
    const library = sampleLibrary(300);
    const search = await indexOf(library);
    // A list in an order of its own, with a paper the index has never seen.
    const list = [...library].reverse();
    list.splice(7, 0, paper('k:unindexed', { title: library[0]!.title }));
    const narrowed = (query: string) => search.search(query)!.within!(list).map((p) => p.key);
    const byHas = (query: string) => {
      const hits = search.search(query)!;
      return list.filter((p) => hits.has(p.key)).map((p) => p.key);
    };
    const query = library[0]!.title.split(' ')[0]!;
    expect(narrowed(query)).toEqual(byHas(query));
    expect(narrowed(query)).not.toContain('k:unindexed');
    expect(narrowed(query)).toContain(library[0]!.key);
    // The same list again, after the paper is renamed (a new document number) and another removed.
    search.upsert({ ...library[0]!, title: 'Quasicrystal lattices' });
    search.remove(library[1]!.key);
    expect(narrowed('quasicrystal')).toEqual([library[0]!.key]);
    expect(narrowed(library[1]!.title)).toEqual(byHas(library[1]!.title));
    expect(narrowed(library[1]!.title)).not.toContain(library[1]!.key);
    search.upsert(library[1]!);
    expect(narrowed(library[1]!.title)).toContain(library[1]!.key);
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

/** The search rule written out naively: per typed word, the best field with a word it begins (whole words weigh more). */
function naiveScores(library: SavedPaper[], query: string, fields: ReadonlyArray<keyof typeof NAIVE_FIELDS>): Map<string, number> {
  const terms = [...new Set(searchTerms(query))];
  const scores = new Map<string, number>();
  for (const p of library) {
    let score = 0;
    for (const term of terms) {
      let best = 0;
      for (const field of fields) {
        const words = fieldWords(p, field);
        if (!words.some((w) => w.startsWith(term))) continue;
        best = Math.max(best, NAIVE_WEIGHTS[field] * (words.includes(term) ? 1.5 : 1));
      }
      if (best === 0) {
        score = 0;
        break;
      }
      score += best;
    }
    if (score > 0) scores.set(p.key, score);
  }
  return scores;
}
const NAIVE_FIELDS = {
  title: (p: SavedPaper) => p.title, tags: (p: SavedPaper) => p.tags.join(' '), authors: (p: SavedPaper) => p.authors.join(' '),
  note: (p: SavedPaper) => p.note, abstract: (p: SavedPaper) => p.abstract,
};
const wordCache = new WeakMap<SavedPaper, Map<string, string[]>>();
/** The words of one field of a paper, split once per test run. */
function fieldWords(p: SavedPaper, field: keyof typeof NAIVE_FIELDS): string[] {
  let fields = wordCache.get(p);
  if (!fields) wordCache.set(p, (fields = new Map()));
  let words = fields.get(field);
  if (!words) fields.set(field, (words = searchTerms(NAIVE_FIELDS[field](p))));
  return words;
}
const NAIVE_WEIGHTS = { title: 4, tags: 3, authors: 2, note: 1.5, abstract: 1 };
const SHORT = ['title', 'tags', 'authors', 'note'] as const;
const ALL = [...SHORT, 'abstract'] as const;

/** Random queries of 1–3 word beginnings, taken from the library's own words (and, now and then, a word none has). */
function randomQueries(library: SavedPaper[], count: number, seed: number): string[] {
  const next = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const source = library[Math.floor(next() * library.length)]!;
    const pool = ALL.flatMap((field) => searchTerms(NAIVE_FIELDS[field](source)));
    return Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
      if (next() < 0.05) return 'zyxwv';
      const word = pool[Math.floor(next() * pool.length)]!;
      return word.slice(0, 1 + Math.floor(next() * word.length));
    }).join(' ');
  });
}

function answers(hits: ReturnType<PaperSearch['search']>, library: SavedPaper[]): Map<string, number> {
  const found = new Map<string, number>();
  for (const p of library) if (hits!.has(p.key)) found.set(p.key, hits!.score(p.key));
  expect(hits!.size).toBe(found.size);
  return found;
}

describe('search before the index is complete', () => {
  it('answers after its first pass with exactly the papers matched outside their abstracts, scored as when complete', async () => {
    const library = sampleLibrary(400);
    const queries = randomQueries(library, 50, 11);
    const search = new PaperSearch();
    let checked = 0;
    const built = search.build(library, {
      sliceMs: 1,
      onAnswering: () => {
        expect([search.answering, search.ready]).toEqual([true, false]);
        for (const query of queries) {
          const partial = answers(search.search(query), library);
          expect(partial, query).toEqual(naiveScores(library, query, SHORT));
          // Never wrong: every paper shown is found, with the same score, by the whole rule.
          const whole = naiveScores(library, query, ALL);
          for (const [key, score] of partial) expect(whole.get(key), query).toBe(score);
          checked++;
        }
      },
    });
    expect(search.answering).toBe(false);
    expect(await built).toBe(true);
    expect(checked).toBe(queries.length);
    for (const query of queries) expect(answers(search.search(query), library), query).toEqual(naiveScores(library, query, ALL));
  });

  it('gives the answer of the index while abstracts are still being read, and a paper edited meanwhile in full', async () => {
    const library = sampleLibrary(2000);
    const search = new PaperSearch();
    const edited = { ...library[1900]!, abstract: 'Quasicrystal lattices.' };
    let answering: () => void = () => {};
    const answered = new Promise<void>((resolve) => (answering = resolve));
    const built = search.build(library, {
      sliceMs: 1,
      onAnswering: () => {
        search.upsert(edited);
        answering();
      },
    });
    // Part-way through the abstracts: an edited paper's abstract is in already, others come as they are read.
    await answered;
    expect(search.ready).toBe(false);
    expect(search.search('quasicrystal')!.has(edited.key)).toBe(true);
    expect(await built).toBe(true);
    expect(answers(search.search('quasicrystal'), library)).toEqual(new Map([[edited.key, 1.5]]));
    expect(search.search(library[1900]!.abstract.split(' ').slice(0, 3).join(' '))!.has(edited.key)).toBe(false);
  });
});

describe('quickHits', () => {
  it('finds the papers whose title, tags, authors or note begin every typed word, scored as the index scores them', () => {
    const papers = [
      paper('a:1', { title: 'Diffusion models', authors: ['Mei Li'] }),
      paper('a:2', { title: 'Other', tags: ['diffusion'] }),
      paper('a:3', { title: 'Confusion matrices', abstract: 'diffusion' }),
    ];
    const hits = quickHits(papers, 'diffusion')!;
    expect([hits.has('a:1'), hits.has('a:2'), hits.has('a:3'), hits.size]).toEqual([true, true, false, 2]);
    expect([hits.score('a:1'), hits.score('a:2')]).toEqual([6, 4.5]);
    // A word's beginning, not any substring: "fusion" is inside "Diffusion" and "Confusion" but begins no word.
    expect(quickHits(papers, 'fusion')!.size).toBe(0);
    expect(quickHits(papers, 'diffusion li')!.size).toBe(1);
    expect(quickHits(papers, ' ')).toBeNull();
  });

  it('answers random queries as the naive rule does on the short fields', () => {
    const library = sampleLibrary(300);
    for (const query of randomQueries(library, 60, 5)) {
      expect(answers(quickHits(library, query), library), query).toEqual(naiveScores(library, query, SHORT));
    }
  });
});
