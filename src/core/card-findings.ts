// What Paperlight reads from one card's text, DOM-free: the stated metrics of its title and abstract, its code
// links (the ones written in the abstract and the ones its site's adapter found on the card, made canonical,
// GitHub first) and where code links are written as plain text in the abstract. The background answers a page's `analyseCards` with this, so the
// extractor and its tables never load into the page.
import { extractCodeLinks, sortCodeLinks, type CodeLink, type CodeLinkSource } from './links';
import type { Metric } from './metric-types';
import { extractMetrics } from './metrics';

export interface CardText {
  title: string;
  abstract: string;
  /** The code links the adapter gathered from the card (its links and its site's data; not the abstract's text). */
  codeLinks: string[];
  /** Where each of `codeLinks` was found (by URL). */
  codeSources?: Record<string, CodeLinkSource>;
}

/** A code link written as text in the abstract: UTF-16 offsets in the abstract and the link it stands for. */
export interface TextLink {
  start: number;
  end: number;
  href: string;
}

export interface CardFindings {
  /** Metrics of the title and of the abstract, offsets in each string. */
  title: Metric[];
  abstract: Metric[];
  codeLinks: CodeLink[];
  /** The code links written as text in the abstract. */
  textLinks: TextLink[];
}

export function findInCard(card: CardText): CardFindings {
  const sources = card.codeSources ?? {};
  const hrefs = card.codeLinks.map((url) => (Object.hasOwn(sources, url) ? { url, source: sources[url]! } : url));
  // One scan of the abstract: its links first (source `abstract`), then the card's own not already among them.
  const found = extractCodeLinks(card.abstract, hrefs);
  const textLinks = found
    .filter((link) => link.start >= 0)
    .map((link) => ({ start: link.start, end: link.end, href: link.url + (link.path ?? '') }));
  const codeLinks = sortCodeLinks(found);
  return { title: extractMetrics(card.title), abstract: extractMetrics(card.abstract), codeLinks, textLinks };
}
