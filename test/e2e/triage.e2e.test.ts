// Triage on the page in Chromium with the built extension, on the shared fixtures served under their real URLs:
// the reading memory over two visits on two days, keyboard triage with real key presses (and nothing from keys a
// page's script dispatches or the reader types in the site's search box), and the user's rules.
//
// The clock: a card is "seen before" when its paper was first seen on an earlier local day than the time the
// background recorded this page's batch at (both stamps come from the service worker's clock, see
// src/content/features/reading-memory.ts). The test sets that clock from outside, by replacing `Date.now` in
// the service worker's global scope (the handler reads the clock at each request); nothing in the extension
// knows about tests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PageReport, PageReportCard } from '../../src/shared/page-report';
import { SETTINGS_KEY } from '../../src/shared/settings';
import { openClosedUi, type ClosedUi } from './closed-ui';
import { exactUrl, launchChromium, readFixture, routeHtml, sendFromExtensionPage, type ChromiumSession } from './harness';
import { askPageReport, settledReport } from './page-report';

const DAY = 24 * 60 * 60 * 1000;
/** Noon UTC: the same local calendar day in every time zone from UTC−11 to UTC+11. */
const DAY_ONE = Date.UTC(2026, 2, 2, 12);
const DAY_TWO = DAY_ONE + DAY;
const DAY_ONE_LOCAL = '2026-03-02';

/** The HF paper page's paper; the arXiv listing is served with one of its entries carrying this id instead. */
const SHARED_ID = '2305.18323';

const PAGES = {
  arxiv: { url: 'https://arxiv.org/list/astro-ph.SR/new', file: 'arxiv/list-new-astro-ph.SR.html' },
  acl: { url: 'https://aclanthology.org/volumes/2023.alta-1/', file: 'acl/volume-2023.alta-1.html' },
  openreview: { url: 'https://openreview.net/group?id=ICML.cc/2024/Conference#tab-accept-poster', file: 'openreview/venue-ICML2024-accept-poster.html' },
  huggingface: { url: 'https://huggingface.co/papers/date/2025-12-11', file: 'huggingface/daily-2025-12-11.html' },
} as const;
const HF_PAPER = 'https://huggingface.co/papers/2305.18323';
/** A listing no other test visits. */
const OTHER_LISTING = 'https://arxiv.org/list/astro-ph.EP/recent';
/** The arXiv listing again, its first title replaced by forty a's and a '!' (for the catastrophic pattern). */
const A_PAGE = 'https://arxiv.org/list/astro-ph.SR/pastweek?show=25';
const A_TITLE = `${'a'.repeat(40)}!`;
/** The OpenReview venue again, its tab panes shown one at a time. */
const OPENREVIEW_TABS = 'https://openreview.net/group?id=ICML.cc/2024/Conference&referrer=tabs#tab-accept-poster';
/** A React page that renders its result rows anew (Semantic Scholar). */
const SEMANTIC_SCHOLAR = 'https://www.semanticscholar.org/search?q=complex%20networks&sort=relevance';

let session: ChromiumSession;
let extensionPage: Page;
const opened: Page[] = [];

async function setClock(time: number): Promise<void> {
  const worker = await session.serviceWorker();
  await worker.evaluate((t) => {
    Date.now = () => t;
  }, time);
}

async function setSettings(patch: Record<string, unknown>): Promise<void> {
  await extensionPage.evaluate(async ([key, change]) => {
    const stored = (await chrome.storage.local.get(key))[key] ?? {};
    await chrome.storage.local.set({ [key]: { ...stored, ...change } });
  }, [SETTINGS_KEY, patch] as const);
}

async function visit(url: string): Promise<Page> {
  const page = await session.context.newPage();
  opened.push(page);
  await page.goto(url);
  await settledReport(extensionPage, page);
  return page;
}

async function report(page: Page): Promise<PageReport> {
  const reply = await askPageReport(extensionPage, page.url());
  if (!('cards' in reply)) throw new Error(reply.error);
  return reply;
}

/** Polls the report until `check` holds for it, and returns that report. */
async function reportWhen(page: Page, check: (report: PageReport) => boolean): Promise<PageReport> {
  let last: PageReport | undefined;
  await expect.poll(async () => check((last = await report(page))), { timeout: 15_000 }).toBe(true);
  return last!;
}

const triage = (cards: PageReportCard[]) => cards.map(({ key, seen, hidden, dimmed }) => ({ key, seen, hidden, dimmed }));

async function memoryEntries(): Promise<number> {
  return (await sendFromExtensionPage<{ entries: number }>(extensionPage, { type: 'readingMemoryStats' })).entries;
}

/** The filter strip's "new since last visit (N)", read after opening its filters with a real click. */
async function newSinceLastVisit(page: Page): Promise<string> {
  const ui = await openClosedUi(session.context, page);
  try {
    await expect.poll(async () => (await ui.allInPageLayer({ tag: 'button', text: /^Filters/ })).length).toBe(1);
    const [filters] = await ui.allInPageLayer({ tag: 'button', text: /^Filters/ });
    await ui.click(filters!);
    let label = '';
    await expect.poll(async () => (label = (await ui.allInPageLayer({ tag: 'label', text: /^new since last visit/ }))[0]?.text ?? '')).not.toBe('');
    return label;
  } finally {
    await ui.close();
  }
}

