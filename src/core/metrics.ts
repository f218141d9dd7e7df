// Stated-metric extraction: every numeric result, capability or cost an abstract states, as
// docs/metrics.md defines it. Pure: strings in, plain data out; node can run it.
//
// Design (docs/metrics.md, section 6): a cheap scan jumps from digit to digit; at each one, sticky regexes
// read only what is glued to it (./metrics/quantity.ts), a few words either side decide whether it
// is a metric and what it measures (./metrics/context.ts). No regex ever scans the whole text
// from more than one position, so the work is linear in the input.
import type { Metric } from './metric-types';
import { decide, type Previous } from './metrics/context';
import { DigitScan } from './metrics/digit-scan';
import { newQuantity, readQuantity } from './metrics/quantity';

export type { Metric, MetricKind } from './metric-types';

/** All stated metrics in `text`, sorted by `start`, non-overlapping; `text === input.slice(start, end)`. */
export function extractMetrics(text: string): Metric[] {
  const found: Metric[] = [];
  const digits = new DigitScan(text);
  // One record for the candidate being read: decide() copies what it keeps into the Metric.
  const candidate = newQuantity();
  let previous: Previous | undefined;
  for (let at = digits.next(0); at >= 0; ) {
    const quantity = readQuantity(text, at, candidate);
    if (typeof quantity === 'number') {
      at = digits.next(Math.max(quantity, at + 1));
      continue;
    }
    const resume = Math.max(quantity.end, at + 1);
    if (previous && quantity.start < previous.metric.end) {
      at = digits.next(resume);
      continue;
    }
    const accepted = decide(text, quantity, previous);
    if (accepted) {
      found.push(accepted.metric);
      previous = accepted;
    }
    at = digits.next(resume);
  }
  return found;
}
