// The JSON backup of the library. Pure: strings in, data out.
//
// Version 2 (written): `{ "format": "paperlight-backup", "version": 2, "exportedAt": ISO time, "papers": [...],
// "trash": [...], "readingMemory": [...], "rules": [...] }`. Each paper is written field by field in one fixed
// order, so the same library always gives the same text; a Trash entry is a paper written the same way plus
// `removedAt`, an ISO 8601 time exact to the millisecond. A reading-memory entry is `{ key, firstSeen, lastSeen,
// site, aliases? }` with ISO 8601 times; a rule is `{ match, pattern, field, action }`. Every section after
// `exportedAt` is optional on import (a selection exported from the popup has papers only). Version 1 (read):
// `{ format, version: 1, exportedAt, papers }`, papers required, nothing else.
// Reading is strict: unknown fields, wrong types, oversized values, duplicate keys or keys such as `__proto__`
// reject the whole file with a message that says where the problem is; nothing is half-read. A rule whose pattern
// does not compile refuses the file too: the caller passes the engine's check (`checkRule`), which this pure
// module does not carry.
import type { SavedPaper, TrashedPaper } from './paper';
import { LIMITS, PAPER_FIELDS, canonicalPaper, readPaperKey, readSavedPaper } from './paper-record';
import { READING_MEMORY_LIMITS, type SeenEntry } from './reading-memory';
import { RULE_LIMITS, readRule, sameRule, type Rule } from './rules/rule';
import { ShapeError, quote, readArray, readObject, readString } from './validate';

export const BACKUP_FORMAT = 'paperlight-backup';
/** The version this Paperlight writes. */
export const BACKUP_VERSION = 2;
export const BACKUP_MIME_TYPE = 'application/json';
export const BACKUP_EXTENSION = 'json';
/**
 * Larger than any real library (10,000 papers with long abstracts make about 25 MB, a full reading memory of
 * 200,000 entries about 30 MB more) yet far from exhausting memory.
 */
export const MAX_BACKUP_CHARS = 64 * 1024 * 1024;
export const MAX_BACKUP_PAPERS = 100_000;

/**
 * The top-level fields each readable version may carry. A later section is added to version 2's list and read in
 * `readHeader`; a file of version 1 never has more than its four fields.
 */
const VERSION_FIELDS: Readonly<Record<number, readonly string[]>> = {
  1: ['format', 'version', 'exportedAt', 'papers'],
  2: ['format', 'version', 'exportedAt', 'papers', 'trash', 'readingMemory', 'rules'],
};

/** The sections of a backup besides its papers; each is optional, in a file and here. */
export interface BackupSections {
  /** The Trash, most recently removed first. */
  trash?: readonly TrashedPaper[];
  /** The reading memory (written in the order given). */
  readingMemory?: readonly BackupSeenEntry[];
  /** The hide, dim and highlight rules, in the user's order. */
  rules?: readonly Rule[];
}

/** Says why a rule's pattern cannot be used, or undefined when it compiles (src/core/rules/matcher.ts). */
export type RuleCheck = (rule: Rule) => string | undefined;

/**
 * A reading-memory entry as a backup carries it: its ids and sightings. The identity fields the background
 * keeps beside them (title fingerprint, family names) are not written: they are learned again the next time a
 * card with one of the entry's ids is seen.
 */
export type BackupSeenEntry = Pick<SeenEntry, 'key' | 'aliases' | 'firstSeen' | 'lastSeen' | 'site'>;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  /** The version of the file read (1 or 2). */
  version: number;
  /** ISO 8601 time of the export. */
  exportedAt: string;
  papers: SavedPaper[];
  /** Absent when the file has no Trash section (every version 1 file); so are the sections below. */
  trash?: TrashedPaper[];
  readingMemory?: BackupSeenEntry[];
  rules?: Rule[];
}

/** A Trash entry as a backup writes it: the paper's fields in their order, then `removedAt` as ISO 8601. */
function trashRecord(paper: TrashedPaper) {
  return { ...canonicalPaper(paper), removedAt: new Date(paper.removedAt).toISOString() };
}

/** A reading-memory entry as a backup writes it: times as ISO 8601, `aliases` only when there are any. */
function seenRecord(entry: BackupSeenEntry) {
  return {
    key: entry.key,
    firstSeen: new Date(entry.firstSeen).toISOString(),
    lastSeen: new Date(entry.lastSeen).toISOString(),
    site: entry.site,
    ...(entry.aliases.length > 0 && { aliases: entry.aliases }),
  };
}

