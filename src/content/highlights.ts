// Metric highlights through the CSS Custom Highlight API: the page's own nodes are never touched or
// re-rendered; one Highlight per colour group holds the ranges of every card, and one more the code links
// left as text on framework-rendered pages. The ranges are also kept per card for hover hit-testing and
// for removal when a card is re-read or the page changes.
import { GROUP_OF_KIND, HIGHLIGHT_GROUPS, type HighlightGroup } from '../core/highlight-groups';
import type { Metric } from '../core/metric-types';

export interface MarkedMetric {
  range: Range;
  metric: Metric;
  group: HighlightGroup;
}

export const highlightName = (group: HighlightGroup) => `paperlight-${group}`;
/** The highlight of code links written as text that stay text (see `decorateCard`). */
export const CODE_LINK_HIGHLIGHT = 'paperlight-code-link';
/** The highlight of the stretches the user's highlight rules match. */
export const RULE_HIGHLIGHT = 'paperlight-rule';

export class HighlightLayer {
  private readonly highlights = new Map<HighlightGroup, Highlight>();
  private readonly byCard = new Map<Element, MarkedMetric[]>();
  private readonly linksByCard = new Map<Element, Range[]>();
  private links: Highlight | null = null;
  private readonly rulesByCard = new Map<Element, Range[]>();
  private rules: Highlight | null = null;
  private enabled: Record<HighlightGroup, boolean>;

  constructor(enabled: Record<HighlightGroup, boolean>) {
    this.enabled = { ...enabled };
  }

  private static support: boolean | undefined;

  /** Whether the browser has the CSS Custom Highlight API (asked once: every card's highlights ask it). */
  static supported(): boolean {
    HighlightLayer.support ??= typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS;
    return HighlightLayer.support;
  }

  private highlightOf(group: HighlightGroup): Highlight {
    let highlight = this.highlights.get(group);
    if (!highlight) {
      highlight = new Highlight();
      this.highlights.set(group, highlight);
      if (this.enabled[group]) CSS.highlights.set(highlightName(group), highlight);
    }
    return highlight;
  }

  /** Replaces the card's highlights with these metric ranges (and code link ranges); returns what was marked. */
  setCard(card: Element, marks: Array<{ range: Range; metric: Metric }>, linkRanges: readonly Range[] = []): MarkedMetric[] {
    this.removeCard(card);
    if (!HighlightLayer.supported()) return [];
    if (linkRanges.length) {
      if (!this.links) CSS.highlights.set(CODE_LINK_HIGHLIGHT, (this.links = new Highlight()));
      for (const range of linkRanges) this.links.add(range);
      this.linksByCard.set(card, [...linkRanges]);
    }
    if (marks.length === 0) return [];
    const marked = marks.map(({ range, metric }) => ({ range, metric, group: GROUP_OF_KIND[metric.kind] }));
    for (const mark of marked) this.highlightOf(mark.group).add(mark.range);
    this.byCard.set(card, marked);
    return marked;
  }

  /**
   * Whether some of the card's ranges no longer cover text: their nodes were replaced, or taken out of the page
   * and put back (a live range inside a removed node collapses, even when the node is only moved).
   */
  isStale(card: Element): boolean {
    const ranges = [
      ...(this.byCard.get(card) ?? []).map((mark) => mark.range), ...(this.linksByCard.get(card) ?? []), ...(this.rulesByCard.get(card) ?? []),
    ];
    return ranges.some((range) => range.collapsed || !range.startContainer.isConnected);
  }

  marksOf(card: Element): readonly MarkedMetric[] {
    return this.byCard.get(card) ?? [];
  }

  removeCard(card: Element): void {
    for (const range of this.linksByCard.get(card) ?? []) this.links?.delete(range);
    this.linksByCard.delete(card);
    const marks = this.byCard.get(card);
    if (!marks) return;
    for (const mark of marks) this.highlights.get(mark.group)?.delete(mark.range);
    this.byCard.delete(card);
  }

  /** Replaces the stretches of the card that the user's highlight rules match (kept apart from its metrics). */
  setRuleRanges(card: Element, ranges: readonly Range[]): void {
    for (const range of this.rulesByCard.get(card) ?? []) this.rules?.delete(range);
    this.rulesByCard.delete(card);
    if (ranges.length === 0 || !HighlightLayer.supported()) return;
    if (!this.rules) CSS.highlights.set(RULE_HIGHLIGHT, (this.rules = new Highlight()));
    for (const range of ranges) this.rules.add(range);
    this.rulesByCard.set(card, [...ranges]);
  }

  /** Shows or hides colour groups (the options page's "which kinds to highlight"). */
  setEnabled(enabled: Record<HighlightGroup, boolean>): void {
    this.enabled = { ...enabled };
    for (const group of HIGHLIGHT_GROUPS) {
      const highlight = this.highlights.get(group);
      if (!highlight) continue;
      if (enabled[group]) CSS.highlights.set(highlightName(group), highlight);
      else CSS.highlights.delete(highlightName(group));
    }
  }

  isEnabled(group: HighlightGroup): boolean {
    return this.enabled[group];
  }

  /** The visible mark under the pointer, if any (only this card's few ranges are measured). */
  hitTest(card: Element, x: number, y: number): MarkedMetric | null {
    for (const mark of this.marksOf(card)) {
      if (!this.enabled[mark.group]) continue;
      for (const rect of mark.range.getClientRects()) {
        if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return mark;
      }
    }
    return null;
  }

  clear(): void {
    for (const group of HIGHLIGHT_GROUPS) {
      if (this.highlights.has(group)) CSS.highlights.delete(highlightName(group));
    }
    if (this.links) CSS.highlights.delete(CODE_LINK_HIGHLIGHT);
    if (this.rules) CSS.highlights.delete(RULE_HIGHLIGHT);
    this.links = null;
    this.rules = null;
    this.rulesByCard.clear();
    this.highlights.clear();
    this.byCard.clear();
    this.linksByCard.clear();
  }
}
