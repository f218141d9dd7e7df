// Hugging Face adapter beyond the fixture loop: stale hydration JSON after client-side navigation and
// infinite scroll, the compact 2025 card, the older card markup, unknown layouts, and missing fields.
// Snippets written here are synthetic (no fixture page has these variants).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { adapterFor } from '../../../src/sites';
import { huggingface } from '../../../src/sites/huggingface';
import { withCodeFindings } from './code-findings';
import { loadPage } from './load-page';

const DAILY_URL = 'https://huggingface.co/papers/date/2025-12-11';
const daily = () =>
  loadPage(readFileSync(path.resolve(import.meta.dirname, '../../fixtures/huggingface/daily-2025-12-11.html'), 'utf8'), DAILY_URL);

/** An island with the given props and markup, as the server renders it. */
function island(props: unknown, markup: string, url = DAILY_URL): Document {
  const escaped = JSON.stringify(props).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return loadPage(`<main><div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="${escaped}">${markup}</div></main>`, url);
}

afterEach(() => vi.restoreAllMocks());

describe('huggingface URLs', () => {
  it.each([
    'https://huggingface.co/papers',
    'https://huggingface.co/papers/date/2025-12-11',
    'https://huggingface.co/papers?date=2024-05-02',
    'https://huggingface.co/papers/week/2025-W32',
    'https://huggingface.co/papers/month/2025-08?q=diffusion',
    'https://huggingface.co/papers/trending',
    'https://huggingface.co/papers/2305.18323#community',
    'https://huggingface.co/collections/Qwen/qwen3-tts',
  ])('claims %s', (url) => {
    expect(adapterFor(url)?.id).toBe('huggingface');
  });

  it.each(['https://huggingface.co/', 'https://huggingface.co/models?search=papers', 'https://huggingface.co/spaces/akhaliq/papers', 'http://huggingface.co/papers'])(
    'leaves %s alone',
    (url) => {
      expect(adapterFor(url)).toBeUndefined();
    },
  );
});

