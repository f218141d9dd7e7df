// The one IndexedDB database: its typed schema, its versioned upgrades, and an opener that re-opens it on
// demand (the MV3 service worker may be stopped at any moment, and the browser may close a connection).
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { normaliseTags } from '../core/backup';
import type { SavedPaper } from '../core/paper';
import { countsOf, type CountEntry } from './counts';
import { indexFields, toSaved, type StoredPaper, type TagEntry } from './records';

export const DB_NAME = 'paperlight';
export const DB_VERSION = 2;

/** Filter indexes pair the filtered value with savedAt, so a filtered page comes out newest (or oldest) first. */
export type ByTime<T> = [T, number];

export interface PaperlightDB extends DBSchema {
  papers: {
    key: string;
    value: StoredPaper;
    indexes: {
      tags: ByTime<string>;
      status: ByTime<string>;
      site: ByTime<string>;
      code: ByTime<number>;
      savedAt: number;
      updatedAt: number;
      ids: string;
      title: string;
      metrics: number;
    };
  };
  tags: { key: string; value: TagEntry };
  counts: { key: string; value: CountEntry };
}

export type PaperlightDatabase = IDBPDatabase<PaperlightDB>;
type UpgradeTransaction = IDBPTransaction<PaperlightDB, StoreNames<PaperlightDB>[], 'versionchange'>;

/**
 * MIGRATIONS[n] takes a database from version n to n + 1. Never edit a released step: add one.
 * Each step may only await requests of the upgrade transaction (anything else would let it commit early).
 */
const MIGRATIONS: Array<(db: PaperlightDatabase, tx: UpgradeTransaction) => Promise<void> | void> = [
  // 0 → 1: papers keyed by canonical key, with the indexes the issue names.
  (db) => {
    const papers = db.createObjectStore('papers', { keyPath: 'key' });
    papers.createIndex('tags', 'tags', { multiEntry: true });
    papers.createIndex('status', 'status');
    papers.createIndex('savedAt', 'savedAt');
    papers.createIndex('updatedAt', 'updatedAt');
  },
  // 1 → 2: filtered pages in time order (tags, status, site, has code: each paired with savedAt), lookup by
  // any id, title and metric sorts, the tag list for autocomplete and the paper counts. Existing records get
  // tidy, case-insensitively unique tags and their derived index fields.
  async (db, tx) => {
    const papers = tx.objectStore('papers');
    papers.deleteIndex('tags');
    papers.deleteIndex('status');
    papers.createIndex('tags', 'ix.tags', { multiEntry: true });
    papers.createIndex('status', ['status', 'savedAt']);
    papers.createIndex('site', ['site', 'savedAt']);
    papers.createIndex('code', ['ix.code', 'savedAt']);
    papers.createIndex('ids', 'ix.ids', { multiEntry: true });
    papers.createIndex('title', 'ix.title');
    papers.createIndex('metrics', 'ix.metrics');
    db.createObjectStore('tags', { keyPath: 'id' });
    db.createObjectStore('counts', { keyPath: 'id' });
    // The first spelling met of each tag becomes the spelling of every paper.
    const spellings = new Map<string, string>();
    const migrated: SavedPaper[] = [];
    for (let cursor = await papers.openCursor(); cursor; cursor = await cursor.continue()) {
      const tags = normaliseTags(cursor.value.tags).map((tag) => {
        const id = tag.toLowerCase();
        if (!spellings.has(id)) spellings.set(id, tag);
        return spellings.get(id)!;
      });
      const paper = { ...toSaved(cursor.value), tags };
      migrated.push(paper);
      await cursor.update({ ...paper, ix: indexFields(paper) });
    }
    const { tags, counts } = countsOf(migrated);
    const tagStore = tx.objectStore('tags');
    const countStore = tx.objectStore('counts');
    await Promise.all([...tags.map((entry) => tagStore.put(entry)), ...counts.map((entry) => countStore.put(entry))]);
  },
];

export interface OpenOptions {
  /** Stop at this version (tests build databases as older releases left them). */
  version?: number;
  /** Called when the browser closes the connection on its own, or a newer version needs it closed. */
  onLost?: () => void;
}

export async function openPaperlightDb(name = DB_NAME, options: OpenOptions = {}): Promise<PaperlightDatabase> {
  const target = options.version ?? DB_VERSION;
  const db: PaperlightDatabase = await openDB<PaperlightDB>(name, target, {
    upgrade(database, oldVersion, _newVersion, tx) {
      // Steps run one after the other inside the single upgrade transaction.
      let chain = Promise.resolve();
      for (let version = oldVersion; version < target; version++) {
        const step = MIGRATIONS[version]!;
        chain = chain.then(() => step(database, tx));
      }
      chain.catch((error: unknown) => {
        console.error('Paperlight: database upgrade failed', error);
        tx.abort();
      });
    },
    blocking() {
      // A newer version (another copy of the extension after an update) waits for us: let it in.
      db.close();
      options.onLost?.();
    },
    terminated() {
      options.onLost?.();
    },
  });
  return db;
}

export interface DbOpener {
  /** The open database, opening (or re-opening) it if needed. */
  get(): Promise<PaperlightDatabase>;
  /** Forget the connection (it was closed or failed); the next `get` opens a new one. */
  reset(): void;
}

export function createDbOpener(name = DB_NAME): DbOpener {
  let pending: Promise<PaperlightDatabase> | undefined;
  const reset = () => {
    pending = undefined;
  };
  return {
    get() {
      pending ??= openPaperlightDb(name, { onLost: reset }).catch((error: unknown) => {
        pending = undefined;
        throw error;
      });
      return pending;
    },
    reset,
  };
}

/**
 * Runs `work` on the database; if the connection turned out to be closing (the browser closed it between
 * two messages), re-opens once and runs it again. `work` must not have written anything when it throws that.
 */
export async function withDb<T>(opener: DbOpener, work: (db: PaperlightDatabase) => Promise<T>): Promise<T> {
  const db = await opener.get();
  try {
    return await work(db);
  } catch (error) {
    if (!(error instanceof DOMException && error.name === 'InvalidStateError')) throw error;
    opener.reset();
    return work(await opener.get());
  }
}
