// Reaching Paperlight's UI in a Chromium test, as a user would and as no page script can. The toolbars and the
// page layer live in closed shadow roots: the page's main world sees `host.shadowRoot === null`, and playwright's
// selectors do not enter them. The Chrome DevTools Protocol does (`DOM.getDocument` with `pierce: true` lists
// closed roots too), so a test reads the UI's tree from there, finds a control by what a person sees (its role,
// its text, its label), scrolls it into view and clicks the middle of its box with the real mouse: the click is
// a trusted event, exactly like a user's.
//
//   const ui = await openClosedUi(session.context, page);
//   const save = await ui.inToolbar('arxiv:2305.18323', { tag: 'button', text: '☆ Save' });
//   await ui.click(save);
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

interface CdpNode {
  backendNodeId: number;
  nodeType: number;
  localName: string;
  nodeValue: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: Array<CdpNode & { shadowRootType?: string }>;
}

/** One element of the UI, as read from the protocol. */
export interface UiElement {
  backendNodeId: number;
  tag: string;
  attributes: Record<string, string>;
  /** Its text, spaces collapsed (what a person reads). */
  text: string;
}

export interface Match {
  tag?: string;
  /** One of its classes. */
  cls?: string;
  /** Its whole text, or a pattern it matches. */
  text?: string | RegExp;
  /** Attributes it must have with these values. */
  attrs?: Record<string, string>;
}

export interface CardToolbars {
  key: string;
  toolbars: Array<{ label: string; save: string }>;
}

export interface ClosedUi {
  /** Every element inside the closed root of the card's toolbar that matches (in tree order). */
  allInToolbar(key: string, match?: Match): Promise<UiElement[]>;
  /**
   * The first such element, waiting for it (up to 10 s) with the card scrolled into view (toolbars are mounted
   * as cards come near the viewport); throws if there is none.
   */
  inToolbar(key: string, match: Match): Promise<UiElement>;
  /** Every element inside the page layer's closed root (tooltip, filter strip) that matches. */
  allInPageLayer(match?: Match): Promise<UiElement[]>;
  /** Where the element's border box is on the page, in CSS pixels of the viewport. */
  box(element: UiElement): Promise<{ x: number; y: number; width: number; height: number }>;
  /** Every element inside the closed roots of any `host` elements (`paperlight-stub`, …) that matches. */
  allInHosts(host: string, match?: Match): Promise<UiElement[]>;
  /**
   * Every marked card in page order, with the toolbars inside it: how many hosts it holds, and for each its
   * toolbar's label and save button's text.
   */
  cardToolbars(): Promise<CardToolbars[]>;
  /** The closed shadow roots under Paperlight's hosts, by host tag (a test that they really are closed). */
  rootTypes(): Promise<Array<{ host: string; type: string }>>;
  /** Scrolls the element into view and clicks the middle of its box with the real mouse. */
  click(element: UiElement): Promise<void>;
  close(): Promise<void>;
}

function attributesOf(node: CdpNode): Record<string, string> {
  const out: Record<string, string> = {};
  const list = node.attributes ?? [];
  for (let i = 0; i + 1 < list.length; i += 2) out[list[i]!] = list[i + 1]!;
  return out;
}

function textOf(node: CdpNode): string {
  if (node.nodeType === 3) return node.nodeValue;
  if (node.localName === 'style' || node.localName === 'script') return '';
  return [...(node.children ?? []), ...(node.shadowRoots ?? [])].map(textOf).join('');
}

function* walk(node: CdpNode): Generator<CdpNode> {
  yield node;
  for (const root of node.shadowRoots ?? []) yield* walk(root);
  for (const child of node.children ?? []) yield* walk(child);
}

function matches(node: CdpNode, match: Match): boolean {
  if (node.nodeType !== 1) return false;
  const attributes = attributesOf(node);
  if (match.tag && node.localName !== match.tag) return false;
  if (match.cls && !(attributes.class ?? '').split(/\s+/).includes(match.cls)) return false;
  for (const [name, value] of Object.entries(match.attrs ?? {})) if (attributes[name] !== value) return false;
  if (match.text !== undefined) {
    const text = textOf(node).replace(/\s+/g, ' ').trim();
    if (typeof match.text === 'string' ? text !== match.text : !match.text.test(text)) return false;
  }
  return true;
}

