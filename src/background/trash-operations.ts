// The Trash's own operations: list it, put papers back, delete them for ever, empty it, prune it. Each is one
// readwrite transaction that first prunes what has been in the Trash 30 days (listing too: the Trash is never
// shown with a paper past its time).
import { findSamePaper } from '../core/identity/identity';
import { untrashed, type SavedPaper, type TrashedPaper } from '../core/paper';
import { MAX_LISTED_CHANGES, type PaperChange } from '../shared/messages';
import { Tally, readAhead, spellingsOf } from './counts';
import type { Committed } from './paper-operations';
import { matchCards } from './paper-match';
import { mergeCopies, spellTags, toSaved } from './records';
import { putPaper } from './fingerprint-filter';
import type { PaperlightDatabase, StoredPaper } from './schema';
import { commit, writeTransaction } from './transactions';
import { expiredKeys, newestRemovedFirst } from './trash';

/** The Trash, most recently removed first (papers removed together in key order). */
export async function listTrash(db: PaperlightDatabase, now: number): Promise<Committed<{ papers: TrashedPaper[] }>> {
  const tx = writeTransaction(db);
  const store = tx.objectStore('trash');
  const [expired, all] = await Promise.all([expiredKeys(tx, now), store.getAll()]);
  await commit(tx, (track) => {
    for (const key of expired) track(store.delete(key));
  });
  const due = new Set(expired);
  const papers = newestRemovedFirst(all.filter((entry) => !due.has(entry.key)));
  return { result: { papers }, changes: [], trash: expired.length > 0 };
}

/**
 * Saves trashed papers again, exactly as they were removed (tags take the library's spelling, as every write
 * does), and takes them out of the Trash. A paper saved again meanwhile is united with its trashed copy as a backup
 * merge unites copies, whether it was found by key or alias or only by title identity (the same paper saved from
 * its proceedings page after the arXiv copy was removed: no second record comes back): the more recently edited
 * copy's fields win, tags, ids and pages seen are united, a note is never lost, and the paper keeps its earliest
 * save time. Two trashed copies of one paper restored together (its arXiv and its proceedings record, both
 * removed) come back as one record the same way, under the key of the first one restored.
 */
export async function restoreTrashed(
  db: PaperlightDatabase,
  keys: readonly string[],
  now: number,
): Promise<Committed<{ restored: SavedPaper[] }>> {
  const tx = writeTransaction(db);
  const trash = tx.objectStore('trash');
  const papers = tx.objectStore('papers');
  const wanted = [...new Set(keys)];
  const [entries, expired] = await Promise.all([Promise.all(wanted.map((key) => trash.get(key))), expiredKeys(tx, now)]);
  const due = new Set(expired);
  const chosen = entries.filter((entry): entry is TrashedPaper => entry !== undefined && !due.has(entry.key)).map(untrashed);
  const [saved, known] = await Promise.all([
    matchCards(tx, chosen),
    readAhead(tx, chosen.flatMap((paper) => paper.tags)),
  ]);
  const spellings = spellingsOf(known);
  const counts = new Tally();
  // The library as this restore leaves it, by key: two trashed papers may land on the same saved one.
  const current = new Map<string, SavedPaper>();
  const restored = new Map<string, SavedPaper>();
  /** The key of the record this restore wrote under each of its ids (key and aliases). */
  const restoredIds = new Map<string, string>();
  const restoredCopyOf = (paper: SavedPaper): SavedPaper | undefined => {
    const key = [paper.key, ...paper.aliases].map((id) => restoredIds.get(id)).find((hit) => hit !== undefined);
    return key === undefined ? findSamePaper(paper, restored.values()) : restored.get(key);
  };
  await commit(tx, async (track) => {
    for (const key of expired) track(trash.delete(key));
    chosen.forEach((paper, i) => {
      const found: StoredPaper | undefined = saved[i]?.record;
      const before = (found && (current.get(found.key) ?? toSaved(found))) ?? restoredCopyOf(paper);
      const after = before ? mergeCopies(before, paper, spellings) : { ...paper, tags: spellTags(paper.tags, spellings) };
      counts.track(before, after);
      current.set(after.key, after);
      restored.set(after.key, after);
      for (const id of [after.key, ...after.aliases]) restoredIds.set(id, after.key);
      track(putPaper(papers, after));
      track(trash.delete(paper.key));
    });
    await counts.apply(tx, track, known);
  });
  const list = [...restored.values()];
  const changes: PaperChange[] = list.map((paper) => ({ key: paper.key, paper }));
  return {
    result: { restored: list },
    changes: changes.length > MAX_LISTED_CHANGES ? 'reset' : changes,
    trash: chosen.length > 0 || expired.length > 0,
  };
}

/** Deletes papers from the Trash for ever; `deleted` counts those that were there. */
export async function deleteTrashed(db: PaperlightDatabase, keys: readonly string[], now: number): Promise<Committed<{ deleted: number }>> {
  const tx = writeTransaction(db);
  const trash = tx.objectStore('trash');
  const wanted = [...new Set(keys)];
  const [present, expired] = await Promise.all([Promise.all(wanted.map((key) => trash.getKey(key))), expiredKeys(tx, now)]);
  const due = new Set(expired);
  const doomed = present.filter((key): key is string => key !== undefined && !due.has(key));
  await commit(tx, (track) => {
    for (const key of [...expired, ...doomed]) track(trash.delete(key));
  });
  return { result: { deleted: doomed.length }, changes: [], trash: doomed.length + expired.length > 0 };
}

/** Deletes everything in the Trash for ever; `deleted` counts what was there (pruned entries aside). */
export async function emptyTrash(db: PaperlightDatabase, now: number): Promise<Committed<{ deleted: number }>> {
  const tx = writeTransaction(db);
  const trash = tx.objectStore('trash');
  const [all, expired] = await Promise.all([trash.count(), expiredKeys(tx, now)]);
  await commit(tx, (track) => track(trash.clear()));
  return { result: { deleted: all - expired.length }, changes: [], trash: all > 0 };
}

/** Deletes what has been in the Trash 30 days (the background does so at start-up); returns how many. */
export async function pruneTrash(db: PaperlightDatabase, now: number): Promise<Committed<{ pruned: number }>> {
  const tx = writeTransaction(db);
  const trash = tx.objectStore('trash');
  const expired = await expiredKeys(tx, now);
  await commit(tx, (track) => {
    for (const key of expired) track(trash.delete(key));
  });
  return { result: { pruned: expired.length }, changes: [], trash: expired.length > 0 };
}
