// OpenReview (openreview.net): venue/group listings (`/group?id=…`, one tab pane per decision) and forum
// pages (`/forum?id=…`). The site is a React app: listing notes arrive after hydration, 25 per page, and
// a note's abstract is rendered only once "Show details" is clicked. The legacy jQuery webfield markup
// (`li.note[data-id]`, abstract present but collapsed) is read by the same code.
import { cardsAroundAndInside } from './lib/added';
import { absoluteUrl, codeHrefsOf, isoDate, safely, toCard } from './lib/read';
import { isoFromMeta, meta, metaAll } from './lib/meta';
import { normalizeSpace, textOf } from './lib/text';
import type { PaperCard, SiteAdapter, Venue } from './types';
import { venueAt } from './lib/venue';
import { openReviewDecision, openReviewVenue, openReviewVenueFromLabel } from '../core/identity/venue-names';

const FORUM_LINK = 'h4 a[href*="forum?id="]';

/** Text of a rendered Markdown field; block boundaries become spaces so paragraphs do not run together. */
const paragraphText = (el: Element | null | undefined) => textOf(el, { separate: 'blocks' });

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

/** The venue a label of the note's meta line names ("ICML 2024 Oral"; "Submitted to ICLR 2024" names none). */
function labelledVenue(items: Iterable<Element>, url: string): Venue | undefined {
  for (const item of items) {
    const named = openReviewVenueFromLabel(textOf(item));
    if (named) return venueAt(named, url, named.decision);
  }
  return undefined;
}

/** Tabs of accepted papers: `accept-oral`, `tab-accept-poster`, older `accepted-poster-papers`, `oral-presentations`. */
const ACCEPTED_TAB = /accept|oral|spotlight|poster/i;

/**
 * A venue page's note was published at the venue the page is (its group id, `ICML.cc/2024/Conference`),
 * with the decision its tab says; outside such a tab, the note's own meta line tells.
 */
function noteVenue(note: Element, pageUrl: string, url: string): Venue | undefined {
  const tab = note.closest('.tab-pane')?.id ?? '';
  const group = openReviewVenue(new URL(pageUrl).searchParams.get('id') ?? '');
  if (group && ACCEPTED_TAB.test(tab)) return venueAt(group, url, openReviewDecision(tab));
  return labelledVenue(note.querySelectorAll('.note-meta-info > li, .note-meta-info > .item'), url);
}

/** A listing note: title link to the forum, authors, meta line, maybe the expanded details. */
function readNote(note: Element, pageUrl: string): PaperCard | undefined {
  const link = note.querySelector(FORUM_LINK);
  const url = absoluteUrl(link?.getAttribute('href'), pageUrl);
  if (!link || !url) return undefined;
  const value = abstractValue(note);
  const content = note.querySelector('.note-content, .note-contents-collapse');
  return toCard({
    ids: [url],
    title: textOf(link),
    url,
    authors: readAuthors(note.querySelector('.note-authors')),
    abstract: paragraphText(value),
    // Shown once expanded (React renders it then; the legacy page had it collapsed in place).
    abstractEl: value,
    titleEl: link,
    codeHrefs: content ? codeHrefsOf(content, pageUrl) : [],
    published: isoDate(textOf(note.querySelector('.note-meta-info'))),
    venue: noteVenue(note, pageUrl, url),
  });
}

