// The library as a virtualised listbox: rows have one fixed height, and only those in view (plus a margin) are
// in the DOM, so 10,000 papers scroll like 20. The list itself holds focus; the active row is announced
// through aria-activedescendant and kept in view as it moves.
import type { JSX, Ref } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SavedPaper } from '../../core/paper';
import { rowsPerPage, scrollToReveal, visibleRange, type RowRange } from '../virtual-window';
import { PaperRow, ROW_HEIGHT, rowId } from './PaperRow';

interface PaperListProps {
  papers: readonly SavedPaper[];
  activeKey: string | null;
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
  const { papers, activeKey, selected, siteName, resetKey, listRef, label } = props;
  const own = useRef<HTMLDivElement | null>(null);
  const [viewport, setViewport] = useState(480);
  const [range, setRange] = useState<RowRange>(() => visibleRange(0, 480, ROW_HEIGHT, papers.length));
  const count = papers.length;

  const measure = () => {
    const element = own.current;
    if (!element) return;
    const next = visibleRange(element.scrollTop, element.clientHeight || viewport, ROW_HEIGHT, count);
    setRange((current) => (current.start === next.start && current.end === next.end ? current : next));
  };

  useLayoutEffect(() => {
    const element = own.current!;
    const observer = new ResizeObserver(() => {
      setViewport(element.clientHeight);
      measure();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    if (own.current) own.current.scrollTop = 0;
    measure();
  }, [resetKey]);

  useLayoutEffect(measure, [count, viewport]);

  const activeIndex = activeKey === null ? -1 : papers.findIndex((paper) => paper.key === activeKey);
  useEffect(() => {
    const element = own.current;
    if (!element || activeIndex < 0) return;
    const top = scrollToReveal(activeIndex, element.scrollTop, element.clientHeight, ROW_HEIGHT);
    if (top !== null) {
      element.scrollTop = top;
      measure();
    }
  }, [activeIndex, activeKey]);

  const rows: JSX.Element[] = [];
  for (let i = range.start; i < Math.min(range.end, count); i++) {
    const paper = papers[i]!;
    rows.push(
      <PaperRow
        key={paper.key}
        paper={paper}
        index={i}
        setSize={count}
        active={paper.key === activeKey}
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
      onScroll={measure}
      onKeyDown={(event) => props.onKeyDown(event, rowsPerPage(viewport, ROW_HEIGHT))}
    >
      <div class="list-spacer" role="presentation" style={{ height: `${count * ROW_HEIGHT}px` }}>
        {rows}
      </div>
    </div>
  );
}
