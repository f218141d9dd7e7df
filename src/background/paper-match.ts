// Finding the saved record of a paper that a card (or another record) shows: by its key, then by an alias, then
// by title identity. The title fingerprint index gives the records with the same normalised title and the core's
// rule confirms one (authors agree; core/identity, docs/paper-identity.md). So a paper saved from arXiv is found
// from its NeurIPS, PMLR or ACL Anthology card, which carries none of its ids.
import { unwrap } from 'idb';
import { findByFingerprint, titleFingerprint } from '../core/identity/identity';
import type { FingerprintFilter } from './fingerprint-filter';
import { fingerprintKey, type CardMatch } from './records';
import type { AnyTx, StoredPaper } from './schema';

/**
 * The saved record of each id: the paper keyed by it, else the paper carrying it as an alias. The ids are read
 * as keys all at once, then the ones no key found as aliases all at once: two rounds, and no alias read for an
 * id that is a key.
 */
export async function recordsByIds(tx: AnyTx, ids: readonly string[]): Promise<Array<StoredPaper | undefined>> {
  const papers = tx.objectStore('papers');
  const byKey = await batchGet(unwrap(papers), ids);
  const missing = ids.flatMap((id, i) => (byKey[i] ? [] : [i]));
  if (missing.length === 0) return byKey;
  const byAlias = await batchGet(unwrap(papers.index('aliases')), missing.map((i) => ids[i]!));
  missing.forEach((i, j) => (byKey[i] = byAlias[j]));
  return byKey;
}

/** The saved record that carries any of `ids` (the first id found wins). */
export async function findByIds(tx: AnyTx, ids: readonly string[]): Promise<StoredPaper | undefined> {
  const hits = await recordsByIds(tx, [...new Set(ids)]);
  return hits.find((hit) => hit !== undefined);
}

/**
 * `get` of every key, issued at once on the plain store or index with one promise for the batch: a page's
 * hundreds of reads then cost no promise or wrapper each.
 */
function batchGet(source: IDBIndex | IDBObjectStore, keys: readonly IDBValidKey[]): Promise<Array<StoredPaper | undefined>> {
  return new Promise((resolve, reject) => {
    const results = new Array<StoredPaper | undefined>(keys.length);
    let pending = keys.length;
    if (pending === 0) resolve(results);
    keys.forEach((key, i) => {
      const request = source.get(key);
      request.onsuccess = () => {
        results[i] = request.result as StoredPaper | undefined;
        if (--pending === 0) resolve(results);
      };
      request.onerror = () => reject(request.error ?? new Error('a read of the library failed'));
    });
  });
}

/** What matching reads of a card: its ids, its title and its authors. */
export interface CardIdentity {
  key: string;
  aliases?: readonly string[];
  title: string;
  authors: readonly string[];
}

export interface Match {
  record: StoredPaper;
  /** `id`: the card carries one of the record's ids; `title`: only title identity joins them. */
  by: CardMatch;
}

/**
 * The saved record of each card, in the order given (undefined when its paper is not saved). Two rounds of reads
 * however many cards (three when a title names several saved papers): every card's ids as keys at once, then at
 * once the ids no key found as aliases and the fingerprints of the cards none of whose ids is a key. An id found
 * (as key or alias) wins over a title; a title read for a card that an alias then found is simply not used. A
 * card whose title has fewer than four words is found by its ids only. Of several records with the same title,
 * the first whose authors agree with the card's is taken (the index lists them in key order). With `titleFilter`
 * (read in the same transaction), the index is asked only about the fingerprints the filter may hold; without
 * one, about all of them.
 */
