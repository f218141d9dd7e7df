// The search snapshot: what the popup needs of every saved paper to search the library and list it (all but the
// abstract and the record's bookkeeping), kept ready by the background beside the papers. The popup reads it
// straight from the database and decodes it in a few milliseconds, where the whole library (abstracts and all)
// takes seconds to cross from the background; the whole records follow, and replace it, once search answers.
//
// Stored as columns, not rows: per field, every paper's value joined into one string; a list field (authors,
// tags, aliases, code links, and each field of the metrics) as every paper's items one after the other, with how
// many each paper has. A handful of long strings is what IndexedDB clones out fastest and what `split` cuts up
// fastest: a 10,000-paper snapshot as one JSON text took about twice as long to read and several times as long
// to parse. The separator is a control character; a column in which some value holds it (page text is
// untrusted) is stored as an array of values instead, which the reader takes as it is.
// Numbers (dates, counts, metric values) are typed arrays, which a structured clone copies as one block of bytes
// rather than number by number. Fields with few distinct values (status, site, a metric's kind, unit and label)
// are stored once per distinct value with each item's index into them: a few bytes per item to copy out, and no
// string per item to cut out and collect again, where the 30,000 metrics of 10,000 papers made most of both.
// Each paper's last field is its searchable words (shared/search-words.ts), cut and folded by the background,
// so the popup can answer a search by scanning them as soon as the snapshot is decoded.
import { METRIC_KINDS, type MetricKind } from '../core/metric-types';
import { READING_STATUSES, type RecordedMetric, type SavedPaper, type Venue } from '../core/paper';
import { searchableWords } from './search-words';
import { LazyLists, NONE, SnapshotPaper, type Whole } from './snapshot-papers';

/** A saved paper as the snapshot gives it: everything the list, its sorts and filters, and the search's first pass read. */
export type PaperSummary = Pick<
  SavedPaper,
  'key' | 'aliases' | 'title' | 'url' | 'authors' | 'tags' | 'status' | 'note' | 'site' | 'savedAt' | 'metrics' | 'codeLinks' | 'venues'
>;

/** True when `paper` is the whole record (a summary has no abstract). */
export function isWholeRecord(paper: PaperSummary): paper is SavedPaper {
  return typeof (paper as Partial<SavedPaper>).abstract === 'string';
}

export const SNAPSHOT_FORMAT = 3;

type MetricRow = [text: string, kind: MetricKind, value: number, unit: string, label: string];
/** One paper's row: how the background patches a snapshot (rows in, columns out). */
export type SnapshotRow = [
  key: string, aliases: string[], title: string, url: string, authors: string[], tags: string[], status: string, note: string,
  site: string, savedAt: number, metrics: MetricRow[], codeLinks: string[], venues: Venue[], words: string,
];

/** Between the values of a column. */
const SEPARATOR = '\u001e';

/** `values` in the narrowest of the `Whole` types that holds every one of them. */
export function wholeNumbers(values: ArrayLike<number>): Whole {
  let largest = 0;
  for (let i = 0; i < values.length; i++) largest = Math.max(largest, values[i]!);
  const type = largest < 0x100 ? Uint8Array : largest < 0x10000 ? Uint16Array : Uint32Array;
  return type.from(values);
}

/** Every value joined, or the values themselves when one holds the separator. */
type TextColumn = string | string[];
/**
 * Per paper, a list: how many items each paper has, and every paper's items one after the other (a flat column
 * is cut in one `split`, where a column of lists would need one per paper).
 */
interface ListColumn {
  counts: Whole;
  items: TextColumn;
}
/** A field with few distinct values: each distinct value once, and per item the index of its value. */
interface ChoiceColumn {
  values: TextColumn;
  at: Whole;
}
/** Per paper, its metrics: how many each has, then each field of every metric, one after the other. */
interface MetricColumn {
  counts: Whole;
  texts: TextColumn;
  /** Per metric, its kind's index in `METRIC_KINDS`. */
  kinds: Uint8Array;
  values: Float64Array;
  units: ChoiceColumn;
  labels: ChoiceColumn;
}

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
  /** Per paper, its status's index in `READING_STATUSES`. */
  statuses: Uint8Array;
  notes: TextColumn;
  sites: ChoiceColumn;
  savedAt: Float64Array;
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

