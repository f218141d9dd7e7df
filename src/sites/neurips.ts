// NeurIPS proceedings year listings (proceedings.neurips.cc/paper_files/paper/2023, the older
// /paper/2019, and the same paths on papers.nips.cc). One `li` per paper: current markup
// `li.conference > div.paper-content > a[title="paper title"] + span.paper-authors`, older markup
// `li > a + i` (authors in the `i`). The link goes to the abstract page
// (…/hash/<32 hex>-Abstract[-<track>].html, before 2020 /paper/<n>-<slug>). No abstract or date in the
// listing. Key: the abstract page's URL (paper-id folds papers.nips.cc into proceedings.neurips.cc).
import type { PaperCard, SiteAdapter } from './types';
import { absoluteUrl, codeHrefsOf, safely, splitAuthors, toCard } from './lib/read';
import { textOf } from './lib/text';

/** Abstract-page links: hash pages (2020 on, and re-hosted older years) or `/paper/<n>-<slug>`. */
const ABSTRACT_LINK = /\/hash\/[0-9a-f]{32}-Abstract[\w-]*\.html$|\/paper\/\d+-[^/]+$/;

function abstractLinkOf(item: Element): Element | undefined {
  for (const a of item.querySelectorAll('a[href]')) {
    if (ABSTRACT_LINK.test(a.getAttribute('href')!)) return a;
  }
  return undefined;
}

function findCards(root: ParentNode): Element[] {
  return [...root.querySelectorAll('li')].filter((item) => abstractLinkOf(item) !== undefined);
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
  sampleUrls: [
    'https://proceedings.neurips.cc/paper_files/paper/2023',
    'https://proceedings.neurips.cc/paper/2019',
    'https://papers.nips.cc/paper_files/paper/2022',
    'https://papers.nips.cc/paper/2017',
  ],
  findCards,
  readCard: (item, pageUrl) => safely(() => readCard(item, pageUrl)),
};
