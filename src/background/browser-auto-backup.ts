// The automatic backup's browser side: downloads, storage.local, an alarm to wake the worker when a backup
// falls due, and the user's preferences from the settings (see auto-backup.ts for the schedule).
import browser from 'webextension-polyfill';
import { BACKUP_ALARM, createAutoBackup, type DownloadsApi } from './auto-backup';
import { browserSettingsStore } from './browser-settings';

/**
 * A URL the downloads API reads the file from. Firefox's background page can make a blob: URL; Chrome's
 * service worker has no `URL.createObjectURL`, so there the text goes in a data: URL.
 */
function fileUrl(text: string): { url: string; release(): void } {
  if (typeof URL.createObjectURL === 'function') {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    return { url, release: () => URL.revokeObjectURL(url) };
  }
  return { url: `data:application/json;charset=utf-8,${encodeURIComponent(text)}`, release: () => undefined };
}

export function createBrowserAutoBackup(exportText: () => Promise<string>) {
  return createAutoBackup({
    downloads: browser.downloads as unknown as DownloadsApi,
    storage: {
      get: (key) => browser.storage.local.get(key),
      set: (items) => browser.storage.local.set(items),
    },
    async wakeAt(when) {
      if (when === undefined) await browser.alarms.clear(BACKUP_ALARM);
      else await browser.alarms.create(BACKUP_ALARM, { when });
    },
    async preferences() {
      const settings = await browserSettingsStore.load();
      return { enabled: settings.autoBackup, intervalDays: settings.backupIntervalDays };
    },
    exportText,
    fileUrl,
    now: Date.now,
  });
}

/** Runs `check` when the backup alarm fires (registered at start-up, so the alarm that wakes the worker is heard). */
export function watchBackupAlarm(check: () => Promise<void>): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BACKUP_ALARM) void check().catch((error: unknown) => console.warn('[Paperlight] automatic backup:', error));
  });
}
