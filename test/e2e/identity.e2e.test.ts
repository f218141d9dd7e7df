// The same paper on every site, in Chromium with the built extension: papers saved from an arXiv listing (its
// Save buttons, clicked with the real mouse) show saved on the NeurIPS and PMLR proceedings pages that list them
// under other ids and other spellings of their titles; each stays one record, gains the venue that page names
// ("Published at NeurIPS 2023" in its toolbar, `venue` in the page report), and the popup's BibTeX export writes
// it as @inproceedings, read back with Better BibTeX's parser. A title with one word changed shows unsaved.
// Pages: test/fixtures/arxiv/list-new-cs.LG-identity.synthetic.html (synthetic, see its provenance),
// neurips/paper-2023.html and pmlr/v235.html, fulfilled under their real URLs.
import { readFile } from 'node:fs/promises';
import { parse } from '@retorquere/bibtex-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SavedPaper } from '../../src/core/paper';
import type { PageReport } from '../../src/shared/page-report';
import { openClosedUi } from './closed-ui';
import { exactUrl, launchChromium, readFixture, sendFromExtensionPage, type ChromiumSession } from './harness';
import { settledReport } from './page-report';

const ARXIV_URL = 'https://arxiv.org/list/cs.LG/new';
const NEURIPS_URL = 'https://proceedings.neurips.cc/paper_files/paper/2023';
const PMLR_URL = 'https://proceedings.mlr.press/v235/';

const NEURIPS_HASH = 'https://proceedings.neurips.cc/paper_files/paper/2023/hash';
const EARTH_MOON = { arxiv: 'arxiv:0704.0003', venueUrl: `${NEURIPS_HASH}/5086004f97fa53cbf4f55ef5b3030867-Abstract-Conference.html` };
const POLARONS = { arxiv: 'arxiv:0704.0009', venueUrl: `${NEURIPS_HASH}/68f374a0dc232ad63bdedf43a7acd7b9-Abstract-Conference.html` };
const IDEM = { arxiv: 'arxiv:2402.06121', card: 'openreview:gVjMwLDFoQ', venueUrl: 'https://proceedings.mlr.press/v235/akhound-sadegh24a.html' };
const F_DESIGN = { arxiv: 'arxiv:2402.09812', card: 'openreview:MMMHufVc2v', venueUrl: 'https://proceedings.mlr.press/v235/agarwal24e.html' };
/** Saved from arXiv as "… for simple material properties"; the NeurIPS page lists "… for general material properties". */
const NEAR_MISS = { arxiv: 'arxiv:0704.0007', card: `url:${NEURIPS_HASH}/f7f0163d3780e68b1617f990cb3c764d-Abstract-Conference.html` };
const SAVED = [EARTH_MOON.arxiv, POLARONS.arxiv, IDEM.arxiv, F_DESIGN.arxiv, NEAR_MISS.arxiv];

let session: ChromiumSession;
let popup: Page;

const send = <T>(message: unknown) => sendFromExtensionPage<T>(popup, message);
const libraryNow = async () => (await send<{ papers: SavedPaper[] }>({ type: 'getAll' })).papers;
const record = async (key: string) => (await libraryNow()).find((paper) => paper.key === key);

async function open(url: string, fixture: string): Promise<Page> {
  const page = await session.context.newPage();
  const body = await readFixture(fixture);
  await page.route(exactUrl(url), (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
  await page.goto(url);
  return page;
}

const cardOf = (report: PageReport, key: string) => report.cards.find((card) => card.key === key);

/** The title filter's record as the extension's database holds it, read from the popup (the same origin). */
function titleFilter(): Promise<{ stamp: string; entries: number; bytes: boolean }> {
  return popup.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('paperlight');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const read = db.transaction('titleFilter').objectStore('titleFilter').get('papers');
      read.onerror = () => reject(read.error);
      read.onsuccess = () => {
        db.close();
        const { stamp, entries, bits } = read.result as { stamp: string; entries: number; bits: unknown };
        resolve({ stamp, entries, bytes: bits instanceof Uint8Array });
      };
    };
  }));
}

beforeAll(async () => {
  session = await launchChromium();
  popup = await session.openExtensionPage('src/popup/index.html');
});
afterAll(() => session?.close());

