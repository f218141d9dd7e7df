// The search snapshot: what the popup needs of every saved paper to search the library and list it (all but the
// abstract and the record's bookkeeping), kept ready by the background beside the papers. The popup reads it
// straight from the database and decodes it in a few milliseconds, where the whole library (abstracts and all)
// takes seconds to cross from the background; the whole records follow, and replace it, once search answers.
//
// Stored as columns, not rows: per field, every paper's value joined into one string (lists and metrics with
// separators of their own), numbers as one array. A handful of long strings is what IndexedDB clones out
// fastest and what `split` cuts up fastest: a 10,000-paper snapshot as one JSON text took about twice as long
// to read and several times as long to parse. Separators are control characters; a column in which some value
// holds one (page text is untrusted) is stored as an array of values instead, which the reader takes as it is.
// Each paper's last field is its searchable words (shared/search-words.ts), cut and folded by the background,
// so the popup can answer a search by scanning them as soon as the snapshot is decoded.
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

export const SNAPSHOT_FORMAT = 2;

type MetricRow = [text: string, kind: MetricKind, value: number, unit: string, label: string];
/** One paper's row: how the background patches a snapshot (rows in, columns out). */
export type SnapshotRow = [
  key: string, aliases: string[], title: string, url: string, authors: string[], tags: string[], status: string, note: string,
  site: string, savedAt: number, metrics: MetricRow[], codeLinks: string[], venues: Venue[], words: string,
];

/** Between the papers of a column. */
const PAPER = '\u001e';
/** Between the items of one paper's list, and between the fields of one metric. */
const ITEM = '\u001f';
/** Between one paper's metrics. */
const METRIC = '\u001d';
// eslint-disable-next-line no-control-regex -- the separators are control characters on purpose
const SEPARATOR = /[\u001d-\u001f]/;

/** Every paper's value joined, or the values themselves when one holds a separator. */
type TextColumn = string | string[];
/** Every paper's list, items joined, or the lists themselves when an item holds a separator or is empty. */
type ListColumn = string | string[][];
type MetricColumn = string | MetricRow[][];

/** The snapshot as stored: one entry per field, each paper at the same index of every column. */
export interface SnapshotColumns {
  format: typeof SNAPSHOT_FORMAT;
  count: number;
  keys: TextColumn;
  aliases: ListColumn;
  titles: TextColumn;
  urls: TextColumn;
  authors: ListColumn;
  tags: ListColumn;
  statuses: TextColumn;
  notes: TextColumn;
  sites: TextColumn;
  savedAt: number[];
  metrics: MetricColumn;
  codeLinks: ListColumn;
  /** Only the papers that have venues (few do): the paper's index and its venues. */
  venues: Array<[index: number, venues: Venue[]]>;
  words: TextColumn;
}

/** A paper's row (whole record or summary: only the summary's fields are kept), its words cut here. */
export function snapshotRow(paper: PaperSummary): SnapshotRow {
  return [
    paper.key, paper.aliases, paper.title, paper.url, paper.authors, paper.tags, paper.status, paper.note, paper.site,
    paper.savedAt, paper.metrics.map((m) => [m.text, m.kind, m.value, m.unit, m.label]), paper.codeLinks, paper.venues,
    searchableWords(paper),
  ];
}

/** The snapshot of `papers` (whole records or summaries: only the summary's fields are kept). */
export function encodeSnapshot(papers: Iterable<PaperSummary>): SnapshotColumns {
  const rows: SnapshotRow[] = [];
  for (const paper of papers) rows.push(snapshotRow(paper));
  return snapshotColumns(rows);
}

const textColumn = (values: string[]): TextColumn => (values.some((value) => SEPARATOR.test(value)) ? values : values.join(PAPER));

function listColumn(lists: string[][]): ListColumn {
  const plain = lists.every((list) => list.every((item) => item !== '' && !SEPARATOR.test(item)));
  return plain ? lists.map((list) => list.join(ITEM)).join(PAPER) : lists;
}

function metricColumn(metrics: MetricRow[][]): MetricColumn {
  const plain = metrics.every((list) => list.every(([text, , , unit, label]) => !SEPARATOR.test(text + unit + label)));
  return plain ? metrics.map((list) => list.map((metric) => metric.join(ITEM)).join(METRIC)).join(PAPER) : metrics;
}

/** The columns of `rows`, in their order. */
export function snapshotColumns(rows: readonly SnapshotRow[]): SnapshotColumns {
  const column = <I extends number>(i: I) => rows.map((row) => row[i]);
  const venues: SnapshotColumns['venues'] = [];
  rows.forEach((row, i) => row[12].length > 0 && venues.push([i, row[12]]));
  return {
    format: SNAPSHOT_FORMAT,
    count: rows.length,
    keys: textColumn(column(0)),
    aliases: listColumn(column(1)),
    titles: textColumn(column(2)),
    urls: textColumn(column(3)),
    authors: listColumn(column(4)),
    tags: listColumn(column(5)),
    statuses: textColumn(column(6)),
    notes: textColumn(column(7)),
    sites: textColumn(column(8)),
    savedAt: column(9),
    metrics: metricColumn(column(10)),
    codeLinks: listColumn(column(11)),
    venues,
    words: textColumn(column(13)),
  };
}

const STATUSES = new Set<string>(READING_STATUSES);
const KINDS = new Set<string>(METRIC_KINDS);
const isString = (value: unknown): value is string => typeof value === 'string';
const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);

