// Person names as the sites print them ("Jean de la Fontaine", "Martin Luther King Jr.", "张伟") split into
// family and given parts for BibTeX and RIS, only where the split is safe. Anything else stays one literal
// name, which BibTeX keeps whole inside braces and reference managers import as a single-field name.
import { oneLine } from './paper-facts';

export type PersonName =
  | { kind: 'split'; family: string; given: string; suffix: string }
  | { kind: 'literal'; name: string };

const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);
/** Words that mark a group rather than a person ("ATLAS Collaboration", "OpenAI Team"). */
const GROUP_WORDS = new Set([
  'collaboration', 'consortium', 'team', 'group', 'lab', 'laboratory', 'project', 'committee', 'institute',
  'university', 'inc.', 'inc', 'ltd', 'ltd.', 'corporation',
]);
/** A word begins with a letter that has case (Latin, Greek, Cyrillic…): the rules below mean something for it. */
const CASED_START = /^[\p{Lu}\p{Ll}]/u;
const LOWER_START = /^\p{Ll}/u;

function isSuffix(word: string): boolean {
  return SUFFIXES.has(word.toLowerCase());
}

/**
 * Splits a name where the usual rules of Western names hold for every word: the family name is the last
 * word, or starts at the first lower-case particle after the given names ("van Rossum", "de la Fontaine");
 * "Jr.", "III" and so on are suffixes; "Family, Given" is read as written. Names in scripts without letter
 * case, names holding the word "and" (which BibTeX would split), group names and anything with stray
 * punctuation are kept literal.
 */
export function splitName(raw: string): PersonName {
  let split = memo.get(raw);
  if (split === undefined) {
    // A library names the same people again and again; bounded so that a huge export cannot grow it forever.
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(raw, (split = splitUncached(raw)));
  }
  return split;
}

const MEMO_LIMIT = 20_000;
const memo = new Map<string, PersonName>();

function splitUncached(raw: string): PersonName {
  const name = oneLine(raw);
  const words = name.split(' ');
  const literal: PersonName = { kind: 'literal', name };
  if (words.some((w) => w.toLowerCase() === 'and' || GROUP_WORDS.has(w.toLowerCase()))) return literal;
  const parts = name.split(',').map((p) => p.trim());
  if (parts.some((p) => p === '') || parts.length > 2) return literal;
  if (parts.length === 2) {
    if (isSuffix(parts[1])) return splitWords(parts[0].split(' '), parts[1]) ?? literal;
    const family = parts[0].split(' ');
    const given = parts[1].split(' ');
    if (![...family, ...given].every((w) => CASED_START.test(w))) return literal;
    return { kind: 'split', family: parts[0], given: parts[1], suffix: '' };
  }
  let suffix = '';
  if (words.length > 2 && isSuffix(words[words.length - 1])) suffix = words.pop() ?? '';
  return splitWords(words, suffix) ?? literal;
}

function splitWords(words: string[], suffix: string): PersonName | undefined {
  if (!words.every((w) => CASED_START.test(w))) return undefined;
  if (words.length === 1) return { kind: 'split', family: words[0], given: '', suffix };
  let start = words.length - 1;
  for (let i = 1; i < words.length - 1; i++) {
    if (LOWER_START.test(words[i])) {
      start = i;
      break;
    }
  }
  return { kind: 'split', family: words.slice(start).join(' '), given: words.slice(0, start).join(' '), suffix };
}
