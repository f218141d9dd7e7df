// Keeping the "On this page" cards current while the popup is open: a committed change (a card saved from the
// popup, a paper deleted from the library, an edit in another tab) is matched to the page's cards by paper
// identity — the record's key and aliases against the card's key and aliases — so a card saved under its DOI
// follows a record keyed by its arXiv id. Pure.
import type { PaperChange } from '../shared/messages';
import type { PageReportCard as PageCard } from '../shared/page-report';
import type { PaperSummary } from '../shared/search-snapshot';

function matches(card: PageCard, ids: ReadonlySet<string>): boolean {
  return ids.has(card.key) || card.aliases.some((alias) => ids.has(alias));
}

/**
 * `cards` after `changes`. A removal names only the record's key: `known` (the library before the change) gives
 * its other ids. Returns `cards` itself when no card is touched.
 */
export function pageCardsAfter(cards: PageCard[], changes: readonly PaperChange[], known: ReadonlyMap<string, PaperSummary>): PageCard[] {
  let next: PageCard[] | undefined;
  for (const { key, paper } of changes) {
    const ids = new Set([key, ...(paper ?? known.get(key))?.aliases ?? []]);
    (next ?? cards).forEach((card, i) => {
      if (!matches(card, ids)) return;
      next ??= [...cards];
      next[i] = paper
        ? { ...card, saved: true, status: paper.status, tags: [...paper.tags] }
        : { ...card, saved: false, status: null, tags: [] };
    });
  }
  return next ?? cards;
}

/** "On this page: 12 papers · 3 saved". */
export function pageSummary(cards: readonly PageCard[]): { papers: number; saved: number } {
  return { papers: cards.length, saved: cards.filter((card) => card.saved).length };
}
