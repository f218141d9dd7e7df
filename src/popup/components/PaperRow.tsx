// One row of the list: title, authors, site and saved day, then status, where it was published, tags, metric
// and code badges. Every string is page text rendered as text by preact. Fixed height: the list positions rows
// by index. The popup's first frame draws the same markup without preact (first-frame.ts `paperRow`).
import { describeMetric } from '../../core/describe-metric';
import { GROUP_OF_KIND } from '../../core/highlight-groups';
import { shownVenue } from '../../core/paper';
import type { PaperSummary } from '../../shared/search-snapshot';
import { CodeIcon } from '../../ui/icons';
import { pure } from '../../ui/pure';
import { STATUS_LABELS, authorsLine, codeLinkLabel, firstOf, savedDay } from '../format';
import { FIRST_ROW_TIMING, ROW_HEIGHT, rowId } from '../row-layout';

interface PaperRowProps {
  paper: PaperSummary;
  index: number;
  setSize: number;
  active: boolean;
  selected: boolean;
  siteName: string;
  onPointer(event: MouseEvent, key: string): void;
  onToggle(key: string): void;
  onOpen(key: string): void;
}

/** Pure: while typing, rows that stay in view keep their DOM untouched. */
export const PaperRow = pure(function PaperRow({ paper, index, setSize, active, selected, siteName, onPointer, onToggle, onOpen }: PaperRowProps) {
  const tags = firstOf(paper.tags, 3);
  const metrics = firstOf(paper.metrics, 3);
  const id = rowId(index);
  const venue = shownVenue(paper.venues);
  return (
    <div
      id={id}
      role="option"
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-meta ${id}-badges`}
      class={`row${active ? ' active' : ''}${selected ? ' selected' : ''}`}
      style={{ transform: `translateY(${index * ROW_HEIGHT}px)` }}
      data-key={paper.key}
      onClick={(event) => onPointer(event, paper.key)}
      onDblClick={() => onOpen(paper.key)}
    >
      <span
        class="row-check"
        aria-hidden="true"
        onClick={(event) => {
          event.stopPropagation();
          onToggle(paper.key);
        }}
      />
      <div class="row-body">
        <div class="row-title" id={`${id}-title`} title={paper.title} elementtiming={index === 0 ? FIRST_ROW_TIMING : undefined}>{paper.title || 'Untitled paper'}</div>
        <div class="row-meta" id={`${id}-meta`}>
          <span class="row-authors">{authorsLine(paper.authors)}</span>
          <span class="row-site">{` · ${siteName} · ${savedDay(paper.savedAt)}`}</span>
        </div>
        <div class="row-badges" id={`${id}-badges`}>
          <span class={`status-pill status-${paper.status}`}>{STATUS_LABELS[paper.status]}</span>
          {venue && <span class="chip venue" title={`Published at ${venue.name}`}>{venue.name}</span>}
          {/* Chips by place, like the rows (PaperList): a row given another paper keeps its chips' elements. */}
          {tags.shown.map((tag, i) => <span class="chip tag" key={i}><span>{`#${tag}`}</span></span>)}
          {tags.more > 0 && <span class="chip more" title={paper.tags.slice(3).join(', ')}>{`+${tags.more}`}</span>}
          {metrics.shown.map((metric, i) => (
            <span class={`metric metric-${GROUP_OF_KIND[metric.kind]}`} key={i} title={describeMetric(metric)}>{metric.text}</span>
          ))}
          {metrics.more > 0 && <span class="metric more" title={paper.metrics.slice(3).map(describeMetric).join('\n')}>{`+${metrics.more}`}</span>}
          {paper.codeLinks.length > 0 && (
            <span class="code-badge" title={paper.codeLinks.map(codeLinkLabel).join('\n')}><CodeIcon />code</span>
          )}
        </div>
      </div>
    </div>
  );
});
