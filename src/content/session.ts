// Paperlight on one page with one adapter: the PageRun (cards, attributes, highlights), the lazy
// card toolbars, the tooltip and filter strip, and the saved state from the library, kept in step.
import { GROUP_OF_KIND } from '../core/highlight-groups';
import type { SavedPaper } from '../core/paper';
import { describeMetric } from '../core/describe-metric';
import type { Settings } from '../shared/settings';
import type { SiteAdapter } from '../sites/types';
import type { CardData } from '../shared/messages';
import type { HighlightLayer } from './highlights';
import { LibraryView } from './library';
import { PageOverlay, filterActive, type FilterState } from './overlay';
import type { PageStyle } from './page-style';
import { PageRun, type CardEntry } from './page-run';
import type { CardActions, CardView, CodeLinkView } from './widget/CardWidget';
import { WidgetManager } from './widgets';

export interface SessionDeps {
  adapter: SiteAdapter;
  settings: Settings;
  highlights: HighlightLayer;
  pageStyle: PageStyle;
}

function isShown(element: Element | undefined): boolean {
  if (!element) return false;
  const check = (element as Element & { checkVisibility?(): boolean }).checkVisibility;
  return check ? check.call(element) : true;
}

function codeLinkLabel(url: string, kind: string): string {
  try {
    const parsed = new URL(url);
    if (kind === 'github' || kind === 'gitlab' || kind === 'gitee' || kind === 'bitbucket' || kind === 'huggingface') {
      return parsed.pathname.replace(/^\/|\/$/g, '') || parsed.hostname;
    }
    return parsed.hostname + (parsed.pathname.length > 1 ? parsed.pathname.replace(/\/$/, '') : '');
  } catch {
    return url;
  }
}

export class Session {
  readonly run: PageRun;
  private readonly widgets: WidgetManager;
  private readonly overlay: PageOverlay;
  private readonly library: LibraryView;
  private readonly byKey = new Map<string, Set<CardEntry>>();
  /** Abstract blocks that sit beside their card (not inside it), for the hover reading. */
  private readonly abstractOwner = new WeakMap<Element, Element>();
  private readonly stopListening: () => void;
  private settings: Settings;
  private focusedCard: Element | null = null;
  private hoverFrame = 0;
  private readonly listeners = new AbortController();

  constructor(private readonly deps: SessionDeps) {
    this.settings = deps.settings;
    this.library = new LibraryView((change) => this.onLibraryChange('reset' in change ? null : change.keys));
    this.stopListening = this.library.listen();
    this.overlay = new PageOverlay(() => this.applyFilter());
    this.widgets = new WidgetManager({
      view: (element) => this.viewOf(element),
      saved: (element) => {
        const entry = this.run.entries.get(element);
        return entry ? this.savedOf(entry) : undefined;
      },
      actions: (element) => this.actionsFor(element),
    });
    this.run = new PageRun(deps.adapter, {
      highlights: deps.highlights,
      debug: deps.settings.debug,
      onCards: (entries) => this.onCards(entries),
      onCardGone: (entry) => this.onCardGone(entry),
    });
  }

  start(): void {
    this.overlay.mount();
    this.run.start();
    const options = { signal: this.listeners.signal, passive: true } as const;
    document.addEventListener('pointermove', (event) => this.onPointerMove(event), options);
    document.addEventListener('focusin', (event) => {
      this.focusedCard = this.cardAround(event.target);
    }, { signal: this.listeners.signal });
  }

  stop(): void {
    this.listeners.abort();
    this.stopListening();
    this.run.stop();
    this.widgets.clear();
    this.overlay.unmount();
    this.deps.pageStyle.hideCards([]);
    this.byKey.clear();
  }

  updateSettings(settings: Settings): void {
    this.settings = settings;
    this.deps.highlights.setEnabled(settings.highlight);
    for (const element of this.run.entries.keys()) this.widgets.render(element);
    this.refreshStrip();
  }

  // ---- cards ---------------------------------------------------------------------------------------------

  private keysOf(entry: CardEntry): string[] {
    return [entry.analysis.card.key, ...(entry.analysis.card.aliases ?? [])];
  }

