import { describe, expect, it } from 'vitest';
import { describeMetric } from '../../../src/core/describe-metric';

describe('describeMetric', () => {
  it.each([
    [{ text: '~2.4x', kind: 'speedup', label: 'vs SAM 2' }, '~2.4x · speedup · vs SAM 2'],
    [{ text: '300%', kind: 'speedup', label: 'attention computation efficiency', upTo: true }, 'up to 300% · speedup · attention computation efficiency'],
    [{ text: '5.18\\times', kind: 'speedup', label: 'speedup', qualifier: '' }, '5.18× · speedup'],
    [{ text: '7B', kind: 'size', label: '', qualifier: 'about' }, 'about 7B · size'],
  ] as const)('%o reads as %s', (metric, expected) => {
    expect(describeMetric(metric)).toBe(expected);
  });
});
