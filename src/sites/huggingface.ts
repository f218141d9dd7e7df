// Hugging Face Papers (huggingface.co/papers…): Daily Papers by day, week and month, trending, search
// results (`?q=`), collections, and the single paper page. Server-rendered Svelte islands: each wraps its
// markup in `div.SVELTE_HYDRATER[data-target][data-props]`, whose JSON holds what the compact 2025 cards
// no longer show (abstract, author names, GitHub repo). After client-side navigation or infinite scroll
// that JSON still describes the first page only, so it is matched to cards by paper id, never by
// position, and a card whose id it lacks is read from its own markup.
import { parsePaperId } from '../core/paper-id';
import { parseArxivId } from '../core/paper-id-arxiv';
import type { SourcedHref } from '../core/links';
import { absoluteUrl, cardAroundLink, codeHrefsOf, isoDate, safely, cardWithKey, type CardFields } from './lib/read';
import { cardsAroundAndInside, selfAndInside } from './lib/added';
import { normalizeSpace, textOf } from './lib/text';
import type { PaperCard, SiteAdapter } from './types';

/** What the hydration JSON says about one paper (`paper` of a daily item, a search hit, a collection item). */
interface PaperJson {
  id: string;
  title?: string;
  summary?: string;
  authors?: Array<{ name?: string }>;
  publishedAt?: string;
  githubRepo?: string | null;
  projectPage?: string | null;
}

const ISLAND = '[data-target][data-props]';
/** The single paper page's island. */
const PAPER_CONTENT = '[data-target="PaperContent"]';
const PAPER_LINK = 'a[href*="/papers/"]';
/** Links are site-relative; their ids do not depend on the page they sit on. */
const SITE = 'https://huggingface.co/';
const NEW_STYLE_ID = /^\d{4}\.\d{4,5}$/;

// ---------------------------------------------------------------------------------------------
// The hydration JSON. A listing card looks up its own paper (`paperOf`): the object is found in the props text by
// its `"id"` and only it is parsed, so a first look at three cards does not parse and normalise a daily page's
// ~80 KB of props for sixteen. Whatever that cannot settle (the id not the object's first key, the text not
// compact JSON) parses the whole props once, as the paper page always does (`papersOf`). Either way per island
// element, again only if its props are rewritten.

interface IslandIndex {
  props: string | null;
  /** Papers looked up so far by id (undefined: the props have none), or every paper once `all` is set. */
  papers: Map<string, PaperJson | undefined>;
  all: boolean;
}

const indexes = new WeakMap<Element, IslandIndex>();

/** The island's index for its current props (a fresh one when they were rewritten). */
function indexOf(island: Element): IslandIndex {
  // Usually the props never change after load (they go stale instead); if a client-side update does rewrite
  // them, the index starts again. The same string compares by reference, so this check is cheap.
  const props = island.getAttribute('data-props');
  const cached = indexes.get(island);
  if (cached && cached.props === props) return cached;
  const index: IslandIndex = { props, papers: new Map(), all: false };
  indexes.set(island, index);
  return index;
}

/** Paper-shaped objects anywhere in the props (daily items' `paper`, `searchResults`, collection items). */
function collectPapers(value: unknown, into: Map<string, PaperJson | undefined>, depth: number): void {
  if (depth > 6 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collectPapers(item, into, depth + 1);
    return;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.id === 'string' && typeof record.title === 'string' && NEW_STYLE_ID.test(record.id)) {
    // The same paper can appear twice (a daily item and its trending twin): fill gaps, keep the first.
    const paper = paperFields(record as unknown as PaperJson);
    const known = into.get(record.id);
    into.set(record.id, known ? { ...paper, ...known } : paper);
  }
  for (const key in record) {
    // A paper's author list is long and never holds papers: the bulk of the props, skipped.
    if (key === 'authors') continue;
    const child = record[key];
    if (child !== null && typeof child === 'object') collectPapers(child, into, depth + 1);
  }
}

/** Only the fields a card reads, text normalised here, once, rather than on every read of the card. */
function paperFields(record: PaperJson): PaperJson {
  const paper: PaperJson = { id: record.id };
  for (const field of ['title', 'summary'] as const) {
    if (typeof record[field] === 'string') paper[field] = normalizeSpace(record[field]);
  }
  for (const field of ['authors', 'publishedAt', 'githubRepo', 'projectPage'] as const) {
    if (record[field] !== undefined) (paper as Record<typeof field, unknown>)[field] = record[field];
  }
  return paper;
}

