// The popup's first frame in Chromium with the built extension: the page the toolbar button opens
// (`action.getPopup`) carries the newest papers after every write (shared/first-frame-url.ts), the popup opened
// at it draws them in its entry's first task, before any database read could answer, and is plain while a write
// is in progress; from the plain page the popup draws the same rows from the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serialiseBackup } from '../../src/core/backup';
import { cardFromPaper } from '../../src/shared/messages';
import { FIRST_FRAME_FROM_URL_MARK } from '../../src/popup/row-layout';
import { sampleLibrary } from '../unit/popup/sample-library';
import { launchChromium, sendFromExtensionPage, type ChromiumSession } from './harness';

const library = sampleLibrary(30);
const newestFirst = [...library].sort((a, b) => b.savedAt - a.savedAt || (a.key < b.key ? 1 : -1));
/** The toolbar popup's first frame draws the rows in its view: 7 of them. */
const ROWS_DRAWN = 7;

let session: ChromiumSession;
/** An extension page that sends the background its requests, as the popup would. */
let sender: Page;

interface Reply { ok: boolean; error?: string; [field: string]: unknown }
async function send<T = Reply>(message: unknown): Promise<T> {
  const reply = await sendFromExtensionPage<Reply>(sender, message);
  if (!reply.ok) throw new Error(reply.error);
  return reply as T;
}

/** The page the toolbar button opens now, as the browser tells it. */
const buttonPage = () => sender.evaluate(() => chrome.action.getPopup({}));

/** Waits until the background has set the button's page anew after a write (it does so after the write's answer). */
async function settledButtonPage(): Promise<string> {
  await sender.waitForFunction(async () => (await chrome.action.getPopup({})).includes('#'), null, { timeout: 10_000 });
  return buttonPage();
}

interface FirstFrame {
  /** The row titles and the library's size the entry's own frame showed, before the app took over. */
  titles: string[];
  count: string | null;
  /** The frame was drawn from the URL, in the entry's first task: marked right after it was put in the page. */
  fromUrl: boolean;
  /** The frame was in the page when the entry's first task ended (no database read can answer within it). */
  inFirstTask: boolean;
}

/**
 * Opens `url` as the toolbar button would, and reads its first frame: a script that runs before the page's own
 * records the frame the entry puts in the page (the app replaces it soon after), and whether it was there when
 * the entry's first task ended.
 */
async function openPopupAt(url: string): Promise<FirstFrame> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 540, height: 580 });
  await page.addInitScript(() => {
    const state = window as unknown as { firstFrame: unknown; inFirstTask: boolean };
    new MutationObserver((records, observer) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (!(node instanceof HTMLElement) || !node.classList.contains('app')) continue;
          state.firstFrame = {
            titles: [...node.querySelectorAll('.row-title')].map((title) => title.textContent),
            count: node.querySelector('.library-count')?.textContent ?? null,
          };
          observer.disconnect();
          return;
        }
      }
    }).observe(document, { childList: true, subtree: true });
    // The entry is a module script: it runs after parsing, in one task, and DOMContentLoaded follows it at once.
    document.addEventListener('DOMContentLoaded', () => (state.inFirstTask = document.querySelector('.app .row') !== null));
  });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('paperlight:list-painted').length > 0, null, { timeout: 15_000 });
  const frame = await page.evaluate((mark) => {
    const state = window as unknown as { firstFrame: { titles: string[]; count: string | null }; inFirstTask: boolean };
    return { ...state.firstFrame, fromUrl: performance.getEntriesByName(mark).length > 0, inFirstTask: state.inFirstTask };
  }, FIRST_FRAME_FROM_URL_MARK);
  await page.close();
  return frame;
}

const titlesOf = (papers: ReadonlyArray<{ title: string }>) => papers.slice(0, ROWS_DRAWN).map((paper) => paper.title);
const drawnFromUrl = { fromUrl: true, inFirstTask: true };

beforeAll(async () => {
  session = await launchChromium();
  sender = await session.openExtensionPage('src/options/index.html');
  await send({ type: 'importBackup', text: serialiseBackup(library, new Date()), mode: 'replace' });
}, 60_000);
afterAll(() => session?.close());

describe('Chromium: the popup\'s first frame from the toolbar button\'s page', () => {
  it('shows the newest papers from the URL in its first task after an import, a save and a remove', async () => {
    expect(await openPopupAt(await settledButtonPage())).toEqual({ titles: titlesOf(newestFirst), count: '30 papers', ...drawnFromUrl });

    // Saved now, from a page's card: the newest paper of all.
    const saved = { ...newestFirst[29]!, key: 'arxiv:2599.00001', aliases: [], title: 'A Paper Saved Just Now' };
    await send({ type: 'save', paper: cardFromPaper(saved) });
    const url = await settledButtonPage();
    expect(url).toMatch(new RegExp(`^chrome-extension://${session.extensionId}/src/popup/index\\.html#f1\\.`));
    expect(await openPopupAt(url)).toEqual({ titles: titlesOf([saved, ...newestFirst]), count: '31 papers', ...drawnFromUrl });

    await send({ type: 'remove', key: newestFirst[0]!.key });
    expect(await openPopupAt(await settledButtonPage())).toEqual({ titles: titlesOf([saved, ...newestFirst.slice(1)]), count: '30 papers', ...drawnFromUrl });
  });

  it('is the plain page as soon as a write begins, and from it the popup draws the same rows from the database', async () => {
    const before = await settledButtonPage();
    // An import of many papers takes a while: the page is plain before its transaction begins, well before it ends.
    const big = sampleLibrary(2000).map((paper) => ({ ...paper, key: paper.key.replace(':', ':big') }));
    const importing = sendFromExtensionPage<Reply>(sender, { type: 'importBackup', text: serialiseBackup(big, new Date()), mode: 'merge' });
    await sender.waitForFunction(async () => !(await chrome.action.getPopup({})).includes('#'), null, { timeout: 10_000, polling: 1 });
    expect((await importing).ok).toBe(true);
    const after = await settledButtonPage();
    expect(after).not.toBe(before);

    const plain = after.slice(0, after.indexOf('#'));
    const fromDatabase = await openPopupAt(plain);
    expect(fromDatabase).toMatchObject({ fromUrl: false, inFirstTask: false });
    expect(fromDatabase.titles.length).toBe(ROWS_DRAWN);
    expect(await openPopupAt(after)).toEqual({ ...fromDatabase, ...drawnFromUrl });
  });
});

declare const chrome: { action: { getPopup(details: object): Promise<string> } };
