// Only real input drives the content script's UI: every handler added through the in-page DOM helper ignores
// events a script made (happy-dom's events, like a page's `dispatchEvent`, are not trusted).
import { afterEach, describe, expect, it } from 'vitest';
import { trusted } from '../../../src/content/trusted-events';
import { el, listen } from '../../../src/content/ui/dom';
import { tagField } from '../../../src/content/ui/tag-field';

/** An event as the browser makes it from real input (`isTrusted` is read-only in browsers, not here). */
function real<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

afterEach(() => document.body.replaceChildren());

describe('trusted', () => {
  it('calls the handler for real events only', () => {
    const seen: string[] = [];
    const handler = trusted((event: Event) => seen.push(event.type));
    handler(new Event('click'));
    handler(real(new Event('keydown')));
    expect(seen).toEqual(['keydown']);
  });
});

describe('handlers of the in-page UI', () => {
  it('ignore synthetic events and take real ones, on built elements and added listeners alike', () => {
    const calls: string[] = [];
    const button = el('button', { on: { click: () => calls.push('save') } }, 'Save');
    const select = el('select', { on: { change: () => calls.push('status') } }, el('option', {}, 'a'));
    const bar = el('div', { on: { keydown: () => calls.push('keydown') } }, button, select);
    listen(bar, { focusout: () => calls.push('focusout') });
    document.body.append(bar);
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    select.dispatchEvent(new Event('change', { bubbles: true }));
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    bar.dispatchEvent(new FocusEvent('focusout'));
    expect(calls).toEqual([]);
    button.dispatchEvent(real(new MouseEvent('click', { bubbles: true })));
    button.dispatchEvent(real(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    bar.dispatchEvent(real(new FocusEvent('focusout')));
    expect(calls).toEqual(['save', 'keydown', 'focusout']);
  });

  it('cover the tag field too: a synthetic Enter adds no tag, a real one does', () => {
    const added: string[] = [];
    const field = tagField({ id: 't', label: 'Add a tag', placeholder: '', tags: [], exclude: [], onAdd: (tag) => added.push(tag) });
    document.body.append(field.element);
    field.input.value = 'planted';
    field.input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(added).toEqual([]);
    field.input.dispatchEvent(real(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(added).toEqual(['planted']);
  });
});
