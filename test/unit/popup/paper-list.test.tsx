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
