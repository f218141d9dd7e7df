// The shield in Firefox ESR with the built extension (puppeteer-core over WebDriver BiDi): a page whose inline
// <head> script listens on window, document and body for every event that could carry what the reader does
// (page-listeners.ts) hears none of it when the reader, with the real keyboard, saves a card, picks its status,
// adds a tag with Enter and types a note; the background holds all three. The toolbar is in a closed shadow
// root: it is reached with the keyboard, as in note-firefox.e2e.test.ts. Keys typed on the page still reach it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { SavedPaper } from '../../src/core/paper';
import { launchFirefox, savedInTab, until, type ExtensionApi, type FirefoxSession } from './firefox';
import { readFixture } from './harness';
import { CVF } from './page-readings';
import { leaks, withPageListeners, type HeardEvent } from './page-listeners';

let session: FirefoxSession;
let extensionPage: Page;

async function library(): Promise<SavedPaper[]> {
  const reply = await extensionPage.evaluate(() =>
    (globalThis as unknown as { browser: ExtensionApi }).browser.runtime.sendMessage({ type: 'getAll' }));
  return (reply as { papers: SavedPaper[] }).papers;
}

const heard = (page: Page) => page.evaluate(() => (window as unknown as { pageHeard: HeardEvent[] }).pageHeard);

const shift = async (page: Page, key: string) => {
  await page.keyboard.down('Shift');
  await page.keyboard.press(key as 'Tab');
  await page.keyboard.up('Shift');
};

beforeAll(async () => {
  session = await launchFirefox();
  extensionPage = await session.openExtensionPage('src/popup/index.html');
  await extensionPage.waitForFunction(() => typeof (globalThis as { browser?: unknown }).browser === 'object', { timeout: 15_000 });
});
afterAll(() => session?.close());

describe('Firefox ESR: what the reader does in the toolbar never reaches the page', () => {
  it('save, status, a tag and a note by the keyboard: the page hears none of it, the library has all of it', async () => {
    const body = withPageListeners(await readFixture(CVF.file));
    const page = await session.newPage([{ url: new RegExp(`^${CVF.url.replace(/[.?+*()[\]]/g, '\\$&')}$`), body }]);
    await page.goto(CVF.url);
    await page.bringToFront();
    await page.waitForFunction((n) => document.querySelectorAll('[data-paperlight-id]').length >= n, { timeout: 20_000 }, CVF.keys.length);
    const key = CVF.keys[0]!;
    await page.evaluate((k) => document.querySelector(`[data-paperlight-id="${k}"]`)!.scrollIntoView({ block: 'center' }), key);
    await page.waitForFunction((k) => document.querySelector(`[data-paperlight-id="${k}"] paperlight-card`), { timeout: 10_000 }, key);
    await page.evaluate((k) => {
      const controls = [...document.querySelector(`[data-paperlight-id="${k}"]`)!.querySelectorAll<HTMLElement>('a[href], button')];
      controls.filter((control) => control.checkVisibility()).at(-1)!.focus();
    }, key);
    const before = (await heard(page)).length;

    await page.keyboard.press('Tab'); // "☆ Save"
    await page.keyboard.press('Enter');
    await until(() => savedInTab(extensionPage, CVF.url, key), true);
    await page.keyboard.press('Tab'); // the status
    await page.keyboard.press('ArrowDown');
    await until(async () => (await library()).find((p) => p.key === key)?.status, 'reading');
    await page.keyboard.press('Tab'); // "+ tag"
    await page.keyboard.press('Enter'); // the tag field, focused
    await page.keyboard.type('private');
    await page.keyboard.press('Enter');
    await until(async () => (await library()).find((p) => p.key === key)?.tags.join(), 'private');
    await page.keyboard.press('Tab'); // "✎ Note" (the empty tag field closes behind)
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab'); // "Published at CVPR 2024"
    // The note field takes Tab once the saved (empty) note is read into it (note-firefox.e2e.test.ts).
    const inToolbar = () => page.evaluate((k) => document.activeElement === document.querySelector(`[data-paperlight-id="${k}"] paperlight-card`), key);
    for (let attempt = 0; ; attempt++) {
      await page.keyboard.press('Tab');
      if (await inToolbar()) break;
      if (attempt === 40) throw new Error('the note field was never enabled');
      await shift(page, 'Tab');
      await new Promise((r) => setTimeout(r, 250));
    }
    await page.keyboard.type('Secret 42');
    await page.keyboard.down('Control');
    await page.keyboard.press('Enter');
    await page.keyboard.up('Control');
    await until(async () => (await library()).find((p) => p.key === key)?.note, 'Secret 42');
    expect((await library()).find((p) => p.key === key)).toMatchObject({ status: 'reading', tags: ['private'], note: 'Secret 42' });

    const during = (await heard(page)).slice(before);
    // The recorder works: the page heard the focus move to the toolbar's host (all a page may hear of it).
    expect(during.some((event) => event.type === 'focusin' && event.target === 'paperlight-card')).toBe(true);
    expect(leaks(during, ['Secret', '42', 'private'])).toEqual([]);

    // A key typed on the page itself (the focus on one of its links) still reaches the page's listeners.
    await page.evaluate(() => document.querySelector<HTMLElement>('a[href]')!.focus());
    const typed = (await heard(page)).length;
    await page.keyboard.press('q');
    expect((await heard(page)).slice(typed).filter((e) => e.type === 'keydown').map((e) => `${e.where} ${e.phase} ${e.key} ${e.target}`))
      .toEqual(['window capture q a', 'document capture q a', 'body capture q a', 'body bubble q a', 'document bubble q a', 'window bubble q a']);
    await extensionPage.evaluate((k) => (globalThis as unknown as { browser: ExtensionApi }).browser.runtime.sendMessage({ type: 'remove', key: k }), key);
    await page.close();
  });
});
