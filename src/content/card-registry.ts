// The cards of one page as the features see them: the PageRun's entries, indexed by every paper id a
// card carries (so a change to `arxiv:…` finds the card that shows it under its DOI too), and found from
// any node inside them (a click, the focus, the pointer).
import type { CardEntry, PageRun } from './page-run';

/** A card's canonical key followed by its aliases. */
export function keysOf(entry: CardEntry): string[] {
  return [entry.analysis.card.key, ...(entry.analysis.card.aliases ?? [])];
}

export class CardRegistry {
  private readonly byKey = new Map<string, Set<CardEntry>>();
  /** Abstract blocks that sit beside their card (ACL's collapsed abstract), so a node in one finds the card. */
  private readonly abstractOwner = new WeakMap<Element, Element>();

  constructor(private readonly run: Pick<PageRun, 'entries'>) {}

  add(entry: CardEntry): void {
    for (const key of keysOf(entry)) {
      let set = this.byKey.get(key);
      if (!set) this.byKey.set(key, (set = new Set()));
      set.add(entry);
    }
    const abstractEl = entry.analysis.card.abstractEl;
    if (abstractEl && !entry.element.contains(abstractEl)) this.abstractOwner.set(abstractEl, entry.element);
  }

  remove(entry: CardEntry): void {
    for (const key of keysOf(entry)) this.byKey.get(key)?.delete(entry);
  }

  get(element: Element): CardEntry | undefined {
    return this.run.entries.get(element);
  }

  all(): IterableIterator<CardEntry> {
    return this.run.entries.values();
  }

  get size(): number {
    return this.run.entries.size;
  }

  /** The cards that show any of these paper ids. */
  withKeys(keys: Iterable<string>): Set<CardEntry> {
    const found = new Set<CardEntry>();
    for (const key of keys) for (const entry of this.byKey.get(key) ?? []) found.add(entry);
    return found;
  }

  /** The card holding `target` (through shadow hosts, and abstracts kept beside their card). */
  around(target: EventTarget | null): CardEntry | undefined {
    for (let node = target as Node | null; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
      if (node.nodeType !== 1) continue;
      const owner = this.abstractOwner.get(node as Element);
      const entry = this.run.entries.get(node as Element) ?? (owner && this.run.entries.get(owner));
      if (entry) return entry;
    }
    return undefined;
  }

  /** The cards in the order the page shows them. */
  inPageOrder(): CardEntry[] {
    return [...this.run.entries.values()].sort((a, b) =>
      a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);
  }
}
