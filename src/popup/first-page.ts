// The popup's first page, read straight from the database (as the search snapshot is, see stored-snapshot.ts):
// the newest papers and the library's size, exactly what the background's `query` answers for the default
// view (savedAt descending, ties by key descending, no filter), without a round trip through a service worker
// that may be asleep or busy. The background owns every write; this only reads, on a connection of its own.
import type { SavedPaper } from '../core/paper';
import { DB_NAME, savedPaperOf } from '../shared/database';
import { completed, readDatabase } from './stored-snapshot';

// Its size is shared with the popup's copy of the first frame, which keeps the first page's statuses and sites.
export { FIRST_PAGE_SIZE } from '../shared/first-frame-url';

export interface FirstPage {
  items: SavedPaper[];
  /** Papers in the library. */
  total: number;
}

/** Reads a whole index page in one request where the browser can read an index backwards (`getAll` options). */
const BACKWARDS_GET_ALL = typeof IDBIndex !== 'undefined' && 'getAllRecords' in IDBIndex.prototype;

/** The newest `size` papers and the library's size; null when the database is not there or not as expected. */
export function readFirstPage(size: number, name: string = DB_NAME): Promise<FirstPage | null> {
  return readDatabase(name, async (db) => {
    if (!db.objectStoreNames.contains('papers') || !db.objectStoreNames.contains('counts')) return null;
    const tx = db.transaction(['papers', 'counts'], 'readonly');
    const index = tx.objectStore('papers').index('savedAt');
    const count = tx.objectStore('counts').get('all');
    let items: SavedPaper[] = [];
    if (BACKWARDS_GET_ALL) {
      const request = index.getAll({ count: size, direction: 'prev' } as unknown as IDBKeyRange);
      request.onsuccess = () => (items = (request.result as SavedPaper[]).map(savedPaperOf));
    } else {
      const cursor = index.openCursor(null, 'prev');
      cursor.onsuccess = () => {
        const at = cursor.result;
        if (!at) return;
        items.push(savedPaperOf(at.value as SavedPaper));
        if (items.length < size) at.continue();
      };
    }
    return completed(tx, () => {
      const total = (count.result as { count?: unknown } | undefined)?.count;
      return { items, total: typeof total === 'number' ? total : 0 }; // as the background counts it
    });
  });
}
