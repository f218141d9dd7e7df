// A modal dialog on the native <dialog>: the browser traps focus inside it, closes it on Escape and restores
// focus afterwards. `onClose` runs when the browser closes it (Escape); buttons call their own handlers, which
// unmount it.
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

interface DialogProps {
  title: string;
  onClose(): void;
  children: ComponentChildren;
  /** Buttons at the bottom. */
  actions?: ComponentChildren;
  class?: string;
}

let nextId = 1;

export function Dialog({ title, onClose, children, actions, class: className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useRef(`dialog-title-${nextId++}`).current;
  // A layout effect, for its cleanup: preact runs it while the dialog is still in the document, so close() hands the
  // focus back to where it was. A passive effect's cleanup runs after the dialog was removed, and a dialog removed
  // while open leaves the focus on the page's body (a button that closed it: Cancel, Download, Close).
  useLayoutEffect(() => {
    const dialog = ref.current!;
    if (typeof dialog.showModal === 'function' && !dialog.open) dialog.showModal();
    else dialog.setAttribute('open', '');
    const closed = () => onClose();
    dialog.addEventListener('close', closed);
    return () => {
      dialog.removeEventListener('close', closed);
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
    };
  }, []);
  return (
    <dialog ref={ref} class={`dialog ${className ?? ''}`} aria-labelledby={titleId}>
      <div class="dialog-body">
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
      {actions && <div class="dialog-actions">{actions}</div>}
    </dialog>
  );
}
