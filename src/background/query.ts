// One page of the library, sorted and filtered, read through indexes where the product needs speed (the
// popup's first page, newest first; a tag filter), so that page costs a page's worth of records:
// - no filter, by savedAt: walk that index from `offset`;
// - one tag filter, newest/oldest first: walk the tag index (each tag's entries are ordered by savedAt);
// - anything else: read the slice of the rarest tag filter (every record when there is none), keep the records
//   that pass every filter, sort those. Sorts by last edit, title or metrics count and the status, site and code
//   filters have no index (each would add an entry per paper to every write); nothing in the product asks for
//   them, and they cost one read of the library, as the popup's own load does.
// Totals come from the counts kept beside the papers (counting an index would visit every entry).
import { tagId } from '../core/tags';
import type { SavedPaper } from '../core/paper';
import type { QueryFilter, QueryRequest, SortField } from '../shared/messages';
import { ALL, countId } from './counts';
import { toSaved } from './records';
import type { PaperlightDatabase, StoredPaper } from './schema';
import { readTransaction } from './transactions';

export const DEFAULT_PAGE_SIZE = 50;

interface Condition {
  /** The index listing the papers that pass (each value's entries in savedAt order), and the value there. */
  index?: { name: 'tags'; value: string };
  /** Where the number of papers that pass is kept: the tag list, or the counts store. */
  count: { tag: string } | { id: string };
  test(paper: StoredPaper): boolean;
}

function conditionsOf(filter: QueryFilter | undefined): Condition[] {
  if (!filter) return [];
  const conditions: Condition[] = (filter.tags ?? []).map((tag) => {
    const id = tagId(tag);
    return { index: { name: 'tags', value: id }, count: { tag: id }, test: (p) => p.ix.tags.some(([t]) => t === id) };
  });
  const { status, site, hasCode } = filter;
  if (status !== undefined) {
    conditions.push({ count: { id: countId('status', status) }, test: (p) => p.status === status });
  }
  if (site !== undefined) conditions.push({ count: { id: countId('site', site) }, test: (p) => p.site === site });
  if (hasCode !== undefined) {
    conditions.push({ count: { id: countId('code', hasCode ? 1 : 0) }, test: (p) => p.codeLinks.length > 0 === hasCode });
  }
  return conditions;
}

/** Every entry of one value in a `[value, savedAt]` index. */
function rangeOf(value: string): IDBKeyRange {
  return IDBKeyRange.bound([value, -Infinity], [value, Infinity]);
}

/** The value a sort orders by (titles compare in lower case, as the old title index did). */
function sortKeyOf(sort: SortField): (paper: StoredPaper) => string | number {
  switch (sort) {
    case 'savedAt': return (paper) => paper.savedAt;
    case 'updatedAt': return (paper) => paper.updatedAt;
    case 'title': return (paper) => paper.title.toLowerCase();
    case 'metrics': return (paper) => paper.metrics.length;
  }
}

/** `records` in the order IndexedDB gives: by sort key, then by primary key (strings by code unit in both). */
function sorted(records: StoredPaper[], sort: SortField): StoredPaper[] {
  const keyOf = sortKeyOf(sort);
  const keyed = records.map((record) => ({ record, sortKey: keyOf(record) }));
  keyed.sort((a, b) => {
    if (a.sortKey !== b.sortKey) return a.sortKey < b.sortKey ? -1 : 1;
    return a.record.key < b.record.key ? -1 : a.record.key > b.record.key ? 1 : 0;
  });
  return keyed.map(({ record }) => record);
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
  const sizeOf = async ({ count }: Condition): Promise<number> => {
    const entry = 'tag' in count ? await tagList.get(count.tag) : await countStore.get(count.id);
    return entry?.count ?? 0;
  };

  if (conditions.length === 0 && sort === 'savedAt') {
    const [total, items] = await Promise.all([
      countStore.get(ALL).then((entry) => entry?.count ?? 0),
      readPage(store.index(sort), null, direction, offset, limit, directional),
    ]);
    return { items, total };
  }

  const [only] = conditions;
  if (conditions.length === 1 && only?.index && sort === 'savedAt') {
    const page = readPage(store.index(only.index.name), rangeOf(only.index.value), direction, offset, limit, directional);
    const [total, items] = await Promise.all([sizeOf(only), page]);
    return { items, total };
  }

  // The rarest indexed condition decides which records are read; without one, every record is.
  const sizes = await Promise.all(conditions.map(sizeOf));
  if (sizes.some((size) => size === 0)) return { items: [], total: 0 };
  const rarest = conditions
    .map((condition, i) => ({ index: condition.index, size: sizes[i]! }))
    .filter((candidate) => candidate.index !== undefined)
    .sort((a, b) => a.size - b.size)[0]?.index;
  const records = rarest ? await store.index(rarest.name).getAll(rangeOf(rarest.value)) : await store.getAll();
  const matches = sorted(records.filter((paper) => conditions.every((condition) => condition.test(paper))), sort);
  if (direction === 'prev') matches.reverse();
  return { items: matches.slice(offset, offset + limit).map(toSaved), total: matches.length };
}
