// The popup's search snapshot (shared/search-snapshot.ts): every paper's summary, in columns, stored beside the
// papers so that it survives the service worker and costs the popup one read.
//
// How it stays right without touching every write path: after each committed write, and before the write's
// change is broadcast, `markWritten` bumps the generation and notes the keys written (or marks the snapshot stale when
// the library was replaced): a small record, so a write pays a few milliseconds, never a read of the snapshot.
// The snapshot is brought up to date only when asked for (`readSnapshot`, when a popup opens): the rows of the keys
// written are redone from the papers (every row after a replacement), and the result is stored only if no write
// came in between (the generation is unchanged). A snapshot read in the short span between a write's commit and
// its mark lacks that write, but its reader asked before the change was broadcast, so the change event reaches it
// after the snapshot: views apply events on top of it.
import { encodeSnapshot, isSnapshotFormat, snapshotColumns, snapshotRow, snapshotRows, type SnapshotColumns, type SnapshotRow } from '../shared/search-snapshot';
import type { PaperChange } from '../shared/messages';
import { toSaved } from './records';
import type { PaperlightDatabase, SearchSnapshotRecord } from './schema';

type SnapshotState = Extract<SearchSnapshotRecord, { id: 'state' }>;

/** Past this many papers written since the last build, all rows are redone (one read of the library). */
const MAX_DIRTY = 500;

function stateOf(record: SearchSnapshotRecord | undefined): SnapshotState {
  return record?.id === 'state' ? record : { id: 'state', generation: 0, dirty: [], stale: true };
}

/** The stored columns, or null when missing or of another format (then they are built again). */
function columnsOf(record: SearchSnapshotRecord | undefined): SnapshotColumns | null {
  return record?.id === 'columns' && isSnapshotFormat(record.columns) ? record.columns : null;
}

/** Notes a committed write: its papers' rows are behind (`'reset'`: every row). */
export async function markWritten(db: PaperlightDatabase, changes: readonly PaperChange[] | 'reset'): Promise<void> {
  if (changes !== 'reset' && changes.length === 0) return;
  const tx = db.transaction('snapshot', 'readwrite');
  const state = stateOf(await tx.store.get('state'));
  const dirty = changes === 'reset' ? [] : [...new Set([...state.dirty, ...changes.map((change) => change.key)])];
  const stale = state.stale || changes === 'reset' || dirty.length > MAX_DIRTY;
  await Promise.all([tx.store.put({ id: 'state', generation: state.generation + 1, dirty: stale ? [] : dirty, stale }), tx.done]);
}

/** The snapshot as the library stands: the stored one when current, else brought up to date (and stored). */
export async function readSnapshot(db: PaperlightDatabase): Promise<SnapshotColumns> {
  // One read transaction over both stores: the state, the snapshot and the papers it is redone from are of one moment.
  const tx = db.transaction(['snapshot', 'papers'], 'readonly');
  const snapshots = tx.objectStore('snapshot');
  const state = stateOf(await snapshots.get('state'));
  // A snapshot of an older format (a `text` record, or columns this code cannot read) is rebuilt whole.
  const stored = state.stale ? null : columnsOf(await snapshots.get('columns'));
  if (stored !== null && state.dirty.length === 0) return stored;
  const papers = tx.objectStore('papers');
  const rows = stored === null ? null : snapshotRows(stored);
  let columns: SnapshotColumns;
  if (rows === null) {
    columns = encodeSnapshot((await papers.getAll()).map(toSaved));
  } else {
    const written = await Promise.all(state.dirty.map((key) => papers.get(key)));
    columns = snapshotColumns(patched(rows, state.dirty, written.map((record) => record && snapshotRow(toSaved(record)))));
  }
  await tx.done;
  const write = db.transaction('snapshot', 'readwrite');
  if (stateOf(await write.store.get('state')).generation === state.generation) {
    await Promise.all([
      write.store.put({ id: 'columns', columns }),
      write.store.delete('text'),
      write.store.put({ id: 'state', generation: state.generation, dirty: [], stale: false }),
      write.done,
    ]);
  } else {
    await write.done;
  }
  return columns;
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
