// The Trash in Chromium with the built extension, with real key presses and clicks: a paper deleted in the popup,
// or unsaved by a page's content script, shows in the popup's Trash with its removal date and comes back exactly
// as it was (every field compared); deleting for ever and emptying the Trash each ask first; and the Trash
// survives the service worker being stopped (it lives in the database, not in the worker).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TRASH_KEPT_MS, type SavedPaper, type TrashedPaper } from '../../src/core/paper';
import { serialiseBackup } from '../../src/core/backup';
import { sampleLibrary } from '../unit/popup/sample-library';
import { launchChromium, routeFixtures, sendFromExtensionPage, type ChromiumSession } from './harness';
import { openContentWorld } from './content-world';

const HF_DAILY = 'https://huggingface.co/papers/date/2025-12-11';
const PAPERS = 40;
const library = sampleLibrary(PAPERS);
const newestFirst = [...library].sort((a, b) => b.savedAt - a.savedAt || (a.key < b.key ? 1 : -1));
const dayFormat = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric' });

let session: ChromiumSession;
let popup: Page;

interface Reply { ok: boolean; error?: string; [field: string]: unknown }
const send = <T = Reply>(message: unknown) => sendFromExtensionPage<T>(popup, message);

async function stored(key: string): Promise<SavedPaper | undefined> {
  const { found } = await send<{ found: Array<{ paper: SavedPaper }> }>({ type: 'lookup', keys: [key] });
  return found[0]?.paper;
}
const trash = async () => (await send<{ papers: TrashedPaper[] }>({ type: 'trash' })).papers;
const countText = () => popup.locator('.library-count').textContent();
const trashTitles = () => popup.locator('.trash-item .row-title').allTextContents();

async function openPopup(): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 540, height: 580 });
  await page.goto(`chrome-extension://${session.extensionId}/src/popup/index.html`);
  await page.waitForFunction(() => performance.getEntriesByName('paperlight:search-ready').length > 0, null, { timeout: 30_000 });
  return page;
}

/** Back to the library's list, with focus on it, from wherever the last test left the popup. */
async function toLibrary(): Promise<void> {
  await popup.bringToFront();
  if (await popup.locator('.trash-view').isVisible()) await popup.keyboard.press('Escape');
  await expect.poll(() => popup.locator('.trash-view').count()).toBe(0);
  await popup.getByRole('listbox').focus();
  await popup.keyboard.press('Home');
}

async function openTrash(): Promise<void> {
  await popup.getByRole('button', { name: 'Trash', exact: true }).click();
  await expect.poll(() => popup.locator('.trash-view').count()).toBe(1);
  await expect.poll(() => popup.locator('.trash-count').textContent()).not.toBe('Loading…');
}

beforeAll(async () => {
  session = await launchChromium();
  await routeFixtures(session.context, [{ url: 'https://huggingface.co/papers**', file: 'huggingface/daily-2025-12-11.html' }]);
  const seeder = await session.openExtensionPage('src/options/index.html');
  expect(await sendFromExtensionPage(seeder, { type: 'importBackup', text: serialiseBackup(library, new Date()), mode: 'replace' }))
    .toMatchObject({ ok: true, added: PAPERS });
  await seeder.close();
  popup = await openPopup();
}, 120_000);
afterAll(() => session?.close());

