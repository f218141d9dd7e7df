// The store's single-paper operations: what the card toolbar needs (save, update, remove to the Trash, tags)
// and reading the whole library; a page's lookup is in page-lookup.ts. Each write is one readwrite transaction
// that reads the record, changes it and writes it back; IndexedDB runs overlapping readwrite transactions one
// after the other, so edits arriving from many tabs at once are applied in turn and none is lost. A write resolves only after its transaction completed.
import { samePaper } from '../core/paper-record';
import type { SavedPaper } from '../core/paper';
import type { CardData, PaperChange, TagCount } from '../shared/messages';
import { UserError } from './errors';
import { findByIds, matchCards } from './paper-match';
import { lookupPage, type LookupResult } from './page-lookup';
import { editPaper, mergeCard, paperFromCard, toSaved, type TagEdit } from './records';
import { putPaper } from './fingerprint-filter';
import { Tally, readAhead, spellingsOf, type Known } from './counts';
import type { PaperlightDatabase, WriteTx } from './schema';
import { commit, writeTransaction } from './transactions';
import { moveToTrash, readTrashAhead } from './trash';

/**
 * What a write returns: its result, the papers it changed (`'reset'` when too many to list), and whether it
 * changed the Trash.
 */
export interface Committed<T> {
  result: T;
  changes: PaperChange[] | 'reset';
  trash?: boolean;
}

export { findByIds, recordsByIds } from './paper-match';

const NOT_SAVED = 'This paper is not saved any more (it may have been removed in another tab).';

/** Writes `after` in place of `before` (absent = new) and keeps the counts. */
async function writePaper(tx: WriteTx, before: SavedPaper | undefined, after: SavedPaper, known: Known): Promise<void> {
  const counts = new Tally();
  counts.track(before, after);
  await commit(tx, async (track) => {
    track(putPaper(tx.objectStore('papers'), after));
    await counts.apply(tx, track, known);
  });
}

/** The saved papers of `keys` (by key or alias), each paired with its record: a lookup without cards (a read). */
export async function lookupPapers(db: PaperlightDatabase, keys: readonly string[]): Promise<LookupResult> {
  return (await lookupPage(db, keys)).result;
}

export async function savePaper(
  db: PaperlightDatabase,
  card: CardData,
  now: number,
  pageUrl?: string,
): Promise<Committed<{ paper: SavedPaper; created: boolean }>> {
  const tx = writeTransaction(db);
  // A re-save keeps every saved tag, so only the card's tags can change counts: they are read beside the match. A
  // card whose paper is saved under other ids (found by title identity) joins that paper: no second record.
  const [[match], known] = await Promise.all([matchCards(tx, [card]), readAhead(tx, card.tags ?? [])]);
  const before = match && toSaved(match.record);
  const spellings = spellingsOf(known);
  const after = before ? mergeCard(before, card, spellings, now, pageUrl, match.by) : paperFromCard(card, spellings, now, pageUrl);
  if (before && samePaper(before, after)) {
    await tx.done;
    return { result: { paper: before, created: false }, changes: [] };
  }
  await writePaper(tx, before, after, known);
  return { result: { paper: after, created: !before }, changes: [{ key: after.key, paper: after }] };
}

export async function updatePaper(
  db: PaperlightDatabase,
  key: string,
  edit: TagEdit,
  now: number,
): Promise<Committed<{ paper: SavedPaper }>> {
  const tx = writeTransaction(db);
  const edited = [...(edit.set?.tags ?? []), ...(edit.addTags ?? []), ...(edit.removeTags ?? [])];
  const [found, known] = await Promise.all([findByIds(tx, [key]), readAhead(tx, edited)]);
  if (!found) throw new UserError(NOT_SAVED);
  const before = toSaved(found);
  const after = editPaper(before, edit, spellingsOf(known), now);
  if (samePaper(before, after)) {
    await tx.done;
    return { result: { paper: before }, changes: [] };
  }
  await writePaper(tx, before, after, known);
  return { result: { paper: after }, changes: [{ key: after.key, paper: after }] };
}

/** Moves one paper (found by any of its ids) to the Trash; its tags stop counting. */
export async function removePaper(db: PaperlightDatabase, key: string, now: number): Promise<Committed<{ removed: SavedPaper | null }>> {
  const tx = writeTransaction(db);
  const found = await findByIds(tx, [key]);
  if (!found) {
    await tx.done;
    return { result: { removed: null }, changes: [] };
  }
  const removed = toSaved(found);
  const ahead = await readTrashAhead(tx, [removed.key], now);
  const counts = new Tally();
  counts.track(removed, undefined);
  await commit(tx, async (track) => {
    track(tx.objectStore('papers').delete(removed.key));
    moveToTrash(tx, [removed], ahead, now, track);
    await counts.apply(tx, track);
  });
  return { result: { removed }, changes: [{ key: removed.key, paper: null }], trash: true };
}

/** Every tag with its use count, most used first (ties by name), for autocomplete. */
export async function listTags(db: PaperlightDatabase): Promise<{ tags: TagCount[] }> {
  const entries = await db.getAll('tags');
  entries.sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { tags: entries.map(({ name, count }) => ({ name, count })) };
}

/** The whole library, newest first (one read of the store, sorted here: cheaper than reading through an index). */
export async function allPapers(db: PaperlightDatabase): Promise<{ papers: SavedPaper[] }> {
  const papers = (await db.getAll('papers')).map(toSaved);
  papers.sort((a, b) => b.savedAt - a.savedAt || (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
  return { papers };
}
