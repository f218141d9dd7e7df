// The page-level host of Paperlight's UI: one `<paperlight-page>` at the end of <body> with a closed shadow
// root, in which each page-level feature (the metric tooltip, the filter strip) gets its own panel and
// styles. The page's CSS cannot reach in, ours cannot leak out, and the page's scripts cannot look inside
// (`host.shadowRoot` is null for them).

const BASE_CSS = ':host { all: initial; }';

/**
 * `run`, at most once per frame however often the result is asked for, and not after `signal` aborts (the page
 * run ended): for features that redraw when cards, saved state or settings change.
 */
export function oncePerFrame(signal: AbortSignal, run: () => void): () => void {
  let scheduled = false;
  return () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      if (!signal.aborted) run();
    });
  };
}

/** A card-level host (`tag`) with a closed shadow root holding `css` and one container to render into. */
export function closedHost(tag: string, css: string): { host: HTMLElement; container: HTMLElement } {
  const host = document.createElement(tag);
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = css;
  const container = document.createElement('div');
  root.append(style, container);
  return { host, container };
}

export class PageLayer {
  private readonly host = document.createElement('paperlight-page');
  private readonly root: ShadowRoot;

  constructor() {
    this.root = this.host.attachShadow({ mode: 'closed' });
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

  /** Puts the host at the end of <body> (again, if the page took it out). */
  mount(): void {
    if (!this.host.isConnected) (document.body ?? document.documentElement).append(this.host);
  }

  unmount(): void {
    this.host.remove();
  }
}
