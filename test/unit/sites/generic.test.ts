// The generic fallback on the real pages of the other sites, with their own adapters out of the way:
// it should find most of their cards, under the keys and titles the site adapters give. And on pages
// without repeated paper blocks it must find nothing. Hand-made snippets here are synthetic.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapters } from '../../../src/sites';
import { generic } from '../../../src/sites/generic';
import { loadPage } from './load-page';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

/** Real pages of other sites: how many cards the generic adapter finds there, and why not all. */
const PAGES: Array<[page: string, found: number, note: string]> = [
  ['scholar/results-relay-selection', 8, 'the [BOOK] and [CITATION] cards carry no paper id'],
  ['semanticscholar/search-complex-networks', 9, 'one row has no arXiv or DOI button'],
  ['acl/volume-2023.alta-1', 24, 'all 23 papers, plus the front matter (a paper id too)'],
  ['acl/event-alta-2023', 24, 'as on the volume page'],
  ['cvf/CVPR2024-day-all', 11, 'the 11 entries with an [arXiv] link'],
  ['pmlr/v235', 34, 'every entry links its OpenReview forum'],
  ['neurips/paper-2023', 0, 'the listing links no arXiv, DOI, ACL or OpenReview id'],
  ['arxiv/list-new-astro-ph.SR', 25, 'dt/dd entries: the id links in the dt, the title in the dd'],
  ['arxiv/list-recent-astro-ph.EP', 37, 'all entries'],
  ['arxiv/list-month-astro-ph-2018-04', 50, 'all entries'],
  ['arxiv/search-dark-matter', 12, 'all results'],
  ['arxiv/abs-2108.10257', 0, 'a single paper page'],
  ['arxiv/abs-astro-ph-0301632', 0, 'a single paper page (old-style id)'],
  ['huggingface/daily-2025-12-11', 16, 'all cards (relative /papers/<id> links)'],
  ['huggingface/search-computation-efficiency', 15, 'all results'],
  ['huggingface/paper-2305.18323', 0, 'a single paper page'],
  ['openreview/venue-ICML2024-accept-poster', 34, 'all notes (relative /forum?id= links)'],
  ['openreview/forum-GiHo83ozsF', 0, 'a single paper page'],
];

function load(page: string) {
  const site = page.split('/')[0]!;
  const expected = JSON.parse(readFileSync(path.join(FIXTURES, `${page}.expected.json`), 'utf8')) as { url: string };
  const document = loadPage(readFileSync(path.join(FIXTURES, `${page}.html`), 'utf8'), expected.url);
  return { adapter: adapters.find((a) => a.id === site)!, url: expected.url, document };
}

describe.each(PAGES)('generic on %s', (page, found, note) => {
  const { adapter, url, document } = load(page);
  const byKey = new Map(adapter.findCards(document).flatMap((card) => {
    const read = adapter.readCard(card, url);
    return read ? [[read.key, read] as const] : [];
  }));
  const cards = generic.findCards(document).map((card) => generic.readCard(card, url));

  it(`finds ${found} cards (${note})`, () => {
    expect(cards).toHaveLength(found);
    expect(cards.every(Boolean)).toBe(true);
  });

  it('reads them under the key and title the site adapter gives', () => {
    const frontMatter = cards.filter((card) => card && /\.0$/.test(card.key));
    for (const card of cards) {
      if (frontMatter.includes(card)) continue;
      const site = byKey.get(card!.key);
      expect(site, card!.key).toBeDefined();
      expect(card!.title).toBe(site!.title);
    }
  });
});

describe('generic on pages without repeated paper blocks', () => {
  const PAGE = 'https://blog.example.org/post/';
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
