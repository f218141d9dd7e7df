// Importing a library from another tool on the options page, in Chromium with the built extension: the preview
// lists what each entry would do and what could not be read, the import writes it, Undo puts the library back
// exactly (from the message right after the import, or from the list of recent imports after a reload), and a file
// that is not a library is refused with nothing changed. Screenshots: test-results/import.png, import-history.png.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SavedPaper } from '../../src/core/paper';
import { sampleLibrary } from '../unit/popup/sample-library';
import { ARTIFACTS, ROOT, launchChromium, sendFromExtensionPage, type ChromiumSession } from './harness';

const OPTIONS = 'src/options/index.html';
const SAMPLES = path.join(ROOT, 'test/data/import-samples');
const library = sampleLibrary(40);

let session: ChromiumSession;
let page: Page;

interface Reply { ok: boolean; error?: string; [field: string]: unknown }
const send = (message: unknown) => sendFromExtensionPage<Reply>(page, message);
const all = async () => ((await send({ type: 'getAll' })).papers as SavedPaper[]).sort((a, b) => (a.key < b.key ? -1 : 1));
const section = () => page.getByRole('region', { name: 'Import from other tools' });

async function choose(name: string, buffer: Buffer, mimeType = 'text/plain') {
  await section().locator('input[type="file"]').setInputFiles({ name, mimeType, buffer });
}

beforeAll(async () => {
  session = await launchChromium({ viewport: { width: 1000, height: 1200 } });
  page = await session.openExtensionPage(OPTIONS);
  expect(await send({ type: 'restore', papers: library })).toMatchObject({ ok: true, restored: 40 });
  await page.reload();
  await page.getByRole('heading', { name: 'Paperlight options' }).waitFor();
});
afterAll(() => session?.close());

