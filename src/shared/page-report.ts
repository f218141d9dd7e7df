// The page report: what a tab shows, for the extension's own pages (the popup's "On this page" line, tests).
// An extension page asks with `tabs.sendMessage(tabId, { type: 'pageReport' })`; the tab's content script
// answers only senders that are the extension's own pages, and a tab with no supported page does not answer.
// Field names are a contract: later additions extend the card and the report, never rename.
import { READING_STATUSES, type ReadingStatus, type SavedPaper } from '../core/paper';
import { LIMITS, readPaperKey, readTags } from '../core/paper-record';
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
  /** How many metrics Paperlight found on the card (as `data-paperlight-metrics`). */
  metrics: number;
  /** How many code links it offers (as `data-paperlight-code`). */
  code: number;
  /**
   * Triage (sent by the content script; `readPageReport` leaves them out, as the popup does not show them): the
   * local day (`YYYY-MM-DD`) the paper was first seen when that is an earlier day than today, else null; hidden or
   * dimmed by Paperlight, whatever the cause (a rule, the filter strip, seen-dimming, the `x` key).
   */
  seen?: string | null;
  hidden?: boolean;
  dimmed?: boolean;
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
  return type === 'saveCard' && typeof key === 'string' && key.length <= LIMITS.key ? { type, key } : undefined;
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
  return {
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
        metrics: readCount(card.metrics, `${path}.metrics`),
        code: readCount(card.code, `${path}.code`),
      };
    }),
  };
}
