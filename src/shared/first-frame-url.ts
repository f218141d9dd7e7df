// The popup's first frame carried in the toolbar popup's own URL. The background sets the page the toolbar button
// opens (`action.setPopup`) to the popup's page with, in its fragment, what the first frame draws of the default
// view's first page: the first rows' display fields, each listed paper's status and site (the header's filter
// counts, the list's length) and the library's size. The popup's entry reads `location.hash` synchronously and
// draws its first rows with no storage to wait on (popup/start.ts); the background keeps the URL right or plain
// around every write (background/first-frame-url.ts).
//
// The fragment is page data coming back in: it is checked field by field (a fragment that is not exactly what
// `firstFrameFragment` writes is no fragment, and the popup reads the database), and the frame puts its text in as
// text nodes and attribute values, never as markup (popup/first-frame.ts).
import { METRIC_KINDS, type MetricKind } from '../core/metric-types';
import { READING_STATUSES, shownVenue, type RecordedMetric, type ReadingStatus, type SavedPaper } from '../core/paper';
import { readArray, readChoice, readHttpUrls, readInteger, readString, readStrings, readTimestamp } from '../core/validate';

/**
 * Papers in the popup's first page (popup/first-page.ts), of which the fragment keeps each one's status and site:
 * more than the popup shows at once, few enough to read in milliseconds.
 */
export const FIRST_PAGE_SIZE = 50;

/**
 * Rows carried: the most any first frame draws (a tab's: the rows in the list's first guess of its height plus the
 * overscan below them, popup/first-frame.ts; the toolbar popup draws 7). A fragment with fewer rows than the frame
 * about to be drawn needs is not used.
 */
export const FIRST_FRAME_ROWS = 11;

/**
 * The popup's page (the manifest's `action.default_popup`), from the extension's root: Firefox resolves a path
 * without the leading slash against the page that calls `setPopup`, Chromium against the root either way.
 */
export const POPUP_PAGE = '/src/popup/index.html';

/** Starts every fragment this version writes; any other fragment is no first frame. */
const FORMAT_PREFIX = 'f1.';

/** What a row of the first frame shows of a paper: `venue` is the name of the venue the row shows, '' for none. */
export interface FrameRow {
  key: string;
  title: string;
  authors: readonly string[];
  site: string;
  savedAt: number;
  status: ReadingStatus;
  tags: readonly string[];
  metrics: readonly RecordedMetric[];
  codeLinks: readonly string[];
  venue: string;
}

/** What the first frame reads of the first page. */
export interface FirstFrameData {
  /** Papers in the library. */
  total: number;
  /** Each paper of the first page, newest first: its status and site (the header's filter counts, the list's length). */
  listed: ReadonlyArray<{ status: ReadingStatus; site: string }>;
  /** The first page's first papers, as many as the frame draws or more. */
  rows: readonly FrameRow[];
}

export function frameRowOf(paper: Pick<SavedPaper, keyof Omit<FrameRow, 'venue'> | 'venues'>): FrameRow {
  const { key, title, authors, site, savedAt, status, tags, metrics, codeLinks, venues } = paper;
  return { key, title, authors, site, savedAt, status, tags, metrics, codeLinks, venue: shownVenue(venues)?.name ?? '' };
}

type MetricTuple = [text: string, kind: MetricKind, value: number, unit: string, label: string];
type RowTuple = [
  key: string, title: string, authors: readonly string[], site: number, savedAt: number, status: number, tags: readonly string[],
  metrics: MetricTuple[], codeLinks: readonly string[], venue: string,
];
/** The fragment's content: arrays rather than objects (no field names repeated per row), sites named once. */
type Payload = [total: number, sites: string[], listed: number[], rows: RowTuple[]];

/** UTF-8 text as base64url: compact in a URL (JSON's quotes and brackets would each take three characters). */
function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/**
 * The fragment (without `#`) for `page`, the default view's first page (newest first, at most FIRST_PAGE_SIZE
 * papers, as `query` answers it) and the library's size.
 */
export function firstFrameFragment(page: { items: readonly SavedPaper[]; total: number }): string {
  const sites: string[] = [];
  const siteIndex = (site: string) => {
    const at = sites.indexOf(site);
    return at >= 0 ? at : sites.push(site) - 1;
  };
  const items = page.items.slice(0, FIRST_PAGE_SIZE);
  const listed = items.flatMap((paper) => [READING_STATUSES.indexOf(paper.status), siteIndex(paper.site)]);
  const rows = items.slice(0, FIRST_FRAME_ROWS).map((paper): RowTuple => {
    const row = frameRowOf(paper);
    return [
      row.key, row.title, row.authors, siteIndex(row.site), row.savedAt, READING_STATUSES.indexOf(row.status), row.tags,
      row.metrics.map((m): MetricTuple => [m.text, m.kind, m.value, m.unit, m.label]), row.codeLinks, row.venue,
    ];
  });
  const payload: Payload = [page.total, sites, listed, rows];
  return FORMAT_PREFIX + toBase64Url(JSON.stringify(payload));
}

/** The page the toolbar button opens for `page`: the popup with its first frame in the fragment. */
export function popupUrlOf(page: { items: readonly SavedPaper[]; total: number }): string {
  return `${POPUP_PAGE}#${firstFrameFragment(page)}`;
}

