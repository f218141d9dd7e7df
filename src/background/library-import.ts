// Importing a library from another tool (src/core/import reads the file and plans the merge): a dry run says what
// would happen; the import itself writes every added and merged paper, the recounted tags and counts, and what
// undoing it needs, in one transaction that completes entirely or changes nothing. Undo puts the library back
// as it was before the import, in one transaction too, keeping what the person edited since (src/core/import/undo.ts).
import { unwrap, type IDBPTransaction } from 'idb';
import { IMPORT_FORMATS, ImportPlan, planUndo, readLibraryFile, type ImportFormat, type Notice, type PlanCounts, type PlanRow, type Rejection } from '../core/import';
import type { SavedPaper } from '../core/paper';
import { countsOf, spellingsOf } from './counts';
import { UserError } from './errors';
import type { Committed } from './paper-operations';
import { spellTags, toSaved } from './records';
import { putPaper } from './fingerprint-filter';
import type { AnyTx, ImportSummaryKey, ImportUndo, PaperlightDB, PaperlightDatabase } from './schema';
import { savedPaperOf } from '../shared/database';
import type { ImportSummary } from '../shared/messages';
import { phaseTimer } from './timing';
import { issueThenComplete } from './transactions';
import { readTrashAhead, trashEntry } from './trash';

/**
 * Phases measured as `paperlight:library-import:<phase>`: `parse` (the file read into records), `read` (waiting for
 * the library, whose read was issued before the parse), `plan` (merging, with each changed record's write issued),
 * `write` (tags, counts, the undo entry), `commit`.
 */
export const LIBRARY_IMPORT_TIMING = 'paperlight:library-import';

/** Imports that can still be undone: the newest ones. */
export const KEPT_UNDOS = 10;

const STORES = ['papers', 'tags', 'counts', 'imports', 'titleFilter'] as const;
/** An undo also writes the Trash (an imported paper edited since goes there). */
const UNDO_STORES = [...STORES, 'trash'] as const;
type ImportStores = Array<(typeof UNDO_STORES)[number]>;
type ImportTx = IDBPTransaction<PaperlightDB, ImportStores, 'readwrite' | 'readonly'>;

export interface LibraryImportOptions {
  format?: ImportFormat;
  dryRun?: boolean;
  /** The clock (epoch ms): records' save and edit times, the undo entry's time. */
  now: number;
  /** The undo token to give this import (a fresh UUID unless a test says). */
  undoId?: string;
  /** The chosen file's name, kept in the undo entry for the list of recent imports. */
  name?: string;
}

export interface LibraryImportResult extends PlanCounts {
  dryRun: boolean;
  format: ImportFormat;
  rejected: Rejection[];
  undo?: string;
  entries: PlanRow[];
  notices: Notice[];
}

/**
 * Writes `issue`'s requests on the plain stores and waits for the transaction; a request refused (the quota)
 * aborts it and the error reaches the caller. Nothing is made per request: a 10,000-paper import issues
 * tens of thousands of them.
 */
async function commitAll<S extends ImportStores[number]>(tx: ImportTx, names: readonly S[], issue: (stores: Record<S, IDBObjectStore>) => void): Promise<void> {
  await issueThenComplete(tx, () => issue(Object.fromEntries(names.map((name) => [name, unwrap(tx.objectStore(name))])) as Record<S, IDBObjectStore>));
}

function transaction(db: PaperlightDatabase, stores: readonly ImportStores[number][], mode: 'readonly' | 'readwrite'): ImportTx {
  const tx = db.transaction([...stores], mode) as ImportTx;
  tx.done.catch(() => undefined); // a failed read already reports its error
  return tx;
}

/** The tags and counts of the whole library, written afresh (they are derived from the records). */
function recount(stores: Record<'tags' | 'counts', IDBObjectStore>, papers: Iterable<SavedPaper>): void {
  const { tags, counts } = countsOf(papers);
  stores.tags.clear();
  stores.counts.clear();
  for (const entry of tags) stores.tags.put(entry);
  for (const entry of counts) stores.counts.put(entry);
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, i) => tag === b[i]);
}

