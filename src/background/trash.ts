// The Trash, as the store's write operations use it: a removed paper is kept exactly as it was, with the time of
// its removal, for 30 days. Every write or read of the Trash first prunes what has been there that long, in the
// same transaction, so the Trash never shows (or restores) a paper past its time, whatever the clock says when
// the background starts.
import { TRASH_KEPT_MS, untrashed, type SavedPaper, type TrashedPaper } from '../core/paper';
import { canonicalPaper } from '../core/paper-record';
import { UserError } from './errors';
import { mergeCopies } from './records';
import type { AnyTx, WriteTx } from './schema';

/** Whether an entry removed at `removedAt` is due for pruning at `now`. */
export function isExpired(removedAt: number, now: number): boolean {
  return removedAt <= now - TRASH_KEPT_MS;
}

/** The keys of the entries due for pruning at `now` (read through the removedAt index). */
export function expiredKeys(tx: AnyTx, now: number): Promise<string[]> {
  return tx.objectStore('trash').index('removedAt').getAllKeys(IDBKeyRange.upperBound(now - TRASH_KEPT_MS));
}

/**
 * The Trash entry of a paper removed at `now`. An earlier removed copy still in the Trash under the same key (the
 * paper was saved again, then removed again) is united with it as a backup merge unites copies, so neither
 * copy's note or tags are lost; only past the tag limit does the copy just removed win alone.
 */
export function trashEntry(removed: SavedPaper, earlier: TrashedPaper | undefined, now: number): TrashedPaper {
  let paper = canonicalPaper(removed);
  if (earlier) {
    try {
      paper = mergeCopies(removed, untrashed(earlier), new Map());
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
    }
  }
  return { ...paper, removedAt: now };
}

/** The Trash's order: most recently removed first, papers removed together in key order. */
export function newestRemovedFirst(entries: TrashedPaper[]): TrashedPaper[] {
  return entries.sort((a, b) => b.removedAt - a.removedAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Below this many keys, Trash entries are read one by one; above, one read of the whole Trash is cheaper. */
const READ_ONE_BY_ONE = 500;

/** What moving papers to the Trash needs read first: the entries already under their keys, and what is due. */
export interface TrashAhead {
  earlier: Map<string, TrashedPaper>;
  expired: string[];
}

/** `keys`: the keys the removed papers have, or `'all'` when they are not known yet (clearing the library). */
export async function readTrashAhead(tx: AnyTx, keys: readonly string[] | 'all', now: number): Promise<TrashAhead> {
  const store = tx.objectStore('trash');
  const [found, expired] = await Promise.all([
    keys !== 'all' && keys.length <= READ_ONE_BY_ONE ? Promise.all(keys.map((key) => store.get(key))) : store.getAll(),
    expiredKeys(tx, now),
  ]);
  const due = new Set(expired);
  const earlier = new Map<string, TrashedPaper>();
  for (const entry of found) if (entry && !due.has(entry.key)) earlier.set(entry.key, entry);
  return { earlier, expired };
}

/** Prunes what is due, then puts each removed paper in the Trash (requests run in order within the transaction). */
export function moveToTrash(
  tx: WriteTx,
  removed: readonly SavedPaper[],
  ahead: TrashAhead,
  now: number,
  track: (request: Promise<unknown>) => void,
): void {
  const store = tx.objectStore('trash');
  for (const key of ahead.expired) track(store.delete(key));
  for (const paper of removed) track(store.put(trashEntry(paper, ahead.earlier.get(paper.key), now)));
}