describe('huggingface cards after the hydration JSON went stale', () => {
  it('reads a card added by infinite scroll from its own markup when the JSON lacks its id', () => {
    const document = daily();
    const grid = document.querySelector('article')!.parentElement!;
    grid.insertAdjacentHTML(
      'beforeend',
      `<article><a href="/papers/2502.13923"><img alt=""></a><h3><a href="/papers/2502.13923">Qwen2.5-VL Technical Report</a></h3>
       <p>We introduce Qwen2.5-VL, the latest flagship model of Qwen vision-language series, which demonstrates significant advancements in both foundational capabilities.</p>
       <div><ul><li>27 authors</li></ul><span>·</span><span>Feb 19, 2025</span>
       <label title="Upvote"><input type="checkbox"><svg></svg><div>1.2k</div></label>
       <a href="https://github.com/QwenLM/Qwen2.5-VL">GitHub 9.8k</a></div></article>`,
    );
    const cards = huggingface.findCards(document);
    expect(cards).toHaveLength(17);
    const card = huggingface.readCard(cards[16]!, DAILY_URL)!;
    expect(card).toMatchObject({
      key: 'arxiv:2502.13923',
      title: 'Qwen2.5-VL Technical Report',
      url: 'https://huggingface.co/papers/2502.13923',
      authors: [],
      codeLinks: ['https://github.com/QwenLM/Qwen2.5-VL'],
      published: '2025-02-19',
    });
    expect(card.abstract).toMatch(/^We introduce Qwen2\.5-VL, .* foundational capabilities\.$/);
    expect(card.abstractEl?.localName).toBe('p');
    expect(card.titleEl?.localName).toBe('h3');
  });

  it('matches JSON to cards by id, not by position, after the cards were re-ordered', () => {
    const document = daily();
    const articles = [...document.querySelectorAll('article')];
    const grid = articles[0]!.parentElement!;
    grid.prepend(articles[15]!); // the last paper is now first, as after a client-side re-sort
    const first = huggingface.readCard(huggingface.findCards(document)[0]!, DAILY_URL)!;
    expect(first.key).toBe('arxiv:2407.30010');
    expect(first.title).toMatch(/^MInference 1\.0/);
    expect(first.authors).toHaveLength(12);
    const second = huggingface.readCard(huggingface.findCards(document)[1]!, DAILY_URL)!;
    expect(second.key).toBe('arxiv:2411.18933');
    expect(second.authors[0]).toBe('Yunyang Xiong');
  });

  it('parses from the hydration JSON only the paper of each card read, once however often the card is read', () => {
    const document = daily();
    const props = document.querySelector('[data-target="DailyPapers"]')!.getAttribute('data-props')!;
    const parse = vi.spyOn(JSON, 'parse');
    const cards = huggingface.findCards(document);
    huggingface.readCard(cards[0]!, DAILY_URL);
    expect(parse).toHaveBeenCalledTimes(1);
    const parsed = String(parse.mock.calls[0]![0]);
    expect(parsed.startsWith('{"id":"2411.18933",')).toBe(true);
    expect(parsed.length).toBeLessThan(props.length / 10);
    for (const card of cards) huggingface.readCard(card, DAILY_URL);
    for (const card of cards) huggingface.readCard(card, DAILY_URL);
    expect(parse).toHaveBeenCalledTimes(16); // the page's 16 papers, each once
  });

  it('reads a paper whose id is not the first key of its object from the whole JSON, parsed once', () => {
    const props = { dailyPapers: [{ paper: { title: 'ReWOO: from the JSON', id: '2305.18323', authors: [{ name: 'Binfeng Xu' }] } }] };
    const document = island(props, '<article><h3><a href="/papers/2305.18323">ReWOO (shown)</a></h3></article>');
    const parse = vi.spyOn(JSON, 'parse');
    const card = huggingface.findCards(document)[0]!;
    expect(huggingface.readCard(card, DAILY_URL)).toMatchObject({ title: 'ReWOO: from the JSON', authors: ['Binfeng Xu'] });
    expect(huggingface.readCard(card, DAILY_URL)).toMatchObject({ title: 'ReWOO: from the JSON' });
    expect(parse.mock.calls.map(([text]) => text)).toEqual([JSON.stringify(props)]);
  });

  it('merges a paper listed twice as the whole JSON would (the first kept, its gaps filled), braces and quotes in its text skipped', () => {
    const props = {
      dailyPapers: [{ paper: { id: '2305.18323', title: 'ReWOO {"id":"x"} \\"} quoted', upvotes: 7 } }],
      trending: [{ id: '2305.18323', title: 'Twin title', summary: 'The twin has the summary.', upvotes: 99, githubRepo: 'https://github.com/billxbf/ReWOO' }],
    };
    const document = island(props, '<article><h3><a href="/papers/2305.18323">ReWOO (shown)</a></h3></article>');
    const card = huggingface.readCard(huggingface.findCards(document)[0]!, DAILY_URL)!;
    expect(card).toMatchObject({ title: 'ReWOO {"id":"x"} \\"} quoted', abstract: 'The twin has the summary.', codeLinks: ['https://github.com/billxbf/ReWOO'] });
  });
});

describe('huggingface cards after the hydration JSON was rewritten', () => {
  it('re-reads props that a client-side update replaced', () => {
    const document = island({ dailyPapers: [] }, '<article><h3><a href="/papers/2305.18323">ReWOO (shown)</a></h3></article>');
    const card = huggingface.findCards(document)[0]!;
    expect(huggingface.readCard(card, DAILY_URL)!.title).toBe('ReWOO (shown)');
    const props = { dailyPapers: [{ paper: { id: '2305.18323', title: 'ReWOO: from the JSON', authors: [{ name: 'Binfeng Xu' }] } }] };
    document.querySelector('[data-props]')!.setAttribute('data-props', JSON.stringify(props));
    expect(huggingface.readCard(card, DAILY_URL)).toMatchObject({ title: 'ReWOO: from the JSON', authors: ['Binfeng Xu'] });
  });
});

