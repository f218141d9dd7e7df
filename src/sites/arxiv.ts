// arXiv (arxiv.org): listings (/list/<cat>/new, /recent, /pastweek, /<month>), search results
// (/search/, advanced search) and the abstract page /abs/<id>. All server-rendered by arXiv's own Flask
// apps (arxiv-browse, arxiv-search). Listings are read in their current markup (2024 on) and in the
// legacy one (`span.list-identifier` around the links, an "Authors:" descriptor): the selectors below
// hold for both.
import { parsePaperId } from '../core/paper-id';
import { absoluteUrl, codeHrefsOf, isoDate, safely, toCard } from './lib/read';
import { meta, isoFromMeta, metaAll } from './lib/meta';
import { normalizeSpace, textOf } from './lib/text';
import type { PaperCard, SiteAdapter } from './types';

/** The listing's id link: `title="Abstract"` in every markup generation, `/abs/` as a fallback. */
const ABS_LINK = 'a[title="Abstract"], a[href*="/abs/"]';

/** What a card is found by: a listing entry's id line (`dt`), a search hit, the abstract page. */
const CARD_ROOT = 'dl > dt, li.arxiv-result, div#abs';

/** The card a root stands for: a listing's id line gives the entry (`dd`) after it, when it holds an id link. */
function cardOfRoot(root: Element): Element | undefined {
  if (root.localName !== 'dt') return root;
  const entry = root.nextElementSibling;
  return entry?.localName === 'dd' && root.querySelector(ABS_LINK) ? entry : undefined;
}

// MathJax leaves its rendering beside the TeX it typeset: MathJax 2 keeps the source in
// <script type="math/tex"> and adds visual spans (plus assistive MathML). We read the TeX source and skip
// the rendering, so a title reads the same before and after typesetting.
const MATHJAX_RENDERING = /(?:^|\s)(?:MathJax(?:_\w+)?|mjx-chtml|MJX_Assistive_MathML)(?:\s|$)/;

/** MathJax's TeX source in place of its script, and nothing for the rendering it put beside it. */
function mathJaxSource(el: Element): string | undefined {
  if (el.localName === 'script') {
    const type = el.getAttribute('type') ?? '';
    if (type.startsWith('math/tex')) return type.includes('display') ? ` $$${el.textContent}$$ ` : `$${el.textContent}$`;
    return undefined;
  }
  return MATHJAX_RENDERING.test(el.className) ? '' : undefined;
}

/** Whitespace-normalised text of `el`, without chrome (`skip`), scripts or MathJax's rendered copy. */
const texText = (el: Element | null | undefined, skip = '.descriptor') => textOf(el, { skip, replace: mathJaxSource });

const textsOf = (els: Iterable<Element>) => [...els].map((el) => texText(el)).filter(Boolean);

/** Code links a part of the card gives (comments say "Code: <link>"); none when the part is absent. */
const codeHrefsIn = (el: Element | null | undefined, base: string) => (el ? codeHrefsOf(el, base) : []);

/** A listing entry: the `dd` (title, authors, abstract on /new) after the `dt` that holds the id links. */
function readListing(dd: Element, pageUrl: string): PaperCard | undefined {
  const dt = dd.previousElementSibling;
  const link = dt?.localName === 'dt' ? dt.querySelector(ABS_LINK) : null;
  const url = absoluteUrl(link?.getAttribute('href'), pageUrl);
  if (!url) return undefined;
  const titleEl = dd.querySelector('.list-title') ?? undefined;
  // /new shows the abstract as a bare <p> in div.meta; replacements carry an empty one.
  const abstractEl = dd.querySelector('.meta > p, p.mathjax') ?? undefined;
  return toCard({
    ids: [url],
    title: texText(titleEl),
    url,
    // Two simple queries: a combinator selector from an element (`.list-authors a`) costs ~10x more in
    // Chromium, which matters on 600-entry listings.
    authors: textsOf(dd.querySelector('.list-authors')?.getElementsByTagName('a') ?? []),
    abstract: texText(abstractEl),
    abstractEl,
    titleEl,
    codeHrefs: codeHrefsIn(dd.querySelector('.list-comments'), pageUrl),
    codeSource: 'comments',
  });
}

/** A search hit: `li.arxiv-result`. The abstract's full text sits hidden beside the visible short one. */
function readSearchResult(li: Element, pageUrl: string): PaperCard | undefined {
  const url = absoluteUrl(li.querySelector('.list-title a[href*="/abs/"]')?.getAttribute('href'), pageUrl);
  if (!url) return undefined;
  const doi = li.querySelector('.tags a[href*="doi.org/"]')?.getAttribute('href');
  const titleEl = li.querySelector('p.title') ?? undefined;
  const abstractBox = li.querySelector('p.abstract') ?? undefined;
  const full = li.querySelector('.abstract-full') ?? li.querySelector('.abstract-short');
  // "Submitted 5 March, 2023; v1 submitted 1 March, 2023; originally announced …": v1 is publication.
  const dates = texText(li.querySelector('p.is-size-7'));
  const v1 = /v1 submitted ([^;]+)/i.exec(dates)?.[1];
  const submitted = /Submitted ([^;]+)/.exec(dates)?.[1];
  return toCard({
    ids: doi ? [url, doi] : [url],
    title: texText(titleEl),
    url,
    authors: textsOf(li.querySelectorAll('p.authors a')),
    abstract: texText(full, 'a:not([href]), .descriptor'), // without the "▽ More" / "△ Less" toggles
    // The paragraph holds both the shown short text and the expandable full one: highlights go to both.
    abstractEl: abstractBox,
    titleEl,
    codeHrefs: [...li.querySelectorAll('p.comments')].flatMap((p) => codeHrefsOf(p, pageUrl)),
    codeSource: 'comments',
    published: isoDate(v1 ?? submitted ?? ''),
  });
}

