// The popup and the options page for people who use a screen reader or no mouse, in Chromium with the built
// extension. axe-core checks each state (the popup empty, with papers, with a selection, in the Trash, with a
// dialog or the editor open, in light and dark; the options page with every section, an import's preview and the
// list of recent imports) and fails on what it calls serious or critical. Then a journey through the popup with
// the keyboard alone (search, a paper's status and tags, delete and Undo, export), the focus checked after every
// step: on a control, visibly marked, never dropped to the page's body.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serialiseBackup } from '../../src/core/backup';
import { sampleLibrary } from '../unit/popup/sample-library';
import { seriousViolations, type AxeFinding } from './axe';
import { READING_STATUSES, type SavedPaper } from '../../src/core/paper';
import { STATUS_LABELS } from '../../src/popup/format';
import { ROOT, launchChromium, sendFromExtensionPage, type ChromiumSession } from './harness';

const POPUP = 'src/popup/index.html';
const OPTIONS = 'src/options/index.html';
const library = sampleLibrary(30);

let session: ChromiumSession;

async function openPopup(): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 540, height: 580 });
  await page.goto(`chrome-extension://${session.extensionId}/${POPUP}`);
  await page.waitForFunction(() => performance.getEntriesByName('paperlight:search-ready').length > 0, null, { timeout: 30_000 });
  return page;
}

/** The violations in both colour schemes (contrast differs between them). */
async function inBothSchemes(page: Page): Promise<Record<'light' | 'dark', AxeFinding[]>> {
  await page.emulateMedia({ colorScheme: 'light' });
  const light = faults(await seriousViolations(page));
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = faults(await seriousViolations(page));
  await page.emulateMedia({ colorScheme: 'light' });
  return { light, dark };
}

const NONE = { light: [], dark: [] };

/**
 * What axe reports that is not a fault. A row of the list is an option named by its title (what a person sees and
 * says to pick it, WCAG 2.5.3), with its authors, site, day, status and badges as its description: naming it by all
 * of its text, as label-content-name-mismatch asks, would make a screen reader read every row's whole line as its
 * name at each arrow key.
 */
const NOT_FAULTS: Array<{ rule: string; node: RegExp }> = [{ rule: 'label-content-name-mismatch', node: /^#paper-row-\d+: / }];

function faults(findings: AxeFinding[]): AxeFinding[] {
  return findings
    .map((finding) => ({ ...finding, nodes: finding.nodes.filter((node) => !NOT_FAULTS.some((allowed) => allowed.rule === finding.rule && allowed.node.test(node))) }))
    .filter((finding) => finding.nodes.length > 0);
}

beforeAll(async () => {
  session = await launchChromium();
}, 60_000);
afterAll(() => session?.close());

describe('Chromium: axe finds nothing serious', () => {
  it('in the popup of an empty library', async () => {
    const popup = await openPopup();
    await popup.getByRole('region', { name: 'Getting started' }).waitFor();
    expect(await inBothSchemes(popup)).toEqual(NONE);
    await popup.close();
  });

  it('in the popup with papers, a selection, a dialog, the editor and the Trash', async () => {
    const seeder = await session.openExtensionPage(POPUP);
    expect(await sendFromExtensionPage(seeder, { type: 'importBackup', text: serialiseBackup(library, new Date()), mode: 'replace' })).toMatchObject({ ok: true });
    await seeder.close();
    const found: Record<string, unknown> = {};
    const popup = await openPopup();
    found['the list'] = await inBothSchemes(popup);

    const list = popup.getByRole('listbox');
    await list.focus();
    await popup.keyboard.press('Space');
    await popup.keyboard.press('Shift+ArrowDown');
    await popup.getByRole('toolbar', { name: 'Selected papers' }).waitFor();
    found['a selection'] = await inBothSchemes(popup);
    await popup.getByRole('button', { name: 'Tag…', exact: true }).click();
    await popup.getByRole('dialog').waitFor();
    found['the tag dialog'] = await inBothSchemes(popup);
    await popup.keyboard.press('Escape');
    await popup.getByRole('button', { name: 'Clear the selection' }).click();

    await popup.getByRole('button', { name: 'Export…' }).click();
    await popup.getByRole('dialog', { name: 'Export papers' }).waitFor();
    found['the export dialog'] = await inBothSchemes(popup);
    await popup.keyboard.press('Escape');
    await popup.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await popup.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    found['the keys dialog'] = await inBothSchemes(popup);
    await popup.keyboard.press('Escape');

    await list.focus();
    await popup.keyboard.press('e');
    await popup.locator('section.editor:not([aria-busy])').waitFor();
    found['the editor'] = await inBothSchemes(popup);
    await popup.getByRole('button', { name: 'Delete' }).click();
    await popup.getByRole('button', { name: 'Trash', exact: true }).click();
    await popup.getByRole('list', { name: 'Papers in the Trash' }).waitFor();
    found['the Trash'] = await inBothSchemes(popup);
    await popup.close();
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((state) => [state, NONE])));
  });

  it('on the options page, with an import previewed and the recent imports listed', async () => {
    const found: Record<string, unknown> = {};
    const page = await session.openExtensionPage(OPTIONS);
    await page.setViewportSize({ width: 1000, height: 1200 });
    await page.getByRole('heading', { name: 'Paperlight options' }).waitFor();
    await page.getByRole('region', { name: 'Import from other tools' }).waitFor();
    found['the page'] = await inBothSchemes(page);

    const section = page.getByRole('region', { name: 'Import from other tools' });
    await section.locator('input[type="file"]').setInputFiles({
      name: 'references.bib', mimeType: 'text/plain', buffer: await readFile(path.join(ROOT, 'test/data/import-samples/latex-project.bib')),
    });
    const preview = section.getByRole('group', { name: 'Import references.bib' });
    await preview.locator('tbody tr').first().waitFor();
    found['a preview'] = await inBothSchemes(page);
    await preview.getByRole('button', { name: 'Import' }).click();
    await section.getByRole('list', { name: 'Recent imports' }).waitFor();
    await section.getByText('Or paste BibTeX or RIS').click();
    found['recent imports'] = await inBothSchemes(page);
    await page.close();
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((state) => [state, NONE])));
  });
});

