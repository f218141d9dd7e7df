// The page report: what a tab shows, for the extension's own pages (the popup's "On this page" line, tests).
// An extension page asks with `tabs.sendMessage(tabId, { type: 'pageReport' })`; the tab's content script
// answers only senders that are the extension's own pages, and a tab with no supported page does not answer.
// Field names are a contract: later additions extend the card and the report, never rename.
import { READING_STATUSES, type ReadingStatus, type SavedPaper } from '../core/paper';
import { LIMITS, MAX_KEY_LENGTH, readPaperKey, readTags } from '../core/paper-record';
import { ShapeError, readArray, readBoolean, readChoice, readInteger, readString } from '../core/validate';

export const PAGE_REPORT_REQUEST = 'pageReport';

export interface PageReportRequest {
  type: typeof PAGE_REPORT_REQUEST;
}

/** One card as the page shows it. */
export interface PageReportCard {
  /** The card's canonical key, as in its `data-paperlight-id`. */
  key: string;
  aliases: string[];
  title: string;
  saved: boolean;
  /** The reading status when saved, else null. */
  status: ReadingStatus | null;
  /** The paper's tags when saved, else []. */
  tags: string[];
  /**
   * When saved, the key of the record the card shows. The tab may have found it by title and authors alone, so that
   * none of the card's ids names it: the popup follows that record's later changes by this key.
   */
  paperKey?: string;
  /** How many metrics Paperlight found on the card (as `data-paperlight-metrics`). */
  metrics: number;
  /** How many code links it offers (as `data-paperlight-code`). */
  code: number;
  /**
   * The name of the published version the card shows ("NeurIPS 2024"): the saved paper's latest venue, else the
   * venue the page names for the card; null when neither is known.
   */
  venue: string | null;
  /**
   * Triage (sent by the content script; `readPageReport` leaves them out, as the popup does not show them): the
   * local day (`YYYY-MM-DD`) the paper was first seen when that is an earlier day than today, else null; hidden or
   * dimmed by Paperlight, whatever the cause (a rule, the filter strip, seen-dimming, the `x` key).
   */
  seen?: string | null;
  hidden?: boolean;
  dimmed?: boolean;
}

/**
 * `ok`: cards recognised; `empty`: the adapter knows this page has no papers (a search without results, a login
 * wall, a captcha); `no-cards`: a page the adapter claims shows none, so the site's layout may have changed (the
 * warning case; while `healthPending` is set beside it, its cards may still come and nothing warns yet).
 */
export type PageHealth = 'ok' | 'empty' | 'no-cards';
export const PAGE_HEALTH: readonly PageHealth[] = ['ok', 'empty', 'no-cards'];

/**
 * How long a page with no card is taken to be still rendering them, from when Paperlight started on it. Framework
 * pages render their cards once their data came: the slow pages of the browser tests add them 3 s after load
 * (test/e2e/popup-late-cards.e2e.test.ts), and a second more. Not longer: a page whose layout really changed must
 * still warn while the reader looks at it (before this wait it warned ~1.2 s after load, and a check that waits
 * five seconds for the "!" should see it). It stays under the 10 s the popup keeps asking a tab whose page shows
 * no card (src/popup/controller.ts), so that a popup opened with the page still sees the verdict.
 */
export const SETTLE_MS = 4000;

/** How many elements each of the adapter's selectors matched on the page (-1: the selector did not parse). */
export interface SelectorCount {
  name: string;
  selector: string;
  count: number;
}

export interface PageReport {
  ok: true;
  /** The id of the site adapter that reads the page. */
  adapter: string;
  url: string;
  /** True once the first pass over the page's cards has finished and their saved state is known. */
  settled: boolean;
  /** In page order. */
  cards: PageReportCard[];
  health: PageHealth;
  /**
   * With `no-cards`: Paperlight started on the page less than SETTLE_MS ago, so its cards may still come (a late
   * search answer, a framework hydrating); the badge and the popup do not warn yet.
   */
  healthPending?: true;
  /** With `empty`: what the page says ("no results", "captcha"). */
  emptyReason?: string;
  /** With `no-cards`: what each of the adapter's selectors matched, for the "copy diagnostic" button. */
  selectors?: SelectorCount[];
  /**
   * Sent by the content script, only when there is any (`readPageReport` leaves it out): Paperlight's hosts the
   * page kept taking out, which are no longer put back (src/content/put-back.ts): the keys of the cards whose
   * toolbar stays out, of the first cards of the runs hidden by a rule whose "N hidden" line stays out, and
   * whether the page layer (tooltip, filter strip, keyboard help) does.
   */
  leftOut?: { toolbars: string[]; stubs: string[]; pageLayer: boolean };
}

