// Whole-library operations for extension pages: restore (undo), bulk edits, backup export and import, clear.
// Each is one transaction: it completes entirely or, on any error, changes nothing.
import { parseBackup, samePaper, serialiseBackup } from '../core/backup';
import type { SavedPaper } from '../core/paper';
import { MAX_LISTED_CHANGES, type ImportCounts, type PaperChange } from '../shared/messages';
import type { PaperlightDatabase } from './db';
import { UserError, editPaper, mergeCopies, spellTags, toSaved, toStored, type TagEdit, type TagSpellings } from './records';
import type { Committed } from './store';
import { Tally, countsOf, readAhead, spellingsOf } from './counts';
import { phaseTimer } from './timing';
import { commit, commitBulk, readTransaction, writeTransaction, type WriteTx } from './transactions';

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
      track(store.put(toStored(restored)));
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
  const [records, known] = await Promise.all([
    wanted.length <= FETCH_ONE_BY_ONE
      ? Promise.all(wanted.map((key) => store.get(key))).then((found) => found.filter((record) => record !== undefined))
      : store.getAll().then((all) => all.filter((record) => wantedSet.has(record.key))),
    readAhead(tx, [...(edit.addTags ?? []), ...(edit.removeTags ?? [])]),
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
    if (edit.delete) {
      for (const record of records) {
        const before = toSaved(record);
        counts.track(before, undefined);
        track(store.delete(before.key));
        deleted.push(before);
        changes.push({ key: before.key, paper: null });
      }
    }
    for (const { before, after } of edited) {
      if (samePaper(before, after)) continue;
      counts.track(before, after);
      track(store.put(toStored(after)));
      changes.push({ key: after.key, paper: after });
    }
    await counts.apply(tx, track, known);
  });
  return { result: { updated: edit.delete ? 0 : changes.length, deleted }, changes: listed(changes) };
}

export async function exportBackup(db: PaperlightDatabase, now: number): Promise<{ text: string; count: number }> {
  const papers = (await db.getAll('papers')).map(toSaved);
  return { text: serialiseBackup(papers, new Date(now)), count: papers.length };
}

/** The import's phases are measured as `paperlight:import:parse`, `…:read`, `…:plan`, `…:write`, `…:commit`. */
export const IMPORT_TIMING = 'paperlight:import';

export interface ImportOptions {
  mode: 'merge' | 'replace';
  dryRun?: boolean;
}

/**
 * Imports a backup's text in one transaction. `merge` adds new papers and unites copies of papers already saved
 * (found by key or alias; the most recently edited copy's fields win); `replace` makes the library exactly the
 * backup. `dryRun` only counts. A file that fails any check is refused whole, before anything is touched.
 */
export async function importBackup(
  db: PaperlightDatabase,
  text: string,
  options: ImportOptions,
): Promise<Committed<ImportCounts & { dryRun: boolean }>> {
  const phase = phaseTimer(IMPORT_TIMING);
  const parsed = parseBackup(text);
  phase('parse');
  if (!parsed.ok) throw new UserError(parsed.error);
  const incoming = parsed.backup.papers;
  const dryRun = options.dryRun ?? false;
  const tx = dryRun ? readTransaction(db) : writeTransaction(db);
  const [stored, tagEntries] = await Promise.all([tx.objectStore('papers').getAll(), tx.objectStore('tags').getAll()]);
  phase('read');
  const before = new Map(stored.map((record) => [record.key, toSaved(record)]));

  const after = options.mode === 'replace'
    ? replaced(incoming)
    : merged(before, incoming, new Map(tagEntries.map((entry) => [entry.id, entry.name])));

  const counts: ImportCounts = { added: 0, updated: 0, unchanged: 0, removed: 0 };
  const writes: SavedPaper[] = [];
  for (const [key, paper] of after.touched) {
    const old = before.get(key);
    if (old && samePaper(old, paper)) {
      counts.unchanged++;
      continue;
    }
    if (old) counts.updated++;
    else counts.added++;
    writes.push(paper);
  }
  const removals = [...before.keys()].filter((key) => !after.all.has(key));
  counts.removed = removals.length;

  if (dryRun) {
    await tx.done;
    return { result: { ...counts, dryRun }, changes: [] };
  }
  // Only what differs is written: importing a library's own backup, in either mode, writes no record.
  const { tags, counts: totals } = countsOf(after.all.values());
  phase('plan');
  await commitBulk(tx as WriteTx, ({ papers, tags: tagStore, counts: countStore }) => {
    if (after.all.size === 0) papers.clear();
    else for (const key of removals) papers.delete(key);
    for (const paper of writes) papers.put(toStored(paper));
    tagStore.clear();
    countStore.clear();
    for (const entry of tags) tagStore.put(entry);
    for (const entry of totals) countStore.put(entry);
    phase('write');
  });
  phase('commit');
  const changed = counts.added + counts.updated + counts.removed > 0;
  return { result: { ...counts, dryRun }, changes: changed ? 'reset' : [] };
}

interface ImportPlan {
  /** The library after the import, by key. */
  all: Map<string, SavedPaper>;
  /** The records the backup touched (added, merged or replaced), by key. */
  touched: Map<string, SavedPaper>;
}

function replaced(incoming: readonly SavedPaper[]): ImportPlan {
  const spellings: TagSpellings = new Map();
  const all = new Map(incoming.map((paper) => [paper.key, { ...paper, tags: spellTags(paper.tags, spellings) }]));
  return { all, touched: all };
}

function merged(before: Map<string, SavedPaper>, incoming: readonly SavedPaper[], spellings: TagSpellings): ImportPlan {
  const all = new Map(before);
  const keyById = new Map<string, string>();
  const register = (paper: SavedPaper) => {
    for (const id of [paper.key, ...paper.aliases]) if (!keyById.has(id)) keyById.set(id, paper.key);
  };
  for (const paper of before.values()) register(paper);
  const touched = new Map<string, SavedPaper>();
  for (const paper of incoming) {
    const target = all.has(paper.key) ? paper.key : [paper.key, ...paper.aliases].map((id) => keyById.get(id)).find(Boolean);
    const existing = target === undefined ? undefined : all.get(target);
    const result = existing ? mergeCopies(existing, paper, spellings) : { ...paper, tags: spellTags(paper.tags, spellings) };
    all.set(result.key, result);
    touched.set(result.key, result);
    register(result);
  }
  return { all, touched };
}

export async function clearAll(db: PaperlightDatabase): Promise<Committed<{ removed: number }>> {
  const tx = writeTransaction(db);
  const papers = tx.objectStore('papers');
  const removed = await papers.count();
  await commit(tx, (track) => {
    for (const store of ['papers', 'tags', 'counts'] as const) track(tx.objectStore(store).clear());
  });
  return { result: { removed }, changes: removed > 0 ? 'reset' : [] };
}
