import { describe, expect, it } from 'vitest';
import type { SavedPaper } from '../../../src/core/paper';
import {
  NO_FILTERS,
  comparatorFor,
  filterPredicate,
  hasFilters,
  scopeOf,
  siteCounts,
  sortedPapers,
  toQueryFilter,
  visiblePapers,
} from '../../../src/popup/visible-papers';
import { sampleLibrary } from './sample-library';

function paper(key: string, fields: Partial<SavedPaper> = {}): SavedPaper {
  return {
    key, aliases: [], title: key, url: `https://arxiv.org/abs/${key}`, authors: [], abstract: '', venues: [], metrics: [],
    codeLinks: [], site: 'arxiv', tags: [], status: 'to-read', note: '', savedAt: 0, updatedAt: 0, seenUrls: [],
    ...fields,
  };
}

const metric = { text: '2x', kind: 'speedup' as const, value: 2, unit: 'x', label: 'speedup' };

describe('filterPredicate', () => {
  const papers = [
    paper('arxiv:1', { tags: ['Vision', 'to-cite'], status: 'read', site: 'arxiv', codeLinks: ['https://github.com/a/b'] }),
    paper('arxiv:2', { tags: ['vision'], status: 'reading', site: 'huggingface' }),
    paper('arxiv:3', { tags: ['LLM'], status: 'read', site: 'huggingface', codeLinks: ['https://github.com/c/d'] }),
  ];
  const keys = (filters: Partial<typeof NO_FILTERS>) =>
    papers.filter(filterPredicate({ ...NO_FILTERS, ...filters })).map((p) => p.key);

  it('keeps papers carrying every chosen tag, whatever the letter case', () => {
    expect(keys({ tags: ['VISION'] })).toEqual(['arxiv:1', 'arxiv:2']);
    expect(keys({ tags: ['vision', 'To-Cite'] })).toEqual(['arxiv:1']);
    expect(keys({ tags: ['vision', 'llm'] })).toEqual([]);
  });

  it('filters on status, site and code, together', () => {
    expect(keys({ status: 'read' })).toEqual(['arxiv:1', 'arxiv:3']);
    expect(keys({ site: 'huggingface' })).toEqual(['arxiv:2', 'arxiv:3']);
    expect(keys({ hasCode: true })).toEqual(['arxiv:1', 'arxiv:3']);
    expect(keys({ hasCode: false })).toEqual(['arxiv:2']);
    expect(keys({ status: 'read', site: 'huggingface', hasCode: true })).toEqual(['arxiv:3']);
  });

  it('says when any filter is on, and turns them into the background query filter', () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(toQueryFilter(NO_FILTERS)).toBeUndefined();
    expect(hasFilters({ ...NO_FILTERS, hasCode: false })).toBe(true);
    expect(toQueryFilter({ tags: ['a'], status: 'read', site: 'arxiv', hasCode: false }))
      .toEqual({ tags: ['a'], status: 'read', site: 'arxiv', hasCode: false });
  });
});

describe('sorting', () => {
  const a = paper('arxiv:a', { title: 'beta', savedAt: 3, metrics: [metric] });
  const b = paper('arxiv:b', { title: 'Alpha', savedAt: 1, metrics: [metric, metric] });
  const c = paper('arxiv:c', { title: 'Élan', savedAt: 2, metrics: [metric] });
  const d = paper('arxiv:d', { title: 'alpha', savedAt: 2 });
  const order = (sort: Parameters<typeof sortedPapers>[1]) => sortedPapers([a, b, c, d], sort).map((p) => p.key);

  it('sorts newest or oldest first, ties broken by key so the order is stable', () => {
    expect(order('newest')).toEqual(['arxiv:a', 'arxiv:d', 'arxiv:c', 'arxiv:b']);
    expect(order('oldest')).toEqual(['arxiv:b', 'arxiv:c', 'arxiv:d', 'arxiv:a']);
  });

  it('sorts titles as people read them (case and accents aside), newest first among equals', () => {
    expect(order('title')).toEqual(['arxiv:d', 'arxiv:b', 'arxiv:a', 'arxiv:c']);
  });

  it('puts the papers with most metrics first', () => {
    expect(order('metrics')).toEqual(['arxiv:b', 'arxiv:a', 'arxiv:c', 'arxiv:d']);
  });

  it('is a strict order on a real library (antisymmetric, no two papers equal)', () => {
    const library = sampleLibrary(300);
    for (const sort of ['newest', 'oldest', 'title', 'metrics'] as const) {
      const compare = comparatorFor(sort);
      const sorted = sortedPapers(library, sort);
      for (let i = 1; i < sorted.length; i++) {
        expect(compare(sorted[i - 1]!, sorted[i]!)).toBeLessThan(0);
        expect(compare(sorted[i]!, sorted[i - 1]!)).toBeGreaterThan(0);
      }
    }
  });
});

describe('visiblePapers', () => {
  const library = sortedPapers(sampleLibrary(200), 'newest');
  const hitsOf = (scores: Record<string, number>) => ({
    has: (key: string) => key in scores,
    score: (key: string) => scores[key] ?? 0,
  });

  it('shows everything in order without a search or filter', () => {
    expect(visiblePapers(library, NO_FILTERS, null, 'newest')).toEqual(library);
  });

  it('keeps the sort order for search hits, and orders them by score for the relevance sort', () => {
    const [first, second, third] = library;
    const hits = hitsOf({ [third!.key]: 5, [first!.key]: 1, [second!.key]: 5 });
    expect(visiblePapers(library, NO_FILTERS, hits, 'newest').map((p) => p.key)).toEqual([first!.key, second!.key, third!.key]);
    // Equal scores keep the newest-first order.
    expect(visiblePapers(library, NO_FILTERS, hits, 'relevance').map((p) => p.key)).toEqual([second!.key, third!.key, first!.key]);
  });

  it('applies filters and search together', () => {
    const tagged = library.filter((p) => p.tags.includes('LLM'));
    expect(tagged.length).toBeGreaterThan(3);
    const hits = hitsOf(Object.fromEntries(library.slice(0, 100).map((p) => [p.key, 1])));
    const shown = visiblePapers(library, { ...NO_FILTERS, tags: ['llm'] }, hits, 'newest');
    expect(shown).toEqual(tagged.filter((p) => library.indexOf(p) < 100));
  });
});

describe('siteCounts and scopeOf', () => {
  it('counts papers per site, most first', () => {
    const papers = [paper('a:1', { site: 'arxiv' }), paper('a:2', { site: 'acl' }), paper('a:3', { site: 'arxiv' })];
    expect(siteCounts(papers)).toEqual([{ site: 'arxiv', count: 2 }, { site: 'acl', count: 1 }]);
  });

  it('describes what is shown for the export file name', () => {
    expect(scopeOf({ tags: ['Vision'], status: 'reading', site: null, hasCode: true }, ' diffusion ')).toBe('tag Vision reading with-code search diffusion');
    expect(scopeOf(NO_FILTERS, '')).toBe('filtered');
  });
});
