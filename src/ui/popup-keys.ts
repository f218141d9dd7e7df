// The popup's own keyboard shortcuts, in one list: the popup's help and the options page both show it.
export interface KeyHelp {
  /** Alternatives, each a key combination: [['Shift', '↑'], ['Shift', '↓']] reads "Shift+↑ or Shift+↓". */
  keys: string[][];
  action: string;
}

export const POPUP_KEYS: readonly KeyHelp[] = [
  { keys: [['/']], action: 'Go to the search box' },
  { keys: [['↑'], ['↓']], action: 'Move through the list (also Home, End, Page Up, Page Down); ↓ from the search box enters it, ↑ from the top leaves it' },
  { keys: [['Enter']], action: 'Open the paper in a new tab' },
  { keys: [['E']], action: 'Edit the paper’s tags, status and note' },
  { keys: [['Space']], action: 'Select or unselect the paper' },
  { keys: [['Shift', '↑'], ['Shift', '↓']], action: 'Extend the selection' },
  { keys: [['Ctrl', 'A']], action: 'Select every paper shown; again, select none' },
  { keys: [['Delete'], ['Ctrl', 'Backspace']], action: 'Delete the paper, or the selected papers (they wait 30 days in the Trash)' },
  { keys: [['Ctrl', 'Z']], action: 'Undo the last delete or change of tags on selected papers' },
  { keys: [['↑'], ['↓']], action: 'In the Trash: move from paper to paper (also Home, End); Tab reaches each paper’s Restore and Delete for ever' },
  { keys: [['Esc']], action: 'Close the editor, then clear the selection, then the search; in the Trash, go back to the library' },
];
