// The one message protocol between content scripts, extension pages and the background.
//
// Every request and its success reply are typed here (`Request`, `ReplyFor`). Every incoming message is checked
// at runtime by `parseRequest` before the background reads or writes anything: unknown types, wrong shapes,
// unknown or prototype-reaching fields and oversized values get an `ErrorReply` whose text says what is wrong.
// `allowedFrom` says which requests a content script may send; the rest come only from extension pages.
// Several requests may travel in one `batch` message (see "Batches" below): each is checked and answered exactly
// as if it had come alone.
// After every committed change the background broadcasts a `ChangeEvent` (see the end of this file).
import { MAX_BACKUP_CHARS, MAX_BACKUP_PAPERS } from '../core/backup';
import { LIMITS, readCodeSources, readMetric, readPaperKey, readSavedPaper, readTags, readVenue } from '../core/paper-record';
import {
  ShapeError, readArray, readBoolean, readChoice, readHttpUrl, readHttpUrls, readInteger, readObject, readString, readStrings,
} from '../core/validate';
import { READING_STATUSES, type ReadingStatus, type SavedPaper, type TrashedPaper, type Venue } from '../core/paper';
import { IMPORT_FORMATS, MAX_IMPORT_CHARS, type ImportFormat, type Notice, type Rejection } from '../core/import/entry';
import type { PlanRow } from '../core/import/plan';
import type { CardFindings, CardText } from '../core/card-findings';
import { PAGE_HEALTH, type PageHealth } from './page-report';

export type { ImportFormat } from '../core/import/entry';

export const PROTOCOL_VERSION = 1;

/** Cards per `lookup` (a listing of 2,000 cards goes in one). */
export const MAX_LOOKUP_CARDS = 2000;
/** Cards per `markSeen`, `matchRules` or `analyseCards` batch (a listing of 2,000 cards goes in one). */
export const MAX_PAGE_CARDS = 2000;

/**
 * Bounds on requests (record fields are bounded by `LIMITS` in core/paper-record.ts). The two the content script
 * batches by are constants of their own: it imports them without the table, which would cost its every script.
 */
export const MESSAGE_LIMITS = {
  lookupKeys: 2000,
  lookupCards: MAX_LOOKUP_CARDS,
  bulkKeys: MAX_BACKUP_PAPERS,
  restorePapers: MAX_BACKUP_PAPERS,
  trashKeys: MAX_BACKUP_PAPERS,
  pageSize: 1000,
  offset: 10_000_000,
  backupChars: MAX_BACKUP_CHARS,
  libraryChars: MAX_IMPORT_CHARS,
  /** `undo` tokens are UUIDs. */
  undoToken: 100,
  /** `blob:chrome-extension://<32 letters>/<uuid>` is about 90 characters. */
  fileUrl: 300,
  pageCards: MAX_PAGE_CARDS,
} as const;

/**
 * A paper as a card shows it, sent by the content script to save it: the record's fields as read from the
 * page, with what the user sets (tags, status, note) and the aliases optional. `venue`: where the page says the
 * paper was published (a proceedings or venue page); the record keeps it among its `venues`.
 */
export type CardData = Pick<SavedPaper, 'key' | 'title' | 'url' | 'authors' | 'abstract' | 'metrics' | 'codeLinks' | 'site'> &
  Partial<Pick<SavedPaper, 'aliases' | 'published' | 'tags' | 'status' | 'note' | 'codeSources'>> & { venue?: Venue };

/**
 * The card data that saves `paper` again, with its tags, status and note (a new save: the save time is now).
 * Undoing a `remove` is `restoreTrashed`, which gives the record back exactly.
 */
export function cardFromPaper(paper: SavedPaper): CardData {
  const { key, aliases, title, url, authors, abstract, published, metrics, codeLinks, codeSources, site, tags, status, note } = paper;
  return {
    key, aliases, title, url, authors, abstract, ...(published !== undefined && { published }), metrics, codeLinks,
    ...(codeSources !== undefined && { codeSources }), site, tags, status, note,
  };
}

export type SortField = 'savedAt' | 'updatedAt' | 'title' | 'metrics';
export const SORT_FIELDS: readonly SortField[] = ['savedAt', 'updatedAt', 'title', 'metrics'];
export type SortDirection = 'asc' | 'desc';

export interface QueryFilter {
  /** Papers carrying every one of these tags (letter case ignored). */
  tags?: string[];
  status?: ReadingStatus;
  site?: string;
  hasCode?: boolean;
}

export interface PingRequest { type: 'ping' }
/**
 * A card as `lookup` reads it: its ids, and its title and authors, which find a paper saved under other ids by
 * title identity (docs/paper-identity.md); `venue` when the page says where the paper was published.
 */
export interface LookupCard {
  key: string;
  aliases?: string[];
  title: string;
  authors: string[];
  venue?: Venue;
}
/**
 * The saved state of each of `keys` that is saved (send a card's key and its aliases), and of each of `cards` (a
 * page's cards, all in one message): by key, by alias, then by title identity. `found` pairs each requested key,
 * and the key of each card whose paper is saved, with the record; the record's own `key` may differ when the
 * paper was saved under another of its ids. A saved paper recognised on a card that names its venue gains that
 * venue (and the card's ids as aliases) before the reply: a write, broadcast like any other.
 * `seenOn` (a site id): also records `cards` in the reading memory as `markSeen` would for that site, and the
 * reply carries its `seen` and `now` (none while the reading memory is off), so a page's cards travel once for both.
 */
