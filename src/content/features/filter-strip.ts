// The strip in the page's corner: what Paperlight found on the page (papers, metrics, code, saved, what the
// user's rules hid, dimmed and highlighted), filters that hide the cards the reader does not want to see (new
// since the last visit, with code, with a speedup, not yet saved, a tag), and the colour legend. Filtering
// hides cards through the page's stylesheet (card-visibility.ts), never by touching the site's nodes.
import { GROUP_LABELS, HIGHLIGHT_GROUPS, type HighlightGroup } from '../../core/highlight-groups';
import { tagId } from '../../core/tags';
import { GROUP_COLORS } from '../../shared/highlight-colors';
import type { CardEntry } from '../page-run';
import type { ContentPage } from '../session';
import type { CardVisibility } from './card-visibility';
import type { ReadingMemory } from './reading-memory';
import type { RuleEffects } from './rules';
import type { SavedState } from './saved-state';
import { PAGE_UI_IDLE_MEASURE, oncePerFrame } from '../page-layer';
import { inSlice } from '../work-slices';
import { el, placeChildren, setAttributes, setText } from '../ui/dom';

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

interface StripActions {
  onFilter(f: FilterState): void;
  /** Shows the cards hidden with the `x` key again. */
  onShowByKey(): void;
}

/** A checkbox filter of the "Show only" row: its label holds the box and the words (with a count). */
function checkbox(onChange: (checked: boolean) => void): { label: HTMLElement; box: HTMLInputElement; words: Text } {
  const box = el('input', { type: 'checkbox', on: { change: () => onChange(box.checked) } });
  const words = document.createTextNode('');
  return { label: el('label', {}, box, words), box, words };
}

/**
 * The strip, built once and updated in place for each new model (the focused checkbox or button keeps the
 * focus while the counts change). Opening "Filters" is its own state, kept until the strip is taken away. Closed,
 * it is one line of counts; the filters and the legend are built the first time it opens (most pages never open
 * it, and building them on the page's first frame cost as much as the line itself).
 */
class Strip {
  readonly element: HTMLElement;
  private open = false;
  private model!: StripModel;
  private filter!: FilterState;
  private readonly counts = document.createTextNode('');
  private readonly byKey = document.createTextNode('');
  private readonly showByKey: HTMLElement;
  private readonly toggle: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly head: HTMLElement;
  /** The filters and the legend, once the strip has been opened. */
  private rows: StripRows | null = null;

  constructor(private readonly actions: StripActions) {
    this.showByKey = el('button', { on: { click: () => this.actions.onShowByKey() } }, 'show');
    this.toggle = el('button', { on: { click: () => this.setOpen(!this.open) } });
    this.summary = el('span', {}, this.counts);
    this.head = el('div', { class: 'head' }, el('span', { class: 'brand' }, 'Paperlight'), this.summary, this.toggle);
    this.element = el('section', { class: 'strip', 'aria-label': 'Paperlight filters and legend' }, this.head);
  }

  private setOpen(open: boolean): void {
    this.open = open;
    this.draw();
  }

  update(model: StripModel, filter: FilterState): void {
    this.model = model;
    this.filter = filter;
    this.draw();
  }

  private draw(): void {
    const { model, filter } = this;
    const active = filterActive(filter);
    setText(this.counts, `${model.cards} papers · ${model.metrics} metrics · ${model.withCode} with code · ${model.saved} saved`
      + (model.hidden > 0 ? ` · ${model.hidden} hidden by filter` : '')
      + (model.rules.hidden > 0 ? ` · ${model.rules.hidden} hidden by your rules` : '')
      + (model.rules.dimmed > 0 ? ` · ${model.rules.dimmed} dimmed by your rules` : '')
      + (model.rules.highlighted > 0 ? ` · ${model.rules.highlighted} highlighted by your rules` : ''));
    setText(this.byKey, ` · ${model.byKey} hidden with x `);
    placeChildren(this.summary, [this.counts, model.byKey > 0 && [this.byKey, this.showByKey]]);
    setAttributes(this.toggle, { 'aria-expanded': this.open });
    setText(this.toggle, this.open ? 'Close' : active ? 'Filters (on)' : 'Filters');
    const rows = this.open && (this.rows ??= new StripRows(this.actions, () => this.filter)).draw(model, filter, active);
    placeChildren(this.element, [this.head, rows]);
  }
}

