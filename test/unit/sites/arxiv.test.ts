// arXiv adapter beyond the fixture loop: URL forms, the legacy listing markup, MathJax-typeset titles,
// search dates with several versions, pages without meta, cards inserted later, missing fields.
// The snippets below are synthetic (hand-written from the markup described in src/sites/arxiv.ts), not
// output of arXiv's code like the fixture pages.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../../src/sites';
import { arxiv } from '../../../src/sites/arxiv';
import { withCodeFindings } from './code-findings';
import { loadPage } from './load-page';

const fixture = (name: string, url: string) =>
  loadPage(readFileSync(path.resolve(import.meta.dirname, '../../fixtures/arxiv', name), 'utf8'), url);

const read = (html: string, url: string) => {
  const document = loadPage(html, url);
  return arxiv.findCards(document).map((card) => arxiv.readCard(card, url));
};

describe('arxiv URLs', () => {
  it.each([
    'https://arxiv.org/list/cs.CL/new',
    'https://arxiv.org/list/cs.LG/pastweek?skip=25&show=25',
    'https://arxiv.org/list/hep-th/1804',
    'https://arxiv.org/list/math.AG/2024-01?skip=0&show=2000',
    'https://arxiv.org/search/?query=attention&searchtype=title',
    'https://arxiv.org/search/advanced?advanced=1&terms-0-term=llm',
    'https://arxiv.org/abs/2401.00001v3',
    'https://arxiv.org/abs/hep-th/9901001',
  ])('claims %s', (url) => {
    expect(adapterFor(url)?.id).toBe('arxiv');
  });

  it.each(['https://arxiv.org/', 'https://arxiv.org/pdf/2108.10257', 'https://arxiv.org/help/api', 'https://export.arxiv.org/api/query?search_query=all:llm', 'https://arxiv.org/html/2108.10257v1'])(
    'leaves %s alone',
    (url) => {
      expect(adapterFor(url)).toBeUndefined();
    },
  );
});

describe('arxiv legacy listing markup (before 2024)', () => {
  // span.list-identifier around the links, [pdf, ps, other], an "Authors:" descriptor, old-style ids.
  const legacy = `<div id="dlpage"><h3>New submissions for Fri, 3 Mar 23</h3><dl>
    <dt><a name="item1">[1]</a>&nbsp; <span class="list-identifier"><a href="/abs/hep-th/0601001" title="Abstract">arXiv:hep-th/0601001</a> [<a href="/pdf/hep-th/0601001" title="Download PDF">pdf</a>, <a href="/ps/hep-th/0601001" title="Download PostScript">ps</a>, <a href="/format/hep-th/0601001" title="Other formats">other</a>]</span></dt>
    <dd><div class="meta"><div class="list-title mathjax"><span class="descriptor">Title:</span> Strings on a
      lattice</div>
      <div class="list-authors"><span class="descriptor">Authors:</span> <a href="/find/hep-th/1/au:+Doe_J/0/1/0/all/0/1">Jane Doe</a>, <a href="/find/hep-th/1/au:+Ñúñez_A/0/1/0/all/0/1">Álvaro Ñúñez</a></div>
      <div class="list-comments mathjax"><span class="descriptor">Comments:</span> 10 pages; code at <a href="https://github.com/jdoe/lattice-strings/">this https URL</a></div>
      <div class="list-subjects"><span class="descriptor">Subjects:</span> <span class="primary-subject">High Energy Physics - Theory (hep-th)</span></div>
      <p class="mathjax">We put strings on a lattice
      and measure a 12% gain.</p></div></dd>
    <dt><a name="item2">[2]</a>&nbsp; <span class="list-identifier"><a href="/abs/2301.00002" title="Abstract">arXiv:2301.00002</a></span></dt>
    <dd><div class="meta"><div class="list-title mathjax"><span class="descriptor">Title:</span> Second</div></div></dd>
  </dl></div>`;

  it('reads ids, titles, authors without the descriptor, abstracts and comment links', () => {
    const [first, second] = read(legacy, 'https://arxiv.org/list/hep-th/new');
    expect(withCodeFindings(first!)).toMatchObject({
      key: 'arxiv:hep-th/0601001',
      title: 'Strings on a lattice',
      url: 'https://arxiv.org/abs/hep-th/0601001',
      authors: ['Jane Doe', 'Álvaro Ñúñez'],
      abstract: 'We put strings on a lattice and measure a 12% gain.',
      codeLinks: ['https://github.com/jdoe/lattice-strings'],
    });
    expect(first!.abstractEl?.localName).toBe('p');
    expect(second).toEqual({
      key: 'arxiv:2301.00002',
      title: 'Second',
      url: 'https://arxiv.org/abs/2301.00002',
      authors: [],
      abstract: '',
      codeLinks: [],
      titleEl: expect.anything(),
    });
  });
});

