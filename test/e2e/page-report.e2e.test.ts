// The page report in Chromium with the built extension, on every fixture page a site's content script runs on
// (the generic fallback's pages need an origin the user granted, which a test profile cannot grant): asked from
// an extension page with tabs.sendMessage, it lists the same keys as the page's `data-paperlight-id`
// attributes, in page order, with the titles the fixture's expectations name; the page's own scripts get no
// answer, and a page without a supported adapter does not answer at all.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { adapters } from '../../src/sites';
import { FIXTURES, exactUrl, launchChromium, readFixture, routeHtml, type ChromiumSession } from './harness';
import { askPageReport, settledReport } from './page-report';

interface Expected {
  url: string;
  cardCount: number;
  /** Card elements that carry no paper id (not annotated, not reported). */
  skipped?: number;
  cards: Array<{ index: number; key: string; title: string }>;
}

const PAGES = readdirSync(FIXTURES)
  .filter((site) => site !== 'generic')
  .flatMap((site) => readdirSync(path.join(FIXTURES, site))
    .filter((name) => name.endsWith('.expected.json'))
    .map((name) => {
      const expected = JSON.parse(readFileSync(path.join(FIXTURES, site, name), 'utf8')) as Expected;
      return { site, file: `${site}/${name.replace('.expected.json', '.html')}`, expected };
    }));

let session: ChromiumSession;
let extensionPage: Page;

beforeAll(async () => {
  session = await launchChromium();
  extensionPage = await session.openExtensionPage('src/popup/index.html');
});
afterAll(() => session?.close());

describe('the page report', () => {
  it('covers the fixture pages of every site with its own content script', () => {
    expect(new Set(PAGES.map((p) => p.site))).toEqual(new Set(adapters.filter((a) => a.matches.length > 0).map((a) => a.id)));
  });

  it.each(PAGES)('$file: the same keys as data-paperlight-id, in page order', async ({ site, file, expected }) => {
    const page = await session.context.newPage();
    // Served to this page only: two fixtures may stand for the same URL (a site's markup of two years).
    const body = await readFixture(file);
    await page.route(exactUrl(expected.url), (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
    await page.goto(expected.url);
    const report = await settledReport(extensionPage, page);
    const marked = await page.evaluate(() => [...document.querySelectorAll('[data-paperlight-id]')].map((e) => e.getAttribute('data-paperlight-id')));
    expect(report.cards.map((c) => c.key)).toEqual(marked);
    // `cardCount` counts the card elements, with the ones that carry no paper id (Scholar's [CITATION] rows).
    expect(report.cards.length).toBe(expected.cardCount - (expected.skipped ?? 0));
    // The cards the expectations name, in their order, with their titles; nothing saved in a fresh profile.
    const named = expected.cards.map((card) => report.cards.findIndex((c) => c.key === card.key));
    expect(named.every((at, i) => at >= 0 && (i === 0 || at > named[i - 1]!))).toBe(true);
    for (const [i, card] of expected.cards.entries()) {
      expect(report.cards[named[i]!]).toMatchObject({ key: card.key, title: card.title, saved: false, status: null, tags: [] });
    }
    expect(report.url).toBe(page.url());
    expect(report.adapter).toBe(site);
    await page.close();
  });

  it('is not answered by a page no adapter reads', async () => {
    const unsupported = 'https://arxiv.org/paperlight-test/not-a-listing';
    await routeHtml(session.context, exactUrl(unsupported), '<!doctype html><title>no cards</title><p>Nothing here.</p>');
    const other = await session.context.newPage();
    await other.goto(unsupported);
    expect(await askPageReport(extensionPage, unsupported)).toMatchObject({ error: expect.stringMatching(/Receiving end does not exist/) });
    await other.close();
  });
});
