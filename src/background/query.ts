// One page of the library, sorted and filtered, read through indexes so the first page costs a page's worth of
// records, not the whole library:
// - no filter: walk the sort's index (savedAt, updatedAt, title, metrics) from `offset`;
// - one filter, newest/oldest first: walk that filter's index (tags, status, site, code), each ordered by savedAt
//   within a value;
// - anything else: read the rarest filter's slice, keep the records that pass every filter, sort those.
// Totals come from the counts kept beside the papers (counting an index would visit every entry).
import { tagId } from '../core/backup';
import type { SavedPaper } from '../core/paper';
import type { QueryFilter, QueryRequest, SortField } from '../shared/messages';
import type { PaperlightDatabase } from './db';
import { ALL, countId } from './counts';
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

interface IndexLike {
  openCursor(range: IDBKeyRange | null, direction: IDBCursorDirection): Promise<CursorLike | null>;
  getAll(query: IDBKeyRange | null, count?: number): Promise<StoredPaper[]>;
}

/**
 * `getAll({ query, count, direction })` reads a page in one request, where a cursor needs one round trip per
 * record (in Chromium each is a call to the browser process). Browsers without it (Firefox so far) take the
 * options object for a key and throw; they have no `getAllRecords`, which came with it.
 */
export const DIRECTIONAL_GET_ALL = typeof IDBIndex !== 'undefined' && 'getAllRecords' in IDBIndex.prototype;
/** Deeper pages are read with a cursor rather than reading and dropping everything before them. */
const MAX_SKIPPED_BY_GET_ALL = 1000;

async function readPage(
  index: IndexLike,
  range: IDBKeyRange | null,
  direction: IDBCursorDirection,
  offset: number,
  limit: number,
  directional: boolean,
): Promise<SavedPaper[]> {
  if (directional && offset <= MAX_SKIPPED_BY_GET_ALL) {
    const options = { query: range, count: offset + limit, direction };
    const records = await index.getAll(options as unknown as IDBKeyRange);
    return records.slice(offset).map(toSaved);
  }
  let cursor = await index.openCursor(range, direction);
  if (cursor && offset > 0) cursor = await cursor.advance(offset);
  const items: SavedPaper[] = [];
  while (cursor) {
    items.push(toSaved(cursor.value));
    if (items.length >= limit) break;
    cursor = await cursor.continue();
  }
  return items;
}

export async function queryPapers(
  db: PaperlightDatabase,
  request: QueryRequest,
  { directional = DIRECTIONAL_GET_ALL }: { directional?: boolean } = {},
): Promise<{ items: SavedPaper[]; total: number }> {
  const sort = request.sort ?? 'savedAt';
  const direction = request.direction === 'asc' ? 'next' : 'prev';
  const offset = request.offset ?? 0;
  const limit = request.limit ?? DEFAULT_PAGE_SIZE;
  const conditions = conditionsOf(request.filter);
  const tx = readTransaction(db);
  const store = tx.objectStore('papers');
  const tagList = tx.objectStore('tags');
  const countStore = tx.objectStore('counts');
  const sizeOf = async (condition: Condition): Promise<number> => {
    const { index, value } = condition;
    const entry = index === 'tags' ? await tagList.get(value as string) : await countStore.get(countId(index, value));
    return entry?.count ?? 0;
  };

  if (conditions.length === 0) {
    const [total, items] = await Promise.all([
      countStore.get(ALL).then((entry) => entry?.count ?? 0),
      readPage(store.index(sort), null, direction, offset, limit, directional),
    ]);
    return { items, total };
  }

  if (conditions.length === 1 && sort === 'savedAt') {
    const [condition] = conditions as [Condition];
    const page = readPage(store.index(condition.index), rangeOf(condition), direction, offset, limit, directional);
    const [total, items] = await Promise.all([sizeOf(condition), page]);
    return { items, total };
  }

  // The rarest condition decides which records are read.
  const sizes = await Promise.all(conditions.map(sizeOf));
  const rarest = conditions[sizes.indexOf(Math.min(...sizes))]!;
  if (Math.min(...sizes) === 0) return { items: [], total: 0 };
  const records = await store.index(rarest.index).getAll(rangeOf(rarest));
  const matches = records.filter((paper) => conditions.every((condition) => condition.test(paper)));
  matches.sort(compareBy(sort));
  if (direction === 'prev') matches.reverse();
  return { items: matches.slice(offset, offset + limit).map(toSaved), total: matches.length };
}
