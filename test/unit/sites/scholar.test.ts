// Google Scholar beyond the fixture page: URL forms, older card markup, chrome the card may carry, and
// odd cards that must not throw. The HTML snippets here are hand-made (synthetic), shaped after the
// result cards quoted in public code (see test/fixtures/scholar/PROVENANCE.md).
import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../../src/sites';
import { scholar } from '../../../src/sites/scholar';
import { withCodeFindings } from './code-findings';
import { loadPage } from './load-page';

const PAGE = 'https://scholar.google.de/scholar?hl=de&q=relay+selection';
const read = (html: string, url = PAGE) => {
  const cards = scholar.findCards(loadPage(html, url));
  return { cards, records: cards.map((card) => scholar.readCard(card, url)) };
};

describe('scholar URLs', () => {
  it.each([
    'https://scholar.google.com/scholar?q=attention&hl=en',
    'https://scholar.google.co.uk/scholar?hl=en&as_sdt=0,5&q=bert',
    'https://scholar.google.com.hk/scholar?q=%E6%B7%B1%E5%BA%A6%E5%AD%A6%E4%B9%A0',
    'https://scholar.google.com/scholar?q=related:0Rc3D9aPOS0J:scholar.google.com/&hl=en',
  ])('claims %s', (url) => expect(adapterFor(url)?.id).toBe('scholar'));

  it.each([
    'https://scholar.google.com/',
    'https://scholar.google.com/citations?user=JicYPdAAAAAJ&hl=en',
    'https://scholar.google.com/scholar_lookup?title=Attention',
    'https://www.google.com/scholar?q=x',
    'https://scholar.google.example.com/scholar?q=x',
  ])('leaves %s alone', (url) => expect(adapterFor(url)).toBeUndefined());
});

describe('scholar cards', () => {
  it('reads an older card without data-cid, with absolute profile links and an [HTML] side link', () => {
    const { cards, records } = read(`<div id="gs_res_ccl_mid">
      <div class="gs_r"><div class="gs_ggs gs_fl"><div class="gs_ggsd"><div class="gs_or_ggsm">
        <a href="https://dl.acm.org/doi/pdf/10.1145/3292500.3330701"><span class="gs_ctg2">[HTML]</span> acm.org</a>
        <a href="https://scholar.lib.example.edu/openurl?id=doi:10.1145/3292500.3330701">Full View</a></div></div></div>
      <div class="gs_ri"><h3 class="gs_rt"><span class="gs_ctc"><span class="gs_ct1">[HTML]</span><span class="gs_ct2">[HTML]</span></span>
        <a href="https://dl.acm.org/doi/abs/10.1145/3292500.3330701">Optuna: A Next-generation Hyperparameter Optimization Framework</a></h3>
      <div class="gs_a"><a href="https://scholar.google.com/citations?user=abc">T Akiba</a>, S Sano, T Yanase, T Ohta…&nbsp;- Proceedings of the 25th ACM SIGKDD …, 2019 - dl.acm.org</div>
      <div class="gs_rs">… We introduce Optuna, code at <b>github.com/optuna/optuna</b>. …</div></div></div>
      <div class="gs_r"><h3 class="gs_rt"><a href="/citations?view_op=search_authors&amp;mauthors=akiba">User profiles for akiba</a></h3></div>
    </div>`);
    expect(cards).toHaveLength(1);
    expect(withCodeFindings(records[0]!)).toMatchObject({
      key: 'doi:10.1145/3292500.3330701',
      title: 'Optuna: A Next-generation Hyperparameter Optimization Framework',
      url: 'https://dl.acm.org/doi/abs/10.1145/3292500.3330701',
      authors: ['T Akiba', 'S Sano', 'T Yanase', 'T Ohta'],
      abstract: '… We introduce Optuna, code at github.com/optuna/optuna. …',
      codeLinks: ['https://github.com/optuna/optuna'],
    });
    expect(records[0]!.aliases).toBeUndefined();
  });

  it('takes the arXiv key from a side link and keeps the publisher DOI as an alias', () => {
    const { records } = read(`<div class="gs_r gs_or gs_scl" data-cid="a1">
      <div class="gs_ggs gs_fl"><div class="gs_ggsd"><div class="gs_or_ggsm"><a href="https://arxiv.org/pdf/1706.03762"><span class="gs_ctg2">[PDF]</span> arxiv.org</a></div></div></div>
      <div class="gs_ri"><h3 class="gs_rt"><a id="a1" href="https://proceedings.neurips.cc/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html">Attention is all you need</a></h3>
      <div class="gs_a">A Vaswani, N Shazeer, N Parmar…&nbsp;- Advances in neural …, 2017 - proceedings.neurips.cc</div><div class="gs_rs"></div></div></div>
      <div class="gs_r gs_or gs_scl" data-cid="b2">
      <div class="gs_ggs gs_fl"><div class="gs_ggsd"><div class="gs_or_ggsm"><a href="https://arxiv.org/pdf/1512.03385"><span class="gs_ctg2">[PDF]</span> arxiv.org</a></div></div></div>
      <div class="gs_ri"><h3 class="gs_rt"><a id="b2" href="https://doi.org/10.1109/CVPR.2016.90">Deep residual learning for image recognition</a></h3>
      <div class="gs_a">K He, X Zhang, S Ren, J Sun&nbsp;- Proceedings of the IEEE …, 2016 - openaccess.thecvf.com</div></div></div>`);
    expect(records.map((r) => [r?.key, r?.aliases])).toEqual([
      ['arxiv:1706.03762', ['url:https://proceedings.neurips.cc/paper_files/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html']],
      ['arxiv:1512.03385', ['doi:10.1109/cvpr.2016.90']],
    ]);
    expect(records[0]!.abstract).toBe('');
    expect(records[0]!.abstractEl).toBeUndefined();
  });

  it('skips a [CITATION] card and never throws on an empty or broken card', () => {
    const { cards, records } = read(`<div class="gs_r gs_or gs_scl" data-cid="c1"><div class="gs_ri">
        <h3 class="gs_rt"><span class="gs_ctu"><span class="gs_ct1">[CITATION]</span></span> <span id="c1">A cited work</span></h3>
        <div class="gs_a">J Doe&nbsp;- 1999</div></div></div>
      <div class="gs_r gs_or gs_scl" data-cid="c2"></div>
      <div class="gs_r gs_or gs_scl" data-cid="c3"><div class="gs_ri"><h3 class="gs_rt"><a href="http://[broken">x</a></h3></div></div>`);
    expect(cards).toHaveLength(3);
    expect(records).toEqual([undefined, undefined, undefined]);
  });

  it('finds cards added to the page later (the next page loaded in place)', () => {
    const document = loadPage('<div id="gs_res_ccl_mid"></div>', PAGE);
    const list = document.getElementById('gs_res_ccl_mid')!;
    expect(scholar.findCards(document)).toEqual([]);
    const card = document.createElement('div');
    card.className = 'gs_r gs_or gs_scl';
    card.setAttribute('data-cid', 'x');
    const heading = card.appendChild(document.createElement('h3'));
    heading.className = 'gs_rt';
    const link = heading.appendChild(document.createElement('a'));
    link.href = 'https://arxiv.org/abs/2401.00001';
    link.textContent = 'A later card';
    list.append(card);
    expect(scholar.findCards(document).map((c) => scholar.readCard(c, PAGE)?.key)).toEqual(['arxiv:2401.00001']);
  });
});
