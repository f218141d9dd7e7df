// arXiv (arxiv.org): listings (/list/<cat>/new, /recent, /pastweek, /<month>), search results
// (/search/, advanced search) and the abstract page /abs/<id>. All server-rendered by arXiv's own Flask
// apps (arxiv-browse, arxiv-search). Listings are read in their current markup (2024 on) and in the
// legacy one (`span.list-identifier` around the links, an "Authors:" descriptor): the selectors below
// hold for both.
import { extractCodeLinks, sortCodeLinks } from '../core/links';
import { keyFor, parsePaperId } from '../core/paper-id';
import type { PaperCard, SiteAdapter } from './types';

/** Canonical code links of the abstract text and of the card's code-ish links, GitHub first. */
const codeUrls = (text: string, hrefs: readonly string[]) => sortCodeLinks(extractCodeLinks(text, hrefs)).map((link) => link.url);

/** The listing's id link: `title="Abstract"` in every markup generation, `/abs/` as a fallback. */
const ABS_LINK = 'a[title="Abstract"], a[href*="/abs/"]';

// MathJax leaves its rendering beside the TeX it typeset: MathJax 2 keeps the source in
// <script type="math/tex"> and adds visual spans (plus assistive MathML). We read the TeX source and skip
// the rendering, so a title reads the same before and after typesetting.
const MATHJAX_RENDERING = /(?:^|\s)(?:MathJax(?:_\w+)?|mjx-chtml|MJX_Assistive_MathML)(?:\s|$)/;

/** Whitespace-normalised text of `el`, without chrome (`skip`), scripts or MathJax's rendered copy. */
function textOf(el: Element | null | undefined, skip = '.descriptor'): string {
  if (!el) return '';
  // Most fields (author links, plain titles) have no child elements: nothing to skip.
  if (!el.firstElementChild) return (el.textContent ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
  let out = '';
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        out += (child as Text).data;
      } else if (child.nodeType === 1) {
        const element = child as Element;
        const tag = element.localName;
        if (tag === 'script') {
          const type = element.getAttribute('type') ?? '';
          if (type.startsWith('math/tex')) out += type.includes('display') ? ` $$${element.textContent}$$ ` : `$${element.textContent}$`;
        } else if (tag !== 'style' && !MATHJAX_RENDERING.test(element.className) && !element.matches(skip)) {
          walk(element);
        }
      }
    }
  };
  walk(el);
  return out.replace(/[\s\u00a0]+/g, ' ').trim();
}

const textsOf = (els: Iterable<Element>) => [...els].map((el) => textOf(el)).filter(Boolean);

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

