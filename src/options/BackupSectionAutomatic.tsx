// Automatic backups on the options page: on or off, how often, when the last one was written (or why the last
// attempt failed), and "Back up now". The background writes the files (src/background/auto-backup.ts).
import { useEffect, useState } from 'preact/hooks';
import type { BackupStatusReply } from '../shared/messages';
import { BACKUP_INTERVALS, type Settings } from '../shared/settings';
import { Switch } from '../ui/Switch';
import { errorText } from '../ui/text';
import type { OptionsDeps } from './deps';
import { localTime } from './local-time';

const INTERVAL_LABELS: Record<(typeof BACKUP_INTERVALS)[number], string> = { 1: 'a day', 3: 'every 3 days', 7: 'a week' };

interface AutomaticBackupsProps {
  settings: Settings;
  deps: OptionsDeps;
  update(change: (settings: Settings) => Settings): void;
}

export function AutomaticBackups({ settings, deps, update }: AutomaticBackupsProps) {
  const [status, setStatus] = useState<BackupStatusReply | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; kind: 'error' | 'info' } | null>(null);

  const refresh = () => {
    deps.send({ type: 'backupStatus' }).then(setStatus, () => setStatus(null));
  };
  useEffect(() => {
    refresh();
    // A change of the library may bring a backup (written a moment after the change).
    return deps.onLibraryChange(() => setTimeout(refresh, 1500));
  }, []);

  const backUpNow = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const { fileName } = await deps.send({ type: 'backupNow' });
      setMessage({ text: `Wrote ${fileName} in your downloads folder.`, kind: 'info' });
    } catch (error) {
      setMessage({ text: errorText(error), kind: 'error' });
    } finally {
      setBusy(false);
      refresh();
    }
  };

  const last = status?.lastWrittenAt ? `Last written ${localTime(status.lastWrittenAt)}.` : 'No automatic backup written yet.';
  return (
    <div class="auto-backup" role="group" aria-labelledby="auto-backup-title">
      <h3 id="auto-backup-title">Automatic backups</h3>
      <Switch
        checked={settings.autoBackup}
        hint="After your library changes, a backup file goes into your downloads folder, in Paperlight/paperlight-backup-<date>.json. The newest 7 are kept; Paperlight deletes only files it wrote. One is also written before a backup replaces your library and before “clear all”."
        onChange={(on) => update((current) => ({ ...current, autoBackup: on }))}
      >
        Back up my library automatically
      </Switch>
      <label class="auto-backup-interval">
        At most{' '}
        <select
          value={settings.backupIntervalDays}
          disabled={!settings.autoBackup}
          onChange={(event) => {
            const days = Number(event.currentTarget.value);
            update((current) => ({ ...current, backupIntervalDays: days }));
          }}
        >
          {BACKUP_INTERVALS.map((days) => <option key={days} value={days}>{days === 1 ? 'once a day' : `once ${INTERVAL_LABELS[days]}`}</option>)}
        </select>
      </label>
      <div class="backup-row">
        <p class="muted" role="status" data-testid="auto-backup-last">
          {last}
          {status?.lastError && <span class="form-message error"> The last attempt failed: {status.lastError}</span>}
        </p>
        <button type="button" class="button" disabled={busy} onClick={() => void backUpNow()}>Back up now</button>
      </div>
      {message && <p class={`form-message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
    </div>
  );
}
