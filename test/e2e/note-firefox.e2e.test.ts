// The card's note in Firefox ESR with the built extension: a note typed on a listing and left by closing the
// tab is kept. Firefox does not deliver a message a content script sends while its tab closes (the `pagehide`
// save that keeps such a note in Chromium), so the note is saved when the reader pauses typing, and, typed
// within that pause, on `beforeunload`, which a tab the reader closes fires before it goes.
// The toolbar is in a closed shadow root: it is reached with the keyboard, as in annotate-firefox.e2e.test.ts.
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { SavedPaper } from '../../src/core/paper';
import { NOTE_PAUSE_MS } from '../../src/content/features/card-toolbar/note-editor';
import { launchFirefox, savedInTab, until, type ExtensionApi, type FirefoxSession } from './firefox';
import { CVF } from './page-readings';

let session: FirefoxSession;
let extensionPage: Page;

async function library(): Promise<SavedPaper[]> {
  const reply = await extensionPage.evaluate(() =>
    (globalThis as unknown as { browser: ExtensionApi }).browser.runtime.sendMessage({ type: 'getAll' }));
  return (reply as { papers: SavedPaper[] }).papers;
}

const CVF_ROUTE = { url: new RegExp(`^${CVF.url.replace(/[.?+*()[\]]/g, '\\$&')}$`), file: CVF.file };

/** Opens the CVF listing, saves card `index` by keyboard and puts the focus in its open note; its key. */
async function inNoteOf(page: Page, index: number): Promise<string> {
  await page.goto(CVF.url);
  await page.bringToFront(); // the reader's tab: a tab in the background has its timers slowed
  await page.waitForFunction((n) => document.querySelectorAll('[data-paperlight-id]').length >= n, { timeout: 20_000 }, CVF.keys.length);
  const key = CVF.keys[index]!;
  // Scrolled to, as a reader does (toolbars are built for the cards near the screen), then the focus on the
  // card's last control, from where Tab enters its toolbar.
  await page.evaluate((k) => document.querySelector(`[data-paperlight-id="${k}"]`)!.scrollIntoView({ block: 'center' }), key);
  await page.waitForFunction((k) => document.querySelector(`[data-paperlight-id="${k}"] paperlight-card`), { timeout: 10_000 }, key);
  await page.evaluate((k) => {
    const controls = [...document.querySelector(`[data-paperlight-id="${k}"]`)!.querySelectorAll<HTMLElement>('a[href], button')];
    controls.filter((control) => control.checkVisibility()).at(-1)!.focus();
  }, key);
  await page.keyboard.press('Tab'); // "☆ Save"
  await page.keyboard.press('Enter');
  await until(() => savedInTab(extensionPage, CVF.url, key), true);
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab'); // the status, "+ tag", "✎ Note"
  await page.keyboard.press('Enter'); // opens the note
  await page.keyboard.press('Tab'); // "Published at CVPR 2024"
  // The note field is enabled once the saved (empty) note is read, and Tab passes over it until then (to the page
  // after the toolbar). The field is the toolbar's last control: the focus is in it when Tab leaves it in the host.
  const inToolbar = () => page.evaluate((k) => document.activeElement === document.querySelector(`[data-paperlight-id="${k}"] paperlight-card`), key);
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press('Tab');
    if (await inToolbar()) return key;
    if (attempt === 40) throw new Error('the note field was never enabled');
    await page.keyboard.down('Shift'); // back to "Published at CVPR 2024", and again once the field may be ready
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  session = await launchFirefox();
  extensionPage = await session.openExtensionPage('src/popup/index.html');
  await extensionPage.waitForFunction(() => typeof (globalThis as { browser?: unknown }).browser === 'object', { timeout: 15_000 });
});
afterAll(() => session?.close());

describe('Firefox ESR: the card note', () => {
  it('keeps a note typed, paused on and left by closing the tab', async () => {
    const page = await session.newPage([CVF_ROUTE]);
    const key = await inNoteOf(page, 2);
    await page.keyboard.type('Typed, paused on, then the tab closed.');
    await new Promise((r) => setTimeout(r, NOTE_PAUSE_MS + 1000));
    await page.close();
    await until(async () => (await library()).find((p) => p.key === key)?.note, 'Typed, paused on, then the tab closed.');
  });

  it('keeps a note typed and left at once by closing the tab', async () => {
    const page = await session.newPage([CVF_ROUTE]);
    const key = await inNoteOf(page, 3);
    await page.keyboard.type('Typed, then the tab closed at once.');
    // As the reader's Ctrl+W or ✕ does, the tab asks the page before it closes (the page may say it has unsaved
    // work); a tab closed by a script or a crash does not, and then only the note saved on a pause is kept.
    await page.close({ runBeforeUnload: true });
    await until(async () => (await library()).find((p) => p.key === key)?.note, 'Typed, then the tab closed at once.');
  });

  it('keeps a note typed and left at once for another address', async () => {
    const page = await session.newPage([CVF_ROUTE, { url: /^https:\/\/example\.org\/$/, body: '<p>elsewhere</p>' }]);
    const key = await inNoteOf(page, 4);
    await page.keyboard.type('Typed, then another address.');
    await page.goto('https://example.org/');
    await until(async () => (await library()).find((p) => p.key === key)?.note, 'Typed, then another address.');
    await page.close();
  });

  it('keeps a note typed when the page takes its card away at once (no blur comes)', async () => {
    const page = await session.newPage([CVF_ROUTE]);
    const key = await inNoteOf(page, 6);
    await page.keyboard.type('Typed, then the card went.');
    await page.evaluate((k) => document.querySelector(`[data-paperlight-id="${k}"]`)!.remove(), key);
    await until(async () => (await library()).find((p) => p.key === key)?.note, 'Typed, then the card went.');
    await page.close();
  });
});
