// Deleting everything: only after a confirmation that says how many papers go, and that there is no undo.
import { useState } from 'preact/hooks';
import { Dialog } from '../ui/Dialog';
import { count, errorText } from '../ui/text';
import type { OptionsDeps } from './deps';

const CONFIRM_WORD = 'delete';

export function ClearSection({ deps, libraryCount, onChanged }: { deps: OptionsDeps; libraryCount: number | null; onChanged(): void }) {
  const [asking, setAsking] = useState(false);
  const [typed, setTyped] = useState('');
  const [message, setMessage] = useState<{ text: string; kind: 'error' | 'info' } | null>(null);

  const clear = async () => {
    setAsking(false);
    try {
      const { removed } = await deps.send({ type: 'clearAll' });
      setMessage({ text: `Deleted ${count(removed, 'paper')}. Your settings are kept.`, kind: 'info' });
      onChanged();
    } catch (error) {
      setMessage({ text: errorText(error), kind: 'error' });
    }
  };

  const papers = libraryCount === null ? 'every saved paper' : count(libraryCount, 'saved paper');
  return (
    <section class="card danger-zone" aria-labelledby="clear-title">
      <h2 id="clear-title">Clear all data</h2>
      <div class="backup-row">
        <p class="muted">Deletes {papers} with their tags, statuses and notes from this browser. Export a backup first if you may want them back.</p>
        <button type="button" class="button danger" disabled={libraryCount === 0} onClick={() => {
          setTyped('');
          setMessage(null);
          setAsking(true);
        }}>Delete all papers…</button>
      </div>
      {message && <p class={`form-message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
      {asking && (
        <Dialog
          title={`Delete ${papers}?`}
          onClose={() => setAsking(false)}
          actions={<>
            <button type="button" class="button" onClick={() => setAsking(false)}>Cancel</button>
            <button type="button" class="button danger primary" disabled={typed.trim().toLowerCase() !== CONFIRM_WORD} onClick={() => void clear()}>
              Delete everything
            </button>
          </>}
        >
          <p>This cannot be undone. Your settings stay as they are.</p>
          <label class="confirm-field">
            Type <strong>{CONFIRM_WORD}</strong> to confirm
            <input type="text" autoComplete="off" value={typed} onInput={(event) => setTyped(event.currentTarget.value)} />
          </label>
        </Dialog>
      )}
    </section>
  );
}
