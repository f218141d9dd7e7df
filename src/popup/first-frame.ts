// The popup's first frame, drawn by the page's entry with plain DOM as soon as the first page is known (the popup's
// own copy, first-frame-copy.ts, or read from the database), before preact and the app load: the header and the first
// page's rows in view exactly as the app first renders them (same elements, attributes and text: a unit test
// renders both and compares), so that when the app takes over, in one task with no frame in between, nothing on
// screen moves. Its controls do nothing until then; text typed in its
// search box is kept (main.tsx). Page text goes in as text nodes and attribute values, never as markup.
import { describeMetric } from '../core/describe-metric';
import { GROUP_OF_KIND } from '../core/highlight-groups';
import type { FirstFrameData, FrameRow } from '../shared/first-frame-url';
import { LINE_ICON, LINE_ICONS, LOGO, LOGO_SHAPES, type LineIconName, type Shape } from '../ui/icon-shapes';
import { count } from '../ui/text';
import { STATUS_LABELS, authorsLine, codeLinkLabel, firstOf, savedDay } from './format';
import { FIRST_ROW_TIMING, INITIAL_VIEWPORT, OVERSCAN, ROW_HEIGHT, rowId } from './row-layout';
import { SORTS, siteCounts, statusCounts } from './visible-papers';
import { visibleRange } from './virtual-window';

type Child = Node | string;

function element(tag: string, attributes: Readonly<Record<string, string>> | null, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';

function svg(attributes: Readonly<Record<string, string>>, shapes: readonly Shape[]): SVGElement {
  const node = document.createElementNS(SVG, 'svg');
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const [tag, shapeAttributes] of shapes) {
    const shape = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(shapeAttributes)) shape.setAttribute(name, value);
    node.append(shape);
  }
  return node;
}

const icon = (name: LineIconName) => svg(LINE_ICON, LINE_ICONS[name]);

const iconButton = (label: string, title: string, name: LineIconName, extra: Record<string, string> = {}) =>
  element('button', { type: 'button', class: 'button icon quiet', 'aria-label': label, ...extra, title }, icon(name));

/** One row, as components/PaperRow renders it (not active, not selected). */
export function paperRow(paper: FrameRow, index: number, setSize: number, siteName: string, active: boolean): HTMLElement {
  const id = rowId(index);
  const tags = firstOf(paper.tags, 3);
  const metrics = firstOf(paper.metrics, 3);
  const badges = element('div', { class: 'row-badges', id: `${id}-badges` },
    element('span', { class: `status-pill status-${paper.status}` }, STATUS_LABELS[paper.status]));
  if (paper.venue) badges.append(element('span', { class: 'chip venue', title: `Published at ${paper.venue}` }, paper.venue));
  for (const tag of tags.shown) badges.append(element('span', { class: 'chip tag' }, element('span', null, `#${tag}`)));
  if (tags.more > 0) badges.append(element('span', { class: 'chip more', title: paper.tags.slice(3).join(', ') }, `+${tags.more}`));
  for (const metric of metrics.shown) {
    badges.append(element('span', { class: `metric metric-${GROUP_OF_KIND[metric.kind]}`, title: describeMetric(metric) }, metric.text));
  }
  if (metrics.more > 0) {
    badges.append(element('span', { class: 'metric more', title: paper.metrics.slice(3).map(describeMetric).join('\n') }, `+${metrics.more}`));
  }
  if (paper.codeLinks.length > 0) {
    badges.append(element('span', { class: 'code-badge', title: paper.codeLinks.map(codeLinkLabel).join('\n') }, icon('code'), 'code'));
  }
  const title = element('div', { class: 'row-title', id: `${id}-title`, title: paper.title }, paper.title || 'Untitled paper');
  if (index === 0) title.setAttribute('elementtiming', FIRST_ROW_TIMING);
  const row = element('div', {
    id, role: 'option', 'aria-selected': 'false', 'aria-posinset': String(index + 1), 'aria-setsize': String(setSize),
    'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-meta ${id}-badges`, class: active ? 'row active' : 'row',
  },
  element('span', { class: 'row-check', 'aria-hidden': 'true' }),
  element('div', { class: 'row-body' },
    title,
    element('div', { class: 'row-meta', id: `${id}-meta` },
      element('span', { class: 'row-authors' }, authorsLine(paper.authors)),
      element('span', { class: 'row-site' }, ` · ${siteName} · ${savedDay(paper.savedAt)}`)),
    badges));
  row.style.transform = `translateY(${index * ROW_HEIGHT}px)`;
  row.dataset.key = paper.key;
  return row;
}