describe('huggingface card markup generations', () => {
  it('reads the compact 2025 card (no abstract, no names in the DOM) from the JSON, without abstractEl', () => {
    const document = island(
      {
        dailyPapers: [
          {
            paper: {
              id: '2508.10711',
              title: 'A Compact Card',
              summary: 'An abstract that only the hydration JSON carries.\n  Code: https://github.com/org/repo.',
              authors: [{ name: 'Ana Núñez' }, { name: 'Bo Li' }],
              publishedAt: '2025-08-14T17:59:00.000Z',
              upvotes: 42,
              githubRepo: 'https://github.com/org/repo',
              projectPage: 'https://org.github.io/compact',
            },
          },
        ],
      },
      `<section><article><a href="/papers/2508.10711"><img alt=""></a><h3><a href="/papers/2508.10711">A Compact Card</a></h3>
       <div><ul><li title="Ana Núñez"><img alt=""></li><li>2 authors</li></ul></div>
       <label><input type="checkbox"><div>42</div></label><a href="/papers/2508.10711#community">3</a></article></section>`,
    );
    const card = huggingface.readCard(huggingface.findCards(document)[0]!, DAILY_URL)!;
    expect(withCodeFindings(card)).toMatchObject({
      key: 'arxiv:2508.10711',
      authors: ['Ana Núñez', 'Bo Li'],
      abstract: 'An abstract that only the hydration JSON carries. Code: https://github.com/org/repo.',
      codeLinks: ['https://github.com/org/repo', 'https://org.github.io/compact'],
      // The repository is written in the summary; the project page only in the paper's data.
      codeSources: { 'https://github.com/org/repo': 'abstract', 'https://org.github.io/compact': 'site-data' },
      published: '2025-08-14',
    });
    expect(card.abstractEl).toBeUndefined();
  });

  it('reads the older card with names, abstract and GitHub link in the DOM (no JSON)', () => {
    const document = loadPage(
      `<main><div class="from-gray-50-to-white"><article><h3><a href="/papers/2306.01685">MKOR: Momentum-Enabled Kronecker-Factor-Based Optimizer Using Rank-1 Updates</a></h3>
       <ul><li>Mohammad Mozaffari</li><li>Sikan Li</li><li>Zhao Zhang</li><li>Maryam Mehri Dehnavi</li></ul>
       <p>This work proposes a Momentum-Enabled Kronecker-Factor-Based Optimizer Using Rank-1 updates, called MKOR, that improves the training time.</p>
       <a href="https://github.com/Mohammad-Mozaffari/mkor/tree/main">github</a></article></div></main>`,
      'https://huggingface.co/papers?date=2023-06-05',
    );
    const card = huggingface.readCard(huggingface.findCards(document)[0]!, 'https://huggingface.co/papers?date=2023-06-05')!;
    expect(card.authors).toEqual(['Mohammad Mozaffari', 'Sikan Li', 'Zhao Zhang', 'Maryam Mehri Dehnavi']);
    expect(card.codeLinks).toEqual(['https://github.com/Mohammad-Mozaffari/mkor/tree/main']);
    expect(withCodeFindings(card).codeLinks).toEqual(['https://github.com/Mohammad-Mozaffari/mkor']);
    expect(card.abstract).toMatch(/^This work proposes/);
    expect(card.published).toBeUndefined();
  });

  it('finds cards of a layout without <article> (one card per paper, header links ignored)', () => {
    const document = loadPage(
      `<header><a href="/papers/2411.18933">Paper of the day</a></header><main><div class="SVELTE_HYDRATER contents" data-target="SomeList" data-props="{}"><ul>
       <li><a href="/papers/2411.18933"><img alt=""></a><div><a href="/papers/2411.18933"><h4>Efficient Track Anything</h4></a><span>Nov 28, 2024</span></div></li>
       <li><a href="/papers/2305.18323"><h4>ReWOO</h4></a></li><li><a href="/papers/trending">Trending</a></li></ul></div></main>`,
      'https://huggingface.co/collections/someone/list-0123',
    );
    const cards = huggingface.findCards(document);
    expect(cards.map((c) => c.localName)).toEqual(['li', 'li']);
    const read = cards.map((c) => huggingface.readCard(c, 'https://huggingface.co/collections/someone/list-0123')!);
    expect(read.map((c) => [c.key, c.title, c.published])).toEqual([
      ['arxiv:2411.18933', 'Efficient Track Anything', '2024-11-28'],
      ['arxiv:2305.18323', 'ReWOO', undefined],
    ]);
    expect(read[0]!.titleEl?.localName).toBe('h4');
  });

  it('finds only the cards under the root it is given (cards inserted later)', () => {
    const document = daily();
    const article = document.querySelectorAll('article')[3]!;
    const container = document.createElement('div');
    article.replaceWith(container);
    container.append(article);
    expect(huggingface.findCards(container)).toEqual([article]);
  });
});

