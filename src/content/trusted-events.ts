// Only the user drives Paperlight in a page. A page's scripts can dispatch any event they like (`.click()`,
// `dispatchEvent(new KeyboardEvent(…))`); the browser marks those `isTrusted: false`, and every handler of
// Paperlight's UI and every listener it adds to a page ignores them. Preact's handlers are wrapped once, here,
// for every element Paperlight renders, so no handler can forget the check.
import { options } from 'preact';

/** `handler`, called only for events the browser generated from real input. */
export function trusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) handler(event);
  };
}

let installed = false;

/** Wraps every `on…` handler of every element rendered by preact in this content script with `trusted`. */
export function acceptOnlyTrustedEvents(): void {
  if (installed) return;
  installed = true;
  const next = options.vnode;
  options.vnode = (vnode) => {
    if (typeof vnode.type === 'string') {
      const props = vnode.props as Record<string, unknown>;
      for (const name in props) {
        const handler = props[name];
        if (name.startsWith('on') && typeof handler === 'function') props[name] = trusted(handler as (event: Event) => void);
      }
    }
    next?.(vnode);
  };
}
