// The tag list (one entry per case-insensitive tag, with its spelling and use count), kept current inside the
// same transaction as the papers it counts.
import { tagId } from '../core/backup';
import type { TagEntry, TagSpellings } from './records';
import type { AnyTx, WriteTx } from './transactions';

/** The known spellings of these tags. */
export async function loadSpellings(tx: AnyTx, tags: readonly string[]): Promise<TagSpellings> {
  const store = tx.objectStore('tags');
  const ids = [...new Set(tags.map(tagId))];
  const entries = await Promise.all(ids.map((id) => store.get(id)));
  return new Map(entries.filter((e) => e !== undefined).map((e) => [e.id, e.name]));
}

/** Tag use counts gained and lost by a set of record writes, applied to the list in one go. */
export class TagCounts {
  private readonly diffs = new Map<string, { name: string; diff: number }>();

  /** Records that a paper's tags went from `before` to `after` (either may be absent). */
  track(before: readonly string[] | undefined, after: readonly string[] | undefined): void {
    for (const tag of before ?? []) this.bump(tag, -1);
    for (const tag of after ?? []) this.bump(tag, +1);
  }

  private bump(tag: string, diff: number): void {
    const id = tag.toLowerCase();
    const entry = this.diffs.get(id) ?? { name: tag, diff: 0 };
    entry.diff += diff;
    if (diff > 0) entry.name = tag;
    this.diffs.set(id, entry);
  }

  /** Writes the new counts; a tag nobody uses any more leaves the autocomplete list. */
  async apply(tx: WriteTx, track: (request: Promise<unknown>) => void): Promise<void> {
    const store = tx.objectStore('tags');
    const changed = [...this.diffs].filter(([, { diff }]) => diff !== 0);
    const current = await Promise.all(changed.map(([id]) => store.get(id)));
    changed.forEach(([id, { name, diff }], i) => {
      const count = (current[i]?.count ?? 0) + diff;
      const entry: TagEntry = { id, name: current[i]?.name ?? name, count };
      track(count <= 0 ? store.delete(id) : store.put(entry));
    });
  }
}

/** The whole list computed from records (after an import, which rewrites it). */
export function tagListOf(papers: Iterable<{ tags: readonly string[] }>): TagEntry[] {
  const list = new Map<string, TagEntry>();
  for (const paper of papers) {
    for (const tag of paper.tags) {
      const id = tag.toLowerCase();
      const entry = list.get(id);
      if (entry) entry.count++;
      else list.set(id, { id, name: tag, count: 1 });
    }
  }
  return [...list.values()];
}