/**
 * Where the focus is: the focused element's role and name (a listbox's active option for the listbox), and whether
 * it is marked (the browser's :focus-visible and a ring drawn: an outline or a box shadow on it, or on a listbox's
 * active row). `body` when the focus was lost.
 */
function focusNow(page: Page): Promise<{ on: string; marked: boolean }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { on: 'body', marked: false };
    const role = element.getAttribute('role') ?? (element instanceof HTMLInputElement ? `${element.type} input` : element.tagName.toLowerCase());
    const name = element.getAttribute('aria-label') ?? (element instanceof HTMLInputElement && element.labels?.[0] ? element.labels[0].textContent : element.textContent);
    const shown = (target: Element) => {
      const box = target.getBoundingClientRect();
      return box.width > 2 && box.height > 2 && getComputedStyle(target).opacity !== '0';
    };
    const drawn = (target: Element) => {
      const style = getComputedStyle(target);
      return shown(target) && ((style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none');
    };
    // A control drawn by another element (a switch's track, a file input's button-like label) is marked there.
    const ring = (target: Element) => (shown(target) ? drawn(target) : [target.nextElementSibling, target.closest('label')].some((proxy) => !!proxy && drawn(proxy)));
    if (role === 'listbox') {
      const row = document.getElementById(element.getAttribute('aria-activedescendant') ?? '');
      const title = row?.querySelector('.row-title')?.textContent ?? 'no active row';
      return { on: `listbox: ${title}`, marked: element.matches(':focus-visible') && !!row && ring(row) };
    }
    return { on: `${role}: ${(name ?? '').replace(/\s+/g, ' ').trim()}`, marked: element.matches(':focus-visible') && ring(element) };
  });
}

/** Steps of a keyboard journey through `page`, with where the focus was after each. */
function journey(page: Page) {
  const seen: Array<{ step: string; on: string; marked: boolean }> = [];
  const step = async (name: string, keys: string[]) => {
    for (const key of keys) await page.keyboard.press(key);
    // Renders and focus moves settle within a frame or two; a lost focus stays lost.
    await page.waitForTimeout(150);
    seen.push({ step: name, ...(await focusNow(page)) });
  };
  /** Presses `key` until the focus is on `target` (at most 60 times), as a person tabbing through would. */
  const reach = async (name: string, key: string, target: RegExp) => {
    for (let i = 0; i < 60 && !target.test((await focusNow(page)).on); i++) await page.keyboard.press(key);
    await step(name, []);
  };
  const stored = async (key: string) =>
    ((await sendFromExtensionPage<{ found: Array<{ paper: SavedPaper }> }>(page, { type: 'lookup', keys: [key] })).found[0]?.paper);
  return { seen, step, reach, stored };
}

