// Page text as the adapters read it: one walker over an element's text nodes, whitespace collapsed the way
// the content script's text map collapses it (so offsets found in a card's text land on the page). DOM reads
// only through text nodes and textContent: no layout, no innerHTML.

/** Collapses whitespace runs (including no-break spaces) to one space and trims, as the text map does. */
export function normalizeSpace(text: string): string {
  // Only what changes is replaced (runs of two or more, and single tabs, newlines, no-break spaces):
  // the same result as replacing every run, ~3x faster on long abstracts.
  return text.replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

/** Elements that end a line when shown: their text must not run into the next element's. */
const BLOCK_ELEMENTS = new Set(['p', 'div', 'li', 'br', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'tr', 'td', 'th']);

export interface TextOptions {
  /** Descendants left out with their contents (chrome such as "TLDR" pills, "Expand" toggles, "[PDF]" prefixes). */
  skip?: string;
  /**
   * What an element reads as instead of its contents, or undefined to read it as usual. arXiv uses it to read
   * MathJax's TeX source (kept in a script) and to drop the rendering MathJax puts beside it.
   */
  replace?: (el: Element) => string | undefined;
  /**
   * Spaces the page's markup does not write: `blocks` after every block element (paragraphs of rendered
   * Markdown), `nodes` between all text nodes (a title and a date in sibling inline elements).
   */
  separate?: 'blocks' | 'nodes';
}

/**
 * The whitespace-normalised text of `el`. Without options, its textContent. With options, its text nodes
 * read in order, leaving out scripts, styles and what `skip` matches, with `replace` and `separate` applied.
 */
export function textOf(el: Element | null | undefined, options?: TextOptions): string {
  if (!el) return '';
  // An element without child elements has nothing to skip, replace or separate.
  if (!options || !el.firstElementChild) return normalizeSpace(el.textContent ?? '');
  return walkedText(el, options);
}

/**
 * `textOf` with options, over an element with child elements: a function of its own, so that a first look that
 * reads only plain text (a Hugging Face listing) never compiles the walk.
 */
function walkedText(el: Element, { skip, replace, separate }: TextOptions): string {
  let out = '';
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        out += (child as Text).data;
        if (separate === 'nodes') out += ' ';
      } else if (child.nodeType === 1) {
        const element = child as Element;
        const replaced = replace?.(element);
        if (replaced !== undefined) {
          out += replaced;
          continue;
        }
        const tag = element.localName;
        if (tag === 'script' || tag === 'style' || (skip && element.matches(skip))) continue;
        walk(element);
        if (separate === 'blocks' && BLOCK_ELEMENTS.has(tag)) out += ' ';
      }
    }
  };
  walk(el);
  return normalizeSpace(out);
}
