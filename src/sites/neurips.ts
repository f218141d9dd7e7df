// NeurIPS proceedings year listings (proceedings.neurips.cc/paper_files/paper/2023, the older
// /paper/2019, and the same paths on papers.nips.cc). One `li` per paper: current markup
// `li.conference > div.paper-content > a[title="paper title"] + span.paper-authors`, older markup
// `li > a + i` (authors in the `i`). The link goes to the abstract page
// (…/hash/<32 hex>-Abstract[-<track>].html, before 2020 /paper/<n>-<slug>). No abstract or date in the
// listing. The abstract page itself: until 2025 a `div.col` of `h4` title, "Part of … (NeurIPS 2022)",
// Bibtex/Paper/Supplemental buttons, `h4` "Authors" + `p > i`, `h4` "Abstract" + an empty `p` + the text;
// since 2026 the same parts as `div.paper-section` blocks (Zotero's translator reads
// `.paper-section > p:nth-child(3)`); `citation_*` meta in both. Key: the abstract page's URL (paper-id
// folds papers.nips.cc into proceedings.neurips.cc). Venue: "NeurIPS 2023" (NIPS up to 2017) from the URL,
// with the Datasets and Benchmarks track named.
import type { PaperCard, SiteAdapter } from './types';
import { absoluteUrl, codeHrefsOf, safely, splitAuthors, toCard } from './lib/read';
import { meta } from './lib/meta';
import { textOf } from './lib/text';
import { venueAt } from './lib/venue';
import { neuripsVenueFromUrl } from '../core/identity/venue-names';

/** Abstract-page links: hash pages (2020 on, and re-hosted older years) or `/paper/<n>-<slug>`. */
const ABSTRACT_LINK = /\/hash\/[0-9a-f]{32}-Abstract[\w-]*\.html$|\/paper\/\d+-[^/]+$/;

function abstractLinkOf(item: Element): Element | undefined {
  for (const a of item.querySelectorAll('a[href]')) {
    if (ABSTRACT_LINK.test(a.getAttribute('href')!)) return a;
  }
  return undefined;
}

/** The abstract page's content: the 2026 sections' parent, or the column holding the "Abstract" heading. */
function abstractPageOf(root: ParentNode): Element | undefined {
  const section = root.querySelector('.paper-section');
  if (section) return section.parentElement ?? undefined;
  for (const heading of root.querySelectorAll('h4')) {
    if (textOf(heading) === 'Abstract') return heading.parentElement ?? undefined;
  }
  return undefined;
}

function findCards(root: ParentNode): Element[] {
  const items = [...root.querySelectorAll('li')].filter((item) => abstractLinkOf(item) !== undefined);
  if (items.length > 0) return items;
  const page = abstractPageOf(root);
  return page ? [page] : [];
}

function readCard(item: Element, pageUrl: string): PaperCard | undefined {
  const link = abstractLinkOf(item);
  const url = absoluteUrl(link?.getAttribute('href'), pageUrl);
  const authorsEl = item.querySelector('.paper-authors') ?? item.querySelector('i');
  return toCard({
    ids: [url],
    title: textOf(link),
    url: url ?? '',
    authors: splitAuthors(textOf(authorsEl)),
    abstract: '',
    titleEl: link,
    codeHrefs: codeHrefsOf(item, pageUrl),
    venue: url ? venueAt(neuripsVenueFromUrl(url), url) : undefined,
  });
}

/** The elements after the heading `label` up to the next heading: the 2026 section's, or the older column's. */
function partAfter(page: Element, label: string): Element[] {
  const headings = [...page.querySelectorAll('h2, h4')];
  const heading = headings.find((h) => textOf(h) === label);
  const out: Element[] = [];
  for (let el = heading?.nextElementSibling; el && !/^h[1-6]$/.test(el.localName); el = el.nextElementSibling) out.push(el);
  return out;
}

function readAbstractPage(page: Element, pageUrl: string): PaperCard | undefined {
  const url = pageUrl.split(/[?#]/)[0]!;
  const titleEl = page.querySelector('.paper-title') ?? page.querySelector('h4') ?? undefined;
  // The abstract's paragraph: the first one after the heading that holds text (an empty one comes first).
  const abstractEl = partAfter(page, 'Abstract').find((el) => textOf(el) !== '');
  const authorsEl = page.querySelector('.paper-authors') ?? partAfter(page, 'Authors').find((el) => textOf(el) !== '');
  const abstract = textOf(abstractEl);
  return toCard({
    ids: [url],
    title: meta(page.ownerDocument, 'citation_title') ?? textOf(titleEl),
    url,
    authors: splitAuthors(textOf(authorsEl)),
    abstract,
    abstractEl,
    titleEl,
    codeHrefs: abstractEl ? codeHrefsOf(abstractEl, pageUrl) : [],
    venue: venueAt(neuripsVenueFromUrl(url), url),
  });
}

export const neurips: SiteAdapter = {
  id: 'neurips',
  name: 'NeurIPS Proceedings',
  matches: [
    'https://proceedings.neurips.cc/paper_files/paper/*',
    'https://proceedings.neurips.cc/paper/*',
    'https://papers.nips.cc/paper_files/paper/*',
    'https://papers.nips.cc/paper/*',
  ],
  selectors: {
    listItem: 'li',
    paperAuthors: '.paper-authors',
    heading: 'h2, h4',
  },
  findCards,
  readCard: (card, pageUrl) => safely(() => (card.localName === 'li' ? readCard(card, pageUrl) : readAbstractPage(card, pageUrl))),
};