describe('arxiv text after MathJax typesetting', () => {
  it('reads the TeX source, not the rendered copy, so the title is the same before and after', () => {
    const before = `<dl><dt><a href="/abs/1804.00005" title="Abstract">arXiv:1804.00005</a></dt><dd><div class="meta">
      <div class="list-title mathjax"><span class="descriptor">Title:</span> $γ$-Cascade: A Simple Program</div></div></dd></dl>`;
    // MathJax 2 CommonHTML output: preview, rendered spans with assistive MathML, the source in a script.
    const after = `<dl><dt><a href="/abs/1804.00005" title="Abstract">arXiv:1804.00005</a></dt><dd><div class="meta">
      <div class="list-title mathjax"><span class="descriptor">Title:</span> <span class="MathJax_Preview" style="color: inherit;"></span><span class="mjx-chtml MathJax_CHTML" id="MathJax-Element-1-Frame" role="presentation"><span class="mjx-math" aria-hidden="true"><span class="mjx-mrow"><span class="mjx-mi"><span class="mjx-char MJXc-TeX-math-I">γ</span></span></span></span><span class="MJX_Assistive_MathML" role="presentation"><math><mi>γ</mi></math></span></span><script type="math/tex" id="MathJax-Element-1">γ</script>-Cascade: A Simple Program</div></div></dd></dl>`;
    const url = 'https://arxiv.org/list/astro-ph/2018-04';
    expect(read(before, url)[0]!.title).toBe('$γ$-Cascade: A Simple Program');
    expect(read(after, url)[0]!.title).toBe('$γ$-Cascade: A Simple Program');
  });
});

describe('arxiv search results', () => {
  it('dates a paper by its first version when the hit names several', () => {
    const html = `<ol class="breathe-horizontal"><li class="arxiv-result">
      <p class="list-title is-inline-block"><a href="https://arxiv.org/abs/2303.01234">arXiv:2303.01234</a></p>
      <p class="title is-5 mathjax">Versions</p>
      <p class="authors"><span>Authors:</span> <a href="/search/?searchtype=author&amp;query=A">A. One</a>, et al. (30 additional authors not shown)</p>
      <p class="abstract mathjax"><span>Abstract</span>: <span class="abstract-short">Short&hellip; <a class="is-size-7">▽ More</a></span><span class="abstract-full" style="display: none;">The full text with a link https://github.com/a/b. <a class="is-size-7">△ Less</a></span></p>
      <p class="is-size-7"><span>Submitted</span> 5 March, 2023; <span>v1</span> submitted 1 March, 2023; <span>originally announced</span> March 2023.</p>
    </li></ol>`;
    const [card] = read(html, 'https://arxiv.org/search/?query=versions&searchtype=all');
    expect(withCodeFindings(card!)).toMatchObject({
      key: 'arxiv:2303.01234',
      authors: ['A. One'],
      abstract: 'The full text with a link https://github.com/a/b.',
      codeLinks: ['https://github.com/a/b'],
      published: '2023-03-01',
    });
  });

  it('gives the shown abstract paragraph as abstractEl (short and full text both live in it)', () => {
    const document = fixture('search-dark-matter.html', 'https://arxiv.org/search/?query=dark+matter&searchtype=all');
    const card = arxiv.readCard(arxiv.findCards(document)[0]!, 'https://arxiv.org/search/?query=dark+matter&searchtype=all')!;
    expect(card.abstractEl?.matches('p.abstract')).toBe(true);
    expect(card.abstract).not.toMatch(/More|Less|Abstract:/);
  });
});

