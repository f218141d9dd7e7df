// Keyboard triage on listing pages: j/k move a focus ring from visible card to visible card, and single keys act
// on the card it rings (save or unsave, tag, status 1–4, open the paper or its first code link, hide it for this
// page, `?` for the list of keys). Only real key presses count (a page's script can dispatch any KeyboardEvent),
// never while the reader types (a field, a contenteditable, the site's search box, Paperlight's own fields) or
// holds Ctrl, Alt or ⌘ (Shift only for `?`), and not on a site where the options switched it off. The ring and
// the help are drawn in the page layer's closed shadow root; which card has the ring is kept here, in memory.
import { READING_STATUSES } from '../../core/paper';
import { keyboardEnabled } from '../../shared/settings';
import { TRIAGE_KEYS } from '../../ui/triage-keys';
import type { CardEntry } from '../page-run';
import { focusedIn } from '../page-layer';
import type { ContentPage } from '../session';
import { listenAlongShield } from '../shield/registry';
import { isOurs } from '../text-map';
import { trusted } from '../trusted-events';
import { el } from '../ui/dom';
import type { CardToolbar } from './card-toolbar';
import type { CardVisibility } from './card-visibility';
import type { SavedState } from './saved-state';

const TRIAGE_CSS = `
.ring { position: fixed; z-index: 2147483645; pointer-events: none; box-sizing: border-box; border: 2px solid #3b4cca; border-radius: 6px; }
.ring[hidden] { display: none; }
.help {
  position: fixed; z-index: 2147483647; top: 50%; left: 50%; transform: translate(-50%, -50%); max-width: min(520px, 90vw);
  font: 13px/1.5 system-ui, sans-serif; color: #1f2333; background: #fff; border: 1px solid #c9cde0; border-radius: 10px;
  box-shadow: 0 10px 40px #0004; padding: 12px 16px;
}
.help h2 { font-size: 14px; margin: 0 0 8px; }
.help td { padding: 2px 10px 2px 0; }
.help td:first-child { white-space: nowrap; }
kbd { font: 600 12px system-ui, sans-serif; border: 1px solid #c9cde0; border-radius: 4px; padding: 0 5px; }
@media (prefers-color-scheme: dark) { .help { background: #1b1e30; color: #e6e8f5; } .ring { border-color: #aab3ff; } }
`;

const TYPING_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'spinbutton']);

/**
 * Whether a key pressed with `target` focused is typing. In Paperlight's own UI (closed roots: the window sees the
 * host as the target) it is what has the focus inside that counts: a toolbar button the reader just clicked (Save,
 * Undo) lets the keys through, so j, k and the rest go on working; the tag field, the note and the status select
 * keep them. A host whose root is not ours to ask counts as typing.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || (target as Node).nodeType !== 1) return false;
  let element = target as HTMLElement;
  if (isOurs(element)) {
    const inside = focusedIn(element);
    if (!inside) return true;
    element = inside as HTMLElement;
  }
  const tag = element.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return element.isContentEditable || TYPING_ROLES.has(element.getAttribute('role') ?? '');
}

/** The command a key press asks for, or undefined (a modifier held, or not a triage key). */
export function triageKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'shiftKey' | 'isComposing'>): string | undefined {
  if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return undefined;
  if (event.key === '?') return '?';
  if (event.shiftKey) return undefined;
  return /^[jkstocx1-4]$|^Escape$/.test(event.key) ? event.key : undefined;
}

/** The list of keys, as a dialog with a Close button. */
function help(onClose: () => void): HTMLElement {
  return el('div', { class: 'help', role: 'dialog', 'aria-label': 'Paperlight keys' },
    el('h2', {}, 'Paperlight keys on this listing'),
    el('table', {}, el('tbody', {}, TRIAGE_KEYS.map((entry) => el('tr', {},
      el('td', {}, entry.keys.map((combo, i) => el('span', {}, i > 0 ? ' ' : '', combo.map((k) => el('kbd', {}, k))))),
      el('td', {}, entry.action))))),
    el('button', { on: { click: onClose } }, 'Close (Esc)'));
}

