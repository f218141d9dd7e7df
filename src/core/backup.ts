// The JSON backup of the reading list, and the checks every stored record passes. Pure: strings in, data out.
//
// A backup file is `{ "format": "paperlight-backup", "version": 1, "exportedAt": ISO date, "papers": [...] }`
// with each paper written field by field in one fixed order, so the same library always gives the same text.
// Reading is strict: unknown fields, wrong types, oversized values, duplicate keys or keys such as `__proto__`
// reject the whole file with a message that says where the problem is; nothing is half-read.
import type { MetricKind } from './metric-types';
import { METRIC_KINDS } from './metric-types';
import { READING_STATUSES, type RecordedMetric, type ReadingStatus, type SavedPaper } from './paper';

export const BACKUP_FORMAT = 'paperlight-backup';
export const BACKUP_VERSION = 1;
export const BACKUP_MIME_TYPE = 'application/json';
export const BACKUP_EXTENSION = 'json';
/** Larger than any real library (10,000 papers with long abstracts make about 25 MB) yet far from exhausting memory. */
export const MAX_BACKUP_CHARS = 40 * 1024 * 1024;
export const MAX_BACKUP_PAPERS = 100_000;

/** Bounds on every field of a record. Generous for real papers; they exist to refuse abuse, not to trim data. */
export const LIMITS = {
  key: 2048,
  url: 4096,
  title: 2000,
  abstract: 100_000,
  note: 100_000,
  published: 100,
  site: 100,
  author: 1000,
  authors: 5000,
  aliases: 50,
  metrics: 1000,
  metricText: 500,
  metricUnit: 100,
  metricLabel: 500,
  codeLinks: 100,
  tag: 100,
  tags: 256,
  seenUrls: 20,
} as const;

/** Latest representable date in JavaScript (epoch ms); anything larger is not a time. */
const MAX_TIMESTAMP = 8.64e15;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const PAPER_KEY = /^[a-z][a-z0-9]*:\S+$/;

/** A value has the wrong shape; `message` names the place (`papers[3].tags[0]`) and what was expected. */
export class ShapeError extends Error {
  override name = 'ShapeError';
}

function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** A plain object whose own keys are all in `allowed` (keys that could reach a prototype are refused by name). */
export function readObject(value: unknown, path: string, allowed: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ShapeError(`${path}: expected an object`);
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw new ShapeError(`${path}: expected a plain object`);
  // for…in stops at the first bad key, so an object with a million keys costs nothing more.
  for (const key in value) {
    if (FORBIDDEN_KEYS.has(key)) throw new ShapeError(`${path}: the key ${quote(key)} is not allowed`);
    if (!allowed.includes(key)) throw new ShapeError(`${path}: unknown field ${quote(key)}`);
  }
  return value as Record<string, unknown>;
}

export function readString(value: unknown, path: string, max: number, options: { empty?: boolean } = {}): string {
  if (typeof value !== 'string') throw new ShapeError(`${path}: expected a string`);
  if (value.length > max) {
    throw new ShapeError(`${path}: too long (${value.length} characters; at most ${max})`);
  }
  if (options.empty === false && value.trim() === '') throw new ShapeError(`${path}: must not be empty`);
  return value;
}

export function readArray(value: unknown, path: string, max: number): unknown[] {
  if (!Array.isArray(value)) throw new ShapeError(`${path}: expected a list`);
  if (value.length > max) throw new ShapeError(`${path}: too many entries (${value.length}; at most ${max})`);
  return value;
}

export function readStrings(value: unknown, path: string, maxItems: number, maxLength: number): string[] {
  return readArray(value, path, maxItems).map((item, i) => readString(item, `${path}[${i}]`, maxLength));
}

export function readBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new ShapeError(`${path}: expected true or false`);
  return value;
}

export function readInteger(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ShapeError(`${path}: expected a whole number from ${min} to ${max}`);
  }
  return value;
}

export function readTimestamp(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_TIMESTAMP) {
    throw new ShapeError(`${path}: expected a time in milliseconds since 1970`);
  }
  return value;
}

export function readChoice<T extends string>(value: unknown, path: string, choices: readonly T[]): T {
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw new ShapeError(`${path}: expected one of ${choices.join(', ')}`);
  }
  return value as T;
}

export function readPaperKey(value: unknown, path: string): string {
  const key = readString(value, path, LIMITS.key);
  if (!PAPER_KEY.test(key)) throw new ShapeError(`${path}: ${quote(key)} is not a paper key such as "arxiv:2412.01234"`);
  return key;
}

const HTTP_SCHEME = /^https?:\/\//;

/** An absolute http(s) URL: anything else (`javascript:`, `data:`) must never become a link in our pages. */
export function readHttpUrl(value: unknown, path: string): string {
  const text = readString(value, path, LIMITS.url);
  // A link that starts with a lower-case http(s) scheme only has to parse; `URL.canParse` tells that without
  // building the URL (a backup of 10,000 papers holds some 25,000 links).
  if (HTTP_SCHEME.test(text) && typeof URL.canParse === 'function') {
    if (URL.canParse(text)) return text;
    throw new ShapeError(`${path}: ${quote(text)} is not a URL`);
  }
  let protocol: string;
  try {
    protocol = new URL(text).protocol;
  } catch {
    throw new ShapeError(`${path}: ${quote(text)} is not a URL`);
  }
  if (protocol !== 'https:' && protocol !== 'http:') throw new ShapeError(`${path}: only http and https links are kept`);
  return text;
}