export interface LookupRequest { type: 'lookup'; keys: string[]; cards?: LookupCard[]; seenOn?: string }
/**
 * Upsert: a paper already saved under the card's key or any alias is merged into (its key stays; tags and note
 * are never dropped); the reply's `paper.key` is the one to use from then on. A content script's page URL is
 * added to `seenUrls`.
 */
export interface SaveRequest { type: 'save'; paper: CardData }
/**
 * Edits one saved paper (`key`: any of its ids): `set` first, then `addTags`, then `removeTags`. Tag deltas are
 * what keep concurrent edits from many tabs safe; `set.tags` replaces the whole list.
 */
export interface UpdateRequest {
  type: 'update';
  key: string;
  set?: { status?: ReadingStatus; note?: string; tags?: string[] };
  addTags?: string[];
  removeTags?: string[];
}
/**
 * Unsaves one paper (`key`: any of its ids): it moves to the Trash. The reply carries the record exactly as it
 * was (null if no paper had that id); `restoreTrashed` with its key undoes the removal.
 */
export interface RemoveRequest { type: 'remove'; key: string }
export interface TagsRequest { type: 'tags' }
/**
 * One page of the library (extension pages only). Defaults: savedAt, desc, offset 0, limit 50. Newest or oldest
 * first, by last edit, and filtered by a tag or a status, a page is read through an index; sorting by title or
 * metrics count, or filtering by site or code alone, reads the whole library (about as long as `getAll`).
 */
export interface QueryRequest {
  type: 'query';
  sort?: SortField;
  direction?: SortDirection;
  offset?: number;
  limit?: number;
  filter?: QueryFilter;
}
export interface GetAllRequest { type: 'getAll' }
/**
 * Brings the stored search snapshot up to date (extension pages only): every saved paper's summary, all but the
 * abstract, as one text (shared/search-snapshot.ts), for the popup to list and search the library before the
 * whole records arrive. Pages read it from the database themselves: megabytes of text take seconds through
 * runtime messaging, milliseconds from the database.
 */
export interface SearchSnapshotRequest { type: 'searchSnapshot' }
/** Puts exact records back as given (a record saved under the same key is overwritten). */
export interface RestoreRequest { type: 'restore'; papers: SavedPaper[] }
/**
 * Takes papers out of the Trash (`keys`: their keys there) and saves them again exactly as they were removed. A
 * key not in the Trash is skipped; a paper saved again meanwhile is united with its trashed copy as a backup
 * merge unites copies (nothing is lost). The reply lists the records as now saved.
 */
export interface RestoreTrashedRequest { type: 'restoreTrashed'; keys: string[] }
/** The Trash, most recently removed first (extension pages only). */
export interface TrashRequest { type: 'trash' }
/** Deletes papers from the Trash for ever (extension pages only). */
export interface DeleteTrashedRequest { type: 'deleteTrashed'; keys: string[] }
/** Deletes everything in the Trash for ever (extension pages only). */
export interface EmptyTrashRequest { type: 'emptyTrash' }
/**
 * Multi-select actions: tag, untag and set the status of many papers at once, or delete them (not both); deleted
 * papers move to the Trash.
 */
export interface BulkRequest {
  type: 'bulk';
  keys: string[];
  addTags?: string[];
  removeTags?: string[];
  status?: ReadingStatus;
  delete?: boolean;
}
export interface ExportBackupRequest { type: 'exportBackup' }
/**
 * Imports a backup in one transaction. `merge` adds the papers the library lacks and unites the copies of
 * papers it has (found by key or alias): the more recently edited copy's fields win, tags and ids are united, a
 * note is never lost. `replace` makes the library exactly the backup. `dryRun` only counts.
 * The backup comes as its `text`, or as `file`: a `blob:` URL a Paperlight page made of the chosen file
 * (`URL.createObjectURL(file)`; revoke it when done), which the background reads itself. For a large file
 * the URL is much cheaper: in Chromium, 19 MB of text take about 0.35 s to pass through runtime messaging, the
 * URL about 0.1 s to read.
 */
export type ImportBackupRequest = { type: 'importBackup'; mode: 'merge' | 'replace'; dryRun?: boolean } & (
  | { text: string; file?: undefined }
  | { file: string; text?: undefined }
);
/** Moves every saved paper to the Trash. */
export interface ClearAllRequest { type: 'clearAll' }
/**
 * Imports a library from another tool (BibTeX, RIS, a PaperMemory export) or a Paperlight backup, merged into the
 * saved papers (by key, alias or title identity; nothing the user wrote is lost) in one transaction. `format`
 * is told from the content when absent. `dryRun` only says what would happen. The file comes as its `text` or
 * as a `blob:` URL (`file`), as for `importBackup`. A reply that changed the library carries an `undo` token.
 */
export type ImportLibraryRequest = {
  type: 'importLibrary';
  format?: ImportFormat;
  dryRun?: boolean;
  /** The chosen file's name, kept with the import so that the list of recent imports can name it. */
  name?: string;
} & (
  | { text: string; file?: undefined }
  | { file: string; text?: undefined }
);
/** Puts the library back as it was before the import whose reply gave `undo`. */
export interface UndoImportRequest { type: 'undoImport'; undo: string }
/** The imports that can still be undone (extension pages only), newest first. */
export interface ImportHistoryRequest { type: 'importHistory' }

