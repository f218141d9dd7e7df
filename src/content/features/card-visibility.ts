// Which cards are hidden or dimmed, and why: the filter strip, the user's rules, seen-dimming and the `x` key
// each keep their own set, and the page's stylesheet gets their union (one rule for hidden cards, one for
// dimmed ones, rewritten once per change). Features ask here whether a card is hidden or dimmed, whatever
// the cause (the page report, the keyboard's "next visible card").
import type { CardEntry } from '../page-run';
import type { ContentPage } from '../session';

export type VisibilitySource = 'filter' | 'rules' | 'seen' | 'keyboard';
export type VisibilityEffect = 'hide' | 'dim';

export interface CardVisibility {
  /** Replaces what `source` hides (or dims) with these cards. */
  set(source: VisibilitySource, effect: VisibilityEffect, entries: Iterable<CardEntry>): void;
  /** Adds one card to what `source` hides (or dims). */
  add(source: VisibilitySource, effect: VisibilityEffect, entry: CardEntry): void;
  /** The cards `source` hides (or dims). */
  of(source: VisibilitySource, effect: VisibilityEffect): ReadonlySet<CardEntry>;
  hidden(entry: CardEntry): boolean;
  dimmed(entry: CardEntry): boolean;
  /** Whether the reader can see the card: not hidden by Paperlight, and shown by the page itself. */
  visible(entry: CardEntry): boolean;
}

const keyOf = (entry: CardEntry) => entry.analysis.card.key;

export function cardVisibility(page: ContentPage): CardVisibility {
  const sets = new Map<string, Set<CardEntry>>();
  /** The papers hidden with `x`: a card the page renders anew (a new element, the same paper) stays hidden. */
  let hiddenWithX = new Set<string>();
  const setOf = (source: VisibilitySource, effect: VisibilityEffect) => {
    const id = `${source}:${effect}`;
    let set = sets.get(id);
    if (!set) sets.set(id, (set = new Set()));
    return set;
  };
  const holds = (effect: VisibilityEffect, entry: CardEntry) => {
    for (const [id, set] of sets) if (id.endsWith(effect) && set.has(entry)) return true;
    return false;
  };
  const keysOf = (effect: VisibilityEffect) => {
    const keys = new Set<string>();
    for (const [id, set] of sets) if (id.endsWith(effect)) for (const entry of set) keys.add(keyOf(entry));
    return [...keys].sort();
  };
  /** Writes the union into the page's stylesheet and tells the features (only called when a set changed). */
  const render = () => {
    if (page.signal.aborted) return;
    page.pageStyle.styleCards(keysOf('hide'), keysOf('dim'));
    page.emit('visibility', undefined);
  };

  page.on('cardGone', (entry) => {
    let changed = false;
    for (const set of sets.values()) changed = set.delete(entry) || changed;
    if (changed) render();
  });
  page.signal.addEventListener('abort', () => page.pageStyle.styleCards([], []), { once: true });

  const visibility: CardVisibility = {
    set(source, effect, entries) {
      const set = setOf(source, effect);
      const next = new Set(entries);
      if (source === 'keyboard') hiddenWithX = new Set([...next].map(keyOf));
      if (next.size === set.size && [...next].every((entry) => set.has(entry))) return;
      set.clear();
      for (const entry of next) set.add(entry);
      render();
    },
    add(source, effect, entry) {
      const set = setOf(source, effect);
      if (source === 'keyboard') hiddenWithX.add(keyOf(entry));
      if (set.has(entry)) return;
      set.add(entry);
      render();
    },
    of: (source, effect) => setOf(source, effect),
    hidden: (entry) => holds('hide', entry),
    dimmed: (entry) => holds('dim', entry),
    visible(entry) {
      if (holds('hide', entry) || !entry.element.isConnected) return false;
      const check = (entry.element as Element & { checkVisibility?(): boolean }).checkVisibility;
      return check ? check.call(entry.element) : true;
    },
  };
  page.on('cards', (entries) => {
    for (const entry of entries) if (hiddenWithX.has(keyOf(entry))) visibility.add('keyboard', 'hide', entry);
  });
  return visibility;
}
