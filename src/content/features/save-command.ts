// The keyboard command "Save (or unsave) the focused paper card" (Alt+Shift+S by default): the browser gives
// it to the background, which forwards it to the active tab; here it acts on the card holding the focus.
import { extensionApi as browser } from '../../shared/extension-api';
import { isCommandMessage } from '../../shared/commands';
import type { CardEntry } from '../page-run';
import type { ContentPage } from '../session';
import { focusedIn } from '../page-layer';
import { trusted } from '../trusted-events';
import type { CardToolbar } from './card-toolbar';
import type { SavedState } from './saved-state';

export function saveCommand(page: ContentPage, { saved, toolbar }: { saved: SavedState; toolbar: CardToolbar }): void {
  let focused: CardEntry | undefined;
  // Only real focus moves count: a page script's synthetic focusin must not choose the card a command acts on.
  document.addEventListener('focusin', trusted((event) => {
    focused = page.cards.around(event.target);
  }), { signal: page.signal });
  page.on('cardGone', (entry) => {
    if (focused === entry) focused = undefined;
  });

  const receive = (message: unknown): undefined => {
    if (!isCommandMessage(message) || message.command !== 'save-focused-card') return undefined;
    const entry = focused ?? page.cards.around(document.activeElement);
    if (entry) {
      // A field of a toolbar with the focus (the note, the tag field) keeps what it holds before an unsave, as
      // leaving it does: the paper goes to the Trash with it.
      const field = focusedIn(document.activeElement!) as HTMLElement | null; // null outside Paperlight's roots
      if (field?.matches('input, textarea')) field.blur();
      toolbar.mountNow(entry);
      saved.toggle(entry).catch((error) => console.warn('[Paperlight] the save command failed:', error));
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(receive);
  page.signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(receive), { once: true });
}
