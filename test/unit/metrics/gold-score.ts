// Scores the extractor against the hand-annotated gold (test/data/metrics-gold/gold.json) as
// docs/metrics.md describes: lenient = any character overlap, strict = exact offsets; each gold
// span matches at most one predicted span. Shared by the gold test and `npm run bench`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Metric } from '../../../src/core/metric-types';

export interface GoldSpan extends Omit<Metric, 'text'> {
  text: string;
  occurrence: number;
}

export interface GoldPaper {
  id: string;
  /** 'seeds': the two Hugging Face pages (a third held back); 'fixtures': the later batch, all held back. */
  batch: 'seeds' | 'fixtures';
  split: 'tune' | 'heldback';
  subset: string;
  abstract: string;
  spans: GoldSpan[];
}

/** The three parts the gold is scored in: tuned on, held back from the start, and the later held-back batch. */
export function goldParts(gold: GoldPaper[]): Record<'seedsTune' | 'seedsHeldBack' | 'fixturesHeldBack', GoldPaper[]> {
  return {
    seedsTune: gold.filter((p) => p.batch === 'seeds' && p.split === 'tune'),
    seedsHeldBack: gold.filter((p) => p.batch === 'seeds' && p.split === 'heldback'),
    fixturesHeldBack: gold.filter((p) => p.batch === 'fixtures'),
  };
}

export function loadGold(): GoldPaper[] {
  const file = path.resolve(import.meta.dirname, '../../data/metrics-gold/gold.json');
  return JSON.parse(readFileSync(file, 'utf8')) as GoldPaper[];
}

export interface Score {
  papers: number;
  gold: number;
  predicted: number;
  lenient: { precision: number; recall: number; f1: number };
  strict: { precision: number; recall: number; f1: number };
  /** Over leniently matched pairs: share with the same kind, value, unit, upTo, rangeLow. */
  agreement: { kind: number; value: number; unit: number; upTo: number; rangeLow: number };
}

export interface Miss {
  id: string;
  type: 'missed' | 'spurious' | 'offsets' | 'kind';
  gold?: GoldSpan;
  predicted?: Metric;
}

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const round = (x: number) => Math.round(x * 1000) / 1000;

export function score(papers: GoldPaper[], extract: (text: string) => Metric[], misses?: Miss[]): Score {
  let gold = 0;
  let predicted = 0;
  let lenientHits = 0;
  let strictHits = 0;
  const agree = { kind: 0, value: 0, unit: 0, upTo: 0, rangeLow: 0 };
  for (const paper of papers) {
    const found = extract(paper.abstract);
    gold += paper.spans.length;
    predicted += found.length;
    const used = new Set<number>();
    for (const g of paper.spans) {
      const exact = found.findIndex((p, k) => !used.has(k) && p.start === g.start && p.end === g.end);
      const k = exact >= 0 ? exact : found.findIndex((p, n) => !used.has(n) && p.start < g.end && g.start < p.end);
      if (k < 0) {
        misses?.push({ id: paper.id, type: 'missed', gold: g });
        continue;
      }
      used.add(k);
      const p = found[k];
      lenientHits++;
      if (exact >= 0) strictHits++;
      else misses?.push({ id: paper.id, type: 'offsets', gold: g, predicted: p });
      if (p.kind === g.kind) agree.kind++;
      else misses?.push({ id: paper.id, type: 'kind', gold: g, predicted: p });
      if (Math.abs(p.value - g.value) < 1e-6 * Math.max(1, Math.abs(g.value))) agree.value++;
      if (p.unit === g.unit) agree.unit++;
      if (p.upTo === g.upTo) agree.upTo++;
      if (p.rangeLow === g.rangeLow) agree.rangeLow++;
    }
    found.forEach((p, k) => {
      if (!used.has(k)) misses?.push({ id: paper.id, type: 'spurious', predicted: p });
    });
  }
  const lp = ratio(lenientHits, predicted);
  const lr = ratio(lenientHits, gold);
  const sp = ratio(strictHits, predicted);
  const sr = ratio(strictHits, gold);
  const of = (n: number) => round(ratio(n, lenientHits));
  return {
    papers: papers.length,
    gold,
    predicted,
    lenient: { precision: round(lp), recall: round(lr), f1: round(f1(lp, lr)) },
    strict: { precision: round(sp), recall: round(sr), f1: round(f1(sp, sr)) },
    agreement: { kind: of(agree.kind), value: of(agree.value), unit: of(agree.unit), upTo: of(agree.upTo), rangeLow: of(agree.rangeLow) },
  };
}
