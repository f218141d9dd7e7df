// The generic fallback on the shapes of page it is for, beyond the fixture pages in test/fixtures/generic/
// (read by fixtures.test.ts): hand-made (synthetic) snippets for each rule of findCards and readCard.
import { describe, expect, it } from 'vitest';
import { generic } from '../../../src/sites/generic';
import { loadPage } from './load-page';

const PAGE = 'https://lab.example.org/publications/';
const titlesOn = (html: string) => {
  const document = loadPage(html, PAGE);
  return generic.findCards(document).map((card) => generic.readCard(card, PAGE)?.title);
};

describe('generic on repeated paper blocks', () => {
  it('takes blocks that differ only in position classes (views-row-2, odd, last) as one shape', () => {
    const row = (n: number, position: string, id: string, title: string) =>
      `<div class="views-row views-row-${n} views-row-${position}"><div class="views-field-title"><a href="/pub/${n}">${title}</a></div>` +
      `<a href="https://arxiv.org/abs/${id}">arXiv</a></div>`;
    expect(titlesOn(`<div class="view-content">${row(1, 'odd views-row-first', '1706.03762', 'Attention Is All You Need')}` +
      `${row(2, 'even', '1810.04805', 'BERT')}${row(3, 'odd views-row-last', '2010.11929', 'An Image is Worth 16x16 Words')}</div>`))
      .toEqual(['Attention Is All You Need', 'BERT', 'An Image is Worth 16x16 Words']);
  });

  it('reads a paper alone under its year heading as the same kind of card as the others', () => {
    const item = (id: string, title: string) => `<li><div class="entry"><div class="title">${title}</div><a href="https://arxiv.org/abs/${id}">arXiv</a></div></li>`;
    expect(titlesOn(`<main><h2>2021</h2><ol>${item('2108.10257', 'SwinIR')}${item('2103.14006', 'BSRGAN')}</ol>` +
      `<h2>2017</h2><ol>${item('1608.03981', 'DnCNN')}</ol></main>`)).toEqual(['SwinIR', 'BSRGAN', 'DnCNN']);
  });

  it('reads the abstract from the element marked as one, not from the button that shows it', () => {
    const item = (id: string) => `<li><b>Paper ${id}</b> <a class="abstract btn" role="button">Abs</a> <a href="https://arxiv.org/abs/${id}">arXiv</a>` +
      `<div class="abstract hidden"><p>We study ${id}.</p></div></li>`;
    const document = loadPage(`<ul>${item('2001.00001')}${item('2001.00002')}${item('2001.00003')}</ul>`, PAGE);
    const [first] = generic.findCards(document);
    const card = generic.readCard(first!, PAGE);
    expect(card?.abstract).toBe('We study 2001.00001.');
    expect(card?.abstractEl).toBe(document.querySelector('div.abstract'));
  });
});

describe('generic on pages without repeated paper blocks', () => {
  it('finds nothing in prose that cites several papers per paragraph', () => {
    const document = loadPage(`<article>
      <p>Both <a href="https://arxiv.org/abs/1706.03762">the Transformer</a> and <a href="https://arxiv.org/abs/1810.04805">BERT</a> matter.</p>
      <p>Compare <a href="https://arxiv.org/abs/2010.11929">ViT</a> with <a href="https://doi.org/10.1109/CVPR.2016.90">ResNet</a> and <a href="https://arxiv.org/abs/2201.03545">ConvNeXt</a>.</p>
      <p>See <a href="https://arxiv.org/abs/2111.06377">MAE</a> and <a href="https://arxiv.org/abs/2304.02643">SAM</a>.</p></article>`, PAGE);
    expect(generic.findCards(document)).toEqual([]);
  });

  it('finds nothing in a list of two papers, and three once a third is added', () => {
    const item = (id: string, title: string) => `<li><a href="https://arxiv.org/abs/${id}">${title}</a>, A. Author. [<a href="https://arxiv.org/pdf/${id}">pdf</a>]</li>`;
    const document = loadPage(`<ul>${item('1706.03762', 'Attention Is All You Need')}${item('1810.04805', 'BERT: Pre-training of Deep Bidirectional Transformers')}</ul>`, PAGE);
    expect(generic.findCards(document)).toEqual([]);
    // Cards inserted later are found on the next run, as the content script re-runs on mutations.
    const later = loadPage(`<ul>${item('2010.11929', 'An Image is Worth 16x16 Words')}</ul>`, PAGE).querySelector('li')!;
    document.querySelector('ul')!.append(later);
    expect(generic.findCards(document).map((card) => generic.readCard(card, PAGE)?.title)).toEqual([
      'Attention Is All You Need',
      'BERT: Pre-training of Deep Bidirectional Transformers',
      'An Image is Worth 16x16 Words',
    ]);
  });

  it('finds nothing when the same paper is linked from three blocks', () => {
    const block = '<div class="note"><a href="https://arxiv.org/abs/2304.02643">Segment Anything</a> is discussed here.</div>';
    expect(generic.findCards(loadPage(`<main>${block}${block}${block}</main>`, PAGE))).toEqual([]);
  });

  it('reads an element without a paper id as undefined, without throwing', () => {
    const document = loadPage('<div><a href="mailto:x@example.org">mail</a><a href="http://[">bad</a></div>', PAGE);
    expect(generic.readCard(document.querySelector('div')!, PAGE)).toBeUndefined();
  });
});