/** An island's props, parsed; undefined when there are none or they are malformed. */
function parseProps(props: string | null): unknown {
  try {
    return JSON.parse(props ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
}

/** Every paper of the island's props, parsed whole (once per props). */
function papersOf(island: Element | null): Map<string, PaperJson | undefined> | undefined {
  if (!island) return undefined;
  const index = indexOf(island);
  if (!index.all) {
    index.papers = new Map();
    // Malformed props leave the index empty: the cards are read from their markup alone.
    collectPapers(parseProps(index.props), index.papers, 0);
    index.all = true;
  }
  return index.papers;
}

/** The JSON of paper `id` (an arXiv id as `parseArxivId` gives it) in the island's props, if they have it. */
function paperOf(island: Element | null, id: string): PaperJson | undefined {
  if (!island) return undefined;
  const index = indexOf(island);
  if (index.all || index.papers.has(id)) return index.papers.get(id);
  const found = index.props === null ? undefined : findPaper(index.props, id);
  if (found === UNSETTLED) return papersOf(island)!.get(id);
  index.papers.set(id, found);
  return found;
}

/** `findPaper` could not settle it: parse the whole props. */
const UNSETTLED = Symbol();

/**
 * The paper-shaped objects (`id` first, a `title`) whose id is `id`, found in compact JSON text and parsed
 * alone, merged as `collectPapers` merges them; UNSETTLED when the text is not as expected.
 */
function findPaper(props: string, id: string): PaperJson | undefined | typeof UNSETTLED {
  const needle = `"id":"${id}"`;
  let paper: PaperJson | undefined;
  let at = props.indexOf(needle);
  if (at < 0) return props.includes(`"${id}"`) ? UNSETTLED : undefined;
  for (; at >= 0; at = props.indexOf(needle, at + needle.length)) {
    if (props.charCodeAt(at - 1) !== 123 /* { */) return UNSETTLED;
    const end = valueEnd(props, at - 1);
    if (end < 0) return UNSETTLED;
    let record: unknown;
    try {
      record = JSON.parse(props.slice(at - 1, end));
    } catch {
      return UNSETTLED;
    }
    if (typeof (record as PaperJson).title !== 'string') continue;
    const fields = paperFields(record as PaperJson);
    paper = paper ? { ...fields, ...paper } : fields;
  }
  return paper;
}

/** Just past the JSON object or array that starts at `start`, skipping strings whole; -1 if it does not end. */
function valueEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34 /* " */) {
      i = stringEnd(text, i);
      if (i < 0) return -1;
    } else if (code === 123 || code === 91) depth++;
    else if ((code === 125 || code === 93) && --depth === 0) return i + 1;
  }
  return -1;
}

