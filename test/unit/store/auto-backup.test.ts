// The automatic backup's schedule and retention, on a fake downloads API and a controlled clock.
import { describe, expect, it } from 'vitest';
import {
  BACKUP_STATE_KEY, DAY_MS, MAX_DEFER_MS, QUIET_MS, RETRY_MS, backupFileName, createAutoBackup, nextStep, readBackupState, retain,
  type BackupPreferences,
} from '../../../src/background/auto-backup';
import { fakeDownloads } from './fake-downloads';

function setup(options: { fail?: string; preferences?: BackupPreferences; start?: number } = {}) {
  // The fake reads `options.fail` at each download: a test may clear it to let the disk recover.
  const downloads = fakeDownloads(options);
  const stored: Record<string, unknown> = {};
  let now = options.start ?? new Date(2026, 11, 6, 10, 0).getTime();
  let library = 'v1';
  const alarms: Array<number | undefined> = [];
  const preferences = options.preferences ?? { enabled: true, intervalDays: 1 };
  const backup = createAutoBackup({
    downloads: downloads.api,
    storage: {
      get: async (key) => (key in stored ? { [key]: structuredClone(stored[key]) } : {}),
      set: async (items) => void Object.assign(stored, structuredClone(items)),
    },
    wakeAt: async (when) => void alarms.push(when),
    preferences: async () => preferences,
    exportText: async () => `{"library":"${library}"}`,
    fileUrl: (text) => ({ url: `data:application/json,${encodeURIComponent(text)}`, release: () => undefined }),
    now: () => now,
  });
  return {
    backup, downloads, stored, alarms, preferences,
    advance(ms: number) { now += ms; },
    setLibrary(text: string) { library = text; },
  };
}

describe('the decision to write', () => {
  const on = { enabled: true, intervalDays: 1 };
  const T = 10 * DAY_MS;
  it('writes once the library has been quiet for a minute, when nothing was ever written', () => {
    expect(nextStep({ written: [], changedAt: T, lastChangeAt: T }, on, T)).toEqual({ kind: 'wait', at: T + QUIET_MS });
    expect(nextStep({ written: [], changedAt: T, lastChangeAt: T }, on, T + QUIET_MS)).toEqual({ kind: 'write' });
  });
  it('waits for a minute after the latest change, but not more than ten minutes after the first', () => {
    expect(nextStep({ written: [], changedAt: T, lastChangeAt: T + 5 * 60_000 }, on, T + 5 * 60_000)).toEqual({ kind: 'wait', at: T + 6 * 60_000 });
    expect(nextStep({ written: [], changedAt: T, lastChangeAt: T + 9.9 * 60_000 }, on, T + 9.9 * 60_000)).toEqual({ kind: 'wait', at: T + MAX_DEFER_MS });
  });
  it('waits for the end of the interval after the last backup', () => {
    const state = { written: [], changedAt: T + 1_000, lastChangeAt: T + 1_000, lastWrittenAt: T };
    expect(nextStep(state, on, T + 2 * QUIET_MS)).toEqual({ kind: 'wait', at: T + DAY_MS });
    expect(nextStep(state, { enabled: true, intervalDays: 7 }, T + 2 * QUIET_MS)).toEqual({ kind: 'wait', at: T + 7 * DAY_MS });
    expect(nextStep(state, on, T + DAY_MS)).toEqual({ kind: 'write' });
  });
  it('does nothing without a change, or when switched off', () => {
    expect(nextStep({ written: [], lastWrittenAt: 0 }, on, T)).toEqual({ kind: 'idle' });
    expect(nextStep({ written: [], changedAt: 5, lastChangeAt: 5 }, { enabled: false, intervalDays: 1 }, T)).toEqual({ kind: 'idle' });
  });
  it('is not held back by a clock set back past the last backup', () => {
    expect(nextStep({ written: [], changedAt: T, lastChangeAt: T, lastWrittenAt: T + DAY_MS }, on, T + QUIET_MS)).toEqual({ kind: 'write' });
    expect(nextStep({ written: [], changedAt: T, lastChangeAt: T, failedAt: T + DAY_MS }, on, T + QUIET_MS)).toEqual({ kind: 'write' });
  });
  it('tries again RETRY_MS after a failed attempt, whatever changes meanwhile', () => {
    const failed = { written: [], changedAt: T, lastChangeAt: T + 20 * 60_000, failedAt: T + QUIET_MS };
    expect(nextStep(failed, on, T + 21 * 60_000)).toEqual({ kind: 'wait', at: T + QUIET_MS + RETRY_MS });
    expect(nextStep(failed, on, T + QUIET_MS + RETRY_MS)).toEqual({ kind: 'write' });
  });
});

describe('file names', () => {
  it('names the file by the local date, in the Paperlight folder', () => {
    expect(backupFileName(new Date(2026, 0, 3, 23, 59).getTime())).toBe('Paperlight/paperlight-backup-2026-01-03.json');
    expect(backupFileName(new Date(2026, 11, 25, 0, 1).getTime())).toBe('Paperlight/paperlight-backup-2026-12-25.json');
  });
});

