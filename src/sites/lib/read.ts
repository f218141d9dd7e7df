// Reading helpers shared by the site adapters: absolute links, code links, author lists, dates, and the
// last step from what a card shows to a PaperCard (key by the project's rule, the code links it gives, each once). Page
// text is read with lib/text.ts, head metadata with lib/meta.ts. DOM reads only through textContent and
// attributes: no layout, no innerHTML.
import type { CodeLinkSource, SourcedHref } from '../../core/links';
import { monthOfAbbreviation } from '../../core/months';
import { MAX_CODE_LINKS } from '../../core/paper-record';
import { MAX_URL_LENGTH } from '../../core/validate';
import { keyFor } from '../../core/paper-id';
import type { PaperCard, Venue } from '../types';
import { normalizeSpace } from './text';

/** `href` parsed against the page URL; undefined for a missing or unparsable link. */
function urlOf(href: string | null | undefined, base: string): URL | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, base);
  } catch {
    return undefined;
  }
}

/** `href` made absolute against the page URL; undefined for a missing or unparsable link. */
export function absoluteUrl(href: string | null | undefined, base: string): string | undefined {
  return urlOf(href, base)?.href;
}

/** Absolute targets of the links under `el` (javascript: and fragment-only links left out). */
export function hrefsOf(el: ParentNode, base: string): string[] {
  const out: string[] = [];
  for (const a of el.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href')!;
    if (href.startsWith('#') || /^javascript:/i.test(href)) continue;
    const url = absoluteUrl(href, base);
    if (url) out.push(url);
  }
  return out;
}

