// The one IndexedDB database: its name, and how a stored paper record is given out. The background owns it
// (background/db.ts); extension pages, which share the background's origin, only ever read from it: the popup's
// first page (popup/first-page.ts) and its search snapshot (popup/stored-snapshot.ts).
import type { SavedPaper } from '../core/paper';

export const DB_NAME = 'paperlight';

/**
 * A stored paper as the rest of the product sees it: without the index fields (`ix`) the background derives for
 * its indexes, and with `venues` (a Trash entry removed before venues were kept has none).
 */
export function savedPaperOf(stored: SavedPaper & { ix?: unknown }): SavedPaper {
  // Destructuring keeps every field the record has, so fields added to SavedPaper later are not lost.
  const { ix: _ix, ...paper } = stored;
  return paper.venues ? paper : { ...paper, venues: [] };
}
