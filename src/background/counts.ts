// Counts kept beside the papers, inside the same transactions that change them: the tag list (one entry per
// case-insensitive tag, with the spelling every paper uses and its use count, for autocomplete) and the number
// of papers in all and per status, site and has-code value. A page's total then costs one read instead of
// counting an index, which IndexedDB does entry by entry.
import { tagId } from '../core/tags';
import type { SavedPaper } from '../core/paper';
import type { TagSpellings } from './records';
import type { AnyTx, CountEntry, TagEntry, WriteTx } from './schema';


export type CountedFilter = 'status' | 'site' | 'code';

export const ALL = 'all';

export function countId(filter: CountedFilter, value: string | number): string {
  return `${filter}:${value}`;
}

function countIdsOf(paper: SavedPaper): string[] {
  return [ALL, countId('status', paper.status), countId('site', paper.site), countId('code', paper.codeLinks.length > 0 ? 1 : 0)];
}

/**
 * Entries read ahead, in the same round trip as a write's other reads: in Chromium each read is a call to the
 * browser process, so a save costs two round trips (read, write) instead of four.
 */
export interface Known {
  /** Tag entries by id (`undefined`: no such tag yet). */
  tags: Map<string, TagEntry | undefined>;
  /** The whole counts store (a few dozen entries), by id. */
  counts: Map<string, CountEntry>;
}

export async function readAhead(tx: AnyTx, tags: readonly string[]): Promise<Known> {
  const tagStore = tx.objectStore('tags');
  const ids = [...new Set(tags.map(tagId))];
  const [entries, counts] = await Promise.all([
    Promise.all(ids.map((id) => tagStore.get(id))),
    tx.objectStore('counts').getAll(),
  ]);
  return {
    tags: new Map(ids.map((id, i) => [id, entries[i]])),
    counts: new Map(counts.map((entry) => [entry.id, entry])),
  };
}

/** The spellings in use among the tags read ahead. */
export function spellingsOf(known: Known): TagSpellings {
  const spellings: TagSpellings = new Map();
  for (const [id, entry] of known.tags) if (entry) spellings.set(id, entry.name);
  return spellings;
}

/** Counts gained and lost by a set of record writes, applied in one go before the transaction ends. */
export class Tally {
  private readonly tags = new Map<string, { name: string; diff: number }>();
  private readonly counts = new Map<string, number>();

  /** Records that a paper went from `before` to `after` (absent: created or removed). */
  track(before: SavedPaper | undefined, after: SavedPaper | undefined): void {
    if (before) this.bump(before, -1);
    if (after) this.bump(after, +1);
  }

  private bump(paper: SavedPaper, diff: number): void {
    for (const tag of paper.tags) {
      const id = tag.toLowerCase();
      const entry = this.tags.get(id) ?? { name: tag, diff: 0 };
      entry.diff += diff;
      if (diff > 0) entry.name = tag;
      this.tags.set(id, entry);
    }
    for (const id of countIdsOf(paper)) this.counts.set(id, (this.counts.get(id) ?? 0) + diff);
  }

  /** Writes the new counts (reading only what `known` lacks); a tag nobody uses any more leaves the list. */
  async apply(tx: WriteTx, track: (request: Promise<unknown>) => void, known?: Known): Promise<void> {
    const tagStore = tx.objectStore('tags');
    const countStore = tx.objectStore('counts');
    const tags = [...this.tags].filter(([, { diff }]) => diff !== 0);
    const counts = [...this.counts].filter(([, diff]) => diff !== 0);
    const [tagsNow, countsNow] = await Promise.all([
      Promise.all(tags.map(([id]) => (known?.tags.has(id) ? known.tags.get(id) : tagStore.get(id)))),
      Promise.all(counts.map(([id]) => (known ? known.counts.get(id) : countStore.get(id)))),
    ]);
    tags.forEach(([id, { name, diff }], i) => {
      const count = (tagsNow[i]?.count ?? 0) + diff;
      track(count <= 0 ? tagStore.delete(id) : tagStore.put({ id, name: tagsNow[i]?.name ?? name, count }));
    });
    counts.forEach(([id, diff], i) => {
      const count = (countsNow[i]?.count ?? 0) + diff;
      track(count <= 0 ? countStore.delete(id) : countStore.put({ id, count }));
    });
  }
}

/** Every count computed from the records themselves (after an import, which rewrites them all). */
export function countsOf(papers: Iterable<SavedPaper>): { tags: TagEntry[]; counts: CountEntry[] } {
  const tags = new Map<string, TagEntry>();
  const counts = new Map<string, number>();
  for (const paper of papers) {
    for (const tag of paper.tags) {
      const id = tag.toLowerCase();
      const entry = tags.get(id);
      if (entry) entry.count++;
      else tags.set(id, { id, name: tag, count: 1 });
    }
    for (const id of countIdsOf(paper)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return { tags: [...tags.values()], counts: [...counts].map(([id, count]) => ({ id, count })) };
}
