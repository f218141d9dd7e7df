// The Trash: papers deleted from the library, most recently removed first, each with when it was removed and when
// it will be deleted for ever. Restore puts a paper back exactly as it was; deleting for ever and emptying the
// Trash ask first, since neither can be undone. Keyboard: Tab through the buttons, ↑/↓ (Home/End) from paper to
// paper, Esc back to the library; after an action, focus moves to the next paper's Restore button.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { TRASH_KEPT_DAYS, TRASH_KEPT_MS, type TrashedPaper } from '../../core/paper';
import { Dialog } from '../../ui/Dialog';
import { CloseIcon, TrashIcon } from '../../ui/icons';
import { count } from '../../ui/text';
import { authorsLine, savedDay } from '../format';
import type { TrashView as TrashState } from '../state';

/** Papers listed at first, and added by each "Show more" (the Trash may hold a whole cleared library). */
const LISTED = 100;

interface TrashViewProps {
  trash: TrashState;
  onRestore(keys: string[]): void;
  onDeleteForever(keys: string[]): void;
  onEmpty(): void;
  onClose(): void;
}

type Asking = { kind: 'delete'; paper: TrashedPaper } | { kind: 'empty' } | null;

export function TrashView({ trash, onRestore, onDeleteForever, onEmpty, onClose }: TrashViewProps) {
  const { papers, phase } = trash;
  const [listed, setListed] = useState(LISTED);
  const [asking, setAsking] = useState<Asking>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLUListElement>(null);
  /** Where focus goes once the list has changed: a paper's Restore button, or the heading. */
  const focusNext = useRef<string | null | undefined>(undefined);

  useLayoutEffect(() => heading.current?.focus(), []);
  useLayoutEffect(() => {
    if (focusNext.current === undefined) return;
    const key = focusNext.current;
    focusNext.current = undefined;
    const item = key === null ? null : [...(list.current?.children ?? [])].find((li) => (li as HTMLElement).dataset.key === key);
    (item?.querySelector<HTMLButtonElement>('.trash-restore') ?? heading.current)?.focus();
  }, [papers]);

  /** Remembers the paper after `key` (or before it, at the end) to take the focus once `key` has left. */
  const leaving = (key: string) => {
    const i = papers.findIndex((paper) => paper.key === key);
    focusNext.current = (papers[i + 1] ?? papers[i - 1])?.key ?? null;
  };

  /** ↑/↓, Home/End: the same button of another paper. */
  const onListKey = (event: KeyboardEvent) => {
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, Home: -Infinity, End: Infinity };
    const step = steps[event.key];
    const button = event.target instanceof HTMLButtonElement ? event.target : null;
    const item = button?.closest('li');
    if (step === undefined || !item || event.altKey || event.ctrlKey || event.metaKey) return;
    const items = [...(list.current?.children ?? [])];
    const at = items.indexOf(item);
    const next = items[Math.max(0, Math.min(items.length - 1, at + step))];
    const column = [...item.querySelectorAll('button')].indexOf(button!);
    event.preventDefault();
    next?.querySelectorAll('button')[column]?.focus();
  };

  const shown = papers.slice(0, listed);
  return (
    <section class="trash-view" aria-labelledby="trash-title" onKeyDown={(event) => {
      if (event.key === 'Escape' && !asking) {
        event.preventDefault();
        onClose();
      }
    }}>
      <header class="trash-head">
        <h2 id="trash-title" tabIndex={-1} ref={heading}><TrashIcon />Trash</h2>
        <span class="muted trash-count">
          {phase === 'loading' && papers.length === 0 ? 'Loading…' : `${count(papers.length, 'paper')} · each kept ${TRASH_KEPT_DAYS} days`}
        </span>
        <span class="spacer" />
        <button type="button" class="button quiet" disabled={papers.length === 0} onClick={() => {
          focusNext.current = null;
          onRestore(papers.map((paper) => paper.key));
        }}>Restore all</button>
        <button type="button" class="button quiet danger-text" disabled={papers.length === 0} onClick={() => setAsking({ kind: 'empty' })}>Empty the Trash…</button>
        <button type="button" class="button icon quiet" aria-label="Back to the library" title="Back to the library (Esc)" onClick={onClose}><CloseIcon /></button>
      </header>
      {phase === 'failed' && <p class="trash-error" role="alert">Could not read the Trash: {trash.error}</p>}
      {phase === 'ready' && papers.length === 0 && (
        <div class="empty">
          <h2>The Trash is empty</h2>
          <p class="muted">Papers you delete or unsave wait here {TRASH_KEPT_DAYS} days, ready to be restored with their tags, status and note.</p>
        </div>
      )}
      {papers.length > 0 && (
        <ul class="trash-list" ref={list} aria-label="Papers in the Trash" onKeyDown={onListKey}>
          {shown.map((paper) => {
            const title = paper.title || 'Untitled paper';
            return (
              <li key={paper.key} class="trash-item" data-key={paper.key}>
                <div class="trash-item-body">
                  <div class="row-title" title={paper.title}>{title}</div>
                  <div class="row-meta">{authorsLine(paper.authors)}</div>
                  <div class="row-meta trash-dates">
                    Removed {savedDay(paper.removedAt)} · deleted for ever on {savedDay(paper.removedAt + TRASH_KEPT_MS)}
                  </div>
                </div>
                <button type="button" class="button trash-restore" aria-label={`Restore “${title}”`} onClick={() => {
                  leaving(paper.key);
                  onRestore([paper.key]);
                }}>Restore</button>
                <button
                  type="button"
                  class="button icon quiet danger-text"
                  aria-label={`Delete “${title}” for ever`}
                  title="Delete for ever…"
                  onClick={() => setAsking({ kind: 'delete', paper })}
                ><TrashIcon /></button>
              </li>
            );
          })}
        </ul>
      )}
      {papers.length > listed && (
        <button type="button" class="button quiet trash-more" onClick={() => setListed(listed + LISTED)}>
          Show {Math.min(LISTED, papers.length - listed)} more of {count(papers.length - listed, 'paper')}
        </button>
      )}
      {asking?.kind === 'delete' && (
        <Dialog
          title="Delete this paper for ever?"
          onClose={() => setAsking(null)}
          actions={<>
            <button type="button" class="button" onClick={() => setAsking(null)}>Cancel</button>
            <button type="button" class="button danger primary" onClick={() => {
              leaving(asking.paper.key);
              setAsking(null);
              onDeleteForever([asking.paper.key]);
            }}>Delete for ever</button>
          </>}
        >
          <p>“{asking.paper.title || 'Untitled paper'}” and its tags, status and note will be gone: this cannot be undone.</p>
        </Dialog>
      )}
      {asking?.kind === 'empty' && (
        <Dialog
          title="Empty the Trash?"
          onClose={() => setAsking(null)}
          actions={<>
            <button type="button" class="button" onClick={() => setAsking(null)}>Cancel</button>
            <button type="button" class="button danger primary" onClick={() => {
              focusNext.current = null;
              setAsking(null);
              onEmpty();
            }}>Delete {count(papers.length, 'paper')} for ever</button>
          </>}
        >
          <p>Every paper in the Trash, with its tags, status and note, will be gone: this cannot be undone.</p>
        </Dialog>
      )}
    </section>
  );
}
