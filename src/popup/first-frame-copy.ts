// The popup's own copy of what its first frame draws (shared/first-frame-url.ts FirstFrameData), kept in the
// extension origin's `localStorage`, which a page reads synchronously: the entry draws its first rows from it in
// its first task, with no database to wait on, when the copy's label is the version in the page's own URL.
//
// Why such a copy is the library as committed. The background gives the toolbar button the page `#v=<id>` only
// once no write is in progress, with an id made anew after every write that changed the library, and sets the
// button back to the plain page, awaited, before any write's transaction begins (background/first-frame-url.ts).
// A popup opened at `#v=X` therefore opened after the state X names was committed, and reads the database after
// that: what it reads is state X, or a later one if a write began meanwhile. It labels what it read X. If a write
// did begin, the button carries the plain page and then a new id, never X again (ids never repeat), so a copy
// labelled X holding that later state is never drawn: only a popup opened at `#v=X` draws a copy labelled X, and
// every such popup opened before that write began, when state X was the library.
//
// The copy must not outlive the library it shows (after a clear or a replace): a popup whose URL names a version
// other than the copy's writes its own read over it (an empty library as such), and a first page that cannot be
// read removes it. A page opened at the plain URL (a tab, a popup during a write) leaves it alone: no URL the
// button will carry names its label unless it is still right.
//
// The copy is written only by our own pages, yet read as data from storage: its shape is checked, cheaply (no
// validation library in the entry's chunk), and anything else is no copy. Its text goes into the frame as text
// nodes and attribute values, never as markup (first-frame.ts).
import { METRIC_KINDS } from '../core/metric-types';
import { READING_STATUSES } from '../core/paper';
import { FIRST_FRAME_ROWS, FIRST_PAGE_SIZE, type FirstFrameData } from '../shared/first-frame-url';

/** The `localStorage` key of the copy. */
export const FIRST_FRAME_COPY_KEY = 'paperlight:first-frame';

/** What is stored: the version the copy was read under, and the first frame's data. */
interface StoredCopy extends FirstFrameData {
  version: string;
}

/** The part of `Storage` the copy uses (a map in tests). */
export type CopyStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Longest copy read: far above what 11 real rows take, far below what could cost the page to parse. */
const MAX_COPY_CHARS = 200_000;

const isString = (value: unknown): value is string => typeof value === 'string';
const isStrings = (value: unknown): boolean => Array.isArray(value) && value.every(isString);
const isStatus = (value: unknown): boolean => (READING_STATUSES as readonly unknown[]).includes(value);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isLink = (value: unknown): boolean => isString(value) && /^https?:\/\//.test(value);

function isMetric(value: unknown): boolean {
  return isRecord(value) && isString(value.text) && (METRIC_KINDS as readonly unknown[]).includes(value.kind) &&
    typeof value.value === 'number' && isString(value.unit) && isString(value.label);
}

function isRow(value: unknown): boolean {
  return isRecord(value) && isString(value.key) && isString(value.title) && isStrings(value.authors) && isString(value.site) &&
    typeof value.savedAt === 'number' && Number.isFinite(value.savedAt) && isStatus(value.status) && isStrings(value.tags) &&
    Array.isArray(value.metrics) && value.metrics.every(isMetric) &&
    Array.isArray(value.codeLinks) && value.codeLinks.every(isLink) && isString(value.venue);
}

/** True when `value` has the shape `keepFirstFrameCopy` writes, with rows for the whole frame, each as listed. */
function isCopy(value: unknown): value is StoredCopy {
  if (!isRecord(value) || !isString(value.version) || !Array.isArray(value.listed) || !Array.isArray(value.rows)) return false;
  const { total, listed, rows } = value;
  return Number.isSafeInteger(total) && (total as number) >= listed.length && listed.length <= FIRST_PAGE_SIZE &&
    listed.every((paper) => isRecord(paper) && isStatus(paper.status) && isString(paper.site)) &&
    rows.length === Math.min(FIRST_FRAME_ROWS, listed.length) &&
    rows.every((row, i) => isRow(row) && row.status === listed[i].status && row.site === listed[i].site);
}

function readCopy(storage: CopyStorage): StoredCopy | null {
  try {
    const text = storage.getItem(FIRST_FRAME_COPY_KEY);
    if (text === null || text.length > MAX_COPY_CHARS) return null;
    const value: unknown = JSON.parse(text);
    return isCopy(value) ? value : null;
  } catch {
    return null; // storage refused, or not JSON: no copy
  }
}

/**
 * The copy to draw the first frame from for a page opened at `version` (null: a plain URL): only a well-formed
 * copy labelled `version`, else null (the page reads the database).
 */
export function firstFrameCopy(storage: CopyStorage, version: string | null): FirstFrameData | null {
  if (version === null) return null;
  const copy = readCopy(storage);
  return copy?.version === version ? { total: copy.total, listed: copy.listed, rows: copy.rows } : null;
}

/**
 * Keeps the copy after the page opened at `version` has read the first page from the database (`data`; null when
 * it could not be read): labelled `version`, unless it is already (the page drew from it); removed when there is
 * nothing to keep; left alone on a plain URL.
 */
export function keepFirstFrameCopy(storage: CopyStorage, version: string | null, data: FirstFrameData | null, drewFromCopy: boolean): void {
  if (version === null || drewFromCopy) return;
  try {
    if (data === null) storage.removeItem(FIRST_FRAME_COPY_KEY);
    else storage.setItem(FIRST_FRAME_COPY_KEY, JSON.stringify({ version, total: data.total, listed: data.listed, rows: data.rows }));
  } catch (error) {
    // Storage full or refused: the next popup reads the database, as without a copy.
    console.warn('[Paperlight] the first frame\'s copy:', error);
    try { storage.removeItem(FIRST_FRAME_COPY_KEY); } catch { /* nothing more to do */ }
  }
}