const hrefsOf = (el: Element | null | undefined, base: string) =>
  el ? [...el.querySelectorAll('a[href]')].flatMap((a) => absolute(a.getAttribute('href'), base) ?? []) : [];

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "30 April, 2007" / "23 Aug 2021" → "2007-04-30"; `undefined` unless day, month and year are all there. */
function isoFromDayMonthYear(text: string): string | undefined {
  const match = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})/.exec(text);
  if (!match) return undefined;
  const month = MONTHS.indexOf(match[2]!.toLowerCase());
  if (month < 0) return undefined;
  return `${match[3]}-${String(month + 1).padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
}

/** "2021/08/23" (citation_* meta) → "2021-08-23". */
function isoFromSlashes(text: string | null | undefined): string | undefined {
  const match = /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(text?.trim() ?? '');
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

interface CardFields {
  ids: string[];
  title: string;
  url: string;
  authors: string[];
  abstract: string;
  abstractEl?: Element;
  titleEl?: Element;
  /** Links on the card that may point to code (comments often say "Code: <link>"). */
  hrefs: string[];
  published?: string;
}

function toCard(fields: CardFields): PaperCard | undefined {
  const identity = keyFor(fields.ids);
  if (!identity) return undefined;
  const card: PaperCard = {
    key: identity.key,
    title: fields.title,
    url: fields.url,
    authors: fields.authors,
    abstract: fields.abstract,
    codeLinks: codeUrls(fields.abstract, fields.hrefs),
  };
  if (identity.aliases.length) card.aliases = identity.aliases;
  if (fields.abstractEl && fields.abstract) card.abstractEl = fields.abstractEl;
  if (fields.titleEl) card.titleEl = fields.titleEl;
  if (fields.published) card.published = fields.published;
  return card;
}

/** A listing entry: the `dd` (title, authors, abstract on /new) after the `dt` that holds the id links. */
function readListing(dd: Element, pageUrl: string): PaperCard | undefined {
  const dt = dd.previousElementSibling;
  const link = dt?.localName === 'dt' ? dt.querySelector(ABS_LINK) : null;
  const url = absolute(link?.getAttribute('href'), pageUrl);
  if (!url) return undefined;
  const titleEl = dd.querySelector('.list-title') ?? undefined;
  // /new shows the abstract as a bare <p> in div.meta; replacements carry an empty one.
  const abstractEl = dd.querySelector('.meta > p, p.mathjax') ?? undefined;
  return toCard({
    ids: [url],
    title: textOf(titleEl),
    url,
    authors: textsOf(dd.querySelectorAll('.list-authors a')),
    abstract: textOf(abstractEl),
    abstractEl,
    titleEl,
    // Code links sit in the comments ("Code: <link>"); author and format links never are.
    hrefs: hrefsOf(dd.querySelector('.list-comments'), pageUrl),
  });
}

/** A search hit: `li.arxiv-result`. The abstract's full text sits hidden beside the visible short one. */
function readSearchResult(li: Element, pageUrl: string): PaperCard | undefined {
  const url = absolute(li.querySelector('.list-title a[href*="/abs/"]')?.getAttribute('href'), pageUrl);
  if (!url) return undefined;
  const doi = li.querySelector('.tags a[href*="doi.org/"]')?.getAttribute('href');
  const titleEl = li.querySelector('p.title') ?? undefined;
  const abstractBox = li.querySelector('p.abstract') ?? undefined;
  const full = li.querySelector('.abstract-full') ?? li.querySelector('.abstract-short');
  // "Submitted 5 March, 2023; v1 submitted 1 March, 2023; originally announced …": v1 is publication.
  const dates = textOf(li.querySelector('p.is-size-7'));
  const v1 = /v1 submitted ([^;]+)/i.exec(dates)?.[1];
  const submitted = /Submitted ([^;]+)/.exec(dates)?.[1];
  return toCard({
    ids: doi ? [url, doi] : [url],
    title: textOf(titleEl),
    url,
    authors: textsOf(li.querySelectorAll('p.authors a')),
    abstract: textOf(full, 'a, .descriptor'),
    // The paragraph holds both the shown short text and the expandable full one: highlights go to both.
    abstractEl: abstractBox,
    titleEl,
    hrefs: [...li.querySelectorAll('p.comments')].flatMap((p) => hrefsOf(p, pageUrl)),
    published: isoFromDayMonthYear(v1 ?? submitted ?? ''),
  });
}

const meta = (doc: Document, name: string) => doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? undefined;

/** The abstract page: `citation_*` meta first (arXiv's own metadata), the rendered page for the rest. */
function readAbstractPage(abs: Element, pageUrl: string): PaperCard | undefined {
  const doc = abs.ownerDocument;
  const fromUrl = parsePaperId(pageUrl);
  const arxivId = meta(doc, 'citation_arxiv_id')?.trim() || (fromUrl?.kind === 'arxiv' ? fromUrl.id : undefined);
  if (!arxivId) return undefined;
  const url = `https://arxiv.org/abs/${arxivId}`;
  const doi = meta(doc, 'citation_doi')?.trim();
  const titleEl = abs.querySelector('h1.title') ?? undefined;
  const abstractEl = abs.querySelector('blockquote.abstract') ?? undefined;
  // Display names from the page ("Jingyun Liang Jr."), not citation_author's "Liang, Jr., Jingyun",
  // which cannot be turned back into a display name without guessing.
  const shownAuthors = textsOf(abs.querySelectorAll('.authors a'));

  return toCard({
    ids: doi ? [url, doi] : [url],
    title: (meta(doc, 'citation_title') ?? textOf(titleEl)).replace(/\s+/g, ' ').trim(),
    url,
    authors: shownAuthors.length ? shownAuthors : [...doc.querySelectorAll('meta[name="citation_author"]')].map((m) => m.getAttribute('content') ?? '').filter(Boolean),
    abstract: (meta(doc, 'citation_abstract') ?? textOf(abstractEl)).replace(/\s+/g, ' ').trim(),
    abstractEl,
    titleEl,
    hrefs: hrefsOf(abs.querySelector('td.comments'), pageUrl),
    published:
      isoFromSlashes(meta(doc, 'citation_date')) ??
      isoFromSlashes(meta(doc, 'citation_publication_date')) ??
      isoFromDayMonthYear(/Submitted on ([^(\]]+)/.exec(textOf(abs.querySelector('.dateline')))?.[1] ?? ''),
  });
}

export const arxiv: SiteAdapter = {
  id: 'arxiv',
  name: 'arXiv',
  matches: ['https://arxiv.org/list/*', 'https://arxiv.org/abs/*', 'https://arxiv.org/search/*'],
  sampleUrls: [
    'https://arxiv.org/list/cs.CL/new',
    'https://arxiv.org/list/astro-ph.SR/new',
    'https://arxiv.org/list/astro-ph.EP/recent',
    'https://arxiv.org/list/cs.LG/recent?skip=0&show=50',
    'https://arxiv.org/list/cs.LG/pastweek?show=100',
    'https://arxiv.org/list/astro-ph/2018-04',
    'https://arxiv.org/list/hep-th/1804',
    'https://arxiv.org/search/?query=dark+matter&searchtype=all&source=header',
    'https://arxiv.org/search/advanced?advanced=&terms-0-term=diffusion&terms-0-field=title',
    'https://arxiv.org/search/cs?query=transformer&searchtype=all',
    'https://arxiv.org/abs/2108.10257',
    'https://arxiv.org/abs/2108.10257v2',
    'https://arxiv.org/abs/astro-ph/0301632',
  ],
  findCards(root) {
    // One query in document order: listing ids (dt, whose dd is the card), search hits, the abstract page.
    const cards: Element[] = [];
    for (const el of root.querySelectorAll('dl > dt, li.arxiv-result, div#abs')) {
      if (el.localName !== 'dt') cards.push(el);
      else if (el.nextElementSibling?.localName === 'dd' && el.querySelector(ABS_LINK)) cards.push(el.nextElementSibling);
    }
    return cards;
  },
  readCard(card, pageUrl) {
    try {
      if (card.localName === 'dd') return readListing(card, pageUrl);
      if (card.classList.contains('arxiv-result')) return readSearchResult(card, pageUrl);
      if (card.id === 'abs') return readAbstractPage(card, pageUrl);
    } catch {
      // A page we do not understand yields no card rather than breaking the others.
    }
    return undefined;
  },
};
