// How a metric reads to a person: "up to 2.4x · speedup · vs SAM 2". Shared by the page tooltip,
// the card chips and the popup.
import type { Metric } from './metric-types';

type Described = Pick<Metric, 'text' | 'kind' | 'label'> & Partial<Pick<Metric, 'qualifier' | 'upTo' | 'rangeLow' | 'value' | 'unit'>>;

const KIND_NAMES: Record<Metric['kind'], string> = {
  speedup: 'speedup',
  accuracy: 'accuracy',
  error: 'error',
  latency: 'latency',
  throughput: 'throughput',
  size: 'size',
  memory: 'memory',
  compute: 'compute',
  energy: 'energy',
  data: 'data',
  other: 'other',
};

/** The value as read, with its qualifier and range: "up to 2.4x", "71–85%". */
export function metricValueText(metric: Described): string {
  const qualifier = metric.qualifier || (metric.upTo ? 'up to' : '');
  const value = metric.text.replace(/^\$|\$$/g, '').replace(/\\times/g, '×').replace(/\\%/g, '%');
  return qualifier ? `${qualifier} ${value}` : value;
}

export function describeMetric(metric: Described): string {
  const parts = [metricValueText(metric), KIND_NAMES[metric.kind]];
  if (metric.label && metric.label.toLowerCase() !== KIND_NAMES[metric.kind]) parts.push(metric.label);
  return parts.join(' · ');
}