/** Sent by a content script to the background once its page has settled, and when its count of cards changes. */
export interface PageStatus {
  cards: number;
  health: PageHealth;
  /** As in PageReport. */
  healthPending?: true;
}

/** The page's health from what its adapter found: cards, or the page's own reason for having none. */
export function pageHealth(cards: number, emptyReason: string | undefined, claimsPages: boolean): PageHealth {
  if (cards > 0) return 'ok';
  // The generic fallback claims no URL: a page it reads may well have no list of papers.
  return emptyReason !== undefined || !claimsPages ? 'empty' : 'no-cards';
}

export function isPageReportRequest(message: unknown): message is PageReportRequest {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === PAGE_REPORT_REQUEST;
}

/**
 * Saves one card of the page as its Save button does (the popup's "On this page" list), from the extension's own
 * pages only. `key` is the card's key or one of its aliases. The reply carries the saved record.
 */
export interface SaveCardRequest {
  type: 'saveCard';
  key: string;
}

export type SaveCardReply = { ok: true; paper: SavedPaper } | { ok: false; error: string };

/**
 * The request if `message` is one. The key is only looked up among the page's cards (an unknown one finds no
 * card), and what is saved is the card's own data, checked by the background like any save.
 */
export function readSaveCardRequest(message: unknown): SaveCardRequest | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, key } = message as { type?: unknown; key?: unknown };
  return type === 'saveCard' && typeof key === 'string' && key.length <= MAX_KEY_LENGTH ? { type, key } : undefined;
}

/** More cards than any listing shows; a longer report is refused. */
const MAX_CARDS = 20_000;

function readCount(value: unknown, path: string): number {
  return readInteger(value, path, 0, LIMITS.metrics + LIMITS.codeLinks);
}

/**
 * A report as a content script sent it, checked field by field (a reply is still a message from a page's tab);
 * fields this version does not know are left out. Throws ShapeError on anything malformed.
 */
export function readPageReport(value: unknown): PageReport {
  if (typeof value !== 'object' || value === null) throw new ShapeError('report: expected an object');
  const raw = value as Record<string, unknown>;
  if (raw.ok !== true) throw new ShapeError('report.ok: expected true');
  const report = readReportBody(raw);
  report.health = raw.health === undefined
    ? pageHealth(report.cards.length, undefined, true)
    : readChoice(raw.health, 'report.health', PAGE_HEALTH);
  if (raw.healthPending === true && report.health === 'no-cards') report.healthPending = true;
  if (raw.emptyReason !== undefined) report.emptyReason = readString(raw.emptyReason, 'report.emptyReason', 200);
  if (raw.selectors !== undefined) {
    report.selectors = readArray(raw.selectors, 'report.selectors', 50).map((item, i) => {
      const path = `report.selectors[${i}]`;
      if (typeof item !== 'object' || item === null) throw new ShapeError(`${path}: expected an object`);
      const entry = item as Record<string, unknown>;
      return {
        name: readString(entry.name, `${path}.name`, 100),
        selector: readString(entry.selector, `${path}.selector`, 1000),
        count: readInteger(entry.count, `${path}.count`, -1, 10_000_000),
      };
    });
  }
  return report;
}

function readReportBody(raw: Record<string, unknown>): PageReport {
  return {
    health: 'ok',
    ok: true,
    adapter: readString(raw.adapter, 'report.adapter', LIMITS.site),
    url: readString(raw.url, 'report.url', LIMITS.url),
    settled: readBoolean(raw.settled, 'report.settled'),
    cards: readArray(raw.cards, 'report.cards', MAX_CARDS).map((item, i) => {
      const path = `report.cards[${i}]`;
      if (typeof item !== 'object' || item === null) throw new ShapeError(`${path}: expected an object`);
      const card = item as Record<string, unknown>;
      const saved = readBoolean(card.saved, `${path}.saved`);
      return {
        key: readPaperKey(card.key, `${path}.key`),
        aliases: readArray(card.aliases, `${path}.aliases`, LIMITS.aliases).map((a, j) => readPaperKey(a, `${path}.aliases[${j}]`)),
        title: readString(card.title, `${path}.title`, LIMITS.title),
        saved,
        status: saved ? readChoice(card.status, `${path}.status`, READING_STATUSES) : null,
        tags: saved ? readTags(card.tags, `${path}.tags`) : [],
        ...(saved && card.paperKey !== undefined && { paperKey: readPaperKey(card.paperKey, `${path}.paperKey`) }),
        metrics: readCount(card.metrics, `${path}.metrics`),
        code: readCount(card.code, `${path}.code`),
        // A report from a content script older than venues has none; a name is at most a record's venue name.
        venue: card.venue === undefined || card.venue === null ? null : readString(card.venue, `${path}.venue`, LIMITS.venueName),
      };
    }),
  };
}
