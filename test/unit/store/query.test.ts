// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaperlightDatabase } from '../../../src/background/schema';
import { DIRECTIONAL_GET_ALL, queryPapers } from '../../../src/background/query';
import { restorePapers } from '../../../src/background/library-operations';
import { allPapers } from '../../../src/background/paper-operations';
import { samePaper } from '../../../src/core/paper-record';
import type { SavedPaper } from '../../../src/core/paper';
import type { QueryRequest, SortField } from '../../../src/shared/messages';
import { freshDb, paper } from './helpers';

const COUNT = 1100;
let db: PaperlightDatabase;
let library: SavedPaper[];

beforeAll(async () => {
  db = await freshDb();
  // Titles out of key order, equal metric counts and equal update times: ties must break like the indexes do.
  library = Array.from({ length: COUNT }, (_, i) => paper(i, {
    title: `${String.fromCharCode(65 + ((i * 7) % 26))}${i % 2 ? 'lpha' : 'BETA'} ${i}`,
    updatedAt: 1_800_000_000_000 + (i % 10),
  }));
  await restorePapers(db, library);
});
afterAll(() => db.close());

/** What a query must return, computed the slow, obvious way. */
function expected(request: QueryRequest): { keys: string[]; total: number } {
  const sort: SortField = request.sort ?? 'savedAt';
  const value = (p: SavedPaper): string | number =>
    sort === 'title' ? p.title.toLowerCase() : sort === 'metrics' ? p.metrics.length : p[sort];
  const f = request.filter ?? {};
  const matches = library.filter((p) =>
    (f.tags ?? []).every((t) => p.tags.some((pt) => pt.toLowerCase() === t.toLowerCase())) &&
    (f.status === undefined || p.status === f.status) &&
    (f.site === undefined || p.site === f.site) &&
    (f.hasCode === undefined || (p.codeLinks.length > 0) === f.hasCode));
  matches.sort((a, b) => {
    const [va, vb] = [value(a), value(b)];
    return va < vb ? -1 : va > vb ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  });
  if ((request.direction ?? 'desc') === 'desc') matches.reverse();
  const offset = request.offset ?? 0;
  return { keys: matches.slice(offset, offset + (request.limit ?? 50)).map((p) => p.key), total: matches.length };
}

const cases: Array<[string, Omit<QueryRequest, 'type'>]> = [
  ['the first page, newest first (defaults)', {}],
  ['a later page, oldest first', { direction: 'asc', offset: 120, limit: 30 }],
  ['by last edit, with ties', { sort: 'updatedAt', limit: 25 }],
  ['by title A to Z', { sort: 'title', direction: 'asc', limit: 40 }],
  ['by title Z to A, second page', { sort: 'title', offset: 40, limit: 40 }],
  ['by number of metrics', { sort: 'metrics', limit: 60 }],
  ['one tag, in any letter case', { filter: { tags: ['TOPIC-4'] } }],
  ['one tag, second page, oldest first', { filter: { tags: ['topic-4'] }, direction: 'asc', offset: 10, limit: 10 }],
  ['a status', { filter: { status: 'reading' }, limit: 20 }],
  ['papers with code', { filter: { hasCode: true }, limit: 20 }],
  ['papers without code, by title', { filter: { hasCode: false }, sort: 'title', direction: 'asc' }],
  ['two tags', { filter: { tags: ['topic-0', 'seven'] } }],
  ['tag, site and status together', { filter: { tags: ['topic-2'], site: 'arxiv', status: 'read' }, sort: 'metrics' }],
  ['a tag nobody uses', { filter: { tags: ['nothing'] } }],
  ['past the end', { offset: COUNT + 5 }],
  ['deeper than one getAll reads', { offset: 1010, limit: 5 }],
];

describe.each([
  ['one getAll with a direction (Chromium)', true],
  ['a cursor (Firefox)', false],
])('query, pages read with %s', (_reader, directional) => {
  it.each(cases)('returns %s like the obvious computation', async (_name, options) => {
    const request: QueryRequest = { type: 'query', ...options };
    const result = await queryPapers(db, request, { directional });
    const want = expected(request);
    expect(result.items.map((p) => p.key)).toEqual(want.keys);
    expect(result.total).toBe(want.total);
  });
});

describe('query results', () => {
  it('uses the one-request page where the IndexedDB has getAll with a direction (fake-indexeddb does)', () => {
    expect(DIRECTIONAL_GET_ALL).toBe(true);
  });

  it('returns whole records, without the background\'s index fields', async () => {
    const { items } = await queryPapers(db, { type: 'query', limit: 3 });
    for (const item of items) {
      expect(item).not.toHaveProperty('ix');
      expect(samePaper(item, library.find((p) => p.key === item.key)!)).toBe(true);
    }
  });

  it('getAll gives every record, newest first', async () => {
    const { papers } = await allPapers(db);
    expect(papers.map((p) => p.key)).toEqual(library.map((p) => p.key).reverse());
    expect(papers[0]).not.toHaveProperty('ix');
  });
});
