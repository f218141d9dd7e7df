// The fallback for pages no site adapter claims (lab and personal publication lists, a department's paper
// list, a workshop's accepted papers), enabled per site from the options page and never by URL. A card is a
// repeated block that names one paper: starting from each link that carries a paper id (arXiv, ACL Anthology,
// OpenReview, DOI), the block is its largest ancestor that still names no second paper of the same kind (an
// arXiv link and a DOI of the same paper may sit together), narrowed to its only child while it has just one
// (a year heading over a one-paper list, a list item around one wrapper). Blocks count as cards only when
// blocks of one shape (tag, class list without position classes, parent tag) name at least MIN_REPEATS
// different papers, so a page about one paper, or prose citing a few, gives none.
import type { PaperCard, SiteAdapter } from './types';
import { absoluteUrl, codeHrefsOf, safely, splitAuthors, toCard } from './lib/read';
import { textOf } from './lib/text';
import { parsePaperId, type PaperIdKind } from '../core/paper-id';

const MIN_REPEATS = 3;
/** Cheap pre-filter before parsePaperId: hosts and paths that can carry a strong id. */
const ID_HREF = /arxiv\.org\/|alphaxiv\.org\/|doi\.org\/|\/doi\/|aclanthology\.org\/|aclweb\.org\/anthology|openreview\.net\/|huggingface\.co\/papers\//i;
/** Elements that can be a card; inline elements (a link, an emphasis) are parts of one. */
const BLOCK_TAGS = new Set(['li', 'div', 'article', 'section', 'tr', 'td', 'dt', 'dd', 'p', 'blockquote', 'figure', 'details']);
/**
 * Classes a site generator gives by position ("views-row-3", "odd", "views-row-last"): blocks of one kind
 * differ in them, so shapes leave them out.
 */
const POSITION_CLASS = /\d|(?:^|[-_])(?:odd|even|first|last)$/i;
/** Link texts that label a link rather than name a paper. */
const LABEL_TEXT = /^\[?(?:pdf|html|abs(?:tract)?|arxiv|doi|bib(?:tex)?|code|github|project(?: page)?|slides|video|poster|paper|link|openreview|url|supp(?:lementary)?(?: material)?|data(?:set)?)\]?$/i;

interface IdLink {
  link: Element;
  kind: PaperIdKind;
  key: string;
}

/** Links under `root` whose target is a paper id of a strong kind (not a bare page URL). */
function idLinksOf(root: ParentNode, base: string): IdLink[] {
  const out: IdLink[] = [];
  for (const link of root.querySelectorAll('a[href]')) {
    // Relative links count too: on arXiv, Hugging Face or OpenReview the id links are site paths.
    const url = absoluteUrl(link.getAttribute('href'), base);
    if (!url || !ID_HREF.test(url)) continue;
    const id = parsePaperId(url);
    if (id && id.kind !== 'url') out.push({ link, kind: id.kind, key: id.key });
  }
  return out;
}

function baseUrlOf(root: ParentNode): string {
  const doc = (root as Node).ownerDocument ?? (root as Document);
  return doc?.baseURI ?? doc?.URL ?? 'about:blank';
}

/**
 * The block itself, or the block element it wraps alone (repeatedly): a list that holds one paper under its
 * year heading is its item, and an item that only wraps a `div` is that `div`, so that one-paper groups
 * take the shape of the others.
 */
function onlyBlockChild(block: Element): Element {
  let el = block;
  while (el.childElementCount === 1 && BLOCK_TAGS.has(el.firstElementChild!.localName)) el = el.firstElementChild!;
  return el;
}

