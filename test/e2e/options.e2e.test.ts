// The options page in Chromium with the built extension: settings saved to storage as they change, another
// site removed from the list, a backup exported (read back from the download) and imported after its dry run,
// a refused file explained in the background's words, the rules editor refusing a regular expression that does not
// compile (nothing saved) and saving a good one that the background then applies, the reading memory cleared after
// its confirmation without touching the library, keyboard triage switched off for a site, the library moved to the
// Trash after the typed confirmation, the shortcuts listed. Screenshot: test-results/options.png.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseBackup, serialiseBackup } from '../../src/core/backup';
import { localDay } from '../../src/core/export';
import { SETTINGS_KEY } from '../../src/shared/settings';
import { sampleLibrary } from '../unit/popup/sample-library';
import { ARTIFACTS, launchChromium, sendFromExtensionPage, type ChromiumSession } from './harness';

const OPTIONS = 'src/options/index.html';
const library = sampleLibrary(300);

let session: ChromiumSession;
let page: Page;

interface Reply { ok: boolean; error?: string; [field: string]: unknown }
const send = (message: unknown) => sendFromExtensionPage<Reply>(page, message);
const total = async () => (await send({ type: 'query', limit: 1 })).total as number;
const storedSettings = () =>
  page.evaluate(`chrome.storage.local.get(${JSON.stringify(SETTINGS_KEY)}).then((s) => s[${JSON.stringify(SETTINGS_KEY)}] ?? null)`) as Promise<Record<string, unknown> | null>;

beforeAll(async () => {
  session = await launchChromium({ viewport: { width: 900, height: 1000 } });
  page = await session.openExtensionPage(OPTIONS);
  expect(await send({ type: 'restore', papers: library.slice(0, 250) })).toMatchObject({ ok: true, restored: 250 });
  await page.reload();
  await page.getByRole('heading', { name: 'Paperlight options' }).waitFor();
});
afterAll(() => session?.close());

