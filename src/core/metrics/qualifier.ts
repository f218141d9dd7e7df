// The verbatim word qualifier before a value ("up to", "about", "more than") and whether "up to"
// governs it (docs/metrics.md, 3.1-3.2). Qualifier phrases are matched word by word against the words
// before the value, longest phrase first.
import type { Metric } from '../metric-types';
import { QUALIFIERS } from './lexicon';
import { isRegexSpace } from './quantity';
import { WordMap } from './word-table';
import type { Around, Words } from './words';

export interface Qualifier {
  qualifier: string;
  upTo: boolean;
}

/** One result record, reused: decide() copies its fields before the next value is read. */
const FOUND: Qualifier = { qualifier: '', upTo: false };

function found(qualifier: string, upTo: boolean): Qualifier {
  FOUND.qualifier = qualifier;
  FOUND.upTo = upTo;
  return FOUND;
}

interface Phrase {
  /** The phrase's words, last word first. */
  words: string[];
  /** "up to" / "upto": the phrase sets `upTo`. */
  upTo: boolean;
}

/** Qualifier phrases grouped by their last word, longest first. */
const BY_LAST_WORD = new WordMap<Phrase[]>(() =>
  [...new Set(QUALIFIERS.map((q) => q.split(' ').at(-1) as string))].map((last): [string, Phrase[]] => [
    last,
    QUALIFIERS.filter((q) => q.split(' ').at(-1) === last)
      .map((q) => ({ words: q.split(' ').reverse(), upTo: q === 'up to' || q === 'upto' }))
      .sort((a, b) => b.words.length - a.words.length),
  ]),
);

/** Only spaces or LaTeX "$" between two offsets. */
function onlySpacing(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 36 && c !== 9 && c !== 10) return false;
  }
  return true;
}

/** Is text[from, to) white space (what a regex's \s matches) and then "(" ("4K (2048")? Read on characters, with no substring. */
function opensAside(text: string, from: number, to: number): boolean {
  if (to <= from || text.charCodeAt(to - 1) !== 40) return false;
  for (let i = from; i < to - 1; i++) if (!isRegexSpace(text.charCodeAt(i))) return false;
  return true;
}

/** Does "up to " (any case) end right before `at`? */
function upToBefore(text: string, at: number): boolean {
  if (at < 6) return false;
  for (let i = 0; i < 6; i++) {
    let c = text.charCodeAt(at - 6 + i);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== 'up to '.charCodeAt(i)) return false;
  }
  return true;
}

function matches(before: Words, from: number, phrase: readonly string[]): boolean {
  for (let k = 0; k < phrase.length; k++) if (!before.is(from + k, phrase[k])) return false;
  return true;
}

/** The qualifier before the value; the record returned is reused by the next call. */
export function qualifierBefore(around: Around, prefix: string, previous: Metric | undefined): Qualifier {
  if (prefix === 'sim' || prefix === 'le' || prefix === 'leq') return found(prefix, false); // glued stripped LaTeX
  const { before, text } = around;
  let first = 0;
  // "approximately \textasciitilde42\%": the LaTeX tilde sits between the qualifier and the value.
  if (before.has(0) && before.end(0) === around.start && text.endsWith('\\textasciitilde', around.start)) first = 1;
  const adjacent = first === 1 || (before.has(0) && onlySpacing(text, before.end(0), around.start));
  const candidates = adjacent ? before.get(first, BY_LAST_WORD) : undefined;
  if (candidates) {
    for (const phrase of candidates) {
      if (matches(before, first, phrase.words)) {
        return found(text.slice(before.start(first + phrase.words.length - 1), before.end(first)), phrase.upTo);
      }
    }
  }
  // "up to speedup 14.41times": the metric noun may sit between "up to" and the value.
  // Checked on the characters first, so most values never read two more words back.
  if (before.has(0) && upToBefore(text, before.start(0)) && before.is(1, 'to') && before.is(2, 'up') && /^[a-z-]+$/i.test(before.raw(0))) {
    return found(text.slice(before.start(2), before.end(1)), true);
  }
  // "up to 4K (2048 times 4096)": a parenthetical restatement inherits the qualifier.
  if (previous && around.start - previous.end <= 3 && opensAside(text, previous.end, around.start)) {
    return found(previous.qualifier, previous.upTo);
  }
  return found('', false);
}
