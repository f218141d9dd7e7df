// Importing a backup: one transaction that completes entirely or, on any error, changes nothing. `merge` adds
// new papers and unites copies of papers already saved (found by key or alias; the most recently edited copy's
// fields win); `replace` makes the library exactly the backup; `dryRun` only counts.
//
// Each record is checked, merged and written in one pass, right after the file's text is parsed: the browser
// stores the first records while later ones are still being checked (in Chromium the database work is most of
// an import's time, and runs beside the worker's). A record that fails a check aborts the transaction, so a bad
// file is still refused whole, with nothing changed.
import { BackupError, BackupReader, openBackup } from '../core/backup';
import { samePaper } from '../core/paper-record';
import type { SavedPaper } from '../core/paper';
import type { ImportCounts } from '../shared/messages';
import { countsOf } from './counts';
import { UserError } from './errors';
import { mergeCopies, spellTags, toSaved, toStored, type TagSpellings } from './records';
import type { Committed } from './paper-operations';
import type { AnyTx, PaperlightDatabase } from './schema';
import { phaseTimer } from './timing';
import { commitBulk, readTransaction, writeTransaction, type BulkStores } from './transactions';

/**
 * The import's phases are measured as `paperlight:import:<phase>`: `file` (reading a file handed over by URL),
 * `parse` (the text), `read` (the library), `write` (each record checked, merged and written), `commit`.
 */
export const IMPORT_TIMING = 'paperlight:import';

export interface ImportOptions {
  mode: 'merge' | 'replace';
  dryRun?: boolean;
}

export async function importBackup(
  db: PaperlightDatabase,
  text: string,
  options: ImportOptions,
): Promise<Committed<ImportCounts & { dryRun: boolean }>> {
  const phase = phaseTimer(IMPORT_TIMING);
  const opened = openBackup(text);
  phase('parse');
  if (!opened.ok) throw new UserError(opened.error);
  const dryRun = options.dryRun ?? false;
  const write = dryRun ? undefined : writeTransaction(db);
  const tx: AnyTx = write ?? readTransaction(db);
  const [stored, tagEntries] = await Promise.all([tx.objectStore('papers').getAll(), tx.objectStore('tags').getAll()]);
  phase('read');
  const before = new Map(stored.map((record) => [record.key, toSaved(record)]));
  const spellings: TagSpellings = options.mode === 'replace' ? new Map() : new Map(tagEntries.map((entry) => [entry.id, entry.name]));
  const plan = new ImportPlan(before, options.mode, spellings);

  // Synchronous from the read to the last write, so the transaction stays open throughout.
  const run = (stores?: BulkStores) => {
    const reader = new BackupReader();
    opened.backup.papers.forEach((item, i) => {
      const changed = plan.add(reader.read(item, i));
      if (changed) stores?.papers.put(toStored(changed));
    });
    if (!stores) return;
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
  const changed = counts.added + counts.updated + counts.removed > 0;
  return { result: { ...counts, dryRun }, changes: changed && !dryRun ? 'reset' : [] };
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
    const target = this.all.has(paper.key) ? paper.key : [paper.key, ...paper.aliases].map((id) => this.keyById.get(id)).find(Boolean);
    const existing = target === undefined ? undefined : this.all.get(target);
    const result = existing ? mergeCopies(existing, paper, this.spellings) : { ...paper, tags: spellTags(paper.tags, this.spellings) };
    this.register(result);
    return result;
  }

  private register(paper: SavedPaper): void {
    for (const id of [paper.key, ...paper.aliases]) if (!this.keyById.has(id)) this.keyById.set(id, paper.key);
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