  private onCards(entries: CardEntry[]): void {
    for (const entry of entries) {
      for (const key of this.keysOf(entry)) {
        let set = this.byKey.get(key);
        if (!set) this.byKey.set(key, (set = new Set()));
        set.add(entry);
      }
      this.widgets.add(entry.element);
      this.run.setSaved(entry, Boolean(this.savedPaperOf(entry)));
      const abstractEl = entry.analysis.card.abstractEl;
      if (abstractEl && !entry.element.contains(abstractEl)) this.abstractOwner.set(abstractEl, entry.element);
    }
    void this.library
      .lookup(entries.flatMap((e) => this.keysOf(e)))
      .then(() => {
        // Cards start unsaved: only the ones the library knows need a change.
        const saved = entries.filter((entry) => this.savedPaperOf(entry));
        for (const entry of saved) this.showSavedState(entry);
        if (saved.length) this.refreshStrip();
      })
      .catch((error) => console.warn('[Paperlight] could not read the saved state of this page:', error));
    this.refreshStrip();
  }

  private onCardGone(entry: CardEntry): void {
    this.widgets.remove(entry.element);
    for (const key of this.keysOf(entry)) this.byKey.get(key)?.delete(entry);
    if (this.focusedCard === entry.element) this.focusedCard = null;
  }

  private onLibraryChange(keys: Set<string> | null): void {
    const entries = keys
      ? new Set([...keys].flatMap((key) => [...(this.byKey.get(key) ?? [])]))
      : new Set(this.run.entries.values());
    for (const entry of entries) this.showSavedState(entry);
    this.refreshStrip();
  }

  private showSavedState(entry: CardEntry): void {
    if (!entry.element.isConnected) return;
    this.run.setSaved(entry, Boolean(this.savedPaperOf(entry)));
    this.widgets.render(entry.element);
  }

  private savedPaperOf(entry: CardEntry): SavedPaper | undefined {
    return this.library.get(entry.analysis.card.key, entry.analysis.card.aliases);
  }

  private savedOf(entry: CardEntry) {
    const paper = this.savedPaperOf(entry);
    return paper ? { tags: paper.tags, status: paper.status, note: paper.note } : undefined;
  }

  private viewOf(element: Element): CardView | undefined {
    const entry = this.run.entries.get(element);
    if (!entry) return undefined;
    const { analysis } = entry;
    const enabled = this.settings.highlight;
    const codeLinks: CodeLinkView[] = analysis.codeLinks.map((link) => ({
      url: link.url,
      kind: link.kind,
      label: codeLinkLabel(link.url, link.kind),
    }));
    return {
      key: analysis.card.key,
      title: analysis.card.title,
      metrics: analysis.metrics.filter((m) => enabled[GROUP_OF_KIND[m.kind]]),
      // A collapsed abstract (ACL's "abs" toggle) is highlighted but not visible: chips show its metrics.
      abstractShown: isShown(analysis.card.abstractEl),
      codeLinks,
    };
  }

  private cardData(entry: CardEntry): CardData {
    const { card, metrics, codeLinks } = entry.analysis;
    return {
      key: card.key,
      aliases: card.aliases ?? [],
      title: card.title,
      url: card.url,
      authors: card.authors,
      abstract: card.abstract,
      ...(card.published ? { published: card.published } : {}),
      metrics: metrics.map(({ text, kind, value, unit, label }) => ({ text, kind, value, unit, label })),
      codeLinks: codeLinks.map((l) => l.url),
      site: this.deps.adapter.id,
    };
  }

  private actionsFor(element: Element): CardActions {
    return {
      toggleSave: () => this.toggleSave(element),
      update: async (change) => {
        const entry = this.run.entries.get(element);
        const paper = entry && this.savedPaperOf(entry);
        if (!paper) throw new Error('Save the paper first.');
        const { status, note, addTags, removeTags } = change;
        const set = { ...(status ? { status } : {}), ...(note !== undefined ? { note } : {}) };
        await this.library.update(paper.key, {
          ...(Object.keys(set).length ? { set } : {}),
          ...(addTags ? { addTags } : {}),
          ...(removeTags ? { removeTags } : {}),
        });
        this.onLibraryChange(new Set(this.keysOf(entry)));
      },
      tagList: () => this.library.tagList(),
      showMetric: (index, anchor) => this.showMetric(element, index, anchor),
    };
  }

  /** Saves the paper, or removes it if it is saved. */
  async toggleSave(element: Element): Promise<void> {
    const entry = this.run.entries.get(element);
    if (!entry) return;
    const saved = this.savedPaperOf(entry);
    if (saved) await this.library.remove(saved.key);
    else await this.library.save(this.cardData(entry));
    this.onLibraryChange(new Set(this.keysOf(entry)));
  }

