// Properties of extractMetrics on random and hostile input: it never throws, its output keeps
// the contract (sorted, non-overlapping, text === input.slice). Its time on hostile input (linear growth, no
// search running from a value to the end of the text) is measured by `npm run bench metrics` (metrics.hostile).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { METRIC_KINDS } from '../../../src/core/metric-types';
import { extractMetrics } from '../../../src/core/metrics';

/** The first way the output breaks the contract, or '' (one expect per input keeps big inputs fast). */
function contractViolation(input: string): string {
  const found = extractMetrics(input);
  let previousEnd = 0;
  for (const m of found) {
    const where = `${JSON.stringify(m.text)} at ${m.start}`;
    if (m.start < previousEnd) return `${where} overlaps or is out of order`;
    if (m.end <= m.start) return `${where} is empty`;
    if (m.text !== input.slice(m.start, m.end)) return `${where} is not input.slice(start, end)`;
    if (!/\d/.test(m.text)) return `${where} has no digit`;
    if (!METRIC_KINDS.includes(m.kind)) return `${where} has kind ${m.kind}`;
    if (!Number.isFinite(m.value) || (m.rangeLow !== null && !Number.isFinite(m.rangeLow))) return `${where} has a non-finite value`;
    if (typeof m.label !== 'string' || typeof m.unit !== 'string' || typeof m.qualifier !== 'string') return `${where} has a non-string field`;
    previousEnd = m.end;
  }
  return '';
}

function expectContract(input: string) {
  expect(contractViolation(input)).toBe('');
}

/** Fragments that exercise the grammar: numbers, units, connectors, LaTeX, names, punctuation. */
const fragment = fc.constantFrom(
  '1', '2.4', '80,000', '0.17', '1/8', '1,4', '%', '\\%', 'x', 'X', '×', 'times', '\\times', ' times', '-fold', 'K', 'B', 'M',
  'G', 'GB', 'ms', ' s', ' h', ' FPS', ' tokens', ' parameters', ' million', '-', '~', 'sim', ' to ', '/', ',', ', and ', '.',
  ' ', '  ', '(', ')', '$', '+', '<', '>', 'up to ', 'about ', 'GPT-', 'A100', '3D', '-bit', ' bits', ' mAP', ' box AP',
  'speedup', ' faster', ' accuracy', ' of the data', ' on ImageNet', '\\textasciitilde', 'e.g., ', '2023', '(1)', 'x63.6',
);
const sentence = fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(''));

describe('extractMetrics properties', () => {
  it('never throws and keeps the output contract on random text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (input) => expectContract(input)), { numRuns: 300 });
  });

  it('never throws and keeps the output contract on grammar fragments', () => {
    fc.assert(fc.property(sentence, (input) => expectContract(input)), { numRuns: 1500 });
  });

  it('handles 1 MB without spaces', () => {
    // A seeded linear congruential generator: fast to build a megabyte of letters, digits and signs.
    const alphabet = 'ab1.9x%-,/';
    let state = 7;
    let input = '';
    for (let k = 0; k < 1_000_000; k++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      input += alphabet[state % alphabet.length];
    }
    expectContract(input);
  });
});

/** Hostile inputs built to size n: long digit runs, dotted chains, letters, and repeated near-metrics. */
