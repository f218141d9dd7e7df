// The page checks of the trust rules in Firefox ESR with the built extension (puppeteer-core over WebDriver
// BiDi): the page's scripts find no shadow root of Paperlight's, no saved-state attribute and no performance
// entries; synthetic clicks and keys on every element of every card change nothing; a real key press on the
// toolbar (reached with Tab from the card's last control, as a keyboard user does) saves the paper, and the page
// report, asked from an extension page with tabs.sendMessage, says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { SavedPaper } from '../../src/core/paper';
import type { PageReport } from '../../src/shared/page-report';
import { launchFirefox, type FirefoxRoute, type FirefoxSession } from './firefox';

const HF_DAILY = { url: 'https://huggingface.co/papers/date/2025-12-11', file: 'huggingface/daily-2025-12-11.html' };
const ROUTES: FirefoxRoute[] = [{ url: /^https:\/\/huggingface\.co\/papers\/date\/2025-12-11$/, file: HF_DAILY.file }];
const KEY = 'arxiv:2411.18933';

interface ExtensionApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>>; sendMessage(id: number, m: unknown): Promise<unknown> };
}

let session: FirefoxSession;
let extensionPage: Page;

async function send<T>(message: unknown): Promise<T> {
  return extensionPage.evaluate((m) => (globalThis as unknown as { browser: ExtensionApi }).browser.runtime.sendMessage(m), message) as Promise<T>;
}

async function library(): Promise<SavedPaper[]> {
  return (await send<{ papers: SavedPaper[] }>({ type: 'getAll' })).papers;
}

async function report(url: string): Promise<PageReport | null> {
  return extensionPage.evaluate(async (href) => {
    const api = (globalThis as unknown as { browser: ExtensionApi }).browser;
    const [tab] = (await api.tabs.query({})).filter((t) => t.url === href);
    if (tab?.id === undefined) return null;
    return (await api.tabs.sendMessage(tab.id, { type: 'pageReport' })) as PageReport;
  }, url);
}

async function until<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  let value = await read();
  while (!accept(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

beforeAll(async () => {
  session = await launchFirefox();
  extensionPage = await session.openExtensionPage('src/popup/index.html');
  await extensionPage.waitForFunction(() => typeof (globalThis as { browser?: unknown }).browser === 'object', { timeout: 15_000 });
});
afterAll(() => session?.close());

describe('Firefox ESR: the page sees nothing and drives nothing', () => {
  it('keeps the UI in closed roots, writes no saved state or timeline entries, and ignores synthetic input', async () => {
    const page = await session.newPage(ROUTES);
    await page.goto(HF_DAILY.url);
    // Toolbars are built for the cards read within 1,200 px of the viewport (card-toolbar's TOOLBAR_MARGIN): two at least.
    await page.waitForFunction(() => document.querySelectorAll('paperlight-card').length >= 2, { timeout: 20_000 });
    const settled = await until(() => report(HF_DAILY.url), (r) => r?.settled === true);
    expect(settled?.cards.length).toBe(16);

    const hosts = await page.evaluate(() =>
      [...document.querySelectorAll('paperlight-card, paperlight-page')].map((host) => host.shadowRoot === null));
    expect(hosts.length).toBeGreaterThan(2);
    expect(hosts.every(Boolean)).toBe(true);

    const before = await library();
    const dispatched = await page.evaluate(() => {
      document.addEventListener('click', (event) => event.preventDefault(), true);
      let count = 0;
      for (const element of document.querySelectorAll('[data-paperlight-id], [data-paperlight-id] *, paperlight-page')) {
        if (element instanceof HTMLElement) element.click();
        element.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, composed: true }));
        element.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
        count++;
      }
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'S', altKey: true, shiftKey: true, bubbles: true }));
      return count;
    });
    expect(dispatched).toBeGreaterThan(50);
    await new Promise((r) => setTimeout(r, 500));
    expect(await library()).toEqual(before);
    expect((await report(HF_DAILY.url))?.cards.filter((c) => c.saved)).toEqual([]);

    // A real key press: Tab from the card's last control lands on its toolbar's first button, "Save" (the card
    // scrolled to first, as a reader does, so that its toolbar is there).
    await page.evaluate((key) => document.querySelector(`[data-paperlight-id="${key}"]`)!.scrollIntoView({ block: 'center' }), KEY);
    await page.waitForFunction((key) => document.querySelector(`[data-paperlight-id="${key}"] paperlight-card`), { timeout: 10_000 }, KEY);
    await page.evaluate((key) => {
      const card = document.querySelector(`[data-paperlight-id="${key}"]`)!;
      const controls = [...card.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')];
      controls.at(-1)!.focus();
    }, KEY);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const saved = await until(() => report(HF_DAILY.url), (r) => r?.cards.find((c) => c.key === KEY)?.saved === true);
    expect(saved?.cards.find((c) => c.key === KEY)).toMatchObject({ saved: true, status: 'to-read', tags: [] });
    expect((await library()).map((p) => p.key)).toEqual([KEY]);

    expect(await page.evaluate(() => document.querySelectorAll('[data-paperlight-saved]').length)).toBe(0);
    expect(await page.evaluate(() => performance.getEntries().map((e) => e.name).filter((n) => /paperlight/i.test(n)))).toEqual([]);
    await send({ type: 'remove', key: KEY });
    await page.close();
  });
});