function findCards(root: ParentNode): Element[] {
  const links = idLinksOf(root, baseUrlOf(root));
  // For each element: the key it names per id kind, or null once it names two papers of that kind.
  const named = new Map<Element, Map<PaperIdKind, string | null>>();
  for (const { link, kind, key } of links) {
    for (let el: Element | null = link; el; el = el.parentElement) {
      let kinds = named.get(el);
      if (!kinds) named.set(el, (kinds = new Map()));
      const seen = kinds.get(kind);
      if (seen === null) break; // this ancestor, and all above it, already name several papers
      kinds.set(kind, seen === undefined || seen === key ? key : null);
    }
  }
  const namesOne = (el: Element) => {
    for (const key of named.get(el)?.values() ?? []) if (key === null) return false;
    return true;
  };
  const blocks = new Map<Element, string>();
  for (const { link, key } of links) {
    let block: Element = link;
    while (block.parentElement && namesOne(block.parentElement)) block = block.parentElement;
    block = onlyBlockChild(block);
    if (block.parentElement && BLOCK_TAGS.has(block.localName) && !blocks.has(block)) blocks.set(block, key);
  }
  // Keep blocks whose shape (tag, classes, parent tag) repeats over several different papers.
  const shapeOf = (el: Element) => {
    const classes = [...el.classList].filter((name) => !POSITION_CLASS.test(name)).sort();
    return `${el.parentElement?.localName}>${el.localName}.${classes.join('.')}`;
  };
  const papersByShape = new Map<string, Set<string>>();
  for (const [block, key] of blocks) {
    const shape = shapeOf(block);
    papersByShape.set(shape, (papersByShape.get(shape) ?? new Set()).add(key));
  }
  // Blocks are disjoint (each is the largest element naming its paper) and were met in link order,
  // so they are already in document order.
  return [...blocks.keys()].filter((block) => papersByShape.get(shapeOf(block))!.size >= MIN_REPEATS);
}

/** An element the page marks as the abstract (not a link or button that toggles it). */
const ABSTRACT = '[class*="abstract" i]:not(a, button, [role="button"])';

/** Headings and elements the page marks as a title. */
const MARKED_TITLE = 'h1, h2, h3, h4, h5, h6, [class*="title" i], [itemprop="name"], [itemprop="headline"]';

/**
 * The element naming the paper: a heading or an element marked as a title; else the longest id link
 * with a real text (not "PDF", "arXiv:…"); else bold text; else the longest other link.
 */
function titleElementOf(block: Element, idLinks: readonly IdLink[]): Element | undefined {
  const isName = (text: string) => text !== '' && !LABEL_TEXT.test(text) && !/^(?:https?:\/\/|arxiv:|doi:)/i.test(text);
  for (const marked of block.querySelectorAll(MARKED_TITLE)) {
    if (isName(textOf(marked))) return marked;
  }
  const longest = (els: Iterable<Element>, minWords: number) => {
    let best: Element | undefined;
    let bestLength = 0;
    for (const el of els) {
      const text = textOf(el);
      if (!isName(text) || text.split(' ').length < minWords) continue;
      if (text.length > bestLength) [best, bestLength] = [el, text.length];
    }
    return best;
  };
  return (
    longest(idLinks.map(({ link }) => link), 2) ??
    longest(block.querySelectorAll('strong, b'), 2) ??
    longest(block.querySelectorAll('a[href]'), 3)
  );
}

function readCard(block: Element, pageUrl: string): PaperCard | undefined {
  const idLinks = idLinksOf(block, pageUrl);
  const titleEl = titleElementOf(block, idLinks);
  const titleLink = titleEl?.closest('a[href]') ?? titleEl?.querySelector('a[href]');
  // Not a toggle such as an "Abs" button that shows the abstract.
  const abstractEl = block.querySelector(ABSTRACT) ?? undefined;
  const authorsEl = block.querySelector('[class*="author" i], [itemprop="author"]');
  const firstId = idLinks[0]?.link;
  return toCard({
    ids: idLinks.map(({ key }) => key),
    title: textOf(titleEl ?? firstId),
    url: absoluteUrl((titleLink ?? firstId)?.getAttribute('href'), pageUrl) ?? '',
    authors: authorsEl ? splitAuthors(textOf(authorsEl), /\s*(?:,|;|\band\b)\s*/) : [],
    abstract: textOf(abstractEl),
    abstractEl,
    titleEl,
    codeHrefs: codeHrefsOf(block, pageUrl),
  });
}

export const generic: SiteAdapter = {
  id: 'generic',
  name: 'Other pages (generic)',
  // Never claimed by URL: the content script runs it on sites the user enables.
  matches: [],
  selectors: {
    abstract: ABSTRACT,
    title: MARKED_TITLE,
  },
  findCards,
  readCard: (block, pageUrl) => safely(() => readCard(block, pageUrl)),
};
