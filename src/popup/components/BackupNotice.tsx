// Announces the automatic backups once: a notice in the popup until the user dismisses it (remembered in
// storage.local), pointing to the options page where they are switched off or re-timed. Shown only while the
// backups are on.
import { useEffect, useState } from 'preact/hooks';
import { extensionApi } from '../../shared/extension-api';
import { loadSettings } from '../../shared/settings';

export const BACKUP_NOTICE_KEY = 'paperlight:backup-notice-dismissed';

async function shouldShow(): Promise<boolean> {
  const stored = await extensionApi.storage.local.get(BACKUP_NOTICE_KEY);
  if (stored[BACKUP_NOTICE_KEY] === true) return false;
  return (await loadSettings()).autoBackup;
}

export function BackupNotice({ openOptions }: { openOptions(): void }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    // Outside the extension (unit tests of the popup) there is no storage to read: no notice.
    if (!extensionApi?.storage) return;
    shouldShow().then(setShown, () => setShown(false));
  }, []);
  if (!shown) return null;
  const dismiss = () => {
    setShown(false);
    void extensionApi.storage.local.set({ [BACKUP_NOTICE_KEY]: true }).catch(() => undefined);
  };
  return (
    <section class="backup-notice" aria-label="Automatic backups">
      <p>
        Paperlight now keeps your library safe outside the browser: after changes, at most once a day, it writes a
        backup into your downloads folder (<code>Paperlight/paperlight-backup-<var>date</var>.json</code>, the newest
        7 kept). Switch it off or change how often in the options.
      </p>
      <div class="backup-notice-actions">
        <button type="button" class="button quiet" onClick={openOptions}>Options</button>
        <button type="button" class="button" onClick={dismiss}>Got it</button>
      </div>
    </section>
  );
}
