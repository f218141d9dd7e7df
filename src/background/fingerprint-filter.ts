// The title filter: a Bloom-style bit set of every saved paper's title fingerprint key (`ix.fingerprint`), kept in
// one record of its own store, so that a page's lookup reads it once and asks the fingerprint index only about the
// cards whose title may be saved (on a typical page most cards are not saved at all).
//
// It may answer "maybe" for a title that is not saved (a false positive costs one index read), never "no" for one
// that is: every write of a paper goes through `putPaper`, which sets the record's bits in the same transaction as
// the record (a write that fails leaves neither). Bits are never cleared: a paper removed or retitled leaves its
// old bits, which only cost reads, until the filter is built again. The filter is built from the fingerprint index
// by the database migration that created it, and again whenever a lookup finds it missing, made for another
// fingerprint version, or fuller than it was sized for (`buildFingerprintFilter`, in one transaction with the
// papers, so no write slips between the scan and the filter).
import { unwrap, type IDBPObjectStore } from 'idb';
import { TITLE_FINGERPRINT_VERSION } from '../core/identity/identity';
import type { SavedPaper } from '../core/paper';
import { toStored } from './records';
import type { AnyTx, FingerprintFilterRecord, PaperlightDB, PaperlightDatabase, Stores } from './schema';

export const FILTER_STORE = 'titleFilter';
const FILTER_ID = 'papers';

/**
 * What the bits mean: the layout below and the fingerprint version. A filter with another stamp is rebuilt, so a
 * change to either can never leave a lookup trusting bits set by other rules.
 */
const STAMP = `bloom-1/fingerprint-${TITLE_FINGERPRINT_VERSION}`;
/** Bits set per fingerprint. */
const HASHES = 5;
/** Bits per fingerprint the filter is sized for: about 2% false positives when full, far fewer before. */
const BITS_PER_ENTRY = 8;
/** A filter is sized for twice the fingerprints it is built with (room to grow), and never for fewer than this. */
const MIN_CAPACITY = 4096;

/** A usable filter, as a lookup reads it. */
export interface FingerprintFilter {
  mayContain(key: number): boolean;
}

/**
 * Visits the bit positions of a fingerprint key (53 bits) in a set of `size` bits (a power of two), by double
 * hashing; stops early when `visit` returns false. No array per key: a page's lookup tests hundreds of keys.
 */
function everyPosition(key: number, size: number, visit: (position: number) => boolean): boolean {
  const low = key % 2 ** 32;
  const high = Math.floor(key / 2 ** 32);
  const first = Math.imul(low ^ (low >>> 16), 0x45d9f3b) >>> 0;
  const step = Math.imul(high ^ low, 0x9e3779b1) | 1; // odd: every step visits a new bit modulo 2^n
  const mask = size - 1;
  for (let i = 0; i < HASHES; i++) if (!visit((first + Math.imul(i, step)) & mask)) return false;
  return true;
}

/** Sets the key's bits; true when one of them was not set yet (the key is new to the filter). */
function setBits(bits: Uint8Array, key: number): boolean {
  let changed = false;
  everyPosition(key, bits.length * 8, (position) => {
    const byte = position >>> 3;
    const bit = 1 << (position & 7);
    if ((bits[byte]! & bit) === 0) {
      bits[byte]! |= bit;
      changed = true;
    }
    return true;
  });
  return changed;
}

function hasBits(bits: Uint8Array, key: number): boolean {
  return everyPosition(key, bits.length * 8, (position) => (bits[position >>> 3]! & (1 << (position & 7))) !== 0);
}

/** An empty filter with room for `capacity` fingerprints (rounded up so that its size is a power of two). */
function emptyFilter(capacity: number): FingerprintFilterRecord {
  let bytes = 1;
  while (bytes * 8 < Math.max(capacity, MIN_CAPACITY) * BITS_PER_ENTRY) bytes *= 2;
  return { id: FILTER_ID, stamp: STAMP, capacity: (bytes * 8) / BITS_PER_ENTRY, entries: 0, bits: new Uint8Array(bytes) };
}

/** The filter of these fingerprint keys, sized for twice as many. */
export function filterOf(keys: readonly number[]): FingerprintFilterRecord {
  const record = emptyFilter(keys.length * 2);
  for (const key of keys) if (setBits(record.bits, key)) record.entries++;
  return record;
}

/** Whether the filter may hold the fingerprint key (false: no saved paper has that title). */
export function recordMayContain(record: FingerprintFilterRecord, key: number): boolean {
  return hasBits(record.bits, key);
}

/** Whether lookups may trust the record: made by today's rules, and not fuller than it was sized for. */
function isCurrent(record: FingerprintFilterRecord | undefined): record is FingerprintFilterRecord {
  return record?.stamp === STAMP && record.bits instanceof Uint8Array && record.entries <= record.capacity
    && record.bits.length * 8 === record.capacity * BITS_PER_ENTRY;
}