/** A card as the reading memory needs it: its ids, and its title and authors to know it on another site. */
export interface SeenCard {
  key: string;
  aliases: string[];
  title: string;
  authors: string[];
}
/**
 * Records the cards of a page as seen, in one transaction: each card's paper (found by key, alias, or title
 * fingerprint with agreeing authors) gets `lastSeen` now, and a paper never seen an entry first seen now, on
 * `site`. The reply pairs each card, in the order sent, with its `firstSeen` as it was before this call (now,
 * for a paper never seen). Refused while the reading memory is switched off in the options.
 */
export interface MarkSeenRequest { type: 'markSeen'; site: string; cards: SeenCard[] }
/** Forgets every paper seen (extension pages only); saved papers are not touched. */
export interface ClearReadingMemoryRequest { type: 'clearReadingMemory' }
/** How many papers the reading memory holds (extension pages only). */
export interface ReadingMemoryStatsRequest { type: 'readingMemoryStats' }

/** A card's text as the rules read it (strings as the content script will map offsets back onto). */
export interface RuleCardText {
  key: string;
  title: string;
  abstract: string;
  authors: string[];
}
/**
 * Runs the user's hide, dim and highlight rules (from the settings) on cards. The reply pairs each card, in the
 * order sent, with what the rules do to it; highlight ranges are UTF-16 offsets in the title or abstract as
 * sent, in text order, overlapping matches merged.
 */
export interface MatchRulesRequest { type: 'matchRules'; cards: RuleCardText[] }
/**
 * Reads cards' stated metrics and code links (core/card-findings.ts) from their text as the site's adapter read
 * it. The extractor runs in the background, not in the page: it is most of what a content script would weigh,
 * and its word tables are built once per background rather than once per page. The reply pairs each card, in
 * the order sent, with its findings; offsets are UTF-16 offsets in the strings as sent. Nothing is stored.
 */
export interface AnalyseCardsRequest { type: 'analyseCards'; cards: CardText[] }
/**
 * Writes the automatic backup into the downloads folder now (extension pages only), whatever its schedule; the
 * reply names the file (under the downloads folder) and when it was written (epoch ms).
 */
export interface BackupNowRequest { type: 'backupNow' }
/** What the automatic backups have done (extension pages only): when one was last written, the last failure. */
export interface BackupStatusRequest { type: 'backupStatus' }
/**
 * A content script's page has settled (or its count of cards changed): the background shows the count on the
 * toolbar badge of the sender's tab, or "!" when a page its adapter claims shows no card (`health: 'no-cards'`).
 */
export interface PageStatusRequest { type: 'pageStatus'; cards: number; health: PageHealth; healthPending?: true }

export type Request =
  | PingRequest | LookupRequest | SaveRequest | UpdateRequest | RemoveRequest | TagsRequest
  | QueryRequest | GetAllRequest | RestoreRequest | BulkRequest | ExportBackupRequest | ImportBackupRequest
  | ClearAllRequest | RestoreTrashedRequest | TrashRequest | DeleteTrashedRequest | EmptyTrashRequest
  | ImportLibraryRequest | UndoImportRequest | ImportHistoryRequest
  | MarkSeenRequest | ClearReadingMemoryRequest | ReadingMemoryStatsRequest | MatchRulesRequest
  | BackupNowRequest | BackupStatusRequest | PageStatusRequest | AnalyseCardsRequest | SearchSnapshotRequest;
export type RequestType = Request['type'];

export interface TagCount { name: string; count: number }
export interface ImportCounts { added: number; updated: number; unchanged: number; removed: number }

export interface PingReply { ok: true; version: string; protocol: number }
export interface LookupReply {
  ok: true;
  found: Array<{ key: string; paper: SavedPaper }>;
  /** With `seenOn`, while the reading memory is on: as `MarkSeenReply`, for the request's `cards`. */
  seen?: MarkSeenReply['seen'];
  now?: number;
}
export interface SaveReply { ok: true; paper: SavedPaper; created: boolean }
export interface UpdateReply { ok: true; paper: SavedPaper }
export interface RemoveReply { ok: true; removed: SavedPaper | null }
export interface TagsReply { ok: true; tags: TagCount[] }
export interface QueryReply { ok: true; items: SavedPaper[]; total: number }
export interface GetAllReply { ok: true; papers: SavedPaper[] }
export interface SearchSnapshotReply { ok: true }
export interface RestoreReply { ok: true; restored: number }
export interface BulkReply { ok: true; updated: number; deleted: SavedPaper[] }
export interface ExportBackupReply { ok: true; text: string; count: number }
/**
 * The papers' counts at the top level; `trash`, `readingMemory` and `rules` count the backup's other sections the
 * same way (all zero for a section the file does not have). `trash.restored`, present when not zero: copies the
 * Trash held of papers a merge brought back into the library, taken out of it (docs/store.md, import).
 */
export interface ImportBackupReply extends ImportCounts {
  ok: true;
  dryRun: boolean;
  trash: ImportCounts & { restored?: number };
  readingMemory: ImportCounts;
  rules: ImportCounts;
}
export interface ClearAllReply { ok: true; removed: number }
export interface RestoreTrashedReply { ok: true; restored: SavedPaper[] }
export interface TrashReply { ok: true; papers: TrashedPaper[] }
export interface DeleteTrashedReply { ok: true; deleted: number }
/**
 * What a library import did (or, with `dryRun`, would do): papers added, saved papers updated or left unchanged,
 * the entries not imported and why; `entries` says for each imported entry what happens to it (new, merged into
 * which saved paper and how it was found, a repeat of an earlier entry, the conflicts), `notices` what the user
 * should know (a field cut to fit, a citation key shared by two papers).
 */
