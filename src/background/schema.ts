// The database's shape, as types: the object stores, their records and indexes, and the transaction types.
// A leaf module (types only), so that every background module can name the schema without importing another.
import type { DBSchema, IDBPDatabase, IDBPTransaction } from 'idb';
import type { ImportFormat } from '../core/import/entry';
import type { ImportedFields } from '../core/import/undo';
import type { SavedPaper, TrashedPaper } from '../core/paper';
import type { SeenEntry } from '../core/reading-memory';
import type { SnapshotColumns } from '../shared/search-snapshot';

/** Filter indexes pair the filtered value with savedAt, so a filtered page comes out newest (or oldest) first. */
export type ByTime<T> = [T, number];

/**
 * Derived from the record on every write; used only by indexes and never sent out of the background. Each
 * derived value costs an index entry per paper on every write (in Chromium about a tenth of a second per 10,000
 * papers on an import), so only what an index needs is kept: the other indexes read the record's own fields.
 */
export interface IndexFields {
  /** `[tag id, savedAt]` per tag: the papers of one tag (in any letter case), in time order. */
  tags: Array<ByTime<string>>;
  /**
   * The title fingerprint's index key (`titleKey` in records.ts: a hash of core/identity's `titleFingerprint`, the
   * normalised title; absent when the title has fewer than four words): a card under other ids finds its paper's
   * candidates by it, then the full fingerprint and the author rule confirm one.
   */
  fingerprint?: number;
}

export interface StoredPaper extends SavedPaper {
  ix: IndexFields;
}

/**
 * A reading-memory entry as stored: with `ids`, its key and aliases in one list, which the multiEntry `ids` index
 * reads (a card's id is then looked up with one read, whether it is an entry's key or one of its aliases).
 * Derived on every write (reading-memory.ts `storedSeenEntry`); nothing outside the background sees it.
 */
export interface StoredSeenEntry extends SeenEntry {
  ids: string[];
}

/** One tag of the autocomplete list: its id (lower case), the spelling every paper uses, and its use count. */
export interface TagEntry {
  id: string;
  name: string;
  count: number;
}

/** One count: `all`, or a filter and its value (`status:read`, `site:arxiv`, `code:1`). */
export interface CountEntry {
  id: string;
  count: number;
}

export interface PaperlightDB extends DBSchema {
  papers: {
    key: string;
    value: StoredPaper;
    indexes: {
      tags: ByTime<string>;
      savedAt: number;
      aliases: string;
      fingerprint: number;
    };
  };
  tags: { key: string; value: TagEntry };
  counts: { key: string; value: CountEntry };
  /** Removed papers, exactly as they were, with the time of removal (pruned after 30 days). */
  trash: {
    key: string;
    value: TrashedPaper;
    indexes: { removedAt: number };
  };
  /**
   * The reading memory: every paper met on a supported page. Found by any of its ids (key or alias) in one read of
   * `ids`, by title fingerprint, and pruned oldest-seen first through `lastSeen`.
   */
  seen: {
    key: string;
    value: StoredSeenEntry;
    indexes: { ids: string; fingerprint: string; lastSeen: number };
  };
  /**
   * What undoing each recent library import needs (the newest few are kept). `summary` (version 11) lists them
   * from the index alone: an entry's value may hold thousands of records, which the list never reads.
   */
  imports: {
    key: string;
    value: ImportUndo;
    indexes: { createdAt: number; summary: ImportSummaryKey };
  };
  /** The popup's search snapshot (search-snapshot.ts): one record, kept beside the papers it summarises. */
  snapshot: { key: string; value: SearchSnapshotRecord };
  /** The title filter of the papers' fingerprints (fingerprint-filter.ts): one record, held by every library transaction. */
  titleFilter: { key: string; value: FingerprintFilterRecord };
}

/**
 * A Bloom-style bit set of the papers' title fingerprint keys (fingerprint-filter.ts). `stamp` names the layout and
 * the fingerprint version it was made with; `entries` counts the keys that set a new bit, against the `capacity` it
 * was sized for.
 */
export interface FingerprintFilterRecord {
  id: string;
  stamp: string;
  capacity: number;
  entries: number;
  bits: Uint8Array;
}

/**
 * The search snapshot's two records. `state`: a generation every write bumps (a snapshot built from an older one
 * is not stored), the keys of the papers written since the snapshot was built (their rows are redone on the next
 * read), and whether the snapshot is gone (never built, or the library was replaced): small, so that noting a
 * write never reads the snapshot. `columns`: the snapshot itself (shared/search-snapshot.ts). `text`: the first
 * format (one JSON text), deleted when the snapshot is next stored.
 */
export type SearchSnapshotRecord =
  | { id: 'state'; generation: number; dirty: string[]; stale: boolean }
  | { id: 'columns'; columns: SnapshotColumns }
  | { id: 'text'; text: string };

/** An import as it can be undone: the papers it added, and the saved papers it changed as they were before. */
export interface ImportUndo {
  /** The token the import's reply gave (`undo`). */
  id: string;
  /** Epoch ms of the import. */
  createdAt: number;
  format: ImportFormat;
  added: string[];
  before: SavedPaper[];
  /**
   * What the import wrote in tags, status and note of each record in `before` (src/core/import/undo.ts tells the
   * person's later edits by it); absent in entries stored before it was kept.
   */
  wrote?: ImportedFields[];
  /** The file's name as chosen (absent for pasted text, and in entries stored before it was kept). */
  name?: string;
  /** What the options page lists, as the `summary` index's key; absent in entries stored before it was kept. */
  summary?: ImportSummaryKey;
}

/**
 * An import as the list of recent imports shows it, in one index key (strings and numbers only): its time, format,
 * file name ('' when none was given), how many papers it added and how many saved papers it merged into.
 */
export type ImportSummaryKey = [createdAt: number, format: ImportFormat, name: string, added: number, merged: number];

export type PaperlightDatabase = IDBPDatabase<PaperlightDB>;

export type StoreName = 'papers' | 'tags' | 'counts' | 'trash' | 'seen' | 'titleFilter';
export type Stores = StoreName[];
export type WriteTx = IDBPTransaction<PaperlightDB, Stores, 'readwrite'>;
export type AnyTx = IDBPTransaction<PaperlightDB, Stores, 'readonly' | 'readwrite'>;
