// The card's note in Firefox ESR with the built extension: a note typed on a listing and left by closing the
// tab is kept. Firefox does not deliver a message a content script sends while its tab closes (the `pagehide`
// save that keeps such a note in Chromium), so the note must already be saved when the reader pauses typing.
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

beforeAll(async () => {
  session = await launchFirefox();
  extensionPage = await session.openExtensionPage('src/popup/index.html');
  await extensionPage.waitForFunction(() => typeof (globalThis as { browser?: unknown }).browser === 'object', { timeout: 15_000 });
});
afterAll(() => session?.close());

describe('Firefox ESR: the card note', () => {
  it('keeps a note typed, paused on and left by closing the tab', async () => {
    const page = await session.newPage([{ url: new RegExp(`^${CVF.url.replace(/[.?+*()[\]]/g, '\\$&')}$`), file: CVF.file }]);
    await page.goto(CVF.url);
    await page.bringToFront(); // the reader's tab: a tab in the background has its timers slowed
    await page.waitForFunction((n) => document.querySelectorAll('[data-paperlight-id]').length >= n, { timeout: 20_000 }, CVF.keys.length);
    const key = CVF.keys[2]!;
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
    await page.keyboard.press('Tab'); // the note
    await new Promise((r) => setTimeout(r, 1000)); // the field is enabled once the saved (empty) note is read
    await page.keyboard.type('Typed, paused on, then the tab closed.');
    await new Promise((r) => setTimeout(r, NOTE_PAUSE_MS + 1000));
    await page.close();
    await until(async () => (await library()).find((p) => p.key === key)?.note, 'Typed, paused on, then the tab closed.');
  });
});
