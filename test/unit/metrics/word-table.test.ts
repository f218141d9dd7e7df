// The lexicon table the extractor looks words up in (src/core/metrics/word-table.ts): word lists
// in their compact form, case-insensitive lookups by offsets into a text, and the table being
// built on the first lookup from every set and map declared before it. Each test file gets its own
// module instance, so the sets declared here are the only ones this table holds.
import { describe, expect, it } from 'vitest';
import { hashWord, lookup, NO_WORD, WordMap, WordSet, wordList } from '../../../src/core/metrics/word-table';

const UNITS = new WordSet('kilo{gram,meter} Mega+ volt');
const LEVELS = new WordMap<number>(() => [['low', 1], ['HIGH', 3]]);
const BOTH = WordSet.union(UNITS, LEVELS);

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
