// The shield (src/content/shield/shield.ts) in happy-dom: events aimed at one of Paperlight's hosts reach no
// listener of the page, the content script's own window listeners and the UI inside the closed root still get them
// (the UI as a copy its handlers take as real), and nothing else is touched. happy-dom neither retargets an event
// leaving a shadow root nor lays anything out: events are dispatched at the host, as the window sees them in a
// browser, and the pointer's part (the element under the pointer) is left to test/e2e/shield.e2e.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { shieldRegistry, listenAlongShield } from '../../../src/content/shield/registry';
import { copyOf, installShield, SHIELDED_EVENTS } from '../../../src/content/shield/shield';
import { trusted } from '../../../src/content/trusted-events';
import { listen } from '../../../src/content/ui/dom';

/** An event as the browser makes it from real input (`isTrusted` is read-only in browsers, not here). */
function real<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

const registry = shieldRegistry();
const pageHeard: string[] = [];

beforeAll(() => {
  installShield(registry);
  // The page's listeners come after the shield's (it runs at document_start): every phase, every level.
  for (const type of [...SHIELDED_EVENTS, 'focusin']) {
    for (const capture of [true, false]) {
      window.addEventListener(type, (e) => pageHeard.push(`window ${e.type}`), capture);
      document.addEventListener(type, (e) => pageHeard.push(`document ${e.type}`), capture);
    }
  }
});

/** A host of ours in the page with a closed root holding `inner`, registered as page-layer.ts does. */
function hostWith(inner: HTMLElement): HTMLElement {
  const host = document.createElement('paperlight-card');
  const root = host.attachShadow({ mode: 'closed' });
  registry.roots.set(host, root);
  root.append(inner);
  document.body.append(host);
  return host;
}

