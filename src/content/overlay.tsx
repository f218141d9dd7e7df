// Paperlight's page-level layer, in one shadow root: the metric tooltip (hover or keyboard focus)
// and the filter strip with the colour legend. It never covers the page's content except where
// the user opened it.
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { GROUP_LABELS, HIGHLIGHT_GROUPS, type HighlightGroup } from '../core/highlight-groups';
import { GROUP_COLORS } from '../shared/highlight-colors';

export interface FilterState {
  withCode: boolean;
  withSpeedup: boolean;
  notSaved: boolean;
  tag: string;
}

export const NO_FILTER: FilterState = { withCode: false, withSpeedup: false, notSaved: false, tag: '' };

export function filterActive(filter: FilterState): boolean {
  return filter.withCode || filter.withSpeedup || filter.notSaved || filter.tag !== '';
}

export interface StripModel {
  cards: number;
  metrics: number;
  withCode: number;
  withSpeedup: number;
  saved: number;
  hidden: number;
  tags: string[];
  enabledGroups: Record<HighlightGroup, boolean>;
}

export interface Tooltip {
  text: string;
  /** Viewport rectangle of what it describes. */
  rect: { left: number; top: number; bottom: number };
}

const OVERLAY_CSS = `
:host { all: initial; }
.tooltip {
  position: fixed; z-index: 2147483647; pointer-events: none; max-width: 360px;
  background: #1d2133; color: #fff; font: 12px/1.35 system-ui, sans-serif; padding: 4px 8px; border-radius: 6px;
  box-shadow: 0 4px 16px rgba(0,0,0,.25);
}
.strip {
  position: fixed; z-index: 2147483646; right: 12px; bottom: 12px; max-width: min(560px, calc(100vw - 24px));
  font: 12px/1.4 system-ui, sans-serif; color: #1f2333; background: #fff; border: 1px solid #c9cde0;
  border-radius: 10px; box-shadow: 0 6px 24px rgba(20,24,60,.18); padding: 6px 10px;
}
.strip button, .strip select { font: inherit; color: inherit; border: 1px solid #c9cde0; background: #f6f7fb; border-radius: 6px; padding: 1px 7px; cursor: pointer; }
.strip label { display: inline-flex; align-items: center; gap: 3px; margin-right: 8px; cursor: pointer; }
:focus-visible { outline: 2px solid #3b4cca; outline-offset: 1px; }
.row { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; margin-top: 4px; }
.head { display: flex; align-items: center; gap: 8px; }
.brand { font-weight: 700; color: #3b4cca; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; border-bottom: 2px solid; vertical-align: -2px; margin-right: 3px; }
.legend span.off { opacity: .4; text-decoration: line-through; }
@media (prefers-color-scheme: dark) {
  .strip { background: #1b1e30; color: #e6e8f5; border-color: #474d70; }
  .strip button, .strip select { background: #262a40; border-color: #474d70; }
  .brand { color: #aab3ff; }
}
`;

interface OverlayProps {
  tooltip: Tooltip | null;
  strip: StripModel | null;
  filter: FilterState;
  onFilter(filter: FilterState): void;
}

function Strip({ model, filter, onFilter }: { model: StripModel; filter: FilterState; onFilter(f: FilterState): void }) {
  const [open, setOpen] = useState(false);
  const active = filterActive(filter);
  const set = (patch: Partial<FilterState>) => onFilter({ ...filter, ...patch });
  return (
    <section class="strip" aria-label="Paperlight filters and legend">
      <div class="head">
        <span class="brand">Paperlight</span>
        <span>
          {model.cards} papers · {model.metrics} metrics · {model.withCode} with code · {model.saved} saved
          {model.hidden > 0 ? ` · ${model.hidden} hidden by filter` : ''}
        </span>
        <button aria-expanded={open} onClick={() => setOpen(!open)}>{open ? 'Close' : active ? 'Filters (on)' : 'Filters'}</button>
      </div>
      {open && (
        <>
          <div class="row" role="group" aria-label="Show only">
            <span>Show only:</span>
            <label><input type="checkbox" checked={filter.withCode} onChange={(e) => set({ withCode: (e.target as HTMLInputElement).checked })} /> with code ({model.withCode})</label>
            <label><input type="checkbox" checked={filter.withSpeedup} onChange={(e) => set({ withSpeedup: (e.target as HTMLInputElement).checked })} /> with a speedup ({model.withSpeedup})</label>
            <label><input type="checkbox" checked={filter.notSaved} onChange={(e) => set({ notSaved: (e.target as HTMLInputElement).checked })} /> not yet saved ({model.cards - model.saved})</label>
            <label>
              tag
              <select value={filter.tag} onChange={(e) => set({ tag: (e.target as HTMLSelectElement).value })} aria-label="Show only papers with this tag">
                <option value="">any</option>
                {model.tags.map((tag) => <option key={tag} value={tag}>{tag}</option>)}
              </select>
            </label>
            {active && <button onClick={() => onFilter(NO_FILTER)}>Show all</button>}
          </div>
          <div class="row legend" aria-label="Highlight colours">
            {HIGHLIGHT_GROUPS.map((group) => (
              <span key={group} class={model.enabledGroups[group] ? '' : 'off'} title={model.enabledGroups[group] ? '' : 'switched off in the options'}>
                <i class="swatch" style={`background:${GROUP_COLORS[group].fill};border-color:${GROUP_COLORS[group].line}`} />
                {GROUP_LABELS[group]}
              </span>
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function Overlay({ tooltip, strip, filter, onFilter }: OverlayProps) {
  return (
    <>
      {tooltip && (
        <div class="tooltip" role="tooltip" style={tooltipPosition(tooltip)}>{tooltip.text}</div>
      )}
      {strip && <Strip model={strip} filter={filter} onFilter={onFilter} />}
    </>
  );
}

function tooltipPosition({ rect }: Tooltip): string {
  const below = rect.top < 40;
  const top = below ? rect.bottom + 6 : rect.top - 6;
  const left = Math.max(4, Math.min(rect.left, window.innerWidth - 370));
  return `left:${left}px;top:${top}px;${below ? '' : 'transform:translateY(-100%);'}`;
}

/** The page-level host: `<paperlight-page>` at the end of <body>. */
export class PageOverlay {
  private readonly host = document.createElement('paperlight-page');
  private readonly container = document.createElement('div');
  private props: OverlayProps;

  constructor(onFilter: (filter: FilterState) => void) {
    const root = this.host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = OVERLAY_CSS;
    root.append(style, this.container);
    this.props = { tooltip: null, strip: null, filter: NO_FILTER, onFilter: (f) => { this.update({ filter: f }); onFilter(f); } };
  }

  mount(): void {
    (document.body ?? document.documentElement).append(this.host);
    this.render();
  }

  update(patch: Partial<Omit<OverlayProps, 'onFilter'>>): void {
    this.props = { ...this.props, ...patch };
    this.render();
  }

  get filter(): FilterState {
    return this.props.filter;
  }

  private render(): void {
    render(<Overlay {...this.props} />, this.container);
  }

  unmount(): void {
    render(null, this.container);
    this.host.remove();
  }
}
