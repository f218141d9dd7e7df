// The in-page annotation in Firefox ESR with the built extension (puppeteer-core over WebDriver
// BiDi): every card marked with the metrics it states, each highlighted (page-readings.ts), the hover
// reading, save + tag from the card landing in the database, the saved state on a second site's page
// for the same paper, and hostile text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { SavedPaper } from '../../src/core/paper';
import { readFixture } from './harness';
import { launchFirefox, type FirefoxRoute, type FirefoxSession } from './firefox';
import { readShownCards } from './page-tools';
import { CVF, HF_DAILY, SCHOLAR, metricsOf } from './page-readings';

const ROUTES: FirefoxRoute[] = [HF_DAILY, SCHOLAR, CVF].map(({ url, file }) => ({ url: new RegExp(`^${url.replace(/[.?+*()[\]]/g, '\\$&')}$`), file }));

let session: FirefoxSession;
let extensionPage: Page;

async function send<T>(message: unknown): Promise<T> {
  return extensionPage.evaluate((m) => (globalThis as unknown as { browser: { runtime: { sendMessage(x: unknown): Promise<unknown> } } })
    .browser.runtime.sendMessage(m), message) as Promise<T>;
}

async function open(url: string, count: number, routes = ROUTES): Promise<Page> {
  const page = await session.newPage(routes);
  await page.goto(url);
  await page.waitForFunction((n) => document.querySelectorAll('[data-paperlight-id]').length >= n, { timeout: 20_000 }, count);
  return page;
}

async function cardState(page: Page, key: string, attribute: string): Promise<string | null> {
  return page.evaluate((k, a) => document.querySelector(`[data-paperlight-id="${k}"]`)?.getAttribute(a) ?? null, key, attribute);
}

async function until<T>(read: () => Promise<T>, expected: T, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  let value = await read();
  while (value !== expected && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  expect(value).toBe(expected);
}

beforeAll(async () => {
  session = await launchFirefox();
  extensionPage = await session.openExtensionPage('src/popup/index.html');
  await extensionPage.waitForFunction(() => typeof (globalThis as { browser?: unknown }).browser === 'object', { timeout: 15_000 });
});
afterAll(() => session?.close());

describe('Firefox ESR: in-page annotation', () => {
  it('marks every card, with the count of the metrics it states, each highlighted', async () => {
    const page = await open(HF_DAILY.url, HF_DAILY.keys.length);
    const shown = await page.evaluate(readShownCards);
    expect(shown.map((c) => c.key)).toEqual(HF_DAILY.keys);
    for (const card of shown) {
      expect(card.metrics, card.key).toBe(metricsOf(HF_DAILY, card.key).length);
      expect(card.highlighted, `${card.key} highlights`).toEqual(metricsOf(HF_DAILY, card.key));
    }
    await page.close();
  });

  it('shows the reading of a highlight under the pointer', async () => {
    const page = await open(HF_DAILY.url, 16);
    const target = await page.evaluate(() => {
      const range = [...(CSS.highlights.get('paperlight-speed') as Highlight)][0] as Range;
      range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const rect = range.getBoundingClientRect();
      return { text: range.toString(), x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    // The first speed highlight: "… with ~2x speedup on A100 …" in the first card's abstract.
    expect(target.text).toBe('~2x');
    await page.mouse.move(target.x, target.y);
    const tooltip = await page.waitForFunction(
      () => document.querySelector('paperlight-page')?.shadowRoot?.querySelector('.tooltip')?.textContent, { timeout: 10_000 });
    expect(await tooltip.jsonValue()).toBe('~2x · speedup · speedup on A100');
    await page.close();
  });

  it('saves and tags from the card, and the saved state shows on another site for the same paper', async () => {
    const key = 'arxiv:0704.0217';
    const scholar = await open(SCHOLAR.url, 5);
    expect(await cardState(scholar, key, 'data-paperlight-id')).toBe(key);
    await scholar.evaluate((k) => document.querySelector(`[data-paperlight-id="${k}"]`)!.scrollIntoView(), key);
    const save = await scholar.waitForSelector(`[data-paperlight-id="${key}"] paperlight-card >>> button.save`, { timeout: 10_000 });
    await save!.click();
    await until(() => cardState(scholar, key, 'data-paperlight-saved'), 'true');
    const addTag = await scholar.waitForSelector(`[data-paperlight-id="${key}"] paperlight-card >>> ::-p-aria(Add a tag)`);
    await addTag!.click();
    const input = await scholar.waitForSelector(`[data-paperlight-id="${key}"] paperlight-card >>> .tag-field input`);
    await input!.type('relay');
    await input!.press('Enter');
    await until(async () => (await send<{ papers: SavedPaper[] }>({ type: 'getAll' })).papers.find((p) => p.key === key)?.tags.join(','), 'relay');

    const cvf = await open(CVF.url, 10);
    await until(() => cardState(cvf, key, 'data-paperlight-saved'), 'true');
    await scholar.close();
    await cvf.close();
  });

  it('renders hostile text as text and runs nothing', async () => {
    // No double quotes, so the same text is valid inside the page's hydration JSON and in its markup.
    const hostile = '<img src=x onerror=window.__pwned=1></style><script>window.__pwned=2</script>';
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const html = (await readFixture(HF_DAILY.file)).replaceAll('Efficient Track Anything', `${escape(hostile)} 2.4x`);
    const url = 'https://huggingface.co/papers/date/2025-12-12';
    const page = await open(url, 16, [{ url: /^https:\/\/huggingface\.co\/papers\/date\/2025-12-12$/, body: html }]);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    const label = await page.waitForFunction(() => document.querySelector('paperlight-card')?.shadowRoot?.querySelector('[role="toolbar"]')?.getAttribute('aria-label'));
    expect(await label.jsonValue()).toContain(hostile);
    expect(await page.evaluate(() => [...document.querySelectorAll('paperlight-card, paperlight-page')].some((h) => h.shadowRoot!.querySelector('img, script')))).toBe(false);
    await page.close();
  });
});
