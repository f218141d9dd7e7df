// ACL Anthology volume (/volumes/<id>/) and event (/events/<venue>-<year>/) pages. A static Hugo site:
// each entry is a row holding the badge column (`.list-button-row`: pdf, bib, abs, code…), the title
// link `strong > a[href="/<anthology id>/"]` and the author links (/people/…); the abstract follows as
// a sibling `.abstract-collapse` block, collapsed until the "abs" badge opens it. Read in the Bootstrap 5
// markup (`div.d-sm-flex`, `text-bg-*`, `data-bs-toggle`) and the Bootstrap 4 one (`p.d-sm-flex`,
// `badge-*`, `data-toggle`): neither class set is used here. Front matter (`<volume>.0`, old `X00-n000`)
// is the proceedings' preface, not a paper, and is not a card.
import type { PaperCard, SiteAdapter } from './types';
import { absoluteUrl, codeHrefsOf, safely, toCard } from './lib/read';
import { textOf } from './lib/text';

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

function findCards(root: ParentNode): Element[] {
  const entries: Element[] = [];
  for (const buttons of root.querySelectorAll('.list-button-row')) {
    const entry = buttons.parentElement;
    const title = entry && titleOf(entry);
    if (entry && title && !isFrontMatter(title.id)) entries.push(entry);
  }
  return entries;
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
  });
}

export const acl: SiteAdapter = {
  id: 'acl',
  name: 'ACL Anthology',
  matches: ['https://aclanthology.org/volumes/*', 'https://aclanthology.org/events/*'],
  sampleUrls: [
    'https://aclanthology.org/volumes/2023.alta-1/',
    'https://aclanthology.org/events/alta-2023/',
    'https://aclanthology.org/volumes/2023.acl-long/',
    'https://aclanthology.org/events/acl-2023/',
    'https://aclanthology.org/volumes/P18-1/',
  ],
  findCards,
  readCard: (entry, pageUrl) => safely(() => readCard(entry, pageUrl)),
};