async function seed(): Promise<void> {
  const seeder = await session.openExtensionPage(POPUP);
  expect(await sendFromExtensionPage(seeder, { type: 'importBackup', text: serialiseBackup(library, new Date()), mode: 'replace' })).toMatchObject({ ok: true });
  await seeder.close();
}

describe('Chromium: the popup with the keyboard alone', () => {
  it('search, a paper\'s status and tags, delete and Undo, export: the focus is always on a control, and marked', async () => {
    await seed();
    const popup = await openPopup();
    const { seen, step, reach, stored } = journey(popup);

    await step('the popup opens in the search box', []);
    await popup.keyboard.type('speech');
    await step('down into the results', ['ArrowDown']);
    const paper = library.find((p) => p.title === (seen.at(-1)!.on.replace(/^listbox: /, '')))!;
    await step('e opens the editor', ['e']);
    await reach('back to the status', 'Shift+Tab', /^radio input: /);
    await step('an arrow key sets the one before', ['ArrowLeft']);
    await reach('on to the first tag', 'Tab', /^button: Remove tag /);
    await step('Enter removes the tag', ['Enter']);
    await reach('on to the tag field', 'Tab', /^combobox: /);
    await popup.keyboard.type('keyboard-only');
    await step('Enter adds the tag', ['Enter']);
    await step('Escape closes the suggestions', ['Escape']);
    await step('Escape again closes the editor', ['Escape']);
    await step('Delete removes the paper', ['Delete']);
    await step('Ctrl+Z brings it back', ['Control+z']);
    await reach('back to the Export button', 'Shift+Tab', /^button: Export…$/);
    await step('Enter opens the export dialog', ['Enter']);
    await reach('on to Download', 'Tab', /^button: Download /);
    const download = popup.waitForEvent('download');
    await step('Enter downloads and closes the dialog', ['Enter']);
    const file = await download;

    // Every step left the focus on a control, marked; and each did what it says.
    expect(seen.filter((state) => state.on === 'body' || !state.marked)).toEqual([]);
    expect(seen.map((state) => `${state.step} → ${state.on}`)).toEqual([
      'the popup opens in the search box → search input: Search saved papers',
      `down into the results → listbox: ${paper.title}`,
      'e opens the editor → combobox: Add a tag',
      `back to the status → radio input: ${STATUS_LABELS[paper.status]}`,
      `an arrow key sets the one before → radio input: ${STATUS_LABELS[READING_STATUSES.at(READING_STATUSES.indexOf(paper.status) - 1)!]}`,
      `on to the first tag → button: Remove tag ${paper.tags[0]}`,
      `Enter removes the tag → button: Remove tag ${paper.tags[1]}`,
      'on to the tag field → combobox: Add a tag',
      'Enter adds the tag → combobox: Add a tag',
      'Escape closes the suggestions → combobox: Add a tag',
      `Escape again closes the editor → listbox: ${paper.title}`,
      expect.stringMatching(/^Delete removes the paper → listbox: /),
      expect.stringMatching(/^Ctrl\+Z brings it back → listbox: /),
      'back to the Export button → button: Export…',
      // The dialog opens on its first choice, the format (its formats load as it opens).
      'Enter opens the export dialog → radio input: Markdown reading list .md',
      expect.stringMatching(/^on to Download → button: Download \d+ papers$/),
      'Enter downloads and closes the dialog → button: Export…',
    ]);
    expect(seen.find((state) => state.step === 'Delete removes the paper')!.on).not.toBe(`listbox: ${paper.title}`);
    expect(await stored(paper.key)).toMatchObject({
      status: READING_STATUSES.at(READING_STATUSES.indexOf(paper.status) - 1),
      tags: [...paper.tags.slice(1), 'keyboard-only'],
    });
    expect(file.suggestedFilename()).toMatch(/^paperlight-/);
    await popup.close();
  });

  it('where a step removes what had the focus (the only match, a toast, the editor, a Trash row), the focus moves to a control', async () => {
    await seed();
    const popup = await openPopup();
    const { seen, step, reach, stored } = journey(popup);
    const paper = library.find((p) => p.title.endsWith(': study 12'))!;
    await popup.keyboard.type('study 12');
    await step('down into the one result', ['ArrowDown']);
    await step('Delete the only result', ['Delete']);
    await reach('Tab to the toast\'s Undo', 'Tab', /^button: Undo$/);
    await step('Enter on Undo', ['Enter']);
    expect(await stored(paper.key)).toBeDefined();
    await step('e opens the editor', ['e']);
    await reach('Tab to the editor\'s Delete', 'Tab', /^button: Delete$/);
    await step('Enter on Delete', ['Enter']);
    expect(await stored(paper.key)).toBeUndefined();
    await reach('back to the Trash button', 'Shift+Tab', /^button: Trash$/);
    await step('Enter opens the Trash', ['Enter']);
    await reach('Tab to the paper\'s Restore', 'Tab', /^button: Restore “/);
    await step('Enter restores it', ['Enter']);
    expect(await stored(paper.key)).toBeDefined();
    await step('Escape leaves the Trash', ['Escape']);
    await step('? opens the keys', ['?']);
    await step('Enter closes them', ['Enter']);

    expect(seen.map((state) => `${state.step} → ${state.on}${state.marked ? '' : ' (not marked)'}`)).toEqual([
      `down into the one result → listbox: ${paper.title}`,
      'Delete the only result → search input: Search saved papers',
      'Tab to the toast\'s Undo → button: Undo',
      `Enter on Undo → listbox: ${paper.title}`,
      'e opens the editor → combobox: Add a tag',
      'Tab to the editor\'s Delete → button: Delete',
      'Enter on Delete → search input: Search saved papers',
      'back to the Trash button → button: Trash',
      'Enter opens the Trash → h2: Trash',
      `Tab to the paper's Restore → button: Restore “${paper.title}”`,
      // The next paper's Restore (the Trash holds what the tests before removed), or the Trash's heading once empty.
      expect.stringMatching(/^Enter restores it → (h2: Trash|button: Restore “(?!Video segmentation for quantization decoding: study 12”).+”)$/),
      `Escape leaves the Trash → listbox: ${paper.title}`,
      '? opens the keys → button: Close',
      `Enter closes them → listbox: ${paper.title}`,
    ]);
    await popup.close();
  });
});

