// Site health and automatic backups in Chromium with the built extension. Pages are fixtures served under their
// real URLs. The toolbar badge is read through the service worker (`action.getBadgeText` for the page's tab);
// the popup is opened over the page as the toolbar would open it. The automatic backup goes to a downloads
// folder this test sets, and is read back with the backup reader.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseBackup } from '../../src/core/backup';
import { openClosedUi } from './closed-ui';
import { exactUrl, launchChromium, readFixture, sendFromExtensionPage, type ChromiumSession } from './harness';

const POPUP = 'src/popup/index.html';
const RECENT = 'https://arxiv.org/list/astro-ph.EP/recent';
const NO_RESULTS = 'https://arxiv.org/search/?query=zzqxv+photonic+lattice&searchtype=all&source=header';
const HF_NO_RESULTS = 'https://huggingface.co/papers?q=zzqxv+photonic+sourdough';
const OPENREVIEW_EMPTY_VENUE = 'https://openreview.net/group?id=ICLR.cc/2027/Conference';

let session: ChromiumSession;
let profile: string;
let downloads: string;

declare const chrome: {
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
};

beforeAll(async () => {
  // The profile's downloads folder is set as a person would set it (the browser's preferences); the test runner's
  // own handling of downloads (files renamed to random names) is switched back to the browser's, which keeps the
  // names the extension gives.
  profile = await mkdtemp(path.join(tmpdir(), 'paperlight-profile-'));
  downloads = await mkdtemp(path.join(tmpdir(), 'paperlight-downloads-'));
  await mkdir(path.join(profile, 'Default'));
  await writeFile(path.join(profile, 'Default', 'Preferences'), JSON.stringify({ download: { default_directory: downloads, prompt_for_download: false } }));
  session = await launchChromium({ userDataDir: profile });
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
  await page.close();
});
afterAll(async () => {
  await session?.close();
  for (const dir of [profile, downloads]) if (dir) await rm(dir, { recursive: true, force: true });
});

