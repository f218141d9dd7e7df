// Which key does what in the popup's list. Pure: a key event's fields in, a command out, so the mapping is
// tested without a DOM. Letters only count without Ctrl/Alt/Meta (the browser's own shortcuts stay theirs).

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export type ListCommand =
  | { type: 'move'; by: number; extend: boolean }
  | { type: 'moveTo'; to: 'first' | 'last'; extend: boolean }
  | { type: 'open' }
  | { type: 'edit' }
  | { type: 'toggleSelected' }
  | { type: 'selectAll' }
  | { type: 'delete' }
  | { type: 'undo' }
  | { type: 'escape' };

/** The command for a key pressed while the list has focus; `page` is the number of rows a page holds. */
export function listCommand(event: KeyLike, page: number): ListCommand | null {
  const extend = event.shiftKey;
  const command = event.ctrlKey || event.metaKey;
  if (event.altKey) return null;
  switch (event.key) {
    case 'ArrowDown': return command ? null : { type: 'move', by: 1, extend };
    case 'ArrowUp': return command ? null : { type: 'move', by: -1, extend };
    case 'PageDown': return { type: 'move', by: page, extend };
    case 'PageUp': return { type: 'move', by: -page, extend };
    case 'Home': return { type: 'moveTo', to: 'first', extend };
    case 'End': return { type: 'moveTo', to: 'last', extend };
    case 'Enter': return command || extend ? null : { type: 'open' };
    case ' ': return command ? null : { type: 'toggleSelected' };
    case 'Delete': return { type: 'delete' };
    // The Mac keyboard's "delete" key is Backspace; alone it would be too easy to hit, so it takes Cmd/Ctrl.
    case 'Backspace': return command ? { type: 'delete' } : null;
    case 'Escape': return { type: 'escape' };
  }
  const letter = event.key.length === 1 ? event.key.toLowerCase() : '';
  if (command && !extend && letter === 'a') return { type: 'selectAll' };
  if (command && !extend && letter === 'z') return { type: 'undo' };
  if (!command && letter === 'e') return { type: 'edit' };
  return null;
}

/** True for keys that the page as a whole answers anywhere but in a text field: `/` focuses the search. */
export function isSearchKey(event: KeyLike): boolean {
  return event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey;
}

/** Whether key presses go to a text field (where `/`, letters and Delete mean typing). */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
}
