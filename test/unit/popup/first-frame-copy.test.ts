// The popup's copy of its first frame (popup/first-frame-copy.ts) and the version in the toolbar popup's URL that
// names it (shared/first-frame-url.ts): a copy is drawn only by a page opened at the version it is labelled with,
// only when it has the shape the popup writes; a page at another version writes its own over it.
import { describe, expect, it, vi } from 'vitest';
import type { SavedPaper } from '../../../src/core/paper';
import { FIRST_FRAME_COPY_KEY, firstFrameCopy, keepFirstFrameCopy, type CopyStorage } from '../../../src/popup/first-frame-copy';
import {
  FIRST_FRAME_ROWS, POPUP_PAGE, carriesVersion, firstFrameDataOf, frameRowOf, newVersion, popupUrlOf, versionOfHash,
} from '../../../src/shared/first-frame-url';
import { sampleLibrary } from './sample-library';

const newestFirst = (papers: SavedPaper[]) => [...papers].sort((a, b) => b.savedAt - a.savedAt || (a.key < b.key ? 1 : -1));
const pageOf = (papers: SavedPaper[], total = papers.length) => ({ items: newestFirst(papers).slice(0, 50), total });

/** `localStorage` in memory. */
function memoryStorage(): CopyStorage & { stored: Map<string, string> } {
  const stored = new Map<string, string>();
  return {
    stored,
    getItem: (key) => stored.get(key) ?? null,
    setItem: (key, value) => void stored.set(key, value),
    removeItem: (key) => void stored.delete(key),
  };
}

describe('the version in the toolbar popup\'s URL', () => {
  it('is the popup\'s page with #v=<id>, read back from the hash, and recognised by the background', () => {
    const url = popupUrlOf('lq3x9k0a1b2c3d');
    expect(url).toBe(`${POPUP_PAGE}#v=lq3x9k0a1b2c3d`);
    expect(versionOfHash('#v=lq3x9k0a1b2c3d')).toBe('lq3x9k0a1b2c3d');
    expect(carriesVersion(`chrome-extension://abc${url}`)).toBe(true);
    expect(carriesVersion(`chrome-extension://abc${POPUP_PAGE}`)).toBe(false);
  });

  it('is no version for a plain URL or any other fragment', () => {
    for (const hash of ['', '#', '#v=', '#v=ABC', '#v=a b', '#v=abc&x=1', '#tab', '#f1.abc', `#v=${'a'.repeat(33)}`]) {
      expect(versionOfHash(hash)).toBeNull();
    }
    expect(() => popupUrlOf('Not a version')).toThrow();
  });

  it('is made of the time and random bits: ids made at the same millisecond differ, ids at other times differ', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newVersion(1_750_000_000_000)));
    expect(ids.size).toBe(1000);
    const same = () => Uint32Array.of(7, 9);
    expect(newVersion(1, same)).not.toBe(newVersion(2, same));
    for (const id of ids) expect(versionOfHash(`#v=${id}`)).toBe(id);
  });
});

