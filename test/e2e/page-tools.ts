// Helpers for browser tests of the in-page annotation: what the core says a fixture's cards hold
// (computed in node with the same adapters and extractor), and what the page shows.
import type { Page } from 'playwright-core';
import { extractMetrics } from '../../src/core/metrics';
import { adapterFor } from '../../src/sites';
import { loadPage } from '../unit/sites/load-page';
import { readFixture } from './harness';

export interface ExpectedCard {
  key: string;
  title: string;
  abstract: string;
  abstractShown: boolean;
  titleShown: boolean;
  /** extractMetrics(title) + extractMetrics(abstract): what the card must count and highlight. */
  metricCount: number;
}

/** Reads a fixture as the content script will (same adapter, same core), outside the browser. */
export async function expectedCards(file: string, url: string): Promise<ExpectedCard[]> {
  const adapter = adapterFor(url);
  if (!adapter) throw new Error(`no adapter claims ${url}`);
  const document = loadPage(await readFixture(file), url);
  return adapter.findCards(document).flatMap((element) => {
    const card = adapter.readCard(element, url);
    if (!card) return [];
    return [{
      key: card.key,
      title: card.title,
      abstract: card.abstract,
      abstractShown: Boolean(card.abstractEl),
      titleShown: Boolean(card.titleEl),
      metricCount: extractMetrics(card.title).length + extractMetrics(card.abstract).length,
    }];
  });
}

export interface ShownCard {
  key: string;
  metrics: number;
  code: number;
  saved: boolean;
  /** Highlight ranges registered (CSS Custom Highlight API) inside this card. */
  highlighted: number;
}

/**
 * The DOM contract and the highlight registry, read in the page's main world. A plain function, so
 * both drivers can run it (`page.evaluate(readShownCards)` in playwright and puppeteer).
 */
export function readShownCards(): ShownCard[] {
  const ranges: AbstractRange[] = [];
  for (const [name, highlight] of CSS.highlights) {
    if (name.startsWith('paperlight-')) ranges.push(...(highlight as Highlight));
  }
  const cards = [...document.querySelectorAll('[data-paperlight-id]')];
  const counts = new Map(cards.map((card) => [card, 0]));
  // A range belongs to the last card that starts before it: its own card, or the entry an abstract
  // block follows (ACL keeps the collapsed abstract beside the entry).
  for (const range of ranges) {
    let owner: Element | undefined;
    for (const card of cards) {
      if (card.compareDocumentPosition(range.startContainer) & Node.DOCUMENT_POSITION_PRECEDING) break;
      owner = card;
    }
    if (owner) counts.set(owner, counts.get(owner)! + 1);
  }
  return cards.map((card) => ({
    key: card.getAttribute('data-paperlight-id')!,
    metrics: Number(card.getAttribute('data-paperlight-metrics')),
    code: Number(card.getAttribute('data-paperlight-code')),
    saved: card.getAttribute('data-paperlight-saved') === 'true',
    highlighted: counts.get(card)!,
  }));
}

export async function shownCards(page: Page): Promise<ShownCard[]> {
  return page.evaluate(readShownCards);
}

/** Waits until the content script has marked `count` cards. */
export async function waitForCards(page: Page, count: number, timeout = 15_000): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('[data-paperlight-id]').length >= n, count, { timeout });
}

/** Resolves after the page has rendered `frames` more animation frames. */
export async function frames(page: Page, frames = 2): Promise<void> {
  await page.evaluate((n) => new Promise<void>((resolve) => {
    let left = n;
    const step = () => (--left <= 0 ? resolve() : requestAnimationFrame(step));
    requestAnimationFrame(step);
  }), frames);
}
