import { describe, expect, it } from 'vitest';
import { urlMatches } from '../../../src/sites/match-pattern';

describe('urlMatches', () => {
  it.each([
    ['https://huggingface.co/papers*', 'https://huggingface.co/papers', true],
    ['https://huggingface.co/papers*', 'https://huggingface.co/papers/2412.01234', true],
    ['https://huggingface.co/papers*', 'https://huggingface.co/papers?q=llm', true],
    ['https://huggingface.co/papers*', 'https://huggingface.co/models', false],
    ['https://huggingface.co/papers*', 'http://huggingface.co/papers', false],
    ['https://*.semanticscholar.org/*', 'https://www.semanticscholar.org/search?q=x', true],
    ['https://*.semanticscholar.org/*', 'https://semanticscholar.org/search', true],
    ['https://*.semanticscholar.org/*', 'https://evilsemanticscholar.org/search', false],
    ['*://arxiv.org/list/*', 'http://arxiv.org/list/cs.LG/new', true],
    ['https://arxiv.org/list/*', 'https://arxiv.org:443/list/cs.LG/new', true],
    ['https://arxiv.org/list/*', 'https://arxiv.org/abs/2401.00001', false],
    ['https://arxiv.org/list/*', 'not a url', false],
  ])('%s vs %s → %s', (pattern, url, expected) => {
    expect(urlMatches(url, pattern)).toBe(expected);
  });

  it('rejects a malformed pattern loudly', () => {
    expect(() => urlMatches('https://a.org/', 'https://a.org')).toThrow(/match pattern/);
  });
});