describe('Chromium: a paper saved from arXiv, met on its proceedings pages', () => {
  it('saves five papers from the arXiv listing with their toolbars\' Save buttons', async () => {
    const page = await open(ARXIV_URL, 'arxiv/list-new-cs.LG-identity.synthetic.html');
    await settledReport(popup, page);
    const ui = await openClosedUi(session.context, page);
    for (const key of SAVED) await ui.click(await ui.inToolbar(key, { tag: 'button', cls: 'save' }));
    await expect.poll(async () => (await libraryNow()).map((p) => p.key).sort()).toEqual([...SAVED].sort());
    // The page learns of each save from its answer, which may come after the database has it.
    const savedInPage = async () => (await settledReport(popup, page)).cards.filter((card) => card.saved).map((card) => card.key).sort();
    await expect.poll(savedInPage).toEqual([...SAVED].sort());
    const report = await settledReport(popup, page);
    // Nothing says where they were published yet.
    expect(report.cards.map((card) => card.venue)).toEqual([null, null, null, null, null, null]);
    // Each save set its title's bits in the title filter, which the browser's database keeps as a byte array; the
    // proceedings pages below are then looked up through it.
    expect(await titleFilter()).toEqual({ stamp: 'bloom-1/fingerprint-1', entries: SAVED.length, bytes: true });
    await page.close();
  });

  it('shows them saved on the NeurIPS page, records the venue once, and leaves the near miss unsaved', async () => {
    const page = await open(NEURIPS_URL, 'neurips/paper-2023.html');
    await expect.poll(async () => (await record(EARTH_MOON.arxiv))?.venues.length, { timeout: 15_000 }).toBe(1);
    const report = await settledReport(popup, page);
    const earthMoon = report.cards.find((card) => card.key === `url:${EARTH_MOON.venueUrl}`);
    expect(earthMoon).toMatchObject({ saved: true, status: 'to-read', venue: 'NeurIPS 2023' });
    expect(cardOf(report, `url:${POLARONS.venueUrl}`)).toMatchObject({ saved: true, venue: 'NeurIPS 2023' });
    expect(cardOf(report, NEAR_MISS.card)).toMatchObject({ saved: false, venue: 'NeurIPS 2023' });
    expect(report.cards.filter((card) => card.saved)).toHaveLength(2);

    // One record each: the proceedings version is an alias and a venue of the paper saved from arXiv.
    const papers = await libraryNow();
    expect(papers).toHaveLength(SAVED.length);
    const saved = papers.find((p) => p.key === EARTH_MOON.arxiv)!;
    expect(saved.venues).toEqual([{ name: 'NeurIPS 2023', year: 2023, url: EARTH_MOON.venueUrl, key: `url:${EARTH_MOON.venueUrl}` }]);
    expect(saved.aliases).toEqual([`url:${EARTH_MOON.venueUrl}`]);
    expect(saved.title).toBe('The Evolution of the Earth–Moon System Based on the Dark Matter Field Fluid Model');
    expect(papers.find((p) => p.key === NEAR_MISS.arxiv)!.venues).toEqual([]);

    // The card's toolbar links the published version.
    const ui = await openClosedUi(session.context, page);
    const link = await ui.inToolbar(`url:${EARTH_MOON.venueUrl}`, { tag: 'a', cls: 'venue' });
    expect(link.text).toBe('Published at NeurIPS 2023');
    expect(link.attributes.href).toBe(EARTH_MOON.venueUrl);

    // Seen again: nothing new to record, the record is not written again.
    const before = await record(EARTH_MOON.arxiv);
    await page.reload();
    await settledReport(popup, page);
    expect(await record(EARTH_MOON.arxiv)).toEqual(before);
    await page.close();
  });

  it('shows them saved on the PMLR volume, with the ICML venue', async () => {
    const page = await open(PMLR_URL, 'pmlr/v235.html');
    await expect.poll(async () => (await record(F_DESIGN.arxiv))?.venues.map((v) => v.name), { timeout: 15_000 }).toEqual(['ICML 2024 (PMLR 235)']);
    const report = await settledReport(popup, page);
    expect(cardOf(report, IDEM.card)).toMatchObject({ saved: true, venue: 'ICML 2024 (PMLR 235)' });
    expect(cardOf(report, F_DESIGN.card)).toMatchObject({ saved: true, venue: 'ICML 2024 (PMLR 235)' });
    expect(report.cards.filter((card) => card.saved)).toHaveLength(2);
    expect(await libraryNow()).toHaveLength(SAVED.length);
    expect((await record(IDEM.arxiv))!.venues).toEqual([
      { name: 'ICML 2024 (PMLR 235)', year: 2024, url: IDEM.venueUrl, key: `url:${IDEM.venueUrl}` },
    ]);
    await page.close();
  });

  it('shows the venue back on arXiv, where the card names none', async () => {
    const page = await open(ARXIV_URL, 'arxiv/list-new-cs.LG-identity.synthetic.html');
    const report = await settledReport(popup, page);
    expect(report.cards.map((card) => [card.key, card.venue])).toEqual([
      [EARTH_MOON.arxiv, 'NeurIPS 2023'], [POLARONS.arxiv, 'NeurIPS 2023'], [IDEM.arxiv, 'ICML 2024 (PMLR 235)'],
      [F_DESIGN.arxiv, 'ICML 2024 (PMLR 235)'], [NEAR_MISS.arxiv, null], ['arxiv:2303.00787', null],
    ]);
    await page.close();
  });

  it('exports them from the popup as @inproceedings of their venue, read back by a real BibTeX parser', async () => {
    await popup.reload();
    await popup.waitForFunction(() => performance.getEntriesByName('paperlight:search-ready').length > 0, null, { timeout: 30_000 });
    await popup.getByRole('button', { name: 'Export…' }).first().click();
    const dialog = popup.getByRole('dialog', { name: 'Export papers' });
    await dialog.getByRole('radio', { name: /^BibTeX/ }).check();
    await dialog.getByRole('radio', { name: /^The whole library/ }).check();
    const download = popup.waitForEvent('download');
    await dialog.getByRole('button', { name: /^Download/ }).click();
    const text = await readFile((await (await download).path())!, 'utf8');

    const library = parse(text, { english: false });
    expect(library.errors).toEqual([]);
    expect(library.entries).toHaveLength(SAVED.length);
    const byEprint = new Map(library.entries.map((entry) => [entry.fields.eprint, entry]));
    const earthMoon = byEprint.get('0704.0003')!;
    expect(earthMoon.type).toBe('inproceedings');
    expect(earthMoon.fields).toMatchObject({ booktitle: 'NeurIPS 2023', year: '2023', url: EARTH_MOON.venueUrl, archiveprefix: 'arXiv' });
    const idem = byEprint.get('2402.06121')!;
    expect(idem.type).toBe('inproceedings');
    expect(idem.fields).toMatchObject({
      booktitle: 'ICML 2024', series: 'Proceedings of Machine Learning Research', volume: '235', year: '2024', url: IDEM.venueUrl,
    });
    // The near miss was never recognised at a venue: still the arXiv preprint.
    expect(byEprint.get('0704.0007')!.type).toBe('misc');
  });
});

