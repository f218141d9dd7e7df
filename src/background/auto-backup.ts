// Automatic backups: after the library changes (once it has been quiet for a minute), at most once per interval
// (a day by default), the background writes the same version 2 backup as `exportBackup` into the user's
// downloads folder, as `Paperlight/paperlight-backup-YYYY-MM-DD.json`, without a dialog. It keeps the newest
// KEEP_BACKUPS files it wrote and deletes older ones, and only ones it wrote itself: it remembers the download ids
// it created and removes nothing else. Before an import replaces the library or "clear all" empties it, the same backup is written
// first, and a failure to write it stops that action.
//
// The MV3 worker may be stopped at any moment, so everything it must remember (when the library last changed,
// when the last backup was written, the files it wrote) lives in storage.local, and a write that is not due yet
// waits for an alarm rather than a timer. The decisions are pure functions (`nextStep`, `retain`); the browser
// APIs come in as dependencies so unit tests run the whole schedule on fakes.

import { UserError } from './errors';

export const BACKUP_STATE_KEY = 'paperlight:backups';
export const BACKUP_ALARM = 'paperlight:auto-backup';
export const BACKUP_FOLDER = 'Paperlight';
/** How many of its own backups the background keeps. */
export const KEEP_BACKUPS = 7;
export const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * How long the library must stay unchanged before a due backup is written: a burst of edits (an import, a tagging
 * session) goes into one file that holds all of it, and the worker is not busy writing while the person works.
 */
export const QUIET_MS = 60_000;
/** Changes that never pause still get their backup this long after the first of them. */
export const MAX_DEFER_MS = 10 * 60_000;
/**
 * After a scheduled write failed (downloads refused, a full disk), how long until it is tried again: an alarm
 * wakes the worker then even if nothing else happens, and changes made meanwhile start no download (each failed
 * one is an entry in the browser's download list).
 */
export const RETRY_MS = 60 * 60_000;
/** How long a download may take before the write counts as failed (a large library takes Chromium ~20 s). */
const WRITE_TIMEOUT_MS = 300_000;

/** One backup file the background wrote: its download id (to remove it later) and where it went. */
export interface WrittenBackup {
  id: number;
  /** The name asked for, under the downloads folder. */
  fileName: string;
  /** Where the browser put it (its full path), when it said. */
  path?: string;
  writtenAt: number;
}

/** What the background remembers between worker restarts (storage.local, key BACKUP_STATE_KEY). */
export interface BackupState {
  /** When the last backup was written (epoch ms). */
  lastWrittenAt?: number;
  /** The first library change no backup holds yet (epoch ms). */
  changedAt?: number;
  /** The latest library change (epoch ms). */
  lastChangeAt?: number;
  /** The files it wrote and has not removed, oldest first. */
  written: WrittenBackup[];
  /** Why the last attempt failed, until one succeeds. */
  lastError?: string;
  /** When the last attempt failed (epoch ms), until one succeeds: the schedule tries again RETRY_MS later. */
  failedAt?: number;
}

export interface BackupPreferences {
  enabled: boolean;
  intervalDays: number;
}

export type NextStep = { kind: 'idle' } | { kind: 'write' } | { kind: 'wait'; at: number };

/**
 * Whether to write a backup now, at a later time, or not at all: once the interval since the last backup has
 * passed and the library has been quiet for QUIET_MS (or changing for MAX_DEFER_MS), and not before RETRY_MS
 * after a failed attempt.
 */
