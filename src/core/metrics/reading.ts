// How a quantity was read in its sentence (kind, unit, class), shared by the rules of
// ./context.ts and ./bare.ts, with the count-noun helpers both use.
import type { Metric, MetricKind } from '../metric-types';
import { COUNT_FILLERS, DATA_NOUNS, MODEL_NOUNS, SETUP_NOUNS, STRESS_WORDS, type UnitClass } from './lexicon';
import type { Quantity } from './quantity';
import type { Around, Words } from './words';

/** The previous accepted metric, for coordinated values ("1.70 on X and 2.89 on Y"). */
export interface Previous {
  metric: Metric;
  cls: UnitClass | null;
}

export interface Reading {
  kind: MetricKind | null;
  unit: string;
  cls: UnitClass | null;
}

/** One Reading, reused: decide() copies its fields before anything reads another quantity. */
const READING: Reading = { kind: null, unit: '', cls: null };

export function reading(kind: MetricKind | null, unit: string, cls: UnitClass | null): Reading {
  READING.kind = kind;
  READING.unit = unit;
  READING.cls = cls;
  return READING;
}

export function isYear(q: Quantity): boolean {
  return q.plainInteger && q.value >= 1900 && q.value <= 2099 && q.prefix === '';
}

export function scoreUnit(written: string): string {
  if (written === 'perplexity') return 'PPL';
  if (written.startsWith('top-1')) return 'top-1 accuracy';
  return written;
}

/** The index of the first noun after a count, past at most two fillers ("2,071 structured test cases"), or -1. */
export function countNoun(after: Words): number {
  for (let k = 0; k < 3 && after.has(k); k++) {
    if (!after.in(k, COUNT_FILLERS) || !after.has(k + 1)) return k;
    if (after.in(k, DATA_NOUNS) && !after.in(k + 1, DATA_NOUNS)) return k;
  }
  return -1;
}

/**
 * For a large count ("15,056 labeled and 65,406 unlabeled news headlines", "1 million images"):
 * 'data' when a data noun follows within a few words, 'setup' when a setup noun does, else ''.
 * Fillers, coordinated numbers and up to two unknown words ("news") may come between.
 */
export function largeCountNoun(after: Words): 'data' | 'setup' | '' {
  let unknown = 0;
  for (let k = 0; k < 7 && after.has(k); k++) {
    if (after.in(k, SETUP_NOUNS) || after.in(k, MODEL_NOUNS)) return 'setup';
    if (after.in(k, DATA_NOUNS)) return 'data';
    if (after.numeric(k) || after.in(k, COUNT_FILLERS) || after.is(k, 'and') || after.is(k, 'or')) continue;
    if (++unknown > 2) return '';
  }
  return '';
}

/** "as few as 10", "only 500": a small count the sentence presents as the result. */
export function stressed(around: Around): boolean {
  const before = around.before;
  return before.in(0, STRESS_WORDS) || (before.is(0, 'as') && before.is(1, 'few'));
}
