// The virtualised list's sizing: rows follow the height the ResizeObserver reports, and a list built out of the
// document (the popup builds it there while its first page is on its way) takes no size from that time.
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PaperList } from '../../../src/popup/components/PaperList';
import { ROW_HEIGHT } from '../../../src/popup/row-layout';
import { sampleLibrary } from './sample-library';

let resized: Array<(height: number) => void> = [];
let container: HTMLElement;

beforeEach(() => {
  resized = [];
  vi.stubGlobal('ResizeObserver', class {
    constructor(private readonly callback: ResizeObserverCallback) {}
    observe(target: Element) {
      resized.push((height) => this.callback([{ target, contentRect: { height } } as unknown as ResizeObserverEntry], this as unknown as ResizeObserver));
    }
    disconnect() {}
  });
  container = document.createElement('div');
});

afterEach(() => {
  render(null, container);
  container.remove();
  vi.unstubAllGlobals();
});

const papers = sampleLibrary(50);
const noop = () => {};
const list = () => container.querySelector<HTMLElement>('[role="listbox"]')!;
const rowCount = () => container.querySelectorAll('[role="option"]').length;
const settle = () => new Promise((resolve) => setTimeout(resolve, 30)); // preact's effects run after a frame

function renderList(shown = papers) {
  render(
    <PaperList
      papers={shown}
      activeIndex={shown.length ? 0 : -1}
      selected={new Set()}
      siteName={(id) => id}
      resetKey=""
      listRef={{ current: null }}
      label="Saved papers"
      onPointer={noop}
      onToggle={noop}
      onOpen={noop}
      onKeyDown={noop}
    />,
    container,
  );
}

describe('PaperList sizing', () => {
  it('renders the rows that fit the reported height, plus the overscan', async () => {
    document.body.append(container);
    renderList();
    resized[0]!(ROW_HEIGHT * 6 - 10);
    await settle();
    expect(rowCount()).toBe(6 + 4);
    expect(list().scrollTop).toBe(0);
  });

  it('ignores a size read while the list is out of the document, and keeps the first row at the top', async () => {
    renderList([]); // out of the document and still empty, as the popup builds it
    resized[0]!(0);
    await settle();
    renderList(); // the first page is here: the popup puts the list in the document
    document.body.append(container);
    resized[0]!(ROW_HEIGHT * 6 - 10);
    await settle();
    expect(list().scrollTop).toBe(0);
    expect(rowCount()).toBe(6 + 4);
    expect(container.querySelector('[role="option"]')!.getAttribute('aria-posinset')).toBe('1');
  });
});

/** An element as text with its attributes sorted and adjacent text joined: what the rows show, not how it was built. */
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

const rows = () => [...container.querySelectorAll('[role="option"]')];

describe('PaperList while typing', () => {
  // Papers with every kind of badge, and papers with none, so a row given another paper gains and loses parts.
  const venue = { name: 'ICLR 2025', year: 2025, url: 'https://openreview.net/forum?id=abc', key: 'openreview:abc' };
  const metric = (i: number) => ({ text: `${i}.5x`, kind: 'speedup' as const, value: i + 0.5, unit: 'x', label: 'speedup' });
  const rich = papers.slice(0, 12).map((paper, i) => ({
    ...paper, venues: [venue], tags: ['a', 'b', 'c', `t${i}`], metrics: [1, 2, 3, 4].map(metric), codeLinks: ['https://github.com/lab/x'],
  }));
  const bare = papers.slice(20, 32).map((paper) => ({ ...paper, title: '', authors: [], tags: [], metrics: [], codeLinks: [], venues: [] }));

  it('shows the new papers exactly as a fresh list would, in the row elements it already had', async () => {
    document.body.append(container);
    for (const [before, after] of [[rich, bare], [bare, rich], [rich, papers.slice(5, 9)], [papers.slice(0, 3), rich]] as const) {
      renderList(before);
      resized[0]!(ROW_HEIGHT * 6 - 10);
      await settle();
      const kept = rows();
      renderList(after);
      await settle();
      const shown = rows();
      // The rows in both lists are the same elements, given the new papers.
      for (let i = 0; i < Math.min(kept.length, shown.length); i++) expect(shown[i]).toBe(kept[i]);
      expect(shown.map((row) => row.getAttribute('data-key'))).toEqual(after.slice(0, shown.length).map((paper) => paper.key));
      const reused = shown.map(canonical);
      render(null, container);
      resized = [];
      renderList(after);
      resized[0]!(ROW_HEIGHT * 6 - 10);
      await settle();
      expect(reused).toEqual(rows().map(canonical));
      render(null, container);
      resized = [];
    }
  });
});
