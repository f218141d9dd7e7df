// The popup in Chromium with the built extension, on a library of 10,000 papers seeded through the background:
// first paint, search, filters, inline edits, delete + undo, bulk actions, opening a paper, exports in every
// format read back from the downloaded file, and "On this page" over a Hugging Face listing (its cards as the
// content script reports them, one saved from the popup). Real key presses and clicks throughout; screenshots of
// the popup in light and dark mode go to test-results/.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseBackup, serialiseBackup } from '../../src/core/backup';
import { CSV_HEADER, EXPORT_FORMATS, localDay, type ExportFormatId } from '../../src/core/export';
import type { SavedPaper } from '../../src/core/paper';
import { INITIAL_VIEWPORT } from '../../src/popup/row-layout';
import { sampleLibrary } from '../unit/popup/sample-library';
import { ARTIFACTS, launchChromium, readFixture, routeFixtures, routeHtml, sendFromExtensionPage, type ChromiumSession } from './harness';

const PAPERS = 10_000;
const POPUP = 'src/popup/index.html';
const library = sampleLibrary(PAPERS);
const newestFirst = [...library].sort((a, b) => b.savedAt - a.savedAt || (a.key < b.key ? 1 : -1));
const byKey = new Map(library.map((p) => [p.key, p]));

let session: ChromiumSession;
let popup: Page;

interface Reply { ok: boolean; error?: string; [field: string]: unknown }
const send = <T = Reply>(message: unknown) => sendFromExtensionPage<T>(popup, message);

async function stored(key: string): Promise<SavedPaper> {
  const { found } = await send<{ found: Array<{ paper: SavedPaper }> }>({ type: 'lookup', keys: [key] });
  return found[0]!.paper;
}

async function libraryTotal(): Promise<number> {
  return (await send<{ total: number }>({ type: 'query', limit: 1 })).total;
}

const countText = () => popup.locator('.library-count').textContent();
const rowTitles = () => popup.locator('[role="option"] .row-title').allTextContents();
const activeTitle = () =>
  popup.evaluate(() => {
    const id = document.querySelector('[role="listbox"]')?.getAttribute('aria-activedescendant');
    return id ? document.getElementById(id)?.querySelector('.row-title')?.textContent ?? null : null;
  });

async function openPopup(): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 540, height: 580 });
  await page.goto(`chrome-extension://${session.extensionId}/${POPUP}`);
  await page.waitForFunction(() => performance.getEntriesByName('paperlight:search-ready').length > 0, null, { timeout: 30_000 });
  return page;
}

/** Back to the plain list: no editor, selection, search or filter; focus on the list. */
async function resetView(): Promise<void> {
  // A tab in the background gets no animation frames, which Playwright's clicks wait for.
  await popup.bringToFront();
  for (let i = 0; i < 3; i++) await popup.keyboard.press('Escape');
  await popup.getByRole('searchbox', { name: 'Search saved papers' }).fill('');
  const clear = popup.getByRole('button', { name: 'Clear filters' });
  if (await clear.isVisible()) await clear.click();
  await popup.getByRole('listbox').focus();
  await popup.keyboard.press('Home');
  await expect.poll(countText).toBe('10,000 papers');
  await expect.poll(activeTitle).toBe(newestFirst[0]!.title);
}

beforeAll(async () => {
  session = await launchChromium();
  await routeHtml(session.context, 'https://arxiv.org/abs/**', '<!doctype html><title>arXiv abstract</title><h1>Abstract page</h1>');
  const seeder = await session.openExtensionPage(POPUP);
  const reply = await sendFromExtensionPage<Reply>(seeder, { type: 'importBackup', text: serialiseBackup(library, new Date()), mode: 'replace' });
  expect(reply).toMatchObject({ ok: true, added: PAPERS });
  await seeder.close();
  popup = await openPopup();
}, 120_000);
afterAll(() => session?.close());

