// Properties of extractMetrics on random and hostile input: it never throws, its output keeps
// the contract (sorted, non-overlapping, text === input.slice), and its time grows linearly
// (no catastrophic backtracking): 8x the input may take at most 24x the time (quadratic work
// would take 64x; the slack absorbs garbage collection and a loaded machine).
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
const hostile: Record<string, (n: number) => string> = {
  'one long digit run': (n) => '9'.repeat(n),
  'a dotted chain': (n) => '1.'.repeat(n / 2),
  'letters only': (n) => 'x'.repeat(n),
  'digits glued to letters': (n) => 'a1'.repeat(n / 2),
  'numbers and spaces': (n) => '1 '.repeat(n / 2),
  'a long list': (n) => '1.5, '.repeat(n / 5) + '2 mAP',
  'range connectors': (n) => '1-'.repeat(n / 2),
  'multiplier chains': (n) => '2x'.repeat(n / 2),
  'percent runs': (n) => '5% '.repeat(n / 3),
  'a number before a long space run': (n) => `1${' '.repeat(n)}and 2`,
  'a number before a long comma run': (n) => `1${','.repeat(n)}2`,
  'qualifier runs': (n) => 'up to '.repeat(n / 6) + '3x',
  'many metrics': (n) => 'achieves a 2.4x speedup and 83.1% top-1 accuracy, '.repeat(n / 50),
  // Units named outside the span ("PPL" for "perplexity of"): nothing may search the rest of the text for them.
  'many scores named before the value': (n) => 'a perplexity of 12.3 and an SSIM of 0.81, '.repeat(n / 42),
  'many scores with names inside': (n) => '58.7 box AP, '.repeat(n / 13),
};

function fastest(input: string): number {
  let best = Infinity;
  for (let k = 0; k < 5; k++) {
    const start = performance.now();
    extractMetrics(input);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe('extractMetrics runs in linear time', () => {
  const n = 25_000;
  it.each(Object.keys(hostile))('%s: 8x the input takes less than 24x the time', { timeout: 30_000 }, (name) => {
    const small = hostile[name](n);
    const large = hostile[name](8 * n);
    fastest(large); // warm up on both sizes
    // Up to three measurements: a busy machine can slow one of them, but quadratic work (64x) fails all three.
    let ratio = Infinity;
    for (let attempt = 0; attempt < 3 && ratio >= 24; attempt++) ratio = Math.min(ratio, fastest(large) / Math.max(fastest(small), 0.25));
    expect(ratio).toBeLessThan(24);
  });
});

describe('extractMetrics reads only near each value', () => {
  // A search that runs from a value to the end (or start) of the text costs values x text length:
  // invisible on small inputs, quadratic on a page. Put two megabytes of prose around many values.
  const values = 'a perplexity of 12.3 and an SSIM of 0.81 with a 2.4x speedup and 83.1% accuracy, '.repeat(3000);
  // Capitals and unit-like letters, so a stray search cannot skip through the prose at memchr speed.
  const prose = 'Precise Pipelines Scale; Plain Spans, Simple Models and Plenty of Letters. '.repeat(28_000);

  it('takes about as long with megabytes of text around the values as without them', { timeout: 30_000 }, () => {
    const around = prose + values + prose;
    fastest(around); // warm up
    const apart = fastest(values) + fastest(prose + prose);
    expect(fastest(around)).toBeLessThan(3 * apart + 5);
  });
});