const storedPaper = async (key: string) =>
  (await sendFromExtensionPage<{ found: Array<{ paper: { key: string; status: string } }> }>(extensionPage, { type: 'lookup', keys: [key] })).found[0]?.paper;

beforeAll(async () => {
  session = await launchChromium();
  for (const { url, file } of Object.values(PAGES)) {
    let body = await readFixture(file);
    if (file.startsWith('arxiv/')) body = body.replaceAll('2303.00768', SHARED_ID);
    await routeHtml(session.context, exactUrl(url), body);
  }
  await routeHtml(session.context, exactUrl(HF_PAPER), await readFixture('huggingface/paper-2305.18323.html'));
  await routeHtml(session.context, exactUrl(OTHER_LISTING), await readFixture('arxiv/list-recent-astro-ph.EP.html'));
  const listing = await readFixture(PAGES.arxiv.file);
  const firstTitle = 'A flash of polarized optical light points to an aspherical &#34;cow&#34;';
  expect(listing.includes(firstTitle)).toBe(true);
  await routeHtml(session.context, exactUrl(A_PAGE), listing.replace(firstTitle, A_TITLE));
  await routeHtml(session.context, /^https:\/\/arxiv\.org\/abs\//, '<!doctype html><title>abs</title><p>The paper.</p>');
  await routeHtml(session.context, exactUrl('https://github.com/xuke225/EQ-Net'), '<!doctype html><title>code</title><p>The code.</p>');
  // The venue page with Bootstrap's rule for tab panes (openreview-web styles its tabs with Bootstrap 3: only the
  // active pane shows), which the saved fixture lacks.
  await routeHtml(session.context, exactUrl(OPENREVIEW_TABS), (await readFixture(PAGES.openreview.file))
    .replace('</head>', '<style>.tab-content > .tab-pane { display: none } .tab-content > .active { display: block }</style></head>'));
  await routeHtml(session.context, exactUrl(SEMANTIC_SCHOLAR), await readFixture('semanticscholar/search-complex-networks.html'));
  extensionPage = await session.openExtensionPage('src/popup/index.html');
}, 120_000);
afterAll(() => session?.close());

describe('Chromium: the reading memory over two days', () => {
  const counts: Record<string, number> = {};

  it('day one: every card on an arXiv list, an ACL volume, an OpenReview venue and an HF day is new, and recorded', async () => {
    await setClock(DAY_ONE);
    let remembered = 0;
    for (const [site, { url }] of Object.entries(PAGES)) {
      const page = await visit(url);
      const { cards } = await report(page);
      counts[site] = cards.length;
      expect(cards.length).toBeGreaterThan(10);
      expect(triage(cards)).toEqual(cards.map(({ key }) => ({ key, seen: null, hidden: false, dimmed: false })));
      if (site === 'arxiv') expect(cards.some((c) => c.key === `arxiv:${SHARED_ID}`)).toBe(true);
      // Each page adds its papers; a paper already met elsewhere (same id, or same title and authors) adds none.
      const distinct = new Set(cards.map((c) => c.key)).size;
      await expect.poll(memoryEntries).toBeGreaterThan(remembered + distinct / 2);
      const now = await memoryEntries();
      expect(now).toBeLessThanOrEqual(remembered + distinct);
      remembered = now;
      expect(await newSinceLastVisit(page)).toBe(`new since last visit (${cards.length})`);
      await page.close();
    }
  });

  it('day two: the same pages show every card as seen on day one, with "seen <date>" on its toolbar', async () => {
    await setClock(DAY_TWO);
    for (const [site, { url }] of Object.entries(PAGES)) {
      const page = await visit(url);
      const { cards } = await reportWhen(page, (r) => r.cards.every((c) => c.seen !== null));
      expect(cards.length).toBe(counts[site]);
      expect(triage(cards)).toEqual(cards.map(({ key }) => ({ key, seen: DAY_ONE_LOCAL, hidden: false, dimmed: false })));
      const ui = await openClosedUi(session.context, page);
      const seen = await ui.inToolbar(cards[0]!.key, { cls: 'seen' });
      expect(seen.text).toMatch(/^seen (Mar 2, 2026|2 Mar 2026)$/);
      await ui.close();
      expect(await newSinceLastVisit(page)).toBe('new since last visit (0)');
      await page.close();
    }
  });

  it('a paper first met on the arXiv list is seen before on its Hugging Face page', async () => {
    const page = await visit(HF_PAPER);
    const { cards } = await reportWhen(page, (r) => r.cards[0]?.seen !== null);
    expect(triage(cards)).toEqual([{ key: `arxiv:${SHARED_ID}`, seen: DAY_ONE_LOCAL, hidden: false, dimmed: false }]);
    await page.close();
  });

  it('with seen cards dimmed, a saved card is never dimmed', async () => {
    await setSettings({ dimSeen: true });
    const page = await visit(PAGES.acl.url);
    const before = await reportWhen(page, (r) => r.cards.every((c) => c.dimmed));
    const target = before.cards[2]!.key;
    const saved = await extensionPage.evaluate(async ([href, key]) => {
      const tab = (await chrome.tabs.query({})).filter((t) => t.url === href).sort((a, b) => (a.id ?? 0) - (b.id ?? 0)).at(-1)!;
      return chrome.tabs.sendMessage(tab.id!, { type: 'saveCard', key });
    }, [page.url(), target] as const);
    expect(saved).toMatchObject({ ok: true });
    const after = await reportWhen(page, (r) => r.cards.find((c) => c.key === target)?.dimmed === false);
    expect(after.cards.filter((c) => !c.dimmed).map((c) => c.key)).toEqual([target]);
    await page.mouse.move(1, 1);
    const opacity = (key: string) => page.evaluate((k) => getComputedStyle(document.querySelector(`[data-paperlight-id="${k}"]`)!).opacity, key);
    expect(await opacity(target)).toBe('1');
    expect(await opacity(before.cards[3]!.key)).toBe('0.45');
    await setSettings({ dimSeen: false });
    await reportWhen(page, (r) => r.cards.every((c) => !c.dimmed));
    await page.close();
  });

  it('clearing the memory reaches an open tab: its "seen" labels and dimming go without a reload, and come back with a backup\'s memory', async () => {
    await setSettings({ dimSeen: true });
    const page = await visit(PAGES.openreview.url);
    const { cards } = await reportWhen(page, (r) => r.cards.every((c) => c.seen === DAY_ONE_LOCAL && c.dimmed));
    const ui = await openClosedUi(session.context, page);
    try {
      expect((await ui.inToolbar(cards[0]!.key, { cls: 'seen' })).text).toMatch(/^seen /);
      const backup = (await sendFromExtensionPage(extensionPage, { type: 'exportBackup' })) as { ok: boolean; text: string };
      expect(backup.ok).toBe(true);
      // What the options page's "Clear the reading memory" sends once confirmed (options.e2e clicks it).
      await sendFromExtensionPage(extensionPage, { type: 'clearReadingMemory' });
      const after = await reportWhen(page, (r) => r.cards.every((c) => c.seen === null && !c.dimmed));
      expect(after.cards.length).toBe(cards.length);
      await expect.poll(async () => (await ui.allInToolbar(cards[0]!.key, { cls: 'seen' })).map((n) => n.text)).toEqual([]);
      // Forgotten, not recorded again by the tab that shows them.
      expect(await memoryEntries()).toBe(0);
      // A backup's reading memory imported: the open tab asks again, and its cards are seen on day one once more.
      await sendFromExtensionPage(extensionPage, { type: 'importBackup', mode: 'merge', text: backup.text });
      await reportWhen(page, (r) => r.cards.every((c) => c.seen === DAY_ONE_LOCAL && c.dimmed));
      expect((await ui.inToolbar(cards[0]!.key, { cls: 'seen' })).text).toMatch(/^seen /);
    } finally {
      await ui.close();
      await setSettings({ dimSeen: false });
      await page.close();
    }
  });
});

describe('Chromium: the reading memory switched off', () => {
  it('records nothing and marks nothing; switched on again, the open page is recorded', async () => {
    // Counted in the worker as they arrive (a listener that answers nothing), whatever the background makes of them.
    const worker = await session.serviceWorker();
    const sent = () => worker.evaluate(() => (globalThis as { markSeenSeen?: number }).markSeenSeen ?? 0);
    await worker.evaluate(() => {
      const scope = globalThis as { markSeenSeen?: number };
      scope.markSeenSeen = 0;
      // Alone, or inside a batch with the cards' other requests.
      const isMarkSeen = (message: unknown) => (message as { type?: unknown } | null)?.type === 'markSeen';
      chrome.runtime.onMessage.addListener((message: unknown) => {
        const { type, requests } = (message ?? {}) as { type?: unknown; requests?: unknown };
        const all = type === 'batch' && Array.isArray(requests) ? requests : [message];
        scope.markSeenSeen! += all.filter(isMarkSeen).length;
      });
    });
    await setSettings({ readingMemory: false });
    const before = await memoryEntries();
    const page = await visit(OTHER_LISTING);
    const { cards } = await report(page);
    // Give a batch the time it would take (the page is settled, a markSeen would have gone with the first pass).
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 1000)));
    expect(await sent()).toBe(0);
    expect(await memoryEntries()).toBe(before);
    expect(triage((await report(page)).cards).every((c) => c.seen === null)).toBe(true);
    await setSettings({ readingMemory: true });
    await expect.poll(memoryEntries).toBeGreaterThan(before);
    expect(await sent()).toBe(1);
    expect(await memoryEntries()).toBeLessThanOrEqual(before + cards.length);
    await page.close();
  });
});