export function nextStep(state: BackupState, preferences: BackupPreferences, now: number): NextStep {
  if (!preferences.enabled || state.changedAt === undefined) return { kind: 'idle' };
  // A clock set back (lastWrittenAt in the future) must not postpone backups for good.
  const intervalEnds = state.lastWrittenAt === undefined || state.lastWrittenAt > now
    ? -Infinity
    : state.lastWrittenAt + preferences.intervalDays * DAY_MS;
  const lastChange = Math.min(state.lastChangeAt ?? state.changedAt, now);
  const settled = Math.min(lastChange + QUIET_MS, Math.min(state.changedAt, now) + MAX_DEFER_MS);
  // As with the interval, a failure time in the future (a clock set back) holds nothing back.
  const retryAt = state.failedAt === undefined || state.failedAt > now ? -Infinity : state.failedAt + RETRY_MS;
  const at = Math.max(intervalEnds, settled, retryAt);
  return now >= at ? { kind: 'write' } : { kind: 'wait', at };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `Paperlight/paperlight-backup-YYYY-MM-DD.json`, the date in the user's time zone. */
export function backupFileName(now: number): string {
  const date = new Date(now);
  return `${BACKUP_FOLDER}/paperlight-backup-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.json`;
}

export interface Retention {
  /** The files to remember, oldest first. */
  written: WrittenBackup[];
  /** Older files of ours to delete from disk and from the download history. */
  remove: number[];
  /** Downloads whose file the new one overwrote (same name): only their history entry goes, not the file. */
  forget: number[];
}

/** The same file on disk: by path when the browser told both, else by the name asked for. */
function sameFile(a: WrittenBackup, b: WrittenBackup): boolean {
  return a.path !== undefined && b.path !== undefined ? a.path === b.path : a.fileName === b.fileName;
}

/** The list of our files after `added` was written: the newest `keep`, each file once. */
export function retain(written: readonly WrittenBackup[], added: WrittenBackup, keep = KEEP_BACKUPS): Retention {
  const forget = written.filter((entry) => sameFile(entry, added) && entry.id !== added.id).map((entry) => entry.id);
  const others = written.filter((entry) => !sameFile(entry, added) && entry.id !== added.id);
  const all = [...others, added].sort((a, b) => a.writtenAt - b.writtenAt);
  const cut = Math.max(0, all.length - keep);
  return { written: all.slice(cut), remove: all.slice(0, cut).map((entry) => entry.id), forget };
}

/** A stored state, checked: anything malformed reads as nothing remembered (never as someone else's file). */
export function readBackupState(raw: unknown): BackupState {
  const state: BackupState = { written: [] };
  if (typeof raw !== 'object' || raw === null) return state;
  const value = raw as Record<string, unknown>;
  const time = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined);
  const lastWrittenAt = time(value.lastWrittenAt);
  const changedAt = time(value.changedAt);
  const lastChangeAt = time(value.lastChangeAt);
  if (lastWrittenAt !== undefined) state.lastWrittenAt = lastWrittenAt;
  if (changedAt !== undefined) state.changedAt = changedAt;
  if (lastChangeAt !== undefined) state.lastChangeAt = lastChangeAt;
  const failedAt = time(value.failedAt);
  if (failedAt !== undefined) state.failedAt = failedAt;
  if (typeof value.lastError === 'string') state.lastError = value.lastError.slice(0, 500);
  if (Array.isArray(value.written)) {
    for (const entry of value.written.slice(-100)) {
      if (typeof entry !== 'object' || entry === null) continue;
      const { id, fileName, path, writtenAt } = entry as Record<string, unknown>;
      if (Number.isSafeInteger(id) && typeof fileName === 'string' && time(writtenAt) !== undefined) {
        state.written.push({ id: id as number, fileName, ...(typeof path === 'string' && { path }), writtenAt: writtenAt as number });
      }
    }
  }
  return state;
}

/** The parts of `browser.downloads` the schedule uses. */
export interface DownloadsApi {
  download(options: { url: string; filename: string; saveAs: boolean; conflictAction: 'overwrite' | 'uniquify' }): Promise<number>;
  search(query: { id: number }): Promise<Array<{ id: number; state?: string; error?: string; filename?: string }>>;
  removeFile(id: number): Promise<void>;
  erase(query: { id: number }): Promise<number[]>;
  onChanged: {
    addListener(listener: (delta: { id: number; state?: { current?: string }; error?: { current?: string } }) => void): void;
    removeListener(listener: (delta: { id: number; state?: { current?: string }; error?: { current?: string } }) => void): void;
  };
}

export interface AutoBackupDeps {
  downloads: DownloadsApi;
  /** storage.local, or a map in tests. */
  storage: {
    get(key: string): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
  };
  /** Wakes the worker at `when` (an alarm); `undefined` clears it. */
  wakeAt(when: number | undefined): Promise<void>;
  preferences(): Promise<BackupPreferences>;
  /** The backup file's text, as `exportBackup` writes it. */
  exportText(): Promise<string>;
  /** A URL the downloads API can fetch `text` from, and how to release it. */
  fileUrl(text: string): { url: string; release(): void };
  now(): number;
}

export interface BackupResult {
  fileName: string;
  writtenAt: number;
}


