// Semantic Scholar search, author and paper pages. A React app: rows (`div.cl-paper-row`) appear after load
// and are replaced in place on paging and re-sorting, so nothing here is cached per row. A row shows a
// title link to /paper/<slug>/<hash>, author links to /author/…, a date, then either the abstract
// (truncated with "Expand", or expanded with "Collapse"), or a TLDR (the site's one-sentence summary,
// with "TLDR" and "Expand" around it), or neither; link buttons lead to arXiv, the publisher's DOI, PubMed…
// The abstract returned is the abstract when the row shows one, else the TLDR (the only summary there).
// Class names and data-* attributes drift on this site, so each field has a fallback by href pattern.
// A paper page (/paper/<slug>/<hash>) describes its paper in JSON-LD (`script.schema-data`: name, abstract
// after the TLDR, authors, date, publication, DOI), read first, and renders a header (title
// `[data-test-id=paper-detail-title]`, author links, TLDR, the abstract truncated with "Expand", link
// buttons); its lists of citing and cited papers are `.cl-paper-row`s too, read as rows. Venue: the
// publication and year the JSON-LD names, at its DOI.
import type { PaperCard, SiteAdapter } from './types';
import { cardsAroundAndInside, selfAndInside } from './lib/added';
import { absoluteUrl, codeHrefsOf, isoDate, safely, toCard } from './lib/read';
import { textOf } from './lib/text';
import { venueAt } from './lib/venue';
import { namedVenue } from '../core/identity/venue-names';

const TITLE_LINK =
  'a[data-test-id="title-link"], a[data-heap-id="title_link"], a[data-selenium-selector="title-link"]';
const ROW = '.cl-paper-row';
/** A paper page's title: the page's header around it is the paper's card. */
const PAPER_TITLE = '[data-test-id="paper-detail-title"]';
/** Link buttons: by the site's link-type attribute, or by where they point. */
const PAPER_LINK_BUTTONS = 'a[data-heap-link-type], a[href*="arxiv.org/"], a[href*="doi.org/"]';
/** The label and toggles inside the summary block. */
const SUMMARY_CHROME = '.tldr-abstract__pill, .more, .more-toggle, button, [role="button"]';

function titleLinkOf(row: Element): Element | null {
  const marked = row.querySelector(TITLE_LINK);
  if (marked) return marked;
  // Zotero's form: the title link is the row's direct child pointing at /paper/.
  for (const a of row.querySelectorAll('a[href*="/paper/"]')) {
    if (!a.getAttribute('href')!.includes('#')) return a;
  }
  return null;
}

/** A paper page's header: the paper itself (the page's `.cl-paper-row`s list citing and cited papers). */
function paperHeaderOf(root: ParentNode): Element | undefined {
  const title = root.querySelector(PAPER_TITLE);
  return title?.closest('.fresh-paper-detail-page__header') ?? title?.parentElement ?? undefined;
}

function findCards(root: ParentNode): Element[] {
  const header = paperHeaderOf(root);
  const rows = [...root.querySelectorAll(ROW)];
  if (header || rows.length > 0) return header ? [header, ...rows] : rows;
  return [...root.querySelectorAll(TITLE_LINK)].flatMap((a) => (a.parentElement ? [a.parentElement] : []));
}

/**
 * The cards among elements the page added (a page of results rendered, rows re-sorted, a paper page's header): the
 * rows around and inside them, and the header of a paper title among them. A title link outside every row (a layout
 * without rows, whose cards are the links' parents only where the page has no rows at all) has the page decide what
 * its card is: then the page is scanned as a whole, as `findCards` does.
 */
function findAddedCards(added: readonly Element[]): Element[] {
  const connected = added.filter((element) => element.isConnected);
  const loose = connected.some((element) => selfAndInside(element, TITLE_LINK).some((link) => !link.closest(ROW)));
  if (loose) return semanticscholar.findCards(connected[0]!.ownerDocument);
  const headers = connected.flatMap((element) => selfAndInside(element, PAPER_TITLE)).map((title) => paperHeaderOf(title.ownerDocument));
  return [...new Set([...headers.filter((header) => header !== undefined), ...cardsAroundAndInside(connected, ROW, () => true)])];
}

