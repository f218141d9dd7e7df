// Importing a backup: one transaction that completes entirely or, on any error, changes nothing. `merge` adds
// new papers and unites copies of papers already saved (found by key or alias, else by title identity; the most
// recently edited copy's fields win); `replace` makes the library exactly the backup; `dryRun` only counts. The backup's Trash section,
// when it has one, is imported the same way (`replace`: the Trash becomes exactly the file's; `merge`: united,
// by key); a file without one leaves the Trash as it is. Trash entries past their 30 days are not brought in.
// The reading memory likewise (`replace`: exactly the file's entries; `merge`: entries of one paper, found by any
// of their ids, are united with the earliest first sighting and the latest last one). The rules live in the
// settings, not the database: the import works out the rules after it (`replace`: the file's; `merge`: the
// rules already there, then the file's new ones) and the caller saves them once the transaction has completed.
// A rule that does not compile is refused before anything is written, like any other fault of the file.
//
// Each record is checked, merged and written in one pass, right after the file's text is parsed: the browser
// stores the first records while later ones are still being checked (in Chromium the database work is most of
// an import's time, and runs beside the worker's). A record that fails a check aborts the transaction, so a bad
// file is still refused whole, with nothing changed.
import { BackupError, BackupReader, openBackup, type BackupSeenEntry, type RuleCheck } from '../core/backup';
import { findSamePaper, titleFingerprint } from '../core/identity/identity';
import { samePaper } from '../core/paper-record';
import { untrashed, type SavedPaper, type TrashedPaper } from '../core/paper';
import { sameEntry as sameSeenEntry, unitedEntries as unitedSeenEntries, type SeenEntry } from '../core/reading-memory';
import { RULE_LIMITS, newRules, sameRule, type Rule } from '../core/rules/rule';
import type { ImportCounts } from '../shared/messages';
import { countsOf } from './counts';
import { UserError } from './errors';
import { mergeCopies, spellTags, storedSeenEntry, toSaved, type TagSpellings } from './records';
import { putPaper } from './fingerprint-filter';
import type { Committed } from './paper-operations';
import type { AnyTx, PaperlightDatabase } from './schema';
import { phaseTimer } from './timing';
import { LIBRARY_STORES, WITH_READING_MEMORY, commitBulk, readTransaction, writeTransaction, type BulkStores } from './transactions';
import { isExpired } from './trash';

/**
 * The import's phases are measured as `paperlight:import:<phase>`: `file` (reading a file handed over by URL),
 * `parse` (the text), `read` (the library), `write` (each record checked, merged and written), `commit`.
 */
export const IMPORT_TIMING = 'paperlight:import';

export interface ImportOptions {
  mode: 'merge' | 'replace';
  dryRun?: boolean;
  /** The clock (epoch ms), for the Trash's 30 days. */
  now: number;
  /** The user's rules now (a merge adds to them). */
  rules?: readonly Rule[];
  /** The engine's check of a rule's pattern: a file with a rule it refuses is refused whole. */
  checkRule?: RuleCheck;
}

export type ImportResult = ImportCounts & { dryRun: boolean; trash: ImportCounts & { restored?: number }; readingMemory: ImportCounts; rules: ImportCounts };

export interface ImportOutcome extends Committed<ImportResult> {
  /** The reading memory was written (its size is no longer known). */
  memoryChanged: boolean;
  /** The rules to save now that the transaction has completed; absent when they stay as they are. */
  rulesAfter?: Rule[];
}

const NO_COUNTS: ImportCounts = { added: 0, updated: 0, unchanged: 0, removed: 0 };

