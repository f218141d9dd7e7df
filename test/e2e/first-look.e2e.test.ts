// The first look at a long listing, in Chromium with the built extension: the cards a reader sees at load (on
// screen) are annotated first, the ones far below the screen after them (in the browser's idle time), and in the end every
// card is. The order is read from the page's side through the DOM contract (`data-paperlight-id` appearing),
// with the cards' positions measured by the test itself at load.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exactUrl, launchChromium, routeHtml, type ChromiumSession } from './harness';
import { scaledArxivListing } from './scaled-listing';
import { waitForCards } from './page-tools';

const URL = 'https://arxiv.org/list/cs.LG/new';
const ENTRIES = 200;

let session: ChromiumSession;

beforeAll(async () => {
  session = await launchChromium();
  await routeHtml(session.context, exactUrl(URL), scaledArxivListing(ENTRIES));
});

afterAll(async () => {
  await session?.close();
});

describe('first look at a long listing', () => {
  it('annotates the cards on screen before the cards far below it, and then every card', async () => {
    const page = await session.context.newPage();
    // A tall window: the unstyled fixture's header pushes the first entry some 1,700 px down.
    await page.setViewportSize({ width: 1280, height: 2400 });
    // Installed before any script of the page or the extension: numbers each card in the order it was marked
    // (one number per batch of DOM changes) and notes where every card stood when the page had loaded.
    await page.addInitScript(() => {
      const order = new Map<string, number>();
      let batch = 0;
      new MutationObserver((records) => {
        batch++;
        for (const record of records) {
          const id = (record.target as Element).getAttribute('data-paperlight-id');
          if (id && !order.has(id)) order.set(id, batch);
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-paperlight-id'] });
      Object.assign(window, { markedOrder: order });
    });
    await page.goto(URL);
    await waitForCards(page, ENTRIES, 30_000);
    const { near, far, order, firstTop } = await page.evaluate(() => {
      const top = (dd: Element) => dd.getBoundingClientRect().top + scrollY;
      const idOf = (dd: Element) => dd.getAttribute('data-paperlight-id')!;
      const cards = [...document.querySelectorAll('dl > dd[data-paperlight-id]')];
      return {
        near: cards.filter((dd) => top(dd) < innerHeight).map(idOf),
        firstTop: top(cards[0]!),
        far: cards.filter((dd) => top(dd) > 3 * innerHeight).map(idOf),
        order: Object.fromEntries((window as unknown as { markedOrder: Map<string, number> }).markedOrder),
      };
    });
    expect(Object.keys(order)).toHaveLength(ENTRIES);
    expect(near.length, `first card at ${firstTop}px`).toBeGreaterThan(0);
    expect(far.length).toBeGreaterThan(100);
    const lastNear = Math.max(...near.map((id) => order[id]!));
    const firstFar = Math.min(...far.map((id) => order[id]!));
    expect(lastNear).toBeLessThan(firstFar);
    await page.close();
  });

  it('gives a toolbar to the cards on screen and, in idle time, to those within 1,200 px below it, and to no card further down', async () => {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1280, height: 2400 });
    await page.goto(URL);
    await waitForCards(page, ENTRIES, 30_000);
    // Each card's top at load (the page is not scrolled) and whether its toolbar's host is in it.
    const cards = () => page.evaluate(() => [...document.querySelectorAll('dl > dd[data-paperlight-id]')].map((dd) => ({
      top: dd.getBoundingClientRect().top,
      toolbar: dd.querySelector('paperlight-card') !== null,
      screen: innerHeight,
    })));
    const onScreen = (list: Awaited<ReturnType<typeof cards>>) => list.filter((c) => c.top < c.screen);
    // Cards that start below the screen but within the toolbars' margin: a card is within it if any part is.
    const belowWithinMargin = (list: Awaited<ReturnType<typeof cards>>) => list.filter((c) => c.top >= c.screen && c.top < c.screen + 1_200);
    const farBelow = (list: Awaited<ReturnType<typeof cards>>) => list.filter((c) => c.top > c.screen + 2_400);
    const atLoad = await cards();
    expect(onScreen(atLoad).length).toBeGreaterThan(0);
    expect(belowWithinMargin(atLoad).length).toBeGreaterThan(0);
    expect(farBelow(atLoad).length).toBeGreaterThan(100);
    await expect.poll(async () => {
      const list = await cards();
      return [...onScreen(list), ...belowWithinMargin(list)].every((c) => c.toolbar);
    }, { timeout: 10_000 }).toBe(true);
    expect(farBelow(await cards()).some((c) => c.toolbar)).toBe(false);
    await page.close();
  });
});
