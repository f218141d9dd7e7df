// A page's lookup: the saved state of every card on it, in one message and one read transaction — by key, by
// alias, then by title identity (paper-match.ts). When a saved paper is recognised on a card that says where it
// was published (a proceedings or venue page), its record gains that version (`venues`) and the card's ids as
// aliases, in one write transaction for the whole page that only runs when something is new; the reply then
// carries the records as written, and the change is broadcast like any other.
import type { SavedPaper, Venue } from '../core/paper';
import { MAX_LISTED_CHANGES, type LookupCard, type PaperChange } from '../shared/messages';
import { matchCards, recordsByIds } from './paper-match';
import type { Committed } from './paper-operations';
import { buildFingerprintFilter, putPaper, readFingerprintFilter } from './fingerprint-filter';
import { toSaved, withRecognisedVenue } from './records';
import type { PaperlightDatabase, StoredPaper } from './schema';
import { commit, readTransaction, writeTransaction } from './transactions';

export interface LookupResult {
  found: Array<{ key: string; paper: SavedPaper }>;
}

/**
 * From this many cards a lookup reads the title filter (one read, of ~2 bytes per saved paper) rather than asking
 * the fingerprint index about every card no id found: a page's slice of a few cards asks the index directly.
 */
const FILTERED_LOOKUP = 16;

/** A card that names its venue, matched to a saved paper. */
type VenueCard = LookupCard & { venue: Venue };

/**
 * The saved papers of `keys` (each paired with the record carrying it as key or alias) and of `cards` (each
 * card's key paired with its paper's record). Venues the cards name are recorded on their papers.
 */
export async function lookupPage(
  db: PaperlightDatabase,
  keys: readonly string[],
  cards: readonly LookupCard[] = [],
): Promise<Committed<LookupResult>> {
  const uniqueKeys = [...new Set(keys)];
  const tx = readTransaction(db);
  // The title filter is read beside the first round of reads, for a lookup of enough cards that it saves reads.
  const titleFilter = cards.length >= FILTERED_LOOKUP ? readFingerprintFilter(tx) : undefined;
  const [byKey, matches] = await Promise.all([recordsByIds(tx, uniqueKeys), matchCards(tx, cards, titleFilter)]);
  if (titleFilter && !(await titleFilter)) {
    // Missing, made by older rules or overfull: built again for the next lookups (this one read every fingerprint).
    buildFingerprintFilter(db).catch((error: unknown) => console.warn('[Paperlight] could not build the title filter:', error));
  }
  // One SavedPaper per record, however many keys and cards name it.
  const papers = new Map<string, SavedPaper>();
  const paperOf = (record: StoredPaper): SavedPaper => {
    let paper = papers.get(record.key);
    if (!paper) papers.set(record.key, (paper = toSaved(record)));
    return paper;
  };
  const found = new Map<string, string>(); // requested key → record key
  uniqueKeys.forEach((key, i) => {
    const record = byKey[i];
    if (record) found.set(key, paperOf(record).key);
  });
  const venueCards = new Map<string, VenueCard[]>(); // record key → the cards that name a venue of it
  cards.forEach((card, i) => {
    const match = matches[i];
    if (!match) return;
    const paper = paperOf(match.record);
    if (!found.has(card.key)) found.set(card.key, paper.key);
    if (card.venue) venueCards.set(paper.key, [...(venueCards.get(paper.key) ?? []), { ...card, venue: card.venue }]);
  });

  const changes = await recordVenues(db, venueCards, papers);
  return {
    result: { found: [...found].map(([key, recordKey]) => ({ key, paper: papers.get(recordKey)! })) },
    changes: changes.length > MAX_LISTED_CHANGES ? 'reset' : changes,
  };
}

/**
 * Adds each card's venue to its paper's record where it is new, and puts what was written into `papers`. Nothing
 * is written when every venue is known (a page visited again). The records are read again inside the write
 * transaction, since another tab may have changed them since the lookup's read. A failed write is logged, not
 * reported: the lookup's answer stands without the venues, which the next visit records.
 */
async function recordVenues(
  db: PaperlightDatabase,
  venueCards: ReadonlyMap<string, VenueCard[]>,
  papers: Map<string, SavedPaper>,
): Promise<PaperChange[]> {
  const due = [...venueCards].filter(([key, list]) => {
    const paper = papers.get(key)!;
    return list.reduce(withRecognisedVenue, paper) !== paper;
  });
  if (due.length === 0) return [];
  try {
    const tx = writeTransaction(db);
    const store = tx.objectStore('papers');
    const records = await Promise.all(due.map(([key]) => store.get(key)));
    const written: SavedPaper[] = [];
    await commit(tx, (track) => {
      due.forEach(([, list], i) => {
        const record = records[i];
        if (!record) return; // removed meanwhile: nothing to add a venue to
        const before = toSaved(record);
        const after = list.reduce(withRecognisedVenue, before);
        if (after === before) return;
        // Venues and aliases change no tag, status, site or code link: the counts stay as they are.
        track(putPaper(store, after));
        written.push(after);
      });
    });
    for (const paper of written) papers.set(paper.key, paper);
    return written.map((paper) => ({ key: paper.key, paper }));
  } catch (error) {
    console.warn('[Paperlight] could not record where saved papers were published:', error);
    return [];
  }
}