/** A column's values, or null when it is not a column of `count` of them. */
function readTexts(column: unknown, count: number): string[] | null {
  const values = isString(column) ? (count === 0 ? [] : column.split(PAPER)) : isStrings(column) ? column : null;
  return values && values.length === count ? values : null;
}

function readLists(column: unknown, count: number): string[][] | null {
  if (Array.isArray(column)) return column.length === count && column.every(isStrings) ? (column as string[][]) : null;
  return readTexts(column, count)?.map((joined) => (joined === '' ? [] : joined.split(ITEM))) ?? null;
}

function readMetric(value: unknown): RecordedMetric | null {
  if (!Array.isArray(value) || value.length !== 5) return null;
  const [text, kind, number, unit, label] = value as unknown[];
  if (!isString(text) || !isString(kind) || !KINDS.has(kind) || typeof number !== 'number' || !isString(unit) || !isString(label)) return null;
  return { text, kind: kind as MetricKind, value: number, unit, label };
}

/** A metric's joined fields, its value back to a number (`String` and `Number` round-trip every double). */
function splitMetric(joined: string): unknown[] {
  const fields: unknown[] = joined.split(ITEM);
  const value = fields[2] as string | undefined;
  if (value !== undefined) fields[2] = value === 'NaN' || !Number.isNaN(Number(value)) ? Number(value) : null;
  return fields;
}

function readMetrics(column: unknown, count: number): RecordedMetric[][] | null {
  const lists = Array.isArray(column)
    ? (column.length === count && column.every(Array.isArray) ? (column as unknown[][]) : null)
    : readTexts(column, count)?.map((joined) => (joined === '' ? [] : joined.split(METRIC).map(splitMetric)));
  if (!lists) return null;
  const metrics: RecordedMetric[][] = [];
  for (const list of lists) {
    const read: RecordedMetric[] = [];
    for (const value of list) {
      const metric = readMetric(value);
      if (!metric) return null;
      read.push(metric);
    }
    metrics.push(read);
  }
  return metrics;
}

function isVenue(value: unknown): value is Venue {
  if (typeof value !== 'object' || value === null) return false;
  const venue = value as Record<string, unknown>;
  return isString(venue.name) && typeof venue.year === 'number' && isString(venue.url) && isString(venue.key)
    && (venue.decision === undefined || isString(venue.decision));
}

function readVenues(column: unknown, count: number): Venue[][] | null {
  if (!Array.isArray(column)) return null;
  const venues: Venue[][] = Array.from({ length: count }, () => []);
  for (const entry of column as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 2) return null;
    const [index, list] = entry as unknown[];
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= count) return null;
    if (!Array.isArray(list) || !list.every(isVenue)) return null;
    venues[index] = list;
  }
  return venues;
}

/** A decoded snapshot: the summaries, and each one's searchable words (same order). */
export interface Snapshot {
  papers: PaperSummary[];
  words: string[];
}

/**
 * The summaries in a stored snapshot, or null when it is not one this code can read (another format, or damaged):
 * the caller then reads the whole records instead. Every value is checked, so a summary has its type's shape.
 */
export function decodeSnapshot(stored: unknown): Snapshot | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const columns = stored as Partial<Record<keyof SnapshotColumns, unknown>>;
  const { count, savedAt } = columns;
  if (columns.format !== SNAPSHOT_FORMAT || typeof count !== 'number' || !Number.isInteger(count) || count < 0) return null;
  if (!Array.isArray(savedAt) || savedAt.length !== count || !savedAt.every((time) => typeof time === 'number')) return null;
  const keys = readTexts(columns.keys, count);
  const titles = readTexts(columns.titles, count);
  const urls = readTexts(columns.urls, count);
  const statuses = readTexts(columns.statuses, count);
  const notes = readTexts(columns.notes, count);
  const sites = readTexts(columns.sites, count);
  const words = readTexts(columns.words, count);
  const aliases = readLists(columns.aliases, count);
  const authors = readLists(columns.authors, count);
  const tags = readLists(columns.tags, count);
  const codeLinks = readLists(columns.codeLinks, count);
  const metrics = readMetrics(columns.metrics, count);
  const venues = readVenues(columns.venues, count);
  if (!keys || !titles || !urls || !statuses || !notes || !sites || !words || !aliases || !authors || !tags || !codeLinks || !metrics || !venues) {
    return null;
  }
  if (!statuses.every((status) => STATUSES.has(status))) return null;
  const papers: PaperSummary[] = new Array(count);
  for (let i = 0; i < count; i++) {
    papers[i] = {
      key: keys[i]!, aliases: aliases[i]!, title: titles[i]!, url: urls[i]!, authors: authors[i]!, tags: tags[i]!,
      status: statuses[i] as SavedPaper['status'], note: notes[i]!, site: sites[i]!, savedAt: savedAt[i] as number,
      metrics: metrics[i]!, codeLinks: codeLinks[i]!, venues: venues[i]!,
    };
  }
  return { papers, words };
}

/** The rows of a stored snapshot (for the background to patch), or null when it is not one this code can read. */
export function snapshotRows(stored: unknown): SnapshotRow[] | null {
  const snapshot = decodeSnapshot(stored);
  if (!snapshot) return null;
  return snapshot.papers.map((paper, i) => [
    paper.key, paper.aliases, paper.title, paper.url, paper.authors, paper.tags, paper.status, paper.note, paper.site,
    paper.savedAt, paper.metrics.map((m) => [m.text, m.kind, m.value, m.unit, m.label]), paper.codeLinks, paper.venues,
    snapshot.words[i]!, // cut when the paper was written: not cut again
  ]);
}