async function openFixture(url: string, file: string): Promise<Page> {
  const body = await readFixture(file);
  const page = await session.context.newPage();
  await page.route(exactUrl(url), (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
  await page.goto(url);
  return page;
}

/** The badge text of the (newest) tab showing `url`, as the service worker reads it. */
async function badgeOf(url: string): Promise<string | null> {
  const worker = await session.serviceWorker();
  return worker.evaluate(async (href) => {
    const tabs = (await chrome.tabs.query({})).filter((tab) => tab.url === href);
    const tab = tabs.sort((a, b) => (a.id ?? 0) - (b.id ?? 0)).at(-1);
    return tab?.id === undefined ? null : chrome.action.getBadgeText({ tabId: tab.id });
  }, url);
}

describe('Chromium: the toolbar badge', () => {
  it('shows how many papers an ordinary listing has', async () => {
    const page = await openFixture(RECENT, 'arxiv/list-recent-astro-ph.EP.html');
    await expect.poll(() => badgeOf(RECENT), { timeout: 15_000 }).toBe('37');
    expect(await page.evaluate(() => document.querySelectorAll('[data-paperlight-id]').length)).toBe(37);
    await page.close();
  });

  it('shows "!" on a listing whose card markup was renamed, and the popup over it names the adapter in its diagnostic', async () => {
    const page = await openFixture(RECENT, 'health/arxiv-list-renamed.html');
    await expect.poll(() => badgeOf(RECENT), { timeout: 15_000 }).toBe('!');
    expect(await page.evaluate(() => document.querySelectorAll('[data-paperlight-id]').length)).toBe(0);

    // A toolbar popup opens over the page: the page is the active tab when the popup asks which tab it is over.
    const over = await session.context.newPage();
    await over.goto(`chrome-extension://${session.extensionId}/${POPUP}`);
    await page.bringToFront();
    await over.reload();
    const warning = () => over.evaluate(() => document.querySelector('.site-health')?.textContent ?? null);
    await expect.poll(warning, { timeout: 15_000 }).toContain('Paperlight recognised no papers on this arXiv page.');
    expect(await warning()).toContain('layout may have changed');

    // What "Copy diagnostic" puts on the clipboard (taken as it is written, so the test needs no clipboard access).
    await over.bringToFront();
    await over.evaluate(() => {
      const scope = window as unknown as { copied?: string };
      navigator.clipboard.writeText = async (text: string) => {
        scope.copied = text;
      };
    });
    await over.getByRole('button', { name: 'Copy diagnostic' }).click();
    await expect.poll(() => over.evaluate(() => (window as unknown as { copied?: string }).copied ?? null)).not.toBeNull();
    const copied = await over.evaluate(() => (window as unknown as { copied: string }).copied);
    const version = await over.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): { version: string } } } }).chrome.runtime.getManifest().version);
    const lines = copied.split('\n');
    expect(lines.slice(0, 6)).toEqual([
      'Paperlight site-health diagnostic',
      'adapter: arxiv',
      `version: ${version}`,
      `url: ${RECENT}`,
      'cards recognised: 0',
      'selectors (elements matched):',
    ]);
    expect(lines).toContain('  listingEntry: 0  dl > dt');
    expect(lines).toContain('  listingTitle: 0  .list-title');
    expect(await over.getByText('Copied.').count()).toBe(1);
    await over.close();
    await page.close();
  });

  it('shows nothing once the page moves in place to an address no adapter reads (OpenReview\'s router, venue to profile)', async () => {
    const venue = 'https://openreview.net/group?id=ICML.cc/2024/Conference';
    const page = await openFixture(venue, 'openreview/venue-ICML2024-accept-poster.html');
    await expect.poll(() => badgeOf(venue), { timeout: 15_000 }).toBe('34');
    // openreview-web is a Next.js app: a link to an author's profile changes the address with pushState and renders
    // the profile in place, with no new document (the browser keeps the tab's badge).
    const profile = 'https://openreview.net/profile?id=~Ada_Lovelace1';
    await page.evaluate((href) => {
      history.pushState({}, '', href);
      document.querySelector('main')!.replaceChildren(Object.assign(document.createElement('h1'), { textContent: 'Ada Lovelace' }));
    }, profile);
    await expect.poll(() => badgeOf(profile), { timeout: 15_000 }).toBe('');
    await page.close();
  });

  it.each([
    ['arXiv', NO_RESULTS, 'health/arxiv-search-no-results.html', 'no results'],
    ['Hugging Face', HF_NO_RESULTS, 'health/huggingface-search-no-results.synthetic.html', 'no results'],
    ['OpenReview', OPENREVIEW_EMPTY_VENUE, 'health/openreview-venue-empty.synthetic.html', 'no papers'],
  ])('shows no warning on a page with no results (%s)', async (_site, url, file, reason) => {
    const page = await openFixture(url, file);
    const extensionPage = await session.openExtensionPage(POPUP);
    // The page report says the page is empty for its own reason; the badge stays blank.
    await expect.poll(async () => {
      const reply = await extensionPage.evaluate(async (href) => {
        const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>>; sendMessage(id: number, m: unknown): Promise<unknown> } } }).chrome;
        const tab = (await api.tabs.query({})).find((t) => t.url === href);
        return tab?.id === undefined ? null : api.tabs.sendMessage(tab.id, { type: 'pageReport' }).catch(() => null);
      }, url) as { settled?: boolean; health?: string; emptyReason?: string } | null;
      return reply?.settled ? { health: reply.health, emptyReason: reply.emptyReason } : null;
    }, { timeout: 15_000 }).toEqual({ health: 'empty', emptyReason: reason });
    // The content script reports to the background a moment after the page settled: give it that moment, twice over.
    await page.waitForTimeout(2500);
    expect(await badgeOf(url)).toBe('');
    await extensionPage.close();
    await page.close();
  });
});

// A paper's PDF or citation file under an address its site's adapter claims (ACL Anthology's /2023.acl-long.1.pdf
// and .bib, CVF's /content/…/papers/…pdf): the browser shows it in its own viewer, which holds no listing. The PDF
// is the smallest file Chromium's viewer opens (one empty page), written here; the BibTeX is the Anthology's
// entry shape, shortened.
const ONE_PAGE_PDF = [
  '%PDF-1.1',
  '1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj',
  '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj',
  '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 300]>>endobj',
  'trailer<</Root 1 0 R>>',
  '%%EOF',
].join('\n');
const FILES = [
  ['https://aclanthology.org/2023.alta-1.1.pdf', 'application/pdf', ONE_PAGE_PDF],
  ['https://openaccess.thecvf.com/content/CVPR2024/papers/Lo_Opportunistic_Relay_Selection_with_Limited_Feedback_CVPR_2024_paper.pdf', 'application/pdf', ONE_PAGE_PDF],
  ['https://aclanthology.org/2023.alta-1.1.bib', 'text/plain; charset=utf-8', '@inproceedings{example-2023-title,\n    title = "A Title",\n    year = "2023",\n}\n'],
] as const;

