// How search text is cut into words and compared: shared by the full-text index and the quick title scan that
// answers while the index is still being built.
import type { SavedPaper } from '../core/paper';

/** Lower case, accents folded: "Jürgen" is found by "jurgen". Plain ASCII skips the Unicode work. */
export function foldText(text: string): string {
  // eslint-disable-next-line no-control-regex -- "any character outside ASCII"
  return /[^\u0000-\u007f]/.test(text) ? text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase() : text.toLowerCase();
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * The words of a folded text: runs of letters and digits (so `to-cite` is `to` and `cite`). A loop over char
 * codes rather than a Unicode regex split: indexing 10,000 abstracts this way is several times faster.
 */
export function forEachWord(text: string, visit: (word: string) => void): void {
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let inWord: boolean;
    let width = 1;
    if (code < 128) {
      inWord = (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
    } else {
      const point = text.codePointAt(i)!;
      width = point > 0xffff ? 2 : 1;
      inWord = LETTER_OR_DIGIT.test(String.fromCodePoint(point));
    }
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      visit(text.slice(start, i));
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) visit(text.slice(start));
}

/** The folded words typed in a search box. */
export function searchTerms(text: string): string[] {
  const words: string[] = [];
  forEachWord(foldText(text), (word) => words.push(word));
  return words;
}

/** The papers a search found: membership, a relevance score (higher is better), and how many. */
export interface SearchHits {
  size: number;
  has(key: string): boolean;
  score(key: string): number;
}

/** What a match in each field weighs in a paper's score; the index and the quick scan score alike. */
export const FIELD_WEIGHTS = { title: 4, tags: 3, authors: 2, note: 1.5, abstract: 1 } as const;
/** A word typed in full counts this much more than a word only begun. */
export const WHOLE_WORD_BONUS = 1.5;

/**
 * Until the index answers: the papers whose title, tags, authors or note have, for every typed word, a word it
 * begins, scored as the index scores them. The index's own rule on fields it has read, so a paper shown is one
 * the index shows too (only papers matched by their abstract come later). A linear scan, for the moments before
 * the index's first pass.
 */
export function quickHits(papers: Iterable<SavedPaper>, query: string): SearchHits | null {
  const terms = [...new Set(searchTerms(query))];
  if (terms.length === 0) return null;
  const scores = new Map<string, number>();
  for (const paper of papers) {
    const fields: Array<[number, string[]]> = [
      [FIELD_WEIGHTS.title, searchTerms(paper.title)],
      [FIELD_WEIGHTS.tags, searchTerms(paper.tags.join(' '))],
      [FIELD_WEIGHTS.authors, searchTerms(paper.authors.join(' '))],
      [FIELD_WEIGHTS.note, searchTerms(paper.note)],
    ];
    let score = 0;
    for (const term of terms) {
      let best = 0;
      for (const [weight, words] of fields) {
        if (!words.some((word) => word.startsWith(term))) continue;
        const value = weight * (words.includes(term) ? WHOLE_WORD_BONUS : 1);
        if (value > best) best = value;
      }
      if (best === 0) {
        score = 0;
        break;
      }
      score += best;
    }
    if (score > 0) scores.set(paper.key, score);
  }
  return { size: scores.size, has: (key) => scores.has(key), score: (key) => scores.get(key) ?? 0 };
}