function ruleRecord(rule: Rule): Rule {
  return { match: rule.match, pattern: rule.pattern, field: rule.field, action: rule.action };
}

/** The backup text of `papers` and any `sections` (indented one space per level: readable, and diffable line by line). */
export function serialiseBackup(papers: readonly SavedPaper[], exportedAt: Date, sections: BackupSections = {}): string {
  const backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: exportedAt.toISOString(),
    papers: papers.map(canonicalPaper),
    ...(sections.trash && { trash: sections.trash.map(trashRecord) }),
    ...(sections.readingMemory && { readingMemory: sections.readingMemory.map(seenRecord) }),
    ...(sections.rules && { rules: sections.rules.map(ruleRecord) }),
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
 * A backup file whose text parsed and whose header passed its checks; its records are still as the file has
 * them, to be read one by one with `BackupReader` (an import writes each as soon as it is read).
 */
export interface OpenedBackup {
  version: number;
  exportedAt: string;
  papers: readonly unknown[];
  /** Absent when the file has no Trash section; so is the reading memory without its section. */
  trash?: readonly unknown[];
  readingMemory?: readonly unknown[];
  /** The file's rules, already checked (each compiles), each once; absent without a rules section. */
  rules?: Rule[];
}

export type OpenResult = { ok: true; backup: OpenedBackup } | { ok: false; error: string };

/** What a file that failed a check is told. */
function refusal(error: ShapeError): string {
  return `This backup cannot be imported: ${error.message}.`;
}

/** Parses a backup file's text and checks all but its records (the rules are checked here). Never throws. */
export function openBackup(text: unknown, checkRule?: RuleCheck): OpenResult {
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
    return { ok: true, backup: readHeader(json, checkRule) };
  } catch (error) {
    if (error instanceof ShapeError) return { ok: false, error: refusal(error) };
    throw error;
  }
}

/** ISO 8601 with a date, a time and a zone, as `Date.prototype.toISOString` writes it (other offsets accepted). */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 time (the timestamps that version 2 added are written so) as epoch milliseconds. */
export function readIsoTime(value: unknown, path: string): number {
  const text = readString(value, path, 40);
  const time = ISO_TIME.test(text) ? Date.parse(text) : NaN;
  if (!Number.isFinite(time) || time < 0) throw new ShapeError(`${path}: expected an ISO 8601 time such as "2026-11-23T10:00:00.000Z"`);
  return time;
}

/** One Trash entry of a backup: a complete paper record plus `removedAt`. */
function readTrashedPaper(value: unknown, path: string): TrashedPaper {
  // The field list is made here rather than at import: a module-level spread is code the bundler keeps in every
  // content script that imports this module (for its size limits), where it is never used.
  const { removedAt, ...paper } = readObject(value, path, [...PAPER_FIELDS, 'removedAt']);
  return { ...readSavedPaper(paper, path), removedAt: readIsoTime(removedAt, `${path}.removedAt`) };
}

const SEEN_FIELDS = ['key', 'firstSeen', 'lastSeen', 'site', 'aliases'];

/** One reading-memory entry of a backup. */
function readSeenEntry(value: unknown, path: string): BackupSeenEntry {
  const raw = readObject(value, path, SEEN_FIELDS);
  const key = readPaperKey(raw.key, `${path}.key`);
  const aliases = raw.aliases === undefined ? [] : readArray(raw.aliases, `${path}.aliases`, READING_MEMORY_LIMITS.aliases)
    .map((alias, i) => readPaperKey(alias, `${path}.aliases[${i}]`))
    .filter((alias, i, all) => alias !== key && all.indexOf(alias) === i);
  const firstSeen = readIsoTime(raw.firstSeen, `${path}.firstSeen`);
  const lastSeen = readIsoTime(raw.lastSeen, `${path}.lastSeen`);
  if (lastSeen < firstSeen) throw new ShapeError(`${path}.lastSeen: earlier than firstSeen`);
  return { key, aliases, firstSeen, lastSeen, site: readString(raw.site, `${path}.site`, LIMITS.site, { empty: false }) };
}

