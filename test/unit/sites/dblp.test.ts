// dblp beyond the fixture pages: the hosts and page kinds it claims and leaves alone, entries without an
// electronic edition, proceedings entries, homonym numbers, the venue a table of contents names, and odd
// markup that must not throw. Snippets are hand-made (synthetic), in the entry markup of the fixtures.
import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../../src/sites';
import { dblp } from '../../../src/sites/dblp';
import { loadPage } from './load-page';

describe('dblp URLs', () => {
  it.each([
    'https://dblp.org/pid/55/1490.html',
    'https://dblp.org/pers/hd/k/Knuth:Donald_E=',
    'https://dblp.org/db/conf/icml/icml2024.html',
    'https://dblp.org/db/journals/tods/tods31.html',
    'https://dblp.org/search?q=zotero',
    'https://dblp.uni-trier.de/db/journals/tods/tods31.html',
    'https://dblp.dagstuhl.de/pid/k/DonaldEKnuth.html',
  ])('claims %s', (url) => expect(adapterFor(url)?.id).toBe('dblp'));

  it.each([
    'https://dblp.org/',
    'https://dblp.org/faq/index.html',
    'https://dblp.org/db/about/team.html',
    'https://dblp.org/statistics/index.html',
    'https://dblp.org/search/publ/api?q=test&format=json',
  ])('leaves %s alone', (url) => expect(adapterFor(url)).toBeUndefined());
});

/** One entry in the fixtures' markup: a view menu with `ees`, an export menu, the cite block. */
function entry(key: string, type: string, ees: string[], cite: string): string {
  const view = ees.map((href) => `<li class="ee"><a href="${href}" itemprop="url">electronic edition</a></li>`).join('');
  return `<li class="entry ${type}" id="${key}"><nav class="publ"><ul>
    <li class="drop-down"><div class="head"><a href="${ees[0] ?? '#'}">view</a></div><div class="body"><ul>${view}</ul></div></li>
    <li class="drop-down"><div class="head"><a href="https://dblp.org/rec/${key}.html?view=bibtex">export</a></div>
      <div class="body"><ul><li><a href="https://dblp.org/rec/${key}.html?view=bibtex">BibTeX</a></li></ul></div></li>
    <li class="drop-down"><div class="body"><ul><li><a href="https://scholar.google.com/scholar?q=x">Google Scholar</a></li>
      <li><a href="https://www.semanticscholar.org/search?q=x">Semantic Scholar</a></li></ul></div></li>
  </ul></nav><cite class="data tts-content" itemprop="headline">${cite}</cite></li>`;
}

const person = (name: string) =>
  `<span itemprop="author" itemscope><a href="https://dblp.org/pid/1/2.html" itemprop="url"><span itemprop="name" title="${name}">${name}</span></a></span>`;

describe('dblp entries', () => {
  const PAGE = 'https://dblp.org/db/conf/icml/icml2024.html';
  const page = (body: string) =>
    loadPage(`<header id="headline" class="headline noline"><h1>41st ICML 2024: Vienna, Austria</h1></header>
      <div id="breadcrumbs"><ul><li><a href="https://dblp.org/db/conf/icml/index.html"><span itemprop="name">ICML</span></a></li></ul></div>
      <ul class="publ-list">${body}</ul>`, PAGE);

  it('keys an entry without an electronic edition by its dblp record, and still names the venue', () => {
    const document = page(entry('conf/icml/Smith24', 'inproceedings toc', [], `${person('Ann Smith 0002')}:<br> <span class="title" itemprop="name">What Is Left?</span>`));
    const [card] = dblp.findCards(document);
    expect(dblp.readCard(card!, PAGE)).toEqual({
      key: 'dblp:conf/icml/Smith24',
      title: 'What Is Left?',
      url: 'https://dblp.org/rec/conf/icml/Smith24.html',
      authors: ['Ann Smith'],
      abstract: '',
      codeLinks: [],
      titleEl: card!.querySelector('.title'),
      venue: { name: 'ICML 2024', year: 2024, url: 'https://dblp.org/rec/conf/icml/Smith24.html', key: 'dblp:conf/icml/Smith24' },
    });
  });

  it('does not count a proceedings volume (an editorship) as a paper', () => {
    const document = page(
      entry('conf/icml/2024', 'editor toc', ['https://openreview.net/group?id=ICML.cc/2024/Conference'], `${person('Ruslan Salakhutdinov')} (Eds.):<br> <span class="title">Forty-first International Conference on Machine Learning.</span>`) +
        entry('conf/icml/LeeK24', 'inproceedings toc', ['https://openreview.net/forum?id=abcdEFGH12'], `${person('Bo Lee')}, ${person('Cy Kim')}:<br> <span class="title" itemprop="name">A Title.</span>`),
    );
    const cards = dblp.findCards(document);
    expect(cards).toHaveLength(1);
    expect(dblp.readCard(cards[0]!, PAGE)).toMatchObject({ key: 'openreview:abcdEFGH12', aliases: ['dblp:conf/icml/LeeK24'], authors: ['Bo Lee', 'Cy Kim'] });
  });

  it('reads only the electronic editions as ids, not the search links of the "ask others" menu', () => {
    const document = page(entry('conf/icml/LeeK24', 'inproceedings toc', ['https://doi.org/10.5555/3692070.3692071', 'https://arxiv.org/abs/2402.01234'], `${person('Bo Lee')}:<br> <span class="title">A Title.</span>`));
    const [card] = dblp.findCards(document);
    expect(dblp.readCard(card!, PAGE)).toMatchObject({
      key: 'arxiv:2402.01234',
      aliases: ['doi:10.5555/3692070.3692071', 'dblp:conf/icml/LeeK24'],
    });
  });

  it('gives no venue to an e-print (CoRR, bioRxiv: dblp calls them informal)', () => {
    const url = 'https://dblp.org/pid/1/2.html';
    const document = loadPage(`<ul class="publ-list">${entry('journals/corr/abs-2402-01234', 'informal', ['https://arxiv.org/abs/2402.01234'],
      `${person('Bo Lee')}:<br> <span class="title">A Title.</span> <a href="https://dblp.org/db/journals/corr/corr2402.html#abs-2402-01234"><span itemprop="isPartOf" itemscope itemtype="http://schema.org/Periodical"><span itemprop="name">CoRR</span></span> <span itemprop="isPartOf" itemscope itemtype="http://schema.org/PublicationVolume"><span itemprop="volumeNumber">abs/2402.01234</span></span></a> (<span itemprop="datePublished">2024</span>)`)}</ul>`, url);
    const [card] = dblp.findCards(document);
    expect(dblp.readCard(card!, url)?.venue).toBeUndefined();
  });

  it('finds nothing on a search without results, and skips an entry without a key or title', () => {
    const url = 'https://dblp.org/search?q=nothing';
    expect(dblp.findCards(loadPage('<div id="completesearch-publs"><div class="body"><p>no matches</p></div></div>', url))).toEqual([]);
    const document = loadPage('<ul class="publ-list"><li class="entry article"><cite class="data"><span class="title">No key.</span></cite></li><li class="entry article" id="journals/x/Y24"><cite class="data"></cite></li></ul>', url);
    const cards = dblp.findCards(document);
    expect(cards.map((card) => dblp.readCard(card, url))).toEqual([undefined, undefined]);
  });
});