/** Resolves once download `id` has finished; rejects when it was interrupted or takes too long. */
function finished(downloads: DownloadsApi, id: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: string) => {
      downloads.onChanged.removeListener(listener);
      clearTimeout(timer);
      if (error === undefined) resolve();
      else reject(new Error(error));
    };
    const listener = (delta: { id: number; state?: { current?: string }; error?: { current?: string } }) => {
      if (delta.id !== id) return;
      if (delta.state?.current === 'complete') done();
      else if (delta.state?.current === 'interrupted') done(delta.error?.current ?? 'the download was interrupted');
    };
    const timer = setTimeout(() => done('the download did not finish'), WRITE_TIMEOUT_MS);
    downloads.onChanged.addListener(listener);
    // It may have finished before the listener was added.
    void downloads.search({ id }).then(([item]) => {
      if (item?.state === 'complete') done();
      else if (item?.state === 'interrupted') done(item.error ?? 'the download was interrupted');
    }, () => undefined);
  });
}

export function createAutoBackup(deps: AutoBackupDeps) {
  // One operation at a time: two changes arriving together write one backup, and the state is never
  // read by one operation while another is writing it.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const load = async () => readBackupState((await deps.storage.get(BACKUP_STATE_KEY))[BACKUP_STATE_KEY]);
  const store = (state: BackupState) => deps.storage.set({ [BACKUP_STATE_KEY]: state });

  /**
   * Writes the backup. The day's file is overwritten by the day's later backups, except the one written before
   * the library is replaced or cleared (`keepBeside`): that one is written beside it (the browser adds " (1)" to
   * its name), so a second replacement the same day cannot overwrite the library as it was before the first.
   */
  async function write(keepBeside = false): Promise<BackupResult> {
    const startedAt = deps.now();
    const fileName = backupFileName(startedAt);
    let id: number;
    let path: string | undefined;
    try {
      const text = await deps.exportText();
      const file = deps.fileUrl(text);
      try {
        id = await deps.downloads.download({
          url: file.url, filename: fileName, saveAs: false, conflictAction: keepBeside ? 'uniquify' : 'overwrite',
        });
        await finished(deps.downloads, id);
        path = (await deps.downloads.search({ id }))[0]?.filename || undefined;
      } finally {
        file.release();
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await store({ ...(await load()), lastError: reason, failedAt: startedAt });
      throw new UserError(`Paperlight could not write its backup to your downloads folder (${reason}), so nothing was changed.`);
    }
    const state = await load();
    const kept = retain(state.written, { id, fileName, ...(path !== undefined && { path }), writtenAt: startedAt });
    const next: BackupState = { lastWrittenAt: startedAt, written: kept.written };
    // A change made while the file was being written is not in it.
    if (state.lastChangeAt !== undefined && state.lastChangeAt > startedAt) {
      next.changedAt = Math.max(state.changedAt ?? startedAt, startedAt);
      next.lastChangeAt = state.lastChangeAt;
    }
    await store(next);
    for (const old of kept.remove) {
      // The user may have moved or deleted the file already; its history entry goes all the same.
      await deps.downloads.removeFile(old).catch(() => undefined);
      await deps.downloads.erase({ id: old }).catch(() => undefined);
    }
    for (const old of kept.forget) await deps.downloads.erase({ id: old }).catch(() => undefined);
    return { fileName, writtenAt: startedAt };
  }

  /** Writes now if due, else sets the alarm for when it will be; after a failed write, for its retry. */
  async function settle(): Promise<void> {
    const preferences = await deps.preferences();
    const step = nextStep(await load(), preferences, deps.now());
    if (step.kind === 'write') {
      try {
        await write();
      } catch (error) {
        const retry = nextStep(await load(), preferences, deps.now());
        await deps.wakeAt(retry.kind === 'wait' ? retry.at : undefined);
        throw error;
      }
    }
    await deps.wakeAt(step.kind === 'wait' ? step.at : undefined);
  }

  return {
    /** The library changed: remember it, and set the alarm for when a backup will be due. */
    libraryChanged: () => serially(async () => {
      const state = await load();
      const now = deps.now();
      await store({ ...state, changedAt: state.changedAt ?? now, lastChangeAt: now });
      await settle();
    }),
    /** The alarm fired, the browser started, or the preferences changed: write what is due. */
    check: () => serially(settle),
    /** "Back up now", whatever the schedule says. */
    writeNow: () => serially(() => write()),
    /**
     * Before the library is replaced or cleared: writes the backup when automatic backups are on, and throws
     * (stopping the action) when that fails.
     */
    beforeDestructiveChange: () => serially(async () => {
      if ((await deps.preferences()).enabled) await write(true);
    }),
    state: load,
  };
}

export type AutoBackup = ReturnType<typeof createAutoBackup>;
