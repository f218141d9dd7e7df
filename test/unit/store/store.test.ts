// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PaperlightDatabase } from '../../../src/background/schema';
import { allPapers, listTags, lookupPapers, removePaper, savePaper, updatePaper } from '../../../src/background/paper-operations';
import { LIMITS } from '../../../src/core/paper-record';
import { restorePapers } from '../../../src/background/library-operations';
import { card, expectCountsMatchRecords, freshDb, paper } from './helpers';

const T0 = 1_750_000_000_000;
const PAGE = 'https://huggingface.co/papers/date/2025-12-11';

let db: PaperlightDatabase;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => db.close());

describe('save', () => {
  it('creates a record with defaults, the page it was seen on, and broadcastable changes', async () => {
    const { result, changes } = await savePaper(db, card(), T0, PAGE);
    expect(result.created).toBe(true);
    expect(result.paper).toMatchObject({
      key: 'arxiv:2412.01234', status: 'to-read', note: '', tags: [], savedAt: T0, updatedAt: T0, seenUrls: [PAGE],
    });
    expect(changes).toEqual([{ key: 'arxiv:2412.01234', paper: result.paper }]);
    expect((await allPapers(db)).papers).toEqual([result.paper]);
  });

  it('merges a re-save: fresh description, tags united, note and status kept, save time kept', async () => {
    await savePaper(db, card({ tags: ['LLM'], note: 'great', status: 'reading' }), T0, PAGE);
    const { result } = await savePaper(db, card({ title: 'Speculative Decoding at Scale (v2)', abstract: '', tags: ['decoding'] }), T0 + 10, 'https://arxiv.org/abs/2412.01234');
    expect(result.created).toBe(false);
    expect(result.paper).toMatchObject({
      title: 'Speculative Decoding at Scale (v2)',
      abstract: card().abstract,
      tags: ['LLM', 'decoding'],
      note: 'great',
      status: 'reading',
      savedAt: T0,
      updatedAt: T0 + 10,
      seenUrls: [PAGE, 'https://arxiv.org/abs/2412.01234'],
    });
  });

  it('finds a paper saved under its arXiv id when met under its DOI, and keeps one record', async () => {
    await savePaper(db, card({ aliases: [] , tags: ['kept'] }), T0);
    const { result } = await savePaper(db, card({ key: 'doi:10.1145/3581783.3611962', aliases: ['arxiv:2412.01234'] }), T0 + 1);
    expect(result.created).toBe(false);
    expect(result.paper.key).toBe('arxiv:2412.01234');
    expect(result.paper.aliases).toEqual(['doi:10.1145/3581783.3611962']);
    expect(result.paper.tags).toEqual(['kept']);
    expect((await allPapers(db)).papers).toHaveLength(1);
    const { found } = await lookupPapers(db, ['doi:10.1145/3581783.3611962', 'arxiv:2412.01234', 'arxiv:9999.99999']);
    expect(found.map((f) => [f.key, f.paper.key])).toEqual([
      ['doi:10.1145/3581783.3611962', 'arxiv:2412.01234'],
      ['arxiv:2412.01234', 'arxiv:2412.01234'],
    ]);
  });

  it('finds the paper keyed by an id before a paper that carries the same id as an alias', async () => {
    // Two records can share an id when both came back from a backup (restore writes records as given).
    await restorePapers(db, [paper(1, { aliases: ['arxiv:2401.00002'] }), paper(2)]);
    const { found } = await lookupPapers(db, ['arxiv:2401.00002', 'doi:10.1000/p00002']);
    expect(found.map((f) => [f.key, f.paper.key])).toEqual([
      ['arxiv:2401.00002', 'arxiv:2401.00002'],
      ['doi:10.1000/p00002', 'arxiv:2401.00002'],
    ]);
  });

  it('a re-save that changes nothing writes and broadcasts nothing', async () => {
    await savePaper(db, card({ tags: ['a'] }), T0, PAGE);
    const again = await savePaper(db, card({ tags: ['A'] }), T0 + 5, PAGE);
    expect(again.changes).toEqual([]);
    expect(again.result).toMatchObject({ created: false, paper: { updatedAt: T0, tags: ['a'] } });
  });

  it('seeing a paper again is not an edit, and the pages seen stay bounded', async () => {
    await savePaper(db, card(), T0, PAGE);
    let last;
    for (let i = 0; i < LIMITS.seenUrls + 5; i++) last = await savePaper(db, card(), T0 + 100 + i, `${PAGE}?p=${i}`);
    expect(last!.result.paper.updatedAt).toBe(T0);
    expect(last!.result.paper.seenUrls).toHaveLength(LIMITS.seenUrls);
    expect(last!.result.paper.seenUrls.at(-1)).toBe(`${PAGE}?p=${LIMITS.seenUrls + 4}`);
  });

  it('refuses a re-save that would take a paper past the tag limit, rather than drop tags', async () => {
    const half = (from: number) => Array.from({ length: 200 }, (_, i) => `t${from + i}`);
    await savePaper(db, card({ tags: half(0) }), T0);
    await expect(savePaper(db, card({ tags: half(200) }), T0 + 1)).rejects.toThrow(/at most 256 tags \(arxiv:2412\.01234 would have 400\)/);
    expect((await allPapers(db)).papers[0]!.tags).toEqual(half(0));
  });

  it('spells a tag as the library already does, whatever case it is typed in', async () => {
    await savePaper(db, card({ key: 'arxiv:2401.00001', aliases: [], tags: ['Diffusion'] }), T0);
    const { result } = await savePaper(db, card({ key: 'arxiv:2401.00002', aliases: [], tags: ['DIFFUSION', ' diffusion '] }), T0);
    expect(result.paper.tags).toEqual(['Diffusion']);
    expect((await listTags(db)).tags).toEqual([{ name: 'Diffusion', count: 2 }]);
  });
});

