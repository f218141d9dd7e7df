// The keys of keyboard triage on listing pages, in one list: the options page lists them, and so does the help
// the `?` key opens on a page.
import type { KeyHelp } from './popup-keys';

export const TRIAGE_KEYS: readonly KeyHelp[] = [
  { keys: [['J'], ['K']], action: 'Move to the next or the previous card (J takes the first when none has the focus ring)' },
  { keys: [['S']], action: 'Save the card, or unsave it (it waits 30 days in the Trash)' },
  { keys: [['T']], action: 'Add a tag' },
  { keys: [['1'], ['2'], ['3'], ['4']], action: 'Set the status: to read, reading, read, skip' },
  { keys: [['O']], action: 'Open the paper' },
  { keys: [['C']], action: 'Open its first code link' },
  { keys: [['X']], action: 'Hide the card on this page' },
  { keys: [['?']], action: 'Show these keys' },
];