export interface ImportLibraryReply {
  ok: true;
  dryRun: boolean;
  format: ImportFormat;
  added: number;
  updated: number;
  unchanged: number;
  rejected: Rejection[];
  undo?: string;
  entries: PlanRow[];
  notices: Notice[];
}
/**
 * `trashed`: papers the import added that were edited since, moved to the Trash rather than deleted; `editsKept`:
 * papers saved before the import, edited since, put back with those edits.
 */
export interface UndoImportReply { ok: true; trashed: number; editsKept: number }
/**
 * An import that can still be undone: `undo` is its token (as its reply gave it), `importedAt` epoch ms, `added`
 * the papers it added, `merged` the saved papers it changed. `name` (the file's) is absent for pasted text and for
 * imports made before it was kept; `format` is absent only where a stored entry does not name a known one.
 */
export interface ImportSummary { undo: string; importedAt: number; format?: ImportFormat; name?: string; added: number; merged: number }
export interface ImportHistoryReply { ok: true; imports: ImportSummary[] }
/**
 * One entry per card sent, in order: the card's key as sent, and its paper's first sighting (epoch ms); `now` is
 * the time the batch was recorded at, on the clock that wrote `firstSeen` (the page compares days with it).
 */
export interface MarkSeenReply { ok: true; seen: Array<{ key: string; firstSeen: number }>; now: number }
export interface ClearReadingMemoryReply { ok: true; removed: number }
export interface ReadingMemoryStatsReply { ok: true; entries: number }
/** A stretch of a card's title or abstract to highlight: UTF-16 offsets, `end` exclusive. */
export interface RuleHighlight { field: 'title' | 'abstract'; start: number; end: number }
export interface RuleVerdict { key: string; hide: boolean; dim: boolean; highlight: RuleHighlight[] }
export interface MatchRulesReply { ok: true; results: RuleVerdict[] }
export interface AnalyseCardsReply { ok: true; results: CardFindings[] }
export interface BackupNowReply { ok: true; fileName: string; writtenAt: number }
export interface PageStatusReply { ok: true }
/** `lastWrittenAt` epoch ms, null before the first; `lastError` why the last attempt failed, null after a success. */
export interface BackupStatusReply { ok: true; lastWrittenAt: number | null; lastError: string | null; files: number }

export interface ErrorReply { ok: false; error: string }

export interface ReplyFor {
  ping: PingReply;
  lookup: LookupReply;
  save: SaveReply;
  update: UpdateReply;
  remove: RemoveReply;
  tags: TagsReply;
  query: QueryReply;
  getAll: GetAllReply;
  searchSnapshot: SearchSnapshotReply;
  restore: RestoreReply;
  bulk: BulkReply;
  exportBackup: ExportBackupReply;
  importBackup: ImportBackupReply;
  clearAll: ClearAllReply;
  restoreTrashed: RestoreTrashedReply;
  trash: TrashReply;
  deleteTrashed: DeleteTrashedReply;
  emptyTrash: DeleteTrashedReply;
  importLibrary: ImportLibraryReply;
  undoImport: UndoImportReply;
  importHistory: ImportHistoryReply;
  markSeen: MarkSeenReply;
  clearReadingMemory: ClearReadingMemoryReply;
  readingMemoryStats: ReadingMemoryStatsReply;
  matchRules: MatchRulesReply;
  analyseCards: AnalyseCardsReply;
  backupNow: BackupNowReply;
  pageStatus: PageStatusReply;
  backupStatus: BackupStatusReply;
}

export type SuccessReply<R extends Request> = ReplyFor[R['type']];
export type Reply<R extends Request> = ReplyFor[R['type']] | ErrorReply;
export type AnyReply = ReplyFor[RequestType] | ErrorReply;

// ---- Who may send what -------------------------------------------------------------------------------------

export type SenderKind = 'extension-page' | 'content-script';

/**
 * What a page needs (a card's Undo takes its paper back out of the Trash; the reading memory records the page's
 * cards; the rules say what to hide); everything else (listing, bulk edits, the Trash's contents, deleting for
 * ever, backups, clearing the library or the reading memory) is for extension pages only.
 */
export const CONTENT_SCRIPT_REQUESTS: ReadonlySet<RequestType> = new Set<RequestType>([
  'ping', 'lookup', 'save', 'update', 'remove', 'tags', 'restoreTrashed', 'markSeen', 'matchRules', 'pageStatus',
  'analyseCards',
]);

export function allowedFrom(type: RequestType, sender: SenderKind): boolean {
  return sender === 'extension-page' || CONTENT_SCRIPT_REQUESTS.has(type);
}

// ---- Runtime validation ------------------------------------------------------------------------------------

export type ParseResult = { ok: true; request: Request } | { ok: false; error: string };

type Reader = (raw: Record<string, unknown>) => Request;

/** Extractor fields a metric may carry from the page; accepted and dropped (offsets are not stored). */
const METRIC_EXTRACTOR_FIELDS = ['start', 'end', 'upTo', 'qualifier', 'rangeLow'];

const CARD_FIELDS = [
  'key', 'aliases', 'title', 'url', 'authors', 'abstract', 'published', 'metrics', 'codeLinks', 'codeSources', 'site',
  'tags', 'status', 'note', 'venue',
];

function readKeys(value: unknown, path: string, max: number): string[] {
  return readArray(value, path, max).map((key, i) => readPaperKey(key, `${path}[${i}]`));
}

