// alphaXiv (www.alphaxiv.org): the explore feed and the per-paper pages (`/abs/<arXiv id>`,
// `/overview/<arXiv id>`). A Next.js app whose markup no public source documents (site-markup.md 4f),
// so this adapter relies only on what any rendering of it must have: links that name an arXiv id. A feed
// card is the largest element around such a link that names no other paper; the text it shows is read
// by role (heading, the prose paragraph, a <time>), never by class. Tested on hand-made pages only.
import { extractCodeLinks, sortCodeLinks } from '../core/links';
import { keyFor, parsePaperId } from '../core/paper-id';
import type { PaperCard, SiteAdapter } from './types';

/** Canonical code links of the abstract text and of the card's code-ish links, GitHub first. */
const codeUrls = (text: string, hrefs: readonly string[]) => sortCodeLinks(extractCodeLinks(text, hrefs)).map((link) => link.url);

const PAPER_LINK = 'a[href*="/abs/"], a[href*="/overview/"]';
const SITE = 'https://www.alphaxiv.org/';

const normalize = (text: string | null | undefined) => (text ?? '').replace(/[\s\u00a0]+/g, ' ').trim();

function absolute(href: string | null | undefined, base: string): string | undefined {
  if (!href) return undefined;
  // Absolute links stay as the page writes them; only relative ones are resolved.
  if (/^https?:\/\//i.test(href.trim())) return href.trim();
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}

/** The arXiv id a link names (alphaXiv's own `/abs/`, `/overview/` or arxiv.org's), else undefined. */
function paperIdOf(link: Element): string | undefined {
  const parsed = parsePaperId(absolute(link.getAttribute('href'), SITE) ?? '');
  return parsed?.kind === 'arxiv' ? parsed.id : undefined;
}

/** The document names one paper when its own URL does (`/abs/<id>`, `/overview/<id>`). */
function pagePaperId(url: string): string | undefined {
  const parsed = /alphaxiv\.org\/(?:abs|overview)\//i.test(url) ? parsePaperId(url) : null;
  return parsed?.kind === 'arxiv' ? parsed.id : undefined;
}

/** The largest ancestor of `link` (below `main`) whose paper links all name `id`. */
function cardAroundLink(link: Element, id: string): Element {
  let card = link;
  for (let parent = link.parentElement; parent && !['body', 'main', 'html'].includes(parent.localName); parent = parent.parentElement) {
    if ([...parent.querySelectorAll(PAPER_LINK)].some((a) => { const other = paperIdOf(a); return other !== undefined && other !== id; })) break;
    card = parent;
  }
  return card;
}

/** Text of every text node joined by spaces, so "Title" + "Nov 28, 2024" in sibling elements stay apart. */
function spacedText(el: Element | null | undefined): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) parts.push((child as Text).data);
      else if (child.nodeType === 1 && (child as Element).localName !== 'script') walk(child);
    }
  };
  if (el) walk(el);
  return normalize(parts.join(' '));
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A full date from `<time datetime>` or "Nov 28, 2024" text. */
function publishedIn(card: Element): string | undefined {
  const stamp = card.querySelector('time[datetime]')?.getAttribute('datetime') ?? '';
  if (/^\d{4}-\d{2}-\d{2}/.test(stamp)) return stamp.slice(0, 10);
  const match = /\b([A-Z][a-z]{2})[a-z]*\.? (\d{1,2}), (\d{4})\b/.exec(spacedText(card));
  const month = match ? MONTHS.indexOf(match[1]!.toLowerCase()) : -1;
  return match && month >= 0 ? `${match[3]}-${String(month + 1).padStart(2, '0')}-${match[2]!.padStart(2, '0')}` : undefined;
}

function finish(id: string, fields: Omit<PaperCard, 'key' | 'url' | 'codeLinks'>, hrefs: string[]): PaperCard | undefined {
  const identity = keyFor([`arxiv:${id}`]);
  if (!identity) return undefined;
  const card: PaperCard = {
    key: identity.key,
    title: fields.title,
    url: `${SITE}abs/${id}`,
    authors: fields.authors,
    abstract: fields.abstract,
    codeLinks: codeUrls(fields.abstract, hrefs),
  };
  if (fields.abstractEl && fields.abstract) card.abstractEl = fields.abstractEl;
  if (fields.titleEl) card.titleEl = fields.titleEl;
  if (fields.published) card.published = fields.published;
  return card;
}

