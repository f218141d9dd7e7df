// A search for a paper by one of its identifiers: an arXiv id (`1706.03762`, `arXiv:1706.03762v5`), a DOI, an
// ACL Anthology or OpenReview id, or a link to any of their pages, as a researcher pastes them from a citation.
// Words cannot find these (an id is cut into its digits, and most ids are not in a paper's words at all), so a
// query that is one id (core/paper-id.ts, strict: a sentence holding an id is not one) finds the papers whose key
// or aliases name that paper.
import { parsePaperId } from '../core/paper-id';
import type { PaperSummary } from '../shared/search-snapshot';
import type { SearchHits } from './search-terms';

/** Above any score of words (FIELD_WEIGHTS in search-terms.ts), for the relevance sort. */
const ID_SCORE = 1_000;

/**
 * The papers that carry `query` as their key or an alias; null when the query is not one identifier, or when no
 * paper carries it (the words are searched then: an id being typed may still be the start of words in titles).
 */
export function idHits(papers: Iterable<PaperSummary>, query: string): SearchHits | null {
  const id = parsePaperId(query);
  if (!id) return null;
  const found = new Set<string>();
  for (const paper of papers) if (paper.key === id.key || paper.aliases.includes(id.key)) found.add(paper.key);
  if (found.size === 0) return null;
  return { size: found.size, has: (key) => found.has(key), score: (key) => (found.has(key) ? ID_SCORE : 0) };
}
