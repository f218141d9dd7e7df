// Everything Paperlight does to one card element of the page, and how to undo it exactly:
// the data-paperlight-* attributes (the DOM contract: they describe the page's own content, never the
// user's library), metric highlights over the page's own text nodes, and code links written as plain text
// in the abstract: turned into real links on static pages, highlighted where a framework owns the text.
import type { CardFindings, TextLink } from '../core/card-findings';
import type { CodeLink } from '../core/links';
import type { Metric } from '../core/metric-types';
import type { PaperCard } from '../sites/types';
import type { HighlightLayer } from './highlights';
import { buildTextMap, type TextMap } from './text-map';

export const ATTR_ID = 'data-paperlight-id';
export const ATTR_METRICS = 'data-paperlight-metrics';
export const ATTR_CODE = 'data-paperlight-code';
const OUR_ATTRIBUTES = [ATTR_ID, ATTR_METRICS, ATTR_CODE];

/** Links we inserted, so the observer ignores them and undo finds them. */
export const insertedLinks = new WeakSet<Node>();

export interface CardAnalysis {
  card: PaperCard;
  titleMetrics: Metric[];
  abstractMetrics: Metric[];
  /** Metrics of the title, then of the abstract (as the core reads the strings). */
  metrics: Metric[];
  /** Canonical code links, GitHub first. */
  codeLinks: CodeLink[];
  /** Code links written as text in the abstract (offsets in `card.abstract`). */
  textLinks: TextLink[];
}

/** The card as read, with what the background found in its text (`analyseCards`). */
export function analyseCard(card: PaperCard, found: CardFindings): CardAnalysis {
  const { title: titleMetrics, abstract: abstractMetrics, codeLinks, textLinks } = found;
  return { card, titleMetrics, abstractMetrics, metrics: [...titleMetrics, ...abstractMetrics], codeLinks, textLinks };
}

export function markCard(element: Element, analysis: CardAnalysis): void {
  element.setAttribute(ATTR_ID, analysis.card.key);
  element.setAttribute(ATTR_METRICS, String(analysis.metrics.length));
  element.setAttribute(ATTR_CODE, String(analysis.codeLinks.length));
}

export interface Decoration {
  marks: Array<{ range: Range; metric: Metric }>;
  /** Code links written as text, left as text (`wrapLinks: false`): highlighted where they stand. */
  linkRanges: Range[];
  anchors: HTMLAnchorElement[];
}

/**
 * Places the card's metrics on the page (as Ranges over the page's own text nodes) and the code links
 * written as plain text in the abstract: with `wrapLinks`, each becomes a real link (an anchor around the
 * page's text node, undone exactly by `undecorateCard`); without, it is returned as a range to highlight,
 * for pages whose framework owns the text nodes and must find them as it left them. The adapter's strings are
 * whitespace-normalised copies of the title and abstract elements' text (possibly without chrome
 * such as "Abstract:"), so each string is located inside its element's text and the core's offsets
 * shifted; if it cannot be located, each metric's own text is looked for in turn. Each element's text
 * is mapped once, and only when there is something to place in it.
 */
export function decorateCard(analysis: CardAnalysis, wrapLinks: boolean): Decoration {
  const { card } = analysis;
  const marks: Decoration['marks'] = [];
  const place = (element: Element | undefined, text: string, metrics: Metric[]) => {
    if (!element || metrics.length === 0) return;
    const map = buildTextMap(element);
    mapMetrics(map, text, metrics, marks);
  };
  place(card.titleEl, card.title, analysis.titleMetrics);
  const abstractEl = card.abstractEl;
  // Only abstracts that hold a code link written as text (the background found it) need linking.
  const mayLink = abstractEl !== undefined && analysis.textLinks.length > 0;
  if (!mayLink) {
    place(abstractEl, card.abstract, analysis.abstractMetrics);
    return { marks, linkRanges: [], anchors: [] };
  }
  const map = buildTextMap(abstractEl);
  mapMetrics(map, card.abstract, analysis.abstractMetrics, marks);
  return { marks, ...placeTextLinks(abstractEl, map, card.abstract, analysis.textLinks, wrapLinks) };
}

