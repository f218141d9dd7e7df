// The note editor of a saved card's toolbar: a textarea that stays disabled until the saved note is read into
// it, so nothing typed can be overwritten by it, and saves when the reader leaves it (or presses Ctrl+Enter), or
// leaves or hides the page with it still open.
import { trusted } from '../../trusted-events';
import { el, setAttributes } from '../../ui/dom';

/** The note field: waits for the saved note (so nothing typed can be overwritten by it), saves on leaving. */
export class NoteEditor {
  /** The note as saved, once read. */
  private note: string | null = null;
  private open = true;
  /** Ends the page listeners below when the editor closes. */
  private readonly listening = new AbortController();
  private readonly field = el('textarea', {
    'aria-label': 'Note',
    maxlength: 10_000,
    disabled: true,
    placeholder: 'Reading the note…',
    on: {
      blur: () => this.commit(),
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
    window.addEventListener('pagehide', trusted(() => this.commit()), { signal });
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

  close(): void {
    this.open = false;
    this.listening.abort();
  }

  private commit(): void {
    const draft = this.field.value;
    if (this.note === null || draft === this.note) return;
    this.note = draft;
    this.onSave(draft);
  }
}