/** The rules after the import (absent when the file has none) and their counts; refuses more than the limit. */
function planRules(current: readonly Rule[], incoming: readonly Rule[] | undefined, mode: ImportOptions['mode']) {
  if (!incoming) return { counts: NO_COUNTS, after: undefined };
  const after = mode === 'replace' ? [...incoming] : [...current, ...newRules(current, incoming)];
  if (after.length > RULE_LIMITS.rules) {
    throw new UserError(`This backup cannot be imported: with its rules you would have ${after.length} rules, and Paperlight keeps at most ${RULE_LIMITS.rules}. Remove some rules first, or replace them with the file's.`);
  }
  const kept = (rule: Rule, list: readonly Rule[]) => list.some((other) => sameRule(other, rule));
  const counts: ImportCounts = {
    added: after.filter((rule) => !kept(rule, current)).length,
    updated: 0,
    unchanged: after.filter((rule) => kept(rule, current)).length,
    removed: current.filter((rule) => !kept(rule, after)).length,
  };
  const same = after.length === current.length && after.every((rule, i) => sameRule(rule, current[i]!));
  return { counts, after: same ? undefined : after };
}

export async function importBackup(db: PaperlightDatabase, text: string, options: ImportOptions): Promise<ImportOutcome> {
  const phase = phaseTimer(IMPORT_TIMING);
  const opened = openBackup(text, options.checkRule);
  phase('parse');
  if (!opened.ok) throw new UserError(opened.error);
  const dryRun = options.dryRun ?? false;
  const rulePlan = planRules(options.rules ?? [], opened.backup.rules, options.mode);
  const withMemory = opened.backup.readingMemory !== undefined;
  const stores = withMemory ? WITH_READING_MEMORY : LIBRARY_STORES;
  const write = dryRun ? undefined : writeTransaction(db, stores);
  const tx: AnyTx = write ?? readTransaction(db, stores);
  const [stored, tagEntries, trashed, seen] = await Promise.all([
    tx.objectStore('papers').getAll(),
    tx.objectStore('tags').getAll(),
    tx.objectStore('trash').getAll(),
    withMemory ? tx.objectStore('seen').getAll() : [],
  ]);
  phase('read');
  const before = new Map(stored.map((record) => [record.key, toSaved(record)]));
  const spellings: TagSpellings = options.mode === 'replace' ? new Map() : new Map(tagEntries.map((entry) => [entry.id, entry.name]));
  const plan = new ImportPlan(before, options.mode, spellings);
  const trashPlan = new TrashPlan(trashed, options.mode, options.now, opened.backup.trash !== undefined);
  const memoryPlan = new MemoryPlan(seen, options.mode);

  // Synchronous from the read to the last write, so the transaction stays open throughout.
  const run = (stores?: BulkStores) => {
    const reader = new BackupReader();
    opened.backup.papers.forEach((item, i) => {
      let changed = plan.add(reader.read(item, i));
      // A merge that brings a paper back into the library takes its copies out of the Trash, united with it as a
      // restore from the Trash would: after "clear all", merging the backup leaves no copy in both places.
      if (options.mode === 'merge' && changed && plan.isNew(changed.key)) {
        for (const copy of trashPlan.takeCopiesOf(changed)) changed = plan.add(untrashed(copy)) ?? changed;
      }
      if (changed && stores) putPaper(stores.papers, changed);
    });
    opened.backup.trash?.forEach((item, i) => {
      const changed = trashPlan.add(reader.readTrashed(item, i));
      if (changed) stores?.trash.put(changed);
    });
    opened.backup.readingMemory?.forEach((item, i) => memoryPlan.add(reader.readSeen(item, i)));
    if (!stores) return;
    if (stores.seen) {
      const { puts, deletes } = memoryPlan.writes();
      for (const key of deletes) stores.seen.delete(key);
      for (const entry of puts) stores.seen.put(storedSeenEntry(entry));
    }
    for (const key of trashPlan.removals()) stores.trash.delete(key);
    const removals = plan.removals();
    if (plan.all.size === 0) stores.papers.clear();
    else for (const key of removals) stores.papers.delete(key);
    const { tags, counts } = countsOf(plan.all.values());
    stores.tags.clear();
    stores.counts.clear();
    for (const entry of tags) stores.tags.put(entry);
    for (const entry of counts) stores.counts.put(entry);
    phase('write');
  };
  try {
    if (write) {
      await commitBulk(write, run);
      phase('commit');
    } else {
      run();
      await tx.done;
    }
  } catch (error) {
    if (error instanceof BackupError) throw new UserError(error.message);
    throw error;
  }
  const counts = plan.counts();
  const trashCounts = trashPlan.counts();
  const memoryCounts = withMemory ? memoryPlan.counts() : NO_COUNTS;
  const changed = counts.added + counts.updated + counts.removed > 0;
  const trashChanged = trashCounts.added + trashCounts.updated + trashCounts.removed + (trashCounts.restored ?? 0) + trashPlan.expired.length > 0;
  return {
    result: { ...counts, dryRun, trash: trashCounts, readingMemory: memoryCounts, rules: rulePlan.counts },
    changes: changed && !dryRun ? 'reset' : [],
    trash: trashChanged && !dryRun,
    memoryChanged: !dryRun && memoryCounts.added + memoryCounts.updated + memoryCounts.removed > 0,
    ...(!dryRun && rulePlan.after && { rulesAfter: rulePlan.after }),
  };
}

