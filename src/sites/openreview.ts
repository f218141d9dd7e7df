// OpenReview (openreview.net): venue/group listings (`/group?id=…`, one tab pane per decision) and forum
// pages (`/forum?id=…`). The site is a React app: listing notes arrive after hydration, 25 per page, and
// a note's abstract is rendered only once "Show details" is clicked. The legacy jQuery webfield markup
// (`li.note[data-id]`, abstract present but collapsed) is read by the same code.
import { extractCodeLinks, sortCodeLinks } from '../core/links';
import { keyFor } from '../core/paper-id';
import type { PaperCard, SiteAdapter } from './types';

/** Canonical code links of the abstract text and of the card's code-ish links, GitHub first. */
const codeUrls = (text: string, hrefs: readonly string[]) => sortCodeLinks(extractCodeLinks(text, hrefs)).map((link) => link.url);

const FORUM_LINK = 'h4 a[href*="forum?id="]';
const BLOCKS = new Set(['p', 'div', 'li', 'br', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'blockquote', 'pre']);

/** Whitespace-normalised text; block boundaries become spaces so paragraphs do not run together. */
function textOf(el: Element | null | undefined): string {
  if (!el) return '';
  let out = '';
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += (child as Text).data;
      else if (child.nodeType === 1) {
        const tag = (child as Element).localName;
        if (tag === 'script' || tag === 'style') continue;
        walk(child);
        if (BLOCKS.has(tag)) out += ' ';
      }
    }
  };
  walk(el);
  return out.replace(/[\s\u00a0]+/g, ' ').trim();
}

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

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** First "02 May 2024" / "28 Sept 2020" in `text` as ISO. */
function firstDate(text: string): string | undefined {
  const match = /\b(\d{1,2}) ([A-Za-z]{3})[a-z]*\.? (\d{4})\b/.exec(text);
  const month = match ? MONTHS.indexOf(match[2]!.toLowerCase()) : -1;
  if (!match || month < 0) return undefined;
  return `${match[3]}-${String(month + 1).padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
}

/** "2024/05/02" (citation_* meta) → "2024-05-02". */
function isoFromSlashes(text: string | null | undefined): string | undefined {
  const match = /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(text?.trim() ?? '');
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

/** Chrome inside an author list: "et al. (N additional authors not shown)", privacy labels and icons. */
const AUTHOR_CHROME = 'a[role="button"], .show-all, .private-author-label, .glyphicon, .private-contents-icon, sup';

/**
 * Authors in order, profile link or not. Current markup: `.note-authors > span > (a | span)…` (forum:
 * `.forum-authors > h3 > span`), names with institutions wrapped in `span.note-author-with-institutions`;
 * legacy: `.note-authors > a.profile-link…`. Only the first 20 are in the DOM until expanded.
 */
function readAuthors(box: Element | null): string[] {
  if (!box) return [];
  let list = box;
  while (list.children.length === 1 && ['span', 'h3'].includes(list.firstElementChild!.localName)) {
    list = list.firstElementChild!;
  }
  if (list.children.length === 0) return textOf(list) ? [textOf(list)] : [];
  const names: string[] = [];
  for (const item of list.children) {
    if (item.matches(AUTHOR_CHROME)) continue;
    const name = textOf(item.matches('.note-author-with-institutions') ? item.querySelector('a') : item);
    if (name) names.push(name);
  }
  return names;
}

/** The value element of the note's "Abstract:" field, when the note has it in the DOM. */
function abstractValue(note: Element): Element | undefined {
  for (const field of note.querySelectorAll('.note-content-field')) {
    if (/^\s*abstract\b/i.test(field.textContent ?? '')) {
      return field.parentElement?.querySelector('.note-content-value') ?? undefined;
    }
  }
  return undefined;
}

function finish(ids: string[], card: Omit<PaperCard, 'key' | 'codeLinks'>, hrefs: string[]): PaperCard | undefined {
  const identity = keyFor(ids);
  if (!identity) return undefined;
  const result: PaperCard = { key: identity.key, ...card, codeLinks: codeUrls(card.abstract, hrefs) };
  if (identity.aliases.length) result.aliases = identity.aliases;
  if (!result.abstract) delete result.abstractEl;
  for (const field of ['abstractEl', 'titleEl', 'published'] as const) if (result[field] === undefined) delete result[field];
  return result;
}

const hrefsIn = (el: Element | undefined, base: string) =>
  el ? [...el.querySelectorAll('a[href]')].flatMap((a) => absolute(a.getAttribute('href'), base) ?? []) : [];

/** A listing note: title link to the forum, authors, meta line, maybe the expanded details. */
function readNote(note: Element, pageUrl: string): PaperCard | undefined {
  const link = note.querySelector(FORUM_LINK);
  const url = absolute(link?.getAttribute('href'), pageUrl);
  if (!link || !url) return undefined;
  const value = abstractValue(note);
  const content = note.querySelector('.note-content, .note-contents-collapse') ?? undefined;
  return finish(
    [url],
    {
      title: textOf(link),
      url,
      authors: readAuthors(note.querySelector('.note-authors')),
      abstract: textOf(value),
      // Shown once expanded (React renders it then; the legacy page had it collapsed in place).
      abstractEl: value,
      titleEl: link,
      published: firstDate(textOf(note.querySelector('.note-meta-info'))),
    },
    hrefsIn(content, pageUrl),
  );
}

const meta = (doc: Document, name: string) => doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content')?.trim() || undefined;

/** The forum page's paper: server-rendered `citation_*` meta first, the rendered note for the rest. */
function readForum(forumNote: Element, pageUrl: string): PaperCard | undefined {
  const doc = forumNote.ownerDocument;
  const pdf = absolute(meta(doc, 'citation_pdf_url') ?? forumNote.querySelector('a.citation_pdf_url')?.getAttribute('href'), pageUrl);
  const forumId = new URL(pageUrl).searchParams.get('id') ?? (pdf ? new URL(pdf).searchParams.get('id') : null);
  if (!forumId) return undefined;
  const url = `https://openreview.net/forum?id=${forumId}`;
  const doi = meta(doc, 'citation_doi');
  const value = abstractValue(forumNote);
  const metaAuthors = [...doc.querySelectorAll('meta[name="citation_author"]')].flatMap((m) => m.getAttribute('content')?.trim() || []);
  return finish(
    doi ? [url, `doi:${doi}`] : [url],
    {
      title: (meta(doc, 'citation_title') ?? textOf(forumNote.querySelector('.forum-title h2'))).replace(/\s+/g, ' '),
      url,
      authors: metaAuthors.length ? metaAuthors : readAuthors(forumNote.querySelector('.forum-authors')),
      abstract: (meta(doc, 'citation_abstract') ?? textOf(value)).replace(/\s+/g, ' ').trim(),
      abstractEl: value,
      titleEl: forumNote.querySelector('.forum-title h2') ?? undefined,
      published:
        isoFromSlashes(meta(doc, 'citation_publication_date')) ??
        isoFromSlashes(meta(doc, 'citation_online_date')) ??
        firstDate(textOf(forumNote.querySelector('.forum-meta'))),
    },
    hrefsIn(forumNote.querySelector('.note-content') ?? undefined, pageUrl),
  );
}

