// Properties of the identity core over generated inputs: nothing throws, normaliseTitle is idempotent
// and returns words of letters and digits joined by single spaces, the identity rule is symmetric
// (linear time on hostile inputs is measured by `npm run bench identity`: identityCore.hostileGrowth).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aclVenue, authorsAgree, cvfVenue, familyName, findSamePaper, neuripsVenueFromUrl, normaliseTitle, openReviewVenue,
  openReviewVenueFromLabel, parseAuthorName, pmlrVenueFromHeading, samePaper, titleFingerprint,
} from '../../../src/core/identity';
import { hasFamilyName } from '../../../src/core/identity/authors';
import { normalisesTo } from '../../../src/core/identity/title';

/** Fragments that steer generated strings into the normaliser's interesting paths. */
const PIECES = [
  '\\', '{', '}', '$', '$$', '\\(', '\\)', '\\[', '^', '_', '~', '-', '--', '---', '\\"', "\\'", '\\emph{', '\\alpha',
  '\\L ', '\\ss', '\\times', '\\log', '\\unknown', '&', '×', 'ß', 'İ', 'é', 'e\u0301', '\u00ad', '\u200b', 'ᄀ', 'ᅡ', 'ǅ',
  'ﬁ', 'Ⅱ', '²', 'µ', 'ς', 'Σ', ' ', '.', ',', "'", '’', '—', '(', ')', 'a', 'Z', '1', '\u0903', '😀', 'Jr.', 'van der',
];
const titleLike = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 24 }).map((parts) => parts.join(''));
const anyText = fc.oneof(titleLike, fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));
const NORMALISED = /^(?:[\p{L}\p{N}\p{M}]+(?: [\p{L}\p{N}\p{M}]+)*)?$/u;

describe('normaliseTitle properties', { timeout: 60_000 }, () => {
  it('never throws, is idempotent, and gives words of letters and digits joined by single spaces', () => {
    fc.assert(
      fc.property(anyText, (title) => {
        const normalised = normaliseTitle(title);
        expect(normalised).toMatch(NORMALISED);
        expect(normaliseTitle(normalised)).toBe(normalised);
        expect(normalised).toBe(normalised.toLowerCase());
      }),
      { numRuns: 3000 },
    );
  });

  it('gives plain titles (its short path: ASCII and typographic quotes and dashes) the result of the full path', () => {
    // Appending a non-ASCII word sends the same title through the full path.
    const plain = fc.string({ unit: fc.constantFrom(...' aZ09-\'`&.,:;!?()"/\t\n\r\u2018\u2019\u201c\u201d\u2013\u2014'.split('')), maxLength: 30 });
    fc.assert(
      fc.property(plain, (title) => {
        const expected = [normaliseTitle(title), 'e'].filter(Boolean).join(' ');
        expect(normaliseTitle(`${title} é`)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('normalisesTo(title, text) says whether the title normalises to the text, for any title and text', () => {
    // The texts: the title's own normalised form, one cut or lengthened, another title's, and any string.
    const text = (title: string) => fc.oneof(
      fc.constant(normaliseTitle(title)),
      fc.constant(normaliseTitle(title).slice(1)),
      fc.constant(`${normaliseTitle(title)}s`),
      titleLike.map(normaliseTitle),
      anyText,
    );
    fc.assert(
      fc.property(titleLike.chain((title) => fc.tuple(fc.constant(title), text(title))), ([title, normalised]) => {
        expect(normalisesTo(title, normalised)).toBe(normaliseTitle(title) === normalised);
      }),
      { numRuns: 5000 },
    );
  });

  it('ignores case, surrounding spaces and a final period', () => {
    fc.assert(
      fc.property(titleLike, (title) => {
        const normalised = normaliseTitle(title);
        expect(normaliseTitle(`  ${title.toUpperCase()}.  `)).toBe(normaliseTitle(title.toUpperCase()));
        expect(normaliseTitle(`${title} .`)).toBe(normalised);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('hasFamilyName properties', { timeout: 60_000 }, () => {
  it('says whether parseAuthorName finds a family name, for any string', () => {
    const NAME_PIECES = ['A.', 'A', 'Jr.', 'III', 'iv', 'Sr', 'et al.', 'others', 'and', 'al', 'Serga', 'van', '😀', '𝐀', 'é', ',', '(', ')'];
    const nameLike = fc.array(fc.oneof(fc.constantFrom(...NAME_PIECES, ...PIECES), fc.string({ maxLength: 3 })), { maxLength: 8 })
      .map((parts) => parts.join(' '));
    fc.assert(
      fc.property(fc.oneof(nameLike, anyText), (author) => {
        expect(hasFamilyName(author)).toBe(parseAuthorName(author) !== undefined);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('identity rule properties', { timeout: 60_000 }, () => {
  const record = fc.record({ title: anyText, authors: fc.array(anyText, { maxLength: 4 }) });

  it('never throws and is symmetric; the fingerprint is undefined or a normalised title of four words or more', () => {
    fc.assert(
      fc.property(record, record, (a, b) => {
        expect(samePaper(a, b)).toBe(samePaper(b, a));
        expect(authorsAgree(a.authors, b.authors)).toBe(authorsAgree(b.authors, a.authors));
        const fingerprint = titleFingerprint(a.title);
        if (fingerprint !== undefined) {
          expect(fingerprint).toBe(normaliseTitle(a.title));
          expect(fingerprint.split(' ').length).toBeGreaterThanOrEqual(4);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('joins a record with itself exactly when its title has a fingerprint', () => {
    fc.assert(
      fc.property(record, (a) => {
        expect(samePaper(a, a)).toBe(titleFingerprint(a.title) !== undefined);
      }),
      { numRuns: 1000 },
    );
  });

  it('finds a candidate exactly when the rule joins the two records (names written alike take no shortcut)', () => {
    // Author strings from a small pool, so that lists often share a string: a name, an initial, "et al.", noise.
    const pooled = fc.oneof(fc.constantFrom('Ada Lovelace', 'Lovelace, A.', 'A.', 'et al.', 'Jr.', 'Alan Turing', ''), anyText);
    const titled = fc.record({ title: fc.constantFrom('Notes on the Analytical Engine', 'Notes on the analytical engine.'), authors: fc.array(pooled, { maxLength: 4 }) });
    fc.assert(
      fc.property(titled, titled, (a, b) => {
        expect(findSamePaper(a, [b])).toBe(samePaper(a, b) ? b : undefined);
      }),
      { numRuns: 2000 },
    );
  });

  it('parses author names without throwing, to a non-empty family name that ends the name', () => {
    fc.assert(
      fc.property(anyText, (author) => {
        const name = parseAuthorName(author);
        if (!name) return;
        expect(name.family.length).toBeGreaterThan(0);
        expect(name.words.slice(-name.family.length)).toEqual(name.family);
        expect(familyName(author)).toBe(name.family.join(' '));
      }),
      { numRuns: 3000 },
    );
  });

  it('venue helpers never throw', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const helper of [aclVenue, cvfVenue, neuripsVenueFromUrl, openReviewVenue, openReviewVenueFromLabel, pmlrVenueFromHeading]) {
          const venue = helper(text);
          if (venue) expect(venue.name).toContain(String(venue.year));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
