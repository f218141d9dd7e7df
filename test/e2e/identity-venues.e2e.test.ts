// The same paper across more sites, in Chromium with the built extension (identity.e2e.test.ts covers NeurIPS and
// PMLR): a paper unsaved from its proceedings page's card shows unsaved at once on the arXiv tab it was saved from;
// on CVF, the ACL Anthology, an OpenReview venue tab and a dblp volume, a record saved as an arXiv preprint under
// the title and authors of one of the page's cards (authors written "Family, Given", as BibTeX writes them) shows
// saved and gains that page's venue, while a record with a card's title but other authors stays another paper.
// Then the popup's "On this page" over these tabs: its counts are the page report's, a save from it reaches the
// card, opening it over another tab shows that tab, over a page no adapter reads it shows no "On this page", and a
// card the tab found saved by title alone counts unsaved once its paper is deleted, and saved again once the paper
// is restored from the popup's Trash (whether the popup was open at the delete or opened over the tab after it).
// Pages: the fixtures named below, fulfilled under their real URLs (docs/fixtures.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SavedPaper } from '../../src/core/paper';
import type { PageReport } from '../../src/shared/page-report';
import { openClosedUi } from './closed-ui';
import { exactUrl, launchChromium, readFixture, sendFromExtensionPage, type ChromiumSession } from './harness';
import { settledReport } from './page-report';

const POPUP = 'src/popup/index.html';
const ARXIV_URL = 'https://arxiv.org/list/cs.LG/new';
const NEURIPS_URL = 'https://proceedings.neurips.cc/paper_files/paper/2023';
const EARTH_MOON = {
  arxiv: 'arxiv:0704.0003',
  card: 'url:https://proceedings.neurips.cc/paper_files/paper/2023/hash/5086004f97fa53cbf4f55ef5b3030867-Abstract-Conference.html',
};

interface ExpectedCard { index: number; key: string; title: string; authors: string[]; venue?: { name: string } }
interface Expected { url: string; cards: ExpectedCard[] }

/** Each venue page, the card saved from "arXiv" under its title, and the card whose title a stranger's record takes. */
const VENUE_PAGES = [
  { fixture: 'cvf/CVPR2024-day-all', same: 2, stranger: 7 },
  { fixture: 'acl/volume-2023.alta-1', same: 0, stranger: 2 },
  { fixture: 'openreview/venue-ICML2024-accept-poster', same: 0, stranger: 5 },
  { fixture: 'dblp/db-conf-icml-icml2024', same: 0, stranger: 2 },
];

let session: ChromiumSession;
let extensionPage: Page;

const send = <T>(message: unknown) => sendFromExtensionPage<T>(extensionPage, message);
const libraryNow = async () => (await send<{ papers: SavedPaper[] }>({ type: 'getAll' })).papers;
const record = async (key: string) => (await libraryNow()).find((paper) => paper.key === key);
const cardOf = (report: PageReport, key: string) => report.cards.find((card) => card.key === key);
const savedOn = async (page: Page) => (await settledReport(extensionPage, page)).cards.filter((card) => card.saved).map((card) => card.key);

