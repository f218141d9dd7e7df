// Mounts the card toolbars lazily: a card gets its <paperlight-card> host (a shadow root with the
// preact toolbar) when it comes within a screen or two of the viewport, so a 600-card listing pays
// only for what the user can reach soon. Attributes and highlights are set eagerly elsewhere.
import { render } from 'preact';
import { CardWidget, type CardActions, type CardView, type SavedView } from './widget/CardWidget';
import { WIDGET_CSS } from './widget/styles';

export const WIDGET_TAG = 'paperlight-card';

interface Mounted {
  host: HTMLElement;
  container: HTMLElement;
}

export interface WidgetSource {
  view(element: Element): CardView | undefined;
  saved(element: Element): SavedView | undefined;
  actions(element: Element): CardActions;
}

/** Where in a card the toolbar goes: at its end, or in its last cell for table rows and lists. */
function slotFor(card: Element): Element {
  if (card.tagName === 'TR' || card.tagName === 'DL' || card.tagName === 'UL' || card.tagName === 'OL' || card.tagName === 'TABLE') {
    return card.lastElementChild ?? card;
  }
  return card;
}

export class WidgetManager {
  private readonly mounted = new Map<Element, Mounted>();
  private readonly waiting = new Set<Element>();
  private readonly observer: IntersectionObserver;

  constructor(private readonly source: WidgetSource) {
    this.observer = new IntersectionObserver((records) => {
      const start = performance.now();
      const cards = records.filter((r) => r.isIntersecting).map((r) => r.target);
      // All reads first (a view may ask whether the abstract is visible), then all writes: inserting
      // one toolbar and then measuring for the next would lay the page out once per card.
      const views = cards.map((card) => this.source.view(card));
      cards.forEach((card, i) => {
        this.observer.unobserve(card);
        this.waiting.delete(card);
        this.mount(card, views[i]);
      });
      performance.measure('paperlight:widgets', { start, end: performance.now() });
    }, { rootMargin: '1200px 0px' });
  }

  add(card: Element): void {
    if (this.mounted.has(card) || this.waiting.has(card)) return;
    this.waiting.add(card);
    this.observer.observe(card);
  }

  private mount(card: Element, view?: CardView): void {
    if (!card.isConnected || this.mounted.has(card)) return;
    const host = document.createElement(WIDGET_TAG);
    const root = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = WIDGET_CSS;
    const container = document.createElement('div');
    root.append(style, container);
    slotFor(card).append(host);
    this.mounted.set(card, { host, container });
    this.render(card, view);
  }

  render(card: Element, known?: CardView): void {
    const mounted = this.mounted.get(card);
    if (!mounted) return; // a card not mounted yet is rendered when it mounts
    const view = known ?? this.source.view(card);
    if (!view) return;
    render(<CardWidget view={view} saved={this.source.saved(card)} actions={this.source.actions(card)} />, mounted.container);
  }

  /** The card's toolbar host, if mounted (tests and keyboard focus use it). */
  hostOf(card: Element): HTMLElement | undefined {
    return this.mounted.get(card)?.host;
  }

  /** Mounts now (keyboard save on a card far from the viewport, for instance). */
  mountNow(card: Element): void {
    if (this.waiting.delete(card)) this.observer.unobserve(card);
    this.mount(card);
  }

  remove(card: Element): void {
    if (this.waiting.delete(card)) this.observer.unobserve(card);
    const mounted = this.mounted.get(card);
    if (!mounted) return;
    render(null, mounted.container);
    mounted.host.remove();
    this.mounted.delete(card);
  }

  clear(): void {
    for (const card of [...this.mounted.keys(), ...this.waiting]) this.remove(card);
    this.observer.disconnect();
  }
}
