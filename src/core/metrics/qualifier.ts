// The verbatim word qualifier before a value ("up to", "about", "more than") and whether "up to"
// governs it (guideline 3.1-3.2). Qualifier phrases are matched word by word against the words
// before the value, longest phrase first.
import type { Metric } from '../metric-types';
import { QUALIFIERS } from './lexicon';
import { WordMap } from './word-table';
import type { Around, Words } from './words';

export interface Qualifier {
  qualifier: string;
  upTo: boolean;
}

const NONE: Qualifier = { qualifier: '', upTo: false };

/** Qualifier phrases as word lists, last word first, grouped by their last word, longest first. */
const BY_LAST_WORD = new WordMap<string[][]>(
  [...new Set(QUALIFIERS.map((q) => q.split(' ').at(-1) as string))].map((last): [string, string[][]] => [
    last,
    QUALIFIERS.filter((q) => q.split(' ').at(-1) === last)
      .map((q) => q.split(' ').reverse())
      .sort((a, b) => b.length - a.length),
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

function matches(before: Words, from: number, phrase: string[]): boolean {
  for (let k = 0; k < phrase.length; k++) if (!before.is(from + k, phrase[k])) return false;
  return true;
}

export function qualifierBefore(around: Around, prefix: string, previous: Metric | undefined): Qualifier {
  if (prefix === 'sim' || prefix === 'le' || prefix === 'leq') return { qualifier: prefix, upTo: false }; // glued stripped LaTeX
  const { before, text } = around;
  let first = 0;
  // "approximately \textasciitilde42\%": the LaTeX tilde sits between the qualifier and the value.
  if (before.has(0) && before.end(0) === around.start && text.endsWith('\\textasciitilde', around.start)) first = 1;
  const adjacent = first === 1 || (before.has(0) && onlySpacing(text, before.end(0), around.start));
  const candidates = adjacent ? before.get(first, BY_LAST_WORD) : undefined;
  for (const phrase of candidates ?? []) {
    if (matches(before, first, phrase)) {
      const qualifier = text.slice(before.start(first + phrase.length - 1), before.end(first));
      return { qualifier, upTo: /^up ?to$/i.test(qualifier) };
    }
  }
  // "up to speedup 14.41times": the metric noun may sit between "up to" and the value.
  // Checked on the characters first, so most values never read two more words back.
  if (before.has(0) && upToBefore(text, before.start(0)) && before.is(1, 'to') && before.is(2, 'up') && /^[a-z-]+$/i.test(before.raw(0))) {
    return { qualifier: text.slice(before.start(2), before.end(1)), upTo: true };
  }
  // "up to 4K (2048 times 4096)": a parenthetical restatement inherits the qualifier.
  if (previous && around.start - previous.end <= 3 && /^\s*\($/.test(text.slice(previous.end, around.start))) {
    return { qualifier: previous.qualifier, upTo: previous.upTo };
  }
  return NONE;
}
