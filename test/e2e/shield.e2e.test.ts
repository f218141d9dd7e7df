// The page hears nothing of what the reader does in Paperlight's UI, in Chromium with the built extension. The page
// (the Hugging Face daily listing, served under its real URL) carries an inline <head> script listening on window,
// document and body, in both phases, for every event that could carry what the reader types, pastes, composes or
// clicks (page-listeners.ts). The reader, with playwright's real mouse and keyboard, saves a card, picks a status,
// types a note (letters, digits, an IME composition, a copied and pasted line), adds a tag with Enter, removes the
// paper and brings it back with Undo: the page heard none of it but focus moving to a host, and the background
// holds the note, the tag and the status. Keys typed on the page itself still reach its listeners, and the triage
// keys still work.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SavedPaper } from '../../src/core/paper';
import { exactUrl, launchChromium, readFixture, routeHtml, sendFromExtensionPage, type ChromiumSession } from './harness';
import { openClosedUi } from './closed-ui';
import { frames, openWithCards } from './page-tools';
import { savedStateOf, settledReport } from './page-report';
import { leaks, withPageListeners, type HeardEvent } from './page-listeners';

const HF_DAILY = { url: 'https://huggingface.co/papers/date/2025-12-11', file: 'huggingface/daily-2025-12-11.html' };
const KEY = 'arxiv:2411.18933';

let session: ChromiumSession;
let extensionPage: Page;

async function library(): Promise<SavedPaper[]> {
  return (await sendFromExtensionPage<{ papers: SavedPaper[] }>(extensionPage, { type: 'getAll' })).papers;
}

const heard = (page: Page) => page.evaluate(() => (window as unknown as { pageHeard: HeardEvent[] }).pageHeard);

beforeAll(async () => {
  session = await launchChromium();
  await routeHtml(session.context, exactUrl(HF_DAILY.url), withPageListeners(await readFixture(HF_DAILY.file)));
  extensionPage = await session.openExtensionPage('src/popup/index.html');
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://huggingface.co' });
});
afterAll(() => session?.close());
// Each test starts from an empty library and an empty Trash.
afterEach(async () => {
  for (const paper of await library()) await sendFromExtensionPage(extensionPage, { type: 'remove', key: paper.key });
  await sendFromExtensionPage(extensionPage, { type: 'emptyTrash' });
});

describe('what the reader does in the toolbar never reaches the page', () => {
  it('save, status, a note typed, composed and pasted, a tag, Remove and Undo: the page hears none of it', async () => {
    const page = await openWithCards(session.context, HF_DAILY.url, 16);
    await settledReport(extensionPage, page);
    const ui = await openClosedUi(session.context, page);
    const before = (await heard(page)).length;

    await ui.click(await ui.inToolbar(KEY, { tag: 'button', cls: 'save' }));
    await expect.poll(async () => (await savedStateOf(extensionPage, page, KEY))?.saved).toBe(true);

    const status = await ui.inToolbar(KEY, { tag: 'select' });
    await ui.click(status);
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await savedStateOf(extensionPage, page, KEY))?.status).toBe('reading');

    await ui.click(await ui.inToolbar(KEY, { tag: 'button', text: '✎ Note' }));
    await expect.poll(async () => (await ui.inToolbar(KEY, { tag: 'textarea' })).attributes.disabled).toBeUndefined();
    await ui.click(await ui.inToolbar(KEY, { tag: 'textarea' }));
    await page.keyboard.type('Secret 42 ');
    // An IME composition, as the DevTools protocol makes one (compositionstart, update, end, with its text).
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'ひみ', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.insertText', { text: '秘密' });
    await cdp.detach();
    // Copied and pasted with the keys: the whole line once more.
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Control+V');
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await library()).find((p) => p.key === KEY)?.note).toBe('Secret 42 秘密Secret 42 秘密');

    await ui.click(await ui.inToolbar(KEY, { tag: 'button', text: '+ tag' }));
    await ui.inToolbar(KEY, { tag: 'input' });
    await page.keyboard.type('private');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await savedStateOf(extensionPage, page, KEY))?.tags).toEqual(['private']);

    // Remove, then Undo: the paper comes back with its status, tag and note.
    await ui.click(await ui.inToolbar(KEY, { tag: 'button', cls: 'save' }));
    await expect.poll(async () => (await savedStateOf(extensionPage, page, KEY))?.saved).toBe(false);
    await ui.click(await ui.inToolbar(KEY, { tag: 'button', text: 'Undo' }));
    await expect.poll(async () => await savedStateOf(extensionPage, page, KEY)).toEqual({ saved: true, status: 'reading', tags: ['private'] });
    expect((await library()).find((p) => p.key === KEY)).toMatchObject({ status: 'reading', tags: ['private'], note: 'Secret 42 秘密Secret 42 秘密' });
    await frames(page);

    const during = (await heard(page)).slice(before);
    // The recorder works: the page heard the focus move to the toolbar's host (all a page may hear of it).
    expect(during.some((event) => event.type === 'focusin' && event.target === 'paperlight-card')).toBe(true);
    expect(leaks(during, ['Secret', '42', '秘密', 'ひみ', 'private'])).toEqual([]);
    await ui.close();
    await page.close();
  });

  it('a link of the toolbar opens once: the copy of its click is cancelled before it goes', async () => {
    const page = await openWithCards(session.context, HF_DAILY.url, 16);
    await settledReport(extensionPage, page);
    const ui = await openClosedUi(session.context, page);
    const withCode = 'arxiv:2308.30003';
    await ui.click(await ui.inToolbar(withCode, { tag: 'button', cls: 'code' }));
    const link = await ui.inToolbar(withCode, { tag: 'a', attrs: { target: '_blank' } });
    const before = session.context.pages().length;
    const opened = session.context.waitForEvent('page');
    await ui.click(link);
    await opened;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(session.context.pages().length).toBe(before + 1);
    await Promise.all(session.context.pages().slice(before).map((tab) => tab.close()));
    await ui.close();
    await page.close();
  });

  it('keys typed on the page still reach its listeners, and j, k and s still triage', async () => {
    const page = await openWithCards(session.context, HF_DAILY.url, 16);
    await settledReport(extensionPage, page);
    const before = (await heard(page)).length;
    await page.keyboard.press('q');
    const keys = (await heard(page)).slice(before).filter((event) => event.type === 'keydown');
    expect(keys.map((event) => [event.where, event.phase, event.key, event.target])).toEqual([
      ['window', 'capture', 'q', 'body'], ['document', 'capture', 'q', 'body'], ['body', 'capture', 'q', 'body'],
      ['body', 'bubble', 'q', 'body'], ['document', 'bubble', 'q', 'body'], ['window', 'bubble', 'q', 'body'],
    ]);
    const first = (await settledReport(extensionPage, page)).cards[0]!.key;
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await page.keyboard.press('s');
    await expect.poll(async () => (await savedStateOf(extensionPage, page, first))?.saved).toBe(true);
    await page.close();
  });
});
