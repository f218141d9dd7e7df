/**
 * The cards among elements a page added, for sites whose cards are cards by their own markup and where they sit
 * (never by the rest of the page): the elements matching `selector` around and inside each added element still in
 * the document, for which `isCard` holds; each once, in the order found (sorting siblings into document order
 * costs the browser a walk of their parent's children per comparison).
 */
export function cardsAroundAndInside(added: readonly Element[], selector: string, isCard: (element: Element) => boolean): Element[] {
  const cards = new Set<Element>();
  for (const element of added) {
    if (!element.isConnected) continue;
    for (let around = element.closest(selector); around; around = around.parentElement?.closest(selector) ?? null) {
      if (isCard(around)) cards.add(around);
    }
    for (const inner of element.querySelectorAll(selector)) if (isCard(inner)) cards.add(inner);
  }
  return [...cards];
}

/** The element and the ones inside it that match `selector`, in document order. */
export const selfAndInside = (element: Element, selector: string): Element[] =>
  [...(element.matches(selector) ? [element] : []), ...element.querySelectorAll(selector)];