/**
 * The filter as a lookup reads it in its transaction, or undefined when it must be built again. Never rejects: a
 * failed read aborts the transaction, which fails the lookup's other reads.
 */
export async function readFingerprintFilter(tx: AnyTx): Promise<FingerprintFilter | undefined> {
  const record = await tx.objectStore(FILTER_STORE).get(FILTER_ID).catch(() => undefined);
  if (!isCurrent(record)) return undefined;
  return { mayContain: (key) => recordMayContain(record, key) };
}

/** What a transaction has noted so far: the keys waiting for the filter's read, then the filter as it writes it. */
interface FilterUpdate {
  store: IDBObjectStore;
  waiting: number[];
  /** undefined while the read is under way; null when there is no current filter (the next lookup builds one). */
  record?: FingerprintFilterRecord | null;
  /** A write of the record is due at the end of the current burst of puts. */
  writeDue?: boolean;
}

const updates = new WeakMap<IDBTransaction, FilterUpdate>();

/** Adds keys to the transaction's copy of the filter and writes it when a bit changed. */
function addKeys(update: FilterUpdate, keys: readonly number[]): void {
  const record = update.record;
  if (!record) return;
  let added = 0;
  for (const key of keys) if (setBits(record.bits, key)) added++;
  if (added === 0) return;
  record.entries += added;
  // One write per burst of puts, not one per paper (an import's loop would copy the whole bit set each time):
  // the microtask still runs while the transaction is active, and requests run in order, so the last write of
  // the transaction carries every bit.
  if (update.writeDue) return;
  update.writeDue = true;
  queueMicrotask(() => {
    update.writeDue = false;
    update.store.put(record);
  });
}

/**
 * Notes a fingerprint key written in `tx` (which must hold the filter's store). The filter is read once per
 * transaction; keys noted meanwhile wait for it. A failed read or write aborts the transaction, so the paper's
 * record is never written without its bits.
 */
function noteFingerprint(tx: IDBTransaction, key: number | undefined): void {
  if (key === undefined) return;
  const update = updates.get(tx);
  if (update) {
    if (update.record === undefined) update.waiting.push(key);
    else addKeys(update, [key]);
    return;
  }
  const store = tx.objectStore(FILTER_STORE);
  const started: FilterUpdate = { store, waiting: [key] };
  updates.set(tx, started);
  const request = store.get(FILTER_ID) as IDBRequest<FingerprintFilterRecord | undefined>;
  request.onsuccess = () => {
    started.record = isCurrent(request.result) ? request.result : null;
    const waiting = started.waiting;
    started.waiting = [];
    addKeys(started, waiting);
  };
}

type PaperStore = IDBPObjectStore<PaperlightDB, Stores, 'papers', 'readwrite'>;

/**
 * Writes a paper's record, and its title fingerprint into the filter in the same transaction: every write of a
 * paper goes through here (or the filter would answer "not saved" for it). Takes the plain store (bulk writes, no
 * promise per request) or idb's (a promise, as `commit` tracks).
 */
export function putPaper(papers: IDBObjectStore, paper: SavedPaper): IDBRequest<IDBValidKey>;
export function putPaper(papers: PaperStore, paper: SavedPaper): Promise<string>;
export function putPaper(papers: IDBObjectStore | PaperStore, paper: SavedPaper): IDBRequest<IDBValidKey> | Promise<string> {
  const record = toStored(paper);
  const plain = unwrap(papers as PaperStore) as IDBObjectStore | undefined ?? (papers as IDBObjectStore);
  noteFingerprint(plain.transaction, record.ix.fingerprint);
  return (papers as PaperStore).put(record);
}

/** Every fingerprint key of the papers' index, read with one key cursor (no record is read). */
function fingerprintKeys(papers: IDBObjectStore): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const keys: number[] = [];
    const request = papers.index('fingerprint').openKeyCursor();
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve(keys);
      keys.push(cursor.key as number);
      cursor.continue();
    };
    request.onerror = () => reject(request.error ?? new Error('reading the title index failed'));
  });
}

/**
 * Builds the filter from the papers' fingerprint index and issues its write, in the transaction of both stores
 * (whose completion reports a failed write).
 */
export async function writeFingerprintFilter(papers: IDBObjectStore, filters: IDBObjectStore): Promise<void> {
  filters.put(filterOf(await fingerprintKeys(papers)));
}

/**
 * Builds the filter again if it is missing, of another stamp or overfull (a write transaction over the papers and
 * the filter, so writes wait for it and none is missed). Lookups call it, without waiting, when they found no
 * current filter.
 */
export async function buildFingerprintFilter(db: PaperlightDatabase): Promise<void> {
  const tx = db.transaction(['papers', FILTER_STORE], 'readwrite');
  if (isCurrent(await tx.objectStore(FILTER_STORE).get(FILTER_ID))) return tx.done;
  await writeFingerprintFilter(unwrap(tx.objectStore('papers')), unwrap(tx.objectStore(FILTER_STORE)));
  await tx.done;
}