describe('huggingface dates and links', () => {
  /** A compact card of paper 2508.10711 with this label text on its upvote toggle (which no reader uses) and these extra links. */
  const card = (votes: string, links = '', publishedAt?: string) => {
    const props = { dailyPapers: [{ paper: { id: '2508.10711', title: 'A Card', upvotes: 5, ...(publishedAt && { publishedAt }) } }] };
    const document = island(props, `<article><h3><a href="/papers/2508.10711">A Card</a></h3><label><input type="checkbox"><div>${votes}</div></label>${links}</article>`);
    return huggingface.readCard(huggingface.findCards(document)[0]!, DAILY_URL)!;
  };

  it.each([
    ['2025-08-14T17:59:00.000Z', '2025-08-14'], ['2025-08-14', '2025-08-14'], ['2025-13-01T00:00:00Z', undefined], ['5 Apr 2007', '2007-04-05'],
  ])('reads the JSON date %j as %j', (publishedAt, published) => {
    expect(card('1', '', publishedAt).published).toBe(published);
  });

  it('keeps off-site code links and leaves out Hugging Face\'s own pages, subdomains included', () => {
    const links = `<a href="/Qwen">Qwen</a><a href="https://huggingface.co/spaces/x/demo">Code</a><a href="https://discuss.huggingface.co/t/1">code</a>
      <a href="//github.com/org/repo">GitHub</a><a href="https://hf.co/org/model">model</a><a href="mailto:a@b.c">Code</a><a href="">Code</a>`;
    expect(card('1', links).codeLinks).toEqual(['https://github.com/org/repo', 'https://hf.co/org/model']);
  });
});

