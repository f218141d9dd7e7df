// The only styles Paperlight adds to the page itself: the colours of the metric highlights and the
// filter strip's "hide these cards" rule. They go into a constructed stylesheet adopted by the
// document, so no node or attribute is added to the page; where a browser refuses that from a
// content script, a <style id="paperlight-page-style"> in <head> is the fallback.
import { HIGHLIGHT_GROUPS } from '../core/highlight-groups';
import { GROUP_COLORS } from '../shared/highlight-colors';
import { CODE_LINK_HIGHLIGHT, highlightName } from './highlights';

function highlightRules(): string {
  return HIGHLIGHT_GROUPS.map((group) => {
    const { fill, line } = GROUP_COLORS[group];
    return `::highlight(${highlightName(group)}) { background-color: ${fill}; text-decoration: underline 2px ${line}; text-underline-offset: 2px; }`;
  }).join('\n') + `\n::highlight(${CODE_LINK_HIGHLIGHT}) { color: #1a5fb4; text-decoration: underline dotted 2px #1a5fb4; }`;
}

function hideRule(keys: readonly string[]): string {
  if (keys.length === 0) return '';
  const selectors = keys.map((key) => `[data-paperlight-id="${CSS.escape(key)}"]`).join(',\n');
  return `:is(${selectors}) { display: none !important; }`;
}

export class PageStyle {
  private sheet: CSSStyleSheet | null = null;
  private element: HTMLStyleElement | null = null;
  private hidden: readonly string[] = [];

  install(): void {
    try {
      const sheet = new CSSStyleSheet();
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      if (!document.adoptedStyleSheets.includes(sheet)) throw new Error('not adopted');
      this.sheet = sheet;
    } catch {
      this.element = document.createElement('style');
      this.element.id = 'paperlight-page-style';
      (document.head ?? document.documentElement).append(this.element);
    }
    this.render();
  }

  /** Hides exactly these cards (by canonical key); an empty list shows them all. */
  hideCards(keys: readonly string[]): void {
    // Replacing the sheet restyles the whole page: only when the hidden set really changed.
    if (keys.length === this.hidden.length && keys.every((key, i) => key === this.hidden[i])) return;
    this.hidden = keys;
    this.render();
  }

  private render(): void {
    const css = `${highlightRules()}\n${hideRule(this.hidden)}`;
    if (this.sheet) this.sheet.replaceSync(css);
    else if (this.element) this.element.textContent = css;
  }

  uninstall(): void {
    if (this.sheet) {
      const sheet = this.sheet;
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    }
    this.element?.remove();
    this.sheet = null;
    this.element = null;
  }
}
