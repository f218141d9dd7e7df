// The automatic backup in the Firefox build, whose background page hands the file to the downloads API as a blob:
// URL (Chromium's service worker uses a data: URL, tested in health.e2e.test.ts): "Back up now" writes the
// version 2 file into the downloads folder, under Paperlight/, named by the local date; the options page's status
// says so; and that very file, imported with `replace` into a library changed since, gives the library back.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { parseBackup } from '../../src/core/backup';
import { launchFirefox, until, type FirefoxSession } from './firefox';

let session: FirefoxSession;
let popup: Page;
let downloads: string;

beforeAll(async () => {
  downloads = await mkdtemp(path.join(tmpdir(), 'paperlight-ff-downloads-'));
  session = await launchFirefox({
    prefs: { 'browser.download.dir': downloads, 'browser.download.folderList': 2, 'browser.download.useDownloadDir': true },
  });
  popup = await session.openExtensionPage('src/popup/index.html');
  await popup.waitForFunction(() => typeof (globalThis as { browser?: unknown }).browser === 'object', { timeout: 15_000 });
});
afterAll(async () => {
  await session?.close();
  if (downloads) await rm(downloads, { recursive: true, force: true });
});

interface Reply { ok: boolean; error?: string; [field: string]: unknown }

function send<T = Reply>(message: unknown): Promise<T> {
  return popup.evaluate(
    (m) => (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser.runtime.sendMessage(m),
    message,
  ) as Promise<T>;
}

const card = (key: string, tags: string[]) => ({
  key, aliases: [], title: `Paper ${key}`, url: `https://arxiv.org/abs/${key.slice(6)}`, authors: ['Ada Lovelace'],
  abstract: 'A 2.4x speedup.', metrics: [], codeLinks: [], site: 'arxiv', tags,
});

describe('Firefox ESR: the automatic backup', () => {
  it('"Back up now" writes the file into the downloads folder, and that file gives the library back', async () => {
    expect(await send({ type: 'save', paper: card('arxiv:2401.00011', ['kept']) })).toMatchObject({ ok: true });
    expect(await send({ type: 'save', paper: card('arxiv:2401.00012', []) })).toMatchObject({ ok: true });
    expect(await send({ type: 'update', key: 'arxiv:2401.00011', set: { note: 'A note to keep.', status: 'read' } })).toMatchObject({ ok: true });
    expect(await send({ type: 'remove', key: 'arxiv:2401.00012' })).toMatchObject({ ok: true });
    const records = (await send<{ papers: unknown[] }>({ type: 'getAll' })).papers;

    const written = await send<{ ok: boolean; fileName: string; error?: string }>({ type: 'backupNow' });
    expect(written).toMatchObject({ ok: true });
    const now = new Date();
    const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    expect(written.fileName).toBe(`Paperlight/paperlight-backup-${day}.json`);
    const folder = path.join(downloads, 'Paperlight');
    const listing = async () => (await readdir(folder).catch(() => [] as string[])).filter((name) => !name.endsWith('.part'));
    await until(async () => (await listing()).join(), `paperlight-backup-${day}.json`);
    const parsed = parseBackup(await readFile(path.join(folder, `paperlight-backup-${day}.json`), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.backup.version).toBe(2);
    expect(parsed.backup.papers.map((p) => [p.key, p.note, p.status, p.tags])).toEqual([['arxiv:2401.00011', 'A note to keep.', 'read', ['kept']]]);
    expect(parsed.backup.trash?.map((p) => p.key)).toEqual(['arxiv:2401.00012']);
    expect(await send({ type: 'backupStatus' })).toMatchObject({ ok: true, files: 1, lastError: null });

    // The library changed since; the file, imported with `replace`, gives it back as it was.
    expect(await send({ type: 'update', key: 'arxiv:2401.00011', set: { note: 'Changed later.' } })).toMatchObject({ ok: true });
    expect(await send({ type: 'save', paper: card('arxiv:2401.00013', []) })).toMatchObject({ ok: true });
    const text = await readFile(path.join(folder, `paperlight-backup-${day}.json`), 'utf8');
    expect(await send({ type: 'importBackup', text, mode: 'replace' })).toMatchObject({ ok: true });
    expect((await send<{ papers: unknown[] }>({ type: 'getAll' })).papers).toEqual(records);
    expect((await send<{ papers: Array<{ key: string }> }>({ type: 'trash' })).papers.map((p) => p.key)).toEqual(['arxiv:2401.00012']);
    // The replace wrote the library as it was before it, beside the day's file.
    await until(async () => (await listing()).length, 2);
  });
});
