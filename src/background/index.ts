// The background service worker: the only place that touches the database. It answers typed messages
// (src/shared/messages.ts) and broadcasts every committed change. The worker may be stopped at any moment;
// the database is opened on demand by the first message that needs it, and re-opened after the worker restarts.
import browser, { type Runtime } from 'webextension-polyfill';
import { broadcastChange } from './browser-broadcast';
import { watchCommands } from './commands';
import { watchGenericSites } from './generic-sites';
import { browserSettingsStore } from './browser-settings';
import { createBrowserAutoBackup, watchBackupAlarm } from './browser-auto-backup';
import { createDbOpener, withDb } from './db';
import { createMemoryPruner, createMessageHandler, createTrashPruner } from './handler';
import { exportBackup } from './library-operations';
import type { ChangeEvent } from '../shared/messages';
import { showPageStatus } from './badge-browser';
import { createFirstFrameUrlKeeper } from './first-frame-url';
import { carriesVersion } from '../shared/first-frame-url';

const db = createDbOpener();
const warnBackup = (error: unknown) => console.warn('[Paperlight] automatic backup:', error);
// The same file as "export backup" (with the rules); written after changes, and before the library is replaced.
const autoBackup = createBrowserAutoBackup(async () => {
  const { rules } = await browserSettingsStore.load();
  return (await withDb(db, (database) => exportBackup(database, Date.now(), { rules }))).text;
});
// The popup draws its first rows from its copy named by the page the toolbar button opens (first-frame-url.ts),
// kept by every write.
const action = browser.action as typeof browser.action | undefined;
const firstFrameUrl = createFirstFrameUrlKeeper(action);
const handle = createMessageHandler({
  db,
  extensionId: browser.runtime.id,
  extensionBaseUrl: browser.runtime.getURL(''),
  appVersion: browser.runtime.getManifest().version,
  broadcast(event: ChangeEvent) {
    broadcastChange(event);
    void autoBackup.libraryChanged().catch(warnBackup);
  },
  settings: browserSettingsStore,
  beforeReplacingLibrary: autoBackup.beforeDestructiveChange,
  backupNow: autoBackup.writeNow,
  backupStatus: autoBackup.state,
  // The toolbar badge: how many papers each tab's page shows, or "!" when a site's page shows none it should.
  pageStatus: showPageStatus,
  firstFrameUrl,
});
// A change of the automatic backup's preferences (switched on, another interval) may make a backup due.
browserSettingsStore.onChange(() => void autoBackup.check().catch(warnBackup));

// Registered synchronously at start-up, so a message that wakes the worker is not missed.
browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => handle(raw, sender));

// The browser opens the manifest's plain page after it starts, and after the extension is reloaded or updated,
// and a worker stopped during a write leaves it plain: the page naming a version is set as the worker starts,
// rather than at the next write. A version set by an earlier run is still right (no write began since) and kept.
void action?.getPopup({})
  .then((url) => (carriesVersion(url) ? undefined : firstFrameUrl.refresh()))
  .catch((error: unknown) => console.warn('[Paperlight] the popup\'s first-frame URL:', error));

// Keyboard commands go to the focused card of the active tab; the generic fallback's content script
// follows the origins the user enabled. Both listeners are registered at start-up like the one above.
watchCommands();
watchGenericSites();
watchBackupAlarm(autoBackup.check);

// Papers 30 days in the Trash go when the browser starts (and whenever the Trash is next written or read); so do
// the reading memory's oldest entries beyond its bound (also pruned as it grows).
const pruneTrash = createTrashPruner({ db, broadcast: broadcastChange });
const pruneMemory = createMemoryPruner({ db });
const prune = () => {
  void pruneTrash().catch((error: unknown) => console.warn('[Paperlight] pruning the Trash:', error));
  void pruneMemory().catch((error: unknown) => console.warn('[Paperlight] pruning the reading memory:', error));
  // A backup that fell due while the browser was closed.
  void autoBackup.check().catch(warnBackup);
};
browser.runtime.onStartup.addListener(prune);
browser.runtime.onInstalled.addListener(prune);
