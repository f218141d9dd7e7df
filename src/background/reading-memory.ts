// The reading memory: every paper met on a supported page, kept in the `seen` store apart from the library.
// A page's cards come in one `markSeen` batch, answered by ONE readwrite transaction: every lookup of the batch
// (each id, in the `ids` index of keys and aliases; each title fingerprint) is issued at once, the entries are worked out in
// memory, and every write is issued at once again; no promise is made per request (a 500-card page issues a few
// thousand). The memory keeps the most recently seen READING_MEMORY_LIMITS.entries papers: it counts what it
// adds, and once it holds 1% more than that, the oldest-seen entries are pruned in a transaction of their own,
// never on the batch's own path.
import { unwrap } from 'idb';
import { authorsAgree } from '../core/identity';
import {
  READING_MEMORY_LIMITS, aliasesOf, identityOf, unitedEntries, type SeenEntry,
} from '../core/reading-memory';
import type { SeenCard } from '../shared/messages';
import { storedSeenEntry } from './records';
import type { PaperlightDatabase } from './schema';

export interface ReadingMemoryOptions {
  /** Entries kept (tests use small ones). */
  limit?: number;
  /** How far past `limit` the memory may grow before a prune (default: 1% of `limit`). */
  slack?: number;
}

/** A raw request's result once the transaction has answered it. */
type Pending<T> = { result?: T };

/**
 * Issues `request` and keeps its result in the returned holder; `settle` resolves once every request issued
 * this way has answered (a failed request aborts the transaction, which rejects `done`).
 */
function collector() {
  let pending = 0;
  let resolve: () => void = () => undefined;
  const all = new Promise<void>((r) => (resolve = r));
  return {
    issue<T>(request: IDBRequest<T>): Pending<T> {
      const holder: Pending<T> = {};
      pending++;
      request.onsuccess = () => {
        holder.result = request.result;
        if (--pending === 0) resolve();
      };
      return holder;
    },
    settle(): Promise<void> {
      if (pending === 0) resolve();
      return all;
    },
  };
}

/** The batch's entries as the batch leaves them: loaded, created, united, with who carries each id. */
class BatchEntries {
  readonly current = new Map<string, SeenEntry>();
  /** Keys read from the database (an entry created in this batch is not). */
  readonly stored = new Set<string>();
  /** Keys whose entry was united into another: key → the key it went into. */
  private readonly movedTo = new Map<string, string>();
  private readonly byId = new Map<string, string>();
  private readonly byFingerprint = new Map<string, Set<string>>();
  readonly changed = new Set<string>();

  load(entry: SeenEntry): void {
    if (this.current.has(entry.key) || this.movedTo.has(entry.key)) return;
    this.stored.add(entry.key);
    this.register(entry);
  }

  register(entry: SeenEntry): void {
    this.current.set(entry.key, entry);
    for (const id of [entry.key, ...entry.aliases]) this.byId.set(id, entry.key);
    if (entry.fingerprint !== undefined) {
      const keys = this.byFingerprint.get(entry.fingerprint) ?? new Set<string>();
      keys.add(entry.key);
      this.byFingerprint.set(entry.fingerprint, keys);
    }
  }

  private resolve(key: string | undefined): SeenEntry | undefined {
    let at = key;
    while (at !== undefined && this.movedTo.has(at)) at = this.movedTo.get(at);
    return at === undefined ? undefined : this.current.get(at);
  }

  /** The entries of the card's paper: by any of its ids, or by fingerprint where the authors agree. */
  find(ids: readonly string[], fingerprint: string | undefined, authors: readonly string[]): SeenEntry[] {
    const found = new Map<string, SeenEntry>();
    for (const id of ids) {
      const entry = this.resolve(this.byId.get(id));
      if (entry) found.set(entry.key, entry);
    }
    if (fingerprint !== undefined) {
      for (const key of this.byFingerprint.get(fingerprint) ?? []) {
        const entry = this.resolve(key);
        if (entry && !found.has(entry.key) && authorsAgree(authors, entry.authors)) found.set(entry.key, entry);
      }
    }
    return [...found.values()];
  }

  /** `entries` (one paper) made `into`; the others' keys now lead to it. */
  unite(entries: readonly SeenEntry[], into: SeenEntry): void {
    for (const entry of entries) {
      if (entry.key === into.key) continue;
      this.current.delete(entry.key);
      this.movedTo.set(entry.key, into.key);
      this.changed.add(entry.key);
    }
    this.register(into);
    this.changed.add(into.key);
  }
}

export class ReadingMemory {
  private readonly limit: number;
  private readonly slack: number;
  /** How many entries the store holds, as far as this worker knows (undefined: count it with the next batch). */
  private count: number | undefined;