export function readHttpUrls(value: unknown, path: string, max: number): string[] {
  return readArray(value, path, max).map((item, i) => readHttpUrl(item, `${path}[${i}]`));
}

/** A tag as typed, tidied: Unicode-normalised, control characters and runs of white space made one space, trimmed. */
export function cleanTag(text: string): string {
  return text.normalize('NFC').replace(/[\s\p{Cc}]+/gu, ' ').trim();
}

/** What makes two tags the same tag: they differ only in letter case (or spacing). */
export function tagId(text: string): string {
  return cleanTag(text).toLowerCase();
}

/** Clean tags, without empties and without case-insensitive duplicates (the first spelling wins). */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = cleanTag(raw);
    const id = tag.toLowerCase();
    if (tag && !seen.has(id)) {
      seen.add(id);
      out.push(tag);
    }
  }
  return out;
}

export function readTags(value: unknown, path: string, max: number = LIMITS.tags): string[] {
  return normaliseTags(readStrings(value, path, max, LIMITS.tag));
}

const METRIC_FIELDS = ['text', 'kind', 'value', 'unit', 'label'] as const;

/** One recorded metric; `extraFields` may name fields to accept and drop (the extractor's offsets). */
export function readMetric(value: unknown, path: string, extraFields: readonly string[] = []): RecordedMetric {
  const raw = readObject(value, path, [...METRIC_FIELDS, ...extraFields]);
  if (typeof raw.value !== 'number' || !Number.isFinite(raw.value)) {
    throw new ShapeError(`${path}.value: expected a finite number`);
  }
  return {
    text: readString(raw.text, `${path}.text`, LIMITS.metricText),
    kind: readChoice<MetricKind>(raw.kind, `${path}.kind`, METRIC_KINDS),
    value: raw.value,
    unit: readString(raw.unit, `${path}.unit`, LIMITS.metricUnit),
    label: readString(raw.label, `${path}.label`, LIMITS.metricLabel),
  };
}

export const PAPER_FIELDS = [
  'key', 'aliases', 'title', 'url', 'authors', 'abstract', 'published', 'metrics', 'codeLinks', 'site',
  'tags', 'status', 'note', 'savedAt', 'updatedAt', 'seenUrls',
] as const;

/** A complete stored record, checked field by field; the result is a fresh object in canonical field order. */
export function readSavedPaper(value: unknown, path: string): SavedPaper {
  const raw = readObject(value, path, PAPER_FIELDS);
  // Built once, in canonical field order (an import reads 10,000 of these).
  return {
    key: readPaperKey(raw.key, `${path}.key`),
    aliases: readArray(raw.aliases, `${path}.aliases`, LIMITS.aliases).map((a, i) => readPaperKey(a, `${path}.aliases[${i}]`)),
    title: readString(raw.title, `${path}.title`, LIMITS.title),
    url: readHttpUrl(raw.url, `${path}.url`),
    authors: readStrings(raw.authors, `${path}.authors`, LIMITS.authors, LIMITS.author),
    abstract: readString(raw.abstract, `${path}.abstract`, LIMITS.abstract),
    ...(raw.published !== undefined && { published: readString(raw.published, `${path}.published`, LIMITS.published) }),
    metrics: readArray(raw.metrics, `${path}.metrics`, LIMITS.metrics).map((m, i) => readMetric(m, `${path}.metrics[${i}]`)),
    codeLinks: readHttpUrls(raw.codeLinks, `${path}.codeLinks`, LIMITS.codeLinks),
    site: readString(raw.site, `${path}.site`, LIMITS.site),
    tags: readTags(raw.tags, `${path}.tags`),
    status: readChoice<ReadingStatus>(raw.status, `${path}.status`, READING_STATUSES),
    note: readString(raw.note, `${path}.note`, LIMITS.note),
    savedAt: readTimestamp(raw.savedAt, `${path}.savedAt`),
    updatedAt: readTimestamp(raw.updatedAt, `${path}.updatedAt`),
    seenUrls: readHttpUrls(raw.seenUrls, `${path}.seenUrls`, LIMITS.seenUrls),
  };
}

/** The record with its fields in the one order backups use (and nothing else: internal fields are dropped). */
export function canonicalPaper(paper: SavedPaper): SavedPaper {
  return {
    key: paper.key,
    aliases: paper.aliases,
    title: paper.title,
    url: paper.url,
    authors: paper.authors,
    abstract: paper.abstract,
    // Absent, not `undefined`, when unknown: JSON text and deep equality then agree.
    ...(paper.published !== undefined && { published: paper.published }),
    metrics: paper.metrics.map((m) => ({ text: m.text, kind: m.kind, value: m.value, unit: m.unit, label: m.label })),
    codeLinks: paper.codeLinks,
    site: paper.site,
    tags: paper.tags,
    status: paper.status,
    note: paper.note,
    savedAt: paper.savedAt,
    updatedAt: paper.updatedAt,
    seenUrls: paper.seenUrls,
  };
}

/** True when two records hold the same data (field order and internal fields aside). */
export function samePaper(a: SavedPaper, b: SavedPaper): boolean {
  return JSON.stringify(canonicalPaper(a)) === JSON.stringify(canonicalPaper(b));
}

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
