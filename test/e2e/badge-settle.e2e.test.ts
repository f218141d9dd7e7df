// The toolbar badge over time, in Chromium with the built extension, on a page whose cards arrive late and on a page
// whose cards never come. The badge text of the page's tab is read through the service worker every 50 ms from the
// moment the page is asked for, so a "!" drawn for even a fraction of a second is seen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { exactUrl, launchChromium, readFixture, routeHtml, type ChromiumSession } from './harness';

/** As test/e2e/popup-late-cards.e2e.test.ts: the Semantic Scholar search's results added by the page 3 s after load. */
const LATE_MS = 3000;
/** src/content/features/page-report.ts: how long a page with no card is taken to be still rendering them. */
const SETTLE_MS = 4000;
const RENAMED = 'https://arxiv.org/list/astro-ph.EP/recent';
const GROUP_DIRECTORY = 'https://openreview.net/group?id=ICLR.cc';

let session: ChromiumSession;

declare const chrome: {
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
};

beforeAll(async () => {
  session = await launchChromium();
});
afterAll(() => session?.close());

/** The badge text of the tab showing `url`, as the service worker reads it; null before the tab has that URL. */
async function badgeOf(url: string): Promise<string | null> {
  const worker = await session.serviceWorker();
  return worker.evaluate(async (href) => {
    const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === href);
    return tab?.id === undefined ? null : chrome.action.getBadgeText({ tabId: tab.id });
  }, url);
}

interface Sample { at: number; text: string | null }

/** Opens `url` in a new tab and reads its badge every 50 ms until `done` holds of a sample or `limitMs` passed. */
async function watchBadge(url: string, done: (sample: Sample) => boolean, limitMs: number): Promise<{ page: Page; samples: Sample[] }> {
  const page = await session.context.newPage();
  const samples: Sample[] = [];
  const start = Date.now();
  const loading = page.goto(url);
  while (Date.now() - start < limitMs) {
    const sample = { at: Date.now() - start, text: await badgeOf(url) };
    samples.push(sample);
    if (done(sample)) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await loading;
  return { page, samples };
}

const texts = (samples: Sample[]) => [...new Set(samples.map((sample) => sample.text))];

describe('Chromium: the badge while a page renders its cards', () => {
  it('never draws "!" over a search whose results the page adds 3 s after load, then counts them', async () => {
    const expected = JSON.parse(await readFixture('semanticscholar/search-complex-networks.expected.json')) as { url: string; cardCount: number };
    const html = await readFixture('semanticscholar/search-complex-networks.html');
    // The page's body is held in an inert template and put in the document only after LATE_MS.
    const late = html.replace(/<body([^>]*)>([\s\S]*)<\/body>/i, (_all, attributes: string, body: string) =>
      `<body${attributes}><template id="late">${body.replace(/<script[\s\S]*?<\/script>/gi, '')}</template>` +
      `<script>setTimeout(() => document.body.append(document.getElementById('late').content.cloneNode(true)), ${LATE_MS});</script></body>`);
    await routeHtml(session.context, exactUrl(expected.url), late);
    const count = String(expected.cardCount);
    const { page, samples } = await watchBadge(expected.url, (sample) => sample.text === count, 15_000);
    console.info(`[badge, late cards] ${JSON.stringify(samples.filter((s, i) => i === 0 || s.text !== samples[i - 1]!.text))}`);
    expect(samples.at(-1)!.text).toBe(count);
    expect(texts(samples)).not.toContain('!');
    // A sample well into the wait: the page was watched through it, not only at its end.
    expect(samples.some((sample) => sample.at > LATE_MS / 2 && sample.text === '')).toBe(true);
    await page.close();
  });

  it('draws "!" over a listing whose card markup was renamed once the settle time has passed, not before', async () => {
    await routeHtml(session.context, exactUrl(RENAMED), await readFixture('health/arxiv-list-renamed.html'));
    const { page, samples } = await watchBadge(RENAMED, (sample) => sample.text === '!', 15_000);
    console.info(`[badge, renamed listing] ${JSON.stringify(samples.filter((s, i) => i === 0 || s.text !== samples[i - 1]!.text))}`);
    expect(samples.at(-1)!.text).toBe('!');
    // Counted from when the tab was asked for the page, before the content script started on it.
    expect(samples.at(-1)!.at).toBeGreaterThanOrEqual(SETTLE_MS);
    expect(texts(samples.slice(0, -1)).filter((text) => text !== null && text !== '')).toEqual([]);
    await page.close();
  });

  it('draws nothing, then or later, over an OpenReview group that is not a venue (its directory of child groups)', async () => {
    await routeHtml(session.context, exactUrl(GROUP_DIRECTORY), await readFixture('openreview/group-ICLR-directory.synthetic.html'));
    const { page, samples } = await watchBadge(GROUP_DIRECTORY, () => false, SETTLE_MS + 2000);
    console.info(`[badge, group directory] ${JSON.stringify(samples.filter((s, i) => i === 0 || s.text !== samples[i - 1]!.text))}`);
    expect(samples.at(-1)!.at).toBeGreaterThan(SETTLE_MS + 1000);
    expect(texts(samples).filter((text) => text !== null)).toEqual(['']);
    await page.close();
  });
});
