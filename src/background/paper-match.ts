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
  const idsOf = (card: CardIdentity) => [card.key, ...(card.aliases ?? [])];
  const ids = [...new Set(cards.flatMap(idsOf))];
  const papers = tx.objectStore('papers');
  const asKeys = await batchGet(unwrap(papers), ids);
  const byKey = new Map<string, StoredPaper>();
  ids.forEach((id, i) => {
    const hit = asKeys[i];
    if (hit) byKey.set(id, hit);
  });
  const missing = ids.filter((id) => !byKey.has(id));

  const filter = await titleFilter;
  // Each card none of whose ids is a key, with its fingerprint (kept to confirm candidates) and its index key.
  const titled = new Map<number, { fingerprint: string; key: number }>();
  cards.forEach((card, i) => {
    if (idsOf(card).some((id) => byKey.has(id))) return;
    const fingerprint = titleFingerprint(card.title);
    if (fingerprint === undefined) return;
    const key = fingerprintKey(fingerprint);
    if (!filter || filter.mayContain(key)) titled.set(i, { fingerprint, key });
  });
  const wanted = [...new Set([...titled.values()].map(({ key }) => key))];
  const index = papers.index('fingerprint');
  // Most fingerprints name no saved paper, and nearly all the others one: the first record of each is read (a
  // lighter request than reading them all); only where it is another paper are all its namesakes read.
  const [asAliases, first] = await Promise.all([
    batchGet(unwrap(papers.index('aliases')), missing),
    batchGet(unwrap(index), wanted),
  ]);
  const byId = new Map(byKey);
  missing.forEach((id, i) => {
    const hit = asAliases[i];
    if (hit) byId.set(id, hit);
  });
  const matches = cards.map((card): Match | undefined => {
    for (const id of idsOf(card)) {
      const record = byId.get(id);
      if (record) return { record, by: 'id' };
    }
    return undefined;
  });

  const firstOf = new Map(wanted.map((key, i) => [key, first[i]]));
  const found = new Map<number, StoredPaper | undefined>();
  const unconfirmed = new Set<number>();
  for (const [i, { fingerprint, key }] of titled) {
    const candidate = firstOf.get(key);
    if (matches[i] || !candidate) continue;
    const record = findByFingerprint(fingerprint, cards[i]!.authors, [candidate]);
    if (record) found.set(i, record);
    else unconfirmed.add(key);
  }
  if (unconfirmed.size > 0) {
    const keys = [...unconfirmed];
    const all = await Promise.all(keys.map((key) => index.getAll(key)));
    const namesakes = new Map(keys.map((key, i) => [key, all[i]!]));
    for (const [i, { fingerprint, key }] of titled) {
      const candidates = namesakes.get(key);
      if (!matches[i] && !found.has(i) && candidates) found.set(i, findByFingerprint(fingerprint, cards[i]!.authors, candidates));
    }
  }
  return matches.map((match, i) => {
    const record = found.get(i);
    return match ?? (record && { record, by: 'title' });
  });
}
