// The shield: keeps what the reader does in Paperlight's UI from the page. Keys typed into a toolbar's note or tag
// field, text pasted or dropped there, clicks on its buttons are composed events: they leave the closed shadow
// root and reach the page's listeners on `window`, `document` and every ancestor as events on the host, carrying
// `key`, `data`, clipboard text and coordinates. The shield is a content script of its own, injected at
// document_start, so its listeners on `window` (capture phase) are registered before any of the page's, and
// listeners of one target and phase run in the order they were added: for each event listed below aimed at one of
// Paperlight's hosts it is the first listener, and stops the event there (`stopImmediatePropagation`); no listener
// after it (the page's on `window`, `document`, the ancestors, the host) sees it. It never cancels the event: the
// text still goes into the field, the button is still pressed.
//
// Stopping it there stops it for Paperlight's own listeners inside the root too, so the shield gives them the
// event itself: the content script's listeners that stood on `window` in the capture phase (`first`, keyboard
// triage) get the real event, then a copy is dispatched at the element inside the root the event was aimed at,
// with `composed: false` (it does not leave the root) and marked as a relayed real event (trusted-events.ts takes
// it as the browser's). See docs/content-script.md, "What the page can tell".
import type { ShieldRegistry } from './registry';

/** Events that carry what the reader types, pastes, drops, selects or presses: kept from the page. */
export const SHIELDED_EVENTS: readonly string[] = [
  'keydown', 'keyup', 'keypress',
  'beforeinput', 'input', 'textInput', 'compositionstart', 'compositionupdate', 'compositionend',
  'copy', 'cut', 'paste', 'select', 'selectstart', 'selectionchange',
  'mousedown', 'mouseup', 'click', 'dblclick', 'auxclick', 'contextmenu',
  'mousemove', 'mouseover', 'mouseout', 'mouseenter', 'mouseleave',
  'pointerdown', 'pointerup', 'pointermove', 'pointerover', 'pointerout', 'pointerenter', 'pointerleave',
  'pointercancel', 'gotpointercapture', 'lostpointercapture',
  'touchstart', 'touchmove', 'touchend', 'touchcancel',
  'dragstart', 'drag', 'dragend', 'dragenter', 'dragover', 'dragleave', 'drop',
];

/** Listened to as passive: the shield never cancels them, and a passive listener does not hold up scrolling. */
const PASSIVE = new Set(['touchstart', 'touchmove', 'touchend', 'touchcancel']);

/** The events Paperlight's UI listens to inside its roots: the ones the shield hands on (ui/dom.ts handlers). */
const KEYBOARD_RELAYED = new Set(['keydown', 'input']);
const MOUSE_RELAYED = new Set(['mousedown', 'click']);

/** The nearest node holding both `a` and `b`. */
function commonAncestor(a: Node, b: Node): Node {
  let at: Node | null = a;
  while (at && !at.contains(b)) at = at.parentNode;
  return at ?? b;
}

/**
 * A copy of a real `event` for the UI inside the root: the same kind of event with what the UI's handlers read
 * (keys, modifiers, buttons, coordinates), not composed, so it ends at the shadow root.
 */
export function copyOf(event: Event): Event {
  const base = { bubbles: event.bubbles, cancelable: event.cancelable, composed: false };
  if (event.type === 'keydown') {
    // A plain Event carrying the key's fields: Firefox ESR 153 called none of the root's listeners for a KeyboardEvent
    // the content script made, and calls them for a plain Event, as for its InputEvents and MouseEvents
    // (test/e2e/shield-firefox.e2e.test.ts).
    const e = event as KeyboardEvent;
    const copy = new Event(e.type, base);
    const { key, code, location, repeat, isComposing, ctrlKey, shiftKey, altKey, metaKey } = e;
    for (const [name, value] of Object.entries({ key, code, location, repeat, isComposing, ctrlKey, shiftKey, altKey, metaKey })) {
      Object.defineProperty(copy, name, { value });
    }
    return copy;
  }
  if (event.type === 'input') {
    const e = event as InputEvent;
    return new InputEvent(e.type, { ...base, data: e.data, inputType: e.inputType, isComposing: e.isComposing });
  }
  const e = event as MouseEvent;
  return new MouseEvent(e.type, {
    ...base, detail: e.detail, button: e.button, buttons: e.buttons, clientX: e.clientX, clientY: e.clientY,
    screenX: e.screenX, screenY: e.screenY, ctrlKey: e.ctrlKey, shiftKey: e.shiftKey, altKey: e.altKey, metaKey: e.metaKey,
  });
}

/**
 * Starts the shield on this window (once, however many times the script is injected). `registry` is the one the
 * content script of the page's site shares (registry.ts).
 */
export function installShield(registry: ShieldRegistry): void {
  if (registry.shielding) return;
  registry.shielding = true;
  /** Where the last press inside a root landed: a click goes to what holds both the press and the release. */
  let pressed: Element | null = null;

  /** The element inside `root` that `event` (aimed at its host) was aimed at, or null. */
  const innerTarget = (event: Event, root: ShadowRoot): Element | null => {
    // Keys and text go to what has the focus; so does a click the keyboard made (Enter or Space on a button).
    if (KEYBOARD_RELAYED.has(event.type) || (event as MouseEvent).detail === 0) return root.activeElement;
    const { clientX, clientY } = event as MouseEvent;
    const hit = root.elementFromPoint(clientX, clientY);
    if (!hit || !root.contains(hit)) return null;
    if (event.type === 'mousedown') return (pressed = hit);
    return pressed && root.contains(pressed) ? (commonAncestor(pressed, hit) as Element) : hit;
  };

  const shield = (event: Event) => {
    // The caret moving in a field of ours is told to the document (`selectionchange`), not to the host.
    const aimedAt = event.target === document ? document.activeElement : event.target;
    const root = registry.roots.get(aimedAt as Element);
    if (!root) return;
    // Stopped even when not trusted: Chromium ends an IME composition with a `compositionend` it marks untrusted,
    // which carries the composed text.
    event.stopImmediatePropagation();
    // A page's own `dispatchEvent` at a host is never handed on to the UI.
    if (!event.isTrusted) return;
    for (const listener of registry.first.get(event.type) ?? []) listener(event);
    // A listener of ours that took the event cancelled it (a triage key): the UI does not get it, as before.
    if (event.defaultPrevented || !(KEYBOARD_RELAYED.has(event.type) || MOUSE_RELAYED.has(event.type))) return;
    const target = innerTarget(event, root);
    if (!target || target === root.host) return;
    const copy = copyOf(event);
    registry.relayed.add(copy);
    // The real click still does what a click on that element does (follows a link, ticks a box): the copy,
    // cancelled before it goes, does not do it a second time.
    if (event.type === 'click') copy.preventDefault();
    target.dispatchEvent(copy);
    if (event.type !== 'click' && copy.defaultPrevented) event.preventDefault();
  };

  for (const type of SHIELDED_EVENTS) addEventListener(type, shield, { capture: true, passive: PASSIVE.has(type) });
}