/**
 * The reading memory after the import, one backup entry at a time. Entries of one paper (an id of one is an id
 * of the other) are united, in the file as with the memory (`merge`): earliest first sighting, latest last one,
 * the earlier-seen entry's key and site, ids united. An entry from a file carries no title fingerprint: it takes
 * the one of the stored entry it is united with (`merge`) or that has its key (`replace`), so restoring a
 * memory's own backup keeps it as it was.
 */
class MemoryPlan {
  private readonly before: ReadonlyMap<string, SeenEntry>;
  private readonly after = new Map<string, SeenEntry>();
  /** The key of the entry carrying each id (key or alias). */
  private readonly keyById = new Map<string, string>();
  private readonly touched = new Set<string>();

  constructor(stored: readonly SeenEntry[], private readonly mode: ImportOptions['mode']) {
    this.before = new Map(stored.map((entry) => [entry.key, entry]));
    if (mode === 'merge') for (const entry of stored) this.register(entry);
  }

  private register(entry: SeenEntry): void {
    this.after.set(entry.key, entry);
    for (const id of [entry.key, ...entry.aliases]) this.keyById.set(id, entry.key);
  }

  add(incoming: BackupSeenEntry): void {
    let result: SeenEntry = { ...incoming, authors: [] };
    const found = new Set<string>();
    for (const id of [incoming.key, ...incoming.aliases]) {
      const key = this.keyById.get(id);
      if (key !== undefined && this.after.has(key)) found.add(key);
    }
    for (const key of found) {
      result = unitedSeenEntries(this.after.get(key)!, result);
      this.after.delete(key);
    }
    const stored = this.mode === 'replace' ? this.before.get(result.key) : undefined;
    if (stored && result.fingerprint === undefined && result.authors.length === 0) {
      result = { ...result, ...(stored.fingerprint !== undefined && { fingerprint: stored.fingerprint }), authors: stored.authors };
    }
    this.register(result);
    this.touched.add(result.key);
  }

  /** Entries to write (new or changed) and keys to delete (gone, or united into another key). */
  writes(): { puts: SeenEntry[]; deletes: string[] } {
    const puts = [...this.after.values()].filter((entry) => {
      const old = this.before.get(entry.key);
      return !old || !sameSeenEntry(old, entry);
    });
    return { puts, deletes: [...this.before.keys()].filter((key) => !this.after.has(key)) };
  }

  counts(): ImportCounts {
    const counts: ImportCounts = { added: 0, updated: 0, unchanged: 0, removed: [...this.before.keys()].filter((key) => !this.after.has(key)).length };
    for (const key of this.touched) {
      const entry = this.after.get(key);
      if (!entry) continue; // united into a later entry of the file, counted there
      const old = this.before.get(key);
      if (!old) counts.added++;
      else if (sameSeenEntry(old, entry)) counts.unchanged++;
      else counts.updated++;
    }
    return counts;
  }
}

