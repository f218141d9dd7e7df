// The options page's rules and import and the popup's library in the Firefox build, on a real listing (the arXiv
// astro-ph.SR "new" fixture served under its URL): a rule added through the options form hides the matching cards
// of the open tab at once and its removal shows them again; a pasted BibTeX entry, imported, shows saved on the
// tab; papers saved from that tab are searched, filtered by tag, edited and exported from the popup (the export's
// file is read where the popup hands it to the browser, a Blob, so no download dialog is involved).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { PageReport } from '../../src/shared/page-report';
import { launchFirefox, until, type ExtensionApi, type FirefoxSession } from './firefox';

const LISTING = 'https://arxiv.org/list/astro-ph.SR/new';
let session: FirefoxSession;
let listing: Page;
let options: Page;

beforeAll(async () => {
  session = await launchFirefox();
  listing = await session.newPage([{ url: /^https:\/\/arxiv\.org\/list\/astro-ph\.SR\/new$/, file: 'arxiv/list-new-astro-ph.SR.html' }]);
  await listing.goto(LISTING);
  await listing.waitForFunction(() => document.querySelectorAll('[data-paperlight-id]').length >= 10, { timeout: 20_000 });
  options = await session.openExtensionPage('src/options/index.html');
  await options.waitForFunction(() => typeof (globalThis as { browser?: unknown }).browser === 'object', { timeout: 15_000 });
}, 60_000);
afterAll(() => session?.close());

/** The listing tab's page report, asked from an extension page as the popup asks it. */
async function report(): Promise<PageReport> {
  return options.evaluate(async (href) => {
    const api = (globalThis as unknown as { browser: ExtensionApi }).browser;
    const [tab] = (await api.tabs.query({})).filter((t) => t.url === href);
    return (await api.tabs.sendMessage(tab!.id!, { type: 'pageReport' })) as PageReport;
  }, LISTING);
}

function send<T>(message: unknown): Promise<T> {
  return options.evaluate((m) => (globalThis as unknown as { browser: ExtensionApi }).browser.runtime.sendMessage(m), message) as Promise<T>;
}

async function settledCards(): Promise<PageReport['cards']> {
  await until(async () => (await report()).settled, true, 20_000);
  return (await report()).cards;
}

const hiddenKeys = async () => JSON.stringify((await report()).cards.filter((c) => c.hidden).map((c) => c.key));

