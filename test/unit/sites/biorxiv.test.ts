// bioRxiv and medRxiv beyond the fixture pages: the pages claimed on both hosts, listing items without a
// link, a paper page without a DOI or with a version in its URL only, and odd markup that must not throw.
// Snippets are hand-made (synthetic), in the HighWire markup of the fixtures.
import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../../src/sites';
import { biorxiv } from '../../../src/sites/biorxiv';
import { loadPage } from './load-page';

describe('bioRxiv and medRxiv URLs', () => {
  it.each([
    'https://www.biorxiv.org/collection/neuroscience',
    'https://www.biorxiv.org/collection/bioinformatics?page=3',
    'https://www.biorxiv.org/content/early/recent',
    'https://www.biorxiv.org/content/10.1101/2020.03.01.972349v2',
    'https://www.biorxiv.org/content/10.1101/2020.03.01.972349v2.full',
    'https://www.biorxiv.org/search/crispr%20numresults%3A10',
    'https://www.medrxiv.org/collection/epidemiology',
    'https://www.medrxiv.org/content/10.1101/2021.06.16.21258632v1',
    'https://www.medrxiv.org/search/burnout',
  ])('claims %s', (url) => expect(adapterFor(url)?.id).toBe('biorxiv'));

  it.each(['https://www.biorxiv.org/', 'https://www.biorxiv.org/about-biorxiv', 'https://connect.biorxiv.org/relate/content/181', 'https://www.medrxiv.org/submit-a-manuscript'])(
    'leaves %s alone',
    (url) => expect(adapterFor(url)).toBeUndefined(),
  );
});

const item = (inner: string) =>
  `<li class="search-result"><div class="highwire-article-citation"><div class="highwire-cite">${inner}</div></div></li>`;

describe('bioRxiv listing items', () => {
  const PAGE = 'https://www.medrxiv.org/collection/epidemiology';

  it('keys an item by the DOI it prints when its title carries no link', () => {
    const document = loadPage(`<ul>${item(`<span class="highwire-cite-title">A Preprint Without Link</span>
      <div class="highwire-cite-authors"><span class="highwire-citation-authors"><span class="highwire-citation-author"><span class="nlm-given-names">Ann</span> <span class="nlm-surname">Lee</span></span></span></div>
      <div class="highwire-cite-metadata"><span class="highwire-cite-metadata-doi"><span class="doi_label">doi:</span> https://doi.org/10.1101/2024.01.02.24300001 </span></div>`)}</ul>`, PAGE);
    const [card] = biorxiv.findCards(document);
    expect(biorxiv.readCard(card!, PAGE)).toMatchObject({
      key: 'doi:10.1101/2024.01.02.24300001',
      title: 'A Preprint Without Link',
      url: 'https://doi.org/10.1101/2024.01.02.24300001',
      authors: ['Ann Lee'],
    });
  });

  it('reads a collective author without given names', () => {
    const document = loadPage(`<ul>${item(`<span class="highwire-cite-title"><a class="highwire-cite-linked-title" href="/content/10.1101/2024.01.02.24300001v2"><span class="highwire-cite-title">T</span></a></span>
      <div class="highwire-cite-authors"><span class="highwire-citation-authors"><span class="highwire-citation-author collab">The COVID Consortium</span></span></div>`)}</ul>`, PAGE);
    const [card] = biorxiv.findCards(document);
    expect(biorxiv.readCard(card!, PAGE)).toMatchObject({ key: 'doi:10.1101/2024.01.02.24300001', authors: ['The COVID Consortium'] });
  });

  it('skips an item that names no preprint, without throwing', () => {
    const document = loadPage(`<ul>${item('<span class="highwire-cite-title">Only a title</span>')}</ul>`, PAGE);
    const cards = biorxiv.findCards(document);
    expect(cards).toHaveLength(1);
    expect(biorxiv.readCard(cards[0]!, PAGE)).toBeUndefined();
  });
});

describe('bioRxiv paper pages', () => {
  it('takes the key from the page URL when the citation meta are missing', () => {
    const url = 'https://www.biorxiv.org/content/10.1101/2024.01.02.570001v3';
    const document = loadPage(`<div class="panel-pane pane-highwire-article-citation"><div class="highwire-article-citation"><div class="highwire-cite">
      <h1 class="highwire-cite-title" id="page-title">A Title</h1></div></div></div>
      <div class="section abstract" id="abstract-1"><h2>Abstract</h2><p id="p-2">Text.</p></div>`, url);
    const [card] = biorxiv.findCards(document);
    expect(biorxiv.readCard(card!, url)).toMatchObject({ key: 'doi:10.1101/2024.01.02.570001', title: 'A Title', abstract: 'Text.', url });
  });

  it('adds the published version’s DOI as an alias, and no venue (the notice names no year)', () => {
    const url = 'https://www.biorxiv.org/content/10.1101/2024.01.02.570001v3';
    const document = loadPage(`<meta name="citation_doi" content="10.1101/2024.01.02.570001"><meta name="citation_title" content="A Title">
      <div class="panel-pane pane-highwire-article-citation"><div class="highwire-article-citation"><div class="highwire-cite">
      <h1 class="highwire-cite-title" id="page-title">A Title</h1>
      <div class="highwire-cite-metadata"><div class="pub_jnl">Now published in <i>eLife</i> doi: <a href="https://doi.org/10.7554/eLife.45133">10.7554/eLife.45133</a></div></div></div></div></div>`, url);
    const [card] = biorxiv.findCards(document);
    const read = biorxiv.readCard(card!, url);
    expect(read?.aliases).toEqual(['doi:10.7554/elife.45133']);
    expect(read?.venue).toBeUndefined();
  });
});