/** The closing quote of the JSON string whose opening quote is at `start`, or -1. */
function stringEnd(text: string, start: number): number {
  for (let quote = text.indexOf('"', start + 1); quote >= 0; quote = text.indexOf('"', quote + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 92 /* \ */) backslashes++;
    if (backslashes % 2 === 0) return quote;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// Small readers

/** How nearly every paper link of a card is written (`/papers/2512.01234`): its id needs no URL parsing. */
const SITE_PAPER_PATH = '/papers/';

/** The arXiv id a `/papers/<id>` link names, or undefined for `/papers`, `/papers/date/…`, other sites. */
function paperIdOfHref(raw: string | null): string | undefined {
  const direct = raw?.startsWith(SITE_PAPER_PATH) ? parseArxivId(raw.slice(SITE_PAPER_PATH.length)) : null;
  if (direct) return direct.id;
  const href = absoluteUrl(raw, SITE);
  const parsed = href && /\/papers\/[^/?#]/.test(href) ? parsePaperId(href) : null;
  return parsed?.kind === 'arxiv' ? parsed.id : undefined;
}

/**
 * Ids by the link's `href` as written. A card's links are looked at several times (finding the cards, then
 * its first paper link and its title link, then once more when its findings come back), and links are relative
 * to the site, not the page, so the same text always names the same id. Bounded, for pages left open for days.
 */
const idsByHref = new Map<string | null, string | undefined>();
const MAX_REMEMBERED_HREFS = 5000;

function paperIdOf(link: Element): string | undefined {
  const raw = link.getAttribute('href');
  if (idsByHref.has(raw)) return idsByHref.get(raw);
  if (idsByHref.size >= MAX_REMEMBERED_HREFS) idsByHref.clear();
  const id = paperIdOfHref(raw);
  idsByHref.set(raw, id);
  return id;
}

function firstPaperLink(card: Element): { link: Element; id: string } | undefined {
  for (const link of card.querySelectorAll(PAPER_LINK)) {
    const id = paperIdOf(link);
    if (id) return { link, id };
  }
  return undefined;
}

/** Text of every text node joined by spaces, so "Title" + "Nov 28, 2024" in sibling elements stay apart. */
const spacedText = (el: Element | null | undefined) => textOf(el, { separate: 'nodes' });

/** `publishedAt` of the JSON ("2024-11-28T00:00:00.000Z") → "2024-11-28". */
const isoFromJson = (value: unknown) => (typeof value === 'string' ? isoDate(value.slice(0, 10)) : undefined);

/** A shown abstract: a paragraph of prose on the card (not the one-line chrome around it). */
function abstractShown(card: Element, titleEl: Element | undefined): Element | undefined {
  for (const p of card.querySelectorAll('p')) {
    if (titleEl?.contains(p)) continue;
    if ((p.textContent ?? '').trim().length >= 80) return p;
  }
  return undefined;
}

/** Author names shown as list items in older cards; the "13 authors" count and avatar items are not names. */
function authorsShown(card: Element): string[] {
  return [...card.querySelectorAll('ul > li')]
    .map((li) => textOf(li))
    .filter((text) => text && !/^\d+ authors?$/i.test(text));
}

/** Links the page gives to code: the JSON's `githubRepo` and `projectPage`, then off-site code links in `parts`. */
function codeHrefs(paper: PaperJson | undefined, parts: Array<Element | null | undefined>, base: string): Array<string | SourcedHref> {
  const fields = [paper?.githubRepo, paper?.projectPage].filter((v): v is string => typeof v === 'string' && v !== '');
  // Hugging Face's own links (profiles, /papers/…) would pass as "huggingface" code links: never on a card.
  const shown = parts.flatMap((el) => (el ? codeHrefsOf(el, base, 'huggingface.co') : []));
  return [...fields.map((url) => ({ url, source: 'site-data' as const })), ...shown];
}

/** The card for paper `id` (an arXiv id as `parseArxivId` gives it, so `arxiv:<id>` is its key). */
const build = (id: string, fields: Omit<CardFields, 'ids' | 'url'>): PaperCard =>
  cardWithKey({ key: `arxiv:${id}`, aliases: [] }, { ...fields, url: `${SITE}papers/${id}` });

const jsonAuthors = (paper: PaperJson | undefined) =>
  Array.isArray(paper?.authors) ? paper.authors.map((a) => normalizeSpace(String(a?.name ?? ''))).filter(Boolean) : undefined;

// ---------------------------------------------------------------------------------------------
// Cards

/** A listing card (daily, week, month, trending, search, collection): JSON by id, then its markup. */
function readListCard(card: Element, pageUrl: string): PaperCard | undefined {
  const found = firstPaperLink(card);
  if (!found) return undefined;
  const paper = paperOf(card.closest(ISLAND), found.id);
  // The title link is the paper link with text (the thumbnail's link holds only an image).
  const titleLink = [...card.querySelectorAll(PAPER_LINK)].find((a) => textOf(a) && paperIdOf(a) === found.id);
  const titleEl = titleLink?.querySelector('h1, h2, h3, h4') ?? titleLink?.closest('h1, h2, h3, h4') ?? titleLink;
  const abstractEl = abstractShown(card, titleEl);
  return build(found.id, {
    title: paper?.title || textOf(titleEl),
    authors: jsonAuthors(paper) ?? authorsShown(card),
    abstract: paper?.summary || textOf(abstractEl),
    abstractEl,
    titleEl,
    codeHrefs: codeHrefs(paper, [card], pageUrl),
    published: isoFromJson(paper?.publishedAt) ?? isoDate(spacedText(card)),
  });
}

/** The single paper page: the `PaperContent` island, its own `paper` first, the rendered page after. */
function readPaperPage(island: Element, pageUrl: string): PaperCard | undefined {
  const papers = papersOf(island);
  const fromUrl = parsePaperId(pageUrl);
  const first = papers?.keys().next().value;
  const id = fromUrl?.kind === 'arxiv' ? fromUrl.id : first && parseArxivId(first)?.id;
  if (!id) return undefined;
  const paper = papers?.get(id);
  const titleEl = island.querySelector('h1') ?? undefined;
  const abstractHeading = [...island.querySelectorAll('h2')].find((h) => textOf(h) === 'Abstract');
  const abstractEl = abstractHeading?.parentElement?.querySelector('p') ?? undefined;
  const authorBlock = [...island.querySelectorAll('div')].find((d) => textOf(d.firstElementChild) === 'Authors:');
  return build(id, {
    title: paper?.title || textOf(titleEl),
    authors: jsonAuthors(paper) ?? [...(authorBlock?.querySelectorAll('button, a') ?? [])].map((b) => textOf(b)).filter(Boolean),
    abstract: paper?.summary || textOf(abstractEl),
    abstractEl,
    titleEl,
    // From the paper's own header and abstract blocks, not from comments about other work.
    codeHrefs: codeHrefs(paper, [titleEl?.closest('section'), abstractHeading?.parentElement], pageUrl),
    published: isoFromJson(paper?.publishedAt) ?? isoDate(spacedText(titleEl?.parentElement)),
  });
}

/** Cards that are elements of their own: the paper page's island, and listing articles with a paper link. */
const CARD_ELEMENT = `${PAPER_CONTENT}, article`;
const isCardElement = (el: Element) => el.localName !== 'article' || firstPaperLink(el) !== undefined;
/** Where a paper link belongs to no card of its own: in a card element, or in the page's chrome. */
const NOT_LOOSE = `${CARD_ELEMENT}, header, nav, footer`;

/** The element is or holds a paper link outside any card element and the page's chrome (a layout without articles). */
function holdsLooseLink(element: Element): boolean {
  for (const link of selfAndInside(element, PAPER_LINK)) if (!link.closest(NOT_LOOSE) && paperIdOf(link)) return true;
  return false;
}

export const huggingface: SiteAdapter = {
  id: 'huggingface',
  name: 'Hugging Face Papers',
  frameworkRendered: true, // Svelte islands
  matches: ['https://huggingface.co/papers*', 'https://huggingface.co/collections/*'],
  selectors: {
    paperContent: PAPER_CONTENT,
    article: 'article',
    paperLink: PAPER_LINK,
    dataIsland: ISLAND,
  },
  // A date without papers redirects to another date, so the listing that can be empty is a search: its props
  // name the query and hold no result.
  emptyReason(doc) {
    const island = doc.querySelector('[data-target="DailyPapers"][data-props]');
    const props = parseProps(island?.getAttribute('data-props') ?? null) as Record<string, unknown> | undefined;
    const query = (props?.query as { q?: unknown } | undefined)?.q;
    const none = (list: unknown) => Array.isArray(list) && list.length === 0;
    return typeof query === 'string' && query.trim() && none(props?.searchResults) && none(props?.dailyPapers) ? 'no results' : undefined;
  },
  findCards(root) {
    const cards: Element[] = [];
    for (const el of root.querySelectorAll(CARD_ELEMENT)) {
      if (isCardElement(el)) cards.push(el);
    }
    // A paper page is about one paper: links to others (recommendations in its comments) are not cards.
    const doc = (root as Node).ownerDocument ?? (root as Document);
    if (doc.querySelector(PAPER_CONTENT)) return cards;
    const seen = new Set(cards);
    let outside = false;
    for (const link of root.querySelectorAll(PAPER_LINK)) {
      // Links come in document order: one inside the card just found belongs to it (thumbnail and title).
      if (outside && cards.at(-1)?.contains(link)) continue;
      if (link.closest(NOT_LOOSE)) continue;
      const id = paperIdOf(link);
      if (!id) continue;
      const card = cardAroundLink(link, id, PAPER_LINK, paperIdOf);
      if (!seen.has(card)) {
        seen.add(card);
        cards.push(card);
        outside = true;
      }
    }
    // Keep document order when both kinds occur on one page.
    if (outside) cards.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
    return cards;
  },
  findAddedCards(added) {
    // The paper page's island and listing articles are cards by their own markup: the ones around and inside the
    // added elements (the next day's articles of an infinite scroll, a card filled in) are the cards they bring. A
    // paper link outside them has for card the largest ancestor naming only its paper, which depends on the page
    // around it: then the page is scanned as a whole, as `findCards` does.
    const loose = added.find((element) => element.isConnected && holdsLooseLink(element));
    return loose ? huggingface.findCards(loose.ownerDocument) : cardsAroundAndInside(added, CARD_ELEMENT, isCardElement);
  },
  readCard(card, pageUrl) {
    return safely(() => (card.matches(PAPER_CONTENT) ? readPaperPage(card, pageUrl) : readListCard(card, pageUrl)));
  },
};
