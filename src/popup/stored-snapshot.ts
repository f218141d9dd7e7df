// Reads the background's search snapshot straight from the database: extension pages share the background's
// origin, and megabytes that take seconds through runtime messaging take milliseconds from IndexedDB. Read only
// (the background owns every write), the connection closed as soon as its reads are done so that it never holds
// up an upgrade, and a database that does not exist yet is left for the background to create.
import { DB_NAME } from '../shared/database';

export interface StoredSnapshot {
  /** The stored columns, unchecked (`decodeSnapshot` checks them); null when stale or missing. */
  columns: unknown;
  /** Papers written since the snapshot was built: while any are, it is behind. */
  dirty: readonly string[];
}

/** Open connections by database name, with how many reads use each. */
const connections = new Map<string, { db: Promise<IDBDatabase | null>; reads: number }>();

/** Opens `name`; null when it does not exist yet (it is left for the background to create) or cannot be opened. */
function open(name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(name);
    } catch {
      resolve(null);
      return;
    }
    // Only a database that does not exist yet gets here: creating it is the background's, with its migrations.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => resolve(null);
    request.onsuccess = () => resolve(request.result);
  });
}

/**
 * Runs `read` on a connection of the page's own, closed as soon as the last read on it settles; null when the
 * database does not exist yet or cannot be opened. Reads begun together (the popup's entry begins two) share one
 * connection: one open, not two, before the first page can be asked for.
 */
export async function readDatabase<T>(name: string, read: (db: IDBDatabase) => Promise<T | null>): Promise<T | null> {
  let connection = connections.get(name);
  if (!connection) connections.set(name, (connection = { db: open(name), reads: 0 }));
  connection.reads++;
  const db = await connection.db;
  try {
    return db ? await read(db).catch(() => null) : null;
  } finally {
    if (--connection.reads === 0) {
      connections.delete(name);
      db?.close();
    }
  }
}

/** Resolves when `tx` completes, with `result()`; null when it fails or aborts. */
export function completed<T>(tx: IDBTransaction, result: () => T | null): Promise<T | null> {
  return new Promise((resolve) => {
    tx.oncomplete = () => resolve(result());
    tx.onerror = () => resolve(null);
    tx.onabort = () => resolve(null);
  });
}

/**
 * The stored snapshot, or null when there is none (no database yet, an older one, or a failed read). The read
 * begins at once; its records are taken only once `takeAfter` resolves: the database reads and hands over the
 * megabytes off the page's thread, but taking a record's value out (`result`) decodes it on the page's thread,
 * which the popup's entry keeps clear until its first frame is on screen.
 */
export async function readStoredSnapshot(name: string = DB_NAME, takeAfter?: Promise<unknown>): Promise<StoredSnapshot | null> {
  const requests = await readDatabase(name, async (db) => {
    if (!db.objectStoreNames.contains('snapshot')) return null;
    const tx = db.transaction('snapshot', 'readonly');
    const state = tx.objectStore('snapshot').get('state');
    const columns = tx.objectStore('snapshot').get('columns');
    return completed(tx, () => ({ state, columns }));
  });
  if (!requests) return null;
  await takeAfter;
  return readRecords(requests.state.result, requests.columns.result);
}

/** The two records as background/search-snapshot.ts writes them; a stale snapshot is none. */
function readRecords(state: unknown, record: unknown): StoredSnapshot | null {
  if (typeof state !== 'object' || state === null) return null;
  const { dirty, stale } = state as { dirty?: unknown; stale?: unknown };
  if (!Array.isArray(dirty) || typeof stale !== 'boolean') return null;
  const columns = typeof record === 'object' && record !== null ? (record as { columns?: unknown }).columns ?? null : null;
  return { columns: stale ? null : columns, dirty: dirty.filter((key): key is string => typeof key === 'string') };
}
