// Maps offsets in an element's whitespace-normalised text back to DOM positions, so that spans found
// by the pure core (which sees plain strings) become Ranges over the page's own, untouched text nodes.

export interface TextMap {
  /** The element's text with whitespace runs collapsed to one space and trimmed. */
  readonly text: string;
  /** A live Range over normalised offsets [start, end), or null if the DOM changed underneath. */
  range(start: number, end: number): Range | null;
}

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

/** Our own inserted elements are skipped: they are not the page's text. */
export function isOurs(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).localName.startsWith('paperlight-');
}

/**
 * The text nodes under `root` in document order, without those of skipped elements and of ours. A walk over child
 * links rather than a TreeWalker with a filter: the filter is script the browser calls back for every element,
 * which a first look on a fresh page pays dearly for.
 */
function textNodesOf(root: Element): Text[] {
  const nodes: Text[] = [];
  const walk = (parent: Node) => {
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) nodes.push(node as Text);
      else if (node.nodeType === 1 && !SKIPPED_TAGS.has((node as Element).tagName) && !isOurs(node)) walk(node);
    }
  };
  walk(root);
  return nodes;
}

/** Whitespace runs that shrink when collapsed. */
const LONG_SPACE_RUN = /\s{2,}/g;
/** What collapsing changes: long runs, and single tabs, newlines, no-break spaces. */
const CHANGED_SPACE = /\s{2,}|[^\S ]/g;

/**
 * The element's text collapsed like the adapters collapse it (`normalizeSpace`). Offsets map back
 * through the few whitespace runs longer than one character (the only places where the collapsed text
 * and the raw text drift apart), found once with a native regex; no per-character work or arrays.
 */
export function buildTextMap(root: Element): TextMap {
  const nodes = textNodesOf(root);
  const nodeStarts: number[] = [];
  let raw = '';
  for (const node of nodes) {
    nodeStarts.push(raw.length);
    raw += node.data;
  }
  // `trim` strips exactly what `\s` matches (white space and line terminators), natively.
  const body = raw.trim();
  const lead = raw.length - raw.trimStart().length;
  // For each run that shrinks: where it starts in the collapsed text, and how many characters were
  // dropped before that point.
  const runAt: number[] = [];
  const droppedBefore: number[] = [];
  let dropped = 0;
  LONG_SPACE_RUN.lastIndex = 0;
  for (let m = LONG_SPACE_RUN.exec(body); m; m = LONG_SPACE_RUN.exec(body)) {
    runAt.push(m.index - dropped);
    dropped += m[0].length - 1;
    droppedBefore.push(dropped);
  }
  const text = body.replace(CHANGED_SPACE, ' ');

  /** Raw offset of collapsed offset `k`: characters dropped by runs that start before it. */
  const toRaw = (k: number) => {
    let lo = 0;
    let hi = runAt.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (runAt[mid]! < k) lo = mid + 1;
      else hi = mid;
    }
    return lead + k + (lo > 0 ? droppedBefore[lo - 1]! : 0);
  };
  /** The text node holding raw offset `r` (the last node starting at or before it) and the offset in it. */
  const locate = (r: number): [Text, number] => {
    let lo = 0;
    let hi = nodes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (nodeStarts[mid]! <= r) lo = mid;
      else hi = mid - 1;
    }
    return [nodes[lo]!, r - nodeStarts[lo]!];
  };

  return {
    text,
    range(start, end) {
      if (start < 0 || end > text.length || start >= end) return null;
      const [startNode, startOffset] = locate(toRaw(start));
      // The end is just after the last character of the span.
      const [endNode, lastOffset] = locate(toRaw(end - 1));
      if (!startNode.isConnected || !endNode.isConnected) return null;
      if (startOffset >= startNode.data.length || lastOffset >= endNode.data.length) return null;
      const range = root.ownerDocument.createRange();
      range.setStart(startNode, startOffset);
      range.setEnd(endNode, lastOffset + 1);
      return range;
    },
  };
}

