// A page that listens for everything the reader does: an inline <head> script, run before any other script of
// the page, registers capture and bubble listeners on window, document and (once it exists) document.body for
// every event type that could carry what the reader types, pastes, drops, selects or clicks, and records what a
// page script could read from each (its target, key, data, clipboard or dropped text, the selection). Tests of the
// shield (src/content/shield/shield.ts) serve a fixture with it and read what the page heard.

/** Every event type the page listens for: the shield's list, and the ones it lets through on purpose. */
export const PAGE_HEARD_TYPES = [
  'keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'textInput', 'compositionstart', 'compositionupdate', 'compositionend',
  'copy', 'cut', 'paste', 'select', 'selectstart', 'selectionchange',
  'mousedown', 'mouseup', 'click', 'dblclick', 'auxclick', 'contextmenu', 'mousemove', 'mouseover', 'mouseout', 'mouseenter', 'mouseleave',
  'pointerdown', 'pointerup', 'pointermove', 'pointerover', 'pointerout', 'pointerenter', 'pointerleave', 'pointercancel',
  'gotpointercapture', 'lostpointercapture', 'touchstart', 'touchmove', 'touchend', 'touchcancel', 'wheel',
  'dragstart', 'drag', 'dragend', 'dragenter', 'dragover', 'dragleave', 'drop',
  'focus', 'blur', 'focusin', 'focusout', 'change',
];

/** What the page recorded of one event. */
export interface HeardEvent {
  type: string;
  where: 'window' | 'document' | 'body';
  phase: 'capture' | 'bubble';
  /** The target's local name (`paperlight-card` for a host), `#document` or `#window`. */
  target: string;
  key: string | null;
  data: string | null;
  /** Clipboard or drag-and-drop text. */
  text: string | null;
  /** `document.getSelection()` as text, when the event came. */
  selection: string;
  isTrusted: boolean;
}

/** The recorder, as an inline script (its events in `window.pageHeard`, in the page's own world). */
export const PAGE_LISTENERS_SCRIPT = `<script>(() => {
  const types = ${JSON.stringify(PAGE_HEARD_TYPES)};
  const heard = (window.pageHeard = []);
  const record = (where, phase) => (e) => {
    const t = e.target;
    const transfer = e.clipboardData || e.dataTransfer;
    heard.push({
      type: e.type, where, phase,
      target: t === window ? '#window' : t === document ? '#document' : t && t.localName ? t.localName : String(t),
      key: typeof e.key === 'string' ? e.key : null,
      data: typeof e.data === 'string' ? e.data : null,
      text: transfer ? transfer.getData('text/plain') : null,
      selection: String(document.getSelection()),
      isTrusted: e.isTrusted,
    });
  };
  const listen = (target, where) => {
    for (const type of types) {
      target.addEventListener(type, record(where, 'capture'), true);
      target.addEventListener(type, record(where, 'bubble'), false);
    }
  };
  listen(window, 'window');
  listen(document, 'document');
  document.addEventListener('DOMContentLoaded', () => listen(document.body, 'body'));
})();</script>`;

/** `html` with the recorder as the first thing in its <head>. */
export function withPageListeners(html: string): string {
  const at = html.indexOf('<head>');
  if (at < 0) throw new Error('The page has no <head> to put the recorder in.');
  return html.slice(0, at + 6) + PAGE_LISTENERS_SCRIPT + html.slice(at + 6);
}

/** Events whose target is one of Paperlight's hosts and that the shield lets through: they name the host, no more. */
export const HARMLESS_ON_HOSTS = new Set(['focus', 'blur', 'focusin', 'focusout']);

/**
 * What the page heard that it should not have, one line each: events on a host beyond HARMLESS_ON_HOSTS, or
 * carrying one of `secrets` (in their key, data, clipboard or dropped text, or the selection at that moment).
 */
export function leaks(heard: readonly HeardEvent[], secrets: readonly string[]): string[] {
  const carries = (value: string | null) => value !== null && secrets.some((secret) => value.includes(secret));
  return heard
    .filter((event) =>
      (event.target.startsWith('paperlight-') && !HARMLESS_ON_HOSTS.has(event.type)) ||
      carries(event.key) || carries(event.data) || carries(event.text) || carries(event.selection))
    .map((event) => `${event.isTrusted ? '' : 'untrusted '}${event.type} on ${event.target} (${event.where}, ${event.phase}): ` +
      JSON.stringify({ key: event.key, data: event.data, text: event.text, selection: event.selection }));
}
