// Only the user drives Paperlight in a page. A page's scripts can dispatch any event they like (`.click()`,
// `dispatchEvent(new KeyboardEvent(…))`); the browser marks those `isTrusted: false`, and every handler of
// Paperlight's UI and every listener it adds to a page ignores them. The in-page UI adds its handlers only
// through ui/dom.ts (`el`'s `on`, `listen`), which wraps each one here, so no handler can forget the check.
// The shield (shield/shield.ts) keeps real events aimed at the UI from the page and hands the UI a copy of each
// instead: a copy it made from a real event counts as real (the page can neither make one nor reach the set).
import { shieldRegistry } from './shield/registry';

const relayed = shieldRegistry().relayed;

/** `handler`, called only for events the browser generated from real input (or the shield's copies of them). */
export function trusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted || relayed.has(event)) handler(event);
  };
}