  /** The keyboard command: save (or unsave) the card that holds the focus. */
  async toggleSaveFocused(): Promise<boolean> {
    const card = this.focusedCard ?? this.cardAround(document.activeElement);
    if (!card) return false;
    this.widgets.mountNow(card);
    await this.toggleSave(card);
    return true;
  }

  private cardAround(target: EventTarget | null): Element | null {
    for (let node = target as Node | null; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
      if (node.nodeType !== 1) continue;
      if (this.run.entries.has(node as Element)) return node as Element;
      const owner = this.abstractOwner.get(node as Element);
      if (owner && this.run.entries.has(owner)) return owner;
    }
    return null;
  }

  // ---- tooltip ---------------------------------------------------------------------------------------------

  private onPointerMove(event: PointerEvent): void {
    if (this.hoverFrame) return;
    const { clientX, clientY, target } = event;
    this.hoverFrame = requestAnimationFrame(() => {
      this.hoverFrame = 0;
      const card = this.cardAround(target);
      const mark = card ? this.deps.highlights.hitTest(card, clientX, clientY) : null;
      if (!mark) {
        if (this.tooltipFromPointer) this.overlay.update({ tooltip: null });
        this.tooltipFromPointer = false;
        return;
      }
      const rect = mark.range.getBoundingClientRect();
      this.tooltipFromPointer = true;
      this.overlay.update({ tooltip: { text: describeMetric(mark.metric), rect } });
    });
  }
  private tooltipFromPointer = false;

  private showMetric(element: Element, index: number | null, anchor?: Element): void {
    const view = index === null ? undefined : this.viewOf(element);
    const metric = view?.metrics[index!];
    if (!metric) return this.overlay.update({ tooltip: null });
    const mark = this.deps.highlights.marksOf(element).find((m) => m.metric === metric);
    const rect = mark && mark.range.getClientRects().length ? mark.range.getBoundingClientRect() : anchor?.getBoundingClientRect();
    if (rect) this.overlay.update({ tooltip: { text: describeMetric(metric), rect } });
  }

  // ---- filter strip -------------------------------------------------------------------------------------------

  private matchesFilter(entry: CardEntry, filter: FilterState): boolean {
    const paper = this.savedPaperOf(entry);
    if (filter.withCode && entry.analysis.codeLinks.length === 0) return false;
    if (filter.withSpeedup && !entry.analysis.metrics.some((m) => m.kind === 'speedup')) return false;
    if (filter.notSaved && paper) return false;
    if (filter.tag && !paper?.tags.some((t) => t.toLowerCase() === filter.tag.toLowerCase())) return false;
    return true;
  }

  private applyFilter(): void {
    const filter = this.overlay.filter;
    const hidden = filterActive(filter) ? [...this.run.entries.values()].filter((e) => !this.matchesFilter(e, filter)) : [];
    this.deps.pageStyle.hideCards([...new Set(hidden.map((e) => e.analysis.card.key))]);
    this.refreshStrip(hidden.length);
  }

  private stripScheduled = false;
  private refreshStrip(hiddenCount?: number): void {
    if (hiddenCount === undefined) {
      // Saved state or cards changed: the filter result may have changed too (batched per frame).
      if (this.stripScheduled) return;
      this.stripScheduled = true;
      requestAnimationFrame(() => {
        this.stripScheduled = false;
        this.applyFilter();
      });
      return;
    }
    const entries = [...this.run.entries.values()];
    if (!this.settings.filterStrip || entries.length < 2) {
      this.overlay.update({ strip: null });
      return;
    }
    const tags = new Set<string>();
    let saved = 0;
    for (const entry of entries) {
      const paper = this.savedPaperOf(entry);
      if (paper) {
        saved++;
        for (const tag of paper.tags) tags.add(tag);
      }
    }
    this.overlay.update({
      strip: {
        cards: entries.length,
        metrics: entries.reduce((sum, e) => sum + e.analysis.metrics.length, 0),
        withCode: entries.filter((e) => e.analysis.codeLinks.length > 0).length,
        withSpeedup: entries.filter((e) => e.analysis.metrics.some((m) => m.kind === 'speedup')).length,
        saved,
        hidden: hiddenCount,
        tags: [...tags].sort((a, b) => a.localeCompare(b)),
        enabledGroups: this.settings.highlight,
      },
    });
  }
}