/** The open strip's two rows: "Show only" (the filters, with their counts) and the colour legend. */
class StripRows {
  private readonly newOnly = checkbox((newOnly) => this.set({ newOnly }));
  private readonly withCode = checkbox((withCode) => this.set({ withCode }));
  private readonly withSpeedup = checkbox((withSpeedup) => this.set({ withSpeedup }));
  private readonly notSaved = checkbox((notSaved) => this.set({ notSaved }));
  private readonly tag = el('select', {
    'aria-label': 'Show only papers with this tag', on: { change: () => this.set({ tag: this.tag.value }) },
  });
  private readonly tagLabel = el('label', {}, 'tag', this.tag);
  private readonly showOnlyWords = el('span', {}, 'Show only:');
  /** The tags the select offers now (as JSON), to rebuild its options only when they change. */
  private tagOptions = '';
  private readonly showAll: HTMLElement;
  private readonly showOnly = el('div', { class: 'row', role: 'group', 'aria-label': 'Show only' });
  private readonly swatches = HIGHLIGHT_GROUPS.map((group) => el('span', {},
    el('i', { class: 'swatch', style: `background:${GROUP_COLORS[group].fill};border-color:${GROUP_COLORS[group].line}` }),
    GROUP_LABELS[group]));
  private readonly legend = el('div', { class: 'row legend', 'aria-label': 'Highlight colours' }, this.swatches);

  constructor(private readonly actions: StripActions, private readonly filter: () => FilterState) {
    this.showAll = el('button', { on: { click: () => this.actions.onFilter(NO_FILTER) } }, 'Show all');
  }

  private set(patch: Partial<FilterState>): void {
    this.actions.onFilter({ ...this.filter(), ...patch });
  }

  draw(model: StripModel, filter: FilterState, active: boolean): HTMLElement[] {
    return [this.showOnlyRow(model, filter, active), this.legendRow(model)];
  }

  private showOnlyRow(model: StripModel, filter: FilterState, active: boolean): HTMLElement {
    const boxes: Array<[ReturnType<typeof checkbox>, boolean, string]> = [
      [this.withCode, filter.withCode, ` with code (${model.withCode})`],
      [this.withSpeedup, filter.withSpeedup, ` with a speedup (${model.withSpeedup})`],
      [this.notSaved, filter.notSaved, ` not yet saved (${model.cards - model.saved})`],
    ];
    if (model.fresh !== null) boxes.unshift([this.newOnly, filter.newOnly, ` new since last visit (${model.fresh})`]);
    for (const [{ box, words }, checked, text] of boxes) {
      box.checked = checked;
      setText(words, text);
    }
    const tagOptions = JSON.stringify(model.tags);
    if (tagOptions !== this.tagOptions) {
      this.tagOptions = tagOptions;
      this.tag.replaceChildren(el('option', { value: '' }, 'any'), ...model.tags.map((tag) => el('option', { value: tag }, tag)));
    }
    this.tag.value = filter.tag;
    placeChildren(this.showOnly, [
      this.showOnlyWords,
      boxes.map(([{ label }]) => label),
      this.tagLabel,
      active && this.showAll,
    ]);
    return this.showOnly;
  }

  private legendRow(model: StripModel): HTMLElement {
    HIGHLIGHT_GROUPS.forEach((group, i) => {
      const on = model.enabledGroups[group];
      setAttributes(this.swatches[i]!, { class: on ? '' : 'off', title: on ? '' : 'switched off in the options' });
    });
    return this.legend;
  }
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
  /** The strip while it is shown. */
  let strip: Strip | null = null;

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
    if (!page.settings.filterStrip || entries.length < 2) {
      strip = null;
      return panel.replaceChildren();
    }
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
    if (!strip) {
      strip = new Strip({
        onFilter: (next) => {
          filter = next;
          apply();
        },
        onShowByKey: () => visibility.set('keyboard', 'hide', []),
      });
      panel.replaceChildren(strip.element);
    }
    strip.update(model, filter);
  };

  /** Cards, their saved state or the settings changed: one update per frame once the strip is shown. */
  const perFrame = oncePerFrame(page.signal, () => apply(), () => page.settings.debug);
  /**
   * Until then, the strip is built in the browser's idle time: it sums up the page in its corner, and is no part of
   * the cards the reader sees first (nor can anything be filtered before it is there).
   */
  let buildAsked = false;
  const schedule = () => {
    if (strip) return perFrame();
    if (buildAsked) return;
    buildAsked = true;
    inSlice('idle', () => {
      buildAsked = false;
      if (page.signal.aborted) return;
      const start = performance.now();
      apply();
      if (page.settings.debug) performance.measure(PAGE_UI_IDLE_MEASURE, { start, end: performance.now() });
    });
  };

  page.on('cards', schedule);
  page.on('cardGone', schedule);
  page.on('saved', schedule);
  page.on('settings', schedule);
  page.on('seen', schedule);
  page.on('rules', schedule);
  page.on('visibility', schedule);
  page.signal.addEventListener('abort', () => {
    strip = null;
    panel.replaceChildren();
  }, { once: true });
}