describe('the shield', () => {
  it('keeps keys typed in our field from the page, and hands them to the field as real events', () => {
    const input = document.createElement('input');
    const seen: string[] = [];
    listen(input, { keydown: (e) => seen.push(`keydown ${e.key}`), input: () => seen.push('input') });
    const host = hostWith(input);
    input.focus();
    pageHeard.length = 0;
    host.dispatchEvent(real(new KeyboardEvent('keydown', { key: 's', bubbles: true, cancelable: true, composed: true })));
    host.dispatchEvent(real(new InputEvent('input', { data: 's', bubbles: true, composed: true })));
    host.dispatchEvent(real(new KeyboardEvent('keyup', { key: 's', bubbles: true, composed: true })));
    expect(pageHeard).toEqual([]);
    expect(seen).toEqual(['keydown s', 'input']);
  });

  it('keeps every event of its list aimed at a host from the page: drops, touches, pastes and the rest', () => {
    const host = hostWith(document.createElement('textarea'));
    pageHeard.length = 0;
    // The four it hands on to the UI need a focus or a layout: keys and input above, presses and clicks in
    // test/e2e/shield.e2e.test.ts; every other one here.
    const kept = SHIELDED_EVENTS.filter((type) => !['keydown', 'input', 'mousedown', 'click'].includes(type));
    for (const type of kept) host.dispatchEvent(real(new Event(type, { bubbles: true, composed: true })));
    expect(SHIELDED_EVENTS).toEqual(expect.arrayContaining(['drop', 'dragover', 'paste', 'touchstart', 'compositionend', 'beforeinput']));
    expect(pageHeard).toEqual([]);
  });

  it('cancels the real event when the UI cancels its copy (Enter adding a tag), and never on its own', () => {
    const input = document.createElement('input');
    listen(input, { keydown: (e) => e.key === 'Enter' && e.preventDefault() });
    const host = hostWith(input);
    input.focus();
    const enter = real(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, composed: true }));
    const letter = real(new KeyboardEvent('keydown', { key: 'a', bubbles: true, cancelable: true, composed: true }));
    host.dispatchEvent(enter);
    host.dispatchEvent(letter);
    expect([enter.defaultPrevented, letter.defaultPrevented]).toEqual([true, false]);
  });

  it('calls the content script\'s own window listeners first, and a key they take does not reach the UI', () => {
    const signal = new AbortController();
    const input = document.createElement('input');
    const order: string[] = [];
    listen(input, { keydown: (e) => order.push(`field ${e.key}`) });
    listenAlongShield(window, 'keydown', (e) => {
      order.push(`triage ${(e as KeyboardEvent).key}`);
      if ((e as KeyboardEvent).key === 'j') e.preventDefault();
    }, { capture: true, signal: signal.signal });
    const host = hostWith(input);
    input.focus();
    for (const key of ['a', 'j']) host.dispatchEvent(real(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true })));
    signal.abort();
    host.dispatchEvent(real(new KeyboardEvent('keydown', { key: 'b', bubbles: true, cancelable: true, composed: true })));
    expect(order).toEqual(['triage a', 'field a', 'triage j', 'field b']);
  });

  it('stops a page\'s own events at a host without handing them to the UI', () => {
    pageHeard.length = 0;
    const input = document.createElement('input');
    const seen: string[] = [];
    input.addEventListener('keydown', () => seen.push('any keydown'));
    const host = hostWith(input);
    input.focus();
    pageHeard.length = 0;
    host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    expect([pageHeard, seen]).toEqual([[], []]);
  });

  it('stops the caret\'s selectionchange while our field has the focus, and lets the page\'s own through', () => {
    const input = document.createElement('input');
    hostWith(input);
    input.focus();
    pageHeard.length = 0;
    document.dispatchEvent(real(new Event('selectionchange')));
    input.blur();
    document.dispatchEvent(real(new Event('selectionchange')));
    expect(pageHeard).toEqual(['window selectionchange', 'document selectionchange', 'document selectionchange']);
  });

  it('lets through what is not aimed at a host of ours, and focus moves (they name the host only)', () => {
    const button = document.createElement('button');
    document.body.append(button);
    const input = document.createElement('input');
    hostWith(input);
    pageHeard.length = 0;
    button.dispatchEvent(real(new MouseEvent('click', { bubbles: true, composed: true })));
    input.dispatchEvent(real(new FocusEvent('focusin', { bubbles: true, composed: true })));
    expect(pageHeard).toEqual(['window click', 'document click', 'document click', 'window click', 'window focusin', 'document focusin', 'document focusin', 'window focusin']);
  });
});

describe('copyOf', () => {
  it('keeps what the UI reads, and stays inside the root (not composed)', () => {
    const key = copyOf(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', ctrlKey: true, bubbles: true, cancelable: true, composed: true })) as KeyboardEvent;
    expect([key.type, key.key, key.code, key.ctrlKey, key.bubbles, key.cancelable, key.composed]).toEqual(['keydown', 'Enter', 'Enter', true, true, true, false]);
    const press = copyOf(new MouseEvent('mousedown', { button: 2, clientX: 7, clientY: 9, detail: 1, bubbles: true, composed: true })) as MouseEvent;
    expect([press.type, press.button, press.clientX, press.clientY, press.detail, press.composed]).toEqual(['mousedown', 2, 7, 9, 1, false]);
    const input = copyOf(new InputEvent('input', { data: 'x', inputType: 'insertText', bubbles: true, composed: true })) as InputEvent;
    expect([input.data, input.inputType, input.composed]).toEqual(['x', 'insertText', false]);
  });

  it('is taken as real by the UI\'s handlers only once the shield relayed it', () => {
    const seen: string[] = [];
    const handler = trusted((e: Event) => seen.push(e.type));
    const copy = copyOf(new KeyboardEvent('keydown', { key: 'a' }));
    handler(copy);
    registry.relayed.add(copy);
    handler(copy);
    expect(seen).toEqual(['keydown']);
  });
});
