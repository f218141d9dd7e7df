// How search results are scored, shared by the full-text index and the scans that answer while it is being built
// (the word rules themselves are in shared/search-words.ts: the background uses them for the search snapshot).
import type { PaperSummary } from '../shared/search-snapshot';
import { searchTerms } from '../shared/search-words';

export { foldText, forEachWord, searchTerms } from '../shared/search-words';

/** The papers a search found: membership, a relevance score (higher is better), and how many. */
export interface SearchHits {
  size: number;
  has(key: string): boolean;
  score(key: string): number;
  /**
   * `ordered` narrowed to the hits, in its order: what filtering it by `has` gives, without a lookup by key per
   * paper where the searcher can do better (the index keeps each list's document numbers between keystrokes).
   */
  within?<P extends { key: string }>(ordered: readonly P[]): P[];
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
export function quickHits(papers: Iterable<PaperSummary>, query: string): SearchHits | null {
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
