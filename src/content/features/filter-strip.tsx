// The strip in the page's corner: what Paperlight found on the page (papers, metrics, code, saved, what the
// user's rules hid, dimmed and highlighted), filters that hide the cards the reader does not want to see (new
// since the last visit, with code, with a speedup, not yet saved, a tag), and the colour legend. Filtering
// hides cards through the page's stylesheet (card-visibility.ts), never by touching the site's nodes.
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { GROUP_LABELS, HIGHLIGHT_GROUPS, type HighlightGroup } from '../../core/highlight-groups';
import { tagId } from '../../core/tags';
import { GROUP_COLORS } from '../../shared/highlight-colors';
import type { CardEntry } from '../page-run';
import type { ContentPage } from '../session';
import type { CardVisibility } from './card-visibility';
import type { ReadingMemory } from './reading-memory';
import type { RuleEffects } from './rules';
import type { SavedState } from './saved-state';
import { oncePerFrame } from '../page-layer';

export interface FilterState {
  newOnly: boolean;
  withCode: boolean;
  withSpeedup: boolean;
  notSaved: boolean;
  tag: string;
}

export const NO_FILTER: FilterState = { newOnly: false, withCode: false, withSpeedup: false, notSaved: false, tag: '' };

export function filterActive(filter: FilterState): boolean {
  return filter.newOnly || filter.withCode || filter.withSpeedup || filter.notSaved || filter.tag !== '';
}

interface StripModel {
  cards: number;
  metrics: number;
  withCode: number;
  withSpeedup: number;
  saved: number;
  hidden: number;
  /** Cards first seen today, or null while the reading memory is off (or has not answered). */
  fresh: number | null;
  rules: { hidden: number; dimmed: number; highlighted: number };
  /** Cards hidden with the `x` key on this page. */
  byKey: number;
  tags: string[];
  enabledGroups: Record<HighlightGroup, boolean>;
}

const STRIP_CSS = `
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

interface StripProps {
  model: StripModel;
  filter: FilterState;
  onFilter(f: FilterState): void;
  /** Shows the cards hidden with the `x` key again. */
  onShowByKey(): void;
}

function Strip({ model, filter, onFilter, onShowByKey }: StripProps) {
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
          {model.rules.hidden > 0 ? ` · ${model.rules.hidden} hidden by your rules` : ''}
          {model.rules.dimmed > 0 ? ` · ${model.rules.dimmed} dimmed by your rules` : ''}
          {model.rules.highlighted > 0 ? ` · ${model.rules.highlighted} highlighted by your rules` : ''}
          {model.byKey > 0 && <> · {model.byKey} hidden with x <button onClick={onShowByKey}>show</button></>}
        </span>
        <button aria-expanded={open} onClick={() => setOpen(!open)}>{open ? 'Close' : active ? 'Filters (on)' : 'Filters'}</button>
      </div>
      {open && (
        <>
          <div class="row" role="group" aria-label="Show only">
            <span>Show only:</span>
            {model.fresh !== null && (
              <label><input type="checkbox" checked={filter.newOnly} onChange={(e) => set({ newOnly: (e.target as HTMLInputElement).checked })} /> new since last visit ({model.fresh})</label>
            )}
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

const hasSpeedup = (entry: CardEntry) => entry.analysis.metrics.some((m) => m.kind === 'speedup');

interface StripDeps {
  saved: SavedState;
  visibility: CardVisibility;
  memory: ReadingMemory;
  rules: RuleEffects;
}

export function filterStrip(page: ContentPage, { saved, visibility, memory, rules }: StripDeps): void {
  const panel = page.layer.panel(STRIP_CSS);
  let filter = NO_FILTER;

  const passes = (entry: CardEntry) => {
    const paper = saved.of(entry);
    if (filter.newOnly && memory.answered && !memory.isNew(entry)) return false;
    if (filter.withCode && entry.analysis.codeLinks.length === 0) return false;
    if (filter.withSpeedup && !hasSpeedup(entry)) return false;
    if (filter.notSaved && paper) return false;
    if (filter.tag && !paper?.tags.some((t) => tagId(t) === tagId(filter.tag))) return false;
    return true;
  };

  /** Hides the cards the filter leaves out, and shows the strip with the page's counts. */
  const apply = () => {
    const entries = [...page.cards.all()];
    const hidden = filterActive(filter) ? entries.filter((entry) => !passes(entry)) : [];
    visibility.set('filter', 'hide', hidden);
    if (!page.settings.filterStrip || entries.length < 2) return render(null, panel);
    const tags = new Set<string>();
    let savedCount = 0;
    for (const entry of entries) {
      const paper = saved.of(entry);
      if (!paper) continue;
      savedCount++;
      for (const tag of paper.tags) tags.add(tag);
    }
    const model: StripModel = {
      cards: entries.length,
      metrics: entries.reduce((sum, e) => sum + e.analysis.metrics.length, 0),
      withCode: entries.filter((e) => e.analysis.codeLinks.length > 0).length,
      withSpeedup: entries.filter(hasSpeedup).length,
      saved: savedCount,
      hidden: hidden.length,
      fresh: memory.answered ? entries.filter((e) => memory.isNew(e)).length : null,
      rules: rules.counts(),
      byKey: visibility.of('keyboard', 'hide').size,
      tags: [...tags].sort((a, b) => a.localeCompare(b)),
      enabledGroups: page.settings.highlight,
    };
    const onFilter = (next: FilterState) => {
      filter = next;
      apply();
    };
    const onShowByKey = () => visibility.set('keyboard', 'hide', []);
    render(<Strip model={model} filter={filter} onFilter={onFilter} onShowByKey={onShowByKey} />, panel);
  };

  /** Cards, their saved state or the settings changed: one update per frame. */
  const schedule = oncePerFrame(page.signal, () => apply());

  page.on('cards', schedule);
  page.on('cardGone', schedule);
  page.on('saved', schedule);
  page.on('settings', schedule);
  page.on('seen', schedule);
  page.on('rules', schedule);
  page.on('visibility', schedule);
  page.signal.addEventListener('abort', () => render(null, panel), { once: true });
}
