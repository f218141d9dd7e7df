// The note editor of a saved card's toolbar: a textarea that stays disabled until the saved note is read into
// it, so nothing typed can be overwritten by it, and saves when the reader leaves it (or presses Ctrl+Enter),
// pauses typing, closes it, or leaves or hides the page with it still open.
import { trusted } from '../../trusted-events';
import { el, setAttributes } from '../../ui/dom';

/** How long typing pauses before what was typed is saved. */
export const NOTE_PAUSE_MS = 1000;

/** The note field: waits for the saved note (so nothing typed can be overwritten by it), saves on leaving. */
export class NoteEditor {
  /** The note as saved, once read. */
  private note: string | null = null;
  private open = true;
  /** The save waiting for a pause in the typing. */
  private pause: ReturnType<typeof setTimeout> | undefined;
  /** Ends the page listeners below when the editor closes. */
  private readonly listening = new AbortController();
  private readonly leave = trusted(() => this.commit());
  private readonly field = el('textarea', {
    'aria-label': 'Note',
    maxlength: 10_000,
    disabled: true,
    placeholder: 'Reading the note…',
    on: {
      blur: () => this.commit(),
      // Saved once the typing pauses, too: Firefox drops a message sent while its tab closes, so the pagehide
      // save below cannot keep a note there (test/e2e/note-firefox.e2e.test.ts).
      // A tab closed within that second is too late for pagehide in Firefox, but not for beforeunload, which a
      // closing tab fires first. It is listened to only while something typed is unsaved: in Firefox a page with a
      // beforeunload listener is not kept in the back-forward cache.
      input: () => {
        clearTimeout(this.pause);
        this.pause = setTimeout(() => this.commit(), NOTE_PAUSE_MS);
        addEventListener('beforeunload', this.leave);
      },
      keydown: (e) => {
        e.stopPropagation();
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) this.commit();
      },
    },
  });
  readonly element = el('div', { style: 'flex-basis: 100%' }, this.field, el('span', { class: 'hint' }, 'Saved when you leave the field (or Ctrl+Enter).'));

  constructor(load: () => Promise<string>, private readonly onSave: (note: string) => void) {
    // Leaving the page with the note still focused (a reload, closing the tab) fires no blur, and hiding it (another
    // tab) may not either: what was typed is saved then too.
    const { signal } = this.listening;
    addEventListener('pagehide', this.leave, { signal });
    document.addEventListener('visibilitychange', trusted(() => document.visibilityState === 'hidden' && this.commit()), { signal });
    load().then((text) => {
      if (!this.open) return;
      this.note = text;
      this.field.value = text;
      setAttributes(this.field, { disabled: false, placeholder: '' });
    }, () => {
      if (this.open) setAttributes(this.field, { placeholder: 'The note could not be read: close and open it again.' });
    });
  }

  /** Closes the editor, saving what was typed and not saved yet (the card may be going away: no blur comes then). */
  close(): void {
    this.commit(); // ends the pause and the beforeunload listener too
    this.open = false;
    this.listening.abort();
  }

  private commit(): void {
    clearTimeout(this.pause);
    removeEventListener('beforeunload', this.leave);
    const draft = this.field.value;
    if (this.note === null || draft === this.note) return;
    this.note = draft;
    this.onSave(draft);
  }
}
