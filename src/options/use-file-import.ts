// The options page's two imports (a Paperlight backup; a library from another tool) follow one flow: a file is
// chosen (or text pasted), the background answers a dry run that is shown as a preview, and only the user's
// confirmation imports it. The file stays with the page (a blob: URL the background reads) until the preview is
// cancelled, replaced or imported. Any refusal is shown in the background's own words, and changes nothing.
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '../ui/text';

/** How the file reaches the background: a blob: URL of the page, or the text itself (pasted text). */
export type ImportSource = { file: string } | { text: string };

export interface PendingImport<Choice, Reply> {
  /** What the user chose, as shown: the file's name, or "the pasted text". */
  name: string;
  /** The chosen file's name (none for pasted text). */
  fileName?: string;
  source: ImportSource;
  /** Frees the blob: URL (nothing for pasted text). */
  release(): void;
  /** The user's choice that the preview was made with (merge or replace; the file's format). */
  choice: Choice;
  /** The dry run's answer, once it came. */
  preview: Reply | null;
}

export interface ImportMessage {
  text: string;
  kind: 'error' | 'info';
  /** The token that undoes the import just made (imports from other tools). */
  undo?: string;
}

export interface FileImportOptions<Choice, Reply> {
  /** Sends the import for `source` (the file `fileName`, if one was chosen) with `choice`; a dry run only answers what it would do. */
  send(source: ImportSource, choice: Choice, dryRun: boolean, fileName?: string): Promise<Reply>;
  /** What to say once the import is done. */
  done(reply: Reply): ImportMessage;
  /** Called after the library changed (the import, or work given to `run`). */
  onChanged(): void;
}

/** Where the focus goes after an action, when the control that started it is gone or stays disabled. */
export type FocusTarget = 'preview' | 'message' | 'heading';

export function useFileImport<Choice, Reply>(options: FileImportOptions<Choice, Reply>) {
  const [pending, setPending] = useState<PendingImport<Choice, Reply> | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<ImportMessage | null>(null);

  // The section's controls are disabled while it is busy, and an action may remove the one pressed (Import, Cancel,
  // Undo): a browser then leaves the focus on the page's body, and a keyboard or screen-reader user must start
  // again from the top. Once the action is over, a focus left on the body goes back to the control that started it
  // if it is there and enabled again, else to the preview, the message (which says what happened) or the heading.
  const refs = { preview: useRef<HTMLDivElement>(null), message: useRef<HTMLParagraphElement>(null), heading: useRef<HTMLHeadingElement>(null) };
  const focusAfter = useRef<{ from: Element | null; to: FocusTarget; back: boolean } | null>(null);
  /** `backToControl` false: the control goes with the action (a list entry undone), so the focus goes to `to`. */
  const moveFocusAfter = (to: FocusTarget, backToControl = true) => {
    focusAfter.current = { from: document.activeElement, to, back: backToControl };
  };
  useEffect(() => {
    const wanted = focusAfter.current;
    if (!wanted || busy) return;
    focusAfter.current = null;
    const usable = (element: Element | null): element is HTMLElement =>
      !!element && element !== document.body && element.isConnected && !element.matches(':disabled');
    const now = document.activeElement;
    // The person moved on to another control, or stays on one that stays: leave the focus where it is.
    if (usable(now) && (now !== wanted.from || wanted.back)) return;
    if (wanted.back && usable(wanted.from)) wanted.from.focus();
    else (refs[wanted.to].current ?? refs.message.current ?? refs.heading.current)?.focus();
  });

  /** Runs `task` with the section busy; an error becomes the section's message. */
  const run = async (task: () => Promise<void>) => {
    if (!focusAfter.current) moveFocusAfter('message');
    setBusy(true);
    try {
      await task();
    } catch (error) {
      // The background's own words: it says what is wrong with the file and where.
      setMessage({ text: errorText(error), kind: 'error' });
    } finally {
      setBusy(false);
    }
  };

  /** Asks for the dry run of `next` and shows it; a file refused is let go, with the reason shown. */
  const preview = async (next: Omit<PendingImport<Choice, Reply>, 'preview'>) => {
    moveFocusAfter('preview');
    setPending({ ...next, preview: null });
    setMessage(null);
    await run(async () => {
      try {
        setPending({ ...next, preview: await options.send(next.source, next.choice, true) });
      } catch (error) {
        next.release();
        setPending(null);
        throw error;
      }
    });
  };

  const cancel = () => {
    moveFocusAfter('heading');
    pending?.release();
    setPending(null);
  };

  /** Previews the file chosen in `input` (the input is emptied, so the same file can be chosen again). */
  const chooseFile = async (input: HTMLInputElement, source: (file: File) => Promise<{ source: ImportSource; release(): void }>, choice: Choice) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    pending?.release();
    const handed = await source(file);
    await preview({ name: file.name, fileName: file.name, ...handed, choice });
  };

  /** Imports what the preview showed; true once done. */
  const confirm = async (): Promise<boolean> => {
    if (!pending) return false;
    moveFocusAfter('message');
    let done = false;
    await run(async () => {
      const reply = await options.send(pending.source, pending.choice, false, pending.fileName);
      setMessage(options.done(reply));
      pending.release();
      setPending(null);
      done = true;
      options.onChanged();
    });
    return done;
  };

  return { pending, busy, message, setMessage, run, preview, cancel, chooseFile, confirm, refs, moveFocusAfter };
}
