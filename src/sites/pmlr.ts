// PMLR volume pages (proceedings.mlr.press/v235/): the Jekyll theme's `listpaper.html` writes one
// `div.paper` per paper with a plain-text title (`p.title`, inline TeX left as `$…$`), the authors joined
// by ",&nbsp;", and a links line: [abs] (the paper page), [Download PDF], optional [Supplementary PDF],
// [Software] and [OpenReview]. No abstract and no date per entry. Key: the OpenReview forum when linked,
// else the paper page's URL (kept as an alias).
import type { PaperCard, SiteAdapter } from './types';
import { absoluteUrl, codeHrefsOf, hrefsOf, safely, splitAuthors, toCard } from './lib/read';
import { textOf } from './lib/text';

function findCards(root: ParentNode): Element[] {
  return [...root.querySelectorAll('div.paper')].filter((paper) => paper.querySelector('.title'));
}

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
    ids: [...hrefs.filter((href) => /^https?:\/\/(?:openreview\.net|(?:www\.)?arxiv\.org)\//i.test(href)), page?.url],
    title: textOf(titleEl),
    url: page?.url ?? '',
    authors: splitAuthors(textOf(paper.querySelector('.authors'))),
    abstract: '',
    titleEl,
    codeHrefs: codeHrefsOf(paper, pageUrl),
  });
}

export const pmlr: SiteAdapter = {
  id: 'pmlr',
  name: 'PMLR',
  // Volume index pages only (`/v235/`): paper pages (`/v235/<slug>.html`) do not end in a slash.
  matches: ['https://proceedings.mlr.press/v*/'],
  sampleUrls: [
    'https://proceedings.mlr.press/v235/',
    'https://proceedings.mlr.press/v202/',
    'https://proceedings.mlr.press/v37/',
  ],
  findCards,
  readCard: (paper, pageUrl) => safely(() => readCard(paper, pageUrl)),
};
