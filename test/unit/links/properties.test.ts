// Properties of extractCodeLinks over generated abstracts: never throws, every reported range is a
// link-looking substring, canonical GitHub URLs have one shape. (Time on hostile inputs is measured by
// `npm run bench`, not here: see bench/ids.bench.ts.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalGitHubRepo, extractCodeLinks, sortCodeLinks } from '../../../src/core/links';

/** Fragments that steer generated text into the scanner's interesting paths. */
const PIECES = [
  'https://', 'http://', 'www.', 'github.com/', 'gitlab.com/', 'gitee.com/', 'huggingface.co/', 'hf.co/', '.github.io',
  'aka.ms/', 'owner', 'repo', '/', '.', ',', ')', '(', ']', '[', '{', '}', '.git', '{here}', '/tree/main', ' ', '~',
  '@', '\\_', '-', 'features', 'a', '1', '。', 'é', '\n', '#', '?', 'arxiv.org/abs/',
];
const abstractLike = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })), { maxLength: 30 }).map((a) => a.join(''));
const LINK_LOOKING = /^(?:(?:https?:\/\/|www\.)[^\s{}<>"]+|[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?:[/?#][^\s{}<>"]*)?)$/i;

describe('extractCodeLinks properties', () => {
  it('never throws; ranges are link-looking substrings; GitHub URLs are canonical; no duplicates', () => {
    fc.assert(
      fc.property(abstractLike, fc.array(abstractLike, { maxLength: 3 }), (text, hrefs) => {
        const links = extractCodeLinks(text, hrefs);
        for (const link of links) {
          if (link.start >= 0) {
            expect(link.start).toBeLessThan(link.end);
            expect(link.end).toBeLessThanOrEqual(text.length);
            expect(text.slice(link.start, link.end)).toMatch(LINK_LOOKING);
          } else {
            expect([link.start, link.end]).toEqual([-1, -1]);
          }
          if (link.kind === 'github') {
            expect(link.url).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+$/);
            expect(canonicalGitHubRepo(link.url)).toBe(link.url);
          }
          expect(link.url).toMatch(/^https?:\/\//i);
        }
        const canon = links.map((l) => l.url.toLowerCase());
        expect(new Set(canon).size).toBe(canon.length);
        expect(sortCodeLinks(links)).toHaveLength(links.length);
      }),
      { numRuns: 3000 },
    );
  }, 60_000);

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        extractCodeLinks(text, [text]);
        canonicalGitHubRepo(text);
      }),
      { numRuns: 2000 },
    );
  }, 60_000);
});