function header(page: FirstFrameData, inTab: boolean, siteName: (id: string) => string): HTMLElement {
  const brand = element('div', { class: 'brand-row' },
    svg(LOGO, LOGO_SHAPES),
    element('h1', null, 'Paperlight'),
    element('span', { class: 'library-count', 'aria-live': 'off' }, count(page.total, 'paper')),
    element('span', { class: 'loading-note' }, 'loading the rest…'),
    element('span', { class: 'spacer' }),
    iconButton('Export…', 'Export', 'download', { disabled: '' }));
  if (!inTab) brand.append(iconButton('Open in a tab', 'Open in a tab', 'expand'));
  brand.append(
    iconButton('Trash', 'Trash: deleted papers, kept 30 days', 'trash', { 'aria-pressed': 'false' }),
    iconButton('Keyboard shortcuts', 'Keyboard shortcuts (?)', 'keyboard'),
    iconButton('Options', 'Options', 'gear'),
  );
  const option = (value: string, label: string) => element('option', { value }, label);
  const search = element('div', { class: 'search-row' },
    element('div', { class: 'search-box' },
      icon('search'),
      element('input', {
        type: 'search', 'aria-label': 'Search saved papers', 'aria-keyshortcuts': '/',
        placeholder: 'Search titles, authors, tags, notes, abstracts', autofocus: 'true',
      }),
      element('kbd', { 'aria-hidden': 'true' }, '/')),
    element('select', { 'aria-label': 'Sort by' }, ...SORTS.map((sort) => option(sort.id, sort.label))));
  const filters = element('div', { class: 'filters', role: 'group', 'aria-label': 'Filters' },
    element('select', { 'aria-label': 'Filter by status' },
      option('', 'Any status'),
      ...statusCounts(page.listed).map(({ status, count: n }) => option(status, `${STATUS_LABELS[status]} (${n})`))),
    element('select', { 'aria-label': 'Filter by site' },
      option('', 'Any site'),
      ...siteCounts(page.listed).map(({ site, count: n }) => option(site, `${siteName(site)} (${n})`))),
    element('select', { 'aria-label': 'Filter by code' },
      option('any', 'Code or not'), option('yes', 'With code'), option('no', 'Without code')),
    element('div', { class: 'tag-filter' },
      element('button', { type: 'button', class: 'button filter-button', 'aria-expanded': 'false', 'aria-controls': 'tag-filter-panel' }, icon('tag'), 'Tags')));
  return element('header', { class: 'top' }, brand, search, filters);
}

/** The rows the first frame draws of a first page of `listed` papers: a tab's more than the toolbar popup's. */
export function firstFrameRows(listed: number, inTab: boolean): { start: number; end: number } {
  // As the toolbar popup, only the rows in view: the popup's height is fixed and the list's is under the
  // list's first guess (INITIAL_VIEWPORT), so the rows the app renders beyond them (OVERSCAN) are out of sight
  // until it has taken over, and building, styling, laying out and painting them only held the first frame up.
  // A tab's list may be taller than the guess: there the overscan rows can be in view, and are drawn.
  return visibleRange(0, INITIAL_VIEWPORT, ROW_HEIGHT, listed, inTab ? OVERSCAN : 0);
}

/**
 * The app's first frame for `page` (the newest papers, already in the list's order: a first page read from the
 * database, or the popup's copy of it, first-frame-copy.ts): its header, and the rows the list first
 * renders that are in view. Null for an empty library (the app explains what to do instead).
 */
export function firstFrame(page: FirstFrameData, inTab: boolean, siteName: (id: string) => string): HTMLElement | null {
  const { rows, listed } = page;
  if (listed.length === 0) return null;
  const range = firstFrameRows(listed.length, inTab);
  const spacer = element('div', { class: 'list-spacer', role: 'presentation' });
  spacer.style.height = `${listed.length * ROW_HEIGHT}px`;
  for (let i = range.start; i < range.end; i++) spacer.append(paperRow(rows[i]!, i, listed.length, siteName(rows[i]!.site), i === 0));
  const list = element('div', {
    class: 'list', role: 'listbox', tabindex: '0', 'aria-label': 'Saved papers', 'aria-multiselectable': 'true',
    'aria-activedescendant': rowId(0),
  }, spacer);
  return element('div', { class: inTab ? 'app in-tab' : 'app' },
    header(page, inTab, siteName),
    element('main', { class: 'content' }, element('div', { class: 'list-area' }, list)));
}
