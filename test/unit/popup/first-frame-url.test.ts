// What the toolbar popup's URL carries of the first page (shared/first-frame-url.ts): written by the background,
// read back by the popup's entry from `location.hash`, and refused whole (no fragment: the popup reads the
// database) whenever it is not exactly what the background writes.
import { describe, expect, it } from 'vitest';
import type { SavedPaper } from '../../../src/core/paper';
import {
  FIRST_FRAME_ROWS, POPUP_PAGE, carriesFirstFrame, firstFrameFragment, firstFrameFromHash, frameRowOf, popupUrlOf,
} from '../../../src/shared/first-frame-url';
import { sampleLibrary } from './sample-library';

const newestFirst = (papers: SavedPaper[]) => [...papers].sort((a, b) => b.savedAt - a.savedAt || (a.key < b.key ? 1 : -1));
const pageOf = (papers: SavedPaper[], total = papers.length) => ({ items: newestFirst(papers).slice(0, 50), total });

/** The fragment's content as written, to be altered by a test (the encoding itself is the module's). */
function payloadOf(fragment: string): unknown[] {
  const bytes = Uint8Array.from(atob(fragment.slice(3).replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as unknown[];
}
function fragmentOf(payload: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(payload));
  return `#f1.${btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

describe('the first frame in the popup\'s URL', () => {
  const library = sampleLibrary(200);
  const page = pageOf(library, 10_000);

  it('reads back as the first page it was written from: its rows, what is listed and the library\'s size', () => {
    const frame = firstFrameFromHash(`#${firstFrameFragment(page)}`)!;
    expect(frame.total).toBe(10_000);
    expect(frame.listed).toEqual(page.items.map(({ status, site }) => ({ status, site })));
    expect(frame.rows).toEqual(page.items.slice(0, FIRST_FRAME_ROWS).map(frameRowOf));
  });

  it('carries any text as it is: other scripts, quotes, markup, characters outside the basic plane', () => {
    const odd = { ...page.items[0]!, title: '<img src=x onerror=alert(1)> “Ω” 𝔉𝔯𝔞𝔨 & #hash ?q=1', authors: ['Zoë Ünal', '李雷'], tags: ['a#b', '%20'] };
    const frame = firstFrameFromHash(`#${firstFrameFragment({ items: [odd, ...page.items.slice(1)], total: 10_000 })}`)!;
    expect(frame.rows[0]).toMatchObject({ title: odd.title, authors: odd.authors, tags: odd.tags });
  });

  it('is the popup\'s page with the fragment, which the background recognises as carrying a frame', () => {
    const url = popupUrlOf(page);
    expect(url.startsWith(`${POPUP_PAGE}#f1.`)).toBe(true);
    expect(carriesFirstFrame(`chrome-extension://abc${url}`)).toBe(true);
    expect(carriesFirstFrame(`chrome-extension://abc${POPUP_PAGE}`)).toBe(false);
    expect(carriesFirstFrame(`chrome-extension://abc${POPUP_PAGE}#other`)).toBe(false);
  });

  it('stays a few kilobytes for the bench\'s library (the 50 newest of 10,000 papers)', () => {
    const length = popupUrlOf(pageOf(sampleLibrary(10_000))).length;
    expect(length).toBeGreaterThan(1000);
    expect(length).toBeLessThan(8000);
  });

  it('is no frame when the URL has no fragment or another one', () => {
    for (const hash of ['', '#', '#f1.', '#f2.' + firstFrameFragment(page).slice(3), '#tab', `#${firstFrameFragment(page)}=`, `#${firstFrameFragment(page)}%20`]) {
      expect(firstFrameFromHash(hash)).toBeNull();
    }
  });

  it('is no frame when the fragment is not what the background writes, whatever part is off', () => {
    const written = payloadOf(firstFrameFragment(page));
    expect(firstFrameFromHash(fragmentOf(written))).not.toBeNull(); // the alterations below are what is refused
    const row = (written[3] as unknown[][])[0]!;
    const withRow = (i: number, value: unknown) => {
      const rows = structuredClone(written[3]) as unknown[][];
      rows[0]![i] = value;
      return [written[0], written[1], written[2], rows];
    };
    const altered: unknown[] = [
      'not an array', {}, written.slice(0, 3), [...written, 1],
      ['10000', written[1], written[2], written[3]], [-1, written[1], written[2], written[3]], [3, written[1], written[2], written[3]],
      [written[0], ['arxiv', 'arxiv'], written[2], written[3]], [written[0], [''], written[2], written[3]],
      [written[0], written[1], [0], written[3]], [written[0], written[1], [9, 0], written[3]], [written[0], written[1], (written[2] as number[]).slice(0, 10), written[3]],
      [written[0], written[1], written[2], (written[3] as unknown[]).slice(0, 5)], [written[0], written[1], written[2], [...(written[3] as unknown[]), row]],
      withRow(0, 'not a key'), withRow(1, 42), withRow(1, 'x'.repeat(2001)), withRow(2, 'Ada'), withRow(2, [1]), withRow(3, 99),
      withRow(4, -5), withRow(5, 7), withRow(6, [null]), withRow(7, [['1x', 'no-such-kind', 1, 'x', '']]),
      withRow(7, [['1x', 'speedup', 'one', 'x', '']]), withRow(7, [['1x', 'speedup', 1, 'x']]), withRow(8, ['javascript:alert(1)']),
      withRow(9, null), [...withRow(0, row[0]).slice(0, 3), [[...row, 'extra'], ...(written[3] as unknown[]).slice(1)]],
    ];
    for (const payload of altered) expect(firstFrameFromHash(fragmentOf(payload)), JSON.stringify(payload).slice(0, 120)).toBeNull();
    expect(firstFrameFromHash('#f1.!!!!')).toBeNull();
    expect(firstFrameFromHash('#f1.' + btoa('{"not":"json"'))).toBeNull();
    expect(firstFrameFromHash('#f1.' + btoa('\xff\xfe'))).toBeNull(); // not UTF-8
  });

  it('is no frame when a row is not the paper listed in its place', () => {
    const written = payloadOf(firstFrameFragment(page));
    const rows = structuredClone(written[3]) as unknown[][];
    rows[0]![5] = ((rows[0]![5] as number) + 1) % 4; // another status than the listed paper's
    expect(firstFrameFromHash(fragmentOf([written[0], written[1], written[2], rows]))).toBeNull();
  });

  it('carries an empty library as one (no frame is drawn for it; the app explains what to do)', () => {
    expect(firstFrameFromHash(`#${firstFrameFragment({ items: [], total: 0 })}`)).toEqual({ total: 0, listed: [], rows: [] });
  });
});
