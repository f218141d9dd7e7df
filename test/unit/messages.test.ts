import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../src/shared/messages';

describe('parseRequest', () => {
  it('accepts a well-formed ping', () => {
    expect(parseRequest({ type: 'ping' })).toEqual({ ok: true, request: { type: 'ping' } });
  });

  it.each([
    ['null', null, 'A message must be an object with a "type".'],
    ['a string', 'ping', 'A message must be an object with a "type".'],
    ['an array', [{ type: 'ping' }], 'A message must be an object with a "type".'],
    ['an object without type', {}, 'Unknown message type: "undefined"'],
    ['an unknown type', { type: 'drop-database' }, 'Unknown message type: "drop-database"'],
  ])('rejects %s, saying what is wrong', (_name, raw, error) => {
    expect(parseRequest(raw)).toEqual({ ok: false, error });
  });
});