describe('Chromium: proceedings tabs already open when the paper is saved from arXiv', () => {
  it('show it saved at once, with its venue recorded, without a reload', async () => {
    for (const paper of await libraryNow()) await send({ type: 'remove', key: paper.key });
    await send({ type: 'emptyTrash' });
    const neurips = await open(NEURIPS_URL, 'neurips/paper-2023.html');
    const pmlr = await open(PMLR_URL, 'pmlr/v235.html');
    for (const page of [neurips, pmlr]) expect((await settledReport(popup, page)).cards.filter((card) => card.saved)).toEqual([]);

    const arxiv = await open(ARXIV_URL, 'arxiv/list-new-cs.LG-identity.synthetic.html');
    await settledReport(popup, arxiv);
    const ui = await openClosedUi(session.context, arxiv);
    for (const key of [EARTH_MOON.arxiv, IDEM.arxiv]) await ui.click(await ui.inToolbar(key, { tag: 'button', cls: 'save' }));
    await ui.close();

    const savedOn = async (page: Page) => (await settledReport(popup, page)).cards.filter((card) => card.saved).map((card) => card.key);
    await expect.poll(() => savedOn(neurips), { timeout: 10_000 }).toEqual([`url:${EARTH_MOON.venueUrl}`]);
    await expect.poll(() => savedOn(pmlr), { timeout: 10_000 }).toEqual([IDEM.card]);
    await expect.poll(async () => (await record(EARTH_MOON.arxiv))?.venues.map((v) => v.name)).toEqual(['NeurIPS 2023']);
    await expect.poll(async () => (await record(IDEM.arxiv))?.venues.map((v) => v.name)).toEqual(['ICML 2024 (PMLR 235)']);

    // Unsaved on arXiv: the open proceedings tab follows.
    await send({ type: 'remove', key: EARTH_MOON.arxiv });
    await expect.poll(() => savedOn(neurips), { timeout: 10_000 }).toEqual([]);
    for (const page of [neurips, pmlr, arxiv]) await page.close();
  });
});
