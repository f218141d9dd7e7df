// The page in the active tab, as the popup sees it: its content script's page report (what it shows: its cards
// in page order, which are saved), and a way to save one of its cards as the card's own Save button would. The
// popup asks only the tab it opened over, and only when that tab is a page Paperlight may run on.
import type { SavedPaper } from '../core/paper';
import { readSavedPaper } from '../core/paper-record';
import { ShapeError } from '../core/validate';
import type { extensionApi } from '../shared/extension-api';
import { readPageReport as readSharedPageReport, type PageReport } from '../shared/page-report';

/** What the popup asks of the active tab. */
export interface PageTab {
  /**
   * The active tab's page report; null when the tab is not a supported page (nothing answers). Once a tab has
   * answered, it is that tab's.
   */
  report(): Promise<PageReport | null>;
  /**
   * Whether the active tab is still loading its page: its content script may not run yet, so no answer does not
   * yet mean an unsupported page (the popup opened while the page loads asks again).
   */
  loading?(): Promise<boolean>;
  /** Saves the card keyed `key` on that page, as its Save button does; resolves to the saved record. */
  saveCard(key: string): Promise<SavedPaper>;
}

/** A content script that has not answered by then is taken as no answer (a page still loading). */
const ANSWER_TIMEOUT_MS = 3000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The report in `raw`, checked field by field by the shared reader (it comes from our content script, but through
 * a page the popup does not control); undefined for anything that is not one. Fields this version does not know
 * are left out.
 */
export function readPageReport(raw: unknown): PageReport | undefined {
  if (!isRecord(raw) || raw.ok !== true) return undefined;
  try {
    return readSharedPageReport(raw);
  } catch (error) {
    if (error instanceof ShapeError) return undefined;
    throw error;
  }
}

const NOT_ON_PAGE = 'The page did not answer: it may have been closed or reloaded. Reopen Paperlight over it.';

/** The saved record in a `saveCard` reply, or the error it carries. */
export function readSaveCardReply(raw: unknown): SavedPaper {
  if (!isRecord(raw)) throw new Error(NOT_ON_PAGE);
  if (raw.ok !== true) throw new Error(typeof raw.error === 'string' ? raw.error.slice(0, 500) : NOT_ON_PAGE);
  try {
    return readSavedPaper(raw.paper, 'paper');
  } catch (error) {
    if (error instanceof ShapeError) throw new Error(`The page answered with a record that is not one (${error.message}).`, { cause: error });
    throw error;
  }
}

type Api = Pick<typeof extensionApi, 'tabs'>;

/** The active tab of the popup's window. */
async function activeTab(api: Api) {
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab;
}

/** The tab the popup was opened over (the active tab of its window), when it is a web page. */
async function activeWebTab(api: Api): Promise<number | undefined> {
  const tab = await activeTab(api);
  // The URL is visible only for pages Paperlight has access to (its sites and the origins the user enabled):
  // for any other tab (or the popup opened as a tab of its own) there is nothing to ask.
  if (tab?.id === undefined || !/^https?:\/\//.test(tab.url ?? '')) return undefined;
  return tab.id;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([promise, new Promise<undefined>((resolve) => setTimeout(resolve, ms))]);
}

/** The popup's `PageTab` over the browser's tabs API (no "tabs" permission needed). */
export function activePageTab(api: Api): PageTab {
  let reported: number | undefined;
  return {
    async report() {
      // Asked again, it is the tab that answered: the popup belongs to the tab it opened over.
      const tabId = reported ?? await activeWebTab(api).catch(() => undefined);
      if (tabId === undefined) return null;
      const answer = await withTimeout(api.tabs.sendMessage(tabId, { type: 'pageReport' }), ANSWER_TIMEOUT_MS).catch(() => undefined);
      const report = readPageReport(answer);
      if (!report) return null;
      reported = tabId;
      return report;
    },
    async loading() {
      const tab = await activeTab(api).catch(() => undefined);
      return tab?.status === 'loading';
    },
    async saveCard(key) {
      if (reported === undefined) throw new Error(NOT_ON_PAGE);
      const answer = await api.tabs.sendMessage(reported, { type: 'saveCard', key }).catch(() => undefined);
      return readSaveCardReply(answer);
    },
  };
}
