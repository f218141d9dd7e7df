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
        const get = db.transaction('snapshot', 'readonly').objectStore('snapshot').get('search');
        get.onsuccess = () => done(readRecord(get.result));
        get.onerror = () => done(null);
      } catch {
        done(null);
      }
    };
  });
}

function readRecord(value: unknown): StoredSnapshot | null {
  if (typeof value !== 'object' || value === null) return null;
  const { text, dirty } = value as { text?: unknown; dirty?: unknown };
  if (!(typeof text === 'string' || text === null) || !Array.isArray(dirty)) return null;
  return { text, dirty: dirty.filter((key): key is string => typeof key === 'string') };
}