/** The Trash after the import, worked out one backup entry at a time (ids are its own keys only). */
class TrashPlan {
  private readonly before: ReadonlyMap<string, TrashedPaper>;
  private readonly after: Map<string, TrashedPaper>;
  private readonly touched = new Set<string>();
  /** Entries due for pruning now: deleted by the import's transaction, whatever the file holds. */
  readonly expired: string[];

  constructor(
    stored: readonly TrashedPaper[],
    private readonly mode: ImportOptions['mode'],
    private readonly now: number,
    /** The file has a Trash section: without one, the Trash stays as it is (pruning aside). */
    private readonly inFile: boolean,
  ) {
    this.expired = stored.filter((entry) => isExpired(entry.removedAt, now)).map((entry) => entry.key);
    const kept = stored.filter((entry) => !isExpired(entry.removedAt, now));
    this.before = new Map(kept.map((entry) => [entry.key, entry]));
    this.after = mode === 'replace' && inFile ? new Map() : new Map(this.before);
  }

  /** Takes in one backup entry; returns the entry to write, unless the Trash already holds it as it is. */
  add(entry: TrashedPaper): TrashedPaper | undefined {
    if (isExpired(entry.removedAt, this.now)) return undefined;
    const existing = this.mode === 'merge' ? this.after.get(entry.key) : undefined;
    const result = existing ? unitedEntries(existing, entry) : entry;
    this.after.set(result.key, result);
    this.touched.add(result.key);
    const old = this.before.get(result.key);
    return old && sameEntry(old, result) ? undefined : result;
  }

  /** The Trash's entries (before the import) by each of their ids, made on first use. */
  private byId: Map<string, TrashedPaper[]> | undefined;
  /** Keys of the entries taken out as copies of papers brought back (not counted as removed). */
  private readonly taken = new Set<string>();

  /**
   * Takes out of the Trash the entries it held before the import that are copies of `paper` (by key or alias),
   * and returns them; each is taken once. The file's own Trash section is not searched: its entries are
   * removed copies in the library the file came from.
   */
  takeCopiesOf(paper: SavedPaper): TrashedPaper[] {
    if (this.before.size === 0) return []; // an empty Trash (a first import): nothing to look up per paper
    if (!this.byId) {
      this.byId = new Map();
      for (const entry of this.before.values()) {
        for (const id of [entry.key, ...entry.aliases]) this.byId.set(id, [...(this.byId.get(id) ?? []), entry]);
      }
    }
    const copies = new Set([paper.key, ...paper.aliases].flatMap((id) => this.byId!.get(id) ?? []));
    const taken = [...copies].filter((entry) => this.after.get(entry.key) === entry);
    for (const entry of taken) {
      this.after.delete(entry.key);
      this.taken.add(entry.key);
    }
    return taken;
  }

  /** Keys of entries to delete: those pruned, and (`replace`) those the file's Trash does not hold. */
  removals(): string[] {
    return [...this.expired, ...[...this.before.keys()].filter((key) => !this.after.has(key))];
  }

  counts(): ImportCounts & { restored?: number } {
    const gone = [...this.before.keys()].filter((key) => !this.after.has(key));
    const restored = gone.filter((key) => this.taken.has(key)).length;
    const counts: ImportCounts & { restored?: number } = {
      added: 0, updated: 0, unchanged: 0, removed: gone.length - restored, ...(restored > 0 && { restored }),
    };
    for (const key of this.touched) {
      const old = this.before.get(key);
      if (!old) counts.added++;
      else if (sameEntry(old, this.after.get(key)!)) counts.unchanged++;
      else counts.updated++;
    }
    return counts;
  }
}

/** Two copies of one trashed paper made one, as copies of a saved paper are; removed when the later copy was. */
function unitedEntries(a: TrashedPaper, b: TrashedPaper): TrashedPaper {
  return { ...mergeCopies(untrashed(a), untrashed(b), new Map()), removedAt: Math.max(a.removedAt, b.removedAt) };
}

function sameEntry(a: TrashedPaper, b: TrashedPaper): boolean {
  return a.removedAt === b.removedAt && samePaper(a, b);
}

