// Semantic Scholar search and author pages. A React app: rows (`div.cl-paper-row`) appear after load
// and are replaced in place on paging and re-sorting, so nothing here is cached per row. A row shows a
// title link to /paper/<slug>/<hash>, author links to /author/…, a date, then either the abstract
// (truncated with "Expand", or expanded with "Collapse"), or a TLDR (the site's one-sentence summary,
// with "TLDR" and "Expand" around it), or neither; link buttons lead to arXiv, the publisher's DOI, PubMed…
// The abstract returned is the abstract when the row shows one, else the TLDR (the only summary there).
// Class names and data-* attributes drift on this site, so each field has a fallback by href pattern.
import type { PaperCard, SiteAdapter } from './types';
import { absoluteUrl, codeHrefsOf, isoDate, safely, toCard } from './lib/read';
import { textOf } from './lib/text';

const TITLE_LINK =
  'a[data-test-id="title-link"], a[data-heap-id="title_link"], a[data-selenium-selector="title-link"]';
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

function findCards(root: ParentNode): Element[] {
  const rows = [...root.querySelectorAll('.cl-paper-row')];
  if (rows.length > 0) return rows;
  return [...root.querySelectorAll(TITLE_LINK)].flatMap((a) => (a.parentElement ? [a.parentElement] : []));
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

export const semanticscholar: SiteAdapter = {
  id: 'semanticscholar',
  name: 'Semantic Scholar',
  matches: ['https://www.semanticscholar.org/search?*', 'https://www.semanticscholar.org/author/*'],
  sampleUrls: [
    'https://www.semanticscholar.org/search?q=complex%20networks&sort=relevance',
    'https://www.semanticscholar.org/search?year%5B0%5D=2020&year%5B1%5D=2024&q=graph%20neural%20networks&sort=relevance&page=2',
    'https://www.semanticscholar.org/author/R.-Baumeister/5142080',
    'https://www.semanticscholar.org/author/Yoshua-Bengio/1751762?sort=pub-date',
  ],
  findCards,
  readCard: (row, pageUrl) => safely(() => readCard(row, pageUrl)),
};
