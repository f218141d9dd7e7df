// The built extension loads in both browsers: its content script runs on a fulfilled Hugging Face
// Papers URL (the manifest's real match pattern) and gets its answers from the background.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, routeFixtures, sendFromExtensionPage, type ChromiumSession } from './harness';
import { launchFirefox, type FirefoxSession } from './firefox';
import { savedStateOf } from './page-report';

const HF_DAILY = 'https://huggingface.co/papers/date/2025-12-11';
const SAVED_KEY = 'arxiv:2411.18933';
const CARD = {
  key: SAVED_KEY, title: 'Efficient Track Anything', url: 'https://huggingface.co/papers/2411.18933',
  authors: ['Yunyang Xiong'], abstract: '', metrics: [], codeLinks: [], site: 'huggingface',
};

describe('Chromium: the built extension', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium();
    await routeFixtures(session.context, [{ url: 'https://huggingface.co/papers**', file: 'huggingface/daily-2025-12-11.html' }]);
  });
  afterAll(() => session?.close());

  it('answers a message from an extension page and rejects an unknown one', async () => {
    const popup = await session.openExtensionPage('src/popup/index.html');
    expect(await sendFromExtensionPage(popup, { type: 'ping' })).toMatchObject({ ok: true, protocol: 1 });
    expect(await sendFromExtensionPage(popup, { type: 'no-such-thing' })).toMatchObject({ ok: false });
    expect(await sendFromExtensionPage(popup, { type: 'save', paper: CARD })).toMatchObject({ ok: true });
  });

  it('runs its content script on a fulfilled Hugging Face Papers URL, which reads saved state from the background', async () => {
    const page = await session.context.newPage();
    await page.goto(HF_DAILY);
    await expect.poll(() => page.locator('[data-paperlight-id]').count(), { timeout: 10_000 }).toBe(16);
    // The saved state is not written into the page: the tab's page report says it.
    const popup = await session.openExtensionPage('src/popup/index.html');
    await expect.poll(async () => (await savedStateOf(popup, page, SAVED_KEY))?.saved).toBe(true);
  });

  it('opens the popup and options pages', async () => {
    const popup = await session.openExtensionPage('src/popup/index.html');
    await expect.poll(() => popup.locator('body').textContent()).toContain('Paperlight');
    const options = await session.openExtensionPage('src/options/index.html');
    await expect.poll(() => options.locator('body').textContent()).toContain('Paperlight');
  });
});

describe('Firefox ESR: the built extension', () => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefox();
  });
  afterAll(() => session?.close());

  it('runs its content script on a fulfilled Hugging Face Papers URL, which reads saved state from the background', async () => {
    const popup = await session.openExtensionPage('src/popup/index.html');
    await popup.waitForFunction(() => typeof (globalThis as { browser?: unknown }).browser === 'object', { timeout: 15_000 });
    const reply = await popup.evaluate((card) => (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
      .browser.runtime.sendMessage({ type: 'save', paper: card }), CARD);
    expect(reply).toMatchObject({ ok: true });
    const page = await session.newPage([{ url: /^https:\/\/huggingface\.co\/papers/, file: 'huggingface/daily-2025-12-11.html' }]);
    await page.goto(HF_DAILY);
    await page.waitForFunction(() => document.querySelectorAll('[data-paperlight-id]').length === 16, { timeout: 15_000 });
    // The saved state is not written into the page: the tab's page report, asked from an extension page, says it.
    const saved = await popup.waitForFunction(async (href, key) => {
      const api = (globalThis as unknown as { browser: { tabs: {
        query(q: object): Promise<Array<{ id?: number; url?: string }>>; sendMessage(id: number, m: unknown): Promise<unknown>;
      } } }).browser;
      const [tab] = (await api.tabs.query({})).filter((t) => t.url === href);
      if (tab?.id === undefined) return false;
      const report = (await api.tabs.sendMessage(tab.id, { type: 'pageReport' })) as { cards: Array<{ key: string; saved: boolean }> };
      return report.cards.find((c) => c.key === key)?.saved === true;
    }, { timeout: 15_000 }, HF_DAILY, SAVED_KEY);
    expect(await saved.jsonValue()).toBe(true);
  });
});
