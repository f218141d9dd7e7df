// One page of the library, sorted and filtered, read through indexes so the first page costs a page's worth of
// records, not the whole library:
// - no filter: walk the sort's index (savedAt, updatedAt, title, metrics) from `offset`;
// - one filter, newest/oldest first: walk that filter's slice of the `facets` index, which is ordered by savedAt;
// - anything else: read the smallest filter's slice, keep the records that pass every filter, sort those.
import { tagId } from '../core/backup';
import type { SavedPaper } from '../core/paper';
import type { QueryFilter, QueryRequest, SortField } from '../shared/messages';
import type { FacetKey, PaperlightDatabase } from './db';
import { toSaved, type StoredPaper } from './records';
import { readTransaction } from './transactions';

export const DEFAULT_PAGE_SIZE = 50;

type Facet = [name: string, value: string | number];

function facetsOf(filter: QueryFilter | undefined): Facet[] {
  if (!filter) return [];
  const facets: Facet[] = (filter.tags ?? []).map((tag) => ['tag', tagId(tag)]);
  if (filter.status !== undefined) facets.push(['status', filter.status]);
  if (filter.site !== undefined) facets.push(['site', filter.site]);
  if (filter.hasCode !== undefined) facets.push(['code', filter.hasCode ? 1 : 0]);
  return facets;
}

function facetRange([name, value]: Facet): IDBKeyRange {
  const low: FacetKey = [name, value, -Infinity];
  const high: FacetKey = [name, value, Infinity];
  return IDBKeyRange.bound(low, high);
}

function hasFacet(paper: StoredPaper, [name, value]: Facet): boolean {
  return paper.ix.facets.some(([n, v]) => n === name && v === value);
}

const SORT_INDEX = { savedAt: 'savedAt', updatedAt: 'updatedAt', title: 'title', metrics: 'metrics' } as const;

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
  const facets = facetsOf(request.filter);
  const store = readTransaction(db).objectStore('papers');

  if (facets.length === 0) {
    const [total, items] = await Promise.all([
      store.count(),
      readPage(store.index(SORT_INDEX[sort]).openCursor(null, direction), offset, limit),
    ]);
    return { items, total };
  }

  const index = store.index('facets');
  if (facets.length === 1 && sort === 'savedAt') {
    const range = facetRange(facets[0]!);
    const [total, items] = await Promise.all([index.count(range), readPage(index.openCursor(range, direction), offset, limit)]);
    return { items, total };
  }

  const sizes = await Promise.all(facets.map((facet) => index.count(facetRange(facet))));
  const smallest = sizes.indexOf(Math.min(...sizes));
  if (sizes[smallest] === 0) return { items: [], total: 0 };
  const candidates = await index.getAll(facetRange(facets[smallest]!));
  const matches = candidates.filter((paper) => facets.every((facet) => hasFacet(paper, facet)));
  matches.sort(compareBy(sort));
  if (direction === 'prev') matches.reverse();
  return { items: matches.slice(offset, offset + limit).map(toSaved), total: matches.length };
}