describe('Chromium: the popup on 10,000 papers', () => {
  it('paints the newest papers, then holds the whole library in a virtualised list', async () => {
    const painted = await popup.evaluate(() => performance.getEntriesByName('paperlight:list-painted')[0]?.startTime ?? null);
    expect(painted).not.toBeNull();
    expect(await countText()).toBe('10,000 papers');
    const titles = await rowTitles();
    expect(titles.slice(0, 5)).toEqual(newestFirst.slice(0, 5).map((p) => p.title));
    // Only the rows in view (plus a margin) are in the DOM.
    expect(titles.length).toBeGreaterThan(5);
    expect(titles.length).toBeLessThan(40);
    expect(await popup.locator('[role="option"]').first().getAttribute('aria-setsize')).toBe(String(PAPERS));

    await popup.getByRole('listbox').focus();
    await popup.keyboard.press('End');
    await expect.poll(activeTitle).toBe(newestFirst.at(-1)!.title);
    await popup.keyboard.press('PageUp');
    await popup.keyboard.press('ArrowUp');
    const expectedIndex = PAPERS - 1 - (await popup.evaluate(() => Math.floor(document.querySelector('[role="listbox"]')!.clientHeight / 78))) - 1;
    await expect.poll(activeTitle).toBe(newestFirst[expectedIndex]!.title);
    await popup.keyboard.press('Home');
    await expect.poll(activeTitle).toBe(newestFirst[0]!.title);
  });

  it('paints its first rows before the app loads, and the app takes over the first row in the same place', async () => {
    const page = await openPopup();
    // Element Timing: the first frame's title, then the app's own (a new element), at the same place.
    // Entries may come in more than one callback: all that come within a second.
    const painted = (await page.evaluate(`new Promise((resolve) => {
      const entries = [];
      new PerformanceObserver((list) => entries.push(...list.getEntries())).observe({ type: 'element', buffered: true });
      setTimeout(() => resolve(entries
        .filter((entry) => entry.identifier === 'paperlight:first-row')
        .map((entry) => ({ id: entry.id, rect: entry.intersectionRect.toJSON(), connected: entry.element?.isConnected ?? false }))), 1000);
    })`)) as Array<{ id: string; rect: Record<string, number>; connected: boolean }>;
    // When the app's code loads before the first frame is presented, the app's frame is the first: one entry.
    expect(painted.length === 1 || painted.length === 2, JSON.stringify(painted)).toBe(true);
    expect(painted.map((entry) => entry.id)).toEqual(painted.map(() => 'paper-row-0-title'));
    expect(painted.map((entry) => entry.connected)).toEqual(painted.length === 2 ? [false, true] : [true]);
    expect(painted.at(-1)!.rect).toEqual(painted[0]!.rect);
    expect(painted[0]!.rect.height).toBeGreaterThan(0);
    // The first frame draws only the rows within the list's first guess of its height (first-frame.ts): the
    // popup's list is no taller, so no row the app adds below them could have been in view.
    expect(await page.evaluate(() => document.querySelector('[role="listbox"]')!.clientHeight)).toBeLessThanOrEqual(INITIAL_VIEWPORT);
    expect(await page.locator('[role="option"] .row-title').first().textContent()).toBe(newestFirst[0]!.title);
    // The search box has the focus, as the app's autofocus gives it.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search saved papers');
    await page.close();
  });

  it('searches as you type, after `/` moves to the search box', async () => {
    await resetView();
    const target = library[4321]!;
    await popup.keyboard.press('/');
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search saved papers');
    await popup.keyboard.type('study 4321');
    await expect.poll(countText).toBe('1 paper of 10,000');
    expect(await rowTitles()).toEqual([target.title]);

    // Authors, with accents folded, and every word required.
    // Four-digit study numbers are unique prefixes (the library numbers its papers 0–9999).
    const author = library.find((p, i) => i >= 1000 && p.authors.some((a) => a.includes('Jürgen')))!;
    await popup.getByRole('searchbox', { name: 'Search saved papers' }).fill(`jurgen ${author.title.split(':')[1]!.trim()}`);
    await expect.poll(rowTitles).toEqual([author.title]);
    await popup.keyboard.press('Escape');
    await expect.poll(countText).toBe('10,000 papers');
  });

  it('finds a paper by a pasted identifier or link, which its words do not hold', async () => {
    await resetView();
    const search = popup.getByRole('searchbox', { name: 'Search saved papers' });
    const target = library[4321]!;
    const arxivId = target.key.slice('arxiv:'.length);
    await search.fill(`https://arxiv.org/abs/${arxivId}v2`);
    await expect.poll(rowTitles).toEqual([target.title]);
    expect(await countText()).toBe('1 paper of 10,000');
    // By an alias (a DOI the paper also carries).
    const withAlias = library.find((p, i) => i >= 1000 && p.aliases.length > 0)!;
    await search.fill(withAlias.aliases[0]!.slice('doi:'.length));
    await expect.poll(rowTitles).toEqual([withAlias.title]);
    await popup.keyboard.press('Escape');
    await expect.poll(countText).toBe('10,000 papers');
  });

  it('filters by tag, status, site and code, together', async () => {
    await resetView();
    await popup.getByRole('combobox', { name: 'Filter by status' }).selectOption('read');
    await popup.getByRole('combobox', { name: 'Filter by site' }).selectOption('arxiv');
    await popup.getByRole('combobox', { name: 'Filter by code' }).selectOption('yes');
    await popup.getByRole('button', { name: /^Tags/ }).click();
    await popup.getByRole('searchbox', { name: 'Find a tag' }).fill('vis');
    await popup.getByRole('checkbox', { name: /^vision/ }).check();
    await popup.keyboard.press('Escape');
    const expected = newestFirst.filter((p) => p.status === 'read' && p.site === 'arxiv' && p.codeLinks.length > 0 && p.tags.includes('vision'));
    expect(expected.length).toBeGreaterThan(5);
    await expect.poll(countText).toBe(`${expected.length} papers of 10,000`);
    expect((await rowTitles()).slice(0, 3)).toEqual(expected.slice(0, 3).map((p) => p.title));

    // A search narrows the filtered list further.
    await popup.getByRole('searchbox', { name: 'Search saved papers' }).fill(expected[1]!.title);
    await expect.poll(rowTitles).toEqual([expected[1]!.title]);
    await popup.getByRole('button', { name: 'Stop filtering on vision' }).click();
    await popup.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(countText).toBe('1 paper of 10,000');
  });

  it('edits tags (with autocomplete), status and note in place', async () => {
    await resetView();
    const target = newestFirst[0]!;
    await popup.keyboard.press('e');
    const tagField = popup.getByRole('combobox', { name: 'Add a tag' });
    await expect.poll(() => tagField.evaluate((el) => el === document.activeElement)).toBe(true);
    await popup.keyboard.type('to-c');
    await expect.poll(() => popup.getByRole('option', { name: 'to-cite' }).count()).toBe(1);
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('Enter');
    await expect.poll(async () => (await stored(target.key)).tags).toEqual([...target.tags.filter((t) => t !== 'to-cite'), 'to-cite']);
    await popup.keyboard.type('Fresh idea');
    await popup.keyboard.press('Enter');
    await popup.getByRole('button', { name: 'Remove tag to-cite' }).click();

    await popup.locator('.editor').getByText('Reading', { exact: true }).click();
    await popup.getByRole('textbox', { name: 'Note' }).fill('');
    await popup.getByRole('textbox', { name: 'Note' }).click();
    await popup.keyboard.type('Check the ablation in section 5');
    await popup.keyboard.press('Tab');
    await expect.poll(async () => {
      const paper = await stored(target.key);
      return { tags: paper.tags, status: paper.status, note: paper.note };
    }).toEqual({ tags: [...target.tags.filter((t) => t !== 'to-cite'), 'Fresh idea'], status: 'reading', note: 'Check the ablation in section 5' });
    await expect.poll(() => popup.locator('[role="option"]').first().textContent()).toContain('#Fresh idea');
    await expect.poll(() => popup.locator('[role="option"]').first().textContent()).toContain('Reading');
    // Put it back as it was, for the tests after this one.
    expect(await send({ type: 'restore', papers: [target] })).toMatchObject({ ok: true });
  });

  it('deletes with the Delete key (to the Trash) and undoes with Ctrl+Z, restoring the exact record', async () => {
    await resetView();
    await popup.keyboard.press('ArrowDown');
    const target = newestFirst[1]!;
    await expect.poll(activeTitle).toBe(target.title);
    await popup.keyboard.press('Delete');
    await expect.poll(() => popup.locator('.toast.undo').textContent()).toContain(`Moved “${target.title}” to the Trash.`);
    await expect.poll(countText).toBe('9,999 papers');
    expect(await rowTitles()).not.toContain(target.title);
    expect(await libraryTotal()).toBe(PAPERS - 1);
    // The next paper is active, so Delete can walk down the list.
    await expect.poll(activeTitle).toBe(newestFirst[2]!.title);

    await popup.keyboard.press('Control+z');
    await expect.poll(countText).toBe('10,000 papers');
    expect(await libraryTotal()).toBe(PAPERS);
    expect(await stored(target.key)).toEqual(target);
    expect(await rowTitles()).toContain(target.title);
  });

  it('selects several papers, tags them, deletes them together and undoes with the button', async () => {
    await resetView();
    const targets = newestFirst.slice(0, 3);
    await popup.keyboard.press('Space');
    await popup.keyboard.press('Shift+ArrowDown');
    await popup.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => popup.locator('.selection-count').textContent()).toBe('3 selected');

    const tagSelected = async () => {
      await popup.getByRole('button', { name: 'Tag…', exact: true }).click();
      await popup.getByRole('combobox', { name: 'Tag to add' }).fill('batch-2026');
      await popup.keyboard.press('Enter');
    };
    const tagged = async () => (await Promise.all(targets.map((p) => stored(p.key)))).map((p) => p.tags.includes('batch-2026'));
    await tagSelected();
    await expect.poll(tagged).toEqual([true, true, true]);
    // A bulk tag edit can be undone like a delete: the toast offers it, and Ctrl+Z takes it.
    await expect.poll(() => popup.locator('.toast.undo').textContent()).toContain('Tagged 3 papers “batch-2026”.');
    await popup.keyboard.press('Control+z');
    await expect.poll(tagged).toEqual([false, false, false]);
    await tagSelected();
    await expect.poll(tagged).toEqual([true, true, true]);

    await popup.getByRole('toolbar', { name: 'Selected papers' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => popup.locator('.toast.undo').textContent()).toContain('Moved 3 papers to the Trash.');
    expect(await libraryTotal()).toBe(PAPERS - 3);
    await popup.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(countText).toBe('10,000 papers');
    for (const target of targets) expect((await stored(target.key)).tags).toContain('batch-2026');
    expect(await send({ type: 'restore', papers: targets })).toMatchObject({ ok: true });
  });

  it('opens the active paper in a new tab with Enter', async () => {
    await resetView();
    const url = newestFirst[0]!.url;
    const opened = session.context.waitForEvent('page');
    await popup.keyboard.press('Enter');
    const tab = await opened;
    // The tab's URL as the browser reports it (arxiv.org/abs is a host permission, so tabs.query shows it).
    const tabUrls = () => popup.evaluate(`chrome.tabs.query({ url: 'https://arxiv.org/abs/*' }).then((tabs) => tabs.map((t) => t.url || t.pendingUrl))`);
    await expect.poll(tabUrls).toEqual([url]);
    await tab.close();
  });
});

