// The lexicon table the extractor looks words up in (src/core/metrics/word-table.ts): word lists
// in their compact form, case-insensitive lookups by offsets into a text, and the table being
// built on the first lookup from every set and map declared before it. Each test file gets its own
// module instance, so the sets declared here are the only ones this table holds.
import { describe, expect, it, vi } from 'vitest';
import { EXACT_LENGTH, hashWord, lookup, lookupScanned, NO_WORD, WordMap, WordSet, wordList } from '../../../src/core/metrics/word-table';

const UNITS = new WordSet('kilo{gram,meter} Mega+ volt');
const LEVELS = new WordMap<number>(() => [['low', 1], ['HIGH', 3]]);
const BOTH = WordSet.union(UNITS, LEVELS);
/** Short words, one of them ("by") with an ASCII twin of the same hash under a base below 128 ("d;" under 31). */
const SHORT = new WordSet('by of on e.g vs. up to');

/** Offsets of `word` in `text` and its hash, as the word windows pass them. */
function at(text: string, word: string): [string, number, number, number] {
  const start = text.indexOf(word);
  return [text, start, start + word.length, hashWord(text, start, start + word.length)];
}

describe('wordList', () => {
  it('expands "+" to the plural and braces to each ending, and skips doubled spaces', () => {
    expect(wordList('dataset+  reduc{e,es,ing} lower{,s} ratio')).toEqual([
      'dataset', 'datasets', 'reduce', 'reduces', 'reducing', 'lower', 'lowers', 'ratio',
    ]);
  });
});

describe('lexicon table', () => {
  const text = 'A KiloGram, two MEGAS and a HIGH volt; nothing low-key.';

  it('finds the words of a set by their offsets, ignoring case', () => {
    expect(UNITS.has(...at(text, 'KiloGram'))).toBe(true);
    expect(UNITS.has(...at(text, 'MEGAS'))).toBe(true);
    expect(UNITS.has(...at(text, 'volt'))).toBe(true);
    expect(UNITS.has(...at(text, 'two'))).toBe(false);
    expect(UNITS.has(...at(text, 'Kilo'))).toBe(false); // a prefix of a word is not the word
  });

  it('gives the values of a map and the members of a union of a set and a map', () => {
    expect(LEVELS.get(...at(text, 'HIGH'))).toBe(3);
    expect(LEVELS.get(...at(text, 'volt'))).toBeUndefined();
    expect(LEVELS.words()).toEqual(['low', 'HIGH']);
    expect(BOTH.has(...at(text, 'HIGH'))).toBe(true);
    expect(BOTH.has(...at(text, 'MEGAS'))).toBe(true);
    expect(lookup(...at(text, 'nothing'))).toBe(NO_WORD);
  });

  it('refuses a set declared after the first lookup, whose words the table could no longer hold', () => {
    expect(() => new WordSet('late')).toThrow('must be declared before the first lookup');
  });
});

describe('short ASCII words found by their hash alone', () => {
  const PRINTABLE = Array.from({ length: 127 - 33 }, (_, k) => String.fromCharCode(33 + k));

  /** What the word readers' lookup finds for `word`, against the lookup that checks every character. */
  function bothLookups(word: string): [number, number] {
    const hash = hashWord(word, 0, word.length);
    return [lookupScanned(word, 0, word.length, hash, true), lookup(word, 0, word.length, hash)];
  }

  it('finds the same entry as a checked lookup for every printable word of two and three characters', () => {
    expect(EXACT_LENGTH).toBeGreaterThanOrEqual(3);
    let found = 0;
    for (const a of PRINTABLE) {
      for (const b of PRINTABLE) {
        const [scanned, checked] = bothLookups(a + b);
        expect(scanned).toBe(checked);
        if (checked !== NO_WORD) found++;
        for (const c of PRINTABLE) {
          const [scanned3, checked3] = bothLookups(a + b + c);
          if (scanned3 !== checked3) expect(`${a}${b}${c}: ${scanned3}`).toBe(`${a}${b}${c}: ${checked3}`);
          if (checked3 !== NO_WORD) found++;
        }
      }
    }
    // In any case: by, of, on, up, to (two characters); e.g, vs. and the map's "low" (three).
    expect(found).toBe(5 * 4 + (4 + 4 + 8));
    expect(SHORT.contains(bothLookups('By')[0])).toBe(true);
    expect(SHORT.contains(bothLookups('d;')[0])).toBe(false);
  });

  it('checks the characters of a word longer than the hash identifies, or not all ASCII', () => {
    // Handed another word's hash, as a hash collision would: only the characters can tell them apart.
    const kilogram = hashWord('kilogram', 0, 8);
    expect(lookupScanned('kilogram', 0, 8, kilogram, true)).not.toBe(NO_WORD);
    expect(lookupScanned('kilogrem', 0, 8, kilogram, true)).toBe(NO_WORD);
    const by = hashWord('by', 0, 2);
    expect(lookupScanned('bý', 0, 2, by, false)).toBe(NO_WORD);
    expect(lookupScanned('By', 0, 2, by, true)).toBe(lookup('by', 0, 2, by));
  });

  it('refuses a lexicon word of up to four characters outside ASCII, whose hash could match an ASCII word', async () => {
    vi.resetModules();
    const fresh = await import('../../../src/core/metrics/word-table');
    new fresh.WordSet(['µs']);
    expect(() => fresh.lookup('ms', 0, 2, fresh.hashWord('ms', 0, 2))).toThrow('short lexicon word outside ASCII');
  });
});