export async function importLibrary(db: PaperlightDatabase, text: string, options: LibraryImportOptions): Promise<Committed<LibraryImportResult>> {
  const phase = phaseTimer(LIBRARY_IMPORT_TIMING);
  const dryRun = options.dryRun ?? false;
  // The library is read while the file is parsed: the reads are issued first, and keep the transaction open.
  const tx = transaction(db, STORES, dryRun ? 'readonly' : 'readwrite');
  const reads = Promise.all([
    tx.objectStore('papers').getAll(),
    tx.objectStore('tags').getAll(),
    tx.objectStore('imports').index('createdAt').getAllKeys(),
  ]);
  const file = readLibraryFile(text, options.format, options.now);
  phase('parse');
  if (!file.ok) {
    tx.abort();
    await reads.catch(() => undefined);
    throw new UserError(file.error);
  }
  const [stored, tagEntries, undos] = await reads;
  phase('read');
  // The stored records themselves, not copies without their index fields: the plan reads only record fields,
  // a merged record is written through toStored (which derives its index fields afresh), and the few records an
  // undo keeps are made plain below. Records stored before venues were kept get their empty list.
  const library = new Map<string, SavedPaper>();
  for (const record of stored) {
    record.venues ??= [];
    library.set(record.key, record);
  }
  const plan = new ImportPlan(library, options.now);
  const spellings = spellingsOf({ tags: new Map(tagEntries.map((entry) => [entry.id, entry])), counts: new Map() });
  /** The records written, as written (tags in the library's spellings), by key. */
  const written = new Map<string, SavedPaper>();
  const undoId = options.undoId ?? crypto.randomUUID();

  // One synchronous pass: each paper is merged and, when it changes the library, written at once, so the
  // browser stores the first records while later ones are still being merged.
  const run = (stores?: Record<(typeof STORES)[number], IDBObjectStore>) => {
    for (const paper of file.papers) {
      const row = plan.add(paper);
      const changed = plan.written(row.key);
      if (!changed) continue;
      const tags = spellTags(changed.tags, spellings);
      const spelled = sameTags(tags, changed.tags) ? changed : { ...changed, tags };
      written.set(spelled.key, spelled);
      if (stores) putPaper(stores.papers, spelled);
    }
    phase('plan');
    if (!stores || written.size === 0) return;
    const after = new Map(library);
    for (const [key, paper] of written) after.set(key, paper);
    recount(stores, after.values());
    const before = plan.changedBefore().map(savedPaperOf);
    // What the import wrote in the fields a person edits, so an undo can tell their later edits from the import's.
    const wrote = before.map(({ key }) => {
      const { tags, status, note } = written.get(key) as SavedPaper;
      return { key, tags, status, note };
    });
    const added = plan.addedKeys();
    const undo: ImportUndo = {
      id: undoId, createdAt: options.now, format: file.format, added, before, wrote,
      ...(options.name !== undefined && { name: options.name }),
      summary: [options.now, file.format, options.name ?? '', added.length, before.length],
    };
    stores.imports.put(undo);
    // Keys come oldest first: only the newest KEPT_UNDOS imports (this one included) can be undone.
    for (const old of undos.slice(0, Math.max(0, undos.length + 1 - KEPT_UNDOS))) stores.imports.delete(old);
    phase('write');
  };
  if (dryRun) {
    run();
    await tx.done;
  } else {
    await commitAll(tx, STORES, run);
    phase('commit');
  }
  const result: LibraryImportResult = {
    dryRun,
    format: file.format,
    ...plan.counts(),
    rejected: file.rejected,
    ...(!dryRun && written.size > 0 && { undo: undoId }),
    entries: plan.rows,
    notices: file.notices,
  };
  return { result, changes: !dryRun && written.size > 0 ? 'reset' : [] };
}

export interface UndoImportResult {
  /** Added papers edited since the import: moved to the Trash rather than deleted. */
  trashed: number;
  /** Papers saved before the import, edited since: put back with those edits. */
  editsKept: number;
}

