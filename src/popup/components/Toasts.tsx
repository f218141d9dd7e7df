// The undo offer after a delete, and error notices. Both stay a while and can be dismissed; the undo offer
// goes when it expires or a newer delete replaces it (Ctrl+Z works while it shows).
import { useEffect } from 'preact/hooks';
import { CloseIcon } from '../../ui/icons';
import type { Notice, UndoOffer } from '../state';

const UNDO_SHOWN_MS = 12_000;
const NOTICE_SHOWN_MS = 10_000;

interface ToastsProps {
  undo: UndoOffer | null;
  notice: Notice | null;
  onUndo(): void;
  onUndoGone(): void;
  onDismissNotice(): void;
  /** A toast's × was pressed: its button is gone with it (the page moves the focus on). */
  onDismissed(): void;
}

export function Toasts({ undo, notice, onUndo, onUndoGone, onDismissNotice, onDismissed }: ToastsProps) {
  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(onUndoGone, UNDO_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [undo?.id]);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(onDismissNotice, NOTICE_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [notice?.id]);
  return (
    <div class="toasts">
      {notice && (
        <div class={`toast ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : undefined}>
          <span class="toast-text">{notice.text}</span>
          <button type="button" class="button icon quiet" aria-label="Dismiss" onClick={() => {
            onDismissNotice();
            onDismissed();
          }}><CloseIcon /></button>
        </div>
      )}
      {undo && (
        <div class="toast undo">
          <span class="toast-text">{undo.message}</span>
          <button type="button" class="button undo-button" onClick={onUndo}>Undo</button>
          <button type="button" class="button icon quiet" aria-label="Dismiss" onClick={() => {
            onUndoGone();
            onDismissed();
          }}><CloseIcon /></button>
        </div>
      )}
    </div>
  );
}
