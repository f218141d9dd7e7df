// Write transactions, and the one way writes are issued: every request is awaited together with the
// transaction's completion, so a write is reported done only once it is durable, and a failure anywhere
// (a request refused, the quota reached) aborts the whole transaction and reaches the caller, never
// an unhandled rejection.
import { unwrap } from 'idb';
import type { AnyTx, PaperlightDatabase, Stores, WriteTx } from './schema';

/**
 * The library's stores, which every library transaction holds. The reading memory (`seen`) is left out unless
 * asked for: a page's `markSeen` batch then never waits for a save in another tab, nor a save for it.
 */
export const LIBRARY_STORES: Stores = ['papers', 'tags', 'counts', 'trash', 'titleFilter'];
export const WITH_READING_MEMORY: Stores = [...LIBRARY_STORES, 'seen'];

export function writeTransaction(db: PaperlightDatabase, stores: Stores = LIBRARY_STORES): WriteTx {
  return quiet(db.transaction(stores, 'readwrite'));
}

export function readTransaction(db: PaperlightDatabase, stores: Stores = LIBRARY_STORES): AnyTx {
  return quiet(db.transaction(stores, 'readonly'));
}

/**
 * If a read fails, the transaction aborts and its `done` promise rejects even when nobody waits for it: the
 * failed read already reports the error to the caller, so that second report is marked handled here.
 */
function quiet<T extends AnyTx>(tx: T): T {
  tx.done.catch(() => undefined);
  return tx;
}

/**
 * Runs `issue`, which starts write requests and hands each to `track`, then waits for all of them and for the
 * transaction to complete. If `issue` throws (a request refused synchronously), the transaction is aborted.
 */
export async function commit(
  tx: WriteTx,
  issue: (track: (request: Promise<unknown>) => void) => void | Promise<void>,
): Promise<void> {
  const pending: Array<Promise<unknown>> = [tx.done];
  try {
    await issue((request) => pending.push(request));
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted: nothing left to undo.
    }
    await Promise.allSettled(pending);
    throw error;
  }
  await Promise.all(pending);
}

/** The plain stores of a write transaction, for writes issued by the thousand. */
export interface BulkStores {
  papers: IDBObjectStore;
  tags: IDBObjectStore;
  counts: IDBObjectStore;
  trash: IDBObjectStore;
  /** Present when the transaction holds the reading memory. */
  seen?: IDBObjectStore;
}

/**
 * Runs `issue`, which starts any number of writes on the plain stores, then waits for the transaction to
 * complete. No promise or listener is made per request (for a 10,000-paper import that bookkeeping costs more
 * than issuing the writes): a refused request aborts the transaction, and its completion then rejects with
 * that error. If `issue` throws, the transaction is aborted and the error reaches the caller.
 */
export async function commitBulk(tx: WriteTx, issue: (stores: BulkStores) => void): Promise<void> {
  await issueThenComplete(tx, () => issue({
    papers: unwrap(tx.objectStore('papers')),
    tags: unwrap(tx.objectStore('tags')),
    counts: unwrap(tx.objectStore('counts')),
    trash: unwrap(tx.objectStore('trash')),
    ...(tx.objectStoreNames.contains('seen') && { seen: unwrap(tx.objectStore('seen')) }),
  }));
}

/**
 * Runs `issue` (which starts requests in `tx`), then waits for the transaction to complete. If `issue` throws,
 * the transaction is aborted, its end awaited, and the error reaches the caller.
 */
export async function issueThenComplete(tx: { abort(): void; done: Promise<void> }, issue: () => void): Promise<void> {
  try {
    issue();
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted: nothing left to undo.
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
  await tx.done;
}