/** Longest fragment read: far above what 11 real rows take, far below what could cost the page to decode. */
const MAX_FRAGMENT = 200_000;
const FRAGMENT = /^#f1\.[A-Za-z0-9_-]+$/;

// Bounds as the stored record's (core/paper-record.ts LIMITS), repeated here so the popup's entry does not load
// the whole record's checks.
const BOUND = { key: 2048, title: 2000, site: 100, author: 1000, authors: 5000, tag: 100, tags: 256, metrics: 1000,
  metricText: 500, metricUnit: 100, metricLabel: 500, codeLinks: 100, venueName: 200 } as const;
const PAPER_KEY = /^[a-z][a-z0-9]*:\S+$/;

function readMetricTuple(value: unknown, path: string): RecordedMetric {
  const [text, kind, metricValue, unit, label, ...extra] = readArray(value, path, 5);
  if (extra.length > 0 || typeof metricValue !== 'number' || !Number.isFinite(metricValue)) throw new Error(`${path}: not a metric`);
  return {
    text: readString(text, `${path}.text`, BOUND.metricText),
    kind: readChoice<MetricKind>(kind, `${path}.kind`, METRIC_KINDS),
    value: metricValue,
    unit: readString(unit, `${path}.unit`, BOUND.metricUnit),
    label: readString(label, `${path}.label`, BOUND.metricLabel),
  };
}

function readRow(value: unknown, path: string, sites: readonly string[]): FrameRow {
  const fields = readArray(value, path, 10);
  if (fields.length !== 10) throw new Error(`${path}: not a row`);
  const [key, title, authors, site, savedAt, status, tags, metrics, codeLinks, venue] = fields;
  const row: FrameRow = {
    key: readString(key, `${path}.key`, BOUND.key),
    title: readString(title, `${path}.title`, BOUND.title),
    authors: readStrings(authors, `${path}.authors`, BOUND.authors, BOUND.author),
    site: sites[readInteger(site, `${path}.site`, 0, sites.length - 1)]!,
    savedAt: readTimestamp(savedAt, `${path}.savedAt`),
    status: READING_STATUSES[readInteger(status, `${path}.status`, 0, READING_STATUSES.length - 1)]!,
    tags: readStrings(tags, `${path}.tags`, BOUND.tags, BOUND.tag),
    metrics: readArray(metrics, `${path}.metrics`, BOUND.metrics).map((m, i) => readMetricTuple(m, `${path}.metrics[${i}]`)),
    codeLinks: readHttpUrls(codeLinks, `${path}.codeLinks`, BOUND.codeLinks),
    venue: readString(venue, `${path}.venue`, BOUND.venueName),
  };
  if (!PAPER_KEY.test(row.key)) throw new Error(`${path}.key: not a paper key`);
  return row;
}

function readPayload(value: unknown): FirstFrameData {
  const fields = readArray(value, 'fragment', 4);
  if (fields.length !== 4) throw new Error('fragment: not a first frame');
  const [total, sitesValue, listedValue, rowsValue] = fields;
  const sites = readStrings(sitesValue, 'sites', FIRST_PAGE_SIZE, BOUND.site);
  if (sites.some((site) => site === '') || new Set(sites).size !== sites.length) throw new Error('sites: empty or repeated');
  const flat = readArray(listedValue, 'listed', 2 * FIRST_PAGE_SIZE);
  if (flat.length % 2 !== 0) throw new Error('listed: not pairs');
  const listed: Array<{ status: ReadingStatus; site: string }> = [];
  for (let i = 0; i < flat.length; i += 2) {
    listed.push({
      status: READING_STATUSES[readInteger(flat[i], `listed[${i}]`, 0, READING_STATUSES.length - 1)]!,
      site: sites[readInteger(flat[i + 1], `listed[${i + 1}]`, 0, sites.length - 1)]!,
    });
  }
  const rows = readArray(rowsValue, 'rows', FIRST_FRAME_ROWS).map((row, i) => readRow(row, `rows[${i}]`, sites));
  const library = readInteger(total, 'total', listed.length, Number.MAX_SAFE_INTEGER);
  // Exactly the page the background writes: every row listed, in its place, and rows for the whole frame.
  if (rows.length !== Math.min(FIRST_FRAME_ROWS, listed.length)) throw new Error('rows: not the first page\'s');
  if (rows.some((row, i) => row.status !== listed[i]!.status || row.site !== listed[i]!.site)) throw new Error('rows: not as listed');
  if (listed.length < Math.min(FIRST_PAGE_SIZE, library)) throw new Error('listed: fewer than the first page');
  return { total: library, listed, rows };
}

/**
 * The first frame carried in `hash` (`location.hash`), or null when there is none or it is not exactly what this
 * version writes: anything else in the URL is treated as no fragment, and the popup reads the database.
 */
export function firstFrameFromHash(hash: string): FirstFrameData | null {
  if (hash.length > MAX_FRAGMENT || !FRAGMENT.test(hash)) return null;
  try {
    return readPayload(JSON.parse(fromBase64Url(hash.slice(1 + FORMAT_PREFIX.length))));
  } catch {
    return null;
  }
}

/** True when `url` (a page the toolbar button opens, as `action.getPopup` tells it) carries a first frame. */
export function carriesFirstFrame(url: string): boolean {
  const at = url.indexOf('#');
  return at >= 0 && url.length - at <= MAX_FRAGMENT && FRAGMENT.test(url.slice(at));
}

