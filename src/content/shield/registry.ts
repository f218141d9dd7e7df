// What the shield (shield.ts, its own content script at document_start) and the site's content script (at
// document_idle) share. Content scripts of one extension run in one isolated world per frame (Chrome) or one
// sandbox (Firefox), with a global object of their own that the page's scripts cannot reach: the registry is a
// property of that global, never of the page's DOM or of the page's `window`.

export interface ShieldRegistry {
  /** Every closed shadow root Paperlight attached, by its host (page-layer.ts adds them). */
  readonly roots: WeakMap<Element, ShadowRoot>;
  /**
   * The copies of real events the shield delivered inside a root in their place (shield.ts): the page never
   * sees them, and the UI's handlers take them as they took the real events (trusted-events.ts).
   */
  readonly relayed: WeakSet<Event>;
  /**
   * Listeners of the content script that were on `window` in the capture phase (keyboard triage): the shield
   * calls them, before the UI inside the root, for the events it keeps from the page.
   */
  readonly first: Map<string, Set<(event: Event) => void>>;
  /** The shield listens on this window (it ran at document_start). */
  shielding: boolean;
}

const KEY = Symbol.for('paperlight.shield');

/** This world's registry, made by whichever script asks first. */
export function shieldRegistry(): ShieldRegistry {
  const scope = globalThis as unknown as Record<symbol, ShieldRegistry | undefined>;
  return (scope[KEY] ??= { roots: new WeakMap(), relayed: new WeakSet(), first: new Map(), shielding: false });
}

/**
 * Adds `listener` for `type` on `target` (the window or the document), and has the shield call it for the events
 * it keeps from the page too (events aimed at Paperlight's UI reach no listener added after the shield's): a
 * listener of the content script on the page's `window` or `document` then hears what it heard before the shield.
 */
export function listenAlongShield(
  target: Window | Document, type: string, listener: (event: Event) => void, options: AddEventListenerOptions & { signal: AbortSignal },
): void {
  target.addEventListener(type, listener, options);
  const { first } = shieldRegistry();
  let listeners = first.get(type);
  if (!listeners) first.set(type, (listeners = new Set()));
  listeners.add(listener);
  options.signal.addEventListener('abort', () => listeners.delete(listener), { once: true });
}