export const openreview: SiteAdapter = {
  id: 'openreview',
  name: 'OpenReview',
  matches: ['https://openreview.net/group?*', 'https://openreview.net/forum?*'],
  sampleUrls: [
    'https://openreview.net/group?id=ICML.cc/2024/Conference#tab-accept-poster',
    'https://openreview.net/group?id=ICLR.cc/2024/Conference#tab-accept-oral',
    'https://openreview.net/group?id=ICLR.cc/2020/Conference#accept-poster',
    'https://openreview.net/group?id=NeurIPS.cc/2023/Conference',
    'https://openreview.net/forum?id=GiHo83ozsF',
    'https://openreview.net/forum?id=rkgpv2VFvr&noteId=rkgpv2VFvr',
  ],
  findCards(root) {
    // Every tab pane is filled on mount and a tab switch only toggles classes (which the content script
    // does not watch), so the notes of hidden panes are cards too: ready when their tab is shown.
    const cards: Element[] = [];
    for (const el of root.querySelectorAll('.forum-note, .note')) {
      if (el.matches('.forum-note')) cards.push(el);
      // Forum replies and "Recent Activity" entries (`li.note.note-activity`) are reviews and edits, not papers.
      else if (!el.matches('.note-activity') && !el.closest('.forum-container') && el.querySelector(FORUM_LINK)) cards.push(el);
    }
    return cards;
  },
  readCard(card, pageUrl) {
    try {
      return card.matches('.forum-note') ? readForum(card, pageUrl) : readNote(card, pageUrl);
    } catch {
      return undefined;
    }
  },
};