function optional<T>(value: unknown, read: (value: unknown) => T): T | undefined {
  return value === undefined ? undefined : read(value);
}

export function readCardData(value: unknown, path: string): CardData {
  const raw = readObject(value, path, CARD_FIELDS);
  const card: CardData = {
    key: readPaperKey(raw.key, `${path}.key`),
    aliases: optional(raw.aliases, (v) => readKeys(v, `${path}.aliases`, LIMITS.aliases)) ?? [],
    title: readString(raw.title, `${path}.title`, LIMITS.title),
    url: readHttpUrl(raw.url, `${path}.url`),
    authors: readStrings(raw.authors, `${path}.authors`, LIMITS.authors, LIMITS.author),
    abstract: readString(raw.abstract, `${path}.abstract`, LIMITS.abstract),
    metrics: readArray(raw.metrics, `${path}.metrics`, LIMITS.metrics).map((m, i) =>
      readMetric(m, `${path}.metrics[${i}]`, METRIC_EXTRACTOR_FIELDS),
    ),
    codeLinks: readHttpUrls(raw.codeLinks, `${path}.codeLinks`, LIMITS.codeLinks),
    site: readString(raw.site, `${path}.site`, LIMITS.site),
  };
  const published = optional(raw.published, (v) => readString(v, `${path}.published`, LIMITS.published));
  const tags = optional(raw.tags, (v) => readTags(v, `${path}.tags`));
  const status = optional(raw.status, (v) => readChoice(v, `${path}.status`, READING_STATUSES));
  const note = optional(raw.note, (v) => readString(v, `${path}.note`, LIMITS.note));
  const venue = optional(raw.venue, (v) => readVenue(v, `${path}.venue`));
  if (venue !== undefined) card.venue = venue;
  if (published !== undefined) card.published = published;
  if (tags !== undefined) card.tags = tags;
  if (status !== undefined) card.status = status;
  if (note !== undefined) card.note = note;
  if (raw.codeSources !== undefined) card.codeSources = readCodeSources(raw.codeSources, `${path}.codeSources`, card.codeLinks);
  return card;
}

const LOOKUP_CARD_FIELDS = ['key', 'aliases', 'title', 'authors', 'venue'];

function readLookupCard(value: unknown, path: string): LookupCard {
  const raw = readObject(value, path, LOOKUP_CARD_FIELDS);
  const card: LookupCard = {
    key: readPaperKey(raw.key, `${path}.key`),
    title: readString(raw.title, `${path}.title`, LIMITS.title),
    authors: readStrings(raw.authors, `${path}.authors`, LIMITS.authors, LIMITS.author),
  };
  const aliases = optional(raw.aliases, (v) => readKeys(v, `${path}.aliases`, LIMITS.aliases));
  const venue = optional(raw.venue, (v) => readVenue(v, `${path}.venue`));
  if (aliases !== undefined) card.aliases = aliases;
  if (venue !== undefined) card.venue = venue;
  return card;
}

function readLookup(raw: Record<string, unknown>): LookupRequest {
  const request: LookupRequest = { type: 'lookup', keys: readKeys(raw.keys, 'keys', MESSAGE_LIMITS.lookupKeys) };
  const cards = optional(raw.cards, (v) => readArray(v, 'cards', MESSAGE_LIMITS.lookupCards).map((c, i) => readLookupCard(c, `cards[${i}]`)));
  if (cards !== undefined) request.cards = cards;
  const seenOn = optional(raw.seenOn, (v) => readString(v, 'seenOn', LIMITS.site, { empty: false }));
  if (seenOn !== undefined) request.seenOn = seenOn;
  return request;
}

function readFilter(value: unknown): QueryFilter {
  const raw = readObject(value, 'filter', ['tags', 'status', 'site', 'hasCode']);
  const filter: QueryFilter = {};
  if (raw.tags !== undefined) filter.tags = readTags(raw.tags, 'filter.tags');
  if (raw.status !== undefined) filter.status = readChoice(raw.status, 'filter.status', READING_STATUSES);
  if (raw.site !== undefined) filter.site = readString(raw.site, 'filter.site', LIMITS.site);
  if (raw.hasCode !== undefined) filter.hasCode = readBoolean(raw.hasCode, 'filter.hasCode');
  return filter;
}

function readUpdate(raw: Record<string, unknown>): UpdateRequest {
  const request: UpdateRequest = { type: 'update', key: readPaperKey(raw.key, 'key') };
  if (raw.set !== undefined) {
    const set = readObject(raw.set, 'set', ['status', 'note', 'tags']);
    request.set = {};
    if (set.status !== undefined) request.set.status = readChoice(set.status, 'set.status', READING_STATUSES);
    if (set.note !== undefined) request.set.note = readString(set.note, 'set.note', LIMITS.note);
    if (set.tags !== undefined) request.set.tags = readTags(set.tags, 'set.tags');
  }
  if (raw.addTags !== undefined) request.addTags = readTags(raw.addTags, 'addTags');
  if (raw.removeTags !== undefined) request.removeTags = readTags(raw.removeTags, 'removeTags');
  return request;
}

