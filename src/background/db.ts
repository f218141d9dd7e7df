// The one IndexedDB database: its typed schema, its versioned upgrades, and an opener that re-opens it on
// demand (the MV3 service worker may be stopped at any moment, and the browser may close a connection).
import { openDB, unwrap, type IDBPTransaction, type StoreNames } from 'idb';
import { normaliseTags, tagId } from '../core/tags';
import type { SavedPaper } from '../core/paper';
import { DB_NAME } from '../shared/database';
import { countsOf } from './counts';
import { writeFingerprintFilter } from './fingerprint-filter';
import { indexFields, storedSeenEntry, toSaved } from './records';
import type { PaperlightDB, PaperlightDatabase, StoredPaper } from './schema';
import type { SeenEntry } from '../core/reading-memory';

export { DB_NAME };
export const DB_VERSION = 11;

type UpgradeTransaction = IDBPTransaction<PaperlightDB, StoreNames<PaperlightDB>[], 'versionchange'>;

/**
 * MIGRATIONS[n] takes a database from version n to n + 1. Never edit a released step: add one.
 * Each step may only await requests of the upgrade transaction (anything else would let it commit early).
 */
const MIGRATIONS: Array<(db: PaperlightDatabase, tx: UpgradeTransaction, slice: number) => Promise<void> | void> = [
  // 0 → 1: papers keyed by canonical key, indexed by tag, reading status, save time and last edit.
  (db) => {
    const papers = unwrap(db.createObjectStore('papers', { keyPath: 'key' })); // some indexes are gone from today's typed schema
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
    const indexes = unwrap(papers); // some of these indexes are gone from today's typed schema
    indexes.deleteIndex('tags');
    indexes.deleteIndex('status');
    indexes.createIndex('tags', 'ix.tags', { multiEntry: true });
    indexes.createIndex('status', ['status', 'savedAt']);
    indexes.createIndex('site', ['site', 'savedAt']);
    indexes.createIndex('code', ['ix.code', 'savedAt']);
    indexes.createIndex('ids', 'ix.ids', { multiEntry: true });
    indexes.createIndex('title', 'ix.title');
    indexes.createIndex('metrics', 'ix.metrics');
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
      // Cast: version 2's index fields, not today's.
      await cursor.update({ ...paper, ix: version2IndexFields(paper) } as unknown as StoredPaper);
    }
    const { tags, counts } = countsOf(migrated);
    const tagStore = tx.objectStore('tags');
    const countStore = tx.objectStore('counts');
    await Promise.all([...tags.map((entry) => tagStore.put(entry)), ...counts.map((entry) => countStore.put(entry))]);
  },
  // 2 → 3: only the indexes the product reads stay, since every index entry is a write of its own: 10,000
  // papers carried about 107,000 entries, now about 57,000 (in Chromium each 10,000 cost an import ~0.1 s).
  // Nothing sends queries sorted by title or metrics count or filtered by site or code alone (the popup sorts
  // and filters the whole library it holds), so those are answered from a read of every record; a paper is
  // found by key through the store itself and by alias through `aliases`. Records keep the derived fields
  // version 2 wrote beside `ix.tags` until their next write: nothing reads them, and rewriting every record
  // would slow the upgrade.
  (_db, tx) => {
    const papers = unwrap(tx.objectStore('papers'));
    for (const name of ['site', 'code', 'ids', 'title', 'metrics']) papers.deleteIndex(name);
    papers.createIndex('aliases', 'aliases', { multiEntry: true });
  },
  // 3 → 4: the Trash. Removing a paper moves it here, exactly as it was, with the time of removal; the index on
  // that time finds what has been there 30 days. Nothing else changes: no record is rewritten.
  (db) => {
    const trash = db.createObjectStore('trash', { keyPath: 'key' });
    trash.createIndex('removedAt', 'removedAt');
  },
  // 4 → 5: undoing a library import. Each import that changed the library leaves the keys it added and the
  // saved records it changed, as they were, under the token its reply gave; the newest few are kept. A service
  // worker may stop between an import and its undo, so this lives in the database, not in memory.
  (db) => {
    const imports = db.createObjectStore('imports', { keyPath: 'id' });
    imports.createIndex('createdAt', 'createdAt');
  },
  // 5 → 6: the reading memory, a store of its own beside the papers: found by key or alias, by title fingerprint
  // (an entry without one is simply not in that index), and pruned through `lastSeen`. No record is rewritten.
  (db) => {
    const seen = unwrap(db.createObjectStore('seen', { keyPath: 'key' })); // `aliases` is gone from today's typed schema
    seen.createIndex('aliases', 'aliases', { multiEntry: true });
    seen.createIndex('fingerprint', 'fingerprint');
    seen.createIndex('lastSeen', 'lastSeen');
  },
  // 6 → 7: title identity and published versions. Every paper gets `venues` ([] until a venue page shows it) and
  // its title fingerprint among its index fields, which the new `fingerprint` index reads: a card under other ids
  // (the proceedings page of a paper saved from arXiv) finds its paper by title. Trash entries get `venues` too.
  // Each record is rewritten once, whole, with every field it had; the writes are issued without awaiting each
  // (the upgrade transaction completes once all are done, or aborts on a failure, leaving version 6 as it was).
  async (_db, tx) => {
    const papers = tx.objectStore('papers');
    unwrap(papers).createIndex('fingerprint', 'ix.fingerprint');
    const trash = tx.objectStore('trash');
    const [records, trashed] = await Promise.all([papers.getAll(), trash.getAll()]);
    const paperStore = unwrap(papers);
    for (const record of records) {
      const paper = { ...record, venues: record.venues ?? [] };
      paperStore.put({ ...paper, ix: { ...record.ix, ...indexFields(paper) } });
    }
    const trashStore = unwrap(trash);
    for (const entry of trashed) if (!entry.venues) trashStore.put({ ...entry, venues: [] });
  },
  // 7 → 8: the popup's search snapshot, a store of one record the background builds on first use and keeps up to
  // date after every write (search-snapshot.ts). Empty at first: no record is read or rewritten.
  (db) => {
    db.createObjectStore('snapshot', { keyPath: 'id' });
  },
  // 8 → 9: fewer index entries per write, measured in Chromium where each entry is a write of its own.
  // - papers lose `status` and `updatedAt` (10,000 papers carried ~69,000 index entries, now ~49,000; an import
  //   of 10,000 papers costs the browser's database ~10% less): nothing in the product asks for a status page or
  //   a page by last edit (the popup filters and sorts the library it holds), and the query answers both from
  //   one read of the library, as it does for sites and titles. No record is rewritten.
  // - the reading memory finds an entry by any of its ids in one read of a new multiEntry `ids` index (the key
  //   and the aliases together), where it took two (the store by key, `aliases`); `aliases` goes. Every entry
  //   is rewritten once with its `ids`, a slice at a time so that a full memory (200,000 entries) is never held
  //   in memory at once; the writes of a slice are issued without awaiting each.
  async (_db, tx, sliceSize) => {
    const papers = unwrap(tx.objectStore('papers'));
    papers.deleteIndex('status');
    papers.deleteIndex('updatedAt');
    const seen = tx.objectStore('seen');
    const rawSeen = unwrap(seen);
    rawSeen.deleteIndex('aliases');
    rawSeen.createIndex('ids', 'ids', { multiEntry: true });
    let after: IDBKeyRange | null = null;
    for (;;) {
      // Cast: version 8's entries, which have no `ids` yet.
      const slice = (await seen.getAll(after, sliceSize)) as SeenEntry[];
      for (const entry of slice) rawSeen.put(storedSeenEntry(entry));
      if (slice.length < sliceSize) break;
      after = IDBKeyRange.lowerBound(slice.at(-1)!.key, true);
    }
  },
  // 9 → 10: the title filter (fingerprint-filter.ts), built from the papers' fingerprint index (keys only: no record
  // is read or rewritten). From here on every write of a paper sets its bits in the same transaction.
  async (db, tx) => {
    const filters = unwrap(db.createObjectStore('titleFilter', { keyPath: 'id' }));
    await writeFingerprintFilter(unwrap(tx.objectStore('papers')), filters);
  },
  // 10 → 11: the options page lists the imports that can still be undone. An entry's value holds every record the
  // import changed (thousands for a large file), so the list reads a `summary` index (time, format, file name,
  // counts) through a key cursor and no value. Entries stored before have no `summary` and are simply not in the
  // index (the list reads those few whole); no entry is rewritten.
  (_db, tx) => {
    unwrap(tx.objectStore('imports')).createIndex('summary', 'summary');
  },
];

/** Records read at a time by a migration step that rewrites a store which may be large. */
const MIGRATION_SLICE = 10_000;

/** The index fields version 2 derived (its migration step must keep writing what version 2 read). */
function version2IndexFields(paper: SavedPaper) {
  return {
    ids: [...new Set([paper.key, ...paper.aliases])],
    tags: paper.tags.map((tag) => [tagId(tag), paper.savedAt]),
    code: paper.codeLinks.length > 0 ? 1 : 0,
    title: paper.title.toLowerCase(),
    metrics: paper.metrics.length,
  };
}

export interface OpenOptions {
  /** Stop at this version (tests build databases as older releases left them). */
  version?: number;
  /** Records read at a time by a step that rewrites a large store (tests take small slices to cross their edges). */
  migrationSlice?: number;
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
        chain = chain.then(() => step(database, tx, options.migrationSlice ?? MIGRATION_SLICE));
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
