// The page report: the extension's own pages (the popup, tests) ask a tab what it shows, and get the cards in
// page order with their saved state and counts (src/shared/page-report.ts). Anyone else gets no answer.
import type { Runtime } from 'webextension-polyfill';
import { extensionApi as browser } from '../../shared/extension-api';
import { isPageReportRequest, type PageReport } from '../../shared/page-report';
import type { ContentPage } from '../session';
import type { SavedState } from './saved-state';

/**
 * runtime.onMessage as the browsers implement it for a listener that answers synchronously (the polyfill's
 * types want such a listener to return `true`, which would keep every other message's channel open).
 */
type ReportListener = (message: unknown, sender: Runtime.MessageSender, sendResponse: (reply: PageReport) => void) => undefined;
interface ReportEvent {
  addListener(listener: ReportListener): void;
  removeListener(listener: ReportListener): void;
}

/** A message from one of this extension's pages (its popup, options or background), not from a web page. */
function fromOurPages(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL(''));
}

export function pageReport(page: ContentPage, { saved, firstPassDone }: { saved: SavedState; firstPassDone(): boolean }): void {
  const report = (): PageReport => ({
    ok: true,
    adapter: page.adapter.id,
    url: location.href,
    settled: firstPassDone() && saved.settled,
    cards: page.cards.inPageOrder().map((entry) => {
      const { card, metrics, codeLinks } = entry.analysis;
      const paper = saved.of(entry);
      return {
        key: card.key,
        aliases: [...(card.aliases ?? [])],
        title: card.title,
        saved: Boolean(paper),
        status: paper?.status ?? null,
        tags: paper ? [...paper.tags] : [],
        metrics: metrics.length,
        code: codeLinks.length,
      };
    }),
  });

  // Answered at once with sendResponse (both browsers take that from a plain, non-polyfilled listener). Any
  // other message gets `undefined`: this listener never keeps a channel open it will not answer.
  const receive: ReportListener = (message, sender, sendResponse) => {
    if (isPageReportRequest(message) && fromOurPages(sender)) sendResponse(report());
    return undefined;
  };
  const onMessage = browser.runtime.onMessage as unknown as ReportEvent;
  onMessage.addListener(receive);
  page.signal.addEventListener('abort', () => onMessage.removeListener(receive), { once: true });
}
