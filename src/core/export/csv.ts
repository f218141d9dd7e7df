// The papers as CSV for spreadsheets: RFC 4180 (CRLF after every record, a header row, fields with a comma,
// quote or line break quoted, quotes doubled), UTF-8 with an optional byte-order mark (Excel reads the file
// as UTF-8 only with one). Lists are joined with "; ".
//
// Formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and some also after a
// tab or carriage return) as a formula — `=cmd|' /C calc'!A0` in a title would. Such cells get a leading `'`,
// which spreadsheets show as text and do not evaluate.
import { describeMetric } from '../describe-metric';
import type { SavedPaper } from '../paper';
import { landingUrl, oneLine, paperDate, paperIds, publishedVersion, withoutControls, type PaperIds } from './paper-facts';

export interface CsvOptions {
  /** Start with U+FEFF so that Excel opens the file as UTF-8. */
  bom?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: neutralised against formulas, then quoted when RFC 4180 requires it. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const LIST = '; ';

/** Text that may span lines (notes, abstracts): control characters out, every line break CRLF as in the records. */
function multiline(text: string): string {
  return withoutControls(text).replace(/\r\n?|\n/g, '\r\n');
}

const COLUMNS: [header: string, value: (paper: SavedPaper, ids: PaperIds) => string][] = [
  ['title', (p) => oneLine(p.title)],
  ['authors', (p) => p.authors.map(oneLine).filter((a) => a !== '').join(LIST)],
  ['year', (p, ids) => paperDate(p, ids)?.year ?? ''],
  ['published', (p) => oneLine(p.published ?? '')],
  ['status', (p) => p.status],
  ['tags', (p) => p.tags.map(oneLine).join(LIST)],
  ['note', (p) => multiline(p.note)],
  ['url', (p, ids) => landingUrl(p, ids)],
  ['code', (p) => p.codeLinks.join(LIST)],
  ['metrics', (p) => p.metrics.map((m) => oneLine(describeMetric(m))).join(LIST)],
  ['arxiv', (_, ids) => ids.arxiv ?? ''],
  ['doi', (_, ids) => ids.doi ?? ''],
  ['acl', (_, ids) => ids.acl ?? ''],
  ['openreview', (_, ids) => ids.openreview ?? ''],
  ['key', (p) => p.key],
  ['site', (p) => p.site],
  ['saved_from', (p) => p.url],
  ['saved_at', (p) => new Date(p.savedAt).toISOString()],
  ['updated_at', (p) => new Date(p.updatedAt).toISOString()],
  ['abstract', (p) => multiline(p.abstract)],
  // Added after the first release: new columns go last, so spreadsheets reading columns by position still work.
  ['venue', (p) => oneLine(publishedVersion(p)?.name ?? '')],
  ['venue_url', (p) => publishedVersion(p)?.url ?? ''],
];

export const CSV_HEADER = COLUMNS.map(([header]) => header);

/** The papers as CSV, one row each in the order given. */
export function toCsv(papers: readonly SavedPaper[], options: CsvOptions = {}): string {
  const rows = [CSV_HEADER.join(',')];
  for (const paper of papers) {
    const ids = paperIds(paper);
    rows.push(COLUMNS.map(([, value]) => csvCell(value(paper, ids))).join(','));
  }
  return `${options.bom ? '\uFEFF' : ''}${rows.join('\r\n')}\r\n`;
}
