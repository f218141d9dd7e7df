// What the popup derives from its state, each part recomputed only when its inputs change: the library sorted
// (per sort or library change), search hits (per keystroke), the list shown, tag, site and status counts.
import { useMemo } from 'preact/hooks';
import type { ReadingStatus } from '../core/paper';
import type { PaperSummary } from '../shared/search-snapshot';
import { countTags, type TagUse } from '../ui/tag-suggest';
import type { PopupController } from './controller';
import { hasFilters, siteCounts, sortedPapers, statusCounts, visiblePapers } from './visible-papers';
import type { PopupState } from './state';

export interface LibraryView {
  /** Every loaded paper in the chosen order. */
  sorted: PaperSummary[];
  /** What the list shows. */
  shown: PaperSummary[];
  /** The keys shown, in order: worked out when a command needs them, not on every keystroke. */
  shownKeys(): string[];
  /** Where `key` is in the list shown, or -1. */
  indexOf(key: string | null): number;
  /** The search or a filter narrows the list. */
  narrowed: boolean;
  tags: TagUse[];
  sites: Array<{ site: string; count: number }>;
  /** Papers per reading status, every status listed. */
  statuses: Array<{ status: ReadingStatus; count: number }>;
  selectedPapers: PaperSummary[];
}

export function useLibraryView(state: PopupState, controller: PopupController): LibraryView {
  const { revision, sort, query, filters, searchReady, searchAnswering, papers, phase, selected } = state;
  const sorted = useMemo(() => sortedPapers(papers.values(), sort), [revision, sort]);
  const hits = useMemo(() => controller.hits(query), [query, revision, searchReady, searchAnswering]);
  const shown = useMemo(() => visiblePapers(sorted, filters, hits, sort), [sorted, filters, hits, sort]);
  const shownKeys = useMemo(() => {
    let keys: string[] | null = null;
    return () => (keys ??= shown.map((paper) => paper.key));
  }, [shown]);
  const indexOf = useMemo(() => (key: string | null) => {
    if (key === null) return -1;
    for (let i = 0; i < shown.length; i++) if (shown[i]!.key === key) return i;
    return -1;
  }, [shown]);
  // Once the whole library is here, counts come from it (always current); before, from the background.
  const tags = useMemo(() => (phase === 'ready' ? countTags(papers.values()) : state.tags), [revision, phase, state.tags]);
  const sites = useMemo(() => siteCounts(papers.values()), [revision]);
  const statuses = useMemo(() => statusCounts(papers.values()), [revision]);
  const selectedPapers = useMemo(() => sorted.filter((paper) => selected.has(paper.key)), [sorted, selected]);
  return { sorted, shown, shownKeys, indexOf, narrowed: hits !== null || hasFilters(filters), tags, sites, statuses, selectedPapers };
}