describe('Chromium: the options page', () => {
  it('saves site and highlight switches to storage at once', async () => {
    await page.getByRole('switch', { name: /^arXiv/ }).uncheck();
    await page.getByRole('switch', { name: /^Data/ }).uncheck();
    await page.getByRole('switch', { name: /^Debug logging/ }).check();
    await expect.poll(storedSettings).toMatchObject({ sites: { arxiv: false }, highlight: { data: false, speed: true }, debug: true });
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved.' }).count()).toBe(1);
    await page.getByRole('switch', { name: /^arXiv/ }).check();
    await page.getByRole('switch', { name: /^Data/ }).check();
    await page.getByRole('switch', { name: /^Debug logging/ }).uncheck();
    await expect.poll(storedSettings).toMatchObject({ sites: { arxiv: true }, highlight: { data: true }, debug: false });
  });

  it('lists other sites from the settings and removes one', async () => {
    await page.evaluate(`chrome.storage.local.get(${JSON.stringify(SETTINGS_KEY)}).then((s) => chrome.storage.local.set({ ${JSON.stringify(SETTINGS_KEY)}: { ...s[${JSON.stringify(SETTINGS_KEY)}], genericOrigins: ['https://lab.example.org', 'https://workshop.example.com'] } }))`);
    const list = page.locator('.origin-list');
    await expect.poll(() => list.textContent()).toBe('https://lab.example.orgRemovehttps://workshop.example.comRemove');
    await page.getByRole('button', { name: 'Remove https://lab.example.org' }).click();
    await expect.poll(async () => (await storedSettings())?.genericOrigins).toEqual(['https://workshop.example.com']);
    await expect.poll(() => list.textContent()).toBe('https://workshop.example.comRemove');
  });

  it('takes screenshots in light and dark mode', async () => {
    // A fresh load: no messages left from the steps before.
    await page.reload();
    await expect.poll(() => page.getByRole('button', { name: /^Export backup/ }).textContent()).toBe('Export backup (250 papers)');
    await expect.poll(() => page.getByRole('region', { name: 'Keyboard shortcuts' }).textContent()).toContain('Alt');
    await page.screenshot({ path: path.join(ARTIFACTS, 'options.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: path.join(ARTIFACTS, 'options-dark.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('explains an address it cannot use', async () => {
    await page.getByRole('textbox', { name: 'Site address' }).fill('ftp://files.example.org');
    await page.getByRole('button', { name: 'Add site' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Sites' }).getByRole('alert').textContent()).toBe('Only web pages (http or https) can be read.');
  });

  it('exports a dated backup, read back from the downloaded file', async () => {
    const exportButton = page.getByRole('button', { name: /^Export backup/ });
    await expect.poll(() => exportButton.textContent()).toBe('Export backup (250 papers)');
    const download = page.waitForEvent('download');
    await exportButton.click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`paperlight-${localDay(new Date())}.json`);
    const parsed = parseBackup(await readFile((await file.path())!, 'utf8'));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.backup.papers.map((p) => p.key).sort()).toEqual(library.slice(0, 250).map((p) => p.key).sort());
  });

  it('imports a backup after showing what it would change', async () => {
    const incoming = library.slice(200);
    await page.getByRole('region', { name: 'Backup' }).locator('input[type="file"]').setInputFiles({ name: 'later.json', mimeType: 'application/json', buffer: Buffer.from(serialiseBackup(incoming, new Date())) });
    const preview = page.getByRole('group', { name: 'Import later.json' });
    await expect.poll(() => preview.getByRole('status').textContent()).toBe('This backup would bring: 50 new papers, 0 papers updated, 50 papers unchanged.');
    expect(await total()).toBe(250);
    await preview.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => page.locator('.form-message').last().textContent()).toBe('Imported: 50 new papers, 0 papers updated, 50 papers unchanged.');
    expect(await total()).toBe(300);
    await expect.poll(() => page.getByRole('button', { name: /^Export backup/ }).textContent()).toBe('Export backup (300 papers)');
  });

  it('shows the background\'s own reason when it refuses a file', async () => {
    const text = '{"format":"paperlight-backup","version":7,"exportedAt":"2026-01-01T00:00:00Z","papers":[]}';
    const refusal = await send({ type: 'importBackup', text, mode: 'merge', dryRun: true });
    expect(refusal.ok).toBe(false);
    await page.getByRole('region', { name: 'Backup' }).locator('input[type="file"]').setInputFiles({ name: 'future.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect.poll(() => page.getByRole('region', { name: 'Backup' }).getByRole('alert').textContent()).toBe(refusal.error);
    expect(await total()).toBe(300);
  });

  it('lists the shortcuts and the popup keys', async () => {
    const shortcuts = page.getByRole('region', { name: 'Keyboard shortcuts' });
    await expect.poll(() => shortcuts.textContent()).toContain('Save (or unsave) the focused paper card');
    expect(await shortcuts.textContent()).toContain('chrome://extensions/shortcuts');
    expect(await shortcuts.textContent()).toContain('Undo the last delete');
  });

  it('refuses a regular expression that does not compile, saving nothing, and saves a good one that the background applies', async () => {
    const rules = page.getByRole('region', { name: 'Hide, dim and highlight rules' });
    const form = rules.getByRole('form', { name: 'Add a rule' });
    await form.getByRole('combobox', { name: 'Kind' }).selectOption('regex');
    await form.getByRole('textbox', { name: 'Pattern' }).fill('diff(usion');
    await form.getByRole('button', { name: 'Add rule' }).click();
    await expect.poll(() => rules.getByRole('alert').textContent()).toBe(
      'This regular expression does not compile: missing closing ): `diff(usion`. Paperlight reads RE2 syntax, which runs in linear time: no lookahead, lookbehind or backreferences.',
    );
    expect((await storedSettings())?.rules).toEqual([]);

    await form.getByRole('textbox', { name: 'Pattern' }).fill('\\bdiffusion\\b');
    await form.getByRole('button', { name: 'Add rule' }).click();
    const saved = { match: 'regex', pattern: '\\bdiffusion\\b', field: 'title', action: 'hide' };
    await expect.poll(async () => (await storedSettings())?.rules).toEqual([saved]);
    await expect.poll(() => rules.getByRole('listitem').textContent()).toContain('Hide cards whose title matches /\\bdiffusion\\b/');
    // The background follows the settings: the rule now hides a card whose title matches.
    const cards = [
      { key: 'arxiv:2411.00001', title: 'Latent Diffusion for video', abstract: '', authors: [] },
      { key: 'arxiv:2411.00002', title: 'Diffusions of innovation', abstract: '', authors: [] },
    ];
    await expect.poll(async () => ((await send({ type: 'matchRules', cards })).results as Array<{ hide: boolean }>).map((r) => r.hide)).toEqual([true, false]);
    // A broken rule written into storage by other means is dropped where rules are read with the engine.
    await page.evaluate(`chrome.storage.local.get(${JSON.stringify(SETTINGS_KEY)}).then((s) => chrome.storage.local.set({ ${JSON.stringify(SETTINGS_KEY)}: { ...s[${JSON.stringify(SETTINGS_KEY)}], rules: [...s[${JSON.stringify(SETTINGS_KEY)}].rules, { match: 'regex', pattern: '(a', field: 'any', action: 'hide' }] } }))`);
    await expect.poll(() => rules.getByRole('listitem').count()).toBe(1);
    expect(((await send({ type: 'matchRules', cards })).results as Array<{ hide: boolean }>).map((r) => r.hide)).toEqual([true, false]);
  });

  it('switches keyboard triage off for one site', async () => {
    await page.getByRole('switch', { name: 'Keys on arXiv' }).uncheck();
    await expect.poll(async () => (await storedSettings())?.keyboard).toEqual({ arxiv: false });
    await page.getByRole('switch', { name: 'Keys on arXiv' }).check();
    await expect.poll(async () => (await storedSettings())?.keyboard).toEqual({ arxiv: true });
  });

  it('clears the reading memory after its confirmation, and the library stays as it was', async () => {
    const cards = library.slice(0, 40).map((p) => ({ key: p.key, aliases: p.aliases, title: p.title, authors: p.authors }));
    expect(await send({ type: 'markSeen', site: 'arxiv', cards })).toMatchObject({ ok: true });
    const papersBefore = await total();
    await page.reload();
    const memory = page.getByRole('region', { name: 'Reading memory' });
    await expect.poll(() => memory.textContent()).toContain('The reading memory holds 40 papers.');
    await memory.getByRole('button', { name: 'Clear the reading memory…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Forget 40 papers seen?' });
    await dialog.getByRole('button', { name: 'Forget them' }).click();
    await expect.poll(() => memory.getByRole('status').textContent()).toBe('Forgot 40 papers seen. Your saved papers are kept.');
    expect(await send({ type: 'readingMemoryStats' })).toMatchObject({ ok: true, entries: 0 });
    expect(await total()).toBe(papersBefore);
  });

  it('clears the library into the Trash only after the typed confirmation', async () => {
    await page.getByRole('button', { name: 'Clear the library…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Move 300 saved papers to the Trash?' });
    const confirm = dialog.getByRole('button', { name: 'Move everything to the Trash' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole('textbox').fill('clear');
    await confirm.click();
    await expect.poll(() => page.locator('.danger-zone .form-message').textContent()).toBe('Moved 300 papers to the Trash. Your settings are kept.');
    expect(await total()).toBe(0);
    expect(await storedSettings()).toMatchObject({ genericOrigins: ['https://workshop.example.com'] });
  });
});