export function keyboardTriage(
  page: ContentPage, { saved, toolbar, visibility }: { saved: SavedState; toolbar: CardToolbar; visibility: CardVisibility },
): void {
  const panel = page.layer.panel(TRIAGE_CSS);
  const ring = document.createElement('div');
  ring.className = 'ring';
  ring.hidden = true;
  const helpContainer = document.createElement('div');
  panel.append(ring, helpContainer);
  let focused: CardEntry | undefined;
  /** The ringed card's paper: when the page renders that card anew (a new element), the ring goes to the new one. */
  let ringedKey: string | undefined;
  let helpOpen = false;
  let framePending = false;

  const drawRing = () => {
    framePending = false;
    if (!focused || !visibility.visible(focused)) {
      ring.hidden = true;
      return;
    }
    const box = focused.element.getBoundingClientRect();
    ring.hidden = false;
    ring.style.cssText = `top:${box.top - 4}px;left:${box.left - 4}px;width:${box.width + 8}px;height:${box.height + 8}px`;
  };
  const redraw = () => {
    if (framePending || !focused) return;
    framePending = true;
    requestAnimationFrame(drawRing);
  };

  const setHelp = (open: boolean) => {
    if (open === helpOpen) return;
    helpOpen = open;
    helpContainer.replaceChildren(...(open ? [help(() => setHelp(false))] : []));
  };

  const focus = (entry: CardEntry | undefined) => {
    focused = entry;
    ringedKey = entry?.analysis.card.key;
    if (entry) entry.element.scrollIntoView({ block: 'nearest' });
    drawRing();
  };

  /** The nearest visible card after (or before) the ringed one, in page order; undefined when there is none. */
  const neighbour = (direction: 1 | -1, order = page.cards.inPageOrder()): CardEntry | undefined => {
    const at = focused ? order.indexOf(focused) : -1;
    if (at < 0) return undefined;
    for (let i = at + direction; i >= 0 && i < order.length; i += direction) {
      if (visibility.visible(order[i]!)) return order[i];
    }
    return undefined;
  };

  /**
   * Where j (1) or k (-1) moves the ring: the neighbour that way; past the first or last card, the ringed card
   * itself; the first visible card when none is ringed, or when the ringed one went out of sight with nothing
   * visible that way (an OpenReview tab before its own was picked).
   */
  const step = (direction: 1 | -1): CardEntry | undefined => {
    const order = page.cards.inPageOrder();
    const first = () => order.find((entry) => visibility.visible(entry));
    if (!focused || !order.includes(focused)) return first();
    return neighbour(direction, order) ?? (visibility.visible(focused) ? focused : first());
  };

  /**
   * The keys that change the library (s, t, 1–4) act one after the other, each once the one before has its answer:
   * pressed faster than that, a key acts on what the key before will have done (s s saves, then unsaves with an
   * Undo; 2 then 3 saves once and ends read), not on what the page still shows (which saved twice, and could end
   * on the status pressed first).
   */
  let turn = Promise.resolve();

  const savedFirst = async (entry: CardEntry) => {
    if (!saved.of(entry)) await saved.save(entry);
  };

  const act = async (key: string, entry: CardEntry) => {
    const { card, codeLinks } = entry.analysis;
    switch (key) {
      case 's':
        toolbar.mountNow(entry);
        return saved.toggle(entry);
      case 't':
        toolbar.mountNow(entry);
        await savedFirst(entry);
        return toolbar.openTags(entry);
      case 'o':
        window.open(card.url, '_blank', 'noopener');
        return;
      case 'c':
        if (codeLinks[0]) window.open(codeLinks[0].url, '_blank', 'noopener');
        return;
      case 'x': {
        // The ring moves on to the next card, or to the one before when the hidden card was the last.
        const next = neighbour(1) ?? neighbour(-1);
        visibility.add('keyboard', 'hide', entry);
        focus(next);
        return;
      }
      default: {
        const status = READING_STATUSES[Number(key) - 1];
        if (!status) return;
        toolbar.mountNow(entry);
        await savedFirst(entry);
        await saved.update(entry, { set: { status } });
      }
    }
  };

  const onKey = (event: KeyboardEvent) => {
    if (!keyboardEnabled(page.settings, page.adapter.id) || page.cards.size < 2) return;
    const key = triageKey(event);
    if (!key || isTypingTarget(event.composedPath()[0] ?? event.target)) return;
    if (key === 'Escape') {
      if (!helpOpen && !focused) return;
      setHelp(false);
      focus(undefined);
    } else if (key === '?') {
      setHelp(!helpOpen);
    } else if (key === 'j' || key === 'k') {
      focus(step(key === 'j' ? 1 : -1));
    } else {
      if (!focused || !visibility.visible(focused)) return;
      const entry = focused;
      const run = () => act(key, entry).catch((error) => console.warn(`[Paperlight] the "${key}" key failed:`, error));
      // o, c and x act at once: a new tab opens only shortly after a key press, and the ring moves in key order.
      if (/[st1-4]/.test(key)) turn = turn.then(run);
      else void run();
    }
    // The key was Paperlight's: the site's own shortcuts do not also run.
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  // Along the shield: keys pressed while a toolbar button has the focus come here before the toolbar, as before.
  listenAlongShield(window, 'keydown', trusted(onKey) as (event: Event) => void, { capture: true, signal: page.signal });
  window.addEventListener('scroll', redraw, { capture: true, passive: true, signal: page.signal });
  window.addEventListener('resize', redraw, { passive: true, signal: page.signal });
  // Toolbars mounting and the site's re-renders move cards without a scroll; the page's height changes with them.
  const layout = new ResizeObserver(redraw);
  layout.observe(document.documentElement);
  page.on('cardGone', (entry) => {
    if (focused !== entry) return;
    focused = undefined;
    drawRing();
  });
  page.on('cards', (entries) => {
    focused ??= entries.find((entry) => entry.analysis.card.key === ringedKey);
    redraw();
  });
  page.on('visibility', redraw);
  page.on('settings', (settings) => {
    if (!keyboardEnabled(settings, page.adapter.id)) {
      setHelp(false);
      focus(undefined);
    }
  });
  page.signal.addEventListener('abort', () => {
    layout.disconnect();
    panel.replaceChildren();
  }, { once: true });
}