describe('Chromium: exports from the popup, read back from the downloaded file', () => {
  const today = localDay(new Date());

  async function exportFile(format: ExportFormatId, scope: RegExp): Promise<{ name: string; text: string }> {
    await popup.getByRole('button', { name: 'Export…' }).first().click();
    const dialog = popup.getByRole('dialog', { name: 'Export papers' });
    await dialog.getByRole('radio', { name: new RegExp(`^${EXPORT_FORMATS.find((f) => f.id === format)!.label.replace(/[()]/g, '\\$&')}`) }).check();
    await dialog.getByRole('radio', { name: scope }).check();
    const download = popup.waitForEvent('download');
    await dialog.getByRole('button', { name: /^Download/ }).click();
    const file = await download;
    return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
  }

  function checkContent(format: ExportFormatId, text: string, papers: readonly SavedPaper[]): void {
    switch (format) {
      case 'json': {
        const parsed = parseBackup(text);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) {
          expect(parsed.backup.papers.map((p) => p.key)).toEqual(papers.map((p) => p.key));
          for (const [i, paper] of parsed.backup.papers.entries()) expect(paper, paper.key).toEqual(byKey.get(papers[i]!.key));
        }
        return;
      }
      case 'csv': {
        const lines = text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
        expect(lines[0]).toBe(CSV_HEADER.join(','));
        expect(lines).toHaveLength(papers.length + 1);
        break;
      }
      case 'bibtex':
        expect(text.match(/^@\w+\{/gm)).toHaveLength(papers.length);
        break;
      case 'ris':
        expect(text.match(/^ER {2}- ?$/gm)).toHaveLength(papers.length);
        expect(text.match(/^TY {2}- /gm)).toHaveLength(papers.length);
        break;
      case 'markdown':
        expect(text.startsWith('# Reading list')).toBe(true);
        expect(text).toContain(`${papers.length} ${papers.length === 1 ? 'paper' : 'papers'} · grouped by tag`);
        break;
    }
    for (const paper of [papers[0]!, papers.at(-1)!]) expect(text).toContain(paper.title);
  }

  it.each(EXPORT_FORMATS.map((f) => f.id))('exports the whole library as %s', async (format) => {
    await resetView();
    const { name, text } = await exportFile(format, /^The whole library/);
    expect(name).toBe(`paperlight-${today}.${EXPORT_FORMATS.find((f) => f.id === format)!.extension}`);
    checkContent(format, text, newestFirst);
  });

  it('exports what a filter shows, named after the filter', async () => {
    await resetView();
    await popup.getByRole('combobox', { name: 'Filter by status' }).selectOption('reading');
    const expected = newestFirst.filter((p) => p.status === 'reading');
    await expect.poll(countText).toBe(`${expected.length.toLocaleString('en')} papers of 10,000`);
    const { name, text } = await exportFile('csv', /^The papers shown/);
    expect(name).toBe(`paperlight-reading-${today}.csv`);
    checkContent('csv', text, expected);
  });

  it('exports the selection', async () => {
    await resetView();
    await popup.keyboard.press('Space');
    await popup.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => popup.locator('.selection-count').textContent()).toBe('2 selected');
    const { name, text } = await exportFile('json', /^The selected papers/);
    expect(name).toBe(`paperlight-selection-${today}.json`);
    checkContent('json', text, newestFirst.slice(0, 2));
  });
});

