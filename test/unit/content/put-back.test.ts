// Putting Paperlight's elements back after the page took them out, within a limit: a page that re-renders now and
// then gets them back every time; one that takes them out as fast as they come back gets them no more.
import { describe, expect, it } from 'vitest';
import { PutBacks } from '../../../src/content/put-back';

function clocked(limit = { times: 10, withinMs: 3000 }) {
  let now = 0;
  const told: string[] = [];
  const putBacks = new PutBacks<string>({ limit, now: () => now, onStop: (key) => told.push(key) });
  return { putBacks, told, at: (ms: number) => (now = ms) };
}

describe('PutBacks', () => {
  it('allows every put-back of a host taken out now and then, however long the page lives', () => {
    const { putBacks, at } = clocked();
    for (let ms = 0; ms < 60_000; ms += 400) {
      at(ms);
      expect(putBacks.allow('card'), `at ${ms} ms`).toBe(true);
    }
    expect(putBacks.stopped).toEqual([]);
  });

  it('stops for good after the limit of put-backs within the window, for that host only', () => {
    const { putBacks, told, at } = clocked();
    const answers: boolean[] = [];
    for (let frame = 0; frame < 12; frame++) {
      at(frame * 16);
      answers.push(putBacks.allow('hostile'));
    }
    expect(answers).toEqual([...Array(10).fill(true), false, false]);
    at(60_000);
    expect(putBacks.allow('hostile')).toBe(false);
    expect(putBacks.allow('other')).toBe(true);
    expect(putBacks.stopped).toEqual(['hostile']);
    expect(told).toEqual(['hostile']);
  });

  it('counts only the put-backs within the window: as many as the limit, spread over more than the window, are all allowed', () => {
    const { putBacks, at } = clocked({ times: 3, withinMs: 1000 });
    for (const ms of [0, 400, 800, 1001, 1401, 1801]) {
      at(ms);
      expect(putBacks.allow('card'), `at ${ms} ms`).toBe(true);
    }
    at(1900);
    expect(putBacks.allow('card')).toBe(false);
  });

  it('forgets a host that left (its card gone): a new one starts afresh', () => {
    const { putBacks, at } = clocked({ times: 2, withinMs: 1000 });
    at(0);
    putBacks.allow('card');
    putBacks.allow('card');
    expect(putBacks.allow('card')).toBe(false);
    putBacks.forget('card');
    at(10);
    expect(putBacks.allow('card')).toBe(true);
    expect(putBacks.stopped).toEqual([]);
  });
});