describe('update', () => {
  beforeEach(async () => {
    await savePaper(db, card({ tags: ['a', 'b'] }), T0);
  });

  it('applies set, then additions, then removals, and moves updatedAt', async () => {
    const { result, changes } = await updatePaper(db, 'arxiv:2412.01234', {
      set: { status: 'read', note: 'done', tags: ['x', 'y'] }, addTags: ['z', 'X'], removeTags: ['Y'],
    }, T0 + 5);
    expect(result.paper).toMatchObject({ status: 'read', note: 'done', tags: ['x', 'z'], updatedAt: T0 + 5 });
    expect(changes).toHaveLength(1);
    expect((await listTags(db)).tags).toEqual([{ name: 'x', count: 1 }, { name: 'z', count: 1 }]);
  });

  it('finds the paper by an alias', async () => {
    const { result } = await updatePaper(db, 'doi:10.48550/arxiv.2412.01234', { addTags: ['via-doi'] }, T0 + 1);
    expect(result.paper.tags).toEqual(['a', 'b', 'via-doi']);
  });

  it('reports an edit that changes nothing as no change', async () => {
    const { result, changes } = await updatePaper(db, 'arxiv:2412.01234', { addTags: ['A'] }, T0 + 9);
    expect(changes).toEqual([]);
    expect(result.paper.updatedAt).toBe(T0);
  });

  it('refuses a paper that is not saved, and more tags than a paper may carry, writing nothing', async () => {
    await expect(updatePaper(db, 'arxiv:0000.00000', { addTags: ['x'] }, T0)).rejects.toThrow(/not saved any more/);
    const many = Array.from({ length: LIMITS.tags }, (_, i) => `t${i}`);
    await expect(updatePaper(db, 'arxiv:2412.01234', { addTags: many }, T0)).rejects.toThrow(/at most 256 tags/);
    expect((await allPapers(db)).papers[0]!.tags).toEqual(['a', 'b']);
  });
});

describe('remove', () => {
  it('returns the removed record (for undo) and drops unused tags from the list', async () => {
    const saved = (await savePaper(db, card({ tags: ['only-here'] }), T0)).result.paper;
    const { result, changes } = await removePaper(db, 'doi:10.48550/arxiv.2412.01234', T0 + 1);
    expect(result.removed).toEqual(saved);
    expect(changes).toEqual([{ key: saved.key, paper: null }]);
    expect((await allPapers(db)).papers).toEqual([]);
    expect((await listTags(db)).tags).toEqual([]);
    expect((await removePaper(db, saved.key, T0 + 2)).result.removed).toBeNull();
    await expectCountsMatchRecords(db);
  });
});

describe('many tabs at once', () => {
  it('loses no tag when 200 tag edits from 5 tabs arrive together', async () => {
    await savePaper(db, card(), T0);
    const edits = Array.from({ length: 200 }, (_, i) => ({ tab: i % 5, tag: `tab${i % 5}-edit${i}` }));
    await Promise.all(edits.map(({ tag }, i) => updatePaper(db, 'arxiv:2412.01234', { addTags: [tag] }, T0 + i)));
    const [stored] = (await allPapers(db)).papers;
    expect(new Set(stored!.tags)).toEqual(new Set(edits.map((e) => e.tag)));
    const { tags } = await listTags(db);
    expect(tags).toHaveLength(200);
    expect(tags.every((t) => t.count === 1)).toBe(true);
    await expectCountsMatchRecords(db);
  });

  it('loses no tag when the same paper is saved and tagged from several tabs together', async () => {
    await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => savePaper(db, card({ tags: [`save-${i}`] }), T0 + i, `${PAGE}?tab=${i}`)),
      ...Array.from({ length: 20 }, (_, i) => updatePaper(db, 'arxiv:2412.01234', { addTags: [`edit-${i}`] }, T0 + i).catch(() => 'not saved yet')),
    ]);
    const [stored] = (await allPapers(db)).papers;
    for (let i = 0; i < 20; i++) expect(stored!.tags).toContain(`save-${i}`);
    expect((await allPapers(db)).papers).toHaveLength(1);
    await expectCountsMatchRecords(db);
  });

  it('adds and removes concurrently without resurrecting a removed tag', async () => {
    await savePaper(db, card({ tags: Array.from({ length: 50 }, (_, i) => `old-${i}`) }), T0);
    await Promise.all(Array.from({ length: 100 }, (_, i) => updatePaper(
      db, 'arxiv:2412.01234', i % 2 ? { removeTags: [`old-${i >> 1}`] } : { addTags: [`new-${i >> 1}`] }, T0 + i,
    )));
    const [stored] = (await allPapers(db)).papers;
    expect(stored!.tags.sort()).toEqual(Array.from({ length: 50 }, (_, i) => `new-${i}`).sort());
    await expectCountsMatchRecords(db);
  });
});