function toElement(node: CdpNode): UiElement {
  return {
    backendNodeId: node.backendNodeId,
    tag: node.localName,
    attributes: attributesOf(node),
    text: textOf(node).replace(/\s+/g, ' ').trim(),
  };
}

/** The elements inside the shadow roots of `host` elements (optionally only under the card with `key`). */
function insideHosts(document: CdpNode, host: string, key?: string): CdpNode[] {
  const scopes = key === undefined
    ? [document]
    : [...walk(document)].filter((n) => n.nodeType === 1 && attributesOf(n)['data-paperlight-id'] === key);
  const found: CdpNode[] = [];
  for (const scope of scopes) {
    for (const node of walk(scope)) {
      if (node.localName !== host) continue;
      for (const root of node.shadowRoots ?? []) for (const inner of walk(root)) if (inner !== root) found.push(inner);
    }
  }
  return found;
}

export async function openClosedUi(context: BrowserContext, page: Page): Promise<ClosedUi> {
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send('DOM.enable');
  const tree = async () => ((await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode }).root;
  const borderBox = async (element: UiElement) => {
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: element.backendNodeId })) as {
      model: { border: number[] };
    };
    const xs = [model.border[0]!, model.border[2]!, model.border[4]!, model.border[6]!];
    const ys = [model.border[1]!, model.border[3]!, model.border[5]!, model.border[7]!];
    return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
  };
  const find = async (host: string, match: Match = {}, key?: string) =>
    insideHosts(await tree(), host, key).filter((n) => matches(n, match)).map(toElement);

  return {
    allInToolbar: (key, match) => find('paperlight-card', match, key),
    async inToolbar(key, match) {
      const deadline = Date.now() + 10_000;
      for (let scrolled = false; ; scrolled = true) {
        const [first] = await find('paperlight-card', match, key);
        if (first) return first;
        if (Date.now() > deadline) {
          throw new Error(`Nothing in the toolbar of ${key} matches ${JSON.stringify(match, (_, v) => (v instanceof RegExp ? String(v) : v))}`);
        }
        if (!scrolled) {
          const card = [...walk(await tree())].find((n) => n.nodeType === 1 && attributesOf(n)['data-paperlight-id'] === key);
          if (card) await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: card.backendNodeId });
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    allInPageLayer: (match) => find('paperlight-page', match),
    allInHosts: (host, match) => find(host, match),
    async cardToolbars() {
      const cards = [...walk(await tree())].filter((n) => n.nodeType === 1 && attributesOf(n)['data-paperlight-id'] !== undefined);
      return cards.map((card) => ({
        key: attributesOf(card)['data-paperlight-id']!,
        toolbars: [...walk(card)].filter((n) => n.localName === 'paperlight-card').map((host) => {
          const inside = (host.shadowRoots ?? []).flatMap((root) => [...walk(root)]);
          const bar = inside.find((n) => matches(n, { attrs: { role: 'toolbar' } }));
          const save = inside.find((n) => matches(n, { tag: 'button', cls: 'save' }));
          return { label: bar ? attributesOf(bar)['aria-label'] ?? '' : '', save: save ? toElement(save).text : '' };
        }),
      }));
    },
    async rootTypes() {
      const out: Array<{ host: string; type: string }> = [];
      for (const node of walk(await tree())) {
        if (!node.localName?.startsWith('paperlight-')) continue;
        for (const root of node.shadowRoots ?? []) out.push({ host: node.localName, type: root.shadowRootType ?? '' });
      }
      return out;
    },
    box: (element) => borderBox(element),
    async click(element) {
      await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: element.backendNodeId });
      const { x, y, width, height } = await borderBox(element);
      await page.mouse.click(x + width / 2, y + height / 2);
    },
    close: () => cdp.detach(),
  };
}
