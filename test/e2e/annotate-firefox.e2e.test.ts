// The in-page annotation in Firefox ESR with the built extension (puppeteer-core over WebDriver
// BiDi): every card marked with the metrics it states, each highlighted (page-readings.ts), the hover
// reading, save + tag from the card landing in the database, the saved state on a second site's page
// for the same paper, and hostile text. Paperlight's UI is in closed shadow roots, which no test driver
// here can enter: the toolbar is reached with the keyboard (Tab from the card's last control), the tooltip
// is seen in a screenshot of the page, and a card's saved state is read from the page report, asked from
// an extension page with tabs.sendMessage as the popup asks it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { SavedPaper } from '../../src/core/paper';
import { readFixture } from './harness';
import { launchFirefox, savedInTab, until, type ExtensionApi, type FirefoxRoute, type FirefoxSession } from './firefox';
import { readShownCards } from './page-tools';
import { CVF, HF_DAILY, SCHOLAR, metricsOf } from './page-readings';

const ROUTES: FirefoxRoute[] = [HF_DAILY, SCHOLAR, CVF].map(({ url, file }) => ({ url: new RegExp(`^${url.replace(/[.?+*()[\]]/g, '\\$&')}$`), file }));

let session: FirefoxSession;
let extensionPage: Page;

async function send<T>(message: unknown): Promise<T> {
  return extensionPage.evaluate((m) => (globalThis as unknown as { browser: ExtensionApi }).browser.runtime.sendMessage(m), message) as Promise<T>;
}

/** Puts the keyboard focus on the card's last control, from where Tab enters its toolbar. */
async function focusBeforeToolbar(page: Page, key: string): Promise<void> {
  // Scrolled to first, as a reader does: toolbars are built for the cards on screen or near it.
  await page.evaluate((k) => document.querySelector(`[data-paperlight-id="${k}"]`)!.scrollIntoView({ block: 'center' }), key);
  await page.waitForFunction((k) => document.querySelector(`[data-paperlight-id="${k}"] paperlight-card`), { timeout: 10_000 }, key);
  await page.evaluate((k) => {
    const card = document.querySelector(`[data-paperlight-id="${k}"]`)!;
    const controls = [...card.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')];
    controls.filter((control) => control.checkVisibility()).at(-1)!.focus();
  }, key);
}

async function open(url: string, count: number, routes = ROUTES): Promise<Page> {
  const page = await session.newPage(routes);
  await page.goto(url);
  await page.waitForFunction((n) => document.querySelectorAll('[data-paperlight-id]').length >= n, { timeout: 20_000 }, count);
  return page;
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
      return { text: range.toString(), x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, scrollX, scrollY };
    });
    // The first speed highlight: "… with ~2x speedup on A100 …" in the first card's abstract.
    expect(target.text).toBe('~2x');
    // The tooltip appears above the highlight (its text is checked in Chromium, where tests can read closed roots).
    // (A screenshot's clip is in page coordinates: the viewport's, moved by the scroll.)
    const above = { x: Math.max(0, target.x - 150) + target.scrollX, y: Math.max(0, target.y - 40) + target.scrollY, width: 300, height: 30 };
    const before = await page.screenshot({ clip: above, encoding: 'base64' });
    await page.mouse.move(target.x, target.y);
    await until(async () => (await page.screenshot({ clip: above, encoding: 'base64' })) !== before, true);
    await page.mouse.move(5, 5);
    await until(async () => (await page.screenshot({ clip: above, encoding: 'base64' })) === before, true);
    await page.close();
  });

  it('saves and tags from the card, and the saved state shows on another site for the same paper', async () => {
    const key = 'arxiv:0704.0217';
    const scholar = await open(SCHOLAR.url, 5);
    await focusBeforeToolbar(scholar, key);
    await scholar.keyboard.press('Tab'); // "☆ Save"
    await scholar.keyboard.press('Enter');
    await until(() => savedInTab(extensionPage, SCHOLAR.url, key), true);
    await scholar.keyboard.press('Tab'); // the reading status
    await scholar.keyboard.press('Tab'); // "+ tag"
    await scholar.keyboard.press('Enter');
    await new Promise((r) => setTimeout(r, 300)); // the tag field opens with the tags in use, and takes the focus
    await scholar.keyboard.type('relay');
    await scholar.keyboard.press('Enter');
    await until(async () => (await send<{ papers: SavedPaper[] }>({ type: 'getAll' })).papers.find((p) => p.key === key)?.tags.join(','), 'relay');

    const cvf = await open(CVF.url, 10);
    await until(() => savedInTab(extensionPage, CVF.url, key), true);
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
    await page.waitForFunction(() => document.querySelectorAll('paperlight-card').length > 0);
    // The toolbar of the first card shows the hostile title as text (its label, saved with the paper as text).
    await focusBeforeToolbar(page, 'arxiv:2411.18933');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await until(async () => (await send<{ papers: SavedPaper[] }>({ type: 'getAll' })).papers.some((p) => p.key === 'arxiv:2411.18933'), true);
    const saved = (await send<{ papers: SavedPaper[] }>({ type: 'getAll' })).papers.find((p) => p.key === 'arxiv:2411.18933')!;
    expect(saved.title).toContain(hostile);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => document.querySelectorAll('img[src="x"]').length)).toBe(0);
    await send({ type: 'remove', key: 'arxiv:2411.18933' });
    await page.close();
  });
});
