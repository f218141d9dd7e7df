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

/**
 * Until the index is ready: papers whose title, authors or tags contain every typed word (all scored 1). A
 * linear scan, fine for the second or two the index takes to build.
 */
export function quickHits(papers: Iterable<SavedPaper>, query: string): SearchHits | null {
  const terms = searchTerms(query);
  if (terms.length === 0) return null;
  const found = new Set<string>();
  for (const paper of papers) {
    const text = foldText(`${paper.title} ${paper.authors.join(' ')} ${paper.tags.join(' ')}`);
    if (terms.every((term) => text.includes(term))) found.add(paper.key);
  }
  return { size: found.size, has: (key) => found.has(key), score: (key) => (found.has(key) ? 1 : 0) };
}
