// What the background finds in a card's text for the page (`analyseCards`): metrics with offsets into the
// strings as sent, the code links of the abstract and of the card made canonical with GitHub first, and the
// ones written as text in the abstract as offsets.
import { describe, expect, it } from 'vitest';
import { findInCard } from '../../../src/core/card-findings';

describe('findInCard', () => {
  it('reads the metrics of title and abstract with offsets into each string', () => {
    const abstract = 'Our method is 2.4x faster and reaches 81.2% top-1 accuracy on ImageNet.';
    const found = findInCard({ title: 'Fast Models at 3x Less Memory', abstract, codeLinks: [] });
    expect(found.title.map((m) => [m.text, 'Fast Models at 3x Less Memory'.slice(m.start, m.end)])).toEqual([['3x', '3x']]);
    expect(found.abstract.map((m) => ({ text: m.text, kind: m.kind }))).toEqual([
      { text: '2.4x', kind: 'speedup' },
      { text: '81.2%', kind: 'accuracy' },
    ]);
    for (const metric of found.abstract) expect(abstract.slice(metric.start, metric.end)).toBe(metric.text);
    expect(found.codeLinks).toEqual([]);
    expect(found.textLinks).toEqual([]);
  });

  it('orders the code links GitHub first, canonical, keeping where each was found (the abstract before the card)', () => {
    const found = findInCard({
      title: 'T',
      abstract: 'Project page at https://example.github.io/p and code at https://github.com/Owner/Repo/tree/main/src.',
      codeLinks: ['https://example.github.io/p', 'https://gitlab.com/owner/mirror'],
      codeSources: { 'https://example.github.io/p': 'card-link', 'https://gitlab.com/owner/mirror': 'site-data' },
    });
    expect(found.codeLinks.map(({ url, kind, source }) => ({ url, kind, source }))).toEqual([
      { url: 'https://github.com/Owner/Repo', kind: 'github', source: 'abstract' },
      { url: 'https://gitlab.com/owner/mirror', kind: 'gitlab', source: 'site-data' },
      { url: 'https://example.github.io/p', kind: 'project', source: 'abstract' },
    ]);
  });

  it('makes the links the card gives canonical, and drops the ones that name no code', () => {
    const found = findInCard({
      title: 'T',
      abstract: 'No link here.',
      codeLinks: ['https://github.com/Owner/Repo/tree/main/src', 'https://arxiv.org/abs/2108.10257', 'https://github.com/Owner/Repo.git'],
      codeSources: { 'https://github.com/Owner/Repo/tree/main/src': 'card-link', 'https://arxiv.org/abs/2108.10257': 'card-link', 'https://github.com/Owner/Repo.git': 'comments' },
    });
    expect(found.codeLinks.map(({ url, source }) => ({ url, source }))).toEqual([{ url: 'https://github.com/Owner/Repo', source: 'card-link' }]);
    expect(found.textLinks).toEqual([]);
  });

  it('gives the links written in the abstract as offsets, with the repository subpath kept in the link', () => {
    const abstract = 'Code: github.com/Owner/Repo/tree/main/src, data at https://zenodo.org/x.';
    const found = findInCard({ title: 'T', abstract, codeLinks: ['https://github.com/Owner/Repo'] });
    expect(found.textLinks).toEqual([
      { start: 6, end: 41, href: 'https://github.com/Owner/Repo/tree/main/src' },
      { start: 51, end: 71, href: 'https://zenodo.org/x' },
    ]);
    expect(abstract.slice(6, 41)).toBe('github.com/Owner/Repo/tree/main/src');
    expect(abstract.slice(51, 71)).toBe('https://zenodo.org/x');
  });

  it('finds the code links written in the abstract of a card that gives none itself', () => {
    const found = findInCard({ title: 'T', abstract: 'See github.com/Owner/Repo', codeLinks: [] });
    expect(found.textLinks).toEqual([{ start: 4, end: 25, href: 'https://github.com/Owner/Repo' }]);
    expect(found.codeLinks.map(({ url, source }) => ({ url, source }))).toEqual([{ url: 'https://github.com/Owner/Repo', source: 'abstract' }]);
  });

  it('finds no code link where the abstract and the card give none', () => {
    const found = findInCard({ title: 'T', abstract: 'Our code is on GitHub.', codeLinks: [] });
    expect(found.codeLinks).toEqual([]);
    expect(found.textLinks).toEqual([]);
  });
});
