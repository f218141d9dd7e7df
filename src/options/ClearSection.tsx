// Clearing the library: every saved paper moves to the Trash (restorable from the popup for 30 days), only after
// a confirmation that says how many papers go.
import { useState } from 'preact/hooks';
import { TRASH_KEPT_DAYS } from '../core/paper';
import { Dialog } from '../ui/Dialog';
import { count, errorText } from '../ui/text';
import type { OptionsDeps } from './deps';

const CONFIRM_WORD = 'clear';

export function ClearSection({ deps, libraryCount, onChanged }: { deps: OptionsDeps; libraryCount: number | null; onChanged(): void }) {
  const [asking, setAsking] = useState(false);
  const [typed, setTyped] = useState('');
  const [message, setMessage] = useState<{ text: string; kind: 'error' | 'info' } | null>(null);

  const clear = async () => {
    setAsking(false);
    try {
      const { removed } = await deps.send({ type: 'clearAll' });
      setMessage({ text: `Moved ${count(removed, 'paper')} to the Trash. Your settings are kept.`, kind: 'info' });
      onChanged();
    } catch (error) {
      setMessage({ text: errorText(error), kind: 'error' });
    }
  };

  const papers = libraryCount === null ? 'every saved paper' : count(libraryCount, 'saved paper');
  return (
    <section class="card danger-zone" aria-labelledby="clear-title">
      <h2 id="clear-title">Clear the library</h2>
      <div class="backup-row">
        <p class="muted">
          Moves {papers}, with their tags, statuses and notes, to the Trash. From the popup's Trash you can restore
          them for {TRASH_KEPT_DAYS} days; after that they are deleted for ever.
        </p>
        <button type="button" class="button danger" disabled={libraryCount === 0} onClick={() => {
          setTyped('');
          setMessage(null);
          setAsking(true);
        }}>Clear the library…</button>
      </div>
      {message && <p class={`form-message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
      {asking && (
        <Dialog
          title={`Move ${papers} to the Trash?`}
          onClose={() => setAsking(false)}
          actions={<>
            <button type="button" class="button" onClick={() => setAsking(false)}>Cancel</button>
            <button type="button" class="button danger primary" disabled={typed.trim().toLowerCase() !== CONFIRM_WORD} onClick={() => void clear()}>
              Move everything to the Trash
            </button>
          </>}
        >
          <p>They stay in the popup's Trash for {TRASH_KEPT_DAYS} days, then they are deleted for ever. Your settings stay as they are.</p>
          <label class="confirm-field">
            Type <strong>{CONFIRM_WORD}</strong> to confirm
            <input type="text" autoComplete="off" value={typed} onInput={(event) => setTyped(event.currentTarget.value)} />
          </label>
        </Dialog>
      )}
    </section>
  );
}
