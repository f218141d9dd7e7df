// The popup and the options page for people who use a screen reader or no mouse, in Chromium with the built
// extension. axe-core checks each state (the popup empty, with papers, with a selection, in the Trash, with a
// dialog or the editor open, in light and dark; the options page with every section, an import's preview and the
// list of recent imports) and fails on what it calls serious or critical.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serialiseBackup } from '../../src/core/backup';
import { sampleLibrary } from '../unit/popup/sample-library';
import { seriousViolations, type AxeFinding } from './axe';
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
