// The shape of one stated metric (docs/metrics.md, section 4). Types only: the extractor
// lives in metrics.ts; the store, exports and page UI share these types.

export type MetricKind =
  | 'speedup'
  | 'accuracy'
  | 'error'
  | 'latency'
  | 'throughput'
  | 'size'
  | 'memory'
  | 'compute'
  | 'energy'
  | 'data'
  | 'other';

export const METRIC_KINDS: readonly MetricKind[] = [
  'speedup', 'accuracy', 'error', 'latency', 'throughput', 'size', 'memory', 'compute', 'energy', 'data', 'other',
];

export interface Metric {
  /** Offsets in the analysed text; `text === input.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
  kind: MetricKind;
  /** The number as written; the upper bound of a range. */
  value: number;
  /** Normalised unit: "x", "%", "ms", "B params", "FPS", a metric name for bare scores, or "". */
  unit: string;
  /** What is measured, from the neighbouring words ("top-1 accuracy on ImageNet"). */
  label: string;
  /** True iff the value is introduced by "up to". */
  upTo: boolean;
  /** The verbatim word qualifier before the value ("about", "more than"), or "". */
  qualifier: string;
  /** Lower bound of a range or pair, else null. */
  rangeLow: number | null;
}