describe('arxiv abstract page', () => {
  it('falls back to the rendered page when the citation_* meta are missing', () => {
    const document = fixture('abs-2108.10257.html', 'https://arxiv.org/abs/2108.10257v1');
    for (const meta of document.querySelectorAll('meta[name^="citation_"]')) meta.remove();
    const card = arxiv.readCard(arxiv.findCards(document)[0]!, 'https://arxiv.org/abs/2108.10257v1')!;
    expect(card).toMatchObject({
      key: 'arxiv:2108.10257',
      title: 'SwinIR: Image Restoration Using Swin Transformer',
      url: 'https://arxiv.org/abs/2108.10257',
      published: '2021-08-23',
      codeLinks: ['https://github.com/JingyunLiang/SwinIR'],
    });
    expect(card.authors[0]).toBe('Jingyun Liang Jr.');
    expect(card.abstract).toMatch(/^Image restoration is a long-standing .* \$\\textbf\{up to 67%\}\$\.$/);
  });
});

describe('arxiv cards inserted later and missing fields', () => {
  it('finds the cards of an added dl only, under the root it is given', () => {
    const document = fixture('list-recent-astro-ph.EP.html', 'https://arxiv.org/list/astro-ph.EP/recent');
    const dls = document.querySelectorAll('#dlpage dl');
    expect(arxiv.findCards(dls[1]!)).toHaveLength(10);
    expect(arxiv.findCards(dls[0]!)).toHaveLength(0); // "No updates for this time period."
  });

  it('finds the cards among added elements: entries appended one by one, a whole list, a part of an entry', () => {
    const url = 'https://arxiv.org/list/astro-ph.SR/new';
    const document = fixture('list-new-astro-ph.SR.html', url);
    const list = document.querySelector('dl')!;
    const entries = [...list.children].filter((e) => e.localName === 'dt' || e.localName === 'dd').slice(0, 6)
      .map((e) => e.cloneNode(true) as Element);
    const before = new Set(arxiv.findCards(document));
    // Infinite scroll: three entries (dt and dd each) appended to the list.
    for (const entry of entries) list.append(entry);
    const appended = arxiv.findCards(document).filter((card) => !before.has(card));
    expect(appended.map((card) => card.localName)).toEqual(['dd', 'dd', 'dd']);
    expect(arxiv.findAddedCards!(entries)).toEqual(appended);
    // The cards come in the order of the elements, each once; an entry's dd alone finds it through its dt.
    expect(arxiv.findAddedCards!([...entries].reverse())).toEqual([...appended].reverse());
    expect(arxiv.findAddedCards!([entries[3]!])).toEqual([appended[1]]);
    // A whole list added at once, and a link added inside an id line.
    const second = document.createElement('dl');
    second.append(...entries.map((e) => e.cloneNode(true)));
    document.body.append(second);
    expect(arxiv.findAddedCards!([second])).toEqual(arxiv.findCards(second));
    expect(arxiv.findAddedCards!([second.querySelector('dt a')!])).toEqual([second.querySelector('dd')]);
    // An id line without an id link is no card, as for findCards; nor is an element outside any entry, or one gone.
    const bare = loadPage('<dl><dt>[1]</dt><dd>x</dd></dl><p id="p">text</p>', url);
    expect(arxiv.findAddedCards!([bare.querySelector('dt')!, bare.querySelector('dd')!, bare.getElementById('p')!])).toEqual([]);
    const gone = entries[1]!;
    gone.remove();
    expect(arxiv.findAddedCards!([gone])).toEqual([]);
  });

  it('returns undefined for an entry without an abstract link and never throws on empty parts', () => {
    const cards = read('<dl><dt>[1]</dt><dd></dd><dt><a href="/abs/2301.00001" title="Abstract">x</a></dt><dd></dd></dl>', 'https://arxiv.org/list/cs.LG/new');
    expect(cards).toEqual([{ key: 'arxiv:2301.00001', title: '', url: 'https://arxiv.org/abs/2301.00001', authors: [], abstract: '', codeLinks: [] }]);
    const stray = loadPage('<dl><dd id="x"></dd></dl>', 'https://arxiv.org/list/cs.LG/new').getElementById('x')!;
    expect(arxiv.readCard(stray, 'https://arxiv.org/list/cs.LG/new')).toBeUndefined();
    const emptyHit = loadPage('<li class="arxiv-result" id="x"></li>', 'https://arxiv.org/search/').getElementById('x')!;
    expect(arxiv.readCard(emptyHit, 'https://arxiv.org/search/')).toBeUndefined();
  });
});
