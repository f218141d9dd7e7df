// The reading memory in Firefox ESR with the built extension: clearing it (what the options page sends once the
// reader confirms) reaches a tab already open, whose "seen" labels go without a reload. The cards are made "seen
// on an earlier day" by importing a backup whose reading memory met them two days ago: Firefox's background has
// no clock a test can set, and the import is the same path a reader's own backup takes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { serialiseBackup } from '../../src/core/backup';
import type { PageReport } from '../../src/shared/page-report';
import { launchFirefox, until, type ExtensionApi, type FirefoxSession } from './firefox';
import { CVF } from './page-readings';

const DAY = 24 * 60 * 60 * 1000;

let session: FirefoxSession;
let extensionPage: Page;

const send = (message: unknown) => extensionPage.evaluate(
  (m) => (globalThis as unknown as { browser: ExtensionApi }).browser.runtime.sendMessage(m), message as object);

/** How many cards of the tab showing `url` have a "seen" day in its page report. */
async function seenInTab(url: string): Promise<number | undefined> {
  const report = await extensionPage.evaluate(async (href) => {
    const api = (globalThis as unknown as { browser: ExtensionApi }).browser;
    const [tab] = (await api.tabs.query({})).filter((t) => t.url === href);
    return tab?.id === undefined ? null : ((await api.tabs.sendMessage(tab.id, { type: 'pageReport' })) as PageReport);
  }, url);
  return report?.cards.filter((card) => card.seen !== null).length;
}

beforeAll(async () => {
  session = await launchFirefox();
  extensionPage = await session.openExtensionPage('src/popup/index.html');
  await extensionPage.waitForFunction(() => typeof (globalThis as { browser?: unknown }).browser === 'object', { timeout: 15_000 });
});
afterAll(() => session?.close());

describe('Firefox ESR: the reading memory', () => {
  it('cleared, it takes the "seen" labels off a tab already open', async () => {
    const twoDaysAgo = Date.now() - 2 * DAY;
    const readingMemory = CVF.keys.map((key) => ({ key, aliases: [], firstSeen: twoDaysAgo, lastSeen: twoDaysAgo, site: 'cvf' }));
    const text = serialiseBackup([], new Date(), { readingMemory });
    expect(await send({ type: 'importBackup', text, mode: 'merge' })).toMatchObject({ ok: true, readingMemory: { added: CVF.keys.length } });

    const page = await session.newPage([{ url: new RegExp(`^${CVF.url.replace(/[.?+*()[\]]/g, '\\$&')}$`), file: CVF.file }]);
    await page.goto(CVF.url);
    await page.waitForFunction((n) => document.querySelectorAll('[data-paperlight-id]').length >= n, { timeout: 20_000 }, CVF.keys.length);
    await until(() => seenInTab(CVF.url), CVF.keys.length, 15_000);

    expect(await send({ type: 'clearReadingMemory' })).toEqual({ ok: true, removed: CVF.keys.length });
    await until(() => seenInTab(CVF.url), 0);
    await page.close();
  });
});