/** The library after the import, worked out one backup record at a time. */
class ImportPlan {
  /** The library after the import, by key. */
  readonly all: Map<string, SavedPaper>;
  /** The records the backup touched (added, merged or replaced), by key. */
  private readonly touched = new Map<string, SavedPaper>();
  /** Keys written in this transaction: their latest version is written again whatever it is. */
  private readonly written = new Set<string>();
  /** For `merge`: the key of the paper carrying each id (key or alias). */
  private readonly keyById = new Map<string, string>();
  /**
   * For `merge`: the keys of the papers with each title fingerprint, built on the first record no id finds (a
   * library's own backup never needs it, and normalising 10,000 titles is not free).
   */
  private keysByFingerprint: Map<string, string[]> | undefined;

  constructor(
    private readonly before: ReadonlyMap<string, SavedPaper>,
    private readonly mode: ImportOptions['mode'],
    private readonly spellings: TagSpellings,
  ) {
    this.all = mode === 'replace' ? new Map() : new Map(before);
    if (mode === 'merge') for (const paper of before.values()) this.register(paper);
  }

  /** Takes in one backup record; returns the record to write, unless the library already holds it as it is. */
  add(paper: SavedPaper): SavedPaper | undefined {
    const result = this.mode === 'replace' ? { ...paper, tags: spellTags(paper.tags, this.spellings) } : this.merged(paper);
    this.all.set(result.key, result);
    this.touched.set(result.key, result);
    const old = this.before.get(result.key);
    // Only what differs is written: importing a library's own backup, in either mode, writes no record.
    if (!this.written.has(result.key) && old && samePaper(old, result)) return undefined;
    this.written.add(result.key);
    return result;
  }

  private merged(paper: SavedPaper): SavedPaper {
    const target = this.all.has(paper.key)
      ? paper.key
      : ([paper.key, ...paper.aliases].map((id) => this.keyById.get(id)).find(Boolean) ?? this.sameTitle(paper));
    const existing = target === undefined ? undefined : this.all.get(target);
    const result = existing ? mergeCopies(existing, paper, this.spellings) : { ...paper, tags: spellTags(paper.tags, this.spellings) };
    this.register(result);
    return result;
  }

  private register(paper: SavedPaper): void {
    for (const id of [paper.key, ...paper.aliases]) if (!this.keyById.has(id)) this.keyById.set(id, paper.key);
    if (this.keysByFingerprint) this.registerTitle(this.keysByFingerprint, paper);
  }

  private registerTitle(index: Map<string, string[]>, paper: SavedPaper): void {
    const fingerprint = titleFingerprint(paper.title);
    if (fingerprint === undefined) return;
    const keys = index.get(fingerprint);
    if (!keys) index.set(fingerprint, [paper.key]);
    else if (!keys.includes(paper.key)) keys.push(paper.key);
  }

  /** The key of a paper of the library that is `paper` by title identity (core/identity), if any. */
  private sameTitle(paper: SavedPaper): string | undefined {
    const fingerprint = titleFingerprint(paper.title);
    if (fingerprint === undefined) return undefined;
    if (!this.keysByFingerprint) {
      this.keysByFingerprint = new Map();
      for (const known of this.all.values()) this.registerTitle(this.keysByFingerprint, known);
    }
    const candidates = (this.keysByFingerprint.get(fingerprint) ?? []).flatMap((key) => this.all.get(key) ?? []);
    return findSamePaper(paper, candidates)?.key;
  }

  /** Whether the library held no paper under this key before the import. */
  isNew(key: string): boolean {
    return !this.before.has(key);
  }

  /** Papers of the library that the backup does not hold (only `replace` removes any). */
  removals(): string[] {
    return [...this.before.keys()].filter((key) => !this.all.has(key));
  }

  counts(): ImportCounts {
    const counts: ImportCounts = { added: 0, updated: 0, unchanged: 0, removed: this.removals().length };
    for (const [key, paper] of this.touched) {
      const old = this.before.get(key);
      if (!old) counts.added++;
      else if (samePaper(old, paper)) counts.unchanged++;
      else counts.updated++;
    }
    return counts;
  }
}
