import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../src/shared/messages';

describe('parseRequest', () => {
  it('accepts a well-formed ping', () => {
    expect(parseRequest({ type: 'ping' })).toEqual({ ok: true, request: { type: 'ping' } });
  });

  it.each([
    ['null', null],
    ['a string', 'ping'],
    ['an array', [{ type: 'ping' }]],
    ['an object without type', {}],
    ['an unknown type', { type: 'drop-database' }],
  ])('rejects %s with a clear error', (_name, raw) => {
    const result = parseRequest(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.length).toBeGreaterThan(10);
  });
});
