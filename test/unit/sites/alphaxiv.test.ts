// alphaXiv adapter beyond the fixture loop. alphaXiv's markup is undocumented, so these tests pin the
// structural rules the adapter relies on, on synthetic snippets: a card is the largest element around
// links to one paper; navigation links are not cards; a paper page is one card whatever it links to.
import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../../src/sites';
import { alphaxiv } from '../../../src/sites/alphaxiv';
import { withCodeFindings } from './code-findings';
import { loadPage } from './load-page';

const EXPLORE = 'https://www.alphaxiv.org/explore';

describe('alphaxiv URLs', () => {
  it.each(['https://www.alphaxiv.org/explore?sort=Likes', 'https://alphaxiv.org/abs/2305.18323', 'https://www.alphaxiv.org/overview/hep-th/9901001'])('claims %s', (url) => {
    expect(adapterFor(url)?.id).toBe('alphaxiv');
  });

  it.each(['https://www.alphaxiv.org/', 'https://www.alphaxiv.org/profile/abc', 'https://evilalphaxiv.org/abs/2305.18323'])('leaves %s alone', (url) => {
    expect(adapterFor(url)).toBeUndefined();
  });
});

describe('alphaxiv feed cards', () => {
  it('groups links to one paper into one card and stops at the neighbouring paper', () => {
    const document = loadPage(
      `<main><section><div><div id="a"><a href="/abs/2411.18933"><img alt=""></a><div><a href="/overview/2411.18933"><h3>Efficient Track Anything</h3></a></div></div>
       <div id="b"><a href="https://arxiv.org/abs/2305.18323v2">ReWOO on arXiv</a></div></div></section></main>`,
      EXPLORE,
    );
    const cards = alphaxiv.findCards(document);
    expect(cards.map((c) => c.id)).toEqual(['a', 'b']);
    expect(alphaxiv.readCard(cards[1]!, EXPLORE)).toMatchObject({ key: 'arxiv:2305.18323', title: 'ReWOO on arXiv', url: 'https://www.alphaxiv.org/abs/2305.18323' });
  });

  it('reads a card added later under the root it is given, and gives up on a card without a paper link', () => {
    const document = loadPage('<main><div id="feed"></div></main>', EXPLORE);
    const feed = document.getElementById('feed')!;
    feed.insertAdjacentHTML('beforeend', '<article><a href="/abs/2108.10257"><h2>SwinIR</h2></a><p>too short</p><a href="https://github.com/JingyunLiang/SwinIR/">code</a></article>');
    const [card] = alphaxiv.findCards(feed);
    expect(withCodeFindings(alphaxiv.readCard(card!, EXPLORE)!)).toEqual({
      key: 'arxiv:2108.10257',
      title: 'SwinIR',
      url: 'https://www.alphaxiv.org/abs/2108.10257',
      authors: [],
      abstract: '',
      codeLinks: ['https://github.com/JingyunLiang/SwinIR'],
      codeSources: { 'https://github.com/JingyunLiang/SwinIR': 'card-link' },
      titleEl: expect.anything(),
    });
    expect(alphaxiv.readCard(document.createElement('div'), EXPLORE)).toBeUndefined();
  });
});

describe('alphaxiv paper page', () => {
  it('is one card even when the page links other papers, and reads citation meta when present', () => {
    const url = 'https://www.alphaxiv.org/overview/2305.18323v1';
    const document = loadPage(
      `<head><meta name="citation_title" content="ReWOO"><meta name="citation_author" content="Binfeng Xu"><meta name="citation_author" content="Zhiyuan Peng"></head>
       <body><main><h1>ReWOO (shown)</h1><ul><li><a href="/abs/2411.18933">Related</a></li></ul></main></body>`,
      url,
    );
    const cards = alphaxiv.findCards(document);
    expect(cards.map((c) => c.localName)).toEqual(['main']);
    expect(alphaxiv.readCard(cards[0]!, url)).toMatchObject({ key: 'arxiv:2305.18323', title: 'ReWOO', authors: ['Binfeng Xu', 'Zhiyuan Peng'], abstract: '' });
  });
});
