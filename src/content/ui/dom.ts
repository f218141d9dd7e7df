// Building blocks of Paperlight's in-page UI, in plain DOM: an element builder, a way to put a list of
// children in place without moving the ones already there (so the focused control keeps its focus), and
// nothing else. Page text only ever becomes text nodes or attribute values, never markup. Every handler
// added here runs only for real input (see trusted-events.ts).
import { trusted } from '../trusted-events';

/** What can stand as a child: nodes, text, and nothing (false, null, undefined), also in nested lists. */
export type Child = Node | string | number | false | null | undefined | readonly Child[];

export type Handlers = { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };

type AttributeValue = string | number | boolean | null | undefined;

/**
 * Attributes of an element: a string or number is set as it is; `true` sets an empty attribute and `false`,
 * null or undefined removes it, except for `aria-*`, which take "true" and "false" as words. `style` is
 * CSS text, `value` and `checked` are the live properties of form fields. `on` holds the event handlers.
 */
export interface Props {
  on?: Handlers;
  [name: string]: AttributeValue | Handlers;
}

/** Sets (or removes) attributes on an element already built: the update half of `el`. */
export function setAttributes(element: HTMLElement, attributes: Record<string, AttributeValue>): void {
  for (const name in attributes) {
    const value = attributes[name];
    if (name === 'style') element.style.cssText = String(value ?? '');
    else if (name === 'value') (element as HTMLInputElement).value = String(value ?? '');
    else if (name === 'checked') (element as HTMLInputElement).checked = value === true;
    else if (typeof value === 'boolean' && name.startsWith('aria-')) element.setAttribute(name, String(value));
    else if (value === false || value === null || value === undefined) element.removeAttribute(name);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
}

/** Adds `handlers` to `target`, each called only for trusted events. */
export function listen(target: EventTarget, handlers: Handlers, options?: AddEventListenerOptions): void {
  for (const type in handlers) {
    const handler = handlers[type as keyof Handlers] as ((event: Event) => void) | undefined;
    if (handler) target.addEventListener(type, trusted(handler), options);
  }
}

function flatten(children: readonly Child[], out: Array<Node | string>): Array<Node | string> {
  for (const child of children) {
    if (child === false || child === null || child === undefined) continue;
    if (Array.isArray(child)) flatten(child, out);
    else out.push(typeof child === 'number' ? String(child) : (child as Node | string));
  }
  return out;
}

/** An element with its attributes, handlers and children (strings become text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  const { on, value, checked, ...attributes } = props;
  setAttributes(element, attributes as Record<string, AttributeValue>);
  element.append(...flatten(children, []));
  // After the children: a <select>'s value names one of its options.
  if (value !== undefined) setAttributes(element, { value: value as AttributeValue });
  if (checked !== undefined) setAttributes(element, { checked: checked as AttributeValue });
  if (on) listen(element, on);
  return element;
}

/**
 * Makes `nodes` the children of `parent`, in this order, touching only what differs: nodes no longer wanted
 * are removed, new ones inserted, and the ones already in place stay (a moved or re-inserted element loses
 * the focus, an untouched one keeps it).
 */
export function placeChildren(parent: Node, children: readonly Child[]): void {
  const nodes = flatten(children, []).map((node) => (typeof node === 'string' ? document.createTextNode(node) : node));
  const wanted = new Set(nodes);
  for (const child of [...parent.childNodes]) if (!wanted.has(child)) child.remove();
  let at = parent.firstChild;
  for (const node of nodes) {
    if (node === at) at = at.nextSibling;
    else parent.insertBefore(node, at);
  }
}

/** Sets an element's text, if it differs (a focused button whose text changes keeps the focus either way). */
export function setText(element: Node, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}
