// Paperlight on one page with one adapter: the small core every in-page feature is built around. It owns the
// PageRun (cards found, marked and highlighted), the card registry, the page-level UI layer and a handful of
// events; each feature in features/ subscribes to the events it needs and offers a small interface to the
// features composed after it (see `start`). Stopping the session undoes everything on the page.
import type { SavedPaper } from '../core/paper';
import type { Settings } from '../shared/settings';
import type { PaperCard, SiteAdapter } from '../sites/types';
import { CardRegistry } from './card-registry';
import type { HighlightLayer } from './highlights';
import type { MutationBatch } from './observer';
import { PageLayer } from './page-layer';
import type { PageStyle } from './page-style';
import { PageRun, type CardEntry } from './page-run';
import { cardToolbar } from './features/card-toolbar';
import { cardVisibility } from './features/card-visibility';
import { filterStrip } from './features/filter-strip';
import { keyboardTriage } from './features/keyboard-triage';
import { metricTooltip } from './features/metric-tooltip';
import { pageReport } from './features/page-report';
import { readingMemory } from './features/reading-memory';
import { removalUndo } from './features/removal-undo';
import { hideAndDimRules } from './features/rules';
import { saveCommand } from './features/save-command';
import { savedState } from './features/saved-state';

export interface SessionDeps {
  adapter: SiteAdapter;
  settings: Settings;
  highlights: HighlightLayer;
  pageStyle: PageStyle;
}

/** What happens on the page, in the order features may rely on. */
export interface PageEvents {
  /** Cards annotated in one batch: new ones, or ones re-read as another paper. */
  cards: readonly CardEntry[];
  /** Cards read from the page, their findings on the way: a feature's questions about them go in the same message. */
  cardsRead: readonly PaperCard[];
  /** A card dropped: gone from the page, re-read as another paper, or the session stopping. */
  cardGone: CardEntry;
  /** The saved state (saved or not, tags, status) of these cards changed. */
  saved: ReadonlySet<CardEntry>;
  /** New settings that keep this session running (site switches restart it instead). */
  settings: Settings;
  /** The page took some of Paperlight's elements out (a framework re-rendering what held them): put them back. */
  uiDropped: void;
  /** The user removed this card's paper from the library, from this page (it went to the Trash, as it was). */
  removed: { entry: CardEntry; paper: SavedPaper };
  /** The reading memory answered for these cards (when their papers were first seen). */
  seen: ReadonlySet<CardEntry>;
  /** What the user's rules do to the page's cards changed (verdicts came, a run was shown again). */
  rules: void;
  /** The cards Paperlight hides or dims changed (any cause). */
  visibility: void;
  /** The card's text nodes were replaced with the same text (a framework re-render): its metric highlights were placed again. */
  redecorated: CardEntry;
}

type Listener<K extends keyof PageEvents> = (value: PageEvents[K]) => void;

/** What every feature is given. */
export interface ContentPage {
  readonly adapter: SiteAdapter;
  readonly settings: Settings;
  readonly cards: CardRegistry;
  readonly highlights: HighlightLayer;
  readonly pageStyle: PageStyle;
  readonly layer: PageLayer;
  /** Aborted when the session stops: the signal for a feature's own listeners and timers. */
  readonly signal: AbortSignal;
  on<K extends keyof PageEvents>(event: K, listener: Listener<K>): void;
  emit<K extends keyof PageEvents>(event: K, value: PageEvents[K]): void;
}

export class Session implements ContentPage {
  readonly run: PageRun;
  readonly cards: CardRegistry;
  readonly layer = new PageLayer();
  readonly adapter: SiteAdapter;
  readonly highlights: HighlightLayer;
  readonly pageStyle: PageStyle;
  settings: Settings;
  private readonly lifetime = new AbortController();
  private readonly listeners: { [K in keyof PageEvents]: Array<Listener<K>> } = {
    cards: [], cardsRead: [], cardGone: [], saved: [], settings: [], uiDropped: [], removed: [], seen: [], rules: [], redecorated: [], visibility: [],
  };

  constructor(deps: SessionDeps) {
    this.adapter = deps.adapter;
    this.settings = deps.settings;
    this.highlights = deps.highlights;
    this.pageStyle = deps.pageStyle;
    this.run = new PageRun(deps.adapter, {
      highlights: deps.highlights,
      debug: deps.settings.debug,
      onCards: (entries) => {
        for (const entry of entries) this.cards.add(entry);
        this.emit('cards', entries);
      },
      onCardGone: (entry) => {
        this.cards.remove(entry);
        this.emit('cardGone', entry);
      },
      onRedecorated: (entry) => this.emit('redecorated', entry),
      onCardsRead: (cards) => this.emit('cardsRead', cards),
    });
    this.cards = new CardRegistry(this.run);
  }

  get signal(): AbortSignal {
    return this.lifetime.signal;
  }

  on<K extends keyof PageEvents>(event: K, listener: Listener<K>): void {
    this.listeners[event].push(listener);
  }

  emit<K extends keyof PageEvents>(event: K, value: PageEvents[K]): void {
    if (this.signal.aborted && event !== 'cardGone') return;
    for (const listener of this.listeners[event]) listener(value);
  }

  /** Composes the features (each may use those before it), then annotates the page. */
  start(): void {
    const saved = savedState(this);
    const tooltip = metricTooltip(this);
    const toolbar = cardToolbar(this, { saved, tooltip });
    removalUndo(this, { saved, toolbar });
    const visibility = cardVisibility(this);
    const memory = readingMemory(this, { saved, toolbar, visibility });
    const rules = hideAndDimRules(this, { visibility });
    filterStrip(this, { saved, visibility, memory, rules });
    saveCommand(this, { saved, toolbar });
    keyboardTriage(this, { saved, toolbar, visibility });
    pageReport(this, { saved, toolbar, rules, memory, visibility, firstPassDone: () => this.run.firstPassDone });
    this.layer.mount();
    this.run.start();
  }

  /** One frame's worth of page mutations (from the content script's single observer). */
  handleBatch(batch: MutationBatch): void {
    this.run.handleBatch(batch);
    if (this.signal.aborted) return;
    this.layer.mount();
    if (batch.lostOurs) this.emit('uiDropped', undefined);
  }

  updateSettings(settings: Settings): void {
    this.settings = settings;
    this.highlights.setEnabled(settings.highlight);
    this.emit('settings', settings);
  }

  stop(): void {
    this.lifetime.abort();
    // Features hear every card go (toolbars unmounted, indexes emptied) before their listeners are dropped.
    this.run.stop();
    this.layer.unmount();
  }
}
