// The page-level host of Paperlight's UI: one `<paperlight-page>` at the end of <body> with a shadow root,
// in which each page-level feature (the metric tooltip, the filter strip) gets its own panel and styles.
// The page's CSS cannot reach in, and ours cannot leak out.

const BASE_CSS = ':host { all: initial; }';

export class PageLayer {
  private readonly host = document.createElement('paperlight-page');
  private readonly root: ShadowRoot;

  constructor() {
    this.root = this.host.attachShadow({ mode: 'open' });
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

  mount(): void {
    (document.body ?? document.documentElement).append(this.host);
  }

  unmount(): void {
    this.host.remove();
  }
}