describe('Chromium: a file the site serves, not a page', () => {
  it.each(FILES)('%s shows no warning and no count, and answers no page report', async (url, contentType, body) => {
    const page = await session.context.newPage();
    await page.route(exactUrl(url), (route) => route.fulfill({ status: 200, contentType, body }));
    await page.goto(url);
    // A content script that ran would have settled and reported well within this: a listing reports in ~1 s, and a
    // page without cards says "!" once SETTLE_MS (4 s, src/shared/page-report.ts) has passed.
    await page.waitForTimeout(5500);
    expect(await badgeOf(url)).toBe('');
    const extensionPage = await session.openExtensionPage(POPUP);
    const answer = await extensionPage.evaluate(async (href) => {
      const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>>; sendMessage(id: number, m: unknown): Promise<unknown> } } }).chrome;
      const tab = (await api.tabs.query({})).find((t) => t.url === href);
      return tab?.id === undefined ? 'no tab' : api.tabs.sendMessage(tab.id, { type: 'pageReport' }).then(() => 'answered', () => 'no answer');
    }, url);
    expect(answer).toBe('no answer');
    await extensionPage.close();
    await page.close();
  });
});

describe('Chromium: automatic backups', () => {
  it('writes a backup into the downloads folder after the library changes, which reads back as the library', async () => {
    const extensionPage = await session.openExtensionPage(POPUP);
    const paper = {
      key: 'arxiv:2401.00001', title: 'A paper saved to be backed up', url: 'https://arxiv.org/abs/2401.00001',
      authors: ['Ada Lovelace'], abstract: 'Nothing to see.', metrics: [], codeLinks: [], site: 'arxiv', tags: ['backup-test'],
    };
    const savedAt = Date.now();
    const saved = await sendFromExtensionPage<{ ok: boolean }>(extensionPage, { type: 'save', paper });
    expect(saved.ok).toBe(true);
    // The backup waits for the library to be quiet for a minute: its alarm is set for then. Rather than wait, the
    // test moves the worker's clock past it and fires the alarm.
    const worker = await session.serviceWorker();
    const alarm = () => worker.evaluate(() => (globalThis as unknown as { chrome: { alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> } } })
      .chrome.alarms.get('paperlight:auto-backup').then((found) => found?.scheduledTime ?? null));
    await expect.poll(alarm, { timeout: 10_000 }).not.toBeNull();
    const scheduled = (await alarm())!;
    expect(scheduled - savedAt).toBeGreaterThanOrEqual(60_000);
    expect(scheduled - savedAt).toBeLessThan(90_000);
    const folder = path.join(downloads, 'Paperlight');
    expect(await readdir(folder).catch(() => [])).toEqual([]);
    await worker.evaluate((time) => {
      const realNow = Date.now.bind(Date);
      const shift = time - realNow();
      Date.now = () => realNow() + shift;
      return (globalThis as unknown as { chrome: { alarms: { create(name: string, info: { when: number }): Promise<void> } } })
        .chrome.alarms.create('paperlight:auto-backup', { when: realNow() });
    }, scheduled + 1000);
    const listing = () => readdir(folder).catch(() => [] as string[]);
    // Chromium writes a download under a temporary name ("Unconfirmed 41293.crdownload") and renames it once done.
    const finished = async () => (await listing()).filter((file) => !file.endsWith('.crdownload'));
    await expect.poll(finished, { timeout: 20_000 }).toHaveLength(1);
    const [name] = await finished();
    expect(name).toMatch(/^paperlight-backup-\d{4}-\d{2}-\d{2}\.json$/);
    await expect.poll(listing, { timeout: 10_000 }).toEqual([name]);
    // Read once the download has finished writing.
    let text = '';
    await expect.poll(async () => {
      text = await readFile(path.join(folder, name!), 'utf8').catch(() => '');
      return parseBackup(text).ok;
    }, { timeout: 10_000 }).toBe(true);
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.backup.version).toBe(2);
    expect(parsed.backup.papers.map((p) => ({ key: p.key, title: p.title, tags: p.tags }))).toEqual([
      { key: 'arxiv:2401.00001', title: 'A paper saved to be backed up', tags: ['backup-test'] },
    ]);
    // The options page's status says when.
    const status = await sendFromExtensionPage<{ ok: boolean; lastWrittenAt: number | null; files: number }>(extensionPage, { type: 'backupStatus' });
    expect(status.ok).toBe(true);
    expect(status.files).toBe(1);
    expect(typeof status.lastWrittenAt).toBe('number');

    // "Clear all" waits for the same backup, written beside the day's file (not over it).
    const library = () => sendFromExtensionPage<{ papers: unknown[] }>(extensionPage, { type: 'getAll' }).then((reply) => reply.papers);
    const trash = () => sendFromExtensionPage<{ papers: Array<{ key: string }> }>(extensionPage, { type: 'trash' }).then((reply) => reply.papers.map((p) => p.key));
    // A second paper saved and removed: the backup holds it in its Trash.
    const removed = { ...paper, key: 'arxiv:2401.00002', url: 'https://arxiv.org/abs/2401.00002', title: 'A paper removed before the backup' };
    expect(await sendFromExtensionPage(extensionPage, { type: 'save', paper: removed })).toMatchObject({ ok: true });
    expect(await sendFromExtensionPage(extensionPage, { type: 'remove', key: removed.key })).toMatchObject({ ok: true });
    const records = await library();
    expect(await sendFromExtensionPage(extensionPage, { type: 'clearAll' })).toEqual({ ok: true, removed: 1 });
    const beside = name!.replace('.json', ' (1).json');
    expect((await listing()).sort()).toEqual([name, beside].sort());
    const before = parseBackup(await readFile(path.join(folder, beside), 'utf8'));
    if (!before.ok) throw new Error(before.error);
    expect(before.backup.papers.map((p) => p.key)).toEqual(['arxiv:2401.00001']);
    expect(before.backup.trash?.map((p) => p.key)).toEqual(['arxiv:2401.00002']);

    // That very file gives the library back, record for record: merged into the emptied library (its Trash copy
    // taken out, as a restore would), then again replacing the library (which first writes its own backup beside).
    expect((await trash()).sort()).toEqual(['arxiv:2401.00001', 'arxiv:2401.00002']);
    const restoreText = await readFile(path.join(folder, beside), 'utf8');
    expect(await sendFromExtensionPage(extensionPage, { type: 'importBackup', text: restoreText, mode: 'merge' })).toMatchObject({ ok: true });
    expect(await library()).toEqual(records);
    expect(await trash()).toEqual(['arxiv:2401.00002']);
    expect(await sendFromExtensionPage(extensionPage, { type: 'clearAll' })).toEqual({ ok: true, removed: 1 });
    expect(await sendFromExtensionPage(extensionPage, { type: 'importBackup', text: restoreText, mode: 'replace' })).toMatchObject({ ok: true });
    expect(await library()).toEqual(records);
    expect(await trash()).toEqual(['arxiv:2401.00002']);
    // Each of the two destructive steps wrote its backup beside the others.
    expect((await finished()).length).toBe(4);
    await extensionPage.close();
  });
});