/** The abstract page: `citation_*` meta first (arXiv's own metadata), the rendered page for the rest. */
function readAbstractPage(abs: Element, pageUrl: string): PaperCard | undefined {
  const doc = abs.ownerDocument;
  const fromUrl = parsePaperId(pageUrl);
  const arxivId = meta(doc, 'citation_arxiv_id') ?? (fromUrl?.kind === 'arxiv' ? fromUrl.id : undefined);
  if (!arxivId) return undefined;
  const url = `https://arxiv.org/abs/${arxivId}`;
  const doi = meta(doc, 'citation_doi');
  const titleEl = abs.querySelector('h1.title') ?? undefined;
  const abstractEl = abs.querySelector('blockquote.abstract') ?? undefined;
  // Display names from the page ("Jingyun Liang Jr."), not citation_author's "Liang, Jr., Jingyun",
  // which cannot be turned back into a display name without guessing.
  const shownAuthors = textsOf(abs.querySelectorAll('.authors a'));
  return toCard({
    ids: doi ? [url, doi] : [url],
    title: normalizeSpace(meta(doc, 'citation_title') ?? texText(titleEl)),
    url,
    authors: shownAuthors.length ? shownAuthors : metaAll(doc, 'citation_author'),
    abstract: normalizeSpace(meta(doc, 'citation_abstract') ?? texText(abstractEl)),
    abstractEl,
    titleEl,
    codeHrefs: codeHrefsIn(abs.querySelector('td.comments'), pageUrl),
    codeSource: 'comments',
    published:
      isoFromMeta(meta(doc, 'citation_date')) ??
      isoFromMeta(meta(doc, 'citation_publication_date')) ??
      isoDate(/Submitted on ([^(\]]+)/.exec(texText(abs.querySelector('.dateline')))?.[1] ?? ''),
  });
}

/** arXiv's search forms (/search/advanced, /search/cs, a search asked nothing) list no paper. */
function isSearchForm(url: URL): boolean {
  return url.pathname.startsWith('/search') && !(url.searchParams.get('query') || url.searchParams.get('terms-0-term'))?.trim();
}

/**
 * A listing with no entry for its period (a month or year before anything was announced, a quiet category's `new`):
 * arxiv-browse writes each empty section as `dl#articles` holding only "No updates for this time period.", and a
 * `new` page without any section "No updates today." in `#dlpage` (browse/templates/list/list_macros.html and
 * new.html). Every list on the page must say so: a day's list emptied beside days renamed away is a layout change.
 */
function saysNoUpdates(doc: Document): boolean {
  const page = doc.getElementById('dlpage');
  const said = (el: Element | null | undefined) => /^\s*No updates (?:for this time period|today)\.\s*$/.test(el?.textContent ?? '');
  const lists = page ? [...page.querySelectorAll('dl')] : [];
  return lists.length > 0 ? lists.every((list) => [...list.children].some(said)) : [...(page?.children ?? [])].some(said);
}

export const arxiv: SiteAdapter = {
  id: 'arxiv',
  name: 'arXiv',
  matches: ['https://arxiv.org/list/*', 'https://arxiv.org/abs/*', 'https://arxiv.org/search/*'],
  selectors: {
    listingEntry: 'dl > dt',
    listingTitle: '.list-title',
    abstractLink: ABS_LINK,
    searchResult: 'li.arxiv-result',
    abstractPage: 'div#abs',
  },
  emptyReason: (doc) => (isSearchForm(new URL(doc.URL)) ? 'search form'
    : /produced no results/.test(doc.querySelector('p.has-text-warning')?.textContent ?? '') ? 'no results'
      : saysNoUpdates(doc) ? 'no updates' : undefined),
  findCards(root) {
    // One query in document order: listing ids (dt, whose dd is the card), search hits, the abstract page.
    const cards: Element[] = [];
    for (const el of root.querySelectorAll(CARD_ROOT)) {
      const card = cardOfRoot(el);
      if (card) cards.push(card);
    }
    return cards;
  },
  findAddedCards(added) {
    // Each added element: the card it is part of (an entry's id line, or its dd whose id line is just before it),
    // then the cards in its subtree. On a 600-entry listing this replaces a query over the whole page per batch.
    const cards = new Set<Element>();
    for (const element of added) {
      if (!element.isConnected) continue;
      const around = element.closest(`${CARD_ROOT}, dl > dd`);
      const root = around?.localName === 'dd' ? around.previousElementSibling : around;
      const card = root?.matches(CARD_ROOT) ? cardOfRoot(root) : undefined;
      if (card) cards.add(card);
      for (const inner of element.querySelectorAll(CARD_ROOT)) {
        const innerCard = cardOfRoot(inner);
        if (innerCard) cards.add(innerCard);
      }
    }
    // In the order found, not sorted: ordering siblings costs Chromium a walk of their parent's children per
    // comparison, several milliseconds for 100 entries of a 600-entry list.
    return [...cards];
  },
  readCard(card, pageUrl) {
    return safely(() => {
      if (card.localName === 'dd') return readListing(card, pageUrl);
      if (card.classList.contains('arxiv-result')) return readSearchResult(card, pageUrl);
      if (card.id === 'abs') return readAbstractPage(card, pageUrl);
      return undefined;
    });
  },
};