describe('Chromium: import from other tools', () => {
  it('previews a BibTeX file entry by entry, with its broken entries and their reasons, before writing anything', async () => {
    const before = await all();
    await choose('references.bib', await readFile(path.join(SAMPLES, 'latex-project.bib')));
    const preview = section().getByRole('group', { name: 'Import references.bib' });
    await expect.poll(() => preview.getByRole('status').textContent()).toBe(
      'This BibTeX file would bring: 4 new papers, 0 papers updated, 0 papers unchanged, 1 entry repeating another entry of the file, 3 entries not imported.',
    );
    const rows = await preview.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows).toEqual([
      ['goodfellow2014gan', 'Generative Adversarial Nets · Advances in Neural Information Processing Systems 27 2014', 'New', ''],
      ['he2015resnet', 'Deep residual learning for image recognition', 'New', ''],
      ['he2016resnet', 'Deep Residual Learning for Image Recognition · Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition 2016', 'Repeats he2015resnet (same title and author)', ''],
      ['optimaltransportnotes', 'Lecture notes on optimal transport for machine learning', 'New', ''],
      ['kingma2014autoencoding', 'Auto-Encoding Variational Bayes', 'New', ''],
    ]);
    expect(await preview.locator('.import-rejected li').allTextContents()).toEqual([
      '@article{broken2019, (line 38): not well-formed BibTeX: expected "}", got a field name (line 40)',
      '@article{neverclosed2021, (line 55): not well-formed BibTeX: a brace or quote is never closed (line 60)',
      'untitled2020: no title',
    ]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'import.png'), fullPage: true });
    expect(await all()).toEqual(before);
  });

  it('imports, then Undo puts the library back exactly as it was', async () => {
    const before = await all();
    await section().getByRole('group', { name: 'Import references.bib' }).getByRole('button', { name: 'Import' }).click();
    const done = section().locator('.form-message');
    await expect.poll(() => done.textContent()).toBe(
      'Imported: 4 new papers, 0 papers updated, 0 papers unchanged, 1 entry repeating another entry of the file, 3 entries not imported. Undo import',
    );
    const after = await all();
    expect(after).toHaveLength(44);
    expect(after.find((p) => p.key === 'arxiv:1512.03385')).toMatchObject({ aliases: ['doi:10.1109/cvpr.2016.90'], note: 'Best paper award.', tags: ['resnet'] });
    await expect.poll(() => page.getByRole('button', { name: /^Export backup/ }).textContent()).toBe('Export backup (44 papers)');

    await section().getByRole('button', { name: 'Undo import' }).click();
    await expect.poll(() => done.textContent()).toBe('The import was undone: the library is as it was before.');
    expect(await all()).toEqual(before);
    await expect.poll(() => page.getByRole('button', { name: /^Export backup/ }).textContent()).toBe('Export backup (40 papers)');
  });

  it('merges a pasted RIS record into a saved paper, keeping its tags', async () => {
    const saved = library[0]!;
    const ris = `TY  - JOUR\nTI  - ${saved.title}\nUR  - ${saved.url}\nKW  - from-endnote\nN1  - A note from EndNote.\nER  - \n`;
    await section().getByText('Or paste BibTeX or RIS').click();
    await section().getByRole('textbox', { name: 'Library text to import' }).fill(ris);
    await section().getByRole('button', { name: 'Preview the pasted text' }).click();
    const preview = section().getByRole('group', { name: 'Import the pasted text' });
    await expect.poll(() => preview.getByRole('status').textContent()).toBe('This RIS file would bring: 0 new papers, 1 paper updated, 0 papers unchanged.');
    await preview.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => section().locator('.form-message').textContent()).toContain('Imported: 0 new papers, 1 paper updated');
    const merged = (await all()).find((p) => p.key === saved.key)!;
    expect(merged.tags).toEqual([...saved.tags, 'from-endnote']);
    expect(merged.note).toBe(saved.note ? `${saved.note}\n\nA note from EndNote.` : 'A note from EndNote.');
  });

  it('Undo after working on the papers: the imported paper worked on goes to the Trash, the saved one keeps its edits', async () => {
    const saved = library[1]!;
    const before = (await all()).find((p) => p.key === saved.key)!;
    const ris = `TY  - JOUR\nTI  - ${saved.title}\nUR  - ${saved.url}\nKW  - from-zotero\nER  - \nTY  - JOUR\nTI  - A paper only the file has\nDO  - 10.5555/only.the.file\nER  - \n`;
    await section().getByRole('textbox', { name: 'Library text to import' }).fill(ris);
    await section().getByRole('button', { name: 'Preview the pasted text' }).click();
    const preview = section().getByRole('group', { name: 'Import the pasted text' });
    await expect.poll(() => preview.getByRole('status').textContent()).toBe('This RIS file would bring: 1 new paper, 1 paper updated, 0 papers unchanged.');
    await preview.getByRole('button', { name: 'Import' }).click();
    const done = section().locator('.form-message');
    await expect.poll(() => done.textContent()).toContain('Imported: 1 new paper, 1 paper updated');
    // Worked on: a note on the new paper, a tag on the saved one (as the popup's editor sends them).
    const added = (await all()).find((p) => p.title === 'A paper only the file has')!;
    expect(await send({ type: 'update', key: added.key, set: { note: 'Worth citing.' } })).toMatchObject({ ok: true });
    expect(await send({ type: 'update', key: saved.key, addTags: ['to-cite'] })).toMatchObject({ ok: true });

    await section().getByRole('button', { name: 'Undo import' }).click();
    await expect.poll(() => done.textContent()).toBe(
      'The import was undone: 1 imported paper you edited since is in the Trash, and 1 paper saved before keeps your edits made since.',
    );
    const after = await all();
    expect(after.find((p) => p.key === added.key)).toBeUndefined();
    expect(after.find((p) => p.key === saved.key)).toEqual({ ...before, tags: [...before.tags, 'to-cite'], updatedAt: after.find((p) => p.key === saved.key)!.updatedAt });
    const trash = (await send({ type: 'trash' })).papers as SavedPaper[];
    expect(trash.find((p) => p.key === added.key)).toMatchObject({ note: 'Worth citing.' });
  });

  it('lists the imports that can still be undone after the page is reloaded, and Undo from the list puts the library back', async () => {
    const before = await all();
    await choose('references.bib', await readFile(path.join(SAMPLES, 'latex-project.bib')));
    const preview = section().getByRole('group', { name: 'Import references.bib' });
    await expect.poll(() => preview.getByRole('status').textContent()).toMatch(/^This BibTeX file would bring: 4 new papers/);
    await preview.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => section().locator('.form-message').textContent()).toMatch(/^Imported: 4 new papers/);
    expect(await all()).toHaveLength(before.length + 4);

    // The next day, or after a reload: the message and its Undo are gone; the list names the file.
    await page.reload();
    const recent = section().getByRole('list', { name: 'Recent imports' });
    await expect.poll(() => recent.getByRole('listitem').count()).toBe(2);
    const items = await recent.getByRole('listitem').locator('span').allTextContents();
    expect(items[0]).toMatch(/^references\.bib \(BibTeX\) · .+ · 4 new papers, 0 saved papers merged$/);
    // The pasted RIS of the test before, merged into a saved paper and never undone.
    expect(items[1]).toMatch(/^RIS import · .+ · 0 new papers, 1 saved paper merged$/);
    expect(await section().locator('.form-message').count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-history.png'), fullPage: true });

    await recent.getByRole('button', { name: /^Undo references\.bib \(BibTeX\), / }).click();
    await expect.poll(() => section().locator('.form-message').textContent()).toBe('The import was undone: the library is as it was before.');
    await expect.poll(() => recent.getByRole('listitem').count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('form-message info');
    expect(await all()).toEqual(before);
  });

  it('refuses a file that is not a library, with nothing changed', async () => {
    const before = await all();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, ...Array.from({ length: 400 }, (_, i) => (i * 37) % 256)]);
    await choose('figure.png', png, 'image/png');
    await expect.poll(() => section().getByRole('alert').textContent()).toBe(
      'This file is not a library Paperlight can read: choose a BibTeX (.bib) or RIS (.ris) file, a PaperMemory export or a Paperlight backup (.json). It holds binary data, not text.',
    );
    expect(await section().getByRole('group', { name: /^Import / }).count()).toBe(0);
    expect(await all()).toEqual(before);
  });
});
