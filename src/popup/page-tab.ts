// The page in the active tab, as the popup sees it: its content script's page report (what it shows: its cards
// in page order, which are saved), and a way to save one of its cards as the card's own Save button would. The
// popup asks only the tab it opened over, and only when that tab is a page Paperlight may run on.
import type { ReadingStatus, SavedPaper } from '../core/paper';
import { READING_STATUSES } from '../core/paper';
import { LIMITS, readPaperKey, readSavedPaper } from '../core/paper-record';
import { ShapeError, readArray, readString } from '../core/validate';
import type { extensionApi } from '../shared/extension-api';

/** One card of the page report, in page order. */
export interface PageCard {
  key: string;
  aliases: string[];
  title: string;
  saved: boolean;
  /** The reading status, or null when not saved. */
  status: ReadingStatus | null;
  /** [] when not saved. */
  tags: string[];
  /** How many metrics and code links the card highlights. */
  metrics: number;
  code: number;
}

/** The content script's answer to `{ type: 'pageReport' }` (fields later versions add are ignored here). */
export interface PageReport {
  adapter: string;
  url: string;
  /** True once the first annotation pass has finished. */
  settled: boolean;
  cards: PageCard[];
}

/** What the popup asks of the active tab. */
export interface PageTab {
  /** The active tab's page report; null when the tab is not a supported page (nothing answers). */
  report(): Promise<PageReport | null>;
  /** Saves the card keyed `key` on that page, as its Save button does; resolves to the saved record. */
  saveCard(key: string): Promise<SavedPaper>;
}

/** A page with more cards than this is not a listing a person reads (and the report is refused). */
const MAX_CARDS = 5000;
/** A content script that has not answered by then is taken as no answer (a page still loading). */
const ANSWER_TIMEOUT_MS = 3000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readCount(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new ShapeError(`${path}: expected a count`);
  return value;
}

function readCard(value: unknown, path: string): PageCard {
  if (!isRecord(value)) throw new ShapeError(`${path}: expected an object`);
  const { status } = value;
  if (typeof value.saved !== 'boolean') throw new ShapeError(`${path}.saved: expected true or false`);
  if (status !== null && !READING_STATUSES.includes(status as ReadingStatus)) throw new ShapeError(`${path}.status: expected a reading status or null`);
  return {
    key: readPaperKey(value.key, `${path}.key`),
    aliases: readArray(value.aliases, `${path}.aliases`, LIMITS.aliases).map((alias, i) => readPaperKey(alias, `${path}.aliases[${i}]`)),
    title: readString(value.title, `${path}.title`, LIMITS.title),
    saved: value.saved,
    status: status as ReadingStatus | null,
    tags: readArray(value.tags, `${path}.tags`, LIMITS.tags).map((tag, i) => readString(tag, `${path}.tags[${i}]`, LIMITS.tag)),
    metrics: readCount(value.metrics, `${path}.metrics`),
    code: readCount(value.code, `${path}.code`),
  };
}

/**
 * The report in `raw`, checked field by field (it comes from our content script, but through a page the popup
 * does not control); undefined for anything that is not one. Fields this version does not know are ignored.
 */
export function readPageReport(raw: unknown): PageReport | undefined {
  if (!isRecord(raw) || raw.ok !== true) return undefined;
  try {
    if (typeof raw.settled !== 'boolean') throw new ShapeError('settled: expected true or false');
    return {
      adapter: readString(raw.adapter, 'adapter', LIMITS.site),
      url: readString(raw.url, 'url', 4096),
      settled: raw.settled,
      cards: readArray(raw.cards, 'cards', MAX_CARDS).map((card, i) => readCard(card, `cards[${i}]`)),
    };
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

/** The tab the popup was opened over (the active tab of its window), when it is a web page. */
async function activeWebTab(api: Api): Promise<number | undefined> {
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
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
      const tabId = await activeWebTab(api).catch(() => undefined);
      if (tabId === undefined) return null;
      const answer = await withTimeout(api.tabs.sendMessage(tabId, { type: 'pageReport' }), ANSWER_TIMEOUT_MS).catch(() => undefined);
      const report = readPageReport(answer);
      if (!report) return null;
      reported = tabId;
      return report;
    },
    async saveCard(key) {
      if (reported === undefined) throw new Error(NOT_ON_PAGE);
      const answer = await api.tabs.sendMessage(reported, { type: 'saveCard', key }).catch(() => undefined);
      return readSaveCardReply(answer);
    },
  };
}