function readBulk(raw: Record<string, unknown>): BulkRequest {
  const request: BulkRequest = { type: 'bulk', keys: readKeys(raw.keys, 'keys', MESSAGE_LIMITS.bulkKeys) };
  if (raw.addTags !== undefined) request.addTags = readTags(raw.addTags, 'addTags');
  if (raw.removeTags !== undefined) request.removeTags = readTags(raw.removeTags, 'removeTags');
  if (raw.status !== undefined) request.status = readChoice(raw.status, 'status', READING_STATUSES);
  if (raw.delete !== undefined) request.delete = readBoolean(raw.delete, 'delete');
  if (request.delete && (request.addTags || request.removeTags || request.status)) {
    throw new ShapeError('either delete the papers or change them, not both');
  }
  return request;
}

function readQuery(raw: Record<string, unknown>): QueryRequest {
  const request: QueryRequest = { type: 'query' };
  if (raw.sort !== undefined) request.sort = readChoice(raw.sort, 'sort', SORT_FIELDS);
  if (raw.direction !== undefined) request.direction = readChoice(raw.direction, 'direction', ['asc', 'desc'] as const);
  if (raw.offset !== undefined) request.offset = readInteger(raw.offset, 'offset', 0, MESSAGE_LIMITS.offset);
  if (raw.limit !== undefined) request.limit = readInteger(raw.limit, 'limit', 1, MESSAGE_LIMITS.pageSize);
  if (raw.filter !== undefined) request.filter = readFilter(raw.filter);
  return request;
}

function readImportBackup(raw: Record<string, unknown>): ImportBackupRequest {
  if ((raw.text === undefined) === (raw.file === undefined)) throw new ShapeError('give the backup as "text" or as "file", not both');
  const options = {
    type: 'importBackup' as const,
    mode: readChoice(raw.mode, 'mode', ['merge', 'replace'] as const),
    ...(raw.dryRun !== undefined && { dryRun: readBoolean(raw.dryRun, 'dryRun') }),
  };
  if (raw.text !== undefined) return { ...options, text: readString(raw.text, 'text', MESSAGE_LIMITS.backupChars) };
  const file = readString(raw.file, 'file', MESSAGE_LIMITS.fileUrl);
  if (!file.startsWith('blob:')) throw new ShapeError('file: expected a blob: URL');
  return { ...options, file };
}

/** A file name as the page reports it (file systems allow 255 bytes; a name is shown, never used as a path). */
const MAX_FILE_NAME = 255;

function readImportLibrary(raw: Record<string, unknown>): ImportLibraryRequest {
  if ((raw.text === undefined) === (raw.file === undefined)) throw new ShapeError('give the library as "text" or as "file", not both');
  const options = {
    type: 'importLibrary' as const,
    ...(raw.format !== undefined && { format: readChoice(raw.format, 'format', IMPORT_FORMATS) }),
    ...(raw.dryRun !== undefined && { dryRun: readBoolean(raw.dryRun, 'dryRun') }),
    ...(raw.name !== undefined && { name: readString(raw.name, 'name', MAX_FILE_NAME, { empty: false }) }),
  };
  if (raw.text !== undefined) return { ...options, text: readString(raw.text, 'text', MESSAGE_LIMITS.libraryChars) };
  const file = readString(raw.file, 'file', MESSAGE_LIMITS.fileUrl);
  if (!file.startsWith('blob:')) throw new ShapeError('file: expected a blob: URL');
  return { ...options, file };
}

function readSeenCard(value: unknown, path: string): SeenCard {
  const raw = readObject(value, path, ['key', 'aliases', 'title', 'authors']);
  return {
    key: readPaperKey(raw.key, `${path}.key`),
    aliases: readKeys(raw.aliases, `${path}.aliases`, LIMITS.aliases),
    title: readString(raw.title, `${path}.title`, LIMITS.title),
    authors: readStrings(raw.authors, `${path}.authors`, LIMITS.authors, LIMITS.author),
  };
}

function readMarkSeen(raw: Record<string, unknown>): MarkSeenRequest {
  return {
    type: 'markSeen',
    site: readString(raw.site, 'site', LIMITS.site, { empty: false }),
    cards: readArray(raw.cards, 'cards', MESSAGE_LIMITS.pageCards).map((card, i) => readSeenCard(card, `cards[${i}]`)),
  };
}

function readRuleCard(value: unknown, path: string): RuleCardText {
  const raw = readObject(value, path, ['key', 'title', 'abstract', 'authors']);
  return {
    key: readPaperKey(raw.key, `${path}.key`),
    title: readString(raw.title, `${path}.title`, LIMITS.title),
    abstract: readString(raw.abstract, `${path}.abstract`, LIMITS.abstract),
    authors: readStrings(raw.authors, `${path}.authors`, LIMITS.authors, LIMITS.author),
  };
}

function readCardText(value: unknown, path: string): CardText {
  const raw = readObject(value, path, ['title', 'abstract', 'codeLinks', 'codeSources']);
  const codeLinks = readStrings(raw.codeLinks, `${path}.codeLinks`, LIMITS.codeLinks, LIMITS.url);
  const card: CardText = {
    title: readString(raw.title, `${path}.title`, LIMITS.title),
    abstract: readString(raw.abstract, `${path}.abstract`, LIMITS.abstract),
    codeLinks,
  };
  if (raw.codeSources !== undefined) card.codeSources = readCodeSources(raw.codeSources, `${path}.codeSources`, codeLinks);
  return card;
}