describe('Firefox ESR: the options page\'s rules on an open listing', () => {
  it('a hide rule added through the form hides the matching cards at once; removing it shows them again', async () => {
    const cards = await settledCards();
    const expected = cards.filter((c) => /disk/i.test(c.title)).map((c) => c.key);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(cards.length);
    const form = 'form[aria-label="Add a rule"]';
    await options.select(`${form} select[name="action"]`, 'hide');
    await options.select(`${form} select[name="field"]`, 'title');
    await options.select(`${form} select[name="match"]`, 'phrase');
    await options.type(`${form} input[name="pattern"]`, 'disk');
    await options.click(`${form} button[type="submit"]`);
    await until(hiddenKeys, JSON.stringify(expected), 15_000);
    const display = await listing.evaluate((key) => getComputedStyle(document.querySelector(`[data-paperlight-id="${key}"]`)!).display, expected[0]!);
    expect(display).toBe('none');
    await options.click('button[aria-label^="Remove the rule"]');
    await until(hiddenKeys, '[]', 15_000);
  });

  it('a pasted BibTeX entry of a paper on the listing, previewed and imported, shows saved with its tag on the open tab', async () => {
    const cards = await settledCards();
    // A card past the ones the popup test saves, with a title BibTeX takes as written.
    const card = cards.slice(6).find((c) => /^[A-Za-z0-9 ,:'-]+$/.test(c.title))!;
    expect(card.saved).toBe(false);
    const bibtex = `@misc{pasted,\n  title = {${card.title}},\n  eprint = {${card.key.replace('arxiv:', '')}},\n  archivePrefix = {arXiv},\n  keywords = {pasted-in-firefox},\n}\n`;
    await options.evaluate(() => [...document.querySelectorAll('summary')].find((s) => /^Or paste BibTeX or RIS/.test(s.textContent ?? ''))!.click());
    await options.type('textarea[aria-label="Library text to import"]', bibtex);
    await options.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Preview the pasted text')!.click());
    const preview = '[role="group"][aria-label="Import the pasted text"]';
    await until(() => options.evaluate((sel) => document.querySelector(`${sel} [role="status"]`)?.textContent ?? '', preview),
      'This BibTeX file would bring: 1 new paper, 0 papers updated, 0 papers unchanged.');
    await options.click(`${preview} button.primary`);
    const onTab = async () => {
      const shown = (await report()).cards.find((c) => c.key === card.key);
      return JSON.stringify([shown?.saved, shown?.tags]);
    };
    await until(onTab, JSON.stringify([true, ['pasted-in-firefox']]), 15_000);
  });
});

describe('Firefox ESR: the popup on papers saved from the listing', () => {
  let popup: Page;
  const countText = () => popup.evaluate(() => document.querySelector('.library-count')?.textContent ?? '');
  const rowTitles = () => popup.evaluate(() => JSON.stringify([...document.querySelectorAll('[role="option"] .row-title')].map((el) => el.textContent)));

  it('searches, filters by tag, edits a tag and exports what it shows', async () => {
    const cards = (await settledCards()).slice(0, 4);
    for (const card of cards) {
      const reply = await options.evaluate(async ([href, key]) => {
        const api = (globalThis as unknown as { browser: ExtensionApi }).browser;
        const [tab] = (await api.tabs.query({})).filter((t) => t.url === href);
        return api.tabs.sendMessage(tab!.id!, { type: 'saveCard', key });
      }, [LISTING, card.key] as const);
      expect(reply).toMatchObject({ ok: true });
    }
    for (const card of cards.slice(1, 3)) expect(await send({ type: 'update', key: card.key, addTags: ['stellar'] })).toMatchObject({ ok: true });

    popup = await session.openExtensionPage('src/popup/index.html');
    // The four saved here and the one the import above brought.
    await until(countText, '5 papers', 20_000);
    // Search: one word of the third card's title, with no other card holding it.
    const all = await settledCards();
    const word = cards[2]!.title.split(/\s+/).find((w) => w.length > 5 && all.every((c) => c.key === cards[2]!.key || !c.title.toLowerCase().includes(w.toLowerCase())))!;
    expect(word).toBeTruthy();
    await popup.type('input[aria-label="Search saved papers"]', word);
    await until(rowTitles, JSON.stringify([cards[2]!.title]));
    await until(countText, '1 paper of 5');
    await popup.click('input[aria-label="Search saved papers"]', { count: 3 });
    await popup.keyboard.press('Backspace');
    await until(countText, '5 papers');

    // Filter by the tag.
    await popup.evaluate(() => [...document.querySelectorAll('button')].find((b) => /^Tags/.test(b.textContent ?? ''))!.click());
    await popup.waitForFunction(() => [...document.querySelectorAll('label')].some((l) => /^stellar/.test(l.textContent ?? '')), { timeout: 10_000 });
    await popup.evaluate(() => [...document.querySelectorAll('label')].find((l) => /^stellar/.test(l.textContent ?? ''))!.querySelector('input')!.click());
    await popup.keyboard.press('Escape');
    await until(countText, '2 papers of 5');

    // Export what the filter shows, as BibTeX: the text the popup hands to the browser.
    await popup.evaluate(() => {
      const scope = window as unknown as { exported?: Promise<string> };
      URL.createObjectURL = (blob: Blob) => {
        scope.exported = blob.text();
        return 'about:blank';
      };
      HTMLAnchorElement.prototype.click = function () {};
    });
    await popup.click('button[aria-label="Export…"]');
    await popup.waitForSelector('input[name="export-format"][value="bibtex"]');
    await popup.click('input[name="export-format"][value="bibtex"]');
    await popup.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('button.primary')].find((b) => /^Download/.test(b.textContent ?? ''))!.click());
    await popup.waitForFunction(() => (window as unknown as { exported?: unknown }).exported !== undefined, { timeout: 10_000 });
    const bibtex = await popup.evaluate(() => (window as unknown as { exported: Promise<string> }).exported);
    expect(bibtex.match(/^@\w+\{/gm)).toHaveLength(2);
    for (const card of cards.slice(1, 3)) expect(bibtex).toContain(card.key.replace('arxiv:', ''));
    expect(bibtex).not.toContain(cards[0]!.key.replace('arxiv:', ''));

    // Edit: a tag added in the editor of the first paper shown reaches the library and the listing's card.
    await popup.bringToFront();
    await popup.focus('[role="listbox"]');
    await popup.keyboard.press('Home');
    await popup.keyboard.press('e');
    await until(() => popup.evaluate(() => document.activeElement?.id), 'editor-tag-input');
    await popup.keyboard.type('from-firefox');
    await popup.keyboard.press('Enter');
    const tagged = async () => JSON.stringify((await send<{ items: Array<{ key: string }> }>({ type: 'query', filter: { tags: ['from-firefox'] } })).items.map((p) => p.key));
    await until(async () => (JSON.parse(await tagged()) as string[]).length, 1);
    const [key] = JSON.parse(await tagged()) as string[];
    expect(cards.slice(1, 3).map((c) => c.key)).toContain(key);
    await until(async () => JSON.stringify((await report()).cards.find((c) => c.key === key)?.tags), JSON.stringify(['stellar', 'from-firefox']));
  });
});