describe('Chromium: the Trash', () => {
  it('a paper deleted in the popup shows in the Trash with its dates, and Restore gives back the exact record', async () => {
    await toLibrary();
    const target = newestFirst[0]!;
    const before = await stored(target.key);
    expect(before).toEqual(target);
    await popup.keyboard.press('Delete');
    await expect.poll(() => popup.locator('.toast.undo').textContent()).toContain(`Moved “${target.title}” to the Trash.`);
    await expect.poll(countText).toBe(`${PAPERS - 1} papers`);
    const removedAt = Date.now();
    expect(await stored(target.key)).toBeUndefined();

    await openTrash();
    expect(await trashTitles()).toEqual([target.title]);
    const [entry] = await trash();
    expect(Math.abs(entry!.removedAt - removedAt)).toBeLessThan(10_000);
    expect(await popup.locator('.trash-dates').textContent())
      .toBe(`Removed ${dayFormat.format(entry!.removedAt)} · deleted for ever on ${dayFormat.format(entry!.removedAt + TRASH_KEPT_MS)}`);

    await popup.getByRole('button', { name: `Restore “${target.title}”` }).click();
    await expect.poll(() => popup.locator('.trash-view').textContent()).toContain('The Trash is empty');
    // Every field: key, aliases, title, url, authors, abstract, published, metrics, code links, site, tags,
    // status, note, savedAt, updatedAt, pages seen.
    expect(await stored(target.key)).toEqual(before);
    expect(await trash()).toEqual([]);
    await popup.keyboard.press('Escape');
    await expect.poll(countText).toBe(`${PAPERS} papers`);
  });

  it('a paper unsaved by a page\'s content script is restored from the popup\'s Trash, with the keyboard, exactly', async () => {
    await toLibrary();
    const target = newestFirst.find((p) => p.note && p.tags.length > 1)!;
    const before = await stored(target.key);
    const page = await session.context.newPage();
    await page.goto(HF_DAILY);
    const world = await openContentWorld(session.context, page);
    // What the card's own unsave sends.
    expect(await world.send<Reply>({ type: 'remove', key: target.key })).toMatchObject({ ok: true, removed: before });
    await world.close();
    await page.close();

    await popup.bringToFront();
    await expect.poll(countText).toBe(`${PAPERS - 1} papers`);
    await openTrash();
    expect(await trashTitles()).toEqual([target.title]);
    // Focus starts on the Trash's heading; Tab reaches the paper's Restore button after the header's buttons.
    await expect.poll(() => popup.evaluate(() => document.activeElement?.id)).toBe('trash-title');
    const restore = popup.getByRole('button', { name: `Restore “${target.title}”` });
    for (let i = 0; i < 6 && !(await restore.evaluate((el) => el === document.activeElement)); i++) await popup.keyboard.press('Tab');
    expect(await restore.evaluate((el) => el === document.activeElement)).toBe(true);
    await popup.keyboard.press('Enter');
    await expect.poll(() => trash()).toEqual([]);
    expect(await stored(target.key)).toEqual(before);
    await expect.poll(countText).toBe(`${PAPERS} papers`);
  });

  it('deletes for ever and empties the Trash, each only after a confirmation', async () => {
    await toLibrary();
    const doomed = newestFirst.slice(0, 3);
    await popup.keyboard.press('Space');
    await popup.keyboard.press('Shift+ArrowDown');
    await popup.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => popup.locator('.selection-count').textContent()).toBe('3 selected');
    await popup.getByRole('toolbar', { name: 'Selected papers' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => popup.locator('.toast.undo').textContent()).toContain('Moved 3 papers to the Trash.');

    await openTrash();
    expect((await trashTitles()).sort()).toEqual(doomed.map((p) => p.title).sort());
    const first = (await trash())[0]!;
    await popup.getByRole('button', { name: `Delete “${first.title}” for ever` }).click();
    const confirmOne = popup.getByRole('dialog', { name: 'Delete this paper for ever?' });
    await expect.poll(() => confirmOne.isVisible()).toBe(true);
    await popup.keyboard.press('Escape');
    await expect.poll(() => confirmOne.count()).toBe(0);
    expect(await trash()).toHaveLength(3);

    await popup.getByRole('button', { name: `Delete “${first.title}” for ever` }).click();
    await confirmOne.getByRole('button', { name: 'Delete for ever' }).click();
    await expect.poll(async () => (await trash()).map((p) => p.key)).not.toContain(first.key);
    expect(await trash()).toHaveLength(2);
    expect(await stored(first.key)).toBeUndefined();

    await popup.getByRole('button', { name: 'Empty the Trash…' }).click();
    await popup.getByRole('dialog', { name: 'Empty the Trash?' }).getByRole('button', { name: 'Delete 2 papers for ever' }).click();
    await expect.poll(() => popup.locator('.trash-view').textContent()).toContain('The Trash is empty');
    expect(await trash()).toEqual([]);
    for (const paper of doomed) expect(await stored(paper.key)).toBeUndefined();
    expect((await send<{ total: number }>({ type: 'query', limit: 1 })).total).toBe(PAPERS - 3);
  });

  it('keeps the Trash when the service worker is stopped, and restores from it after', async () => {
    await toLibrary();
    const target = newestFirst[5]!;
    expect(await send({ type: 'remove', key: target.key })).toMatchObject({ ok: true });
    const devtools = await session.context.newCDPSession(popup);
    await devtools.send('ServiceWorker.enable');
    await devtools.send('ServiceWorker.stopAllWorkers');
    await devtools.detach();
    expect((await trash()).map((p) => p.key)).toEqual([target.key]);
    expect(await send({ type: 'restoreTrashed', keys: [target.key] })).toMatchObject({ ok: true, restored: [target] });
  });
});
