// The search snapshot: what the popup needs of every saved paper to search the library and list it (all but the
// abstract and the record's bookkeeping), as one compact text the background keeps ready. The popup reads it in
// one short request and parses it in a few milliseconds, where the whole library (abstracts and all) takes
// seconds to cross from the background; the whole records follow, and replace it, once search already answers.
//
// The text is JSON: `{ "format": 1, "rows": [...] }`, one array per paper (fields in the order of `encodeRow`),
// metrics as arrays too: a parser builds arrays of plain values faster than objects with named fields. Each row
// ends with the paper's searchable words (shared/search-words.ts), cut and folded by the background, so the popup
// can answer a search by scanning them as soon as the text is parsed.
import { METRIC_KINDS, type MetricKind } from '../core/metric-types';
import { READING_STATUSES, type RecordedMetric, type SavedPaper, type Venue } from '../core/paper';
import { searchableWords } from './search-words';

/** A saved paper as the snapshot gives it: everything the list, its sorts and filters, and the search's first pass read. */
export type PaperSummary = Pick<
  SavedPaper,
  'key' | 'aliases' | 'title' | 'url' | 'authors' | 'tags' | 'status' | 'note' | 'site' | 'savedAt' | 'metrics' | 'codeLinks' | 'venues'
>;

/** True when `paper` is the whole record (a summary has no abstract). */
export function isWholeRecord(paper: PaperSummary): paper is SavedPaper {
  return typeof (paper as Partial<SavedPaper>).abstract === 'string';
}

export const SNAPSHOT_FORMAT = 1;

type MetricRow = [text: string, kind: MetricKind, value: number, unit: string, label: string];
/** One paper's row in the text. */
export type SnapshotRow = [
  key: string, aliases: string[], title: string, url: string, authors: string[], tags: string[], status: string, note: string,
  site: string, savedAt: number, metrics: MetricRow[], codeLinks: string[], venues: Venue[], words: string,
];

/** A paper's row (whole record or summary: only the summary's fields are kept), its words cut here. */
export function snapshotRow(paper: PaperSummary): SnapshotRow {
  return [
    paper.key, paper.aliases, paper.title, paper.url, paper.authors, paper.tags, paper.status, paper.note, paper.site,
    paper.savedAt, paper.metrics.map((m) => [m.text, m.kind, m.value, m.unit, m.label]), paper.codeLinks, paper.venues,
    searchableWords(paper),
  ];
}

/** The snapshot text of `papers` (whole records or summaries: only the summary's fields are kept). */
export function encodeSnapshot(papers: Iterable<PaperSummary>): string {
  const rows: SnapshotRow[] = [];
  for (const paper of papers) rows.push(snapshotRow(paper));
  return snapshotText(rows);
}

export function snapshotText(rows: readonly SnapshotRow[]): string {
  return JSON.stringify({ format: SNAPSHOT_FORMAT, rows });
}

/**
 * The rows of a text this code wrote, unchecked (the background patches its own texts row by row), or null for
 * another format or a damaged text.
 */
export function snapshotRows(text: string): SnapshotRow[] | null {
  let parsed: { format?: unknown; rows?: unknown };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    return null;
  }
  return parsed.format === SNAPSHOT_FORMAT && Array.isArray(parsed.rows) ? (parsed.rows as SnapshotRow[]) : null;
}

const STATUSES = new Set<string>(READING_STATUSES);
const KINDS = new Set<string>(METRIC_KINDS);
const isString = (value: unknown): value is string => typeof value === 'string';
const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);

function readMetric(value: unknown): RecordedMetric | null {
  if (!Array.isArray(value) || value.length !== 5) return null;
  const [text, kind, number, unit, label] = value as unknown[];
  if (!isString(text) || !isString(kind) || !KINDS.has(kind) || typeof number !== 'number' || !isString(unit) || !isString(label)) return null;
  return { text, kind: kind as MetricKind, value: number, unit, label };
}

function isVenue(value: unknown): value is Venue {
  if (typeof value !== 'object' || value === null) return false;
  const venue = value as Record<string, unknown>;
  return isString(venue.name) && typeof venue.year === 'number' && isString(venue.url) && isString(venue.key)
    && (venue.decision === undefined || isString(venue.decision));
}

function readRow(value: unknown): PaperSummary | null {
  if (!Array.isArray(value) || value.length !== 14) return null;
  const [key, aliases, title, url, authors, tags, status, note, site, savedAt, metricRows, codeLinks, venues, words] = value as unknown[];
  if (!isString(words)) return null;
  if (!isString(key) || !isStrings(aliases) || !isString(title) || !isString(url) || !isStrings(authors) || !isStrings(tags)) return null;
  if (!isString(status) || !STATUSES.has(status) || !isString(note) || !isString(site) || typeof savedAt !== 'number') return null;
  if (!Array.isArray(metricRows) || !isStrings(codeLinks) || !Array.isArray(venues) || !venues.every(isVenue)) return null;
  const metrics: RecordedMetric[] = [];
  for (const row of metricRows) {
    const metric = readMetric(row);
    if (!metric) return null;
    metrics.push(metric);
  }
  return { key, aliases, title, url, authors, tags, status: status as SavedPaper['status'], note, site, savedAt, metrics, codeLinks, venues };
}

/** A decoded snapshot: the summaries, and each one's searchable words (same order). */
export interface Snapshot {
  papers: PaperSummary[];
  words: string[];
}

/**
 * The summaries in a snapshot text, or null when it is not one this code can read (another format, or damaged):
 * the caller then reads the whole records instead. Every field is checked, so a summary has its type's shape.
 */
export function decodeSnapshot(text: string): Snapshot | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { format, rows } = parsed as { format?: unknown; rows?: unknown };
  if (format !== SNAPSHOT_FORMAT || !Array.isArray(rows)) return null;
  const papers: PaperSummary[] = [];
  const words: string[] = [];
  for (const row of rows) {
    const paper = readRow(row);
    if (!paper) return null;
    papers.push(paper);
    words.push((row as SnapshotRow)[13]);
  }
  return { papers, words };
}