const textColumn = (values: string[]): TextColumn => (values.some((value) => value.includes(SEPARATOR)) ? values : values.join(SEPARATOR));

const listColumn = (lists: string[][]): ListColumn => ({ counts: wholeNumbers(lists.map((list) => list.length)), items: textColumn(lists.flat()) });

function choiceColumn(items: readonly string[]): ChoiceColumn {
  const indexOf = new Map<string, number>();
  const at = wholeNumbers(items.map((item) => {
    let index = indexOf.get(item);
    if (index === undefined) indexOf.set(item, (index = indexOf.size));
    return index;
  }));
  return { values: textColumn([...indexOf.keys()]), at };
}

/** Indexes of `values` in `choices`, which holds every one of them. */
const indexesIn = (choices: readonly string[], values: readonly string[]) => Uint8Array.from(values, (value) => choices.indexOf(value));

function metricColumn(lists: MetricRow[][]): MetricColumn {
  const metrics = lists.flat();
  return {
    counts: wholeNumbers(lists.map((list) => list.length)),
    texts: textColumn(metrics.map((metric) => metric[0])),
    kinds: indexesIn(METRIC_KINDS, metrics.map((metric) => metric[1])),
    values: Float64Array.from(metrics, (metric) => metric[2]),
    units: choiceColumn(metrics.map((metric) => metric[3])),
    labels: choiceColumn(metrics.map((metric) => metric[4])),
  };
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
    statuses: indexesIn(READING_STATUSES, column(6)),
    notes: textColumn(column(7)),
    sites: choiceColumn(column(8)),
    savedAt: Float64Array.from(column(9)),
    metrics: metricColumn(column(10)),
    codeLinks: listColumn(column(11)),
    venues,
    words: textColumn(column(13)),
  };
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);
/** `value` is a typed array of that kind (`instanceof` would miss one made in another realm). */
const isTyped = <T>(kind: { readonly name: string }, value: unknown): value is T =>
  ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === `[object ${kind.name}]`;

/** A column's values, or null when it is not a column of `count` of them. */
function readTexts(column: unknown, count: number): string[] | null {
  const values = isString(column) ? (count === 0 ? [] : column.split(SEPARATOR)) : isStrings(column) ? column : null;
  return values && values.length === count ? values : null;
}

/** `count` indexes (one byte each), each below `choices`, or null. */
function readIndexes(column: unknown, count: number, choices: number): Uint8Array | null {
  if (!isTyped<Uint8Array>(Uint8Array, column) || column.length !== count) return null;
  for (let i = 0; i < count; i++) if (column[i]! >= choices) return null;
  return column;
}

/**
 * `count` whole numbers (of any `Whole` type: snapshots stored before the narrowest type was chosen hold four bytes
 * each), or null.
 */
function readWhole(column: unknown, count: number): Whole | null {
  const whole = isTyped<Whole>(Uint8Array, column) || isTyped<Whole>(Uint16Array, column) || isTyped<Whole>(Uint32Array, column);
  return whole && (column as Whole).length === count ? (column as Whole) : null;
}

/** A choice column checked: its distinct values, and per item the index of its value (each one below their count). */
function readChoiceColumn(column: unknown, count: number): { values: string[]; at: Whole } | null {
  if (typeof column !== 'object' || column === null) return null;
  const { values, at } = column as Partial<Record<keyof ChoiceColumn, unknown>>;
  const indexes = readWhole(at, count);
  if (!indexes) return null;
  let distinct = 0;
  for (let i = 0; i < count; i++) distinct = Math.max(distinct, indexes[i]! + 1);
  // Every index is below `distinct`, and there must be exactly that many values.
  const choices = readTexts(values, distinct);
  return choices && { values: choices, at: indexes };
}

/** A choice column's values, one per item (the same string wherever the value repeats), or null. */
function readChoices(column: unknown, count: number): string[] | null {
  const choices = readChoiceColumn(column, count);
  if (!choices) return null;
  const items: string[] = new Array(count);
  for (let i = 0; i < count; i++) items[i] = choices.values[choices.at[i]!]!;
  return items;
}

function total(counts: Whole): number {
  let sum = 0;
  for (let i = 0; i < counts.length; i++) sum += counts[i]!;
  return sum;
}

