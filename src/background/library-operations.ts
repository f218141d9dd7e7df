// Whole-library operations for extension pages: restore, bulk edits (deleting moves papers to the Trash),
// backup export (with the reading memory and the rules), clear (to the Trash). The import is in backup-import.ts, the Trash's own operations in
// trash-operations.ts.
// Each is one transaction: it completes entirely or, on any error, changes nothing.
import { serialiseBackup } from '../core/backup';
import { READING_MEMORY_LIMITS } from '../core/reading-memory';
import type { Rule } from '../core/rules/rule';
import { samePaper } from '../core/paper-record';
import type { SavedPaper } from '../core/paper';
import { MAX_LISTED_CHANGES, type PaperChange } from '../shared/messages';
import { editPaper, spellTags, toSaved, type TagEdit } from './records';
import { FILTER_STORE, filterOf, putPaper } from './fingerprint-filter';
import type { Committed } from './paper-operations';
import type { PaperlightDatabase } from './schema';
import { Tally, readAhead, spellingsOf } from './counts';
import { commit, writeTransaction } from './transactions';
import { isExpired, moveToTrash, newestRemovedFirst, readTrashAhead } from './trash';

function listed(changes: PaperChange[]): PaperChange[] | 'reset' {
  return changes.length > MAX_LISTED_CHANGES ? 'reset' : changes;
}

/** Puts records back exactly as they were (undo of a delete); a record saved again since is overwritten. */
export async function restorePapers(db: PaperlightDatabase, list: readonly SavedPaper[]): Promise<Committed<{ restored: number }>> {
  // One record per key (the last given wins), so each paper's old tags are uncounted once.
  const papers = [...new Map(list.map((paper) => [paper.key, paper])).values()];
  const tx = writeTransaction(db);
  const store = tx.objectStore('papers');
  const [existing, known] = await Promise.all([
    Promise.all(papers.map((paper) => store.get(paper.key))),
    readAhead(tx, papers.flatMap((paper) => paper.tags)),
  ]);
  const spellings = spellingsOf(known);
  const counts = new Tally();
  const changes: PaperChange[] = [];
  await commit(tx, async (track) => {
    papers.forEach((paper, i) => {
      const restored = { ...paper, tags: spellTags(paper.tags, spellings) };
      const replaced = existing[i];
      counts.track(replaced && toSaved(replaced), restored);
      track(putPaper(store, restored));
      changes.push({ key: restored.key, paper: restored });
    });
    await counts.apply(tx, track, known);
  });
  return { result: { restored: papers.length }, changes: listed(changes) };
}

/** Below this many keys, records are fetched one by one; above, one read of everything is cheaper. */
const FETCH_ONE_BY_ONE = 500;

export async function bulkEdit(
  db: PaperlightDatabase,
  keys: readonly string[],
  edit: TagEdit & { delete?: boolean },
  now: number,
): Promise<Committed<{ updated: number; deleted: SavedPaper[] }>> {
  const tx = writeTransaction(db);
  const store = tx.objectStore('papers');
  const wanted = [...new Set(keys)];
  const wantedSet = new Set(wanted);
  // Papers are fetched by their own keys, so the Trash entries under the same keys are read in the same round trip.
  const [records, known, trashAhead] = await Promise.all([
    wanted.length <= FETCH_ONE_BY_ONE
      ? Promise.all(wanted.map((key) => store.get(key))).then((found) => found.filter((record) => record !== undefined))
      : store.getAll().then((all) => all.filter((record) => wantedSet.has(record.key))),
    readAhead(tx, [...(edit.addTags ?? []), ...(edit.removeTags ?? [])]),
    edit.delete ? readTrashAhead(tx, wanted, now) : undefined,
  ]);
  const spellings = spellingsOf(known);
  const counts = new Tally();
  const changes: PaperChange[] = [];
  const deleted: SavedPaper[] = [];
  // Every edit is worked out before the first write, so a refused edit (too many tags) leaves all untouched.
  const edited = edit.delete ? [] : records.map((record) => {
    const before = toSaved(record);
    return { before, after: editPaper(before, edit, spellings, now) };
  });
  await commit(tx, async (track) => {
    if (trashAhead) {
      for (const record of records) {
        const before = toSaved(record);
        counts.track(before, undefined);
        track(store.delete(before.key));
        deleted.push(before);
        changes.push({ key: before.key, paper: null });
      }
      moveToTrash(tx, deleted, trashAhead, now, track);
    }
    for (const { before, after } of edited) {
      if (samePaper(before, after)) continue;
      counts.track(before, after);
      track(putPaper(store, after));
      changes.push({ key: after.key, paper: after });
    }
    await counts.apply(tx, track, known);
  });
  return { result: { updated: edit.delete ? 0 : changes.length, deleted }, changes: listed(changes), trash: deleted.length > 0 || (trashAhead?.expired.length ?? 0) > 0 };
}

/**
 * The whole library as a backup file: its papers, its Trash (without what is due for pruning), the reading memory
 * (at most its bound, the most recently seen, written in the order first seen) and, when given, the user's `rules`.
 */
export async function exportBackup(db: PaperlightDatabase, now: number, settings?: { rules: readonly Rule[] }): Promise<{ text: string; count: number }> {
  const tx = db.transaction(['papers', 'trash', 'seen'], 'readonly');
  const [records, trashed, seen] = await Promise.all([
    tx.objectStore('papers').getAll(),
    tx.objectStore('trash').getAll(),
    tx.objectStore('seen').getAll(),
  ]);
  const papers = records.map(toSaved);
  const trash = newestRemovedFirst(trashed.filter((entry) => !isExpired(entry.removedAt, now)));
  const readingMemory = seen.length > READING_MEMORY_LIMITS.entries
    ? [...seen].sort((a, b) => b.lastSeen - a.lastSeen).slice(0, READING_MEMORY_LIMITS.entries)
    : seen;
  readingMemory.sort((a, b) => a.firstSeen - b.firstSeen || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { text: serialiseBackup(papers, new Date(now), { trash, readingMemory, ...(settings && { rules: settings.rules }) }), count: papers.length };
}

/** Moves every saved paper to the Trash. */
export async function clearAll(db: PaperlightDatabase, now: number): Promise<Committed<{ removed: number }>> {
  const tx = writeTransaction(db);
  const [records, trashAhead] = await Promise.all([tx.objectStore('papers').getAll(), readTrashAhead(tx, 'all', now)]);
  const removed = records.map(toSaved);
  await commit(tx, (track) => {
    for (const store of ['papers', 'tags', 'counts'] as const) track(tx.objectStore(store).clear());
    // An empty library's title filter is empty: lookups then skip the title index until papers are saved again.
    track(tx.objectStore(FILTER_STORE).put(filterOf([])));
    moveToTrash(tx, removed, trashAhead, now, track);
  });
  return { result: { removed: removed.length }, changes: removed.length > 0 ? 'reset' : [], trash: removed.length > 0 || trashAhead.expired.length > 0 };
}