describe('Chromium: keyboard triage', () => {
  let page: Page;
  let ui: ClosedUi;
  let keys: string[];

  const ring = async () => (await ui.allInPageLayer({ cls: 'ring' }))[0]!;
  const cardTop = (key: string) => page.evaluate((k) => document.querySelector(`[data-paperlight-id="${k}"]`)!.getBoundingClientRect().top, key);
  const ringTop = async () => Number(/top:\s*(-?[\d.]+)px/.exec((await ring()).attributes.style ?? '')?.[1]);

  afterAll(() => ui?.close());

  it('keys the page\'s script dispatches do nothing', async () => {
    page = await visit(PAGES.arxiv.url);
    await page.bringToFront();
    ui = await openClosedUi(session.context, page);
    keys = (await report(page)).cards.map((c) => c.key);
    const pagesBefore = session.context.pages().length;
    await page.evaluate(() => {
      for (const key of ['j', 's', '1', 'x', 'o', '?', 'j', 's']) {
        for (const target of [document.body, document, window]) {
          target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
        }
      }
    });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect((await ring()).attributes.hidden).toBe('');
    expect(await ui.allInPageLayer({ attrs: { role: 'dialog' } })).toEqual([]);
    const { cards } = await report(page);
    expect(cards.filter((c) => c.saved || c.hidden)).toEqual([]);
    expect(session.context.pages().length).toBe(pagesBefore);
  });

  it('j and k move a focus ring from card to card, scrolled into view', async () => {
    await page.keyboard.press('j');
    await expect.poll(async () => (await ring()).attributes.hidden).toBeUndefined();
    await expect.poll(async () => Math.abs((await ringTop()) - ((await cardTop(keys[0]!)) - 4))).toBeLessThan(2);
    for (let i = 0; i < 6; i++) await page.keyboard.press('j');
    await page.keyboard.press('k');
    await expect.poll(async () => Math.abs((await ringTop()) - ((await cardTop(keys[5]!)) - 4))).toBeLessThan(2);
    const inView = await page.evaluate((k) => {
      const box = document.querySelector(`[data-paperlight-id="${k}"]`)!.getBoundingClientRect();
      return box.top >= 0 && box.top < innerHeight;
    }, keys[5]!);
    expect(inView).toBe(true);
  });

  it('s saves the ringed card, 3 sets it read, s again moves it to the Trash with Removed · Undo', async () => {
    const key = keys[5]!;
    await page.keyboard.press('s');
    await expect.poll(async () => (await storedPaper(key))?.status).toBe('to-read');
    await page.keyboard.press('3');
    await expect.poll(async () => (await storedPaper(key))?.status).toBe('read');
    await expect.poll(async () => (await report(page)).cards.find((c) => c.key === key)?.status).toBe('read');
    await page.keyboard.press('s');
    await expect.poll(async () => storedPaper(key)).toBeUndefined();
    const { papers } = await sendFromExtensionPage<{ papers: Array<{ key: string; status: string }> }>(extensionPage, { type: 'trash' });
    expect(papers.map((p) => [p.key, p.status])).toEqual([[key, 'read']]);
    expect((await ui.inToolbar(key, { cls: 'notice' })).text).toBe('Removed · Undo');
  });

  it('4 saves an unsaved card as skip; t opens its tag field', async () => {
    await page.keyboard.press('j');
    const key = keys[6]!;
    await page.keyboard.press('4');
    await expect.poll(async () => (await storedPaper(key))?.status).toBe('skip');
    await page.keyboard.press('t');
    await expect.poll(async () => (await ui.allInToolbar(key, { tag: 'input', attrs: { id: 'paperlight-tag' } })).length).toBe(1);
    await page.keyboard.type('sx1');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await sendFromExtensionPage<{ found: Array<{ paper: { tags: string[] } }> }>(extensionPage, { type: 'lookup', keys: [key] })).found[0]?.paper.tags).toEqual(['sx1']);
    // Typed in Paperlight's own field: none of those letters acted on the page.
    expect((await report(page)).cards.filter((c) => c.hidden)).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('x hides the ringed card for this page, and the ring moves on to the next visible card', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('j');
    const key = keys[7]!;
    await expect.poll(async () => Math.abs((await ringTop()) - ((await cardTop(key)) - 4))).toBeLessThan(2);
    await page.keyboard.press('x');
    await expect.poll(async () => (await report(page)).cards.filter((c) => c.hidden).map((c) => c.key)).toEqual([key]);
    expect(await page.evaluate((k) => getComputedStyle(document.querySelector(`[data-paperlight-id="${k}"]`)!).display, key)).toBe('none');
    await expect.poll(async () => Math.abs((await ringTop()) - ((await cardTop(keys[8]!)) - 4))).toBeLessThan(2);
    await expect.poll(async () => (await ui.allInPageLayer({ cls: 'head' }))[0]?.text ?? '').toContain(' · 1 hidden with x show');
  });

  it('o opens the ringed paper in a new tab; ? shows the keys; the strip shows the card hidden with x again', async () => {
    const url = `https://arxiv.org/abs/${keys[8]!.replace('arxiv:', '')}`;
    const [tab] = await Promise.all([session.context.waitForEvent('page'), page.keyboard.press('o')]);
    opened.push(tab);
    await expect.poll(() => tab.url()).toBe(url);
    await tab.close();
    await page.bringToFront();
    await page.keyboard.press('Shift+?');
    await expect.poll(async () => (await ui.allInPageLayer({ attrs: { role: 'dialog' } }))[0]?.text ?? '').toMatch(/^Paperlight keys on this listing/);
    // Each row's keys stay on one line: the four status keys (their text run together here) are as tall as the one key of "Add a tag".
    const keyCells = (await ui.allInPageLayer({ tag: 'td' })).filter((_, i) => i % 2 === 0);
    expect(keyCells.map((cell) => cell.text)).toContain('1234');
    const heightOf = async (text: string) => (await ui.box(keyCells.find((cell) => cell.text === text)!)).height;
    expect(await heightOf('1234')).toBe(await heightOf('T'));
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await ui.allInPageLayer({ attrs: { role: 'dialog' } })).length).toBe(0);
    // The strip's "show" brings back the card hidden with x.
    const [show] = await ui.allInPageLayer({ tag: 'button', text: 'show' });
    await ui.click(show!);
    await expect.poll(async () => (await report(page)).cards.filter((c) => c.hidden)).toEqual([]);
  });

  it('after a click on a toolbar button (Undo, after s unsaved the card) the keys go on working: j moves the ring on', async () => {
    // Escape dropped the ring: j takes the first card again.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('j');
    const key = keys[0]!;
    await expect.poll(async () => Math.abs((await ringTop()) - ((await cardTop(key)) - 4))).toBeLessThan(2);
    await page.keyboard.press('s');
    await expect.poll(async () => (await storedPaper(key))?.status).toBe('to-read');
    // The page learns of the save from its answer, which may come after the database has it: s toggles what the page shows.
    await expect.poll(async () => (await report(page)).cards.find((c) => c.key === key)?.saved).toBe(true);
    await page.keyboard.press('s');
    await expect.poll(async () => storedPaper(key)).toBeUndefined();
    await ui.click(await ui.inToolbar(key, { tag: 'button', text: 'Undo' }));
    await expect.poll(async () => (await storedPaper(key))?.status).toBe('to-read');
    // The focus is on the toolbar's button now, inside Paperlight's closed root: a button, not a field.
    await page.keyboard.press('j');
    await expect.poll(async () => Math.abs((await ringTop()) - ((await cardTop(keys[1]!)) - 4))).toBeLessThan(2);
    await page.keyboard.press('3');
    await expect.poll(async () => (await storedPaper(keys[1]!))?.status).toBe('read');
  });

  it('x on the last card moves the ring to the card before it, from where k goes on up', async () => {
    const last = keys.length - 1;
    for (let i = 0; i < keys.length + 2; i++) await page.keyboard.press('j'); // past the end: the ring stays on the last card
    await expect.poll(async () => Math.abs((await ringTop()) - ((await cardTop(keys[last]!)) - 4))).toBeLessThan(2);
    await page.keyboard.press('x');
    await expect.poll(async () => (await report(page)).cards.filter((c) => c.hidden).map((c) => c.key)).toEqual([keys[last]]);
    await expect.poll(async () => (await ring()).attributes.hidden).toBeUndefined();
    await expect.poll(async () => Math.abs((await ringTop()) - ((await cardTop(keys[last - 1]!)) - 4))).toBeLessThan(2);
    await page.keyboard.press('k');
    await expect.poll(async () => Math.abs((await ringTop()) - ((await cardTop(keys[last - 2]!)) - 4))).toBeLessThan(2);
    // The strip's "show" brings the card back for the tests after this one.
    const [show] = await ui.allInPageLayer({ tag: 'button', text: 'show' });
    await ui.click(show!);
    await expect.poll(async () => (await report(page)).cards.filter((c) => c.hidden)).toEqual([]);
  });

  it('keys pressed faster than the save\'s answer act on what the one before will have done: s s saves then unsaves', async () => {
    await page.keyboard.press('k'); // from the card before the last but one
    const key = keys[keys.length - 4]!;
    await expect.poll(async () => Math.abs((await ringTop()) - ((await cardTop(key)) - 4))).toBeLessThan(2);
    expect(await storedPaper(key)).toBeUndefined();
    // Both presses before the save's answer: the second unsaves what the first saved (not a second save).
    await Promise.all([page.keyboard.press('s'), page.keyboard.press('s')]);
    await expect.poll(async () => (await ui.allInToolbar(key, { cls: 'notice' }))[0]?.text).toBe('Removed · Undo');
    expect(await storedPaper(key)).toBeUndefined();
    const { papers } = await sendFromExtensionPage<{ papers: Array<{ key: string }> }>(extensionPage, { type: 'trash' });
    expect(papers.filter((p) => p.key === key)).toHaveLength(1);
    expect((await report(page)).cards.find((c) => c.key === key)).toMatchObject({ saved: false });
    // A status, then another, both before the first answer: saved once (three changes: the save and two statuses,
    // where acting on what the page showed saved twice), and the toolbar ends on the last status pressed.
    await page.keyboard.press('k');
    const next = keys[keys.length - 5]!;
    await expect.poll(async () => Math.abs((await ringTop()) - ((await cardTop(next)) - 4))).toBeLessThan(2);
    await extensionPage.evaluate((k) => {
      const seen: string[] = [];
      (globalThis as unknown as { changesOf: string[] }).changesOf = seen;
      chrome.runtime.onMessage.addListener((message: unknown) => {
        const { changes = [] } = message as { changes?: Array<{ key: string; paper: { status: string } | null }> };
        for (const change of changes) if (change.key === k) seen.push(change.paper?.status ?? 'removed');
      });
    }, next);
    await Promise.all([page.keyboard.press('2'), page.keyboard.press('3')]);
    await expect.poll(async () => (await report(page)).cards.find((c) => c.key === next)?.status).toBe('read');
    await page.waitForTimeout(500); // any late change
    expect(await extensionPage.evaluate(() => (globalThis as unknown as { changesOf: string[] }).changesOf)).toEqual(['to-read', 'reading', 'read']);
    expect((await storedPaper(next))?.status).toBe('read');
  });

  it('c opens the ringed card\'s first code link in a new tab (a Hugging Face day)', async () => {
    const hf = await visit(PAGES.huggingface.url);
    await hf.bringToFront();
    const { cards } = await report(hf);
    const at = cards.findIndex((c) => c.key === 'arxiv:2308.30003');
    expect(cards[at]).toMatchObject({ code: 1 });
    for (let i = 0; i <= at; i++) await hf.keyboard.press('j');
    const [tab] = await Promise.all([session.context.waitForEvent('page'), hf.keyboard.press('c')]);
    opened.push(tab);
    await expect.poll(() => tab.url()).toBe('https://github.com/xuke225/EQ-Net');
    await tab.close();
    await hf.close();
    await page.bringToFront();
  });

  it('keys typed in the site\'s search box do nothing, and the keys are off where the options say so', async () => {
    const acl = await visit(PAGES.acl.url);
    await acl.bringToFront();
    const aclUi = await openClosedUi(session.context, acl);
    await acl.keyboard.press('j');
    await expect.poll(async () => (await aclUi.allInPageLayer({ cls: 'ring' }))[0]?.attributes.hidden).toBeUndefined();
    const before = await report(acl);
    const pagesBefore = session.context.pages().length;
    await acl.click('#acl-search-box');
    await acl.keyboard.type('sx1ot4');
    expect(await acl.inputValue('#acl-search-box')).toBe('sx1ot4');
    expect(await report(acl)).toEqual(before);
    expect(session.context.pages().length).toBe(pagesBefore);

    await acl.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await setSettings({ keyboard: { acl: false } });
    // The page has the new settings once switching the keys off took the ring away.
    await expect.poll(async () => 'hidden' in ((await aclUi.allInPageLayer({ cls: 'ring' }))[0]?.attributes ?? {})).toBe(true);
    await acl.keyboard.press('s');
    await acl.keyboard.press('x');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await report(acl)).toEqual(before);
    await setSettings({ keyboard: {} });
    await aclUi.close();
    await acl.close();
  });
});

