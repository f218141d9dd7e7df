// PMLR volume pages (proceedings.mlr.press/v235/): the Jekyll theme's `listpaper.html` writes one
// `div.paper` per paper with a plain-text title (`p.title`, inline TeX left as `$…$`), the authors joined
// by ",&nbsp;", and a links line: [abs] (the paper page), [Download PDF], optional [Supplementary PDF],
// [Software] and [OpenReview]. No abstract and no date per entry. A paper page (/v235/<slug>.html, the
// theme's `paper_abstract.html`) is `article.post-content`: `h1` title, `span.authors`, `div#info` (the
// proceedings in `i`, the volume, pages, year), `div#abstract`, copy boxes for BibTeX/Endnote/APA (which
// repeat the abstract: not read) and a "Related Material" list `#extras` with the same links; `citation_*`
// meta in the head. Key: the OpenReview forum when linked, else the paper page's URL (kept as an alias).
// Venue: "ICML 2024 (PMLR 235)", from the volume page's heading or the paper page's proceedings line.
import type { PaperCard, SiteAdapter } from './types';
import { absoluteUrl, codeHrefsOf, hrefsOf, safely, splitAuthors, toCard } from './lib/read';
import { isoFromMeta, meta, metaAll } from './lib/meta';
import { textOf } from './lib/text';
import { venueAt } from './lib/venue';
import { pmlrVenue, pmlrVenueFromHeading } from '../core/identity/venue-names';
import type { VenueName } from '../core/identity/venue';

function findCards(root: ParentNode): Element[] {
  const paperPage = root.querySelector('article.post-content');
  if (paperPage?.querySelector('#abstract, #info')) return [paperPage];
  return [...root.querySelectorAll('div.paper')].filter((paper) => paper.querySelector('.title'));
}

/** "Volume 235: International Conference on Machine Learning, 21-27 July 2024, Vienna, Austria". */
function volumeVenue(doc: Document): VenueName | undefined {
  for (const heading of doc.querySelectorAll('h2')) {
    const venue = pmlrVenueFromHeading(textOf(heading));
    if (venue) return venue;
  }
  return undefined;
}

const isPaperId = (href: string) => /^https?:\/\/(?:openreview\.net|(?:www\.)?arxiv\.org)\//i.test(href);

/** The [abs] link: the paper page, `/v<volume>/<slug>.html`. */
function paperPageOf(paper: Element, pageUrl: string): { link: Element; url: string } | undefined {
  for (const a of paper.querySelectorAll('.links a[href], a[href$=".html"]')) {
    const url = absoluteUrl(a.getAttribute('href'), pageUrl);
    if (url && /\/v\d+\/[^/]+\.html$/.test(url)) return { link: a, url };
  }
  return undefined;
}

function readCard(paper: Element, pageUrl: string): PaperCard | undefined {
  const page = paperPageOf(paper, pageUrl);
  const hrefs = hrefsOf(paper, pageUrl);
  const titleEl = paper.querySelector('.title') ?? undefined;
  return toCard({
    ids: [...hrefs.filter(isPaperId), page?.url],
    title: textOf(titleEl),
    url: page?.url ?? '',
    authors: splitAuthors(textOf(paper.querySelector('.authors'))),
    abstract: '',
    titleEl,
    codeHrefs: codeHrefsOf(paper, pageUrl),
    venue: venueAt(volumeVenue(paper.ownerDocument), page?.url),
  });
}

function readPaperPage(article: Element, pageUrl: string): PaperCard | undefined {
  const doc = article.ownerDocument;
  const url = meta(doc, 'citation_abstract_html_url') ?? pageUrl.split(/[?#]/)[0]!;
  const extras = article.querySelector('#extras');
  const titleEl = article.querySelector('h1') ?? undefined;
  const abstractEl = article.querySelector('#abstract') ?? undefined;
  const info = textOf(article.querySelector('#info'));
  const volume = /\/v(\d+)\//.exec(url)?.[1];
  const year = /\b(?:19|20)\d\d(?=\.?$)/.exec(info)?.[0];
  const named = volume && year ? pmlrVenue(volume, textOf(article.querySelector('#info i')), Number(year)) : undefined;
  const metaAuthors = metaAll(doc, 'citation_author');
  return toCard({
    ids: [...(extras ? hrefsOf(extras, pageUrl).filter(isPaperId) : []), url],
    title: meta(doc, 'citation_title') ?? textOf(titleEl),
    url,
    authors: metaAuthors.length ? metaAuthors : splitAuthors(textOf(article.querySelector('.authors'))),
    abstract: textOf(abstractEl),
    abstractEl,
    titleEl,
    codeHrefs: extras ? codeHrefsOf(extras, pageUrl) : [],
    published: isoFromMeta(meta(doc, 'citation_publication_date')),
    venue: venueAt(named, url),
  });
}

export const pmlr: SiteAdapter = {
  id: 'pmlr',
  name: 'PMLR',
  // Volume pages (`/v235/`) and paper pages (`/v235/<slug>.html`).
  matches: ['https://proceedings.mlr.press/v*/', 'https://proceedings.mlr.press/v*/*.html'],
  selectors: {
    paper: 'div.paper',
    title: 'div.paper .title',
    paperPage: 'article.post-content',
  },
  findCards,
  readCard: (card, pageUrl) => safely(() => (card.matches('article') ? readPaperPage(card, pageUrl) : readCard(card, pageUrl))),
};
