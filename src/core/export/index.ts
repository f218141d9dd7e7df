// Every export format behind one registry, for the popup: pick a format, serialise the papers (the whole
// library or the current selection), and name the file after the day and the scope. Pure: the popup turns
// the text into a download.
import { BACKUP_EXTENSION, BACKUP_MIME_TYPE, serialiseBackup } from '../backup';
import type { SavedPaper } from '../paper';
import { toBibtex } from './bibtex';
import { toCsv } from './csv';
import { toMarkdown, type MarkdownGrouping } from './markdown';
import { toRis } from './ris';

export { toBibtex, escapeLatex } from './bibtex';
export { toCsv, csvCell, CSV_HEADER } from './csv';
export { toMarkdown, escapeMarkdown, type MarkdownGrouping } from './markdown';
export { toRis } from './ris';
export { citationKeys, baseCitationKey } from './cite-keys';
export { serialiseBackup, parseBackup } from '../backup';

export type ExportFormatId = 'markdown' | 'bibtex' | 'csv' | 'ris' | 'json';

export interface ExportOptions {
  /** The moment of the export: dates the file name, the Markdown header and the backup. Default: now. */
  now?: Date;
  /** Markdown: one section per tag (default) or per reading status. */
  groupBy?: MarkdownGrouping;
  /** CSV: begin with a byte-order mark so that Excel reads UTF-8. */
  bom?: boolean;
}

export interface ExportFormat {
  id: ExportFormatId;
  /** What the popup shows. */
  label: string;
  /** Without the dot. */
  extension: string;
  mimeType: string;
  serialize(papers: readonly SavedPaper[], options?: ExportOptions): string;
}

/** `YYYY-MM-DD` of the user's own calendar day. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  {
    id: 'markdown',
    label: 'Markdown reading list',
    extension: 'md',
    mimeType: 'text/markdown;charset=utf-8',
    serialize: (papers, options = {}) =>
      toMarkdown(papers, { groupBy: options.groupBy, date: localDay(options.now ?? new Date()) }),
  },
  {
    id: 'bibtex',
    label: 'BibTeX',
    extension: 'bib',
    mimeType: 'application/x-bibtex;charset=utf-8',
    serialize: (papers) => toBibtex(papers),
  },
  {
    id: 'csv',
    label: 'CSV (spreadsheet)',
    extension: 'csv',
    mimeType: 'text/csv;charset=utf-8',
    serialize: (papers, options = {}) => toCsv(papers, { bom: options.bom }),
  },
  {
    id: 'ris',
    label: 'RIS (Zotero, EndNote, Mendeley)',
    extension: 'ris',
    mimeType: 'application/x-research-info-systems',
    serialize: (papers) => toRis(papers),
  },
  {
    id: 'json',
    label: 'JSON backup',
    extension: BACKUP_EXTENSION,
    mimeType: BACKUP_MIME_TYPE,
    serialize: (papers, options = {}) => serialiseBackup(papers, options.now ?? new Date()),
  },
];

export function exportFormat(id: ExportFormatId): ExportFormat {
  const format = EXPORT_FORMATS.find((f) => f.id === id);
  if (!format) throw new Error(`Unknown export format: ${String(id)}`);
  return format;
}

const MAX_SCOPE_LENGTH = 40;

/** A scope as a file-name part: lower-case ASCII letters, digits and single hyphens (`Tag: Vision` → `tag-vision`). */
function scopeSlug(scope: string): string {
  return scope
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SCOPE_LENGTH)
    .replace(/^-+|-+$/g, '');
}

/**
 * `paperlight-2026-11-23.bib` for the whole library, `paperlight-selection-2026-11-23.md` for a scope: safe on
 * every file system (no separators, no reserved characters, short), dated with the user's calendar day.
 */
export function exportFileName(format: ExportFormat | ExportFormatId, date: Date, scope?: string): string {
  const { extension } = typeof format === 'string' ? exportFormat(format) : format;
  const slug = scope === undefined || scope === 'library' ? '' : scopeSlug(scope);
  return ['paperlight', slug, localDay(date)].filter(Boolean).join('-') + `.${extension}`;
}

export interface ExportFile {
  fileName: string;
  mimeType: string;
  text: string;
}

/** One call for the popup: the file for `papers` in format `id` (scope names a selection or filter). */
export function exportPapers(
  id: ExportFormatId,
  papers: readonly SavedPaper[],
  options: ExportOptions & { scope?: string } = {},
): ExportFile {
  const format = exportFormat(id);
  const now = options.now ?? new Date();
  return {
    fileName: exportFileName(format, now, options.scope),
    mimeType: format.mimeType,
    text: format.serialize(papers, { ...options, now }),
  };
}