describe('retention', () => {
  const entry = (id: number, day: number) => ({ id, fileName: `Paperlight/paperlight-backup-2026-01-${String(day).padStart(2, '0')}.json`, writtenAt: day * DAY_MS });
  it('keeps the newest seven and removes the older ones it wrote', () => {
    const written = [1, 2, 3, 4, 5, 6, 7].map((day) => entry(day, day));
    const kept = retain(written, entry(8, 8));
    expect(kept.written.map((e) => e.id)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(kept.remove).toEqual([1]);
    expect(kept.forget).toEqual([]);
  });
  it('forgets (without deleting the file) an earlier download of the same day, which the new one overwrote', () => {
    const kept = retain([entry(1, 1), entry(2, 2)], { ...entry(3, 2), writtenAt: 2 * DAY_MS + 5 });
    expect(kept.written.map((e) => e.id)).toEqual([1, 3]);
    expect(kept.remove).toEqual([]);
    expect(kept.forget).toEqual([2]);
  });
  it('reads a malformed stored state as nothing remembered', () => {
    expect(readBackupState('junk')).toEqual({ written: [] });
    expect(readBackupState({ written: [{ id: 'x', fileName: 'a', writtenAt: 1 }, { id: 4, fileName: 'b', writtenAt: 2 }], lastWrittenAt: -1 }))
      .toEqual({ written: [{ id: 4, fileName: 'b', writtenAt: 2 }] });
  });
});

describe('the schedule on a fake downloads folder', () => {
  it('writes the backup a minute after the changes stop, then at most once a day', async () => {
    const t = setup();
    await t.backup.libraryChanged();
    expect(t.downloads.files.size).toBe(0);
    expect(t.alarms.at(-1)).toBe(new Date(2026, 11, 6, 10, 1).getTime());
    t.advance(30_000);
    await t.backup.libraryChanged(); // a second change moves the alarm on
    expect(t.alarms.at(-1)).toBe(new Date(2026, 11, 6, 10, 1, 30).getTime());
    t.advance(QUIET_MS);
    await t.backup.check(); // the alarm fires
    expect([...t.downloads.files]).toEqual([['Paperlight/paperlight-backup-2026-12-06.json', '{"library":"v1"}']]);
    expect(t.alarms.at(-1)).toBeUndefined();
    t.setLibrary('v2');
    t.advance(60_000);
    await t.backup.libraryChanged();
    // Not due: an alarm for a day after the first write, and the file unchanged.
    t.advance(QUIET_MS);
    await t.backup.check();
    expect(t.downloads.files.get('Paperlight/paperlight-backup-2026-12-06.json')).toBe('{"library":"v1"}');
    expect(t.alarms.at(-1)).toBe(new Date(2026, 11, 7, 10, 1, 30).getTime());
    t.advance(DAY_MS);
    await t.backup.check();
    expect(t.downloads.files.get('Paperlight/paperlight-backup-2026-12-07.json')).toBe('{"library":"v2"}');
    // No change since: the next alarm writes nothing.
    t.advance(2 * DAY_MS);
    await t.backup.check();
    expect(t.downloads.files.size).toBe(2);
  });

  it('keeps seven files over ten days and deletes only its own oldest ones', async () => {
    const t = setup();
    t.downloads.files.set('Paperlight/notes-of-the-user.json', 'mine');
    for (let day = 0; day < 10; day++) {
      t.setLibrary(`day ${day}`);
      await t.backup.libraryChanged();
      t.advance(QUIET_MS);
      await t.backup.check();
      t.advance(DAY_MS - QUIET_MS);
    }
    const names = [...t.downloads.files.keys()].sort();
    expect(names).toEqual([
      'Paperlight/notes-of-the-user.json',
      ...[9, 10, 11, 12, 13, 14, 15].map((day) => `Paperlight/paperlight-backup-2026-12-${String(day).padStart(2, '0')}.json`),
    ]);
    expect(t.downloads.removed).toEqual([100, 101, 102]);
    // Removed downloads are gone from the history too; the kept ones are remembered by id.
    expect([...t.downloads.history.keys()]).toEqual([103, 104, 105, 106, 107, 108, 109]);
    expect((t.stored[BACKUP_STATE_KEY] as { written: Array<{ id: number }> }).written.map((e) => e.id)).toEqual([103, 104, 105, 106, 107, 108, 109]);
  });

  it('"back up now" twice in a day overwrites the day\'s file and forgets the older download', async () => {
    const t = setup();
    await t.backup.writeNow();
    t.setLibrary('later');
    t.advance(3_600_000);
    const result = await t.backup.writeNow();
    expect(result).toEqual({ fileName: 'Paperlight/paperlight-backup-2026-12-06.json', writtenAt: new Date(2026, 11, 6, 11, 0).getTime() });
    expect([...t.downloads.files]).toEqual([['Paperlight/paperlight-backup-2026-12-06.json', '{"library":"later"}']]);
    expect(t.downloads.removed).toEqual([]);
    expect([...t.downloads.history.keys()]).toEqual([101]);
  });

  it('writes the backup before a replacement beside the day\'s file, so a second replacement cannot overwrite it', async () => {
    const t = setup();
    await t.backup.beforeDestructiveChange();
    t.setLibrary('imported');
    t.advance(60_000);
    await t.backup.beforeDestructiveChange();
    t.setLibrary('after');
    t.advance(60_000);
    await t.backup.writeNow();
    expect([...t.downloads.files].sort()).toEqual([
      ['Paperlight/paperlight-backup-2026-12-06 (1).json', '{"library":"imported"}'],
      ['Paperlight/paperlight-backup-2026-12-06.json', '{"library":"after"}'],
    ]);
    // "Back up now" overwrote the first file (its download is forgotten, not its file); both kept are remembered.
    expect((t.stored[BACKUP_STATE_KEY] as { written: Array<{ id: number; path?: string }> }).written).toEqual([
      { id: 101, fileName: 'Paperlight/paperlight-backup-2026-12-06.json', path: '/home/user/Downloads/Paperlight/paperlight-backup-2026-12-06 (1).json', writtenAt: new Date(2026, 11, 6, 10, 1).getTime() },
      { id: 102, fileName: 'Paperlight/paperlight-backup-2026-12-06.json', path: '/home/user/Downloads/Paperlight/paperlight-backup-2026-12-06.json', writtenAt: new Date(2026, 11, 6, 10, 2).getTime() },
    ]);
    expect(t.downloads.removed).toEqual([]);
  });

  it('writes nothing when switched off, but still writes on "back up now"', async () => {
    const t = setup({ preferences: { enabled: false, intervalDays: 1 } });
    await t.backup.libraryChanged();
    await t.backup.beforeDestructiveChange();
    expect(t.downloads.files.size).toBe(0);
    await t.backup.writeNow();
    expect(t.downloads.files.size).toBe(1);
  });

  it('a failed write throws a message for the user, and remembers the change for the next attempt', async () => {
    const t = setup({ fail: 'FILE_NO_SPACE' });
    await expect(t.backup.beforeDestructiveChange()).rejects.toThrow(
      'Paperlight could not write its backup to your downloads folder (FILE_NO_SPACE), so nothing was changed.',
    );
    await t.backup.libraryChanged();
    t.advance(RETRY_MS);
    await expect(t.backup.check()).rejects.toThrow('FILE_NO_SPACE');
    const state = t.stored[BACKUP_STATE_KEY] as { lastError?: string; changedAt?: number; lastWrittenAt?: number };
    expect(state.lastError).toBe('FILE_NO_SPACE');
    expect(state.changedAt).toBe(new Date(2026, 11, 6, 10, 0).getTime());
    // It is tried again at the next check once RETRY_MS has passed since that failure.
    expect(nextStep(readBackupState(state), { enabled: true, intervalDays: 1 }, new Date(2026, 11, 6, 11, 59).getTime())).toMatchObject({ kind: 'wait' });
    expect(nextStep(readBackupState(state), { enabled: true, intervalDays: 1 }, new Date(2026, 11, 6, 12, 0).getTime())).toEqual({ kind: 'write' });
    expect(state.lastWrittenAt).toBeUndefined();
  });

  it('a failed scheduled write is tried again by an alarm an hour later, not at every change in between', async () => {
    const options: { fail?: string } = { fail: 'FILE_ACCESS_DENIED' };
    const t = setup(options);
    const start = new Date(2026, 11, 6, 10, 0).getTime();
    await t.backup.libraryChanged();
    t.advance(QUIET_MS);
    await expect(t.backup.check()).rejects.toThrow('FILE_ACCESS_DENIED');
    // Nothing else may wake the worker (no change, no restart): the alarm does.
    expect(t.alarms.at(-1)).toBe(start + QUIET_MS + RETRY_MS);
    // A tagging session meanwhile starts no download (each failed one is an entry in the browser's downloads).
    const attempts = t.downloads.history.size;
    for (let i = 0; i < 6; i++) {
      t.advance(5 * 60_000);
      await t.backup.libraryChanged();
    }
    expect(t.downloads.history.size).toBe(attempts);
    expect(t.alarms.at(-1)).toBe(start + QUIET_MS + RETRY_MS);
    // The alarm fires once the folder can be written again: the backup holds everything.
    delete options.fail;
    t.advance(start + QUIET_MS + RETRY_MS - (start + QUIET_MS + 30 * 60_000));
    t.setLibrary('v2');
    await t.backup.check();
    expect([...t.downloads.files.values()]).toEqual(['{"library":"v2"}']);
    expect(readBackupState(t.stored[BACKUP_STATE_KEY])).toMatchObject({ lastWrittenAt: start + QUIET_MS + RETRY_MS });
    expect(readBackupState(t.stored[BACKUP_STATE_KEY]).lastError).toBeUndefined();
  });
});