// After the backup test: a save here would be the first change of the library, and write the day's backup.
describe('Chromium: where a code link came from', () => {
  it('the code hover on arXiv\'s abstract page says the link was in the comments field, and a save keeps it', async () => {
    const url = 'https://arxiv.org/abs/2108.10257';
    const page = await openFixture(url, 'arxiv/abs-2108.10257.html');
    await page.waitForFunction(() => document.querySelector('[data-paperlight-code="1"]') !== null);
    const ui = await openClosedUi(session.context, page);
    const code = await ui.inToolbar('arxiv:2108.10257', { tag: 'button', cls: 'code' });
    expect(code.attributes.title).toBe("https://github.com/JingyunLiang/SwinIR (found in arXiv's comments field)");
    await ui.click(await ui.inToolbar('arxiv:2108.10257', { tag: 'button', text: '☆ Save' }));
    const extensionPage = await session.openExtensionPage(POPUP);
    await expect.poll(async () => {
      const { found } = await sendFromExtensionPage<{ found: Array<{ paper: { codeSources?: unknown } }> }>(extensionPage, { type: 'lookup', keys: ['arxiv:2108.10257'] });
      return found[0]?.paper.codeSources ?? null;
    }, { timeout: 10_000 }).toEqual({ 'https://github.com/JingyunLiang/SwinIR': 'comments' });
    await extensionPage.close();
    await page.close();
  });
});
