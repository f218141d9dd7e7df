// PMLR beyond the fixture page: URL forms, [Software] links as code, entries without an OpenReview link,
// and odd entries that must not throw. Snippets are hand-made (synthetic), in the theme's listpaper.html form.
import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../../src/sites';
import { pmlr } from '../../../src/sites/pmlr';
import { loadPage } from './load-page';

describe('pmlr URLs', () => {
  it('claims volume and paper pages, not the files', () => {
    expect(adapterFor('https://proceedings.mlr.press/v267/')?.id).toBe('pmlr');
    expect(adapterFor('https://proceedings.mlr.press/v235/abad-rocamora24a.html')?.id).toBe('pmlr');
    expect(adapterFor('https://proceedings.mlr.press/v235/abad-rocamora24a/abad-rocamora24a.pdf')).toBeUndefined();
    expect(adapterFor('https://proceedings.mlr.press/')).toBeUndefined();
  });
});

const PAGE = 'https://proceedings.mlr.press/v267/';

describe('pmlr entries', () => {
  it('reads a [Software] link as code and keys by the paper page without OpenReview', () => {
    const document = loadPage(
      `<div class="paper">
        <p class="title">Scaling Laws for Precision</p>
        <p class="details"><span class="authors">Tanishq Kumar,&nbsp;Zachary Ankner,&nbsp;Benjamin F. Spector</span>;
        <span class="info"><i>Proceedings of the 42nd International Conference on Machine Learning</i>, PMLR 267:1-20</span></p>
        <p class="links">[<a href="https://proceedings.mlr.press/v267/kumar25a.html">abs</a>][<a href="https://proceedings.mlr.press/v267/kumar25a/kumar25a.pdf">Download PDF</a>][<a href="https://github.com/tanishqkumar/scaling-law-for-precision" target="_blank">Software</a>]</p>
      </div>`,
      PAGE,
    );
    const [card] = pmlr.findCards(document);
    expect(pmlr.readCard(card!, PAGE)).toMatchObject({
      key: 'url:https://proceedings.mlr.press/v267/kumar25a.html',
      title: 'Scaling Laws for Precision',
      url: 'https://proceedings.mlr.press/v267/kumar25a.html',
      authors: ['Tanishq Kumar', 'Zachary Ankner', 'Benjamin F. Spector'],
      codeLinks: ['https://github.com/tanishqkumar/scaling-law-for-precision'],
    });
  });

  it('skips an entry without any link, without throwing', () => {
    const document = loadPage('<div class="paper"><p class="title">Untitled</p></div><div class="paper"></div>', PAGE);
    const cards = pmlr.findCards(document);
    expect(cards).toHaveLength(1);
    expect(pmlr.readCard(cards[0]!, PAGE)).toBeUndefined();
  });
});