export async function matchCards(
  tx: AnyTx,
  cards: readonly CardIdentity[],
  titleFilter?: Promise<FingerprintFilter | undefined>,
): Promise<Array<Match | undefined>> {
  // Plain loops and arrays indexed by position rather than a map lookup per card and id: a page's lookup runs this
  // for 600 cards. Each distinct id is read once; each card keeps where its ids are in the list read.
  const { ids, keySlots, aliasSlots } = idSlots(cards);
  const papers = tx.objectStore('papers');
  // The record of each id: as a key after the first round, as an alias for the others after the second.
  const byId = await batchGet(unwrap(papers), ids);
  const missing: number[] = [];
  byId.forEach((hit, slot) => {
    if (!hit) missing.push(slot);
  });
  const hasKey = (i: number) => byId[keySlots[i]!] !== undefined || (aliasSlots[i]?.some((slot) => byId[slot]) ?? false);

  const filter = await titleFilter;
  // The cards none of whose ids is a key, with their fingerprint (kept to confirm candidates) and its index key.
  const titled: number[] = [];
  const fingerprints: string[] = [];
  const titledKeys: number[] = [];
  cards.forEach((card, i) => {
    if (hasKey(i)) return;
    const fingerprint = titleFingerprint(card.title);
    if (fingerprint === undefined) return;
    const key = fingerprintKey(fingerprint);
    if (filter && !filter.mayContain(key)) return;
    titled.push(i);
    fingerprints.push(fingerprint);
    titledKeys.push(key);
  });
  const wanted = [...new Set(titledKeys)];
  const index = papers.index('fingerprint');
  // Most fingerprints name no saved paper, and nearly all the others one: the first record of each is read (a
  // lighter request than reading them all); only where it is another paper are all its namesakes read.
  const [asAliases, first] = await Promise.all([
    batchGet(unwrap(papers.index('aliases')), missing.map((slot) => ids[slot]!)),
    batchGet(unwrap(index), wanted),
  ]);
  missing.forEach((slot, j) => (byId[slot] = asAliases[j]));
  const matches = cards.map((_, i): Match | undefined => {
    // The card's first id that names a record: its key, then its aliases in order.
    const record = byId[keySlots[i]!] ?? aliasSlots[i]?.map((slot) => byId[slot]).find((hit) => hit !== undefined);
    return record && { record, by: 'id' };
  });

  const firstOf = new Map<number, StoredPaper | undefined>();
  wanted.forEach((key, i) => firstOf.set(key, first[i]));
  const unconfirmed = new Set<number>();
  titled.forEach((i, t) => {
    const candidate = firstOf.get(titledKeys[t]!);
    if (matches[i] || !candidate) return;
    const record = findByFingerprint(fingerprints[t]!, cards[i]!.authors, [candidate]);
    if (record) matches[i] = { record, by: 'title' };
    else unconfirmed.add(titledKeys[t]!);
  });
  if (unconfirmed.size > 0) {
    const keys = [...unconfirmed];
    const all = await Promise.all(keys.map((key) => index.getAll(key)));
    const namesakes = new Map(keys.map((key, i) => [key, all[i]!]));
    titled.forEach((i, t) => {
      const candidates = namesakes.get(titledKeys[t]!);
      if (matches[i] || !candidates) return;
      const record = findByFingerprint(fingerprints[t]!, cards[i]!.authors, candidates);
      if (record) matches[i] = { record, by: 'title' };
    });
  }
  return matches;
}

/**
 * Every id of the cards (keys and aliases) once, in the order the cards give them, and for each card the position
 * of its key and of its aliases (undefined when it has none) in that list.
 */
function idSlots(cards: readonly CardIdentity[]) {
  const slotOf = new Map<string, number>();
  const ids: string[] = [];
  const slot = (id: string): number => {
    let at = slotOf.get(id);
    if (at === undefined) {
      at = ids.push(id) - 1;
      slotOf.set(id, at);
    }
    return at;
  };
  const keySlots: number[] = [];
  const aliasSlots: Array<number[] | undefined> = [];
  for (const card of cards) {
    keySlots.push(slot(card.key));
    aliasSlots.push(card.aliases?.length ? card.aliases.map(slot) : undefined);
  }
  return { ids, keySlots, aliasSlots };
}
