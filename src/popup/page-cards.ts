// Keeping the "On this page" cards current while the popup is open: a committed change (a card saved from the
// popup, a paper deleted from the library, an edit in another tab) is matched to the page's cards by paper
// identity — the record's key and aliases against the card's key and aliases, and the key of the record the tab
// reported for the card — so a card saved under its DOI follows a record keyed by its arXiv id, and a card the tab
// matched by title and authors alone follows its record, also once it is deleted and restored. A paper that comes
// into the library under no id of a card may still be one of them by title and authors, which only the tab can
// tell (`arrivalsNamedByNoCard`: the popup asks the tab again). Pure.
import type { PaperChange } from '../shared/messages';
import type { PageReportCard as PageCard } from '../shared/page-report';
import type { PaperSummary } from '../shared/search-snapshot';

function matches(card: PageCard, ids: ReadonlySet<string>): boolean {
  return ids.has(card.key) || card.aliases.some((alias) => ids.has(alias)) || (card.paperKey !== undefined && ids.has(card.paperKey));
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
      // An unsaved card keeps the key of the record it showed: that record restored (Trash, Undo) is its again.
      next[i] = paper
        ? { ...card, saved: true, status: paper.status, tags: [...paper.tags], paperKey: key }
        : { ...card, saved: false, status: null, tags: [] };
    });
  }
  return next ?? cards;
}

/**
 * The keys of the papers `changes` bring into the library (not in `known`: a restore, a save elsewhere) that no card
 * names, while some card shows unsaved: the tab may find them among its cards by title and authors.
 */
export function arrivalsNamedByNoCard(cards: readonly PageCard[], changes: readonly PaperChange[], known: ReadonlyMap<string, unknown>): string[] {
  if (cards.every((card) => card.saved)) return [];
  return changes.flatMap(({ key, paper }) => {
    if (!paper || known.has(key)) return [];
    const ids = new Set([key, ...paper.aliases]);
    return cards.some((card) => matches(card, ids)) ? [] : [key];
  });
}

/** "On this page: 12 papers · 3 saved". */
export function pageSummary(cards: readonly PageCard[]): { papers: number; saved: number } {
  return { papers: cards.length, saved: cards.filter((card) => card.saved).length };
}
