// The library as a virtualised listbox: rows have one fixed height, and only those in view (plus a margin) are
// in the DOM, so 10,000 papers scroll like 20. The list itself holds focus; the active row is announced
// through aria-activedescendant and kept in view as it moves.
import type { JSX, Ref } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PaperSummary } from '../../shared/search-snapshot';
import { rowsPerPage, scrollToReveal, visibleRange } from '../virtual-window';
import { INITIAL_VIEWPORT, OVERSCAN, ROW_HEIGHT, rowId } from '../row-layout';
import { PaperRow } from './PaperRow';

interface PaperListProps {
  papers: readonly PaperSummary[];
  /** The active row, -1 for none. */
  activeIndex: number;
  selected: ReadonlySet<string>;
  siteName(id: string): string;
  /** Changes when what is listed changes (search, filters, sort): the list scrolls back to the top. */
  resetKey: string;
  listRef: Ref<HTMLDivElement>;
  label: string;
  onPointer(event: MouseEvent, key: string): void;
  onToggle(key: string): void;
  onOpen(key: string): void;
  onKeyDown(event: KeyboardEvent, page: number): void;
}

export function PaperList(props: PaperListProps) {
  const { papers, activeIndex, selected, siteName, resetKey, listRef, label } = props;
  const own = useRef<HTMLDivElement | null>(null);
  const count = papers.length;
  // Scroll position and height are kept from scroll events and the resize observer, never read back from the
  // element while rendering: reading them would force a layout on every keystroke.
  const top = useRef(0);
  const [viewport, setViewport] = useState(INITIAL_VIEWPORT);
  const [scrolled, setScrolled] = useState({ resetKey, top: 0 });
  const scrollTop = scrolled.resetKey === resetKey ? scrolled.top : 0;
  const range = visibleRange(scrollTop, viewport, ROW_HEIGHT, count, OVERSCAN);

  const scrollTo = (value: number) => {
    top.current = value;
    setScrolled((current) => {
      const now = visibleRange(current.top, viewport, ROW_HEIGHT, count, OVERSCAN);
      const next = visibleRange(value, viewport, ROW_HEIGHT, count, OVERSCAN);
      return current.resetKey === resetKey && now.start === next.start && now.end === next.end ? current : { resetKey, top: value };
    });
  };

  useLayoutEffect(() => {
    const element = own.current!;
    // The popup builds the list out of the document while its first page is on its way: sizes read there are 0.
    const observer = new ResizeObserver(([entry]) => {
      if (element.isConnected) setViewport(entry!.contentRect.height);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // A new search, filter or sort starts at the top.
  useLayoutEffect(() => {
    if (top.current !== 0 && own.current) own.current.scrollTop = 0;
    top.current = 0;
  }, [resetKey]);

  const activeKey = papers[activeIndex]?.key;
  useEffect(() => {
    const element = own.current;
    if (!element || activeIndex < 0 || viewport <= 0) return;
    const target = scrollToReveal(activeIndex, top.current, viewport, ROW_HEIGHT);
    if (target !== null) {
      element.scrollTop = target;
      scrollTo(target);
    }
  }, [activeIndex, activeKey]);

  const rows: JSX.Element[] = [];
  for (let i = range.start; i < Math.min(range.end, count); i++) {
    const paper = papers[i]!;
    rows.push(
      // Keyed by position, not by paper: when a keystroke changes the papers listed, each row's elements are kept
      // and given the new paper's text and classes, instead of every row being removed and built anew (new
      // elements to create and style). A row showing the same paper at the same place is left as it is (pure).
      <PaperRow
        key={i}
        paper={paper}
        index={i}
        setSize={count}
        active={i === activeIndex}
        selected={selected.has(paper.key)}
        siteName={siteName(paper.site)}
        onPointer={props.onPointer}
        onToggle={props.onToggle}
        onOpen={props.onOpen}
      />,
    );
  }

  return (
    <div
      ref={(element) => {
        own.current = element;
        if (typeof listRef === 'function') listRef(element);
        else if (listRef) listRef.current = element;
      }}
      class="list"
      role="listbox"
      tabIndex={0}
      aria-label={label}
      aria-multiselectable="true"
      aria-activedescendant={activeIndex >= 0 ? rowId(activeIndex) : undefined}
      onScroll={(event) => scrollTo(event.currentTarget.scrollTop)}
      onKeyDown={(event) => props.onKeyDown(event, rowsPerPage(viewport, ROW_HEIGHT))}
    >
      <div class="list-spacer" role="presentation" style={{ height: `${count * ROW_HEIGHT}px` }}>
        {rows}
      </div>
    </div>
  );
}
