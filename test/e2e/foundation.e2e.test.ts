import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, routeFixtures, sendFromExtensionPage, type ChromiumSession } from './harness';
import { launchFirefox, type FirefoxSession } from './firefox';

const HF_DAILY = 'https://huggingface.co/papers/date/2025-12-11';

describe('Chromium: the built extension', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium();
    await routeFixtures(session.context, [{ url: 'https://huggingface.co/papers**', file: 'huggingface/daily-2025-12-11.html' }]);
  });
  afterAll(() => session?.close());

  it('runs its content script on a fulfilled Hugging Face Papers URL, which reaches the background', async () => {
    const page = await session.context.newPage();
    await page.goto(HF_DAILY);
    await expect.poll(() => page.locator('#paperlight-strip .paperlight-status').textContent(), { timeout: 10_000 })
      .toMatch(/^Paperlight \d+\.\d+\.\d+$/);
  });

  it('answers a message from an extension page and rejects an unknown one', async () => {
    const popup = await session.openExtensionPage('src/popup/index.html');
    expect(await sendFromExtensionPage(popup, { type: 'ping' })).toMatchObject({ ok: true, protocol: 1 });
    expect(await sendFromExtensionPage(popup, { type: 'no-such-thing' })).toMatchObject({ ok: false });
  });

  it('opens the popup and options pages', async () => {
    const popup = await session.openExtensionPage('src/popup/index.html');
    await expect.poll(() => popup.locator('h1').textContent()).toBe('Paperlight');
    const options = await session.openExtensionPage('src/options/index.html');
    await expect.poll(() => options.locator('h1').count()).toBe(1);
  });
});

describe('Firefox ESR: the built extension', () => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefox();
  });
  afterAll(() => session?.close());

  it('runs its content script on a fulfilled Hugging Face Papers URL, which reaches the background', async () => {
    const page = await session.newPage([{ url: /^https:\/\/huggingface\.co\/papers/, file: 'huggingface/daily-2025-12-11.html' }]);
    await page.goto(HF_DAILY);
    const handle = await page.waitForFunction(
      () => document.querySelector('#paperlight-strip')?.shadowRoot?.querySelector('.paperlight-status')?.textContent,
      { timeout: 15_000 },
    );
    expect(await handle.jsonValue()).toMatch(/^Paperlight \d+\.\d+\.\d+$/);
  });
});
