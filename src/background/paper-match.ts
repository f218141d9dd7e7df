// Finding the saved record of a paper that a card (or another record) shows: by its key, then by an alias, then
// by title identity. The title fingerprint index gives the records with the same normalised title and the core's
// rule confirms one (authors agree; core/identity, docs/paper-identity.md). So a paper saved from arXiv is found
// from its NeurIPS, PMLR or ACL Anthology card, which carries none of its ids.
import { findSamePaper, titleFingerprint } from '../core/identity/identity';
import type { CardMatch } from './records';
import type { AnyTx, StoredPaper } from './schema';

/**
 * The saved record of each id: the paper keyed by it, else the paper carrying it as an alias. Both reads of
 * every id are issued at once (one round trip in all).
 */
export async function recordsByIds(tx: AnyTx, ids: readonly string[]): Promise<Array<StoredPaper | undefined>> {
  const papers = tx.objectStore('papers');
  const aliases = papers.index('aliases');
  const [byKey, byAlias] = await Promise.all([
    Promise.all(ids.map((id) => papers.get(id))),
    Promise.all(ids.map((id) => aliases.get(id))),
  ]);
  return ids.map((_, i) => byKey[i] ?? byAlias[i]);
}

/** The saved record that carries any of `ids` (the first id found wins). */
export async function findByIds(tx: AnyTx, ids: readonly string[]): Promise<StoredPaper | undefined> {
  const hits = await recordsByIds(tx, [...new Set(ids)]);
  return hits.find((hit) => hit !== undefined);
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
 * however many cards: every card's ids at once, then the fingerprints of the cards no id found. A card whose
 * title has fewer than four words is found by its ids only. Of several records with the same title, the first
 * whose authors agree with the card's is taken (the index lists them in key order).
 */
export async function matchCards(tx: AnyTx, cards: readonly CardIdentity[]): Promise<Array<Match | undefined>> {
  const ids = [...new Set(cards.flatMap((card) => [card.key, ...(card.aliases ?? [])]))];
  const hits = await recordsByIds(tx, ids);
  const byId = new Map<string, StoredPaper>();
  ids.forEach((id, i) => {
    const hit = hits[i];
    if (hit) byId.set(id, hit);
  });
  const matches = cards.map((card): Match | undefined => {
    for (const id of [card.key, ...(card.aliases ?? [])]) {
      const record = byId.get(id);
      if (record) return { record, by: 'id' };
    }
    return undefined;
  });

  const fingerprints = cards.map((card, i) => (matches[i] ? undefined : titleFingerprint(card.title)));
  const wanted = [...new Set(fingerprints.filter((fingerprint) => fingerprint !== undefined))];
  if (wanted.length === 0) return matches;
  const index = tx.objectStore('papers').index('fingerprint');
  const candidates = await Promise.all(wanted.map((fingerprint) => index.getAll(fingerprint)));
  const byFingerprint = new Map(wanted.map((fingerprint, i) => [fingerprint, candidates[i]!]));
  return matches.map((match, i) => {
    const fingerprint = fingerprints[i];
    if (match || fingerprint === undefined) return match;
    const record = findSamePaper(cards[i]!, byFingerprint.get(fingerprint) ?? []);
    return record && { record, by: 'title' };
  });
}