describe('Chromium: the options page with the keyboard alone', () => {
  it('every control is reached with Tab and marked; a pasted import is previewed, imported and undone from the list', async () => {
    const page = await session.openExtensionPage(OPTIONS);
    await page.setViewportSize({ width: 1000, height: 1200 });
    await page.getByRole('region', { name: 'Import from other tools' }).waitFor();
    const { seen, step, reach } = journey(page);
    // Round the whole page once: past its last control the focus leaves the page for the browser's own.
    for (let i = 1; i <= 150 && seen.at(-1)?.on !== 'body'; i++) await step(`Tab ${i}`, ['Tab']);
    expect(seen.length).toBeGreaterThan(40);
    expect(seen.at(-1)!.on).toBe('body');
    expect(seen.slice(0, -1).filter((state) => !state.marked).map((state) => `${state.step} → ${state.on}`)).toEqual([]);
    seen.length = 0;

    await reach('Tab to the paste', 'Tab', /^summary: Or paste/);
    await step('Enter opens it', ['Enter']);
    await step('Tab to the text', ['Tab']);
    await page.keyboard.type('TY  - JOUR\nTI  - A paper imported with the keyboard alone\nDO  - 10.5555/keyboard.only\nER  - \n');
    await step('Tab to Preview', ['Tab']);
    await step('Enter previews', ['Enter']);
    await reach('Tab to Import', 'Tab', /^button: Import$/);
    await step('Enter imports', ['Enter']);
    await reach('Tab to its Undo in the list', 'Tab', /^button: Undo RIS import, /);
    await step('Enter undoes it', ['Enter']);
    expect(seen.map((state) => `${state.step} → ${state.on}${state.marked ? '' : ' (not marked)'}`)).toEqual([
      'Tab to the paste → summary: Or paste BibTeX or RIS',
      'Enter opens it → summary: Or paste BibTeX or RIS',
      'Tab to the text → textarea: Library text to import',
      'Tab to Preview → button: Preview the pasted text',
      'Enter previews → button: Preview the pasted text',
      'Tab to Import → button: Import',
      'Enter imports → status: Imported: 1 new paper, 0 papers updated, 0 papers unchanged. Undo import',
      expect.stringMatching(/^Tab to its Undo in the list → button: Undo RIS import, /),
      'Enter undoes it → status: The import was undone: the library is as it was before.',
    ]);
    expect(await page.getByRole('group', { name: 'Import the pasted text' }).count()).toBe(0);
    await page.close();
  });
});
