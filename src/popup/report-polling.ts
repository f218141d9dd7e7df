// Whether the popup asks its tab again what the page shows. The tab's report is `settled` once its first pass over
// the page is done and the saved state of its cards known; but a framework page (Semantic Scholar's React search)
// may render its results after that pass, which then found none: a popup opened in that moment showed
// "0 papers" until opened again. The content script's own badge waits for the page to add no card for a second
// (src/content/features/page-report.ts); the popup, which cannot wait before showing anything, asks again.
import type { PageReport } from '../shared/page-report';

/**
 * Ask again while the tab is still reading its page, while it has read no card and does not say why (the page
 * may not have rendered them yet), or while its count of cards changed since the answer before.
 */
export function askPageAgain(report: PageReport | null, previous: PageReport | null | undefined): boolean {
  if (!report) return false;
  if (!report.settled) return true;
  if (report.cards.length === 0) return report.emptyReason === undefined;
  return previous != null && previous.cards.length !== report.cards.length;
}
