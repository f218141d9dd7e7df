// The page report: the extension's own pages (the popup, tests) ask a tab what it shows, and get the cards in
// page order with their saved state and counts (src/shared/page-report.ts); they may also save one of its cards
// as its Save button would (`saveCard`, the popup's "On this page" list). Anyone else gets no answer.
import type { Runtime } from 'webextension-polyfill';
import { extensionApi as browser } from '../../shared/extension-api';
import {
  SETTLE_MS, isPageReportRequest, pageHealth, readSaveCardRequest, type PageReport, type PageStatus, type SaveCardReply, type SelectorCount,
} from '../../shared/page-report';
import type { SiteAdapter } from '../../sites/types';
import type { ContentPage } from '../session';
import type { CardToolbar } from './card-toolbar';
import type { CardVisibility } from './card-visibility';
import type { ReadingMemory } from './reading-memory';
import type { RuleEffects } from './rules';
import type { SavedState } from './saved-state';
import { shownVenue } from '../../core/paper';

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

/** What the page says about having no papers; an adapter's check that throws says nothing. */
function emptyReasonOf(adapter: SiteAdapter): string | undefined {
  try {
    return adapter.emptyReason?.(document);
  } catch {
    return undefined;
  }
}

/** How many elements each of the adapter's selectors matches on the page now. */
function selectorCounts(adapter: SiteAdapter): SelectorCount[] {
  return Object.entries(adapter.selectors).map(([name, selector]) => {
    let count: number;
    try {
      count = document.querySelectorAll(selector).length;
    } catch {
      count = -1;
    }
    return { name, selector, count };
  });
}

/** The page's health now, Paperlight having started on it at `started` (performance.now()). */
function healthOf(adapter: SiteAdapter, cards: number, started: number): Pick<PageReport, 'health' | 'healthPending' | 'emptyReason' | 'selectors'> {
  const emptyReason = cards > 0 ? undefined : emptyReasonOf(adapter);
  const health = pageHealth(cards, emptyReason, adapter.matches.length > 0);
  // A page without cards that gives a reason is `empty` (pageHealth), and a page with cards is asked for none.
  if (emptyReason !== undefined) return { health, emptyReason };
  if (health !== 'no-cards') return { health };
  const selectors = selectorCounts(adapter);
  return performance.now() - started < SETTLE_MS ? { health, healthPending: true, selectors } : { health, selectors };
}

/** After the first pass, how long the page must add no card before it counts as settled (framework pages render late). */
const QUIET_MS = 1000;
/** How often the page is checked for the first pass having finished. */
const POLL_MS = 200;

/**
 * Tells the background what the page recognised once it has settled, and again whenever that changes: the
 * toolbar badge of this tab shows it. A page with no card yet, less than SETTLE_MS after Paperlight started on it
 * (`healthPending`), is told again when SETTLE_MS has passed, so that a page whose cards never come warns then.
 */
function reportStatus(page: ContentPage, settled: () => boolean, started: number): void {
  let sent: PageStatus | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const send = () => {
    timer = undefined;
    if (page.signal.aborted) return;
    if (!settled()) {
      timer = setTimeout(send, POLL_MS);
      return;
    }
    const cards = page.cards.inPageOrder().length;
    const { health, healthPending } = healthOf(page.adapter, cards, started);
    const status: PageStatus = healthPending ? { cards, health, healthPending } : { cards, health };
    if (healthPending) timer = setTimeout(send, started + SETTLE_MS - performance.now());
    if (sent?.cards === status.cards && sent.health === status.health && sent.healthPending === healthPending) return;
    sent = status;
    browser.runtime.sendMessage({ type: 'pageStatus', ...status }).catch(() => undefined);
  };
  const later = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(send, QUIET_MS);
  };
  page.on('cards', later);
  page.on('cardGone', later);
  page.signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  later();
}

interface ReportDeps {
  saved: SavedState;
  toolbar: CardToolbar;
  rules: RuleEffects;
  memory: ReadingMemory;
  visibility: CardVisibility;
  firstPassDone(): boolean;
}

export function pageReport(page: ContentPage, { saved, toolbar, rules, memory, visibility, firstPassDone }: ReportDeps): void {
  const started = performance.now();
  reportStatus(page, () => firstPassDone() && saved.settled, started);
  const report = (): PageReport => {
    const entries = page.cards.inPageOrder();
    const toolbarsLeftOut = toolbar.leftOut().map((entry) => entry.analysis.card.key);
    const stubsLeftOut = rules.stubsLeftOut().map((entry) => entry.analysis.card.key);
    return {
      ok: true,
      adapter: page.adapter.id,
      url: location.href,
      settled: firstPassDone() && saved.settled,
      ...healthOf(page.adapter, entries.length, started),
      cards: entries.map((entry) => {
        const { card, metrics, codeLinks } = entry.analysis;
        const paper = saved.of(entry);
        return {
          key: card.key,
          aliases: [...(card.aliases ?? [])],
          title: card.title,
          saved: Boolean(paper),
          status: paper?.status ?? null,
          tags: paper ? [...paper.tags] : [],
          paperKey: paper?.key,
          metrics: metrics.length,
          code: codeLinks.length,
          venue: shownVenue(paper?.venues, card.venue)?.name ?? null,
          seen: memory.seenDay(entry),
          hidden: visibility.hidden(entry),
          dimmed: visibility.dimmed(entry),
        };
      }),
      ...((toolbarsLeftOut.length > 0 || stubsLeftOut.length > 0 || page.layer.leftOut) && {
        leftOut: { toolbars: toolbarsLeftOut, stubs: stubsLeftOut, pageLayer: page.layer.leftOut },
      }),
    };
  };

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