describe('Chromium: On this page', () => {
  const HF_DAILY = 'https://huggingface.co/papers/date/2025-12-11';

  it('lists the cards of the page under the popup, in page order, and saves one through its tab', async () => {
    // The page's card count, and some of its cards (position, key, title), as written out from the fixture by hand.
    const expected = JSON.parse(await readFixture('huggingface/daily-2025-12-11.expected.json')) as {
      cardCount: number;
      cards: Array<{ index: number; key: string; title: string }>;
    };
    await routeFixtures(session.context, [{ url: 'https://huggingface.co/papers**', file: 'huggingface/daily-2025-12-11.html' }]);
    const page = await session.context.newPage();
    await page.goto(HF_DAILY);
    await page.waitForFunction((count) => document.querySelectorAll('[data-paperlight-id]').length === count, expected.cardCount);
    const pageKeys = await page.evaluate(() => [...document.querySelectorAll('[data-paperlight-id]')].map((el) => el.getAttribute('data-paperlight-id')!));
    // The seeded library happens to hold some of the page's papers (by key or alias).
    const libraryIds = new Set(library.flatMap((p) => [p.key, ...p.aliases]));
    const savedBefore = pageKeys.filter((key) => libraryIds.has(key)).length;
    // A toolbar popup opens over the page: the page is the active tab when the popup asks which tab it is over.
    const over = await session.context.newPage();
    await over.setViewportSize({ width: 540, height: 580 });
    await over.goto(`chrome-extension://${session.extensionId}/${POPUP}`);
    await page.bringToFront();
    await over.reload();
    // Read without waiting for the element (a locator would wait for it on every poll).
    const summaryText = () => over.evaluate(() => document.querySelector('.on-page-summary')?.textContent ?? null);
    const summary = (saved: number) => `On this page: ${expected.cardCount} papers · ${saved} saved`;
    await expect.poll(summaryText, { timeout: 15_000 }).toBe(summary(savedBefore));
    // Clicks wait for frames, which only the tab in front gets; the 10,000 papers are left to load first.
    await over.bringToFront();
    await over.waitForFunction(() => performance.getEntriesByName('paperlight:library-loaded').length > 0, null, { timeout: 30_000 });
    const listed = over.locator('.on-page-cards li');
    const keys = await listed.evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.key));
    const titles = await over.locator('.on-page-title').allTextContents();
    expect(keys).toHaveLength(expected.cardCount);
    for (const card of expected.cards) expect([keys[card.index], titles[card.index]]).toEqual([card.key, card.title]);
    // In page order: the order of the cards the content script marked on the page.
    expect(keys).toEqual(pageKeys);

    const target = expected.cards.find((card) => !libraryIds.has(card.key))!;
    await over.getByRole('button', { name: `Save “${target.title}”` }).click();
    await expect.poll(summaryText, { timeout: 10_000 }).toBe(summary(savedBefore + 1));
    const saved = await sendFromExtensionPage<{ found: Array<{ paper: SavedPaper }> }>(over, { type: 'lookup', keys: [target.key] });
    // Saved as the card's own button saves it: from the page, with the page recorded.
    expect(saved.found[0]!.paper).toMatchObject({ key: target.key, title: target.title, seenUrls: [HF_DAILY], site: 'huggingface' });
    expect(await listed.nth(target.index).textContent()).toContain('To read');
    expect(await sendFromExtensionPage(over, { type: 'remove', key: target.key })).toMatchObject({ ok: true });
    await expect.poll(summaryText, { timeout: 10_000 }).toBe(summary(savedBefore));
    await over.close();
    await page.close();
  });
});

describe('Chromium: how the popup looks', () => {
  it('takes screenshots in light and dark mode', async () => {
    await resetView();
    await popup.getByRole('combobox', { name: 'Filter by code' }).selectOption('yes');
    await popup.getByRole('listbox').focus();
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('Space');
    await popup.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => popup.locator('.selection-count').textContent()).toBe('2 selected');
    await popup.emulateMedia({ colorScheme: 'light' });
    await popup.screenshot({ path: path.join(ARTIFACTS, 'popup-light.png') });
    await popup.emulateMedia({ colorScheme: 'dark' });
    expect(await popup.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(23, 25, 29)');
    await popup.screenshot({ path: path.join(ARTIFACTS, 'popup-dark.png') });
    await popup.keyboard.press('Escape');
    await popup.keyboard.press('e');
    await expect.poll(() => popup.locator('.editor').count()).toBe(1);
    await popup.screenshot({ path: path.join(ARTIFACTS, 'popup-editor-dark.png') });
    await popup.emulateMedia({ colorScheme: 'light' });
    await popup.screenshot({ path: path.join(ARTIFACTS, 'popup-editor-light.png') });
  });
});