/**
 * The code links written as text in an abstract, placed by its text map: as ranges to highlight, or wrapped in real
 * links (`wrapLinks`). A function of its own, so that a first look whose abstracts hold no such link never compiles it.
 */
function placeTextLinks(
  abstractEl: Element, map: TextMap, abstract: string, textLinks: readonly TextLink[], wrapLinks: boolean,
): Pick<Decoration, 'linkRanges' | 'anchors'> {
  // All link ranges are taken before the first one is wrapped: Ranges are live, the map is not.
  const linkRanges = placeSpans(map, abstract, textLinks).map(({ range, span }) => ({ range, href: span.href }));
  if (!wrapLinks) return { linkRanges: linkRanges.map(({ range }) => range), anchors: [] };
  const anchors: HTMLAnchorElement[] = [];
  for (const { range, href } of linkRanges) {
    // Only a link that sits inside one text node and is not already a link is wrapped.
    if (range.collapsed || range.startContainer !== range.endContainer) continue;
    if (range.startContainer.parentElement?.closest('a')) continue;
    const anchor = abstractEl.ownerDocument.createElement('a');
    anchor.href = href;
    anchor.target = '_blank';
    anchor.rel = 'noopener noreferrer';
    anchor.title = `${href} (link made by Paperlight)`;
    insertedLinks.add(anchor);
    range.surroundContents(anchor);
    anchors.push(anchor);
  }
  return { linkRanges: [], anchors };
}

function mapMetrics(map: TextMap, text: string, metrics: Metric[], into: Decoration['marks']): void {
  for (const { range, span } of placeSpans(map, text, metrics)) into.push({ range, metric: span });
}

/**
 * Ranges over the element for spans found in `text` (the adapter's string). Where the whole string is not
 * in the element's text (the adapter left parts out), each span's own text is looked for in turn, in order.
 */
function placeSpans<S extends { start: number; end: number }>(map: TextMap, text: string, spans: readonly S[]) {
  const offset = map.text.indexOf(text);
  const placed: Array<{ range: Range; span: S }> = [];
  let from = 0;
  for (const span of spans) {
    const start = offset >= 0 ? span.start + offset : map.text.indexOf(text.slice(span.start, span.end), from);
    if (start < 0) continue;
    from = start + span.end - span.start;
    const range = map.range(start, from);
    if (range) placed.push({ range, span });
  }
  return placed;
}

/** Joins a text node with the text nodes right beside it (the pieces wrapping a link split it into). */
function joinWithNeighbours(text: Text): void {
  const before = text.previousSibling;
  if (before?.nodeType === 3) {
    (before as Text).appendData(text.data);
    text.remove();
    text = before as Text;
  }
  const after = text.nextSibling;
  if (after?.nodeType === 3) {
    text.appendData((after as Text).data);
    after.remove();
  }
}

/** Removes the card's highlights and unwraps the links we made, leaving the page's text as it was. */
export function undecorateCard(element: Element, anchors: readonly HTMLAnchorElement[], highlights: HighlightLayer): void {
  highlights.removeCard(element);
  for (const anchor of anchors) {
    const parent = anchor.parentNode;
    if (!parent) continue;
    const inner = anchor.firstChild;
    while (anchor.firstChild) parent.insertBefore(anchor.firstChild, anchor);
    anchor.remove();
    // Only the text we split is joined again (no `normalize()`, which would merge the page's own nodes too).
    if (inner?.nodeType === 3 && inner.parentNode === parent) joinWithNeighbours(inner as Text);
  }
}

/** Puts the page back as it was: our attributes removed, highlights and links undone. */
export function unmarkCard(element: Element, anchors: readonly HTMLAnchorElement[], highlights: HighlightLayer): void {
  for (const name of OUR_ATTRIBUTES) element.removeAttribute(name);
  undecorateCard(element, anchors, highlights);
}
