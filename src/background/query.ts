// One page of the library, sorted and filtered, read through indexes so the first page costs a page's worth of
// records, not the whole library:
// - no filter: walk the sort's index (savedAt, updatedAt, title, metrics) from `offset`;
// - one filter, newest/oldest first: walk that filter's index (tags, status, site, code), each ordered by savedAt
//   within a value; a tag's total comes from the tag list, which counts it;
// - anything else: read the rarest filter's slice, keep the records that pass every filter, sort those.
import { tagId } from '../core/backup';
import type { SavedPaper } from '../core/paper';
import type { QueryFilter, QueryRequest, SortField } from '../shared/messages';
import type { PaperlightDatabase } from './db';
import { toSaved, type StoredPaper } from './records';
import { readTransaction } from './transactions';

export const DEFAULT_PAGE_SIZE = 50;

type FilterIndex = 'tags' | 'status' | 'site' | 'code';

interface Condition {
  index: FilterIndex;
  value: string | number;
  test(paper: StoredPaper): boolean;
}

function conditionsOf(filter: QueryFilter | undefined): Condition[] {
  if (!filter) return [];
  const conditions: Condition[] = (filter.tags ?? []).map((tag) => {
    const id = tagId(tag);
    return { index: 'tags', value: id, test: (p) => p.ix.tags.some(([t]) => t === id) };
  });
  const { status, site, hasCode } = filter;
  if (status !== undefined) conditions.push({ index: 'status', value: status, test: (p) => p.status === status });
  if (site !== undefined) conditions.push({ index: 'site', value: site, test: (p) => p.site === site });
  if (hasCode !== undefined) conditions.push({ index: 'code', value: hasCode ? 1 : 0, test: (p) => p.ix.code === (hasCode ? 1 : 0) });
  return conditions;
}

/** Every entry of one value in a `[value, savedAt]` index. */
function rangeOf({ value }: Condition): IDBKeyRange {
  return IDBKeyRange.bound([value, -Infinity], [value, Infinity]);
}

function sortKey(paper: StoredPaper, sort: SortField): string | number {
  switch (sort) {
    case 'savedAt': return paper.savedAt;
    case 'updatedAt': return paper.updatedAt;
    case 'title': return paper.ix.title;
    case 'metrics': return paper.ix.metrics;
  }
}

/** The order IndexedDB gives: by sort key, then by primary key (strings compare by code unit in both). */
function compareBy(sort: SortField) {
  return (a: StoredPaper, b: StoredPaper): number => {
    const ka = sortKey(a, sort);
    const kb = sortKey(b, sort);
    if (ka !== kb) return ka < kb ? -1 : 1;
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  };
}

interface CursorLike {
  value: StoredPaper;
  advance(count: number): Promise<CursorLike | null>;
  continue(): Promise<CursorLike | null>;
}

async function readPage(first: Promise<CursorLike | null>, offset: number, limit: number): Promise<SavedPaper[]> {
  let cursor = await first;
  if (cursor && offset > 0) cursor = await cursor.advance(offset);
  const items: SavedPaper[] = [];
  while (cursor) {
    items.push(toSaved(cursor.value));
    if (items.length >= limit) break;
    cursor = await cursor.continue();
  }
  return items;
}

export async function queryPapers(db: PaperlightDatabase, request: QueryRequest): Promise<{ items: SavedPaper[]; total: number }> {
  const sort = request.sort ?? 'savedAt';
  const direction = request.direction === 'asc' ? 'next' : 'prev';
  const offset = request.offset ?? 0;
  const limit = request.limit ?? DEFAULT_PAGE_SIZE;
  const conditions = conditionsOf(request.filter);
  const tx = readTransaction(db);
  const store = tx.objectStore('papers');
  const tagList = tx.objectStore('tags');
  // How many papers pass one condition: tags are counted by the tag list, the rest by their index.
  const sizeOf = async (condition: Condition): Promise<number> =>
    condition.index === 'tags'
      ? ((await tagList.get(condition.value as string))?.count ?? 0)
      : store.index(condition.index).count(rangeOf(condition));

  if (conditions.length === 0) {
    const [total, items] = await Promise.all([
      store.count(),
      readPage(store.index(sort).openCursor(null, direction), offset, limit),
    ]);
    return { items, total };
  }

  if (conditions.length === 1 && sort === 'savedAt') {
    const [condition] = conditions as [Condition];
    const cursor = store.index(condition.index).openCursor(rangeOf(condition), direction);
    const [total, items] = await Promise.all([sizeOf(condition), readPage(cursor, offset, limit)]);
    return { items, total };
  }

  // The rarest condition decides which records are read; a tag, counted for free, is tried first.
  const tags = conditions.filter((c) => c.index === 'tags');
  const candidates = tags.length ? tags : conditions;
  const sizes = await Promise.all(candidates.map(sizeOf));
  const rarest = candidates[sizes.indexOf(Math.min(...sizes))]!;
  if (Math.min(...sizes) === 0) return { items: [], total: 0 };
  const records = await store.index(rarest.index).getAll(rangeOf(rarest));
  const matches = records.filter((paper) => conditions.every((condition) => condition.test(paper)));
  matches.sort(compareBy(sort));
  if (direction === 'prev') matches.reverse();
  return { items: matches.slice(offset, offset + limit).map(toSaved), total: matches.length };
}
