// The new sites in Chromium with the built extension, on their fixtures fulfilled under their real URLs:
// a dblp table of contents and a bioRxiv subject collection are annotated, and a preprint saved on bioRxiv
// shows saved on its bioRxiv paper page and on dblp, where dblp names it by its DOI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SavedPaper } from '../../src/core/paper';
import { exactUrl, launchChromium, routeFixtures, sendFromExtensionPage, type ChromiumSession } from './harness';
import { openClosedUi } from './closed-ui';
import { savedStateOf } from './page-report';
import { openWithCards } from './page-tools';

const DBLP_TOC = { url: 'https://dblp.org/db/conf/icml/icml2024.html', file: 'dblp/db-conf-icml-icml2024.html' };
const DBLP_PERSON = { url: 'https://dblp.org/pid/112/2344.html', file: 'dblp/pid-alexander-rives.html' };
const BIORXIV_COLLECTION = { url: 'https://www.biorxiv.org/collection/bioinformatics', file: 'biorxiv/collection-bioinformatics.html' };
const BIORXIV_PAPER = { url: 'https://www.biorxiv.org/content/10.1101/622803v4', file: 'biorxiv/content-10.1101-622803v4.html' };
const PAGES = [DBLP_TOC, DBLP_PERSON, BIORXIV_COLLECTION, BIORXIV_PAPER];

// The cards of the fixtures, in page order, as their PROVENANCE.md lists them.
const ICML_TOC_KEYS = [
  'openreview:AZWqXfM6z9', 'openreview:9U29U3cDKq', 'openreview:wDDGQabYPQ', 'openreview:MurkwIl0h3', 'openreview:GiHo83ozsF',
  'openreview:emtXYlBrNF', 'openreview:wG2SgnH6Zv', 'openreview:xPypr0kufs', 'openreview:myCgfQZzbc', 'openreview:dztd61efGy',
  'openreview:8iWDWQKxJ1', 'openreview:9GbAea74O6',
];
const COLLECTION_KEYS = [
  'doi:10.1101/2022.07.20.500902', 'doi:10.1101/2021.08.02.454840', 'doi:10.1101/2021.07.31.454572',
  'doi:10.1101/2020.11.11.377689', 'doi:10.1101/622803',
];
const ESM1B = 'doi:10.1101/622803';

let session: ChromiumSession;
let extensionPage: Page;

const open = (fixture: { url: string }, count: number): Promise<Page> => openWithCards(session.context, fixture.url, count);

const shownKeys = (page: Page) => page.locator('[data-paperlight-id]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-paperlight-id')));
/** Whether the tab reports the card as saved (the saved state is not in the page's DOM: page-report.ts). */
const savedState = async (page: Page, key: string) => (await savedStateOf(extensionPage, page, key))?.saved;

beforeAll(async () => {
  session = await launchChromium();
  await routeFixtures(session.context, PAGES.map(({ url, file }) => ({ url: exactUrl(url), file })));
  extensionPage = await session.openExtensionPage('src/popup/index.html');
});
afterAll(() => session?.close());

describe('new sites are annotated', () => {
  it('marks every paper of a dblp table of contents, and not the proceedings volume', async () => {
    const page = await open(DBLP_TOC, ICML_TOC_KEYS.length);
    expect(await shownKeys(page)).toEqual(ICML_TOC_KEYS);
    await page.close();
  });

  it('marks every preprint of a bioRxiv subject collection', async () => {
    const page = await open(BIORXIV_COLLECTION, COLLECTION_KEYS.length);
    expect(await shownKeys(page)).toEqual(COLLECTION_KEYS);
    await page.close();
  });
});

describe('a preprint saved on bioRxiv', () => {
  it('shows saved on its bioRxiv paper page and on dblp, which names it by its DOI', async () => {
    const collection = await open(BIORXIV_COLLECTION, COLLECTION_KEYS.length);
    const ui = await openClosedUi(session.context, collection);
    await ui.click(await ui.inToolbar(ESM1B, { tag: 'button', cls: 'save' }));
    await ui.close();
    await expect.poll(() => savedState(collection, ESM1B)).toBe(true);

    const paper = await open(BIORXIV_PAPER, 1);
    expect(await shownKeys(paper)).toEqual([ESM1B]);
    await expect.poll(() => savedState(paper, ESM1B)).toBe(true);

    const person = await open(DBLP_PERSON, 4);
    await expect.poll(() => savedState(person, ESM1B)).toBe(true);
    // The other entries of the person are other papers (ESM-2, the PNAS and ICML versions): not saved by this.
    expect(await savedState(person, 'doi:10.1101/2022.07.20.500902')).toBe(false);

    const reply = await sendFromExtensionPage<{ ok: boolean; papers: SavedPaper[] }>(extensionPage, { type: 'getAll' });
    expect(reply.papers.filter((p) => p.key === ESM1B)).toHaveLength(1);
    for (const page of [collection, paper, person]) await page.close();
  });
});
