// The lexicon table the extractor looks words up in (src/core/metrics/word-table.ts): word lists
// in their compact form, case-insensitive lookups by offsets into a text, and the table being
// built on the first lookup from every set and map declared before it. Each test file gets its own
// module instance, so the sets declared here are the only ones this table holds.
import { describe, expect, it, vi } from 'vitest';
import { EXACT_LENGTH, hashWord, lookup, lookupScanned, NO_WORD, WordMap, WordSet, wordList } from '../../../src/core/metrics/word-table';
import { seededRandom } from '../popup/sample-library';

const UNITS = new WordSet('kilo{gram,meter} Mega+ volt');
const LEVELS = new WordMap<number>(() => [['low', 1], ['HIGH', 3]]);
const BOTH = WordSet.union(UNITS, LEVELS);
/** Short words, one of them ("by") with an ASCII twin of the same hash under a base below 128 ("d;" under 31). */
const SHORT = new WordSet('by of on e.g vs. up to');
/** Longer words, from five characters (one checked) to twelve (eight checked). */
const LONG = new WordSet('speedup+ latency improvement+ measurements');

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

describe('ASCII words found by their hash and all but their last four characters', () => {
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

  it('finds the same entry as a checked lookup for every word one character away from a longer lexicon word', () => {
    const words = [...UNITS.words, ...LONG.words, ...LEVELS.words()];
    let found = 0;
    for (const word of words) {
      const variants = [word.toUpperCase(), word.slice(1), word.slice(0, -1)];
      for (let k = 0; k <= word.length; k++) {
        for (const c of PRINTABLE) variants.push(word.slice(0, k) + c + word.slice(k + 1), word.slice(0, k) + c + word.slice(k));
      }
      for (const variant of variants) {
        const [scanned, checked] = bothLookups(variant);
        if (scanned !== checked) expect(`${variant}: ${scanned}`).toBe(`${variant}: ${checked}`);
        if (checked !== NO_WORD) found++;
      }
    }
    expect(found).toBeGreaterThanOrEqual(2 * words.length); // each word itself, in lower and upper case
  });

  it('checks the characters of a word not all ASCII', () => {
    const by = hashWord('by', 0, 2);
    expect(lookupScanned('bý', 0, 2, by, false)).toBe(NO_WORD);
    expect(lookupScanned('By', 0, 2, by, true)).toBe(lookup('by', 0, 2, by));
  });

  it('refuses a lexicon word outside ASCII, whose hash could match an ASCII word', async () => {
    vi.resetModules();
    const fresh = await import('../../../src/core/metrics/word-table');
    new fresh.WordSet(['µs']);
    expect(() => fresh.lookup('ms', 0, 2, fresh.hashWord('ms', 0, 2))).toThrow('lexicon word outside ASCII');
  });
});

/**
 * Two different words `prefix` + `drawn` printable ASCII characters with the same hash, found by
 * drawing words (seeded) until two collide.
 */
function collidingPair(prefix: string, drawn: number): [string, string] {
  const random = seededRandom(7);
  const seen = new Map<number, string>();
  for (let draws = 0; draws < 2_000_000; draws++) {
    let word = prefix;
    for (let k = 0; k < drawn; k++) word += String.fromCharCode(33 + Math.floor(random() * (127 - 33)));
    const hash = hashWord(word, 0, word.length);
    const earlier = seen.get(hash);
    if (earlier !== undefined && earlier !== word) return [earlier, word];
    seen.set(hash, word);
  }
  throw new Error(`no two words of ${drawn} drawn characters after "${prefix}" share a hash`);
}

describe('words that share a hash and a length', () => {
  it('tells them apart by the characters checked, up to the fifth last', async () => {
    // Words the same up to their last five characters: the fifth last differs, and is the last one checked.
    const [known, unknown] = collidingPair('measu', EXACT_LENGTH + 1);
    const length = known.length;
    expect(known.slice(0, -5)).toBe(unknown.slice(0, -5));
    vi.resetModules();
    const fresh = await import('../../../src/core/metrics/word-table');
    new fresh.WordSet([known]);
    const hash = fresh.hashWord(unknown, 0, length);
    expect(hash).toBe(fresh.hashWord(known, 0, length));
    expect(fresh.lookupScanned(known, 0, length, hash, true)).not.toBe(NO_WORD);
    expect(fresh.lookupScanned(unknown, 0, length, hash, true)).toBe(NO_WORD);
    expect(fresh.lookup(unknown, 0, length, hash)).toBe(NO_WORD);
  });
});