/** The forum page's paper: server-rendered `citation_*` meta first, the rendered note for the rest. */
function readForum(forumNote: Element, pageUrl: string): PaperCard | undefined {
  const doc = forumNote.ownerDocument;
  const pdf = absoluteUrl(meta(doc, 'citation_pdf_url') ?? forumNote.querySelector('a.citation_pdf_url')?.getAttribute('href'), pageUrl);
  const forumId = new URL(pageUrl).searchParams.get('id') ?? (pdf ? new URL(pdf).searchParams.get('id') : null);
  if (!forumId) return undefined;
  const url = `https://openreview.net/forum?id=${forumId}`;
  const doi = meta(doc, 'citation_doi');
  const value = abstractValue(forumNote);
  const titleEl = forumNote.querySelector('.forum-title h2') ?? undefined;
  const content = forumNote.querySelector('.note-content');
  const metaAuthors = metaAll(doc, 'citation_author');
  return toCard({
    ids: [url, doi && `doi:${doi}`],
    title: normalizeSpace(meta(doc, 'citation_title') ?? textOf(titleEl)),
    url,
    authors: metaAuthors.length ? metaAuthors : readAuthors(forumNote.querySelector('.forum-authors')),
    abstract: normalizeSpace(meta(doc, 'citation_abstract') ?? paragraphText(value)),
    abstractEl: value,
    titleEl,
    codeHrefs: content ? codeHrefsOf(content, pageUrl) : [],
    published:
      isoFromMeta(meta(doc, 'citation_publication_date')) ??
      isoFromMeta(meta(doc, 'citation_online_date')) ??
      isoDate(textOf(forumNote.querySelector('.forum-meta'))),
    venue: labelledVenue(forumNote.querySelectorAll('.forum-meta .item'), url),
  });
}

const NOTE = '.forum-note, .note';

/**
 * A note that is a paper: the forum's own note, or a listed note with a forum link. Forum replies and "Recent
 * Activity" entries (`li.note.note-activity`) are reviews and edits, not papers.
 */
const isPaperNote = (el: Element) =>
  el.matches('.forum-note') || (!el.matches('.note-activity') && !el.closest('.forum-container') && el.querySelector(FORUM_LINK) !== null);

export const openreview: SiteAdapter = {
  id: 'openreview',
  name: 'OpenReview',
  frameworkRendered: true, // Next.js (React)
  matches: ['https://openreview.net/group?*', 'https://openreview.net/forum?*'],
  selectors: {
    note: '.forum-note, .note',
    forumLink: FORUM_LINK,
  },
  // openreview-web renders a list with nothing in it as one `li > p.empty-message` (a venue before its
  // decisions, an empty tab). Empty only when no list holds a note: a tab left empty beside a list whose notes
  // the adapter no longer recognises is a layout change. A group that is not a venue (`ICLR.cc`, `ICLR.cc/2024`,
  // a conference's workshops) shows its GroupDirectory: `ul.venues-list`, each item a link to a child group or
  // profile (or the empty message); a group that does not exist or may not be read, its ErrorDisplay
  // (`.error-display pre.error-message`). See test/fixtures/openreview/PROVENANCE.md.
  emptyReason(doc) {
    if (doc.querySelector('.error-display .error-message')) return 'error page';
    const directory = doc.querySelector('ul.venues-list');
    if (directory && [...directory.children].every((item) => item.querySelector('a[href^="/group?id="], a[href^="/profile?id="], .empty-message'))) {
      return 'group directory';
    }
    const lists = doc.querySelectorAll('.submissions-list');
    if (lists.length === 0) return undefined;
    for (const list of lists) if (!list.querySelector('.empty-message') && list.querySelector('li')) return undefined;
    return doc.querySelector('.submissions-list .empty-message') ? 'no papers' : undefined;
  },
  findCards(root) {
    // Every tab pane is filled on mount and a tab switch only toggles classes (which the content script
    // does not watch), so the notes of hidden panes are cards too: ready when their tab is shown.
    return [...root.querySelectorAll(NOTE)].filter(isPaperNote);
  },
  // A venue tab's list rendered or a note filled in: the notes around and inside the additions.
  findAddedCards: (added) => cardsAroundAndInside(added, NOTE, isPaperNote),
  readCard(card, pageUrl) {
    return safely(() => (card.matches('.forum-note') ? readForum(card, pageUrl) : readNote(card, pageUrl)));
  },
};
