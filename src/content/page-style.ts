// The only styles Paperlight adds to the page itself: the colours of the metric and rule highlights, the place a
// card's toolbar holds before it is built, and the rules that hide or dim cards (the filter strip, the user's hide and dim rules, seen-dimming, the `x` key).
// They go into a constructed stylesheet adopted by the document, so no node or attribute is added to the page;
// where a browser refuses that from a content script, a <style id="paperlight-page-style"> in <head> is the
// fallback. Cards are named by their `data-paperlight-id` (which describes the page's own content): which of
// them are hidden or dimmed is readable by the page's scripts (the sheet, computed styles), which is the nature
// of an effect the reader asked for (see docs/content-script.md).
import { HIGHLIGHT_GROUPS } from '../core/highlight-groups';
import { GROUP_COLORS } from '../shared/highlight-colors';
import { CODE_LINK_HIGHLIGHT, RULE_HIGHLIGHT, highlightName } from './highlights';

function highlightRules(): string {
  return HIGHLIGHT_GROUPS.map((group) => {
    const { fill, line } = GROUP_COLORS[group];
    return `::highlight(${highlightName(group)}) { background-color: ${fill}; text-decoration: underline 2px ${line}; text-underline-offset: 2px; }`;
  }).join('\n') + `\n::highlight(${CODE_LINK_HIGHLIGHT}) { color: #1a5fb4; text-decoration: underline dotted 2px #1a5fb4; }` +
    `\n::highlight(${RULE_HIGHLIGHT}) { background-color: rgba(255, 200, 0, .45); text-decoration: underline wavy 1px #b07800; }`;
}

/**
 * The place of a card's toolbar before it is built (card-toolbar/): its host, empty, takes exactly the box of the
 * toolbar's usual one row (the `:host` margins and the 22 px of its controls, card-toolbar/styles.ts), so the page
 * does not move when the toolbar comes. A toolbar that needs more (tags, wrapped chips) grows from there.
 */
const TOOLBAR_PLACE = 'paperlight-card:not([hidden]) { display: block; min-height: 22px; margin: 6px 0 2px; }';

const selectorOf = (keys: readonly string[]) => `:is(${keys.map((key) => `[data-paperlight-id="${CSS.escape(key)}"]`).join(',\n')})`;

function cardRules(hidden: readonly string[], dimmed: readonly string[]): string {
  const rules: string[] = [];
  if (hidden.length) rules.push(`${selectorOf(hidden)} { display: none !important; }`);
  // A dimmed card comes back to full strength while the reader points at it or works in it.
  if (dimmed.length) rules.push(`${selectorOf(dimmed)}:not(:hover):not(:focus-within) { opacity: .45 !important; }`);
  return rules.join('\n');
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((key, i) => key === b[i]);

export class PageStyle {
  private sheet: CSSStyleSheet | null = null;
  private element: HTMLStyleElement | null = null;
  private hidden: readonly string[] = [];
  private dimmed: readonly string[] = [];

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

  /** Hides exactly these cards and dims exactly those (by canonical key); empty lists show them all as they are. */
  styleCards(hidden: readonly string[], dimmed: readonly string[]): void {
    // Replacing the sheet restyles the whole page: only when a set really changed.
    if (same(hidden, this.hidden) && same(dimmed, this.dimmed)) return;
    this.hidden = hidden;
    this.dimmed = dimmed;
    this.render();
  }

  private render(): void {
    const css = `${highlightRules()}\n${TOOLBAR_PLACE}\n${cardRules(this.hidden, this.dimmed)}`;
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
