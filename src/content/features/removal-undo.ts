// "Removed · Undo": unsaving a paper from its card (the save button, or the keyboard command) moves it to the
// Trash, and the card says so for a few seconds with an Undo that takes it back exactly as it was (tags, note,
// status, dates), so one mis-click never loses work. The Trash itself is in the popup.
import type { CardEntry } from '../page-run';
import type { ContentPage } from '../session';
import type { CardToolbar } from './card-toolbar';
import type { SavedState } from './saved-state';

/** How long the card offers Undo. */
export const UNDO_MS = 8000;

export function removalUndo(page: ContentPage, { saved, toolbar }: { saved: SavedState; toolbar: CardToolbar }): void {
  const timers = new Map<CardEntry, ReturnType<typeof setTimeout>>();

  const clear = (entry: CardEntry) => {
    const timer = timers.get(entry);
    if (timer === undefined) return;
    clearTimeout(timer);
    timers.delete(entry);
    toolbar.setNotice(entry, null);
  };

  page.on('removed', ({ entry, paper }) => {
    clear(entry);
    toolbar.mountNow(entry);
    toolbar.setNotice(entry, {
      text: 'Removed',
      action: {
        label: 'Undo',
        run: async () => {
          await saved.restore(entry, paper.key);
          clear(entry);
        },
      },
    });
    timers.set(entry, setTimeout(() => clear(entry), UNDO_MS));
  });
  // Saved again (here, in another tab, from the popup's Trash): nothing left to undo.
  page.on('saved', (entries) => {
    for (const entry of entries) if (saved.of(entry)) clear(entry);
  });
  page.on('cardGone', (entry) => clear(entry));
  page.signal.addEventListener('abort', () => {
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  }, { once: true });
}
