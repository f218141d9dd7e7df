// The LaTeX shortcut against Citation.js's LaTeX reader: on generated values full of braces, escapes, ties,
// ligatures, commands, math and name separators, wherever the shortcut answers it must give the reader's text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseBibtexValue } from '@citation-js/plugin-bibtex/lib-mjs/input/value.js';
import { simpleList, simpleText, splitNames } from '../../../src/core/import/latex';
import { authorList } from '../../../src/core/import/names';
import { cleanLine } from '../../../src/core/import/text';

/** Pieces values are made of: words, white space, and every character that matters to LaTeX. */
const PIECES = [
  'a', 'Word', 'BERT', 'é', 'ü', ' ', '  ', '\n', '\t', '{', '}', '{X}', '\\%', '\\&', '\\#', '\\_', '\\$', '\\{', '\\}',
  '\\"u', '{\\"o}', '\\emph{x}', '\\', '$', '$x^2$', '~', '-', '--', '---', "'", "''", '`', '``', ',', ';', '%', '&',
  '#', '_', '^', ' and ', ' AND ', 'and', '=', '.', ':',
];
const value = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((parts) => parts.join(''));
/** Name lists: names in both orders, particles, suffixes, braced names, `others`, and some LaTeX. */
const NAME_PIECES = [
  'Smith', 'jane', 'J.', ', ', ',', ' and ', ' AND ', '  and\n', 'and', ' ', '-', 'van', 'der', 'Jr', 'others', '{Barnes and Noble}',
  '{\\"u}', '\\"u', '{', '}', '=', '$x$', '~', 'é',
];
const names = fc.array(fc.constantFrom(...NAME_PIECES), { maxLength: 20 }).map((parts) => parts.join(''));

/** The reader's answer, or the error it throws. */
function read(text: string, field: string): unknown {
  try {
    return parseBibtexValue(text, field);
  } catch (error) {
    return error;
  }
}

describe('the LaTeX shortcut gives what the LaTeX reader gives', () => {
  it('plain fields (title, abstract, journal, note, a field the reader does not know)', () => {
    fc.assert(
      fc.property(value, fc.constantFrom('title', 'abstract', 'journal', 'note', 'groups'), (text, field) => {
        const simple = simpleText(text);
        if (simple === undefined) return;
        const parsed = read(text, field);
        expect(typeof parsed).toBe('string');
        expect(cleanLine(simple)).toBe(cleanLine(parsed as string));
      }),
      { numRuns: 3000 },
    );
  });

  it('keywords: the same items once cleaned (empty ones are dropped by the import either way)', () => {
    const items = (list: unknown[]) => list.map((item) => cleanLine(String(item))).filter(Boolean);
    fc.assert(
      fc.property(value, (text) => {
        const simple = simpleList(text);
        if (simple === undefined) return;
        const parsed = read(text, 'keywords');
        expect(Array.isArray(parsed)).toBe(true);
        expect(items(simple)).toEqual(items(parsed as unknown[]));
      }),
      { numRuns: 3000 },
    );
  });

  it('names: reading each name of a cut list gives the names of the whole list', () => {
    fc.assert(
      fc.property(fc.oneof(value, names), (text) => {
        const names = splitNames(text);
        if (names === undefined) return;
        const whole = read(text, 'author');
        if (whole instanceof Error) {
          expect(names.some((name) => read(name, 'author') instanceof Error)).toBe(true);
          return;
        }
        expect(names.flatMap((name) => authorList(parseBibtexValue(name, 'author')))).toEqual(authorList(whole));
      }),
      { numRuns: 3000 },
    );
  });

  it('answers the values tools write most, and leaves commands and math to the reader', () => {
    expect(simpleText('{{Attention Is All You Need for {BERT}}}')).toBe('Attention Is All You Need for BERT');
    expect(simpleText('12.5\\% fewer -- R\\&D~``quoted\'\'')).toBe('12.5% fewer \u2013 R&D\u00a0\u201cquoted\u201d');
    expect(simpleText('M{\\"u}ller')).toBeUndefined();
    expect(simpleText('$x^2$')).toBeUndefined();
    expect(simpleText('a } b {')).toBeUndefined();
    expect(simpleList('Computer Science - Machine Learning, {Deep, Learning},tag-1')).toEqual(['Computer Science - Machine Learning', 'Deep, Learning', 'tag-1']);
    expect(splitNames('Smith, Jane and M{\\"u}ller, J{\\"o}rg AND {Barnes and Noble}')).toEqual(['Smith, Jane', 'M{\\"u}ller, J{\\"o}rg', '{Barnes and Noble}']);
    expect(splitNames('J\\"org M\\"uller and Jane Smith')).toBeUndefined();
  });
});