/** Off-site links (a GitHub button): alphaXiv's own links are navigation, never code. */
const hrefsIn = (el: Element, base: string) =>
  [...el.querySelectorAll('a[href]')].flatMap((a) => {
    const url = absolute(a.getAttribute('href'), base);
    return url && !/^https?:\/\/([^/]+\.)?alphaxiv\.org\//i.test(url) ? [url] : [];
  });

/** A feed card: the heading (or the paper link with the most text), the prose paragraph, links. */
function readFeedCard(card: Element, pageUrl: string): PaperCard | undefined {
  const links = [...card.querySelectorAll(PAPER_LINK)].filter((a) => paperIdOf(a));
  const id = links.length ? paperIdOf(links[0]!) : card.matches(PAPER_LINK) ? paperIdOf(card) : undefined;
  if (!id) return undefined;
  const heading = card.querySelector('h1, h2, h3, h4');
  const longestLink = links.reduce<Element | undefined>((best, a) => (normalize(a.textContent).length > normalize(best?.textContent).length ? a : best), undefined);
  const titleEl = heading ?? longestLink ?? undefined;
  const abstractEl = [...card.querySelectorAll('p')].find((p) => !titleEl?.contains(p) && normalize(p.textContent).length >= 80);
  const abstract = normalize(abstractEl?.textContent);
  return finish(id, { title: normalize(titleEl?.textContent), authors: [], abstract, abstractEl, titleEl, published: publishedIn(card) }, hrefsIn(card, pageUrl));
}

const meta = (doc: Document, selector: string) => doc.querySelector(selector)?.getAttribute('content')?.trim() || undefined;

/** A paper page: `citation_*` / Open Graph meta where the page has them, then its heading. */
function readPaperPage(main: Element, id: string, pageUrl: string): PaperCard | undefined {
  const doc = main.ownerDocument;
  const titleEl = main.querySelector('h1') ?? undefined;
  const pageTitle = (meta(doc, 'meta[property="og:title"]') ?? doc.title ?? '').replace(/\s*[|·-]\s*alphaXiv\s*$/i, '');
  const authors = [...doc.querySelectorAll('meta[name="citation_author"]')].flatMap((m) => normalize(m.getAttribute('content')) || []);
  const abstract = normalize(meta(doc, 'meta[name="citation_abstract"]') ?? meta(doc, 'meta[name="description"]'));
  return finish(
    id,
    {
      title: normalize(meta(doc, 'meta[name="citation_title"]') ?? (titleEl ? titleEl.textContent : pageTitle)),
      authors,
      abstract,
      titleEl,
      published: publishedIn(main),
    },
    titleEl?.parentElement ? hrefsIn(titleEl.parentElement, pageUrl) : [],
  );
}

export const alphaxiv: SiteAdapter = {
  id: 'alphaxiv',
  name: 'alphaXiv',
  matches: ['https://*.alphaxiv.org/explore*', 'https://*.alphaxiv.org/abs/*', 'https://*.alphaxiv.org/overview/*'],
  sampleUrls: [
    'https://www.alphaxiv.org/explore',
    'https://www.alphaxiv.org/explore?sort=Hot',
    'https://www.alphaxiv.org/abs/2305.18323',
    'https://alphaxiv.org/abs/2601.16073v1',
    'https://www.alphaxiv.org/overview/2005.14165v4',
  ],
  findCards(root) {
    const doc = (root as Node).ownerDocument ?? (root as Document);
    if (pagePaperId(doc.URL)) {
      const main = doc.querySelector('main') ?? doc.body;
      return main && (root === doc || (root as Node).contains(main)) ? [main] : [];
    }
    const cards: Element[] = [];
    const seen = new Set<Element>();
    for (const link of root.querySelectorAll(PAPER_LINK)) {
      const id = paperIdOf(link);
      if (!id || link.closest('header, nav, footer')) continue;
      const card = cardAroundLink(link, id);
      if (!seen.has(card)) {
        seen.add(card);
        cards.push(card);
      }
    }
    return cards;
  },
  readCard(card, pageUrl) {
    try {
      const id = pagePaperId(pageUrl);
      return id && (card.localName === 'main' || card.localName === 'body') ? readPaperPage(card, id, pageUrl) : readFeedCard(card, pageUrl);
    } catch {
      return undefined;
    }
  },
};