/**
 * The items of a text column of `count` values, split only when first asked for; null when the column does not
 * hold exactly that many (counted here, without splitting it).
 */
function lazyTexts(column: unknown, count: number): (() => readonly string[]) | null {
  if (isStrings(column)) return column.length === count ? () => column : null;
  if (!isString(column)) return null;
  if (count === 0) return () => NONE;
  let values = 1;
  for (let at = column.indexOf(SEPARATOR); at !== -1; at = column.indexOf(SEPARATOR, at + 1)) values++;
  if (values !== count) return null;
  let split: string[] | null = null;
  return () => (split ??= column.split(SEPARATOR));
}

/** A list column checked whole; each paper's list is made when first read. */
function readLists(column: unknown, count: number): LazyLists<string> | null {
  if (typeof column !== 'object' || column === null) return null;
  const counts = readWhole((column as ListColumn).counts, count);
  const items = counts && lazyTexts((column as ListColumn).items, total(counts));
  return counts && items ? new LazyLists(counts, (at) => items()[at]!) : null;
}

/** The metrics column checked whole; each paper's metrics are made, straight from the columns, when first read. */
function readMetrics(column: unknown, count: number): LazyLists<RecordedMetric> | null {
  if (typeof column !== 'object' || column === null) return null;
  const fields = column as Partial<Record<keyof MetricColumn, unknown>>;
  const counts = readWhole(fields.counts, count);
  if (!counts) return null;
  const n = total(counts);
  const texts = lazyTexts(fields.texts, n);
  const kinds = readIndexes(fields.kinds, n, METRIC_KINDS.length);
  const units = readChoiceColumn(fields.units, n);
  const labels = readChoiceColumn(fields.labels, n);
  const { values } = fields;
  if (!texts || !kinds || !units || !labels || !isTyped<Float64Array>(Float64Array, values) || values.length !== n) return null;
  return new LazyLists(counts, (at) => ({
    text: texts()[at]!, kind: METRIC_KINDS[kinds[at]!]!, value: values[at]!,
    unit: units.values[units.at[at]!]!, label: labels.values[labels.at[at]!]!,
  }));
}

function isVenue(value: unknown): value is Venue {
  if (typeof value !== 'object' || value === null) return false;
  const venue = value as Record<string, unknown>;
  return isString(venue.name) && typeof venue.year === 'number' && isString(venue.url) && isString(venue.key)
    && (venue.decision === undefined || isString(venue.decision));
}

function readVenues(column: unknown, count: number): Venue[][] | null {
  if (!Array.isArray(column)) return null;
  const venues: Venue[][] = new Array(count).fill(NONE);
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

/** Whether stored columns are of the format this code writes and reads (a cheap check, before any decoding). */
export function isSnapshotFormat(stored: unknown): boolean {
  return typeof stored === 'object' && stored !== null && (stored as { format?: unknown }).format === SNAPSHOT_FORMAT;
}

/**
 * The summaries in a stored snapshot, or null when it is not one this code can read (another format, or damaged):
 * the caller then reads the whole records instead. Every value is checked, so a summary has its type's shape.
 */
export function decodeSnapshot(stored: unknown): Snapshot | null {
  if (!isSnapshotFormat(stored)) return null;
  const columns = stored as Partial<Record<keyof SnapshotColumns, unknown>>;
  const { count, savedAt } = columns;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return null;
  if (!isTyped<Float64Array>(Float64Array, savedAt) || savedAt.length !== count) return null;
  const keys = readTexts(columns.keys, count);
  const titles = readTexts(columns.titles, count);
  const urls = readTexts(columns.urls, count);
  const statuses = readIndexes(columns.statuses, count, READING_STATUSES.length);
  const notes = readTexts(columns.notes, count);
  const sites = readChoices(columns.sites, count);
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
  const lists = { aliases, authors, tags, metrics, codeLinks };
  const papers: PaperSummary[] = new Array(count);
  for (let i = 0; i < count; i++) {
    papers[i] = new SnapshotPaper({
      key: keys[i]!, title: titles[i]!, url: urls[i]!, status: READING_STATUSES[statuses[i]!]!, note: notes[i]!,
      site: sites[i]!, savedAt: savedAt[i]!, venues: venues[i]!,
    }, lists, i);
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
