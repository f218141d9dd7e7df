// The gold tables themselves: every span is where its offsets say, counted by the occurrence rule
// of docs/metrics.md, sorted, non-overlapping, with a kind, and the splits are the ones fixed
// before tuning (seed papers with index % 3 === 2 and the whole fixture batch held back).
import { describe, expect, it } from 'vitest';
import { METRIC_KINDS } from '../../../src/core/metric-types';
import { loadGold } from './gold-score';

const gold = loadGold();

function occurrences(abstract: string, text: string): number[] {
  const found: number[] = [];
  for (let at = abstract.indexOf(text); at !== -1; at = abstract.indexOf(text, at + 1)) found.push(at);
  return found;
}

describe('gold tables', () => {
  it('cover both seeds with at least 100 annotated abstracts', () => {
    expect(gold.length).toBeGreaterThanOrEqual(100);
    expect(gold.filter((p) => p.spans.length).length).toBeGreaterThanOrEqual(60);
    expect(new Set(gold.map((p) => p.id)).size).toBe(gold.length);
  });

  it('hold spans that match their text, occurrence and order', () => {
    for (const paper of gold) {
      let previousEnd = 0;
      for (const span of paper.spans) {
        expect(paper.abstract.slice(span.start, span.end), paper.id).toBe(span.text);
        expect(occurrences(paper.abstract, span.text)[span.occurrence], `${paper.id} ${span.text}`).toBe(span.start);
        expect(span.start, `${paper.id} ${span.text} overlaps`).toBeGreaterThanOrEqual(previousEnd);
        expect(METRIC_KINDS).toContain(span.kind);
        expect(/\d/.test(span.text)).toBe(true);
        previousEnd = span.end;
      }
    }
  });

  it('keep the held-back split fixed', () => {
    const index = (id: string) => Number(id.split('#')[1]);
    for (const paper of gold) {
      const heldBack = paper.id.startsWith('fix#') || index(paper.id) % 3 === 2;
      expect(paper.split, paper.id).toBe(heldBack ? 'heldback' : 'tune');
      expect(paper.batch, paper.id).toBe(paper.id.startsWith('fix#') ? 'fixtures' : 'seeds');
    }
  });

  it('hold the fixture batch: 70 abstracts, 41 with digits, 30 spans', () => {
    const batch = gold.filter((p) => p.batch === 'fixtures');
    expect(batch.length).toBe(70);
    expect(batch.filter((p) => /\d/.test(p.abstract)).length).toBe(41);
    expect(batch.reduce((n, p) => n + p.spans.length, 0)).toBe(30);
  });
});