  constructor(options: ReadingMemoryOptions = {}) {
    this.limit = options.limit ?? READING_MEMORY_LIMITS.entries;
    this.slack = options.slack ?? Math.max(1, Math.floor(this.limit / 100));
  }

  /** Records one page's cards as seen at `now` (see the file comment); one transaction. */
  async markSeen(db: PaperlightDatabase, site: string, cards: readonly SeenCard[], now: number): Promise<{ seen: Array<{ key: string; firstSeen: number }> }> {
    const tx = db.transaction('seen', 'readwrite');
    tx.done.catch(() => undefined); // a failure is reported by the await below
    const store = unwrap(tx.objectStore('seen'));
    const byIds = store.index('ids');
    const fingerprints = store.index('fingerprint');
    const reads = collector();
    const identities = cards.map((card) => identityOf(card.title, card.authors));
    const ids = new Set(cards.flatMap((card) => [card.key, ...card.aliases]));
    const prints = new Set(identities.flatMap((identity) => (identity.fingerprint === undefined ? [] : [identity.fingerprint])));
    // One read per id finds the entry whose key or alias it is (the `ids` index holds both).
    const byId = [...ids].map((id) => reads.issue(byIds.getAll(id) as IDBRequest<SeenEntry[]>));
    const byPrint = [...prints].map((print) => reads.issue(fingerprints.getAll(print) as IDBRequest<SeenEntry[]>));
    const counted = this.count === undefined ? reads.issue(store.count()) : undefined;
    await Promise.race([reads.settle(), tx.done]);

    const batch = new BatchEntries();
    for (const read of [...byId, ...byPrint]) for (const entry of read.result ?? []) batch.load(entry);

    const seen = cards.map((card, i) => {
      const identity = identities[i]!;
      const cardIds = [card.key, ...card.aliases];
      const found = batch.find(cardIds, identity.fingerprint, card.authors);
      if (found.length === 0) {
        const entry: SeenEntry = { key: card.key, aliases: aliasesOf(card.key, card.aliases), ...identity, firstSeen: now, lastSeen: now, site };
        batch.unite([], entry);
        return { key: card.key, firstSeen: now };
      }
      const firstSeen = Math.min(...found.map((entry) => entry.firstSeen));
      const united = found.reduce(unitedEntries);
      const fingerprint = united.fingerprint ?? identity.fingerprint;
      batch.unite(found, {
        ...united,
        aliases: aliasesOf(united.key, [...united.aliases, ...cardIds]),
        ...(fingerprint !== undefined && { fingerprint }),
        authors: united.authors.length > 0 ? united.authors : identity.authors,
        lastSeen: Math.max(united.lastSeen, now),
      });
      return { key: card.key, firstSeen };
    });

    let delta = 0;
    for (const key of batch.changed) {
      const entry = batch.current.get(key);
      if (entry) {
        store.put(storedSeenEntry(entry));
        if (!batch.stored.has(key)) delta++;
      } else if (batch.stored.has(key)) {
        store.delete(key);
        delta--;
      }
    }
    await tx.done;
    const before = counted ? counted.result! : this.count!;
    this.count = before + delta;
    return { seen };
  }

  /** Whether the memory has grown past its bound by more than the slack (the caller then runs `prune`). */
  needsPrune(): boolean {
    return this.count !== undefined && this.count > this.limit + this.slack;
  }

  /** The store changed under the counter (an import): count again with the next batch, and prune if needed. */
  recount(): void {
    this.count = undefined;
  }

  /** Deletes the oldest-seen entries beyond the bound, in a transaction of its own; returns how many. */
  async prune(db: PaperlightDatabase): Promise<{ pruned: number }> {
    const tx = db.transaction('seen', 'readwrite');
    const store = tx.objectStore('seen');
    const count = await store.count();
    const excess = count - this.limit;
    if (excess > 0) {
      const oldest = await store.index('lastSeen').getAllKeys(null, excess);
      const raw = unwrap(store);
      for (const key of oldest) raw.delete(key);
    }
    await tx.done;
    this.count = Math.min(count, this.limit);
    return { pruned: Math.max(0, excess) };
  }

  /** Forgets every paper seen; never touches the library (the transaction holds the `seen` store only). */
  async clear(db: PaperlightDatabase): Promise<{ removed: number }> {
    const tx = db.transaction('seen', 'readwrite');
    const store = tx.objectStore('seen');
    const [removed] = await Promise.all([store.count(), store.clear(), tx.done]);
    this.count = 0;
    return { removed };
  }

  async stats(db: PaperlightDatabase): Promise<{ entries: number }> {
    const entries = await db.count('seen');
    this.count = entries;
    return { entries };
  }
}
