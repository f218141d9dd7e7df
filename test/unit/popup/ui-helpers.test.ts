import { describe, expect, it } from 'vitest';
import { authorsLine, codeLinkLabel, firstOf, savedDay } from '../../../src/popup/format';
import { countTags, suggestTags } from '../../../src/ui/tag-suggest';
import { count, formatNumber, shortTitle } from '../../../src/ui/text';

describe('tag suggestions', () => {
  const tags = [
    { name: 'vision', count: 3 },
    { name: 'LLM', count: 10 },
    { name: 'video', count: 8 },
    { name: 'television', count: 1 },
    { name: 'RL', count: 2 },
  ];

  it('offers tags starting with the text first, then containing it, most used first', () => {
    expect(suggestTags(tags, 'vi')).toEqual(['video', 'vision', 'television']);
    expect(suggestTags(tags, 'L')).toEqual(['LLM', 'RL', 'television']);
    expect(suggestTags(tags, '')).toEqual(['LLM', 'video', 'vision', 'RL', 'television']);
    expect(suggestTags(tags, '', [], 2)).toEqual(['LLM', 'video']);
  });

  it('leaves out the tags the paper has, whatever their case', () => {
    expect(suggestTags(tags, 'v', ['VIDEO'])).toEqual(['vision', 'television']);
  });

  it('counts tags over papers, one spelling per tag', () => {
    expect(countTags([{ tags: ['LLM', 'rl'] }, { tags: ['llm'] }, { tags: [] }])).toEqual([
      { name: 'LLM', count: 2 },
      { name: 'rl', count: 1 },
    ]);
  });
});

describe('wording', () => {
  it('counts with the right noun and thousands separators', () => {
    expect([count(1, 'paper'), count(10_000, 'paper'), count(2, 'match', 'matches')]).toEqual(['1 paper', '10,000 papers', '2 matches']);
  });

  it('writes numbers as toLocaleString(\'en\') does, through one shared formatter', () => {
    expect([0, 7, 999, 1000, 10_000, 123_456_789, -4200, 1.5].map(formatNumber)).toEqual(['0', '7', '999', '1,000', '10,000', '123,456,789', '-4,200', '1.5']);
    for (let n = 0; n <= 100_000; n += 7) expect(formatNumber(n)).toBe(n.toLocaleString('en'));
  });

  it('shortens titles and author lists', () => {
    expect(shortTitle('A  title\nwith   spaces')).toBe('A title with spaces');
    expect(shortTitle('x'.repeat(80), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(authorsLine(['A', 'B', 'C', 'D', 'E'])).toBe('A, B, C +2 more');
    expect(authorsLine([])).toBe('No authors listed');
    expect(firstOf([1, 2, 3, 4], 3)).toEqual({ shown: [1, 2, 3], more: 1 });
  });

  it('labels code links and dates', () => {
    expect(codeLinkLabel('https://github.com/facebookresearch/sam2/tree/main')).toBe('facebookresearch/sam2');
    expect(codeLinkLabel('https://gitlab.com/a/b')).toBe('gitlab.com');
    expect(savedDay(new Date(2025, 2, 12, 12).getTime())).toBe('Mar 12, 2025');
  });
});
