import { describe, expect, it } from 'vitest';
import { isSearchKey, isTextField, listCommand, type KeyLike } from '../../../src/popup/keyboard';
import { keyAfterRemoval, movedKey, rangeBetween } from '../../../src/popup/selection';
import { rowsPerPage, scrollToReveal, visibleRange } from '../../../src/popup/virtual-window';

describe('visibleRange and scrollToReveal', () => {
  it('renders the rows in view plus the overscan, clamped to the list', () => {
    expect(visibleRange(0, 400, 80, 10_000, 6)).toEqual({ start: 0, end: 11 });
    expect(visibleRange(80 * 5000 + 40, 400, 80, 10_000, 6)).toEqual({ start: 4994, end: 5012 });
    expect(visibleRange(80 * 9999, 400, 80, 10_000, 6)).toEqual({ start: 9993, end: 10_000 });
    expect(visibleRange(0, 400, 80, 0)).toEqual({ start: 0, end: 0 });
    expect(visibleRange(-50, 0, 80, 3, 0)).toEqual({ start: 0, end: 1 });
  });

  it('scrolls just enough to bring a row fully into view', () => {
    expect(scrollToReveal(0, 160, 400, 80)).toBe(0);
    expect(scrollToReveal(10, 0, 400, 80)).toBe(880 - 400);
    expect(scrollToReveal(3, 0, 400, 80)).toBeNull();
    expect(scrollToReveal(4, 0, 400, 80)).toBeNull();
    expect(scrollToReveal(5, 0, 400, 80)).toBe(80);
    expect(rowsPerPage(400, 80)).toBe(5);
    expect(rowsPerPage(10, 80)).toBe(1);
  });
});

describe('selection helpers', () => {
  const keys = ['a', 'b', 'c', 'd', 'e'];

  it('moves the active key within the list', () => {
    expect(movedKey(keys, 'b', 1)).toBe('c');
    expect(movedKey(keys, 'b', -5)).toBe('a');
    expect(movedKey(keys, 'd', 10)).toBe('e');
    expect(movedKey(keys, 'zz', 1)).toBe('a');
    expect(movedKey(keys, null, -1)).toBe('e');
    expect(movedKey([], 'a', 1)).toBeNull();
  });

  it('selects ranges in either direction', () => {
    expect(rangeBetween(keys, 'b', 'd')).toEqual(['b', 'c', 'd']);
    expect(rangeBetween(keys, 'd', 'b')).toEqual(['b', 'c', 'd']);
    expect(rangeBetween(keys, null, 'c')).toEqual(['c']);
    expect(rangeBetween(keys, 'a', 'gone')).toEqual([]);
  });

  it('moves past removed rows, or back when the end was removed', () => {
    expect(keyAfterRemoval(keys, 'b', new Set(['b']))).toBe('c');
    expect(keyAfterRemoval(keys, 'b', new Set(['b', 'c']))).toBe('d');
    expect(keyAfterRemoval(keys, 'e', new Set(['d', 'e']))).toBe('c');
    expect(keyAfterRemoval(keys, 'a', new Set(['c']))).toBe('a');
    expect(keyAfterRemoval(keys, 'a', new Set(keys))).toBeNull();
  });
});

describe('keyboard', () => {
  const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

  it('maps list keys to commands', () => {
    expect(listCommand(key('ArrowDown'), 5)).toEqual({ type: 'move', by: 1, extend: false });
    expect(listCommand(key('ArrowUp', { shiftKey: true }), 5)).toEqual({ type: 'move', by: -1, extend: true });
    expect(listCommand(key('PageDown'), 5)).toEqual({ type: 'move', by: 5, extend: false });
    expect(listCommand(key('End', { shiftKey: true }), 5)).toEqual({ type: 'moveTo', to: 'last', extend: true });
    expect(listCommand(key('Enter'), 5)).toEqual({ type: 'open' });
    expect(listCommand(key(' '), 5)).toEqual({ type: 'toggleSelected' });
    expect(listCommand(key('Delete'), 5)).toEqual({ type: 'delete' });
    expect(listCommand(key('Backspace', { metaKey: true }), 5)).toEqual({ type: 'delete' });
    expect(listCommand(key('a', { ctrlKey: true }), 5)).toEqual({ type: 'selectAll' });
    expect(listCommand(key('Z', { metaKey: true }), 5)).toEqual({ type: 'undo' });
    expect(listCommand(key('e'), 5)).toEqual({ type: 'edit' });
    expect(listCommand(key('Escape'), 5)).toEqual({ type: 'escape' });
  });

  it('leaves the browser its own shortcuts and ignores stray keys', () => {
    expect(listCommand(key('Backspace'), 5)).toBeNull();
    expect(listCommand(key('e', { ctrlKey: true }), 5)).toBeNull();
    expect(listCommand(key('ArrowDown', { altKey: true }), 5)).toBeNull();
    expect(listCommand(key('Enter', { ctrlKey: true }), 5)).toBeNull();
    expect(listCommand(key('x'), 5)).toBeNull();
  });

  it('knows `/` and text fields', () => {
    expect(isSearchKey(key('/'))).toBe(true);
    expect(isSearchKey(key('/', { ctrlKey: true }))).toBe(false);
    const text = document.createElement('input');
    const box = document.createElement('input');
    box.type = 'checkbox';
    expect([isTextField(text), isTextField(box), isTextField(document.createElement('textarea')), isTextField(document.body)])
      .toEqual([true, false, true, false]);
  });
});
