// One shared, batched DOM observer for the content script (the darkreader pattern): mutation records
// are reduced to "which processed cards changed" and "were elements added", and handed over once per
// animation frame. Work never runs inside the MutationObserver callback itself.

import { isOurs } from './text-map';

/** Cards carry their mark (card-annotation.ts): the only elements in an inserted subtree worth testing. */
const MARKED = '[data-paperlight-id]';

export interface MutationBatch {
  /** Elements were added outside our own widgets (new cards may have arrived). */
  added: boolean;
  /** Those elements, as added (a subtree added whole is its root alone; one may since have left the page). */
  addedElements: Element[];
  /** Elements were taken out of the page (cards may have gone). */
  removed: boolean;
  /** Known cards whose content changed (an abstract expanded, a re-render). */
  changedCards: Set<Element>;
  /** One of our own elements was taken out of the page (a framework re-rendering what held it, or we did). */
  lostOurs: boolean;
}

export interface ObserverOptions {
  root: Node;
  /** Is this element a card we already processed? */
  isCard(element: Element): boolean;
  /** Nodes we inserted into the page's own tree (links in abstracts): their insertion is not news. */
  ignore?(node: Node): boolean;
  onBatch(batch: MutationBatch): void;
  signal: AbortSignal;
  /** Scheduler for one batch per frame (tests may pass their own). */
  schedule?: (callback: () => void) => void;
}

function ownedByUs(node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (isOurs(n)) return true;
    if (n.nodeType === 11) return true; // inside a shadow root: only ours are observed this way
  }
  return false;
}

export function observeMutations(options: ObserverOptions): void {
  const { root, isCard, onBatch, signal } = options;
  const ignore = options.ignore ?? (() => false);
  const schedule = options.schedule ?? ((callback) => requestAnimationFrame(() => callback()));
  let pending: MutationBatch | null = null;

  const cardAround = (node: Node): Element | null => {
    for (let n: Node | null = node.nodeType === 1 ? node : node.parentNode; n && n.nodeType === 1; n = n.parentNode) {
      if (isCard(n as Element)) return n as Element;
    }
    return null;
  };

  const flush = () => {
    const batch = pending;
    pending = null;
    if (batch && !signal.aborted) onBatch(batch);
  };

  const observer = new MutationObserver((records) => {
    const addedElements: Element[] = [];
    let removed = false;
    let lost = false;
    const changed = new Set<Element>();
    for (const record of records) {
      if (ownedByUs(record.target)) continue;
      if (!lost) lost = [...record.removedNodes].some(isOurs);
      const relevantAdditions = [...record.addedNodes].filter((n) => !isOurs(n) && !ignore(n));
      const relevantRemovals = [...record.removedNodes].filter((n) => !isOurs(n));
      if (record.type === 'childList' && relevantAdditions.length === 0 && relevantRemovals.length === 0) continue;
      if (ignore(record.target)) continue;
      for (const node of relevantAdditions) if (node.nodeType === 1) addedElements.push(node as Element);
      if (relevantRemovals.some((n) => n.nodeType === 1)) removed = true;
      const card = cardAround(record.target);
      if (card) changed.add(card);
      // A known card put back in the page (a framework moving it when it reorders a list) lost its highlights:
      // the live ranges inside a node collapse when the node is taken out, even to be inserted elsewhere.
      for (const node of relevantAdditions) {
        if (node.nodeType !== 1) continue;
        if (isCard(node as Element)) changed.add(node as Element);
        for (const inner of (node as Element).querySelectorAll(MARKED)) if (isCard(inner)) changed.add(inner);
      }
    }
    const added = addedElements.length > 0;
    if (!added && !removed && !lost && changed.size === 0) return;
    if (!pending) {
      pending = { added: false, addedElements: [], removed: false, changedCards: new Set(), lostOurs: false };
      schedule(flush);
    }
    pending.added ||= added;
    for (const element of addedElements) pending.addedElements.push(element);
    pending.removed ||= removed;
    pending.lostOurs ||= lost;
    for (const card of changed) pending.changedCards.add(card);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
