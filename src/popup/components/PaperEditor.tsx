// The active paper's details, edited in place: status (saved at once), tags (added with autocomplete, removed
// with their × buttons) and the note (saved a moment after typing stops, and when the editor closes or moves
// on to another paper). Open and Delete are here too, for the mouse.
import { useEffect, useRef, useState } from 'preact/hooks';
import { READING_STATUSES, shownVenue, venueLink, type SavedPaper } from '../../core/paper';
import { CloseIcon, ExternalIcon, TrashIcon } from '../../ui/icons';
import { TagField } from '../../ui/TagField';
import type { TagUse } from '../../ui/tag-suggest';
import type { PaperEdit } from '../controller';
import { STATUS_LABELS, authorsLine, codeLinkLabel } from '../format';

const NOTE_SAVE_DELAY_MS = 700;

interface PaperEditorProps {
  paper: SavedPaper;
  siteName: string;
  tags: readonly TagUse[];
  /** Focus the tag field when the editor opens from the keyboard. */
  focusTags: boolean;
  onEdit(key: string, edit: PaperEdit): Promise<unknown>;
  onOpen(key: string): void;
  onDelete(key: string): void;
  onClose(): void;
}

export function PaperEditor({ paper, siteName, tags, focusTags, onEdit, onOpen, onDelete, onClose }: PaperEditorProps) {
  const [note, setNote] = useState(paper.note);
  const [noteState, setNoteState] = useState<'saved' | 'editing' | 'saving'>('saved');
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; note: string } | null>(null);
  const current = useRef(paper);
  current.current = paper;

  const saveNote = (text: string) => {
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = null;
    if (text === current.current.note) {
      setNoteState('saved');
      return;
    }
    setNoteState('saving');
    void onEdit(current.current.key, { set: { note: text } }).then(() => setNoteState('saved'));
  };

  // Another tab may edit the note; take its text unless the user is typing here.
  useEffect(() => {
    if (!pending.current) setNote(paper.note);
  }, [paper.note]);

  // Leaving the paper (editor closed, or another paper made active) saves what was typed.
  useEffect(() => () => {
    if (pending.current) saveNote(pending.current.note);
  }, []);

  const onNoteInput = (text: string) => {
    setNote(text);
    setNoteState('editing');
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = { note: text, timer: setTimeout(() => saveNote(text), NOTE_SAVE_DELAY_MS) };
  };

  // A tag's × button goes with its tag: the focus moves to the next tag's button (else the previous one's, else the
  // tag field) once the tag is gone, rather than falling to the page's body.
  const tagsBox = useRef<HTMLDivElement>(null);
  const focusAfterRemoval = useRef<number | null>(null);
  useEffect(() => {
    const index = focusAfterRemoval.current;
    if (index === null || !tagsBox.current) return;
    focusAfterRemoval.current = null;
    const buttons = tagsBox.current.querySelectorAll<HTMLButtonElement>('.chip-remove');
    (buttons[Math.min(index, buttons.length - 1)] ?? tagsBox.current.querySelector<HTMLInputElement>('input'))?.focus();
  }, [paper.tags]);
  const removeTag = (tag: string, index: number) => {
    focusAfterRemoval.current = index;
    void onEdit(paper.key, { removeTags: [tag] });
  };

  const venue = shownVenue(paper.venues);
  const fieldId = (name: string) => `editor-${name}`;
  return (
    <section class="editor" aria-label={`Edit “${paper.title}”`} onKeyDown={(event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        onClose();
      }
    }}>
      <header class="editor-head">
        <div class="editor-title-block">
          <h2 class="editor-title" title={paper.title}>{paper.title || 'Untitled paper'}</h2>
          <p class="editor-meta">{authorsLine(paper.authors, 6)} · {siteName}{paper.published ? ` · ${paper.published}` : ''}</p>
          {venue && (
            <p class="editor-meta editor-venue">
              {'Published at '}
              {venueLink(venue)
                ? <a href={venueLink(venue)} target="_blank" rel="noopener noreferrer">{venue.name}</a>
                : venue.name}
              {venue.decision ? ` (${venue.decision})` : ''}
            </p>
          )}
        </div>
        <button type="button" class="button icon quiet" aria-label="Close the editor" title="Close (Esc)" onClick={onClose}><CloseIcon /></button>
      </header>

      <fieldset class="editor-status">
        <legend class="sr-only">Reading status</legend>
        <span class="editor-label" aria-hidden="true">Status</span>
        <div class="segmented">
          {READING_STATUSES.map((status) => (
            <label key={status} class={paper.status === status ? 'on' : undefined}>
              <input
                type="radio"
                name="editor-status"
                value={status}
                checked={paper.status === status}
                onChange={() => void onEdit(paper.key, { set: { status } })}
              />
              {STATUS_LABELS[status]}
            </label>
          ))}
        </div>
      </fieldset>

      <div class="editor-tags" ref={tagsBox}>
        <span class="editor-label" id={fieldId('tags-label')}>Tags</span>
        <ul class="tag-list" aria-labelledby={fieldId('tags-label')}>
          {paper.tags.map((tag, i) => (
            <li key={tag} class="chip">
              <span>{tag}</span>
              <button type="button" class="chip-remove" aria-label={`Remove tag ${tag}`} onClick={() => removeTag(tag, i)}>×</button>
            </li>
          ))}
        </ul>
        <TagField
          id={fieldId('tag-input')}
          label="Add a tag"
          tags={tags}
          exclude={paper.tags}
          autoFocus={focusTags}
          onAdd={(tag) => void onEdit(paper.key, { addTags: [tag] })}
        />
      </div>

      <div class="editor-note">
        <label class="editor-label" for={fieldId('note')}>Note</label>
        <textarea
          id={fieldId('note')}
          rows={2}
          maxLength={100_000}
          placeholder="Why it matters, what to check…"
          value={note}
          onInput={(event) => onNoteInput(event.currentTarget.value)}
          onBlur={() => pending.current && saveNote(pending.current.note)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) saveNote(event.currentTarget.value);
            event.stopPropagation();
            if (event.key === 'Escape') onClose();
          }}
        />
        <span class="note-state" aria-live="polite">{noteState === 'saved' ? (paper.note ? 'Saved' : '') : noteState === 'saving' ? 'Saving…' : 'Editing…'}</span>
      </div>

      {/* Shown where there is room for it: the page opened as a tab. */}
      {paper.abstract && <p class="editor-abstract">{paper.abstract}</p>}

      <footer class="editor-actions">
        {paper.codeLinks.length > 0 && (
          <span class="editor-code">Code: {paper.codeLinks.slice(0, 2).map((url) => (
            <a key={url} href={url} target="_blank" rel="noopener noreferrer">{codeLinkLabel(url)}</a>
          ))}</span>
        )}
        <span class="spacer" />
        <button type="button" class="button danger" onClick={() => onDelete(paper.key)}><TrashIcon />Delete</button>
        <button type="button" class="button primary" onClick={() => onOpen(paper.key)}><ExternalIcon />Open</button>
      </footer>
    </section>
  );
}
