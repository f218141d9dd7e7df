// A query that is one paper identifier or link finds the papers carrying it as key or alias; anything else is
// left to the word search.
import { describe, expect, it } from 'vitest';
import type { PaperSummary } from '../../../src/shared/search-snapshot';
import { idHits } from '../../../src/popup/id-search';

function summary(key: string, aliases: string[] = []): PaperSummary {
  return {
    key, aliases, title: `Paper ${key}`, url: 'https://example.org/', authors: [], tags: [], status: 'to-read', note: '',
    site: 'arxiv', savedAt: 0, metrics: [], codeLinks: [], venues: [],
  };
}

const LIBRARY = [
  summary('arxiv:1706.03762', ['doi:10.5555/3295222.3295349']),
  summary('doi:10.1038/nature14539'),
  summary('openreview:AbC123xYz'),
  summary('acl:2023.acl-long.1'),
  summary('arxiv:hep-th/9901001'),
];

/** The keys `query` finds, or null when it leaves the search to words. */
function found(query: string): string[] | null {
  const hits = idHits(LIBRARY, query);
  if (!hits) return null;
  const keys = LIBRARY.map((paper) => paper.key).filter((key) => hits.has(key));
  expect(hits.size).toBe(keys.length);
  return keys;
}

describe('searching by identifier', () => {
  it('finds a paper by its arXiv id in any form a citation gives', () => {
    for (const query of ['1706.03762', ' 1706.03762v5 ', 'arXiv:1706.03762', 'https://arxiv.org/abs/1706.03762', 'arxiv.org/pdf/1706.03762v7']) {
      expect(found(query), query).toEqual(['arxiv:1706.03762']);
    }
    expect(found('hep-th/9901001')).toEqual(['arxiv:hep-th/9901001']);
  });

  it('finds a paper by an id it holds as an alias, and by DOI, Anthology and OpenReview ids and links', () => {
    expect(found('10.5555/3295222.3295349')).toEqual(['arxiv:1706.03762']);
    expect(found('https://doi.org/10.1038/nature14539')).toEqual(['doi:10.1038/nature14539']);
    expect(found('doi:10.1038/NATURE14539')).toEqual(['doi:10.1038/nature14539']);
    expect(found('https://openreview.net/forum?id=AbC123xYz')).toEqual(['openreview:AbC123xYz']);
    expect(found('https://aclanthology.org/2023.acl-long.1/')).toEqual(['acl:2023.acl-long.1']);
  });

  it('ranks what it finds above any match of words', () => {
    expect(idHits(LIBRARY, '1706.03762')!.score('arxiv:1706.03762')).toBeGreaterThan(100);
  });

  it('leaves words, sentences and ids of papers not in the library to the word search', () => {
    expect(found('attention')).toBeNull();
    expect(found('study 4321')).toBeNull();
    expect(found('see arXiv:1706.03762 for details')).toBeNull();
    expect(found('2412.01234')).toBeNull();
    expect(found('')).toBeNull();
  });
});
