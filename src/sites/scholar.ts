// Google Scholar result pages (/scholar?q=…, ?cites=…, ?cluster=…) on the main country domains.
// Server-rendered, ten cards per page: `div.gs_r[data-cid]` (Zotero's selector), title `h3.gs_rt` with
// a link to the publisher (none on [CITATION] entries), full-text side links in `.gs_ggs`, byline
// `.gs_a` "authors - venue, year - host", snippet `.gs_rs`. Scholar carries no abstract: the snippet
// (a truncated excerpt around the query terms) is all there is, so it is returned as the abstract.
// Cards without data-cid (older saved pages) are found through their `.gs_ri` body.
import type { PaperCard, SiteAdapter } from './types';
import { absoluteUrl, codeHrefsOf, hrefsOf, safely, splitAuthors, toCard } from './lib/read';
import { normalizeSpace, textOf } from './lib/text';
import { parsePaperId } from '../core/paper-id';

/** Country domains that serve Scholar with the same markup (the largest user bases). */
const SCHOLAR_HOSTS = [
  'scholar.google.com', 'scholar.google.co.uk', 'scholar.google.de', 'scholar.google.fr', 'scholar.google.es',
  'scholar.google.it', 'scholar.google.nl', 'scholar.google.ch', 'scholar.google.ca', 'scholar.google.com.au',
  'scholar.google.com.br', 'scholar.google.co.in', 'scholar.google.co.jp', 'scholar.google.co.kr',
  'scholar.google.com.hk', 'scholar.google.com.tw',
];

/** "[PDF]", "[BOOK]", "[CITATION]" prefixes before the title. */
const TITLE_PREFIX = '.gs_ctc, .gs_ctu, .gs_ct1, .gs_ct2';

/** Scholar's own links (profiles, "cited by", library resolvers on scholar hosts) are not the paper. */
const isScholarLink = (url: string) => /^https?:\/\/scholar\.google\.[a-z.]+\//i.test(url);

/**
 * Google Books links carry the query and a per-search signature (`dq`, `ots`, `sig`): the volume id
 * alone names the book, so it is the link kept for the key.
 */
function stableBookLink(url: string): string {
  const m = /^https?:\/\/books\.google\.[a-z.]+\/books\?(?:[^#]*&)?id=([\w-]+)/i.exec(url);
  return m ? `https://books.google.com/books?id=${m[1]}` : url;
}

function findCards(root: ParentNode): Element[] {
  const cards = [...root.querySelectorAll('.gs_r[data-cid]')];
  if (cards.length > 0) return cards;
  return [...root.querySelectorAll('.gs_ri')].map((body) => body.closest('.gs_r') ?? body.parentElement ?? body);
}

function readCard(card: Element, pageUrl: string): PaperCard | undefined {
  const heading = card.querySelector('.gs_rt');
  const titleLink = heading?.querySelector('a[href]');
  const titleHref = absoluteUrl(titleLink?.getAttribute('href'), pageUrl);
  const paperHref = titleHref && !isScholarLink(titleHref) ? titleHref : undefined;
  // Side links ([PDF] arxiv.org, [HTML] publisher) add an id only when they name the paper by one:
  // a PDF on a personal server or a library "Full View" link is no better key than the title link.
  const side = card.querySelector('.gs_ggs');
  const sideIds = (side ? hrefsOf(side, pageUrl) : []).filter(
    (href) => !isScholarLink(href) && (parsePaperId(href)?.kind ?? 'url') !== 'url',
  );
  const snippetEl = card.querySelector('.gs_rs') ?? undefined;
  const abstract = textOf(snippetEl);
  // Byline: "A Smith, B Jones… - Venue, 2020 - host"; the authors are the part before the first " - ".
  const byline = normalizeSpace(card.querySelector('.gs_a')?.textContent ?? '');
  const authors = splitAuthors(byline.split(/\s-\s/)[0] ?? '');
  return toCard({
    ids: [paperHref ? stableBookLink(paperHref) : undefined, ...sideIds],
    title: textOf(heading, { skip: TITLE_PREFIX }),
    url: paperHref ?? '',
    authors,
    abstract,
    abstractEl: snippetEl,
    titleEl: titleLink ?? heading ?? undefined,
    codeHrefs: codeHrefsOf(card, pageUrl),
  });
}

export const scholar: SiteAdapter = {
  id: 'scholar',
  name: 'Google Scholar',
  matches: SCHOLAR_HOSTS.map((host) => `https://${host}/scholar?*`),
  selectors: {
    result: '.gs_r[data-cid]',
    resultBody: '.gs_ri',
    title: '.gs_rt',
    byline: '.gs_a',
    snippet: '.gs_rs',
  },
  emptyReason: (doc) => (doc.querySelector('#gs_captcha_ccl, #gs_captcha_f, form#gs_captcha_f') ? 'captcha' : /did not match any articles/.test(doc.body?.textContent ?? '') ? 'no results' : undefined),
  findCards,
  readCard: (card, pageUrl) => safely(() => readCard(card, pageUrl)),
};
