// The popup's first frame in Chromium with the built extension: the page the toolbar button opens
// (`action.getPopup`) names a new version of the library after every write (shared/first-frame-url.ts) and is
// plain while a write is in progress; a popup opened at a version reads the database, draws from it and keeps a
// copy labelled with that version (popup/first-frame-copy.ts); the next popup opened at the same version draws
// the same rows from that copy in its entry's first task, before any database read could answer; a copy labelled
// with another version is not used.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serialiseBackup } from '../../src/core/backup';
import { cardFromPaper } from '../../src/shared/messages';
import { FIRST_FRAME_FROM_COPY_MARK } from '../../src/popup/row-layout';
import { FIRST_FRAME_COPY_KEY } from '../../src/popup/first-frame-copy';
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
  /** The frame was drawn from the popup's copy, in the entry's first task: marked right after it was put in the page. */
  fromCopy: boolean;
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
    return { ...state.firstFrame, fromCopy: performance.getEntriesByName(mark).length > 0, inFirstTask: state.inFirstTask };
  }, FIRST_FRAME_FROM_COPY_MARK);
  // A page opened at a version keeps its copy once its frame is on screen: wait for it before closing the page.
  const version = /#v=([0-9a-z]+)$/.exec(url)?.[1];
  if (version) {
    await page.waitForFunction(([key, label]) => localStorage.getItem(key)?.includes(`"version":"${label}"`) === true,
      [FIRST_FRAME_COPY_KEY, version], { timeout: 10_000 });
  }
  await page.close();
  return frame;
}

const titlesOf = (papers: ReadonlyArray<{ title: string }>) => papers.slice(0, ROWS_DRAWN).map((paper) => paper.title);
const drawnFromCopy = { fromCopy: true, inFirstTask: true };
const drawnFromDatabase = { fromCopy: false, inFirstTask: false };

beforeAll(async () => {
  session = await launchChromium();
  sender = await session.openExtensionPage('src/options/index.html');
  await send({ type: 'importBackup', text: serialiseBackup(library, new Date()), mode: 'replace' });
}, 60_000);
afterAll(() => session?.close());

describe('Chromium: the popup\'s first frame from its copy named by the toolbar button\'s page', () => {
  it('after an import, a save and a remove, draws the newest papers from the copy of the version the URL names', async () => {
    const imported = await settledButtonPage();
    expect(imported).toMatch(new RegExp(`^chrome-extension://${session.extensionId}/src/popup/index\\.html#v=[0-9a-z]+$`));
    // The first popup at this version has no copy of it: it reads the database, and keeps the copy.
    expect(await openPopupAt(imported)).toEqual({ titles: titlesOf(newestFirst), count: '30 papers', ...drawnFromDatabase });
    expect(await openPopupAt(imported)).toEqual({ titles: titlesOf(newestFirst), count: '30 papers', ...drawnFromCopy });

    // Saved now, from a page's card: the newest paper of all. The URL names a new version; the copy kept is of the
    // one before (without this paper), and is not used.
    const saved = { ...newestFirst[29]!, key: 'arxiv:2599.00001', aliases: [], title: 'A Paper Saved Just Now' };
    await send({ type: 'save', paper: cardFromPaper(saved) });
    const afterSave = await settledButtonPage();
    expect(afterSave).toMatch(/#v=[0-9a-z]+$/);
    expect(afterSave).not.toBe(imported);
    expect(await sender.evaluate((key) => localStorage.getItem(key), FIRST_FRAME_COPY_KEY)).toContain(imported.slice(imported.indexOf('#v=') + 3));
    const withSaved = { titles: titlesOf([saved, ...newestFirst]), count: '31 papers' };
    expect(await openPopupAt(afterSave)).toEqual({ ...withSaved, ...drawnFromDatabase });
    expect(await openPopupAt(afterSave)).toEqual({ ...withSaved, ...drawnFromCopy });

    await send({ type: 'remove', key: newestFirst[0]!.key });
    const afterRemove = await settledButtonPage();
    const withoutRemoved = { titles: titlesOf([saved, ...newestFirst.slice(1)]), count: '30 papers' };
    expect(await openPopupAt(afterRemove)).toEqual({ ...withoutRemoved, ...drawnFromDatabase });
    expect(await openPopupAt(afterRemove)).toEqual({ ...withoutRemoved, ...drawnFromCopy });
  });

  it('is the plain page as soon as a write begins; from it the popup reads the database, copy or not', async () => {
    const before = await settledButtonPage();
    await openPopupAt(before); // a copy of this version, if none was kept yet
    // An import of many papers takes a while: the page is plain before its transaction begins, well before it ends.
    const big = sampleLibrary(2000).map((paper) => ({ ...paper, key: paper.key.replace(':', ':big') }));
    const importing = sendFromExtensionPage<Reply>(sender, { type: 'importBackup', text: serialiseBackup(big, new Date()), mode: 'merge' });
    await sender.waitForFunction(async () => !(await chrome.action.getPopup({})).includes('#'), null, { timeout: 10_000, polling: 1 });
    expect((await importing).ok).toBe(true);
    const after = await settledButtonPage();
    expect(after).not.toBe(before);

    const plain = after.slice(0, after.indexOf('#'));
    const fromDatabase = await openPopupAt(plain);
    expect(fromDatabase).toMatchObject(drawnFromDatabase);
    expect(fromDatabase.titles.length).toBe(ROWS_DRAWN);
    // The copy of the version before the import is not used at the new one; the copy kept at it is, next time.
    expect(await openPopupAt(after)).toEqual({ ...fromDatabase, ...drawnFromDatabase });
    expect(await openPopupAt(after)).toEqual({ ...fromDatabase, ...drawnFromCopy });
  });
});

declare const chrome: { action: { getPopup(details: object): Promise<string> } };
