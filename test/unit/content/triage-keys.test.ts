// Which key presses keyboard triage takes, and which targets count as typing; and the local day of the memory.
import { describe, expect, it } from 'vitest';
import { isTypingTarget, triageKey } from '../../../src/content/features/keyboard-triage';
import { localDay } from '../../../src/content/features/reading-memory';
import { closedHost } from '../../../src/content/page-layer';
import { el } from '../../../src/content/ui/dom';

const press = (key: string, mods: Partial<Record<'ctrlKey' | 'altKey' | 'metaKey' | 'shiftKey' | 'isComposing', boolean>> = {}) =>
  triageKey({ key, ctrlKey: false, altKey: false, metaKey: false, shiftKey: false, isComposing: false, ...mods });

describe('triageKey', () => {
  it('takes the triage keys pressed alone', () => {
    expect(['j', 'k', 's', 't', '1', '2', '3', '4', 'o', 'c', 'x', 'Escape'].map((key) => press(key)))
      .toEqual(['j', 'k', 's', 't', '1', '2', '3', '4', 'o', 'c', 'x', 'Escape']);
  });

  it('takes ? with Shift (how most layouts type it), and no other key with a modifier', () => {
    expect(press('?', { shiftKey: true })).toBe('?');
    expect(press('J', { shiftKey: true })).toBeUndefined();
    expect(press('s', { ctrlKey: true })).toBeUndefined();
    expect(press('s', { metaKey: true })).toBeUndefined();
    expect(press('1', { altKey: true })).toBeUndefined();
    expect(press('?', { ctrlKey: true, shiftKey: true })).toBeUndefined();
    expect(press('j', { isComposing: true })).toBeUndefined();
  });

  it('ignores every other key', () => {
    expect(['a', '5', '0', 'Enter', ' ', 'ArrowDown', 'jj'].map((key) => press(key))).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('isTypingTarget', () => {
  it('counts fields, editable text, search and combo boxes, and Paperlight\'s own hosts as typing', () => {
    document.body.innerHTML = `
      <input id="search" type="search"><textarea id="area"></textarea><select id="pick"></select>
      <div id="editable" contenteditable="true"></div><div id="box" role="searchbox"></div>
      <paperlight-card id="ours"></paperlight-card><a id="link" href="#">x</a><div id="plain"></div>`;
    const typing = (id: string) => isTypingTarget(document.getElementById(id));
    expect(['search', 'area', 'pick', 'box', 'ours'].map(typing)).toEqual([true, true, true, true, true]);
    expect(['link', 'plain'].map(typing)).toEqual([false, false]);
    expect(isTypingTarget(document)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });

  it('inside Paperlight\'s closed roots, asks what has the focus there: a button lets the keys through, a field does not', () => {
    document.body.replaceChildren();
    const { host, container } = closedHost('paperlight-card', '');
    const [button, tagField, note, status] = [el('button', {}, '★ Saved'), el('input', { type: 'text' }), el('textarea'), el('select')];
    container.append(button, tagField, note, status);
    document.body.append(host);
    // The window's listener sees the host as the target: the control inside is hidden by the closed root.
    const typingWith = (control: HTMLElement) => (control.focus(), isTypingTarget(host));
    expect([button, tagField, note, status].map(typingWith)).toEqual([false, true, true, true]);
  });
});

describe('localDay', () => {
  it('is the local calendar day of an instant', () => {
    expect(localDay(new Date(2026, 2, 2, 23, 59).getTime())).toBe('2026-03-02');
    expect(localDay(new Date(2026, 2, 3, 0, 0).getTime())).toBe('2026-03-03');
    expect(localDay(new Date(2026, 11, 31, 12).getTime())).toBe('2026-12-31');
  });
});