/** What Semantic Scholar's React does on a remount: every row rendered anew with the same papers (new elements, no trace of Paperlight on them). */
function renderRowsAnew(): number {
  const all = [...document.querySelectorAll('.cl-paper-row')];
  for (const row of all) {
    const copy = row.cloneNode(true) as Element;
    copy.querySelectorAll('paperlight-card, paperlight-stub').forEach((host) => host.remove());
    for (const element of [copy, ...copy.querySelectorAll('*')]) {
      for (const name of element.getAttributeNames()) if (name.startsWith('data-paperlight')) element.removeAttribute(name);
    }
    row.replaceWith(copy);
  }
  return all.length;
}

describe('Chromium: keyboard triage on a page that renders its cards anew', () => {
  it('a Semantic Scholar search re-rendering its rows: the ring stays on its paper, j goes on from there, and a card hidden with x stays hidden', async () => {
    const page = await visit(SEMANTIC_SCHOLAR);
    await page.bringToFront();
    const ui = await openClosedUi(session.context, page);
    const keys = (await report(page)).cards.map((c) => c.key);
    expect(keys.length).toBeGreaterThanOrEqual(6);
    const ring = async () => (await ui.allInPageLayer({ cls: 'ring' }))[0]!;
    const ringOn = async (key: string) => {
      const { attributes } = await ring();
      if ('hidden' in attributes) return false;
      const top = Number(/top:\s*(-?[\d.]+)px/.exec(attributes.style ?? '')?.[1]);
      const cardTop = await page.evaluate((k) => document.querySelector(`[data-paperlight-id="${k}"]`)!.getBoundingClientRect().top, key);
      return Math.abs(top - (cardTop - 4)) < 2;
    };
    for (let i = 0; i < 3; i++) await page.keyboard.press('j');
    await expect.poll(() => ringOn(keys[2]!)).toBe(true);
    await page.keyboard.press('x');
    await expect.poll(() => ringOn(keys[3]!)).toBe(true);
    // The site's React renders every row anew with the same papers (as after a re-sort back, or a remount).
    expect(await page.evaluate(renderRowsAnew)).toBe(keys.length);
    await expect.poll(async () => (await report(page)).cards.map((c) => c.key)).toEqual(keys);
    await expect.poll(async () => (await report(page)).cards.filter((c) => c.hidden).map((c) => c.key)).toEqual([keys[2]]);
    await expect.poll(() => ringOn(keys[3]!)).toBe(true);
    await page.keyboard.press('j');
    await expect.poll(() => ringOn(keys[4]!)).toBe(true);
    await page.keyboard.press('s');
    await expect.poll(async () => (await storedPaper(keys[4]!))?.status).toBe('to-read');
    await ui.close();
    await page.close();
  });

  it('rows rendered anew keep what the reader chose: the run of hidden cards brought back with "show" stays shown', async () => {
    await setSettings({ rules: [{ match: 'phrase', pattern: 'network', field: 'title', action: 'hide' }] });
    const page = await visit(SEMANTIC_SCHOLAR);
    const ui = await openClosedUi(session.context, page);
    const matching = (await report(page)).cards.filter((c) => /network/i.test(c.title)).map((c) => c.key);
    expect(matching.length).toBeGreaterThan(2);
    const hidden = async () => (await report(page)).cards.filter((c) => c.hidden).map((c) => c.key);
    await expect.poll(hidden).toEqual(matching);
    const stubTexts = async () => (await ui.allInHosts('paperlight-stub', { attrs: { role: 'note' } })).map((stub) => stub.text);
    const stubsBefore = await stubTexts();
    const firstRun = Number(/^(\d+) hidden/.exec(stubsBefore[0]!)?.[1]);
    expect(firstRun).toBeLessThan(matching.length);
    await page.evaluate(() => document.querySelector('paperlight-stub')!.scrollIntoView({ block: 'center' }));
    await page.evaluate(() => new Promise((resolve) => setTimeout(() => requestAnimationFrame(resolve), 300)));
    const [show] = await ui.allInHosts('paperlight-stub', { tag: 'button', text: 'show' });
    await ui.click(show!);
    const stillHidden = matching.slice(firstRun);
    await expect.poll(hidden).toEqual(stillHidden);
    expect(await page.evaluate(renderRowsAnew)).toBeGreaterThan(0);
    await expect.poll(async () => (await report(page)).cards.length).toBeGreaterThan(0);
    // Right after the rows come back: the same cards hidden, behind the same lines.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await hidden()).toEqual(stillHidden);
    expect(await stubTexts()).toEqual(stubsBefore.slice(1));
    await setSettings({ rules: [] });
    await ui.close();
    await page.close();
  });

  it('an OpenReview tab switch: the first j takes the first card of the tab now shown', async () => {
    const page = await visit(OPENREVIEW_TABS);
    await page.bringToFront();
    const ui = await openClosedUi(session.context, page);
    const panes = await page.evaluate(() => [...document.querySelectorAll('[data-paperlight-id]')]
      .map((card) => [card.getAttribute('data-paperlight-id')!, card.closest('.tab-pane')!.id] as const));
    const inPane = (id: string) => panes.filter(([, pane]) => pane === id).map(([key]) => key);
    expect(inPane('accept-oral').length).toBeGreaterThan(1);
    const ringOn = async (key: string) => {
      const { attributes } = (await ui.allInPageLayer({ cls: 'ring' }))[0]!;
      if ('hidden' in attributes) return false;
      const top = Number(/top:\s*(-?[\d.]+)px/.exec(attributes.style ?? '')?.[1]);
      const cardTop = await page.evaluate((k) => document.querySelector(`[data-paperlight-id="${k}"]`)!.getBoundingClientRect().top, key);
      return Math.abs(top - (cardTop - 4)) < 2;
    };
    for (let i = 0; i < 3; i++) await page.keyboard.press('j');
    await expect.poll(() => ringOn(inPane('accept-poster')[2]!)).toBe(true);
    // The reader picks "Accept (Oral)", a tab before the shown one: Bootstrap moves `active in` to its pane.
    await page.evaluate(() => {
      document.querySelector('#accept-poster')!.classList.remove('active', 'in');
      document.querySelector('#accept-oral')!.classList.add('active', 'in');
    });
    await page.keyboard.press('j');
    await expect.poll(() => ringOn(inPane('accept-oral')[0]!)).toBe(true);
    await page.keyboard.press('j');
    await expect.poll(() => ringOn(inPane('accept-oral')[1]!)).toBe(true);
    await ui.close();
    await page.close();
  });
});

