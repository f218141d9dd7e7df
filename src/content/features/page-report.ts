// The page report: the extension's own pages (the popup, tests) ask a tab what it shows, and get the cards in
// page order with their saved state and counts (src/shared/page-report.ts); they may also save one of its cards
// as its Save button would (`saveCard`, the popup's "On this page" list). Anyone else gets no answer.
import type { Runtime } from 'webextension-polyfill';
import { extensionApi as browser } from '../../shared/extension-api';
import { isPageReportRequest, readSaveCardRequest, type PageReport, type SaveCardReply } from '../../shared/page-report';
import type { ContentPage } from '../session';
import type { CardVisibility } from './card-visibility';
import type { ReadingMemory } from './reading-memory';
import type { SavedState } from './saved-state';

/**
 * runtime.onMessage as the browsers implement it for a listener that answers synchronously (the polyfill's
 * types want such a listener to return `true`, which would keep every other message's channel open).
 */
type ReportListener = (
  message: unknown, sender: Runtime.MessageSender, sendResponse: (reply: PageReport | SaveCardReply) => void,
) => true | undefined;
interface ReportEvent {
  addListener(listener: ReportListener): void;
  removeListener(listener: ReportListener): void;
}

/** A message from one of this extension's pages (its popup, options or background), not from a web page. */
function fromOurPages(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL(''));
}

interface ReportDeps {
  saved: SavedState;
  memory: ReadingMemory;
  visibility: CardVisibility;
  firstPassDone(): boolean;
}

export function pageReport(page: ContentPage, { saved, memory, visibility, firstPassDone }: ReportDeps): void {
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
        seen: memory.seenDay(entry),
        hidden: visibility.hidden(entry),
        dimmed: visibility.dimmed(entry),
      };
    }),
  });

  const saveCard = async (key: string): Promise<SaveCardReply> => {
    const [entry] = page.cards.withKeys([key]);
    if (!entry) return { ok: false, error: 'That paper is no longer on this page.' };
    try {
      return { ok: true, paper: await saved.save(entry) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };

  // The report is answered at once with sendResponse (both browsers take that from a plain, non-polyfilled
  // listener); a save later, keeping the channel open (`true`). Any other message gets `undefined`: this
  // listener never keeps a channel open it will not answer.
  const receive: ReportListener = (message, sender, sendResponse) => {
    if (!fromOurPages(sender)) return undefined;
    if (isPageReportRequest(message)) sendResponse(report());
    const request = readSaveCardRequest(message);
    if (!request) return undefined;
    void saveCard(request.key).then(sendResponse);
    return true;
  };
  const onMessage = browser.runtime.onMessage as unknown as ReportEvent;
  onMessage.addListener(receive);
  page.signal.addEventListener('abort', () => onMessage.removeListener(receive), { once: true });
}
