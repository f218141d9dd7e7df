// Semantic Scholar beyond the fixture page: URL forms, the older attribute names and element forms the
// scrapers quote (a button toggle, a div TLDR label, author links), rows replaced in place on paging,
// and odd rows that must not throw. The row snippets are hand-made (synthetic), shaped after the forms
// listed in test/fixtures/semanticscholar/PROVENANCE.md.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { adapterFor } from '../../../src/sites';
import { semanticscholar } from '../../../src/sites/semanticscholar';
import { loadPage } from './load-page';

const PAGE = 'https://www.semanticscholar.org/search?q=complex%20networks&sort=relevance';

describe('semanticscholar URLs', () => {
  it.each([
    'https://www.semanticscholar.org/search?q=ego%20depletion',
    'https://www.semanticscholar.org/author/G.-Palla/28157852',
    'https://www.semanticscholar.org/paper/Quantifying-social-group-evolution-Palla-Barab%C3%A1si/8365d3a24249155a1f9ff5836d425c11b9a0b933',
  ])('claims %s', (url) => expect(adapterFor(url)?.id).toBe('semanticscholar'));

  it.each([
    'https://www.semanticscholar.org/reader/8365d3a24249155a1f9ff5836d425c11b9a0b933',
    'https://www.semanticscholar.org/me/library',
    'https://api.semanticscholar.org/graph/v1/paper/search?query=x',
  ])('leaves %s alone', (url) => expect(adapterFor(url)).toBeUndefined());
});

const OLDER_ROW = `<div class="result-page"><div class="cl-paper-row serp-papers__paper-row paper-row-normal">
  <a data-selenium-selector="title-link" href="/paper/Ego-depletion-Baumeister-Bratslavsky/0123456789abcdef0123456789abcdef01234567"><h2 class="cl-paper-title">Ego depletion: is the active self a limited resource?</h2></a>
  <ul class="cl-paper__bulleted-row"><li><span class="cl-paper-authors">
    <span class="cl-paper-authors__author-box"><a class="cl-paper-authors__author-link" href="/author/R.-Baumeister/5142080">R. Baumeister</a></span>,
    <span class="cl-paper-authors__author-box"><a class="cl-paper-authors__author-link" href="/author/E.-Bratslavsky/1">E. Bratslavsky</a></span></span></li>
    <li><span class="cl-paper-pubdates"><span class="cl-paper-pubdate">May 1, 1998</span></span></li></ul>
  <div class="tldr-abstract-replacement text-truncator"><div class="tldr-abstract__pill">TLDR</div> Four experiments found that 45% less persistence followed an act of volition. <button class="cl-button more mod-clickable more-toggle"><span class="cl-button__label">Expand</span></button></div>
  <div class="cl-paper-controls"><a class="flex-row cl-paper-view-paper" data-heap-link-type="medline" href="https://www.ncbi.nlm.nih.gov/pubmed/9599441"><span class="cl-button__label">View On PubMed</span></a>
  <a href="https://doi.org/10.1037//0022-3514.74.5.1252"><span class="cl-button__label">View via Publisher</span></a></div>
</div></div>`;

describe('semanticscholar rows', () => {
  it('reads the older markup: selenium title link, author links, div TLDR label, button toggle', () => {
    const cards = semanticscholar.findCards(loadPage(OLDER_ROW, PAGE));
    expect(cards).toHaveLength(1);
    const card = semanticscholar.readCard(cards[0]!, PAGE);
    expect(card).toMatchObject({
      key: 'doi:10.1037//0022-3514.74.5.1252',
      aliases: ['url:https://www.ncbi.nlm.nih.gov/pubmed/9599441', 'url:https://www.semanticscholar.org/paper/0123456789abcdef0123456789abcdef01234567'],
      title: 'Ego depletion: is the active self a limited resource?',
      authors: ['R. Baumeister', 'E. Bratslavsky'],
      abstract: 'Four experiments found that 45% less persistence followed an act of volition.',
      published: '1998-05-01',
    });
    expect(card!.abstractEl?.classList.contains('tldr-abstract-replacement')).toBe(true);
  });

  it('reads the rows that replace the old ones after paging', () => {
    const fixture = readFileSync(path.resolve(import.meta.dirname, '../../fixtures/semanticscholar/search-complex-networks.html'), 'utf8');
    const document = loadPage(fixture, PAGE);
    const firstPage = semanticscholar.findCards(document).map((row) => semanticscholar.readCard(row, PAGE)?.key);
    expect(firstPage[0]).toBe('arxiv:0704.0744');
    // The app swaps the row list: the old rows leave the DOM, new ones arrive.
    const list = document.querySelector('.serp-papers')!;
    for (const row of [...list.children]) row.remove();
    list.append(...semanticscholar.findCards(loadPage(OLDER_ROW, PAGE)));
    const secondPage = semanticscholar.findCards(document).map((row) => semanticscholar.readCard(row, PAGE)?.key);
    expect(secondPage).toEqual(['doi:10.1037//0022-3514.74.5.1252']);
  });

  it('never throws on rows missing their parts, and skips a row without any link', () => {
    const document = loadPage(`<div class="result-page">
      <div class="cl-paper-row"></div>
      <div class="cl-paper-row"><h2 class="cl-paper-title">No link</h2><div class="cl-paper-abstract"></div></div>
      <div class="cl-paper-row"><a href="/paper/abc/0123456789abcdef0123456789abcdef01234567">Only a title</a></div></div>`, PAGE);
    const records = semanticscholar.findCards(document).map((row) => semanticscholar.readCard(row, PAGE));
    expect(records.slice(0, 2)).toEqual([undefined, undefined]);
    expect(records[2]).toEqual({
      key: 'url:https://www.semanticscholar.org/paper/0123456789abcdef0123456789abcdef01234567',
      title: 'Only a title',
      url: 'https://www.semanticscholar.org/paper/abc/0123456789abcdef0123456789abcdef01234567',
      authors: [],
      abstract: '',
      codeLinks: [],
      titleEl: expect.anything(),
    });
  });
});