describe('the popup\'s copy of its first frame', () => {
  const page = pageOf(sampleLibrary(200), 10_000);
  const data = firstFrameDataOf(page);

  it('is drawn by a page opened at the version it is labelled with, as the first page it was kept from', () => {
    const storage = memoryStorage();
    keepFirstFrameCopy(storage, 'v1', data, false);
    const copy = firstFrameCopy(storage, 'v1')!;
    expect(copy.total).toBe(10_000);
    expect(copy.listed).toEqual(page.items.map(({ status, site }) => ({ status, site })));
    expect(copy.rows).toEqual(page.items.slice(0, FIRST_FRAME_ROWS).map(frameRowOf));
  });

  it('is not drawn by a page opened at another version, nor at the plain page', () => {
    const storage = memoryStorage();
    keepFirstFrameCopy(storage, 'v1', data, false);
    expect(firstFrameCopy(storage, 'v2')).toBeNull();
    expect(firstFrameCopy(storage, null)).toBeNull();
    expect(firstFrameCopy(memoryStorage(), 'v1')).toBeNull();
  });

  it('is replaced by a page at another version once it has read the database, so it never outlives the library', () => {
    const storage = memoryStorage();
    keepFirstFrameCopy(storage, 'v1', data, false);
    // After a clear, the next popup opens at a new version, draws from the database, and keeps the empty library.
    keepFirstFrameCopy(storage, 'v2', firstFrameDataOf({ items: [], total: 0 }), false);
    expect(firstFrameCopy(storage, 'v1')).toBeNull();
    expect(firstFrameCopy(storage, 'v2')).toEqual({ total: 0, listed: [], rows: [] });
    expect(storage.stored.get(FIRST_FRAME_COPY_KEY)).not.toContain(page.items[0]!.title);
    // A first page that cannot be read (no database): no copy at all.
    keepFirstFrameCopy(storage, 'v3', null, false);
    expect(storage.stored.has(FIRST_FRAME_COPY_KEY)).toBe(false);
  });

  it('is left alone by a page at the plain URL, and not rewritten by a page that drew from it', () => {
    const storage = memoryStorage();
    keepFirstFrameCopy(storage, 'v1', data, false);
    const kept = storage.stored.get(FIRST_FRAME_COPY_KEY);
    const setItem = vi.spyOn(storage, 'setItem');
    keepFirstFrameCopy(storage, null, firstFrameDataOf({ items: [], total: 0 }), false);
    keepFirstFrameCopy(storage, 'v1', firstFrameDataOf({ items: [], total: 0 }), true);
    expect(setItem).not.toHaveBeenCalled();
    expect(storage.stored.get(FIRST_FRAME_COPY_KEY)).toBe(kept);
  });

  it('carries any text as it is: other scripts, quotes, markup, characters outside the basic plane', () => {
    const storage = memoryStorage();
    const odd = { ...page.items[0]!, title: '<img src=x onerror=alert(1)> “Ω” 𝔉𝔯𝔞𝔨 & #hash', authors: ['Zoë Ünal', '李雷'], tags: ['a#b', '%20'] };
    keepFirstFrameCopy(storage, 'v1', firstFrameDataOf({ items: [odd, ...page.items.slice(1)], total: 10_000 }), false);
    expect(firstFrameCopy(storage, 'v1')!.rows[0]).toMatchObject({ title: odd.title, authors: odd.authors, tags: odd.tags });
  });

  it('is no copy when what is stored is not the shape the popup writes, whatever part is off', () => {
    const storage = memoryStorage();
    keepFirstFrameCopy(storage, 'v1', data, false);
    const good = JSON.parse(storage.stored.get(FIRST_FRAME_COPY_KEY)!) as Record<string, unknown> & { rows: Array<Record<string, unknown>>; listed: Array<Record<string, unknown>> };
    const row = good.rows[0]!;
    const variants: unknown[] = [
      null, [], 'v1', { ...good, version: 1 }, { ...good, total: -1 }, { ...good, total: 1.5 }, { ...good, total: 3 },
      { ...good, listed: 'x' }, { ...good, listed: [...good.listed, ...good.listed] },
      { ...good, listed: [{ status: 'done', site: 'arxiv' }, ...good.listed.slice(1)] },
      { ...good, rows: good.rows.slice(1) },
      { ...good, rows: [{ ...row, status: row.status === 'read' ? 'skip' : 'read' }, ...good.rows.slice(1)] },
      ...(['key', 'title', 'site', 'venue'] as const).map((field) => ({ ...good, rows: [{ ...row, [field]: 7 }, ...good.rows.slice(1)] })),
      ...(['authors', 'tags', 'metrics', 'codeLinks'] as const).map((field) => ({ ...good, rows: [{ ...row, [field]: [7] }, ...good.rows.slice(1)] })),
      { ...good, rows: [{ ...row, savedAt: 'today' }, ...good.rows.slice(1)] },
      { ...good, rows: [{ ...row, codeLinks: ['javascript:alert(1)'] }, ...good.rows.slice(1)] },
      { ...good, rows: [{ ...row, metrics: [{ text: '1x', kind: 'nonsense', value: 1, unit: 'x', label: 'speed' }] }, ...good.rows.slice(1)] },
    ];
    for (const variant of variants) {
      storage.stored.set(FIRST_FRAME_COPY_KEY, JSON.stringify(variant));
      expect(firstFrameCopy(storage, 'v1'), JSON.stringify(variant).slice(0, 120)).toBeNull();
    }
    for (const text of ['', '{', 'v1', 'x'.repeat(300_000)]) {
      storage.stored.set(FIRST_FRAME_COPY_KEY, text);
      expect(firstFrameCopy(storage, 'v1')).toBeNull();
    }
    // Not vacuous: the copy as written is read.
    storage.stored.set(FIRST_FRAME_COPY_KEY, JSON.stringify(good));
    expect(firstFrameCopy(storage, 'v1')).not.toBeNull();
  });

  it('is no copy when storage refuses, and a refused write leaves none behind', () => {
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const refusing: CopyStorage = {
      getItem: () => { throw new Error('denied'); },
      setItem: () => { throw new Error('quota'); },
      removeItem: vi.fn(),
    };
    expect(firstFrameCopy(refusing, 'v1')).toBeNull();
    keepFirstFrameCopy(refusing, 'v1', data, false);
    expect(refusing.removeItem).toHaveBeenCalledWith(FIRST_FRAME_COPY_KEY);
    expect(warned).toHaveBeenCalledOnce();
    warned.mockRestore();
  });
});