/** The file's rules: each well formed and compiling (when `checkRule` is given), each kept once, in order. */
function readRules(value: unknown, checkRule: RuleCheck | undefined): Rule[] {
  const rules: Rule[] = [];
  readArray(value, 'rules', RULE_LIMITS.rules).forEach((item, i) => {
    const rule = readRule(item, `rules[${i}]`);
    const problem = checkRule?.(rule);
    if (problem !== undefined) throw new ShapeError(`rules[${i}].pattern ${quote(rule.pattern)}: ${problem.replace(/\.$/, '')}`);
    if (!rules.some((other) => sameRule(other, rule))) rules.push(rule);
  });
  return rules;
}

/** Reads an opened backup's records in order; each key may appear once in its section. */
export class BackupReader {
  private readonly seen = { papers: new Set<string>(), trash: new Set<string>(), readingMemory: new Set<string>() };

  /** The checked paper at `index`; throws `BackupError` (with the message for the user) if it fails a check. */
  read(item: unknown, index: number): SavedPaper {
    return this.checked('papers', index, () => readSavedPaper(item, `papers[${index}]`));
  }

  /** The checked Trash entry at `index`; throws `BackupError` like `read`. */
  readTrashed(item: unknown, index: number): TrashedPaper {
    return this.checked('trash', index, () => readTrashedPaper(item, `trash[${index}]`));
  }

  /** The checked reading-memory entry at `index`; throws `BackupError` like `read`. */
  readSeen(item: unknown, index: number): BackupSeenEntry {
    return this.checked('readingMemory', index, () => readSeenEntry(item, `readingMemory[${index}]`));
  }

  private checked<T extends { key: string }>(section: 'papers' | 'trash' | 'readingMemory', index: number, read: () => T): T {
    try {
      const paper = read();
      if (this.seen[section].has(paper.key)) throw new ShapeError(`${section}[${index}].key: ${quote(paper.key)} appears twice`);
      this.seen[section].add(paper.key);
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

/** Reads a backup file's text. Never throws; on any problem, says what and where, and returns nothing. */
export function parseBackup(text: unknown, checkRule?: RuleCheck): BackupResult {
  const opened = openBackup(text, checkRule);
  if (!opened.ok) return opened;
  const { version, exportedAt, papers, trash, readingMemory, rules } = opened.backup;
  const reader = new BackupReader();
  try {
    const backup: Backup = { format: BACKUP_FORMAT, version, exportedAt, papers: papers.map((item, i) => reader.read(item, i)) };
    if (trash) backup.trash = trash.map((item, i) => reader.readTrashed(item, i));
    if (readingMemory) backup.readingMemory = readingMemory.map((item, i) => reader.readSeen(item, i));
    if (rules) backup.rules = rules;
    return { ok: true, backup };
  } catch (error) {
    if (error instanceof BackupError) return { ok: false, error: error.message };
    throw error;
  }
}

function readHeader(json: unknown, checkRule: RuleCheck | undefined): OpenedBackup {
  if (typeof json !== 'object' || json === null || Array.isArray(json) || (json as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new ShapeError(`it is not a Paperlight backup (no "format": "${BACKUP_FORMAT}")`);
  }
  // The version decides which fields are allowed, so it is checked first: a newer file is told so, not that it
  // has fields this Paperlight does not know.
  const version: unknown = (json as { version?: unknown }).version;
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
    throw new ShapeError(`it was made by a newer Paperlight (format version ${version}); update Paperlight, then import it`);
  }
  const fields = typeof version === 'number' && Object.hasOwn(VERSION_FIELDS, version) ? VERSION_FIELDS[version] : undefined;
  if (typeof version !== 'number' || !fields) throw new ShapeError(`file.version: expected ${Object.keys(VERSION_FIELDS).join(' or ')}`);
  const raw = readObject(json, 'file', fields);
  const exportedAt = readString(raw.exportedAt, 'file.exportedAt', 40);
  if (Number.isNaN(Date.parse(exportedAt))) throw new ShapeError('file.exportedAt: expected an ISO date');
  // Version 1 always lists its papers; from version 2 every section is optional.
  const papers = version === 1 || raw.papers !== undefined ? readArray(raw.papers, 'papers', MAX_BACKUP_PAPERS) : [];
  const opened: OpenedBackup = { version, exportedAt, papers };
  if (raw.trash !== undefined) opened.trash = readArray(raw.trash, 'trash', MAX_BACKUP_PAPERS);
  if (raw.readingMemory !== undefined) opened.readingMemory = readArray(raw.readingMemory, 'readingMemory', READING_MEMORY_LIMITS.entries);
  if (raw.rules !== undefined) opened.rules = readRules(raw.rules, checkRule);
  return opened;
}
