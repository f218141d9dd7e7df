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

function textNodesOf(root: Element): Text[] {
  const nodes: Text[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === 3) return NodeFilter.FILTER_ACCEPT;
      const element = node as Element;
      return SKIPPED_TAGS.has(element.tagName) || isOurs(element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
    },
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 160;

export function buildTextMap(root: Element): TextMap {
  const nodes = textNodesOf(root);
  // For each normalised character: which node and which offset in it.
  const nodeIndex: number[] = [];
  const nodeOffset: number[] = [];
  let text = '';
  let pendingSpace = false;
  for (let n = 0; n < nodes.length; n++) {
    const data = nodes[n]!.data;
    for (let i = 0; i < data.length; i++) {
      if (isSpace(data.charCodeAt(i))) {
        pendingSpace = text.length > 0;
        continue;
      }
      if (pendingSpace) {
        // The collapsed space maps onto the character before this one's run start; close enough for
        // range ends, and spans never start or end on a space.
        text += ' ';
        nodeIndex.push(n);
        nodeOffset.push(i);
        pendingSpace = false;
      }
      text += data[i];
      nodeIndex.push(n);
      nodeOffset.push(i);
    }
  }
  return {
    text,
    range(start, end) {
      if (start < 0 || end > text.length || start >= end) return null;
      const startNode = nodes[nodeIndex[start]!]!;
      const endNode = nodes[nodeIndex[end - 1]!]!;
      if (!startNode.isConnected || !endNode.isConnected) return null;
      const endOffset = nodeOffset[end - 1]! + 1;
      if (endOffset > endNode.data.length) return null;
      const range = root.ownerDocument.createRange();
      range.setStart(startNode, nodeOffset[start]!);
      range.setEnd(endNode, endOffset);
      return range;
    },
  };
}

/** Collapses whitespace like buildTextMap does, for strings. */
export function normalizeSpace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}
