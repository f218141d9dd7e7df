// bioRxiv and medRxiv (www.biorxiv.org, www.medrxiv.org: one HighWire site software for both): subject
// collections (/collection/<subject>), the recent listing (/content/early/recent), search results
// (/search/<terms>) and paper pages (/content/10.1101/<suffix>v<N> and its .full, .abstract… views).
// Listing items are `div.highwire-article-citation`: the title link `a.highwire-cite-linked-title` to the
// paper page (/content/early/<date>/<suffix> on older pages), authors as given names + surname, the DOI
// printed in `.highwire-cite-metadata-doi`; no abstract (search results load it on demand). A paper page
// has its own citation block in `.pane-highwire-article-citation`, `citation_*` meta, the abstract in
// `#abstract-1` and, written by the site's script after load, "Now published in <journal> doi: …"
// (`.pub_jnl`). Key: the DOI without its version (`doi:10.1101/…`); the journal version's DOI is kept as an
// alias. That notice names no date, so the journal is not recorded as a venue here: pages that name the
// journal with its year (dblp) record it.
import type { PaperCard, SiteAdapter } from './types';
import { absoluteUrl, codeHrefsOf, safely, toCard } from './lib/read';
import { isoFromMeta, meta, metaAll } from './lib/meta';
import { textOf } from './lib/text';

const ITEM = 'div.highwire-article-citation';
/** The paper page's own citation block (other blocks on the page list other papers). */
const PAPER_PANE = '.pane-highwire-article-citation';

function findCards(root: ParentNode): Element[] {
  const paper = root.querySelector(`${PAPER_PANE} ${ITEM}`);
  return paper ? [paper] : [...root.querySelectorAll(ITEM)];
}

/** "Ann", "Lee" → "Ann Lee"; a group author has no name parts. */
function authorsOf(block: Element): string[] {
  return [...block.querySelectorAll('.highwire-citation-author')].flatMap((author) => {
    const parts = [author.querySelector('.nlm-given-names'), author.querySelector('.nlm-surname')].map((el) => textOf(el)).filter(Boolean);
    const name = parts.length ? parts.join(' ') : textOf(author);
    return name ? [name] : [];
  });
}

/** The DOI a block prints ("doi: https://doi.org/10.1101/2021.08.03.454978"). */
function printedDoi(block: ParentNode): string | undefined {
  return /10\.1101\/\S+/.exec(textOf(block.querySelector('.highwire-cite-metadata-doi')))?.[0];
}

function readListing(item: Element, pageUrl: string): PaperCard | undefined {
  const link = item.querySelector('a.highwire-cite-linked-title');
  const doi = printedDoi(item);
  const url = absoluteUrl(link?.getAttribute('href'), pageUrl) ?? (doi && `https://doi.org/${doi}`);
  // The title is wrapped twice (`span.highwire-cite-title > a > span.highwire-cite-title`).
  const titles = item.querySelectorAll('.highwire-cite-title');
  const titleEl = titles[titles.length - 1] ?? undefined;
  return toCard({
    ids: [url, doi],
    title: textOf(titleEl),
    url: url ?? '',
    authors: authorsOf(item),
    abstract: '',
    titleEl,
    codeHrefs: [],
  });
}

function readPaperPage(block: Element, pageUrl: string): PaperCard | undefined {
  const doc = block.ownerDocument;
  const doi = meta(doc, 'citation_doi') ?? printedDoi(block);
  const url = meta(doc, 'citation_public_url') ?? pageUrl;
  const titleEl = block.querySelector('#page-title, .highwire-cite-title') ?? undefined;
  const abstractEl = doc.querySelector('#abstract-1') ?? undefined;
  const published = block.querySelector('.pub_jnl a[href*="doi.org/"]')?.getAttribute('href');
  const metaAuthors = metaAll(doc, 'citation_author');
  return toCard({
    ids: [url, doi && `doi:${doi}`, published ?? undefined],
    title: meta(doc, 'citation_title') ?? textOf(titleEl),
    url,
    authors: metaAuthors.length ? metaAuthors : authorsOf(block),
    // Structured abstracts (medRxiv: Background, Methods, …) are one paragraph per part.
    abstract: textOf(abstractEl, { skip: 'h2', separate: 'blocks' }),
    abstractEl,
    titleEl,
    codeHrefs: abstractEl ? codeHrefsOf(abstractEl, pageUrl) : [],
    published: isoFromMeta(meta(doc, 'citation_publication_date')) ?? isoFromMeta(meta(doc, 'article:published_time')),
  });
}

export const biorxiv: SiteAdapter = {
  id: 'biorxiv',
  name: 'bioRxiv and medRxiv',
  matches: ['www.biorxiv.org', 'www.medrxiv.org'].flatMap((host) => [
    `https://${host}/collection/*`,
    `https://${host}/content/*`,
    `https://${host}/search/*`,
  ]),
  selectors: {
    item: ITEM,
    title: 'a.highwire-cite-linked-title',
    doi: '.highwire-cite-metadata-doi',
  },
  // A search with no hits says so in its summary line ('Your search for "…" returned no results.').
  emptyReason: (doc) => (/returned no results/.test(doc.querySelector('.highwire-search-summary')?.textContent ?? '') ? 'no results' : undefined),
  findCards,
  readCard: (card, pageUrl) => safely(() => (card.closest(PAPER_PANE) ? readPaperPage(card, pageUrl) : readListing(card, pageUrl))),
};
