// The reading memory: on or off, dimming of papers seen on an earlier day, and forgetting everything seen (after a
// confirmation; saved papers are never touched).
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../shared/settings';
import { Dialog } from '../ui/Dialog';
import { Switch } from '../ui/Switch';
import { count, errorText } from '../ui/text';
import type { OptionsDeps } from './deps';

interface ReadingMemorySectionProps {
  settings: Settings;
  deps: OptionsDeps;
  update(change: (settings: Settings) => Settings): void;
}

export function ReadingMemorySection({ settings, deps, update }: ReadingMemorySectionProps) {
  const [entries, setEntries] = useState<number | null>(null);
  const [asking, setAsking] = useState(false);
  const [message, setMessage] = useState<{ text: string; kind: 'error' | 'info' } | null>(null);

  const refresh = () => {
    deps.send({ type: 'readingMemoryStats' }).then(({ entries: n }) => setEntries(n), () => setEntries(null));
  };
  useEffect(refresh, []);

  const clear = async () => {
    setAsking(false);
    try {
      const { removed } = await deps.send({ type: 'clearReadingMemory' });
      setMessage({ text: `Forgot ${count(removed, 'paper')} seen. Your saved papers are kept.`, kind: 'info' });
    } catch (error) {
      setMessage({ text: errorText(error), kind: 'error' });
    }
    refresh();
  };

  const remembered = entries === null ? 'the papers seen' : count(entries, 'paper');
  return (
    <section class="card" aria-labelledby="memory-title">
      <h2 id="memory-title">Reading memory</h2>
      <p class="muted">
        Paperlight remembers the papers you have met on supported pages (on this computer only), so a card first
        seen on an earlier day says “seen” and the date, on any site.
      </p>
      <Switch
        checked={settings.readingMemory}
        hint="Every card on a supported page is remembered as seen: when first and last, and where first."
        onChange={(on) => update((current) => ({ ...current, readingMemory: on }))}
      >
        Remember the papers I have seen
      </Switch>
      <Switch
        checked={settings.dimSeen}
        disabled={!settings.readingMemory}
        hint="Cards first seen on an earlier day are dimmed. A saved paper is never dimmed."
        onChange={(on) => update((current) => ({ ...current, dimSeen: on }))}
      >
        Dim papers seen before
      </Switch>
      <div class="backup-row">
        <p class="muted">
          {entries === null ? 'The reading memory holds the papers you have seen.' : `The reading memory holds ${count(entries, 'paper')}.`}
          {' '}Forgetting them leaves your saved papers, tags and notes as they are.
        </p>
        <button type="button" class="button danger" disabled={entries === 0} onClick={() => {
          setMessage(null);
          setAsking(true);
        }}>Clear the reading memory…</button>
      </div>
      {message && <p class={`form-message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
      {asking && (
        <Dialog
          title={`Forget ${remembered} seen?`}
          onClose={() => setAsking(false)}
          actions={<>
            <button type="button" class="button" onClick={() => setAsking(false)}>Cancel</button>
            <button type="button" class="button danger primary" onClick={() => void clear()}>Forget them</button>
          </>}
        >
          <p>Every card will look new again, on every site. Your saved papers, their tags, statuses and notes stay as they are. This cannot be undone.</p>
        </Dialog>
      )}
    </section>
  );
}
