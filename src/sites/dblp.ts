// dblp (dblp.org and its mirrors at Trier and Dagstuhl): person pages (/pid/…, the older /pers/…), tables
// of contents of conferences and journals (/db/conf/…, /db/journals/…) and search results (/search?q=…).
// Server-rendered; every publication is an `li.entry.<type>` whose `id` is its dblp record key. It holds a
// `nav.publ` of menus, whose "view" menu lists the electronic editions (`li.ee > a`), and the citation
// `cite.data` (`div.data` before ~2016): authors, title and, outside tables of contents, venue and year in
// schema.org microdata. dblp shows no abstract and no code. Key: from the electronic editions by the
// project's rule (DOI, arXiv, ACL, OpenReview, else the publisher's page), the record key kept as an alias
// `dblp:<key>`. An editorship (a proceedings volume) is not a paper; an e-print (CoRR, bioRxiv: dblp's
// "informal" publications) names no venue.
import type { PaperCard, SiteAdapter } from './types';
import { safely, toCard } from './lib/read';
import { textOf } from './lib/text';
import { venueAt } from './lib/venue';
import { namedVenue } from '../core/identity/venue-names';
import type { VenueName } from '../core/identity/venue';

function findCards(root: ParentNode): Element[] {
  return [...root.querySelectorAll('li.entry')].filter((entry) => !entry.classList.contains('editor'));
}

/** dblp tells namesakes apart with a number ("Yang Song 0001"): not part of the name. */
const HOMONYM_NUMBER = /\s+\d{4}$/;

/** A table of contents names its venue once: the series in the breadcrumbs, the year in the headline. */
function tocVenue(doc: Document, pageUrl: string): VenueName | undefined {
  if (!/^\/db\/(?:conf|journals)\//.test(new URL(pageUrl).pathname)) return undefined;
  const crumbs = doc.querySelectorAll('#breadcrumbs a');
  const series = textOf(crumbs[crumbs.length - 1]);
  const year = /\b(?:19|20)\d\d\b/.exec(textOf(doc.querySelector('#headline h1')))?.[0];
  return series && year ? namedVenue(series, Number(year)) : undefined;
}

/** Person and search pages name each entry's venue: its series or journal, and its year. */
function entryVenue(cite: Element): VenueName | undefined {
  const name = textOf(cite.querySelector('[itemprop="isPartOf"] > [itemprop="name"]'));
  const year = textOf(cite.querySelector('[itemprop="datePublished"]'));
  return name && /^\d{4}$/.test(year) ? namedVenue(name, Number(year)) : undefined;
}

function readCard(entry: Element, pageUrl: string): PaperCard | undefined {
  const recordKey = entry.id;
  const cite = entry.querySelector('cite.data, div.data');
  const titleEl = cite?.querySelector('.title') ?? undefined;
  // dblp ends every title with a period (unless it ends with ? or !).
  const title = textOf(titleEl).replace(/([^.])\.$/, '$1');
  if (!recordKey || !cite || !title) return undefined;
  const editions = [...entry.querySelectorAll('nav.publ li.ee > a[href]')].map((a) => a.getAttribute('href')!);
  const record = new URL(`/rec/${recordKey}.html`, pageUrl).href;
  const named = entry.classList.contains('informal') ? undefined : (tocVenue(entry.ownerDocument, pageUrl) ?? entryVenue(cite));
  return toCard({
    ids: [...editions, `dblp:${recordKey}`],
    title,
    url: record,
    authors: [...cite.querySelectorAll('[itemprop="author"] [itemprop="name"]')].map((el) => textOf(el).replace(HOMONYM_NUMBER, '')).filter(Boolean),
    abstract: '',
    titleEl,
    codeHrefs: [],
    venue: venueAt(named, editions[0] ?? record),
  });
}

const HOSTS = ['dblp.org', 'dblp.uni-trier.de', 'dblp.dagstuhl.de'];

/**
 * A series' or journal's index (/db/conf/iclr/index.html, /db/journals/tods/) and the browse pages above them
 * (/db/conf/) list volumes, each an editorship or a plain link, never papers.
 */
const INDEX_PATH = /^\/db\/(?:conf|journals)\/(?:[^/]+\/)?(?:index\.html)?$/;

export const dblp: SiteAdapter = {
  id: 'dblp',
  name: 'dblp',
  matches: HOSTS.flatMap((host) => [
    `https://${host}/pid/*`,
    `https://${host}/pers/*`,
    `https://${host}/db/conf/*`,
    `https://${host}/db/journals/*`,
    `https://${host}/search?*`,
  ]),
  selectors: {
    entry: 'li.entry',
    data: 'cite.data, div.data',
    title: 'li.entry .title',
  },
  // Read with its paragraphs apart: the hidden "searching the database" comes right before "no matches", and
  // their text run together ("databaseno matches") has no word boundary before "no".
  emptyReason: (doc) =>
    (INDEX_PATH.test(new URL(doc.URL).pathname) ? 'index of volumes'
      : /\bno matches\b/i.test(textOf(doc.querySelector('#completesearch-publs'), { separate: 'blocks' })) ? 'no results' : undefined),
  findCards,
  readCard: (entry, pageUrl) => safely(() => readCard(entry, pageUrl)),
};