async function open(url: string, fixture: string): Promise<Page> {
  const page = await session.context.newPage();
  const body = await readFixture(fixture);
  // The OpenReview venue's URL carries its tab as a fragment, which a request never does.
  await page.route(exactUrl(url.replace(/#.*$/, '')), (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
  await page.goto(url);
  return page;
}

/** "Ileana Streinu" → "Streinu, Ileana": the other way sites write a name. */
const familyFirst = (name: string) => {
  const words = name.split(' ');
  return `${words.at(-1)}, ${words.slice(0, -1).join(' ')}`;
};

/** A record as an arXiv listing's card would save it, under an id no venue page shows. */
function arxivCard(id: string, title: string, authors: string[]) {
  return { key: `arxiv:${id}`, title, url: `https://arxiv.org/abs/${id}`, authors, abstract: '', metrics: [], codeLinks: [], site: 'arxiv' };
}

beforeAll(async () => {
  session = await launchChromium();
  extensionPage = await session.openExtensionPage(POPUP);
});
afterAll(() => session?.close());

describe('Chromium: unsaving on the proceedings page', () => {
  it('reaches the arXiv tab the paper was saved from', async () => {
    const arxiv = await open(ARXIV_URL, 'arxiv/list-new-cs.LG-identity.synthetic.html');
    await settledReport(extensionPage, arxiv);
    const arxivUi = await openClosedUi(session.context, arxiv);
    await arxivUi.click(await arxivUi.inToolbar(EARTH_MOON.arxiv, { tag: 'button', cls: 'save' }));
    await arxivUi.close();
    await expect.poll(() => savedOn(arxiv), { timeout: 10_000 }).toEqual([EARTH_MOON.arxiv]);

    const neurips = await open(NEURIPS_URL, 'neurips/paper-2023.html');
    await expect.poll(() => savedOn(neurips), { timeout: 15_000 }).toEqual([EARTH_MOON.card]);
    const ui = await openClosedUi(session.context, neurips);
    await ui.click(await ui.inToolbar(EARTH_MOON.card, { tag: 'button', cls: 'save' }));
    await expect.poll(async () => (await libraryNow()).length, { timeout: 10_000 }).toBe(0);
    await expect.poll(() => savedOn(neurips), { timeout: 10_000 }).toEqual([]);
    await expect.poll(() => savedOn(arxiv), { timeout: 10_000 }).toEqual([]);

    // Undo on the proceedings card brings back the record saved from arXiv, venue and all; both tabs follow.
    await ui.click(await ui.inToolbar(EARTH_MOON.card, { tag: 'button', text: 'Undo' }));
    await ui.close();
    await expect.poll(async () => (await libraryNow()).map((p) => [p.key, p.venues.map((v) => v.name), p.aliases]), { timeout: 10_000 })
      .toEqual([[EARTH_MOON.arxiv, ['NeurIPS 2023'], [EARTH_MOON.card]]]);
    await expect.poll(() => savedOn(neurips), { timeout: 10_000 }).toEqual([EARTH_MOON.card]);
    await expect.poll(() => savedOn(arxiv), { timeout: 10_000 }).toEqual([EARTH_MOON.arxiv]);
    await send({ type: 'remove', key: EARTH_MOON.arxiv });
    for (const page of [neurips, arxiv]) await page.close();
    await send({ type: 'emptyTrash' });
  });
});

describe('Chromium: a paper saved as a preprint, met on CVF, ACL, OpenReview and dblp', () => {
  VENUE_PAGES.forEach(({ fixture, same, stranger }, n) => {
    it(`${fixture}: its card shows saved and the record gains the venue; a stranger with its title stays apart`, async () => {
      const expected = JSON.parse(await readFixture(`${fixture}.expected.json`)) as Expected;
      const card = expected.cards.find((c) => c.index === same)!;
      const other = expected.cards.find((c) => c.index === stranger)!;
      const id = `2501.0${n}001`;
      const strangerId = `2501.0${n}002`;
      await send({ type: 'save', paper: arxivCard(id, card.title, card.authors.map(familyFirst)) });
      await send({ type: 'save', paper: arxivCard(strangerId, other.title, ['Someone Unrelated', 'Another Stranger']) });

      const page = await open(expected.url, `${fixture}.html`);
      await expect.poll(async () => (await record(`arxiv:${id}`))?.venues.map((v) => v.name), { timeout: 15_000 }).toEqual([card.venue!.name]);
      const report = await settledReport(extensionPage, page);
      expect(cardOf(report, card.key)).toMatchObject({ saved: true, venue: card.venue!.name });
      expect(cardOf(report, other.key)).toMatchObject({ saved: false });
      expect(report.cards.filter((c) => c.saved).map((c) => c.key)).toEqual([card.key]);
      const saved = (await record(`arxiv:${id}`))!;
      expect(saved.aliases).toContain(card.key);
      expect(saved.title).toBe(card.title);
      expect((await record(`arxiv:${strangerId}`))!).toMatchObject({ venues: [], aliases: [] });
      await page.close();
      for (const key of [`arxiv:${id}`, `arxiv:${strangerId}`]) await send({ type: 'remove', key });
      await send({ type: 'emptyTrash' });
    });
  });
});

describe('Chromium: a paper saved from Google Scholar, met on its CVF page and on Semantic Scholar', () => {
  it('shows saved on the CVF paper page with CVPR 2024, and unsaving there reaches the Scholar tab', async () => {
    const scholarFixture = JSON.parse(await readFixture('scholar/results-relay-selection.expected.json')) as Expected;
    const cvfFixture = JSON.parse(await readFixture('cvf/paper-CVPR2024-Lo_Opportunistic_Relay_Selection.expected.json')) as Expected;
    const key = scholarFixture.cards[0]!.key;
    const scholar = await open(scholarFixture.url, 'scholar/results-relay-selection.html');
    await settledReport(extensionPage, scholar);
    const scholarUi = await openClosedUi(session.context, scholar);
    await scholarUi.click(await scholarUi.inToolbar(key, { tag: 'button', cls: 'save' }));
    await scholarUi.close();
    await expect.poll(() => savedOn(scholar), { timeout: 10_000 }).toEqual([key]);

    const cvf = await open(cvfFixture.url, 'cvf/paper-CVPR2024-Lo_Opportunistic_Relay_Selection.html');
    await expect.poll(async () => (await record(key))?.venues.map((v) => [v.name, v.url]), { timeout: 15_000 }).toEqual([['CVPR 2024', cvfFixture.url]]);
    expect(await savedOn(cvf)).toEqual([key]);
    // Scholar's abbreviated authors ("RW Heath Jr") stay: the record keeps what it was saved with.
    expect((await record(key))!.authors).toEqual(scholarFixture.cards[0]!.authors);
    const ui = await openClosedUi(session.context, cvf);
    await ui.click(await ui.inToolbar(key, { tag: 'button', cls: 'save' }));
    await ui.close();
    await expect.poll(() => savedOn(scholar), { timeout: 10_000 }).toEqual([]);
    for (const page of [cvf, scholar]) await page.close();
    await send({ type: 'emptyTrash' });
  });

  it('a Semantic Scholar search card keyed by its page alone shows saved by title and authors, with no venue to record, and again after Unsave then Undo on it', async () => {
    const expected = JSON.parse(await readFixture('semanticscholar/search-complex-networks.expected.json')) as Expected;
    const card = expected.cards.find((c) => c.index === 4)!;
    await send({ type: 'save', paper: arxivCard('2501.09001', card.title, card.authors) });
    const page = await open(expected.url, 'semanticscholar/search-complex-networks.html');
    await expect.poll(() => savedOn(page), { timeout: 15_000 }).toEqual([card.key]);
    expect((await record('arxiv:2501.09001'))!).toMatchObject({ venues: [], aliases: [] });

    // Unsaved from that card, then its Undo: the record comes back and the card, which shares no id with it, shows it.
    const ui = await openClosedUi(session.context, page);
    await ui.click(await ui.inToolbar(card.key, { tag: 'button', cls: 'save' }));
    await expect.poll(async () => (await libraryNow()).length, { timeout: 10_000 }).toBe(0);
    await expect.poll(() => savedOn(page), { timeout: 10_000 }).toEqual([]);
    await ui.click(await ui.inToolbar(card.key, { tag: 'button', text: 'Undo' }));
    await ui.close();
    await expect.poll(async () => (await libraryNow()).map((p) => p.key), { timeout: 10_000 }).toEqual(['arxiv:2501.09001']);
    await expect.poll(() => savedOn(page), { timeout: 10_000 }).toEqual([card.key]);
    await page.close();
    await send({ type: 'remove', key: 'arxiv:2501.09001' });
    await send({ type: 'emptyTrash' });
  });
});

describe('Chromium: the popup over these tabs', () => {
  const summaryText = (popup: Page) => popup.evaluate(() => document.querySelector('.on-page-summary')?.textContent ?? null);

  /** A toolbar popup opened over `page`: the page is the active tab when the popup asks which tab it is over. */
  async function popupOver(page: Page): Promise<Page> {
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/${POPUP}`);
    await page.bringToFront();
    await popup.reload();
    await popup.waitForFunction(() => performance.getEntriesByName('paperlight:library-loaded').length > 0, null, { timeout: 30_000 });
    return popup;
  }

  it('counts what the page reports, saves a card through its tab, follows another tab, and says nothing over an unsupported page', async () => {
    const arxiv = await open(ARXIV_URL, 'arxiv/list-new-cs.LG-identity.synthetic.html');
    await send({ type: 'save', paper: arxivCard('0704.0003', 'The Evolution of the Earth–Moon System Based on the Dark Matter Field Fluid Model', ['Hongjun Pan']) });
    const neurips = await open(NEURIPS_URL, 'neurips/paper-2023.html');
    await expect.poll(() => savedOn(neurips), { timeout: 15_000 }).toEqual([EARTH_MOON.card]);
    const neuripsReport = await settledReport(extensionPage, neurips);

    const popup = await popupOver(neurips);
    await expect.poll(() => summaryText(popup), { timeout: 15_000 }).toBe(`On this page: ${neuripsReport.cards.length} papers · 1 saved`);
    const keys = await popup.locator('.on-page-cards li').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.key));
    expect(keys).toEqual(neuripsReport.cards.map((card) => card.key));

    // Saved from the popup: the page's card shows it, and the popup counts it.
    const target = neuripsReport.cards.find((card) => !card.saved)!;
    await popup.bringToFront();
    await popup.getByRole('button', { name: `Save “${target.title}”` }).click();
    await expect.poll(() => summaryText(popup), { timeout: 10_000 }).toBe(`On this page: ${neuripsReport.cards.length} papers · 2 saved`);
    await expect.poll(async () => (await savedOn(neurips)).sort(), { timeout: 10_000 }).toEqual([EARTH_MOON.card, target.key].sort());
    await popup.close();

    // Opened again over the arXiv tab: that tab's cards, the paper saved from NeurIPS's card among them by title.
    const arxivReport = await settledReport(extensionPage, arxiv);
    const over = await popupOver(arxiv);
    const savedThere = arxivReport.cards.filter((card) => card.saved).length;
    expect(savedThere).toBeGreaterThan(0);
    await expect.poll(() => summaryText(over), { timeout: 15_000 }).toBe(`On this page: ${arxivReport.cards.length} papers · ${savedThere} saved`);
    await over.close();

    // A page no adapter reads: no "On this page", and no health warning.
    const plain = await session.context.newPage();
    await plain.route(exactUrl('https://example.com/'), (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>x</title><p>Not a listing</p>' }));
    await plain.goto('https://example.com/');
    const none = await popupOver(plain);
    await none.waitForTimeout(4000); // the popup gives a page 3 s to answer
    expect(await none.evaluate(() => [document.querySelector('.on-page'), document.querySelector('.site-health')])).toEqual([null, null]);
    await none.close();
    for (const page of [plain, neurips, arxiv]) await page.close();
  });

  it('over a card saved by title alone (no venue, so no alias), counts it unsaved once the paper is deleted, and saved again once it is restored from the Trash', async () => {
    for (const paper of await libraryNow()) await send({ type: 'remove', key: paper.key });
    const expected = JSON.parse(await readFixture('semanticscholar/search-complex-networks.expected.json')) as Expected;
    const card = expected.cards.find((c) => c.index === 4)!;
    await send({ type: 'save', paper: arxivCard('2501.09002', card.title, card.authors) });
    const page = await open(expected.url, 'semanticscholar/search-complex-networks.html');
    await expect.poll(() => savedOn(page), { timeout: 15_000 }).toEqual([card.key]);
    const cards = (await settledReport(extensionPage, page)).cards.length;
    const popup = await popupOver(page);
    await expect.poll(() => summaryText(popup), { timeout: 15_000 }).toBe(`On this page: ${cards} papers · 1 saved`);
    // Deleted from the library while the popup is open (as from its list): the page's card and the popup follow.
    await sendFromExtensionPage(popup, { type: 'remove', key: 'arxiv:2501.09002' });
    await expect.poll(() => savedOn(page), { timeout: 10_000 }).toEqual([]);
    await expect.poll(() => summaryText(popup), { timeout: 10_000 }).toBe(`On this page: ${cards} papers · 0 saved`);
    // Restored from the popup's Trash: the card shows it again, and the popup counts it again.
    await popup.bringToFront();
    await popup.getByRole('button', { name: 'Trash', exact: true }).click();
    await popup.getByRole('button', { name: `Restore “${card.title}”` }).click();
    await expect.poll(() => savedOn(page), { timeout: 10_000 }).toEqual([card.key]);
    await expect.poll(() => popup.getByRole('button', { name: `Restore “${card.title}”` }).count()).toBe(0);
    await popup.keyboard.press('Escape'); // back to the list, under "On this page"
    await expect.poll(() => summaryText(popup), { timeout: 10_000 }).toBe(`On this page: ${cards} papers · 1 saved`);
    await popup.close();

    // Opened over the tab while the paper waits in the Trash: the report names no record for the card, and the
    // restore shares no id with it.
    await send({ type: 'remove', key: 'arxiv:2501.09002' });
    await expect.poll(() => savedOn(page), { timeout: 10_000 }).toEqual([]);
    const again = await popupOver(page);
    await expect.poll(() => summaryText(again), { timeout: 15_000 }).toBe(`On this page: ${cards} papers · 0 saved`);
    await again.bringToFront();
    await again.getByRole('button', { name: 'Trash', exact: true }).click();
    await again.getByRole('button', { name: `Restore “${card.title}”` }).click();
    await expect.poll(() => savedOn(page), { timeout: 10_000 }).toEqual([card.key]);
    await expect.poll(() => again.getByRole('button', { name: `Restore “${card.title}”` }).count()).toBe(0);
    await again.keyboard.press('Escape'); // back to the list, under "On this page"
    await expect.poll(() => summaryText(again), { timeout: 10_000 }).toBe(`On this page: ${cards} papers · 1 saved`);
    await again.close();
    await page.close();
  });
});