/**
 * Puts the library back as it was before the import `id`: its added papers removed, its changed papers as they
 * were. What the person did since is kept (src/core/import/undo.ts): an added paper edited since goes to the
 * Trash as it is, a changed paper edited since comes back with those edits, a paper removed since stays removed.
 */
export async function undoImport(db: PaperlightDatabase, id: string, now: number): Promise<Committed<UndoImportResult>> {
  const tx = transaction(db, UNDO_STORES, 'readwrite');
  const [undo, stored] = await Promise.all([tx.objectStore('imports').get(id), tx.objectStore('papers').getAll()]);
  if (!undo) {
    await tx.done;
    throw new UserError('This import can no longer be undone: it was undone already, or later imports took its place.');
  }
  const library = new Map(stored.map((record) => [record.key, toSaved(record)]));
  const plan = planUndo(undo, (key) => library.get(key));
  // The Trash reads need the trash store only, which this transaction holds beside `imports`.
  const ahead = await readTrashAhead(tx as unknown as AnyTx, plan.trash.map((paper) => paper.key), now);
  for (const key of plan.remove) library.delete(key);
  for (const paper of plan.trash) library.delete(paper.key);
  for (const paper of plan.put) library.set(paper.key, paper);
  await commitAll(tx, UNDO_STORES, ({ papers, trash, tags, counts, imports }) => {
    for (const key of plan.remove) papers.delete(key);
    for (const key of ahead.expired) trash.delete(key);
    for (const paper of plan.trash) {
      papers.delete(paper.key);
      trash.put(trashEntry(paper, ahead.earlier.get(paper.key), now));
    }
    for (const paper of plan.put) putPaper(papers, paper);
    recount({ tags, counts }, library.values());
    imports.delete(id);
  });
  return {
    result: { trashed: plan.trash.length, editsKept: plan.editsKept },
    changes: 'reset',
    ...((plan.trash.length > 0 || ahead.expired.length > 0) && { trash: true }),
  };
}

function knownFormat(value: unknown): ImportFormat | undefined {
  return IMPORT_FORMATS.find((format) => format === value);
}

function countOf(value: unknown): number {
  return Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : 0;
}

/** A summary from the `summary` index's key; whatever does not read as expected is left out or counted 0. */
function fromSummaryKey(undo: string, [importedAt, format, name, added, merged]: ImportSummaryKey): ImportSummary {
  const known = knownFormat(format);
  return {
    undo,
    importedAt: countOf(importedAt),
    ...(known && { format: known }),
    ...(typeof name === 'string' && name !== '' && { name }),
    added: countOf(added),
    merged: countOf(merged),
  };
}

/** A summary of an entry stored before `summary` was kept: its key made from what the entry holds. */
function fromEntry(entry: ImportUndo): ImportSummary {
  const { id, createdAt, format, name, added, before } = entry;
  const lengthOf = (list: unknown) => (Array.isArray(list) ? list.length : 0);
  return fromSummaryKey(id, [createdAt, format, name ?? '', lengthOf(added), lengthOf(before)]);
}

/**
 * The imports that can still be undone, newest first. Their summaries come from the `summary` index by a key
 * cursor, so no entry's records are read; only entries stored before that index (at most KEPT_UNDOS, gone once
 * later imports take their place) are read whole.
 */
export async function importHistory(db: PaperlightDatabase): Promise<ImportSummary[]> {
  const tx = db.transaction('imports', 'readonly');
  const store = tx.objectStore('imports');
  const ids = store.getAllKeys();
  const summaries: ImportSummary[] = [];
  for (let cursor = await store.index('summary').openKeyCursor(); cursor; cursor = await cursor.continue()) {
    summaries.push(fromSummaryKey(cursor.primaryKey, cursor.key));
  }
  const listed = new Set(summaries.map((summary) => summary.undo));
  const older = await Promise.all((await ids).filter((id) => !listed.has(id)).map((id) => store.get(id)));
  await tx.done;
  for (const entry of older) if (entry) summaries.push(fromEntry(entry));
  return summaries.sort((a, b) => b.importedAt - a.importedAt);
}
