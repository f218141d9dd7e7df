// Tag autocomplete: which existing tags to offer for what has been typed. Tags starting with the typed text come
// first, then tags containing it; within each, the most used first. Tags the paper already has are left out.
import { tagId } from '../core/tags';

export interface TagUse {
  name: string;
  count: number;
}

export function suggestTags(tags: readonly TagUse[], typed: string, exclude: readonly string[] = [], limit = 8): string[] {
  const wanted = tagId(typed);
  const taken = new Set(exclude.map(tagId));
  const starts: TagUse[] = [];
  const contains: TagUse[] = [];
  for (const tag of tags) {
    const id = tagId(tag.name);
    if (taken.has(id)) continue;
    if (id.startsWith(wanted)) starts.push(tag);
    else if (id.includes(wanted)) contains.push(tag);
  }
  const byUse = (a: TagUse, b: TagUse) => b.count - a.count || (a.name < b.name ? -1 : 1);
  return [...starts.sort(byUse), ...contains.sort(byUse)].slice(0, limit).map((tag) => tag.name);
}

/** Tag counts over a set of papers, for the autocomplete once the whole library is loaded. */
export function countTags(papers: Iterable<{ tags: readonly string[] }>): TagUse[] {
  const counts = new Map<string, TagUse>();
  for (const paper of papers) {
    for (const name of paper.tags) {
      const id = tagId(name);
      const entry = counts.get(id);
      if (entry) entry.count++;
      else counts.set(id, { name, count: 1 });
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));
}
