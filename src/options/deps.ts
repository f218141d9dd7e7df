// What the options page needs from the browser, as one object: the real one is built in main.tsx, tests pass
// their own. Keeps every component free of `browser.*`.
import type { Settings } from '../shared/settings';
import type { Request, SuccessReply } from '../shared/messages';
import type { TextFile } from '../ui/download';

export interface CommandInfo {
  name?: string;
  description?: string;
  shortcut?: string;
}

export interface SiteInfo {
  id: string;
  name: string;
  matches: readonly string[];
}

export interface OptionsDeps {
  loadSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;
  onSettingsChange(listener: (settings: Settings) => void): () => void;
  send<R extends Request>(request: R): Promise<SuccessReply<R>>;
  /** Calls `listener` after any change to the library (from any tab); returns a function that stops it. */
  onLibraryChange(listener: () => void): () => void;
  /** Asks the browser (and so the person) for access to every page of `origin`; true if granted. */
  requestOrigin(origin: string): Promise<boolean>;
  /** Gives access to `origin` back. */
  releaseOrigin(origin: string): Promise<void>;
  commands(): Promise<CommandInfo[]>;
  /** Opens the browser's own page for extension shortcuts, where it can be opened (Chrome). */
  openShortcutsPage?(): void;
  browserName: 'chrome' | 'firefox';
  download(file: TextFile): void;
  /**
   * How a chosen backup file goes to the background: a `blob:` URL it reads itself (cheap for a large
   * file), or, where a page cannot make one the background may read (tests), the file's text.
   * `release` frees the URL once the import is done or abandoned.
   */
  backupSource(file: File): Promise<{ source: { file: string } | { text: string }; release(): void }>;
  sites: readonly SiteInfo[];
  now(): Date;
}