/** For each type: its allowed fields (besides `type`) and how to read them. */
const READERS: { [T in RequestType]: [fields: string[], read: Reader] } = {
  ping: [[], () => ({ type: 'ping' })],
  lookup: [['keys', 'cards', 'seenOn'], readLookup],
  save: [['paper'], (raw) => ({ type: 'save', paper: readCardData(raw.paper, 'paper') })],
  update: [['key', 'set', 'addTags', 'removeTags'], readUpdate],
  remove: [['key'], (raw) => ({ type: 'remove', key: readPaperKey(raw.key, 'key') })],
  tags: [[], () => ({ type: 'tags' })],
  query: [['sort', 'direction', 'offset', 'limit', 'filter'], readQuery],
  getAll: [[], () => ({ type: 'getAll' })],
  searchSnapshot: [[], () => ({ type: 'searchSnapshot' })],
  restore: [['papers'], (raw) => ({
    type: 'restore',
    papers: readArray(raw.papers, 'papers', MESSAGE_LIMITS.restorePapers).map((p, i) => readSavedPaper(p, `papers[${i}]`)),
  })],
  bulk: [['keys', 'addTags', 'removeTags', 'status', 'delete'], readBulk],
  exportBackup: [[], () => ({ type: 'exportBackup' })],
  importBackup: [['text', 'file', 'mode', 'dryRun'], readImportBackup],
  clearAll: [[], () => ({ type: 'clearAll' })],
  restoreTrashed: [['keys'], (raw) => ({ type: 'restoreTrashed', keys: readKeys(raw.keys, 'keys', MESSAGE_LIMITS.trashKeys) })],
  trash: [[], () => ({ type: 'trash' })],
  deleteTrashed: [['keys'], (raw) => ({ type: 'deleteTrashed', keys: readKeys(raw.keys, 'keys', MESSAGE_LIMITS.trashKeys) })],
  emptyTrash: [[], () => ({ type: 'emptyTrash' })],
  importLibrary: [['text', 'file', 'format', 'dryRun', 'name'], readImportLibrary],
  undoImport: [['undo'], (raw) => ({ type: 'undoImport', undo: readString(raw.undo, 'undo', MESSAGE_LIMITS.undoToken, { empty: false }) })],
  importHistory: [[], () => ({ type: 'importHistory' })],
  markSeen: [['site', 'cards'], readMarkSeen],
  clearReadingMemory: [[], () => ({ type: 'clearReadingMemory' })],
  readingMemoryStats: [[], () => ({ type: 'readingMemoryStats' })],
  matchRules: [['cards'], (raw) => ({
    type: 'matchRules',
    cards: readArray(raw.cards, 'cards', MESSAGE_LIMITS.pageCards).map((card, i) => readRuleCard(card, `cards[${i}]`)),
  })],
  analyseCards: [['cards'], (raw) => ({
    type: 'analyseCards',
    cards: readArray(raw.cards, 'cards', MESSAGE_LIMITS.pageCards).map((card, i) => readCardText(card, `cards[${i}]`)),
  })],
  backupNow: [[], () => ({ type: 'backupNow' })],
  backupStatus: [[], () => ({ type: 'backupStatus' })],
  pageStatus: [['cards', 'health', 'healthPending'], (raw) => {
    const status: PageStatusRequest = {
      type: 'pageStatus',
      cards: readInteger(raw.cards, 'cards', 0, MESSAGE_LIMITS.pageCards * 100),
      health: readChoice(raw.health, 'health', PAGE_HEALTH),
    };
    if (raw.healthPending !== undefined) {
      if (raw.healthPending !== true) throw new ShapeError('healthPending: expected true');
      if (status.health === 'no-cards') status.healthPending = true;
    }
    return status;
  }],
};

/** Checks an untrusted message's shape; never throws. The request it returns is a fresh, clean copy. */
export function parseRequest(raw: unknown): ParseResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, error: 'A message must be an object with a "type".' };
  }
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(READERS, type)) {
    return { ok: false, error: `Unknown message type: ${JSON.stringify(String(type)).slice(0, 80)}` };
  }
  const [fields, read] = READERS[type as RequestType];
  try {
    return { ok: true, request: read(readObject(raw, 'message', ['type', ...fields])) };
  } catch (error) {
    if (error instanceof ShapeError) return { ok: false, error: `Invalid "${type}" message: ${error.message}.` };
    throw error;
  }
}

// ---- Batches -------------------------------------------------------------------------------------------------

/**
 * Requests made together (a content script's cards read in one slice: their findings and their saved state)
 * travel in one runtime message, `{ type: 'batch', requests }`, answered by `{ ok: true, replies }` in the same
 * order. Each request is parsed, checked against its sender and answered on its own, exactly as if it had come
 * alone: one that fails gets its own `ErrorReply` and the others are answered; a batch never holds a batch.
 */
export const BATCH_TYPE = 'batch';
/** Requests per batch. */
export const MAX_BATCH_REQUESTS = 8;

export interface BatchReply { ok: true; replies: AnyReply[] }

export type BatchParse = { ok: true; requests: unknown[] } | { ok: false; error: string };

/** The requests of a `batch` message, still unchecked (each goes through `parseRequest`); undefined if `raw` is no batch. */
export function parseBatch(raw: unknown): BatchParse | undefined {
  if (typeof raw !== 'object' || raw === null || (raw as { type?: unknown }).type !== BATCH_TYPE) return undefined;
  try {
    const message = readObject(raw, 'message', ['type', 'requests']);
    return { ok: true, requests: readArray(message.requests, 'requests', MAX_BATCH_REQUESTS) };
  } catch (error) {
    if (error instanceof ShapeError) return { ok: false, error: `Invalid "${BATCH_TYPE}" message: ${error.message}.` };
    throw error;
  }
}

// ---- Broadcast -----------------------------------------------------------------------------------------------

