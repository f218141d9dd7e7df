// Counts kept beside the papers, inside the same transactions that change them: the tag list (one entry per
// case-insensitive tag, with the spelling every paper uses and its use count, for autocomplete) and the number
// of papers in all and per status, site and has-code value. A page's total then costs one read instead of
// counting an index, which IndexedDB does entry by entry.
import { tagId } from '../core/backup';
import type { SavedPaper } from '../core/paper';
import type { TagEntry, TagSpellings } from './records';
import type { AnyTx, WriteTx } from './transactions';

/** One count: `all`, or a filter and its value (`status:read`, `site:arxiv`, `code:1`). */
export interface CountEntry {
  id: string;
  count: number;
}

export type CountedFilter = 'status' | 'site' | 'code';

export const ALL = 'all';

export function countId(filter: CountedFilter, value: string | number): string {
  return `${filter}:${value}`;
}

function countIdsOf(paper: SavedPaper): string[] {
  return [ALL, countId('status', paper.status), countId('site', paper.site), countId('code', paper.codeLinks.length > 0 ? 1 : 0)];
}

/** The known spellings of these tags. */
export async function loadSpellings(tx: AnyTx, tags: readonly string[]): Promise<TagSpellings> {
  const store = tx.objectStore('tags');
  const ids = [...new Set(tags.map(tagId))];
  const entries = await Promise.all(ids.map((id) => store.get(id)));
  return new Map(entries.filter((e) => e !== undefined).map((e) => [e.id, e.name]));
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

  /** Writes the new counts; a tag nobody uses any more leaves the autocomplete list. */
  async apply(tx: WriteTx, track: (request: Promise<unknown>) => void): Promise<void> {
    const tagStore = tx.objectStore('tags');
    const countStore = tx.objectStore('counts');
    const tags = [...this.tags].filter(([, { diff }]) => diff !== 0);
    const counts = [...this.counts].filter(([, diff]) => diff !== 0);
    const [tagsNow, countsNow] = await Promise.all([
      Promise.all(tags.map(([id]) => tagStore.get(id))),
      Promise.all(counts.map(([id]) => countStore.get(id))),
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