describe('Chromium: hide, dim and highlight rules', () => {
  it('a hide rule hides the cards it matches on two sites, behind one line per run, and "show" brings them back', async () => {
    const pattern = /\b(disk|language)\b/i;
    // A rule the engine refuses, written into storage behind the options page's back, is dropped: it hides nothing.
    await setSettings({ rules: [
      { match: 'regex', pattern: '(a', field: 'any', action: 'hide' },
      { match: 'regex', pattern: '\\b(disk|language)\\b', field: 'title', action: 'hide' },
    ] });
    for (const url of [PAGES.arxiv.url, PAGES.acl.url]) {
      const page = await visit(url);
      const expected = (await report(page)).cards.filter((c) => pattern.test(c.title)).map((c) => c.key);
      expect(expected.length).toBeGreaterThan(0);
      await expect.poll(async () => (await report(page)).cards.filter((c) => c.hidden).map((c) => c.key)).toEqual(expected);
      for (const key of expected) {
        expect(await page.evaluate((k) => getComputedStyle(document.querySelector(`[data-paperlight-id="${k}"]`)!).display, key)).toBe('none');
      }
      const ui = await openClosedUi(session.context, page);
      const stubs = await ui.allInHosts('paperlight-stub', { attrs: { role: 'note' } });
      const counted = stubs.map((s) => Number(/^(\d+) hidden by your rules — show$/.exec(s.text)?.[1]));
      expect(counted.reduce((a, b) => a + b, 0)).toBe(expected.length);
      expect((await ui.allInPageLayer({ cls: 'head' }))[0]?.text).toContain(`${expected.length} hidden by your rules`);
      // The first stub brought into view first, and the toolbars that mount near it given time to settle, so
      // the page does not move under the pointer between measuring the button and clicking it.
      await page.evaluate(() => document.querySelector('paperlight-stub')!.scrollIntoView({ block: 'center' }));
      await page.evaluate(() => new Promise((resolve) => setTimeout(() => requestAnimationFrame(resolve), 300)));
      const [show] = await ui.allInHosts('paperlight-stub', { tag: 'button', text: 'show' });
      await ui.click(show!);
      await expect.poll(async () => (await report(page)).cards.filter((c) => c.hidden).length).toBe(expected.length - counted[0]!);
      await ui.close();
      await page.close();
    }
    await setSettings({ rules: [] });
  });

  it('a highlight rule marks the matched words in the titles with the Custom Highlight API', async () => {
    await setSettings({ rules: [{ match: 'phrase', pattern: 'DISK', field: 'title', action: 'highlight' }] });
    const page = await visit(PAGES.arxiv.url);
    const withDisk = (await report(page)).cards.filter((c) => /disk/i.test(c.title)).map((c) => c.key);
    expect(withDisk.length).toBeGreaterThan(0);
    const marked = () => page.evaluate(() => [...(CSS.highlights.get('paperlight-rule') ?? [])].map((range) => {
      const r = range as Range;
      return [r.startContainer.parentElement!.closest('[data-paperlight-id]')!.getAttribute('data-paperlight-id'), r.toString()];
    }));
    await expect.poll(async () => [...new Set((await marked()).map(([key]) => key))]).toEqual(withDisk);
    expect((await marked()).every(([, text]) => text!.toLowerCase() === 'disk')).toBe(true);
    await setSettings({ rules: [] });
    await expect.poll(marked).toEqual([]);
    await page.close();
  });

  it('(a+)+$ on forty a\'s and a "!" cannot stall the page: the rules, set while it is open, are applied and the page answers', async () => {
    const page = await visit(A_PAGE);
    expect((await report(page)).cards.filter((c) => c.hidden || c.dimmed)).toEqual([]);
    await setSettings({ rules: [
      { match: 'regex', pattern: '(a+)+$', field: 'title', action: 'hide' },
      { match: 'regex', pattern: 'a{40}!', field: 'title', action: 'dim' },
    ] });
    await expect.poll(async () => (await report(page)).cards.filter((c) => c.dimmed).map((c) => c.title)).toEqual([A_TITLE]);
    const { cards } = await report(page);
    // `(a+)+$` is the same language as `a$`: the cards it hides are the ones whose title ends with an a.
    expect(cards.filter((c) => c.hidden).map((c) => c.title)).toEqual(cards.filter((c) => /a$/i.test(c.title)).map((c) => c.title));
    expect(await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve('painted'))))).toBe('painted');
    // Rules taken away: the page shows every card as it was.
    await setSettings({ rules: [] });
    await expect.poll(async () => (await report(page)).cards.filter((c) => c.hidden || c.dimmed)).toEqual([]);
    await page.close();
  });
});

declare const chrome: {
  runtime: { onMessage: { addListener(listener: (message: unknown) => undefined): void } };
  storage: { local: { get(key: string): Promise<Record<string, Record<string, unknown> | undefined>>; set(items: object): Promise<void> } };
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>>; sendMessage(id: number, m: unknown): Promise<unknown> };
};
