// The page-level host of Paperlight's UI: one `<paperlight-page>` at the end of <body> with a closed shadow
// root, in which each page-level feature (the metric tooltip, the filter strip) gets its own panel and
// styles. The page's CSS cannot reach in, ours cannot leak out, and the page's scripts cannot look inside
// (`host.shadowRoot` is null for them).
import { PutBacks } from './put-back';
import { shieldRegistry } from './shield/registry';

const BASE_CSS = ':host { all: initial; }';

/**
 * The measure of the page-level features' frame work (the filter strip, the rules' stubs and visibility), written
 * with the debug setting on: the annotate bench reports it beside the first look (`pageUiMs`).
 */
export const PAGE_UI_MEASURE = 'paperlight:page-ui';
/** The same features' work done in idle time (the filter strip's first build), counted with the idle work. */
export const PAGE_UI_IDLE_MEASURE = 'paperlight:page-ui-idle';

/**
 * `run`, at most once per frame however often the result is asked for, and not after `signal` aborts (the page
 * run ended): for features that redraw when cards, saved state or settings change. Each run is measured as
 * `PAGE_UI_MEASURE` while `debug()` says so.
 */
export function oncePerFrame(signal: AbortSignal, run: () => void, debug: () => boolean): () => void {
  let scheduled = false;
  return () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      if (signal.aborted) return;
      const start = performance.now();
      run();
      if (debug()) performance.measure(PAGE_UI_MEASURE, { start, end: performance.now() });
    });
  };
}

/**
 * One constructed stylesheet per stylesheet text, shared by every root that adopts it: a card's toolbar then
 * costs no style element, no copy of the text and no lookup of it. Null where the browser refuses to let a
 * content script adopt a sheet into a root it made; those roots get a <style> instead.
 */
const sharedSheets = new Map<string, CSSStyleSheet | null>();

function adoptInto(root: ShadowRoot, css: string): boolean {
  let sheet = sharedSheets.get(css);
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    } catch {
      sheet = null;
    }
    sharedSheets.set(css, sheet);
  }
  if (!sheet) return false;
  try {
    root.adoptedStyleSheets = [sheet];
    if (root.adoptedStyleSheets.length === 1) return true;
  } catch {
    // refused: the fallback below
  }
  sharedSheets.set(css, null);
  return false;
}

// A page may define Paperlight's host names (`paperlight-card`, …) as custom elements of its own. Its class then
// runs on a host made with `document.createElement`, or on one already in the page when the name is defined, and
// a class that takes the element's internals (`attachInternals()`) reads through `internals.shadowRoot` a shadow
// root attached to it afterwards, closed or not. A root attached while no page class is on the element is not
// given to internals. So hosts are made in a document of our own, which has no custom elements, and get their
// root there, before the page's document takes them; and a host already in the page is given a root only while
// no page class is on it (`:defined` does not match it).

let ownDocument: Document | undefined;

/**
 * Every closed root we attached, by its host: the page cannot reach them (`host.shadowRoot` is null), the content
 * script asks one what has the focus in it (`focusedIn`), and the shield (shield/shield.ts) keeps the events aimed
 * at their hosts from the page.
 */
const roots = shieldRegistry().roots;

/** The element focused inside the closed root of our `host`, or null (no root of ours, or nothing focused in it). */
export function focusedIn(host: Element): Element | null {
  return roots.get(host)?.activeElement ?? null;
}

/** An element named `tag` of a document without custom elements (see above), not yet the page's. */
function ownElement(tag: string): HTMLElement {
  ownDocument ??= document.implementation.createHTMLDocument('');
  return ownDocument.createElement(tag);
}

/** An empty host named `tag` for the page, with no class of the page on it; its root comes later (`closedContainer`). */
export function newHost(tag: string): HTMLElement {
  return document.adoptNode(ownElement(tag));
}

/** A new host named `tag` with its closed shadow root, attached before the page's document takes the host. */
function hostWithRoot(tag: string): { host: HTMLElement; root: ShadowRoot } {
  const made = ownElement(tag);
  const root = made.attachShadow({ mode: 'closed' });
  const host = document.adoptNode(made);
  roots.set(host, root);
  return { host, root };
}

/** The root's stylesheet and one container to render into. */
function fill(root: ShadowRoot, css: string): HTMLElement {
  if (!adoptInto(root, css)) {
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
  const container = document.createElement('div');
  root.append(container);
  return container;
}

/** A card-level host (`tag`) with a closed shadow root holding `css` and one container to render into. */
export function closedHost(tag: string, css: string): { host: HTMLElement; container: HTMLElement } {
  const { host, root } = hostWithRoot(tag);
  return { host, container: fill(root, css) };
}

/**
 * Gives `host` its closed shadow root holding `css`, and in it the container to render into; throws if it has a
 * root, or if a class of the page is on it (the page defined its name: the root would be readable, see above).
 */
export function closedContainer(host: HTMLElement, css: string): HTMLElement {
  if (host.matches(':defined')) throw new Error(`The page defined <${host.localName}> itself.`);
  const root = host.attachShadow({ mode: 'closed' });
  roots.set(host, root);
  return fill(root, css);
}

export class PageLayer {
  private readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private placed = false;
  /** A page that takes the host out as often as it goes back gets it no more (put-back.ts). */
  private readonly putBacks = new PutBacks<'layer'>();

  constructor() {
    ({ host: this.host, root: this.root } = hostWithRoot('paperlight-page'));
    this.addStyle(BASE_CSS);
  }

  private addStyle(css: string): void {
    const style = document.createElement('style');
    style.textContent = css;
    this.root.append(style);
  }

  /** A container for one feature's UI, styled by `css` (scoped to this layer). */
  panel(css: string): HTMLElement {
    this.addStyle(css);
    const container = document.createElement('div');
    this.root.append(container);
    return container;
  }

  /** Puts the host at the end of <body> (again, if the page took it out, within the limit). */
  mount(): void {
    if (this.host.isConnected || (this.placed && !this.putBacks.allow('layer'))) return;
    this.placed = true;
    (document.body ?? document.documentElement).append(this.host);
  }

  /** The page kept taking the host out, and it is no longer put back. */
  get leftOut(): boolean {
    return this.putBacks.stopped.length > 0;
  }

  unmount(): void {
    this.host.remove();
  }
}
