// The popup's search snapshot (shared/search-snapshot.ts): every paper's summary as one text, stored beside the
// papers so that it survives the service worker and costs one read to hand out.
//
// How it stays right without touching every write path: after each committed write, and before the write's
// change is broadcast, `markWritten` bumps the record's generation and notes the keys written (or drops the text
// when the library was replaced). `read` redoes the rows of those keys from the papers (all rows after a
// replacement) and stores the result only if no write came in between (the generation is unchanged). A text read
// in the short span between a write's commit and its mark lacks that write, but its reader asked before the
// change was broadcast, so the change event reaches it after the text: views apply events on top of the text.
import { encodeSnapshot, snapshotRow, snapshotRows, snapshotText, type SnapshotRow } from '../shared/search-snapshot';
import type { PaperChange } from '../shared/messages';
import { toSaved } from './records';
import type { PaperlightDatabase, SearchSnapshotRecord } from './schema';

const RECORD_ID = 'search';
/** Past this many papers written since the last build, all rows are redone (one read of the library). */
const MAX_DIRTY = 500;

function emptyRecord(): SearchSnapshotRecord {
  return { id: RECORD_ID, generation: 0, text: null, dirty: [] };
}

/** Notes a committed write: its papers' rows are stale (`'reset'`: every row). Cheap: one small record rewritten. */
export async function markWritten(db: PaperlightDatabase, changes: readonly PaperChange[] | 'reset'): Promise<void> {
  if (changes !== 'reset' && changes.length === 0) return;
  const tx = db.transaction('snapshot', 'readwrite');
  const record = (await tx.store.get(RECORD_ID)) ?? emptyRecord();
  const dirty = changes === 'reset' ? [] : [...new Set([...record.dirty, ...changes.map((change) => change.key)])];
  const rebuild = changes === 'reset' || record.text === null || dirty.length > MAX_DIRTY;
  await Promise.all([
    tx.store.put({ id: RECORD_ID, generation: record.generation + 1, text: rebuild ? null : record.text, dirty: rebuild ? [] : dirty }),
    tx.done,
  ]);
}

/** The snapshot as the library stands: the stored text when current, else brought up to date (and stored). */
export async function readSnapshot(db: PaperlightDatabase): Promise<string> {
  // One read transaction over both stores: the record and the papers it is redone from are of the same moment.
  const tx = db.transaction(['snapshot', 'papers'], 'readonly');
  const record = (await tx.objectStore('snapshot').get(RECORD_ID)) ?? emptyRecord();
  if (record.text !== null && record.dirty.length === 0) return record.text;
  const papers = tx.objectStore('papers');
  let text: string;
  const rows = record.text === null ? null : snapshotRows(record.text);
  if (rows === null) {
    text = encodeSnapshot((await papers.getAll()).map(toSaved));
  } else {
    const written = await Promise.all(record.dirty.map((key) => papers.get(key)));
    text = snapshotText(patched(rows, record.dirty, written.map((stored) => stored && snapshotRow(toSaved(stored)))));
  }
  await tx.done;
  const write = db.transaction('snapshot', 'readwrite');
  const now = await write.store.get(RECORD_ID);
  if ((now?.generation ?? 0) === record.generation) {
    await Promise.all([write.store.put({ id: RECORD_ID, generation: record.generation, text, dirty: [] }), write.done]);
  } else {
    await write.done;
  }
  return text;
}

/** `rows` with the rows of `keys` replaced by `written` (same order; undefined: no longer saved). */
function patched(rows: SnapshotRow[], keys: readonly string[], written: ReadonlyArray<SnapshotRow | undefined>): SnapshotRow[] {
  const byKey = new Map(rows.map((row) => [row[0], row]));
  keys.forEach((key, i) => {
    const row = written[i];
    if (row) byKey.set(key, row);
    else byKey.delete(key);
  });
  return [...byKey.values()];
}
