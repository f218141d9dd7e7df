// What the list shows: the library filtered (tags, status, site, code), searched and sorted. Pure functions
// over plain records, so they are unit-tested and cheap enough to run on every keystroke over 10,000 papers:
// the sorted order is computed once per sort (and library change), and each keystroke only walks it.
import { tagId } from '../core/tags';
import { READING_STATUSES, type ReadingStatus } from '../core/paper';
import type { QueryFilter } from '../shared/messages';
import type { PaperSummary } from '../shared/search-snapshot';
import type { SearchHits } from './search-terms';

export type SortId = 'newest' | 'oldest' | 'title' | 'metrics' | 'relevance';

export const SORTS: ReadonlyArray<{ id: SortId; label: string }> = [
  { id: 'newest', label: 'Newest first' },
  { id: 'oldest', label: 'Oldest first' },
  { id: 'title', label: 'Title A–Z' },
  { id: 'metrics', label: 'Most metrics' },
  { id: 'relevance', label: 'Best match' },
];

export interface Filters {
  /** Papers carrying every one of these tags (letter case ignored), as the background's `query` reads it. */
  tags: string[];
  status: ReadingStatus | null;
  site: string | null;
  /** true: only papers with code; false: only papers without; null: either. */
  hasCode: boolean | null;
}

export const NO_FILTERS: Filters = { tags: [], status: null, site: null, hasCode: null };

export function hasFilters(filters: Filters): boolean {
  return filters.tags.length > 0 || filters.status !== null || filters.site !== null || filters.hasCode !== null;
}

/** A predicate for `filters`; tag ids are computed once, not per paper. */
export function filterPredicate(filters: Filters): (paper: PaperSummary) => boolean {
  const tags = filters.tags.map(tagId);
  const { status, site, hasCode } = filters;
  return (paper) =>
    (status === null || paper.status === status) &&
    (site === null || paper.site === site) &&
    (hasCode === null || paper.codeLinks.length > 0 === hasCode) &&
    tags.every((tag) => paper.tags.some((t) => tagId(t) === tag));
}

/** The filter as the background's `query` takes it (for the first page, before the whole library is here). */
export function toQueryFilter(filters: Filters): QueryFilter | undefined {
  if (!hasFilters(filters)) return undefined;
  const filter: QueryFilter = {};
  if (filters.tags.length) filter.tags = filters.tags;
  if (filters.status !== null) filter.status = filters.status;
  if (filters.site !== null) filter.site = filters.site;
  if (filters.hasCode !== null) filter.hasCode = filters.hasCode;
  return filter;
}

const titleCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function byKey(a: PaperSummary, b: PaperSummary): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Newest first breaks every tie, so equal titles or metric counts keep a stable, sensible order. */
function newestFirst(a: PaperSummary, b: PaperSummary): number {
  return b.savedAt - a.savedAt || byKey(b, a);
}

export function comparatorFor(sort: SortId): (a: PaperSummary, b: PaperSummary) => number {
  switch (sort) {
    case 'oldest': return (a, b) => a.savedAt - b.savedAt || byKey(a, b);
    case 'title': return (a, b) => titleCollator.compare(a.title, b.title) || newestFirst(a, b);
    case 'metrics': return (a, b) => b.metrics.length - a.metrics.length || newestFirst(a, b);
    // Relevance orders search hits by score; the order they are drawn from (and the order without a query) is newest.
    case 'newest':
    case 'relevance': return newestFirst;
  }
}

/** Every paper, in `sort` order. O(n log n): done when the library or the sort changes, not per keystroke. */
export function sortedPapers<P extends PaperSummary>(papers: Iterable<P>, sort: SortId): P[] {
  return [...papers].sort(comparatorFor(sort));
}

/**
 * The papers to show: `ordered` (already sorted) narrowed to `hits` (search results; null for no search) and to
 * `filters`. With the relevance sort and a search, the best match comes first.
 */
export function visiblePapers<P extends PaperSummary>(
  ordered: readonly P[],
  filters: Filters,
  hits: Pick<SearchHits, 'has' | 'score' | 'within'> | null,
  sort: SortId,
): P[] {
  const passes = hasFilters(filters) ? filterPredicate(filters) : null;
  const matched = hits === null ? ordered : hits.within ? hits.within(ordered) : ordered.filter((paper) => hits.has(paper.key));
  const shown = passes ? matched.filter(passes) : matched === ordered ? [...ordered] : (matched as P[]);
  if (hits && sort === 'relevance') {
    // Each score once (not once per comparison); equal scores keep the newest-first order they came in.
    const scores = new Float64Array(shown.length);
    const order = shown.map((paper, i) => ((scores[i] = hits.score(paper.key)), i));
    order.sort((a, b) => scores[b]! - scores[a]! || a - b);
    return order.map((i) => shown[i]!);
  }
  return shown;
}

/** Sites present in the library, with how many papers each, most papers first. */
export function siteCounts(papers: Iterable<Pick<PaperSummary, 'site'>>): Array<{ site: string; count: number }> {
  const counts = new Map<string, number>();
  for (const paper of papers) counts.set(paper.site, (counts.get(paper.site) ?? 0) + 1);
  return [...counts].map(([site, count]) => ({ site, count })).sort((a, b) => b.count - a.count || (a.site < b.site ? -1 : 1));
}

/** How many papers have each reading status, every status listed (0 for none), in reading order. */
export function statusCounts(papers: Iterable<Pick<PaperSummary, 'status'>>): Array<{ status: ReadingStatus; count: number }> {
  const counts = new Map<ReadingStatus, number>(READING_STATUSES.map((status) => [status, 0]));
  for (const paper of papers) counts.set(paper.status, (counts.get(paper.status) ?? 0) + 1);
  return READING_STATUSES.map((status) => ({ status, count: counts.get(status)! }));
}

/** A short description of what is shown, for the export file name: `tag-vision-reading`, `search-diffusion`. */
export function scopeOf(filters: Filters, query: string): string {
  const parts: string[] = [];
  if (filters.tags.length) parts.push('tag', ...filters.tags);
  if (filters.status) parts.push(filters.status);
  if (filters.site) parts.push(filters.site);
  if (filters.hasCode !== null) parts.push(filters.hasCode ? 'with-code' : 'no-code');
  if (query.trim()) parts.push('search', query.trim());
  return parts.length ? parts.join(' ') : 'filtered';
}