describe('huggingface never throws', () => {
  it('skips a card without a paper id and survives malformed props and empty cards', () => {
    const document = loadPage(
      `<main><div data-target="DailyPapers" data-props="{not json"><article><h3><a href="/papers/2411.18933"></a></h3></article>
       <article><h3><a href="/papers/date/2025-12-10">Yesterday</a></h3></article></div></main>`,
      DAILY_URL,
    );
    const cards = huggingface.findCards(document);
    expect(cards).toHaveLength(1);
    expect(huggingface.readCard(cards[0]!, DAILY_URL)).toEqual({
      key: 'arxiv:2411.18933',
      title: '',
      url: 'https://huggingface.co/papers/2411.18933',
      authors: [],
      abstract: '',
      codeLinks: [],
    });
    const loose = document.createElement('article');
    expect(huggingface.readCard(loose, DAILY_URL)).toBeUndefined();
  });

  it('counts a paper page as one card, whatever other papers its comments link', () => {
    const html = readFileSync(path.resolve(import.meta.dirname, '../../fixtures/huggingface/paper-2305.18323.html'), 'utf8');
    const document = loadPage(html, 'https://huggingface.co/papers/2305.18323');
    document.querySelector('main')!.insertAdjacentHTML(
      'beforeend',
      `<div class="SVELTE_HYDRATER contents" data-target="DiscussionComments" data-props="{}"><div class="prose"><p>Similar papers:</p>
       <ul><li><a href="https://huggingface.co/papers/2411.18933">Efficient Track Anything</a> (2024)</li><li><a href="/papers/2206.01191">EfficientFormer</a></li></ul></div></div>`,
    );
    expect(huggingface.findCards(document).map((c) => c.getAttribute('data-target'))).toEqual(['PaperContent']);
  });

  it('reads a paper page whose island lost its props from the page itself', () => {
    const html = readFileSync(path.resolve(import.meta.dirname, '../../fixtures/huggingface/paper-2305.18323.html'), 'utf8');
    const document = loadPage(html, 'https://huggingface.co/papers/2305.18323');
    document.querySelector('[data-target="PaperContent"]')!.setAttribute('data-props', '{}');
    const card = huggingface.readCard(huggingface.findCards(document)[0]!, 'https://huggingface.co/papers/2305.18323')!;
    expect(card.title).toBe('ReWOO: Decoupling Reasoning from Observations for Efficient Augmented Language Models');
    expect(card.authors).toEqual(['Binfeng Xu', 'Zhiyuan Peng', 'Bowen Lei', 'Subhabrata Mukherjee', 'Yuchen Liu', 'Dongkuan Xu']);
    expect(card.abstract).toMatch(/^Augmented Language Models \(ALMs\) blend .* ALM systems\.$/);
    expect(card.published).toBe('2023-05-23');
  });
});

describe('huggingface cards added to the page', () => {
  it('finds the articles among added elements as findCards finds them in the page, without the rest of the page', () => {
    const document = daily();
    const articles = huggingface.findCards(document);
    const before = new Set(articles);
    // Infinite scroll: three more articles appended where the others are.
    const added = articles.slice(0, 3).map((article) => article.cloneNode(true) as Element);
    articles[0]!.parentElement!.append(...added);
    const appended = huggingface.findCards(document).filter((card) => !before.has(card));
    expect(appended).toEqual(added);
    const findCards = vi.spyOn(huggingface, 'findCards');
    expect(huggingface.findAddedCards!(added)).toEqual(appended);
    // A block of articles added at once; an element added inside an article (its title rendered) finds that article.
    const block = document.createElement('div');
    block.append(...added.map((article) => article.cloneNode(true)));
    document.querySelector('main')!.append(block);
    expect(huggingface.findAddedCards!([block])).toEqual([...block.children]);
    expect(huggingface.findAddedCards!([block.querySelector('h3')!])).toEqual([block.firstElementChild]);
    expect(findCards).not.toHaveBeenCalled();
    // An article without a paper link, a link in the page's header, and an element gone are no cards.
    const empty = document.createElement('article');
    empty.textContent = 'Loading…';
    document.querySelector('main')!.append(empty);
    const header = document.createElement('header');
    header.innerHTML = '<a href="/papers/2411.18933">Paper of the day</a>';
    document.body.prepend(header);
    const gone = added[1]!;
    gone.remove();
    expect(huggingface.findAddedCards!([empty, header, gone])).toEqual([]);
  });

  it('scans the whole page for a paper link added outside any article (its card depends on the page around it)', () => {
    const url = 'https://huggingface.co/collections/someone/list-0123';
    const document = loadPage(
      `<main><div data-target="SomeList" data-props="{}"><ul id="list">
       <li><a href="/papers/2411.18933"><h4>Efficient Track Anything</h4></a></li></ul></div></main>`,
      url,
    );
    const item = document.createElement('li');
    item.innerHTML = '<a href="/papers/2305.18323"><h4>ReWOO</h4></a>';
    document.getElementById('list')!.append(item);
    expect(huggingface.findAddedCards!([item])).toEqual(huggingface.findCards(document));
    expect(huggingface.findCards(document)).toEqual([...document.querySelectorAll('li')]);
  });
});
