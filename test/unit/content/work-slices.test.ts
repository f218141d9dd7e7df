import { afterEach, describe, expect, it, vi } from 'vitest';
import { inBatches } from '../../../src/content/work-slices';

describe('inBatches', () => {
  afterEach(() => vi.restoreAllMocks());

  /** A clock that advances `msPerItem` for every item a batch handles. */
  function clockedWork(msPerItem: number) {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const batches: number[][] = [];
    const work = (batch: number[]) => {
      batches.push(batch);
      now += batch.length * msPerItem;
    };
    return { batches, work };
  }

  it('stops at the first batch that ends past the deadline and returns the rest, in order', () => {
    const { batches, work } = clockedWork(1);
    const items = Array.from({ length: 30 }, (_, i) => i);
    const left = inBatches(items, 8, () => 20, work);
    // 8 items (8 ms), 16 (16 ms), 24 (24 ms: past 20): three batches, six left.
    expect(batches).toEqual([[0, 1, 2, 3, 4, 5, 6, 7], [8, 9, 10, 11, 12, 13, 14, 15], [16, 17, 18, 19, 20, 21, 22, 23]]);
    expect(left).toEqual([24, 25, 26, 27, 28, 29]);
  });

  it('does one batch even when the deadline has passed, so every slice makes progress', () => {
    const { batches, work } = clockedWork(1);
    const left = inBatches([1, 2, 3, 4, 5], 2, () => -1, work);
    expect(batches).toEqual([[1, 2]]);
    expect(left).toEqual([3, 4, 5]);
  });

  it('hands everything over, the last batch short, when the time suffices; nothing for no items', () => {
    const { batches, work } = clockedWork(0);
    expect(inBatches([1, 2, 3, 4, 5], 2, () => 20, work)).toEqual([]);
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
    expect(inBatches([], 2, () => 20, work)).toEqual([]);
    expect(batches).toHaveLength(3);
  });
});
