// The first frame the page's entry draws without preact is the app's first render of the same first page: the
// same header and the same rows, element for element, attribute for attribute, text for text, so that the app
// takes over without anything on screen moving; drawn from the database's first page or from the popup's
// copy of it (popup/first-frame-copy.ts), stored and read back.
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { SavedPaper } from '../../../src/core/paper';
import { App } from '../../../src/popup/App';
import { PopupController } from '../../../src/popup/controller';
import { firstFrame, firstFrameRows } from '../../../src/popup/first-frame';
import { firstFrameCopy, keepFirstFrameCopy } from '../../../src/popup/first-frame-copy';
import { FIRST_FRAME_ROWS, firstFrameDataOf, type FirstFrameData } from '../../../src/shared/first-frame-url';
import { createStateContainer } from '../../../src/popup/state';
import { sampleLibrary } from './sample-library';

const SITE_NAMES = new Map([['arxiv', 'arXiv'], ['openreview', 'OpenReview']]);
const siteName = (id: string) => SITE_NAMES.get(id) ?? id;
const venue = { name: 'ICLR 2025', year: 2025, url: 'https://openreview.net/forum?id=abc', key: 'openreview:abc' };

/** The newest 50 of a library whose newest papers show every kind of badge and the odd empty field. */
function firstPage(): { items: SavedPaper[]; total: number } {
  const newest = [...sampleLibrary(80)].sort((a, b) => b.savedAt - a.savedAt || (a.key < b.key ? 1 : -1));
  const metric = (i: number) => ({ text: `${i}.5x`, kind: 'speedup' as const, value: i + 0.5, unit: 'x', label: 'speedup' });
  newest[0] = { ...newest[0]!, venues: [venue], tags: ['a', 'b', 'c', 'd', 'e'], metrics: [1, 2, 3, 4].map(metric), codeLinks: ['https://github.com/lab/x', 'https://example.org/code'] };
  newest[1] = { ...newest[1]!, title: '', authors: [], status: 'skip', tags: [], metrics: [], codeLinks: [] };
  newest[2] = { ...newest[2]!, title: '<b>Not markup</b> & “quotes”', authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Kurt Gödel'] };
  return { items: newest.slice(0, 50), total: 10_000 };
}

/** An element as text with its attributes sorted and adjacent text joined: markup compared, not how it was built. */
function canonical(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return JSON.stringify(node.textContent);
  const element = node as Element;
  const attributes = [...element.attributes].map((a) => `${a.name}=${JSON.stringify(a.value)}`).sort().join(' ');
  const children: string[] = [];
  let text: string | null = null;
  for (const child of element.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) {
      text = (text ?? '') + child.textContent;
      continue;
    }
    if (text !== null) children.push(JSON.stringify(text));
    text = null;
    children.push(canonical(child));
  }
  if (text !== null) children.push(JSON.stringify(text));
  return `<${element.tagName.toLowerCase()} ${attributes}>${children.join('')}</${element.tagName.toLowerCase()}>`;
}

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

async function appFirstRender(page: { items: SavedPaper[]; total: number }, inTab: boolean): Promise<HTMLElement> {
  const container = createStateContainer();
  const controller = new PopupController(container, {
    send: () => new Promise(() => {}),
    onChange: () => () => {},
    download: () => {},
    openTab: async () => {},
  });
  root = document.createElement('div');
  document.body.append(root);
  render(<App container={container} controller={controller} inTab={inTab} siteNames={SITE_NAMES} openOptions={() => {}} openInTab={() => {}} />, root);
  container.dispatch({ type: 'firstPage', items: page.items, total: page.total });
  await new Promise((resolve) => setTimeout(resolve, 0));
  return root.querySelector<HTMLElement>('.app')!;
}

/** The app's render with only its first `count` rows (those out of the popup's view removed). */
function withFirstRows(app: HTMLElement, count: number): HTMLElement {
  const copy = app.cloneNode(true) as HTMLElement;
  for (const row of [...copy.querySelectorAll('[role="option"]')].slice(count)) row.remove();
  return copy;
}

/** The popup's copy of `page`, kept under a version and read back as the entry reads it (through JSON, as stored). */
function carried(page: { items: SavedPaper[]; total: number }): FirstFrameData {
  const stored = new Map<string, string>();
  const storage = {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => void stored.set(key, value),
    removeItem: (key: string) => void stored.delete(key),
  };
  keepFirstFrameCopy(storage, 'v1', firstFrameDataOf(page), false);
  return firstFrameCopy(storage, 'v1')!;
}

const SOURCES = [
  ['the database\'s first page', firstFrameDataOf],
  ['the popup\'s copy of the first page', carried],
] as const;

describe('the first frame', () => {
  // The app renders the rows in its list's first guess of a view (480 px: 7 rows of 78 px) and 4 more below;
  // the toolbar popup's list is shorter than the guess, so its first frame holds the 7 alone, a tab's all 11.
  for (const [source, frameData] of SOURCES) {
    for (const [inTab, rowCount] of [[false, 7], [true, 11]] as const) {
      it(`is the app's first render of the same page, header and rows in view, from ${source} (${inTab ? 'in a tab' : 'as the toolbar popup'})`, async () => {
        const page = firstPage();
        const app = await appFirstRender(page, inTab);
        expect(app.querySelectorAll('[role="option"]').length).toBe(11);
        const frame = firstFrame(frameData(page), inTab, siteName)!;
        expect(frame.className).toBe(app.className);
        expect(canonical(frame.querySelector('header')!)).toBe(canonical(app.querySelector('header')!));
        expect(canonical(frame.querySelector('main')!)).toBe(canonical(withFirstRows(app, rowCount).querySelector('main')!));
        // Not vacuous: the rows in view are there, badges and all, the first one timed for the bench.
        const rows = [...frame.querySelectorAll('[role="option"]')];
        expect(rows.length).toBe(rowCount);
        expect(rows[0]!.querySelector('[elementtiming]')!.textContent).toBe(page.items[0]!.title);
        expect([...rows[0]!.querySelectorAll('.chip, .metric, .code-badge')].map((badge) => badge.textContent))
          .toEqual(['ICLR 2025', '#a', '#b', '#c', '+2', '1.5x', '2.5x', '3.5x', '+1', 'code']);
        expect(rows[1]!.querySelector('.row-title')!.textContent).toBe('Untitled paper');
        expect(rows[2]!.querySelector('.row-title')!.textContent).toBe('<b>Not markup</b> & “quotes”');
        expect(frame.querySelector('b')).toBeNull();
        expect(frame.querySelector('.library-count')!.textContent).toBe('10,000 papers');
      });
    }
  }

  it('is not drawn for an empty library (the app explains what to do instead)', () => {
    expect(firstFrame(firstFrameDataOf({ items: [], total: 0 }), false, siteName)).toBeNull();
    expect(firstFrame(carried({ items: [], total: 0 }), false, siteName)).toBeNull();
  });

  it('has, in the popup\'s copy, enough rows for the tallest first frame', () => {
    expect(firstFrameRows(50, true).end).toBe(FIRST_FRAME_ROWS);
    expect(firstFrameRows(50, false).end).toBeLessThan(FIRST_FRAME_ROWS);
    const frame = carried(firstPage());
    expect(frame.rows.length).toBe(FIRST_FRAME_ROWS);
    expect(frame.listed.length).toBe(50);
  });
});
