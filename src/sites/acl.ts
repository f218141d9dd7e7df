// ACL Anthology volume (/volumes/<id>/), event (/events/<venue>-<year>/) and paper (/<anthology id>/)
// pages. A static Hugo site: on volume and event pages each entry is a row holding the badge column
// (`.list-button-row`: pdf, bib, abs, code…), the title link `strong > a[href="/<anthology id>/"]` and the
// author links (/people/…); the abstract follows as a sibling `.abstract-collapse` block, collapsed until
// the "abs" badge opens it. Read in the Bootstrap 5 markup (`div.d-sm-flex`, `text-bg-*`, `data-bs-toggle`)
// and the Bootstrap 4 one (`p.d-sm-flex`, `badge-*`, `data-toggle`): neither class set is used here. Front
// matter (`<volume>.0`, old `X00-n000`) is the proceedings' preface, not a paper, and is not a card.
// A paper page (`papers/single.html`) is `section#main`: the title `h2#title`, the authors `p.lead`, the
// abstract in `.acl-abstract` (in a `span` since Bootstrap 5), and a `dl` of Anthology ID, venue, DOI,
// attachments. The venue is named from the Anthology id ("ALTA 2023", "ACL 2018").
import type { PaperCard, SiteAdapter } from './types';
import { absoluteUrl, codeHrefsOf, safely, toCard } from './lib/read';
import { meta } from './lib/meta';
import { textOf } from './lib/text';
import { venueAt } from './lib/venue';
import { aclVenue } from '../core/identity/venue-names';
import { parsePaperId } from '../core/paper-id';

/** Paper number 0 of a volume: new ids `2023.acl-long.0`, old ids `P18-1000`, workshops `W19-0100`. */
function isFrontMatter(anthologyId: string): boolean {
  return /\.0$/.test(anthologyId) || /^[A-VX-Z]\d\d-\d000$/i.test(anthologyId) || /^W\d\d-\d\d00$/i.test(anthologyId);
}

/** The entry's title link, and the Anthology id its path names (`/2023.alta-1.1/` → `2023.alta-1.1`). */
function titleOf(entry: Element): { link: Element; id: string } | undefined {
  const link = entry.querySelector('strong > a[href]');
  const path = link?.getAttribute('href')?.replace(/^https?:\/\/[^/]+/, '') ?? '';
  const id = /^\/(?:anthology\/)?([^/]+?)\/?$/.exec(path)?.[1];
  return link && id ? { link, id } : undefined;
}

/** The `dd` a paper page's details list gives for `label` ("Anthology ID:", "DOI:"). */
function detail(section: Element, label: string): Element | undefined {
  for (const dt of section.querySelectorAll('dl > dt')) {
    if (textOf(dt) === label) return dt.nextElementSibling?.localName === 'dd' ? dt.nextElementSibling : undefined;
  }
  return undefined;
}

/** A paper page's section: its details list names a paper id (a volume page's names a volume). */
function paperSection(root: ParentNode): Element | undefined {
  const section = root.querySelector('section#main');
  const id = section && textOf(detail(section, 'Anthology ID:'));
  return section && id && parsePaperId(`acl:${id}`) && !isFrontMatter(id) ? section : undefined;
}

function findCards(root: ParentNode): Element[] {
  const entries: Element[] = [];
  for (const buttons of root.querySelectorAll('.list-button-row')) {
    const entry = buttons.parentElement;
    const title = entry && titleOf(entry);
    if (entry && title && !isFrontMatter(title.id)) entries.push(entry);
  }
  if (entries.length > 0) return entries;
  const paper = paperSection(root);
  return paper ? [paper] : [];
}

/** The collapsed abstract block right after the entry (absent for papers without an abstract). */
function abstractBlockOf(entry: Element): Element | undefined {
  const next = entry.nextElementSibling;
  return next?.classList.contains('abstract-collapse') ? next : undefined;
}

function readCard(entry: Element, pageUrl: string): PaperCard | undefined {
  const title = titleOf(entry);
  // The paper page is /<id>/; built from the id rather than copied, since minified pages write the
  // link unquoted (`href=/2023.alta-1.1/>`), which some HTML parsers read without its final slash.
  const url = title && absoluteUrl(`/${title.id}/`, pageUrl);
  const abstractEl = abstractBlockOf(entry);
  const abstract = textOf(abstractEl);
  return toCard({
    ids: [url],
    title: textOf(title?.link),
    url: url ?? '',
    authors: [...entry.querySelectorAll('a[href*="/people/"]')].map((a) => textOf(a)).filter(Boolean),
    // Collapsed until the reader opens it: highlighted all the same, so the metrics are marked when it opens
    // (the toolbar shows them as chips while it is closed).
    abstract,
    abstractEl,
    titleEl: title?.link,
    codeHrefs: codeHrefsOf(entry, pageUrl),
    venue: title && venueAt(aclVenue(title.id), url),
  });
}

function readPaperPage(section: Element, pageUrl: string): PaperCard | undefined {
  const id = textOf(detail(section, 'Anthology ID:'));
  const url = absoluteUrl(`/${id}/`, pageUrl);
  const titleEl = section.querySelector('#title') ?? undefined;
  const body = section.querySelector('.acl-abstract');
  // Bootstrap 5 pages wrap the text in a span beside the "Abstract" heading; Bootstrap 4 pages do not.
  const abstractEl = body?.querySelector(':scope > span') ?? body ?? undefined;
  const doi = detail(section, 'DOI:')?.querySelector('a[href]')?.getAttribute('href');
  const details = section.querySelector('dl');
  return toCard({
    ids: [url, doi ?? undefined],
    title: meta(section.ownerDocument, 'citation_title') ?? textOf(titleEl),
    url: url ?? '',
    authors: [...section.querySelectorAll('p.lead a[href*="/people/"]')].map((a) => textOf(a)).filter(Boolean),
    abstract: textOf(body, { skip: '.card-title' }),
    abstractEl,
    titleEl,
    codeHrefs: details ? codeHrefsOf(details, pageUrl) : [],
    venue: venueAt(aclVenue(id), url),
  });
}

export const acl: SiteAdapter = {
  id: 'acl',
  name: 'ACL Anthology',
  matches: [
    'https://aclanthology.org/volumes/*',
    'https://aclanthology.org/events/*',
    // Paper pages with ids of 2020 on (`/2023.acl-long.1/`). Older ids (`/P18-1007/`) begin with a letter,
    // which a match pattern (case-insensitive, `*` its only wildcard) cannot tell from `/people/`, `/faq/`.
    'https://aclanthology.org/20*',
  ],
  selectors: {
    entryButtons: '.list-button-row',
    entryTitle: 'strong > a[href]',
    paperPage: 'section#main',
  },
  findCards,
  readCard: (card, pageUrl) => safely(() => (card.matches('section#main') ? readPaperPage(card, pageUrl) : readCard(card, pageUrl))),
  // An address with no page (a mistyped id, a volume not yet published) is answered with the Anthology's 404 page
  // (hugo/layouts/404.html in acl-org/acl-anthology): `main > h2#title` "404" where a paper page has `section#main`.
  emptyReason: (doc) => (doc.querySelector('main > h2#title')?.textContent?.trim() === '404' ? 'not found' : undefined),
};
