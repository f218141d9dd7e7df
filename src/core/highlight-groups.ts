// Metric kinds grouped into the six colours the page shows (and the options page toggles).
import type { MetricKind } from './metric-types';

export type HighlightGroup = 'speed' | 'quality' | 'size' | 'compute' | 'data' | 'other';

export const HIGHLIGHT_GROUPS: readonly HighlightGroup[] = ['speed', 'quality', 'size', 'compute', 'data', 'other'];

export const GROUP_OF_KIND: Readonly<Record<MetricKind, HighlightGroup>> = {
  speedup: 'speed',
  latency: 'speed',
  throughput: 'speed',
  accuracy: 'quality',
  error: 'quality',
  size: 'size',
  memory: 'size',
  compute: 'compute',
  energy: 'compute',
  data: 'data',
  other: 'other',
};

export const GROUP_LABELS: Readonly<Record<HighlightGroup, string>> = {
  speed: 'Speed',
  quality: 'Quality',
  size: 'Size / memory',
  compute: 'Compute / energy',
  data: 'Data',
  other: 'Other',
};
