// Builders shared by the store's unit tests: realistic card data and records, and a fresh database per test.
import type { SavedPaper } from '../../../src/core/paper';
import type { CardData } from '../../../src/shared/messages';
import { expect } from 'vitest';
import { createDbOpener, openPaperlightDb, type DbOpener } from '../../../src/background/db';
import type { PaperlightDatabase, StoredSeenEntry } from '../../../src/background/schema';
import type { SeenEntry } from '../../../src/core/reading-memory';
import { toSaved } from '../../../src/background/records';

let databases = 0;

/** A name no other test uses, so tests never see each other's data. */
export function uniqueDbName(): string {
  return `paperlight-test-${++databases}-${Math.random().toString(36).slice(2)}`;
}

export function freshDb(): Promise<PaperlightDatabase> {
  return openPaperlightDb(uniqueDbName());
}

export function freshOpener(): DbOpener {
  return createDbOpener(uniqueDbName());
}

const CARD_KEY = 'arxiv:2412.01234';

/**
 * A card of one paper. A card under another key gets a title of its own (`… (arxiv:2401.00001)`): two cards
 * with one title and a shared author would be one paper by title identity.
 */
export function card(overrides: Partial<CardData> = {}): CardData {
  const key = overrides.key ?? CARD_KEY;
  return {
    key: CARD_KEY,
    aliases: ['doi:10.48550/arxiv.2412.01234'],
    title: key === CARD_KEY ? 'Speculative Decoding at Scale' : `Speculative Decoding at Scale (${key})`,
    url: 'https://huggingface.co/papers/2412.01234',
    authors: ['Ada Lovelace', 'Alan Turing'],
    abstract: 'We obtain a ~2.4x speedup and 79.2% top-1 accuracy. Code: https://github.com/example/specdec',
    metrics: [
      { text: '~2.4x', kind: 'speedup', value: 2.4, unit: 'x', label: 'speedup' },
      { text: '79.2%', kind: 'accuracy', value: 79.2, unit: '%', label: 'top-1 accuracy' },
    ],
    codeLinks: ['https://github.com/example/specdec'],
    site: 'huggingface',
    ...overrides,
  };
}

export function paper(index: number, overrides: Partial<SavedPaper> = {}): SavedPaper {
  const id = String(index).padStart(5, '0');
  return {
    key: `arxiv:2401.${id}`,
    aliases: [`doi:10.1000/p${id}`],
    title: `Paper ${id}: a study of things`,
    url: `https://arxiv.org/abs/2401.${id}`,
    authors: ['Grace Hopper', `Author ${index}`],
    abstract: `Abstract of paper ${index}, reaching ${index % 100}.5% accuracy.`,
    published: '2024-01-15',
    venues: [],
    metrics: Array.from({ length: index % 4 }, (_, i) => ({
      text: `${i + 1}.5x`, kind: 'speedup' as const, value: i + 1.5, unit: 'x', label: 'speedup',
    })),
    codeLinks: index % 3 === 0 ? [`https://github.com/lab/repo${index}`] : [],
    site: index % 2 === 0 ? 'arxiv' : 'huggingface',
    tags: [`topic-${index % 10}`, ...(index % 7 === 0 ? ['Seven'] : [])],
    status: (['to-read', 'reading', 'read'] as const)[index % 3]!,
    note: index % 5 === 0 ? `Note on ${index}` : '',
    savedAt: 1_700_000_000_000 + index * 1000,
    updatedAt: 1_700_000_000_000 + index * 1000 + 500,
    seenUrls: [`https://arxiv.org/list/cs.LG/pastweek?skip=${index}`],
    ...overrides,
  };
}

/**
 * The tag list and the counts the store keeps beside its papers, counted here the plain way (not with the
 * store's own counting): one tag entry per tag in any letter case, with the spelling the papers use and
 * the number of papers carrying it; the number of papers in all (`all`) and per status, site and has-code.
 */
export function countRecords(papers: readonly SavedPaper[]) {
  const tags = new Map<string, { id: string; name: string; count: number }>();
  const counts = new Map<string, number>();
  const bump = (id: string) => counts.set(id, (counts.get(id) ?? 0) + 1);
  for (const paper of papers) {
    for (const name of paper.tags) {
      const id = name.toLowerCase();
      tags.set(id, { id, name, count: (tags.get(id)?.count ?? 0) + 1 });
    }
    bump('all');
    bump(`status:${paper.status}`);
    bump(`site:${paper.site}`);
    bump(`code:${paper.codeLinks.length > 0 ? 1 : 0}`);
  }
  return { tags: [...tags.values()], counts: [...counts].map(([id, count]) => ({ id, count })) };
}

/** The tag list and the paper counts in the database agree with its records. */
export async function expectCountsMatchRecords(db: PaperlightDatabase): Promise<void> {
  const records = (await db.getAll('papers')).map(toSaved);
  const expected = countRecords(records);
  const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
  expect(byId(await db.getAll('tags'))).toEqual(byId(expected.tags));
  expect(byId(await db.getAll('counts'))).toEqual(byId(expected.counts));
}

/**
 * Reading-memory entries as the rest of the product sees them: each stored entry's `ids` must list exactly its key
 * then its aliases (what the `ids` index finds it by), and is left out.
 */
export function seenWithoutIds(stored: readonly StoredSeenEntry[]): SeenEntry[] {
  return stored.map(({ ids, ...entry }) => {
    expect(ids).toEqual([entry.key, ...entry.aliases]);
    return entry;
  });
}

/** A reading-memory entry as a release with the `ids` index stores it. */
export function storedSeen(entry: SeenEntry): StoredSeenEntry {
  return { ...entry, ids: [entry.key, ...entry.aliases] };
}
