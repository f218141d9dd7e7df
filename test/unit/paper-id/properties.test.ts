// Properties of parsePaperId over generated inputs: never throws, keys are canonical and parse back
// to themselves. (Time on hostile inputs is measured by `npm run bench`, not here: see bench/ids.bench.ts.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyFor, normalizePaperUrl, parsePaperId } from '../../../src/core/paper-id';

/** Fragments that steer generated strings into the parser's interesting paths. */
const PIECES = [
  'https://', 'http://', 'arxiv.org', '/abs/', '/pdf/', '.pdf', 'v2', '2412.', '01234', 'hep-th/', '9901001',
  'math.GT/', 'doi:', '10.', '1145/', 'doi.org/', '%2F', '%', 'openreview.net/forum?id=', '&noteId=',
  'aclanthology.org/', '2023.acl-long.1', 'P18-1007', 'huggingface.co/papers/', '?', '#', '/', '.', ':', ' ',
  'www.', 'arXiv:', '[cs.CV]', 'urn:doi:', 'url:', '10/', 'ä', '\u0000', 'dblp.org/rec/', 'DBLP:', 'conf/icml/',
  '/db/', '.html', 'biorxiv.org/content/', '10.1101/', '2020.03.01.972349', '.full.pdf+html',
];
const idLike = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 12 }).map((a) => a.join(''));

describe('parsePaperId properties', () => {
  it('never throws, and what it returns is a canonical key that parses back to itself', () => {
    fc.assert(
      fc.property(fc.oneof(idLike, fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true })), (input) => {
        const id = parsePaperId(input);
        if (id === null) return;
        expect(id.key).toBe(`${id.kind}:${id.id}`);
        expect(parsePaperId(id.key)?.key).toBe(id.key);
        if (id.kind === 'doi') expect(id.id).toBe(id.id.toLowerCase());
        if (id.kind === 'arxiv') expect(id.id).toMatch(/^(?:\d{4}\.\d{4,5}|[a-z-]+\/\d{7})$/);
      }),
      { numRuns: 3000 },
    );
  }, 60_000);

  it('keyFor and normalizePaperUrl never throw', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(idLike, fc.webUrl()), { maxLength: 5 }), (inputs) => {
        const result = keyFor(inputs);
        if (result) expect(result.aliases).not.toContain(result.key);
        for (const input of inputs) {
          const url = normalizePaperUrl(input);
          if (url !== null) expect(normalizePaperUrl(url)).toBe(url);
        }
      }),
      { numRuns: 1000 },
    );
  }, 60_000);
});
