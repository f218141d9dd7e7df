// Undoing an import after the person went on working with the library. The import's undo entry holds the keys it
// added and the saved records it changed, as they were; putting those back blindly would throw away what the
// person did since (a note written on an imported paper, a status or tag set on a paper saved before). A paper
// counts as edited since the import when its `updatedAt` moved past what the import wrote: only edits move it
// (seeing a paper again does not, src/background/records.ts).
import type { SavedPaper } from '../paper';
import { tagId } from '../tags';

/** What the import wrote, in the fields a person edits, on a saved paper it changed. */
export type ImportedFields = Pick<SavedPaper, 'key' | 'tags' | 'status' | 'note'>;

/** The parts of an import's undo entry the plan reads. */
export interface UndoEntry {
  /** Epoch ms of the import: the `updatedAt` it gave the papers it added. */
  createdAt: number;
  added: readonly string[];
  before: readonly SavedPaper[];
  /** Absent in entries stored before it was kept: those papers, once edited, are left as they are. */
  wrote?: readonly ImportedFields[];
}

export interface UndoPlan {
  /** Papers the import added, untouched since: deleted. */
  remove: string[];
  /** Papers the import added and the person edited since: to the Trash as they are now, so nothing is lost. */
  trash: SavedPaper[];
  /** Saved papers written back: as before the import, with the edits made since in tags, status and note. */
  put: SavedPaper[];
  /** Papers the import changed that keep edits made since (put back with them, or left as they are). */
  editsKept: number;
}

/**
 * The person's edits since the import, carried onto the record as it was before it: tags they added are added and
 * tags they removed are removed (the import's own tags go), a status or note they changed is theirs (a note they
 * edited may hold the text the import appended: it is kept whole rather than cut).
 */
function withEditsSince(before: SavedPaper, wrote: ImportedFields, now: SavedPaper): SavedPaper {
  const wroteIds = new Set(wrote.tags.map(tagId));
  const nowIds = new Set(now.tags.map(tagId));
  const tags = before.tags.filter((tag) => !wroteIds.has(tagId(tag)) || nowIds.has(tagId(tag)));
  const kept = new Set(tags.map(tagId));
  for (const tag of now.tags) if (!wroteIds.has(tagId(tag)) && !kept.has(tagId(tag))) tags.push(tag);
  return {
    ...before,
    tags,
    status: now.status !== wrote.status ? now.status : before.status,
    note: now.note !== wrote.note ? now.note : before.note,
    updatedAt: now.updatedAt,
  };
}

/** What undoing `undo` writes, given the library as it is now (`current`, by key). */
export function planUndo(undo: UndoEntry, current: (key: string) => SavedPaper | undefined): UndoPlan {
  const plan: UndoPlan = { remove: [], trash: [], put: [], editsKept: 0 };
  for (const key of undo.added) {
    const now = current(key);
    if (!now) continue; // removed since: it is in the Trash already
    if (now.updatedAt > undo.createdAt) plan.trash.push(now);
    else plan.remove.push(key);
  }
  const wrote = new Map((undo.wrote ?? []).map((fields) => [fields.key, fields]));
  for (const before of undo.before) {
    const now = current(before.key);
    // Removed since the import: that removal was the person's, and the paper waits in the Trash.
    if (!now) continue;
    if (now.updatedAt <= Math.max(undo.createdAt, before.updatedAt)) {
      plan.put.push(before);
      continue;
    }
    plan.editsKept++;
    const fields = wrote.get(before.key);
    if (fields) plan.put.push(withEditsSince(before, fields, now));
  }
  return plan;
}