export const CHANGE_EVENT_TYPE = 'paperlight:changed';

/** One paper after a committed change; `paper: null` means it left the library (to the Trash, or for ever). */
export interface PaperChange { key: string; paper: SavedPaper | null }

/**
 * Sent by the background to every open extension page after each committed change. Small changes list the
 * papers; big ones (import, clear, large bulk edits) say `reset: true`, and listeners re-read what they show.
 * `trash: true` says the Trash changed too (a change of the Trash alone lists no paper). `memoryCleared: true`
 * (with no paper listed) says the reading memory was emptied: tabs drop the "seen" they show; `memoryChanged: true`
 * that a backup's import rewrote it: tabs ask again what it holds of their cards.
 */
export type ChangeEvent =
  | { type: typeof CHANGE_EVENT_TYPE; changes: PaperChange[]; reset?: undefined; trash?: true; memoryCleared?: true; memoryChanged?: true }
  | { type: typeof CHANGE_EVENT_TYPE; reset: true; changes?: undefined; trash?: true; memoryCleared?: undefined; memoryChanged?: undefined };

/**
 * What a tab is told about a saved paper: what its cards show (ids, status, tags, published versions), never a
 * note, an abstract or anything else of the record. A content script that needs more of one paper (the note editor) asks `lookup`.
 */
export interface TabPaper {
  key: string;
  aliases: string[];
  status: ReadingStatus;
  tags: string[];
  /** Where the paper was published (a card shows "Published at …"). */
  venues: Venue[];
}

export interface TabPaperChange { key: string; paper: TabPaper | null }

/** The change event a tab's content script receives: its papers as `TabPaper`s. */
export type TabChangeEvent =
  | { type: typeof CHANGE_EVENT_TYPE; changes: TabPaperChange[]; reset?: undefined; memoryCleared?: true; memoryChanged?: true }
  | { type: typeof CHANGE_EVENT_TYPE; reset: true; changes?: undefined; memoryCleared?: undefined; memoryChanged?: undefined };

/** The fields of `paper` that a tab may see (fresh arrays: nothing shared with the record). */
export function tabPaperOf(paper: SavedPaper): TabPaper {
  const venues = paper.venues.map((venue) => ({ ...venue }));
  return { key: paper.key, aliases: [...paper.aliases], status: paper.status, tags: [...paper.tags], venues };
}

/** The tabs' copy of an extension pages' event; undefined when no paper changed (only the Trash did). */
export function tabEventOf(event: ChangeEvent): TabChangeEvent | undefined {
  if (event.reset) return { type: CHANGE_EVENT_TYPE, reset: true };
  if (event.memoryCleared) return { type: CHANGE_EVENT_TYPE, changes: [], memoryCleared: true };
  if (event.memoryChanged) return { type: CHANGE_EVENT_TYPE, changes: [], memoryChanged: true };
  if (event.changes.length === 0) return undefined;
  return { type: CHANGE_EVENT_TYPE, changes: event.changes.map(({ key, paper }) => ({ key, paper: paper && tabPaperOf(paper) })) };
}

/** Above this many papers a change is broadcast as a reset rather than as a list. */
export const MAX_LISTED_CHANGES = 200;

/** The changes of an event (only our background sends it, so the check is structural, not deep). */
function readChanges(raw: unknown): Array<{ key: string; paper: object | null }> | undefined {
  if (!Array.isArray(raw)) return undefined;
  const wellFormed = raw.every((c: unknown) => {
    const change = c as { key?: unknown; paper?: unknown } | null;
    return typeof change === 'object' && change !== null && typeof change.key === 'string' &&
      (change.paper === null || (typeof change.paper === 'object' && change.paper !== null));
  });
  return wellFormed ? (raw as Array<{ key: string; paper: object | null }>) : undefined;
}

/** The reading-memory flags of a raw change event, each kept only when it is `true`. */
function memoryFlags(event: { memoryCleared?: unknown; memoryChanged?: unknown }): { memoryCleared?: true; memoryChanged?: true } {
  return { ...(event.memoryCleared === true && { memoryCleared: true }), ...(event.memoryChanged === true && { memoryChanged: true }) };
}

/** The event if `raw` is one: what extension pages receive. */
export function parseChangeEvent(raw: unknown): ChangeEvent | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const event = raw as { type?: unknown; reset?: unknown; changes?: unknown; trash?: unknown; memoryCleared?: unknown; memoryChanged?: unknown };
  if (event.type !== CHANGE_EVENT_TYPE) return undefined;
  const trash = event.trash === true ? { trash: true as const } : {};
  if (event.reset === true) return { type: CHANGE_EVENT_TYPE, reset: true, ...trash };
  const changes = readChanges(event.changes);
  return changes ? { type: CHANGE_EVENT_TYPE, changes: changes as PaperChange[], ...trash, ...memoryFlags(event) } : undefined;
}

/** The event if `raw` is one: what a tab's content script receives. */
export function parseTabChangeEvent(raw: unknown): TabChangeEvent | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const event = raw as { type?: unknown; reset?: unknown; changes?: unknown; memoryCleared?: unknown; memoryChanged?: unknown };
  if (event.type !== CHANGE_EVENT_TYPE) return undefined;
  if (event.reset === true) return { type: CHANGE_EVENT_TYPE, reset: true };
  const changes = readChanges(event.changes);
  return changes ? { type: CHANGE_EVENT_TYPE, changes: changes as TabPaperChange[], ...memoryFlags(event) } : undefined;
}