describe('semanticscholar paper pages', () => {
  const url = 'https://www.semanticscholar.org/paper/A-Preprint-Lee/0123456789abcdef0123456789abcdef01234567';
  // Hand-made (synthetic): JSON-LD as Zotero's translator reads it, a reduced header.
  const page = (ld: unknown) => `<script class="schema-data" type="application/ld+json">${JSON.stringify(ld)}</script>
    <div class="fresh-paper-detail-page__header"><h1 data-test-id="paper-detail-title">A Preprint</h1>
    <a href="/author/Ann-Lee/1">Ann Lee</a><a data-heap-link-type="arxiv" href="https://arxiv.org/abs/2401.01234">arXiv</a></div>`;

  it('names no venue when the publication is a preprint server, and reads the abstract without the TLDR', () => {
    const document = loadPage(page({ '@graph': [{}, [{ name: 'A Preprint', about: 'Short.', abstract: 'Short. The abstract.', author: [{ name: 'Ann Lee' }], datePublished: '2024-01-03', publication: 'ArXiv' }]] }), url);
    const [card] = semanticscholar.findCards(document);
    expect(semanticscholar.readCard(card!, url)).toMatchObject({
      key: 'arxiv:2401.01234',
      title: 'A Preprint',
      abstract: 'The abstract.',
      authors: ['Ann Lee'],
      published: '2024-01-03',
    });
    expect(semanticscholar.readCard(card!, url)?.venue).toBeUndefined();
  });

  it('reads the header when the JSON-LD is missing or broken', () => {
    const document = loadPage(page({}).replace('{}', '{broken'), url);
    const [card] = semanticscholar.findCards(document);
    expect(semanticscholar.readCard(card!, url)).toMatchObject({ key: 'arxiv:2401.01234', title: 'A Preprint', authors: ['Ann Lee'] });
  });
});

describe('semanticscholar cards added to the page', () => {
  const fixture = () =>
    loadPage(readFileSync(path.resolve(import.meta.dirname, '../../fixtures/semanticscholar/search-complex-networks.html'), 'utf8'), PAGE);

  it('finds the rows around and inside what the page added, without scanning the page', () => {
    const document = fixture();
    const list = document.querySelector('.serp-papers')!;
    const before = new Set(semanticscholar.findCards(document));
    // A page of results rendered as one block, and one more row appended on its own.
    const block = document.createElement('div');
    block.append(...[...list.children].slice(0, 3).map((row) => row.cloneNode(true)));
    list.append(block);
    const row = list.firstElementChild!.cloneNode(true) as Element;
    list.append(row);
    const appended = semanticscholar.findCards(document).filter((card) => !before.has(card));
    expect(appended).toHaveLength(4);
    const findCards = vi.spyOn(semanticscholar, 'findCards');
    expect(semanticscholar.findAddedCards!([block, row])).toEqual(appended);
    // An element rendered inside a row (its abstract expanded) finds that row; an element gone finds nothing.
    expect(semanticscholar.findAddedCards!([block.querySelector('.cl-paper-title')!])).toEqual([block.firstElementChild]);
    row.remove();
    expect(semanticscholar.findAddedCards!([row])).toEqual([]);
    expect(findCards).not.toHaveBeenCalled();
  });

  it('finds a paper page header whose title was rendered, beside the rows of its citation lists', () => {
    const document = loadPage(
      `<div id="app"></div><div class="cl-paper-row"><a data-test-id="title-link" href="/paper/Cited/0123456789abcdef0123456789abcdef01234568">Cited</a></div>`,
      'https://www.semanticscholar.org/paper/A-Preprint-Lee/0123456789abcdef0123456789abcdef01234567',
    );
    const app = document.getElementById('app')!;
    app.innerHTML = `<div class="fresh-paper-detail-page__header"><h1 data-test-id="paper-detail-title">A Preprint</h1></div>`;
    const header = app.firstElementChild!;
    expect(semanticscholar.findAddedCards!([header])).toEqual([header]);
    expect(semanticscholar.findCards(document)[0]).toBe(header);
  });

  it('scans the whole page for a title link added outside any row (its card depends on the page having rows)', () => {
    const document = loadPage(`<main><div><a data-test-id="title-link" href="/paper/A/0123456789abcdef0123456789abcdef01234567">A</a></div></main>`, PAGE);
    const item = document.createElement('div');
    item.innerHTML = '<a data-test-id="title-link" href="/paper/B/0123456789abcdef0123456789abcdef01234568">B</a>';
    document.querySelector('main')!.append(item);
    expect(semanticscholar.findAddedCards!([item])).toEqual(semanticscholar.findCards(document));
    expect(semanticscholar.findCards(document)).toEqual([...document.querySelectorAll('main > div')]);
  });
});