/** Links that are code whatever their label: repositories, model hubs, github.io project pages. */
const CODE_HOST = /^https?:\/\/(?:(?:www\.)?(?:github\.com|gitlab\.com|gitee\.com|bitbucket\.org|huggingface\.co|hf\.co)\/|[^/]+\.github\.io(?:[/?#]|$))/i;
/** Labels a page puts on a link to code or to a project page ("[code]", "Software", "Project page"). */
const CODE_LABEL = /^\W*(?:code|source code|software|github|gitlab|project(?: page| website)?|implementation|repo(?:sitory)?)\W*$/i;

/** Whether `hostname` is `site` or one of its subdomains. */
const onSite = (hostname: string, site: string) => hostname === site || hostname.endsWith(`.${site}`);

/**
 * Absolute targets of the links under `el` that lead to code: on a code host, or labelled as code.
 * Other links (publisher pages, author pages) are left out: every link a card gives as code counts as code
 * (the background makes it canonical, or drops it if it names no code, a paper page say). Links to `ownSite`
 * (a host and its subdomains: the site's own pages, which would pass as code where the site is a code host too)
 * are left out before any pattern runs, so a card whose links are all the site's own runs none.
 */
export function codeHrefsOf(el: ParentNode, base: string, ownSite?: string): string[] {
  const out: string[] = [];
  for (const a of el.querySelectorAll('a[href]')) {
    const parsed = urlOf(a.getAttribute('href'), base);
    if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || (ownSite && onSite(parsed.hostname, ownSite))) continue;
    const url = parsed.href;
    if (out.includes(url)) continue;
    if (CODE_HOST.test(url) || CODE_LABEL.test(normalizeSpace(a.textContent ?? ''))) out.push(url);
  }
  return out;
}

/** Splits a displayed author list ("A, B, C…", or by `separator`) into names, without "…"/"et al." chrome. */
export function splitAuthors(text: string, separator: RegExp = /\s*,\s*/): string[] {
  return normalizeSpace(text)
    .split(separator)
    .map((name) => name.replace(/\s*(?:…|\.\.\.)$/, '').replace(/^(?:and|&)\s+/, '').trim())
    .filter((name) => name !== '' && !/^(?:…|\.\.\.|et al\.?)$/i.test(name));
}

function iso(year: string, month: number, day: string): string | undefined {
  const d = Number(day);
  if (month < 1 || month > 12 || d < 1 || d > 31) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A full date in the forms listing pages print ("5 April 2007", "Apr 5, 2007", "2007-04-05") as ISO
 * `YYYY-MM-DD`; undefined when day, month or year is missing (a bare "2007" is not a date).
 */
export function isoDate(text: string): string | undefined {
  let m = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (m) return iso(m[1]!, Number(m[2]), m[3]!);
  m = /\b(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})\b/.exec(text);
  if (m) return iso(m[3]!, monthOfAbbreviation(m[2]!), m[1]!);
  m = /\b([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(text);
  if (m) return iso(m[3]!, monthOfAbbreviation(m[1]!), m[2]!);
  return undefined;
}

/** What an adapter read from one card, before the paper key is chosen. */
export interface CardFields {
  /** Every id or URL the card gives for the paper, most telling first (aliases keep this order). */
  ids: Array<string | undefined>;
  title: string;
  url: string;
  authors: string[];
  abstract: string;
  /** Set only when the card shows the abstract (highlights go there). */
  abstractEl?: Element;
  titleEl?: Element;
  /**
   * Links the card gives to code (see codeHrefsOf), each a plain URL (from `codeSource`) or with its own source.
   * They are made canonical, and the links written in the abstract's text are found, by the background with the
   * card's metrics (`findInCard`): the page never runs the link scanner.
   */
  codeHrefs: Array<string | SourcedHref>;
  /** Where the plain URLs of `codeHrefs` come from: links in the card unless said otherwise (arXiv's comments). */
  codeSource?: CodeLinkSource;
  published?: string;
  venue?: Venue;
}

/** The PaperCard for `fields`, or undefined when none of its ids names a paper. */
export function toCard(fields: CardFields): PaperCard | undefined {
  const identity = keyFor(fields.ids.filter((id): id is string => Boolean(id)));
  return identity ? cardWithKey(identity, fields) : undefined;
}

/**
 * The PaperCard for `fields` under a key the adapter already has in canonical form (`keyFor`'s answer for its
 * ids): a site that names its papers by arXiv id alone reads its cards without the general id parser.
 */
export function cardWithKey(identity: { key: string; aliases: readonly string[] }, fields: Omit<CardFields, 'ids'>): PaperCard {
  const codeLinks: string[] = [];
  const codeSources: Record<string, CodeLinkSource> = {};
  for (const href of fields.codeHrefs) {
    const url = typeof href === 'string' ? href : href.url;
    // Each link once, the first place it was found kept; no more and no longer than a message takes.
    if (Object.hasOwn(codeSources, url) || url.length > MAX_URL_LENGTH || codeLinks.length >= MAX_CODE_LINKS) continue;
    codeLinks.push(url);
    codeSources[url] = typeof href === 'string' ? fields.codeSource ?? 'card-link' : href.source;
  }
  const card: PaperCard = {
    key: identity.key,
    title: fields.title,
    url: fields.url,
    authors: fields.authors,
    abstract: fields.abstract,
    codeLinks,
  };
  if (codeLinks.length > 0) card.codeSources = codeSources;
  if (identity.aliases.length > 0) card.aliases = [...identity.aliases];
  if (fields.abstractEl && fields.abstract) card.abstractEl = fields.abstractEl;
  if (fields.titleEl) card.titleEl = fields.titleEl;
  if (fields.published) card.published = fields.published;
  if (fields.venue) card.venue = fields.venue;
  return card;
}

/** Runs `read`, turning any exception into undefined: readCard must never throw on odd markup. */
export function safely<T>(read: () => T | undefined): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/**
 * The card around a paper link on a page without a known card element: the largest ancestor (below
 * `main`/`body`) whose links matching `linkSelector` name no other paper than `id`.
 */
export function cardAroundLink(link: Element, id: string, linkSelector: string, paperIdOf: (link: Element) => string | undefined): Element {
  let card = link;
  for (let parent = link.parentElement; parent && !['body', 'main', 'html'].includes(parent.localName); parent = parent.parentElement) {
    if ([...parent.querySelectorAll(linkSelector)].some((a) => { const other = paperIdOf(a); return other !== undefined && other !== id; })) break;
    card = parent;
  }
  return card;
}