function readCard(row: Element, pageUrl: string): PaperCard | undefined {
  const titleLink = titleLinkOf(row);
  const url = absoluteUrl(titleLink?.getAttribute('href'), pageUrl);
  const buttons = [...row.querySelectorAll(PAPER_LINK_BUTTONS)].flatMap((a) => absoluteUrl(a.getAttribute('href'), pageUrl) ?? []);
  const summaryEl = row.querySelector('.cl-paper-abstract') ?? row.querySelector('.tldr-abstract-replacement') ?? undefined;
  const abstract = textOf(summaryEl, { skip: SUMMARY_CHROME });
  let authors = [...row.querySelectorAll('a[href*="/author/"]')].map((a) => textOf(a));
  if (authors.length === 0) authors = [...row.querySelectorAll('.author-list__author-name')].map((el) => textOf(el));
  return toCard({
    ids: [...buttons, url],
    title: textOf(titleLink),
    url: url ?? '',
    authors: authors.filter(Boolean),
    abstract,
    abstractEl: summaryEl,
    titleEl: titleLink?.querySelector('.cl-paper-title') ?? titleLink ?? undefined,
    codeHrefs: codeHrefsOf(row, pageUrl),
    published: isoDate(textOf(row.querySelector('.cl-paper-pubdates'))),
  });
}

/** The paper as the page's JSON-LD (`script.schema-data`) describes it; only string fields are taken. */
interface ArticleData {
  name?: string;
  abstract?: string;
  /** The TLDR, which the page also puts in front of `abstract`. */
  about?: string;
  authors: string[];
  datePublished?: string;
  publication?: string;
  /** The DOI as a URL. */
  sameAs?: string;
}

const stringOf = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

function articleData(doc: Document): ArticleData | undefined {
  const text = doc.querySelector('script.schema-data')?.textContent;
  if (!text) return undefined;
  const graph = (JSON.parse(text) as { '@graph'?: unknown })['@graph'];
  // Zotero reads `@graph[1][0]`; any object of the graph with a name and authors will do.
  const nodes: unknown[] = Array.isArray(graph) ? graph.flat() : [];
  const article = nodes.find((node): node is Record<string, unknown> =>
    typeof node === 'object' && node !== null && typeof (node as Record<string, unknown>).name === 'string' && Array.isArray((node as Record<string, unknown>).author));
  if (!article) return undefined;
  return {
    name: stringOf(article.name),
    abstract: stringOf(article.abstract),
    about: stringOf(article.about),
    authors: (article.author as unknown[]).flatMap((person) => stringOf((person as { name?: unknown } | null)?.name) ?? []),
    datePublished: stringOf(article.datePublished),
    publication: stringOf(article.publication),
    sameAs: stringOf(article.sameAs),
  };
}

/** Preprint servers S2 names as a paper's "publication": not where it was published. */
const PREPRINT_SERVERS = /^(?:arxiv|biorxiv|medrxiv|ssrn|research square)$/i;

function readPaperPage(header: Element, pageUrl: string): PaperCard | undefined {
  const data = safely(() => articleData(header.ownerDocument));
  const titleEl = header.querySelector('[data-test-id="paper-detail-title"]') ?? undefined;
  const abstractEl = header.querySelector('[data-test-id="abstract-text"]') ?? undefined;
  let abstract = data?.abstract ?? textOf(abstractEl, { skip: SUMMARY_CHROME });
  if (data?.about && abstract.startsWith(data.about)) abstract = abstract.slice(data.about.length).trim();
  const buttons = [...header.querySelectorAll(PAPER_LINK_BUTTONS)].flatMap((a) => absoluteUrl(a.getAttribute('href'), pageUrl) ?? []);
  const url = pageUrl.split(/[?#]/)[0]!;
  const year = /^\d{4}/.exec(data?.datePublished ?? '')?.[0];
  const venue = data?.publication && year && !PREPRINT_SERVERS.test(data.publication) ? namedVenue(data.publication, Number(year)) : undefined;
  const shownAuthors = [...header.querySelectorAll('a[href*="/author/"]')].map((a) => textOf(a)).filter(Boolean);
  return toCard({
    ids: [...buttons, data?.sameAs, url],
    title: data?.name ?? textOf(titleEl),
    url,
    authors: data?.authors.length ? data.authors : shownAuthors,
    abstract,
    abstractEl,
    titleEl,
    codeHrefs: codeHrefsOf(header, pageUrl),
    published: isoDate(data?.datePublished ?? ''),
    venue: venueAt(venue, data?.sameAs),
  });
}

export const semanticscholar: SiteAdapter = {
  id: 'semanticscholar',
  name: 'Semantic Scholar',
  frameworkRendered: true, // React
  matches: ['https://www.semanticscholar.org/search?*', 'https://www.semanticscholar.org/author/*', 'https://www.semanticscholar.org/paper/*'],
  selectors: {
    paperRow: ROW,
    titleLink: TITLE_LINK,
    paperTitle: PAPER_TITLE,
  },
  findCards,
  findAddedCards,
  readCard: (card, pageUrl) => safely(() => (card.querySelector(PAPER_TITLE) ? readPaperPage(card, pageUrl) : readCard(card, pageUrl))),
};
