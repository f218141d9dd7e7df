// The popup opened over a tab whose cards arrive late, in Chromium with the built extension: a Semantic Scholar
// search (the fixture page) whose results the page's own script adds only after LATE_MS, as a framework page
// renders them once its data came; and the same page served 3 s late, the popup opened while the tab loads it
// (its content script not running yet). "On this page" must come to show the cards once they are there, and
// the popup must stop asking the tab once they are.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exactUrl, launchChromium, readFixture, routeHtml, type ChromiumSession } from './harness';

const POPUP = 'src/popup/index.html';
const LATE_MS = 3000;

let session: ChromiumSession;
let url: string;
let cardCount: number;

beforeAll(async () => {
  const expected = JSON.parse(await readFixture('semanticscholar/search-complex-networks.expected.json')) as { url: string; cardCount: number };
  url = expected.url;
  cardCount = expected.cardCount;
  const html = await readFixture('semanticscholar/search-complex-networks.html');
  // The page's body is held in an inert template and put in the document only after LATE_MS.
  const late = html.replace(/<body([^>]*)>([\s\S]*)<\/body>/i, (_all, attributes: string, body: string) =>
    `<body${attributes}><template id="late">${body.replace(/<script[\s\S]*?<\/script>/gi, '')}</template>` +
    `<script>setTimeout(() => document.body.append(document.getElementById('late').content.cloneNode(true)), ${LATE_MS});</script></body>`);
  session = await launchChromium();
  await routeHtml(session.context, exactUrl(url), late);
});
afterAll(() => session?.close());

describe('Chromium: the popup opened before the tab has its cards', () => {
  it('shows the cards once they arrive, then stops asking the tab', async () => {
    const page = await session.context.newPage();
    const over = await session.context.newPage();
    await over.setViewportSize({ width: 540, height: 580 });
    // Counts the popup's questions to the tab (the polyfill calls the browser's own function).
    await over.addInitScript(() => {
      const asks: number[] = [];
      (window as unknown as { pageAsks: number[] }).pageAsks = asks;
      const tabs = (globalThis as unknown as { chrome: { tabs: { sendMessage: (...args: unknown[]) => unknown } } }).chrome.tabs;
      const send = tabs.sendMessage.bind(tabs);
      tabs.sendMessage = (...args: unknown[]) => {
        if ((args[1] as { type?: string } | undefined)?.type === 'pageReport') asks.push(performance.now());
        return send(...args);
      };
    });
    await over.goto(`chrome-extension://${session.extensionId}/${POPUP}`);
    const opened = Date.now();
    await page.goto(url);
    await page.bringToFront();
    await over.reload();
    // The tab reads the cards once they are there.
    await page.waitForFunction((count) => document.querySelectorAll('[data-paperlight-id]').length === count, cardCount, { timeout: 15_000 });
    const summaryText = () => over.evaluate(() => document.querySelector('.on-page-summary')?.textContent ?? null);
    await expect.poll(summaryText, { timeout: 15_000 }).toBe(`On this page: ${cardCount} papers · 0 saved`);
    const shownAfter = Date.now() - opened;
    const asks = () => over.evaluate(() => (window as unknown as { pageAsks: number[] }).pageAsks.length);
    const asked = await asks();
    // Once more, half a second later, to see the count stay; then no more.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const final = await asks();
    expect(final - asked).toBeLessThanOrEqual(1);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await asks()).toBe(final);
    console.info(`[late cards] shown after ${shownAfter} ms; the popup asked the tab ${final} times`);
    await over.close();
    await page.close();
  });

  it('shows the cards of a page that was still loading when the popup opened', async () => {
    const slowUrl = 'https://www.semanticscholar.org/search?q=slow%20page&sort=relevance';
    const html = await readFixture('semanticscholar/search-complex-networks.html');
    await session.context.route(exactUrl(slowUrl), async (route) => {
      await new Promise((resolve) => setTimeout(resolve, LATE_MS));
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    });
    const page = await session.context.newPage();
    const over = await session.context.newPage();
    await over.goto(`chrome-extension://${session.extensionId}/${POPUP}`);
    const loading = page.goto(slowUrl);
    await page.bringToFront();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await over.reload();
    await loading;
    const summaryText = () => over.evaluate(() => document.querySelector('.on-page-summary')?.textContent ?? null);
    await expect.poll(summaryText, { timeout: 15_000 }).toBe(`On this page: ${cardCount} papers · 0 saved`);
    await over.close();
    await page.close();
  });
});
