// Reads the background's search snapshot record straight from the database: extension pages share the
// background's origin, and a text of megabytes that takes seconds through runtime messaging takes milliseconds
// from IndexedDB. Read only (the background owns every write), the connection closed at once so that it never
// holds up an upgrade, and a database that does not exist yet is left for the background to create.
import { DB_NAME } from '../shared/database';

export interface StoredSnapshot {
  text: string | null;
  /** Papers written since the text was built: while any are, the text is behind. */
  dirty: readonly string[];
}

/** The stored record, or null when there is none (no database yet, an older one, or a failed read). */
export function readStoredSnapshot(name: string = DB_NAME): Promise<StoredSnapshot | null> {
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
    request.onsuccess = () => {
      const db = request.result;
      const done = (value: StoredSnapshot | null) => {
        db.close();
        resolve(value);
      };
      if (!db.objectStoreNames.contains('snapshot')) return done(null);
      try {
        const tx = db.transaction('snapshot', 'readonly');
        const state = tx.objectStore('snapshot').get('state');
        const text = tx.objectStore('snapshot').get('text');
        tx.oncomplete = () => done(readRecords(state.result, text.result));
        tx.onerror = () => done(null);
        tx.onabort = () => done(null);
      } catch {
        done(null);
      }
    };
  });
}

/** The two records as background/search-snapshot.ts writes them; a stale text is no text. */
function readRecords(state: unknown, text: unknown): StoredSnapshot | null {
  if (typeof state !== 'object' || state === null) return null;
  const { dirty, stale } = state as { dirty?: unknown; stale?: unknown };
  if (!Array.isArray(dirty) || typeof stale !== 'boolean') return null;
  const body = typeof text === 'object' && text !== null ? (text as { text?: unknown }).text : undefined;
  return { text: !stale && typeof body === 'string' ? body : null, dirty: dirty.filter((key): key is string => typeof key === 'string') };
}
