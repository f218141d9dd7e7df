// The popup's first frame named by the toolbar popup's own URL. The background sets the page the toolbar button
// opens (`action.setPopup`) to the popup's page with a short version in its fragment, `#v=<id>`: an id made anew
// for each committed state of the library (background/first-frame-url.ts). The popup keeps its own copy of what
// the first frame draws in its `localStorage`, labelled with the version its URL carried when it read the database
// (popup/first-frame-copy.ts), and draws its first rows from that copy, with no storage to wait on, only when the
// copy's label is its URL's version. Why a copy so labelled is the library as committed: popup/first-frame-copy.ts.
import { shownVenue, type RecordedMetric, type ReadingStatus, type SavedPaper } from '../core/paper';

/**
 * Papers in the popup's first page (popup/first-page.ts), of which the copy keeps each one's status and site:
 * more than the popup shows at once, few enough to read in milliseconds.
 */
export const FIRST_PAGE_SIZE = 50;

/**
 * Rows kept: the most any first frame draws (a tab's: the rows in the list's first guess of its height plus the
 * overscan below them, popup/first-frame.ts; the toolbar popup draws 7).
 */
export const FIRST_FRAME_ROWS = 11;

/**
 * The popup's page (the manifest's `action.default_popup`), from the extension's root: Firefox resolves a path
 * without the leading slash against the page that calls `setPopup`, Chromium against the root either way.
 */
export const POPUP_PAGE = '/src/popup/index.html';

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

/** What the first frame reads of the default view's first page (newest first, as `query` answers it). */
export function firstFrameDataOf(page: { items: readonly SavedPaper[]; total: number }): FirstFrameData {
  const items = page.items.slice(0, FIRST_PAGE_SIZE);
  return {
    total: page.total,
    listed: items.map(({ status, site }) => ({ status, site })),
    rows: items.slice(0, FIRST_FRAME_ROWS).map(frameRowOf),
  };
}

/** A version as the background makes them: base36 digits and letters, short. */
const VERSION = /^[0-9a-z]{1,32}$/;
const FRAGMENT = /^#v=([0-9a-z]{1,32})$/;

/**
 * A new version id: the time in base36 and 64 random bits. Only uniqueness matters (a version must never name two
 * states of the library); the time keeps ids from two runs of the worker apart even if its random source repeated.
 */
export function newVersion(now = Date.now(), random: () => Uint32Array = () => crypto.getRandomValues(new Uint32Array(2))): string {
  const [high, low] = random();
  return `${now.toString(36)}${high!.toString(36).padStart(7, '0')}${low!.toString(36).padStart(7, '0')}`;
}

/** The page the toolbar button opens for the library's state named `version`. */
export function popupUrlOf(version: string): string {
  if (!VERSION.test(version)) throw new Error(`not a version: ${version}`);
  return `${POPUP_PAGE}#v=${version}`;
}

/** The version `hash` (`location.hash`) names, or null for a plain URL or any other fragment. */
export function versionOfHash(hash: string): string | null {
  return FRAGMENT.exec(hash)?.[1] ?? null;
}

/** True when `url` (a page the toolbar button opens, as `action.getPopup` tells it) names a version. */
export function carriesVersion(url: string): boolean {
  const at = url.indexOf('#');
  return at >= 0 && versionOfHash(url.slice(at)) !== null;
}
