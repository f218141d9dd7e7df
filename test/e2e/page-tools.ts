// Helpers for browser tests of the in-page annotation: what the page shows (the DOM contract and the
// highlight registry), read the same way in Chromium and Firefox. The saved state is not in the page's DOM:
// tests read it from the page report (page-report.ts).
import type { BrowserContext, Page } from 'playwright-core';

export interface ShownCard {
  key: string;
  metrics: number;
  code: number;
  /** The text of each metric highlight range (CSS Custom Highlight API) of this card, in page order, spaces collapsed. */
  highlighted: string[];
}

/**
 * The DOM contract and the highlight registry, read in the page's main world. A plain function, so
 * both drivers can run it (`page.evaluate(readShownCards)` in playwright and puppeteer).
 */
export function readShownCards(): ShownCard[] {
  const ranges: Range[] = [];
  for (const [name, highlight] of CSS.highlights) {
    // Metric highlights are named by colour group; code links left as text have their own highlight.
    if (name.startsWith('paperlight-') && name !== 'paperlight-code-link') ranges.push(...([...(highlight as Highlight)] as Range[]));
  }
  ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  const cards = [...document.querySelectorAll('[data-paperlight-id]')];
  const texts = new Map<Element, string[]>(cards.map((card) => [card, []]));
  // A range belongs to the last card that starts before it: its own card, or the entry an abstract
  // block follows (ACL keeps the collapsed abstract beside the entry).
  for (const range of ranges) {
    let owner: Element | undefined;
    for (const card of cards) {
      if (card.compareDocumentPosition(range.startContainer) & Node.DOCUMENT_POSITION_PRECEDING) break;
      owner = card;
    }
    if (owner) texts.get(owner)!.push(range.toString().replace(/\s+/g, ' '));
  }
  return cards.map((card) => ({
    key: card.getAttribute('data-paperlight-id')!,
    metrics: Number(card.getAttribute('data-paperlight-metrics')),
    code: Number(card.getAttribute('data-paperlight-code')),
    highlighted: texts.get(card)!,
  }));
}

export async function shownCards(page: Page): Promise<ShownCard[]> {
  return page.evaluate(readShownCards);
}

/** Waits until the content script has marked `count` cards. */
export async function waitForCards(page: Page, count: number, timeout = 15_000): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('[data-paperlight-id]').length >= n, count, { timeout });
}

/** A new tab of `context` at `url`, once the content script has marked `count` cards there. */
export async function openWithCards(context: BrowserContext, url: string, count: number): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await waitForCards(page, count);
  return page;
}

/** Resolves after the page has rendered `frames` more animation frames. */
export async function frames(page: Page, frames = 2): Promise<void> {
  await page.evaluate((n) => new Promise<void>((resolve) => {
    let left = n;
    const step = () => (--left <= 0 ? resolve() : requestAnimationFrame(step));
    requestAnimationFrame(step);
  }), frames);
}
