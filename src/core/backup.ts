// The JSON backup of the library. Pure: strings in, data out.
//
// A backup file is `{ "format": "paperlight-backup", "version": 1, "exportedAt": ISO date, "papers": [...] }`
// with each paper written field by field in one fixed order, so the same library always gives the same text.
// Reading is strict: unknown fields, wrong types, oversized values, duplicate keys or keys such as `__proto__`
// reject the whole file with a message that says where the problem is; nothing is half-read.
import type { SavedPaper } from './paper';
import { canonicalPaper, readSavedPaper } from './paper-record';
import { ShapeError, quote, readArray, readObject, readString } from './validate';

export const BACKUP_FORMAT = 'paperlight-backup';
export const BACKUP_VERSION = 1;
export const BACKUP_MIME_TYPE = 'application/json';
export const BACKUP_EXTENSION = 'json';
/** Larger than any real library (10,000 papers with long abstracts make about 25 MB) yet far from exhausting memory. */
export const MAX_BACKUP_CHARS = 40 * 1024 * 1024;
export const MAX_BACKUP_PAPERS = 100_000;
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601 time of the export. */
  exportedAt: string;
  papers: SavedPaper[];
}

/** The backup text of `papers` (indented one space per level: readable, and diffable line by line). */
export function serialiseBackup(papers: readonly SavedPaper[], exportedAt: Date): string {
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: exportedAt.toISOString(),
    papers: papers.map(canonicalPaper),
  };
  return JSON.stringify(backup, null, 1);
}

export type BackupResult = { ok: true; backup: Backup } | { ok: false; error: string };

function megabytes(chars: number): string {
  return `${(chars / 1024 / 1024).toFixed(1)} MB`;
}

/** What a file of `size` characters (or bytes) too many is told. */
export function tooLargeMessage(size: number): string {
  return `This file is too large to be a Paperlight backup (${megabytes(size)}; the limit is ${megabytes(MAX_BACKUP_CHARS)}).`;
}

/** A file above this many bytes cannot hold a backup's characters (UTF-8 takes at most 3 bytes for each). */
export const MAX_BACKUP_BYTES = MAX_BACKUP_CHARS * 3;

/**
 * A backup file whose text parsed and whose header passed its checks; its papers are still as the file has
 * them, to be read one by one with `BackupReader` (an import writes each as soon as it is read).
 */
export interface OpenedBackup {
  exportedAt: string;
  papers: readonly unknown[];
}

export type OpenResult = { ok: true; backup: OpenedBackup } | { ok: false; error: string };

/** What a file that failed a check is told. */
function refusal(error: ShapeError): string {
  return `This backup cannot be imported: ${error.message}.`;
}

/** Parses a backup file's text and checks all but its papers. Never throws. */
export function openBackup(text: unknown): OpenResult {
  if (typeof text !== 'string') return { ok: false, error: 'The backup must be the text of a JSON file.' };
  if (text.length > MAX_BACKUP_CHARS) {
    return { ok: false, error: tooLargeMessage(text.length) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `This file is not valid JSON (${(error as Error).message.slice(0, 120)}).` };
  }
  try {
    return { ok: true, backup: readHeader(json) };
  } catch (error) {
    if (error instanceof ShapeError) return { ok: false, error: refusal(error) };
    throw error;
  }
}

/** Reads an opened backup's papers in order; each key may appear once. */
export class BackupReader {
  private readonly seen = new Set<string>();

  /** The checked paper at `index`; throws `BackupError` (with the message for the user) if it fails a check. */
  read(item: unknown, index: number): SavedPaper {
    try {
      const paper = readSavedPaper(item, `papers[${index}]`);
      if (this.seen.has(paper.key)) throw new ShapeError(`papers[${index}].key: ${quote(paper.key)} appears twice`);
      this.seen.add(paper.key);
      return paper;
    } catch (error) {
      if (error instanceof ShapeError) throw new BackupError(refusal(error));
      throw error;
    }
  }
}

/** A backup file failed a check; `message` says what and where, for the user. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** Reads a backup file's text. Never throws; on any problem, says what and where, and returns no papers. */
export function parseBackup(text: unknown): BackupResult {
  const opened = openBackup(text);
  if (!opened.ok) return opened;
  const reader = new BackupReader();
  try {
    const papers = opened.backup.papers.map((item, i) => reader.read(item, i));
    return { ok: true, backup: { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: opened.backup.exportedAt, papers } };
  } catch (error) {
    if (error instanceof BackupError) return { ok: false, error: error.message };
    throw error;
  }
}

function readHeader(json: unknown): OpenedBackup {
  if (typeof json !== 'object' || json === null || Array.isArray(json) || (json as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new ShapeError(`it is not a Paperlight backup (no "format": "${BACKUP_FORMAT}")`);
  }
  const raw = readObject(json, 'file', ['format', 'version', 'exportedAt', 'papers']);
  if (typeof raw.version === 'number' && Number.isInteger(raw.version) && raw.version > BACKUP_VERSION) {
    throw new ShapeError(`it was made by a newer Paperlight (format version ${raw.version}); update Paperlight, then import it`);
  }
  if (raw.version !== BACKUP_VERSION) throw new ShapeError(`file.version: expected ${BACKUP_VERSION}`);
  const exportedAt = readString(raw.exportedAt, 'file.exportedAt', 40);
  if (Number.isNaN(Date.parse(exportedAt))) throw new ShapeError('file.exportedAt: expected an ISO date');
  return { exportedAt, papers: readArray(raw.papers, 'papers', MAX_BACKUP_PAPERS) };
}
