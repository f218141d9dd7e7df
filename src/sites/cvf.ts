// CVF Open Access listings (openaccess.thecvf.com/CVPR2024?day=all, /ICCV2023?day=…, /WACV2024,
// workshop pages). Static pages, one definition list: a `dt` with the title link to
// /content/…/html/<Name>_paper.html, then a `dd` with one author-search form per author (the name is in
// a hidden `query_author` input), then a `dd` with [pdf] [supp] [arXiv] links and the hidden BibTeX.
// No abstract and no date in the listing. A paper page (/content/<CONF><YEAR>/html/<Name>_paper.html)
// holds `div#papertitle`, `div#authors` (names in `b > i`, then proceedings and pages), `div#abstract`, the
// same [pdf] [supp] [arXiv] links and the BibTeX, in one `dd`. Key: the arXiv id when there is an [arXiv]
// link, else the paper page's URL (kept as an alias either way). The venue is named from the conference
// code in the URL ("CVPR 2024", "ICCV 2023 Workshops").
import type { PaperCard, SiteAdapter } from './types';
import { absoluteUrl, codeHrefsOf, hrefsOf, safely, splitAuthors, toCard } from './lib/read';
import { textOf } from './lib/text';
import { venueAt } from './lib/venue';
import { cvfVenue } from '../core/identity/venue-names';

const PAPER_PAGE_LINK = 'a[href$="_paper.html"]';

function findCards(root: ParentNode): Element[] {
  const paperPage = root.querySelector('#papertitle')?.closest('dd, #content');
  if (paperPage) return [paperPage];
  const cards: Element[] = [];
  for (const link of root.querySelectorAll(PAPER_PAGE_LINK)) {
    const title = link.closest('dt');
    if (title && cards[cards.length - 1] !== title) cards.push(title);
  }
  return cards;
}

/** The `dd` elements that belong to the title `dt` (up to the next `dt`). */
function detailsOf(title: Element): Element[] {
  const details: Element[] = [];
  for (let el = title.nextElementSibling; el && el.localName !== 'dt'; el = el.nextElementSibling) {
    if (el.localName === 'dd') details.push(el);
  }
  return details;
}

function authorsOf(details: readonly Element[]): string[] {
  const first = details[0];
  if (!first) return [];
  const fromInputs = [...first.querySelectorAll('input[name="query_author"]')].map((input) => input.getAttribute('value')?.trim() ?? '');
  if (fromInputs.some(Boolean)) return fromInputs.filter(Boolean);
  // Pages without the search forms list the names as plain text or links, comma-separated.
  return splitAuthors(textOf(first));
}

const isArxiv = (href: string) => /^https?:\/\/(?:www\.)?arxiv\.org\//i.test(href);

function readCard(title: Element, pageUrl: string): PaperCard | undefined {
  const link = title.querySelector(PAPER_PAGE_LINK);
  const url = absoluteUrl(link?.getAttribute('href'), pageUrl);
  const details = detailsOf(title);
  const hrefs = details.flatMap((dd) => hrefsOf(dd, pageUrl));
  return toCard({
    ids: [...hrefs.filter(isArxiv), url],
    title: textOf(link),
    url: url ?? '',
    authors: authorsOf(details),
    abstract: '',
    titleEl: link ?? undefined,
    codeHrefs: details.flatMap((dd) => codeHrefsOf(dd, pageUrl)),
    venue: venueAt(cvfVenue(pageUrl), url),
  });
}

function readPaperPage(content: Element, pageUrl: string): PaperCard | undefined {
  const url = pageUrl.split(/[?#]/)[0]!;
  const titleEl = content.querySelector('#papertitle') ?? undefined;
  const abstractEl = content.querySelector('#abstract') ?? undefined;
  const abstract = textOf(abstractEl);
  return toCard({
    ids: [...hrefsOf(content, pageUrl).filter(isArxiv), url],
    title: textOf(titleEl),
    url,
    authors: splitAuthors(textOf(content.querySelector('#authors i'))),
    abstract,
    abstractEl,
    titleEl,
    codeHrefs: codeHrefsOf(content, pageUrl),
    venue: venueAt(cvfVenue(url), url),
  });
}

/**
 * A conference's landing (/CVPR2024: a link per day, `?day=2024-06-19`, and "All Papers", `?day=all`) and its
 * workshops' menu (/CVPR2023_workshops/menu, once menu.py) link to listings and hold no paper.
 */
function menuOfListings(doc: Document): boolean {
  const url = new URL(doc.URL);
  return /_workshops\/menu(?:\.py)?$/.test(url.pathname) || (!url.searchParams.has('day') && doc.querySelector('a[href*="day="]') !== null);
}

export const cvf: SiteAdapter = {
  id: 'cvf',
  name: 'CVF Open Access',
  matches: [
    'https://openaccess.thecvf.com/CVPR*',
    'https://openaccess.thecvf.com/ICCV*',
    'https://openaccess.thecvf.com/WACV*',
    'https://openaccess.thecvf.com/ACCV*',
    // Paper pages: /content/CVPR2024/html/…, /content_cvpr_2018/html/…
    'https://openaccess.thecvf.com/content*',
  ],
  selectors: {
    paperLink: PAPER_PAGE_LINK,
    paperTitle: '#papertitle',
  },
  emptyReason: (doc) => (menuOfListings(doc) ? 'menu of listings' : undefined),
  findCards,
  readCard: (card, pageUrl) => safely(() => (card.localName === 'dt' ? readCard(card, pageUrl) : readPaperPage(card, pageUrl))),
};
