// alphaXiv (www.alphaxiv.org): the explore feed and the per-paper pages (`/abs/<arXiv id>`,
// `/overview/<arXiv id>`). A Next.js app whose markup no public source documents (no scraper or translator reads its DOM),
// so this adapter relies only on what any rendering of it must have: links that name an arXiv id. A feed
// card is the largest element around such a link that names no other paper; the text it shows is read
// by role (heading, the prose paragraph, a <time>), never by class. Tested on hand-made pages only.
import { parsePaperId } from '../core/paper-id';
import { absoluteUrl, cardAroundLink, codeHrefsOf, isoDate, safely, toCard, type CardFields } from './lib/read';
import { meta, metaAll } from './lib/meta';
import { normalizeSpace, textOf } from './lib/text';
import type { PaperCard, SiteAdapter } from './types';

const PAPER_LINK = 'a[href*="/abs/"], a[href*="/overview/"]';
const SITE = 'https://www.alphaxiv.org/';

/** The arXiv id a link names (alphaXiv's own `/abs/`, `/overview/` or arxiv.org's), else undefined. */
function paperIdOf(link: Element): string | undefined {
  const parsed = parsePaperId(absoluteUrl(link.getAttribute('href'), SITE) ?? '');
  return parsed?.kind === 'arxiv' ? parsed.id : undefined;
}

/** The document names one paper when its own URL does (`/abs/<id>`, `/overview/<id>`). */
function pagePaperId(url: string): string | undefined {
  const parsed = /alphaxiv\.org\/(?:abs|overview)\//i.test(url) ? parsePaperId(url) : null;
  return parsed?.kind === 'arxiv' ? parsed.id : undefined;
}

/** A full date from the card's `<time>` (its machine-readable `datetime` first): the semantic element is
 * all an undocumented layout can be trusted to keep. */
function publishedIn(card: Element): string | undefined {
  const time = card.querySelector('time');
  if (!time) return undefined;
  return isoDate((time.getAttribute('datetime') ?? '').slice(0, 10)) ?? isoDate(textOf(time));
}

/** The card for paper `id` on alphaXiv; code links from `codeIn` (code hosts, or links labelled as code). */
function build(id: string, fields: Omit<CardFields, 'ids' | 'url' | 'codeHrefs'>, codeIn: Element | null | undefined, base: string): PaperCard | undefined {
  return toCard({ ...fields, ids: [`arxiv:${id}`], url: `${SITE}abs/${id}`, codeHrefs: codeIn ? codeHrefsOf(codeIn, base) : [] });
}

/** A feed card: the heading (or the paper link with the most text), the prose paragraph, links. */
function readFeedCard(card: Element, pageUrl: string): PaperCard | undefined {
  const links = [...card.querySelectorAll(PAPER_LINK)].filter((a) => paperIdOf(a));
  const id = links.length ? paperIdOf(links[0]!) : card.matches(PAPER_LINK) ? paperIdOf(card) : undefined;
  if (!id) return undefined;
  const heading = card.querySelector('h1, h2, h3, h4');
  const longestLink = links.reduce<Element | undefined>((best, a) => (textOf(a).length > textOf(best).length ? a : best), undefined);
  const titleEl = heading ?? longestLink ?? undefined;
  const abstractEl = [...card.querySelectorAll('p')].find((p) => !titleEl?.contains(p) && textOf(p).length >= 80);
  return build(id, { title: textOf(titleEl), authors: [], abstract: textOf(abstractEl), abstractEl, titleEl, published: publishedIn(card) }, card, pageUrl);
}

/** A paper page: `citation_*` / Open Graph meta where the page has them, then its heading. */
function readPaperPage(main: Element, id: string, pageUrl: string): PaperCard | undefined {
  const doc = main.ownerDocument;
  const titleEl = main.querySelector('h1') ?? undefined;
  const pageTitle = (meta(doc, 'og:title') ?? doc.title ?? '').replace(/\s*[|·-]\s*alphaXiv\s*$/i, '');
  const authors = metaAll(doc, 'citation_author');
  return build(
    id,
    {
      title: normalizeSpace(meta(doc, 'citation_title') ?? (titleEl ? textOf(titleEl) : pageTitle)),
      authors,
      abstract: normalizeSpace(meta(doc, 'citation_abstract') ?? meta(doc, 'description') ?? ''),
      titleEl,
      published: publishedIn(main),
    },
    titleEl?.parentElement,
    pageUrl,
  );
}

export const alphaxiv: SiteAdapter = {
  id: 'alphaxiv',
  name: 'alphaXiv',
  frameworkRendered: true, // React (Next.js)
  matches: ['https://*.alphaxiv.org/explore*', 'https://*.alphaxiv.org/abs/*', 'https://*.alphaxiv.org/overview/*'],
  selectors: {
    paperLink: PAPER_LINK,
    page: 'main',
  },
  findCards(root) {
    const doc = (root as Node).ownerDocument ?? (root as Document);
    if (pagePaperId(doc.URL)) {
      const main = doc.querySelector('main') ?? doc.body;
      return main && (root === doc || (root as Node).contains(main)) ? [main] : [];
    }
    const cards: Element[] = [];
    const seen = new Set<Element>();
    for (const link of root.querySelectorAll(PAPER_LINK)) {
      // Links come in document order: one inside the card just found belongs to it (thumbnail, title, overview).
      if (cards.at(-1)?.contains(link)) continue;
      const id = paperIdOf(link);
      if (!id || link.closest('header, nav, footer')) continue;
      const card = cardAroundLink(link, id, PAPER_LINK, paperIdOf);
      if (!seen.has(card)) {
        seen.add(card);
        cards.push(card);
      }
    }
    return cards;
  },
  readCard(card, pageUrl) {
    return safely(() => {
      const id = pagePaperId(pageUrl);
      return id && (card.localName === 'main' || card.localName === 'body') ? readPaperPage(card, id, pageUrl) : readFeedCard(card, pageUrl);
    });
  },
};
