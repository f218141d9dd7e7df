// The uniform shape of a site adapter. One file per site in this folder, registered in index.ts.

import type { Venue } from '../core/identity/venue';
import type { CodeLinkSource } from '../core/links';

export type { Venue, VenueDecision } from '../core/identity/venue';

/** One paper as a listing card (or a single-paper page) shows it. */
export interface PaperCard {
  /** Canonical key, `parsePaperId(...).key`: the first of arXiv, ACL, OpenReview, DOI, URL, dblp record. */
  key: string;
  /** Other keys the card carries for the same paper (its DOI next to its arXiv id, …). */
  aliases?: string[];
  title: string;
  /** The paper's page on this site (absolute). */
  url: string;
  authors: string[];
  /** Full abstract text, from the card or from data the page carries elsewhere (hydration JSON, hidden element). */
  abstract: string;
  /**
   * The element holding the abstract's text on the page, shown or collapsed (an expandable block
   * beside the card counts): highlights go there. Absent when the text comes only from data the page
   * carries elsewhere (hydration JSON).
   */
  abstractEl?: Element;
  /** The element that shows the title (for title highlights). */
  titleEl?: Element;
  /**
   * Code links the card gives as links or in its site's data, as the page gives them (absolute URLs, each once,
   * in the card's order). The background makes them canonical (GitHub first, a repository's own URL), drops any
   * that names no code, and adds the ones written as text in the abstract, with the card's metrics (`findInCard`).
   */
  codeLinks: string[];
  /** Where each of `codeLinks` was found (by URL); absent on a card without code links. */
  codeSources?: Record<string, CodeLinkSource>;
  /** Publication date as ISO `YYYY-MM-DD` when the page gives one. */
  published?: string;
  /** Where the paper was published, when the page says (proceedings and venue pages, dblp). */
  venue?: Venue;
}

export interface SiteAdapter {
  /** Unique, equal to the file name (`huggingface`, `arxiv`, …). */
  id: string;
  /** Human name for the options page. */
  name: string;
  /**
   * Chrome match patterns of the pages this adapter reads. The build makes them this site's content-script
   * matches and host permissions in the manifest (build-outputs.ts); the generic fallback has none.
   */
  matches: string[];
  /** Every card element under `root`, in document order; a single-paper page returns one element. */
  findCards(root: ParentNode): Element[];
  /**
   * Optional: the cards that elements added to the page (`added`, each with its subtree) are, hold, or complete
   * (an entry's id line added beside it), each once, in the order of `added` (page order for a list that grows at
   * its end); the same cards `findCards(document)` gives for them, found without scanning the whole page (a
   * listing that grows by infinite scroll). Cards already known may be among them. Without it, each batch of
   * additions scans the page with `findCards`.
   */
  findAddedCards?(added: readonly Element[]): Element[];
  /** Reads one card; `undefined` when it carries no paper id. Never throws. */
  readCard(card: Element, pageUrl: string): PaperCard | undefined;
  /**
   * The site's cards are rendered and re-rendered by a framework (React, Svelte, …) that owns their nodes and
   * expects to find them as it left them: Paperlight then splits or wraps none of the site's text nodes
   * (code links written as text are highlighted, not turned into links). See docs/content-script.md.
   */
  frameworkRendered?: boolean;
  /**
   * The CSS selectors the adapter finds cards and their parts with, by name, one per line. When a page the adapter
   * claims shows no card, the site-health diagnostic counts what each matches (a renamed class matches nothing).
   */
  selectors: Readonly<Record<string, string>>;
  /**
   * Why this page has no papers, when the page itself says so (a search with no results, a login wall, a
   * captcha): then no card is expected and no warning is raised. Undefined when the page should have cards.
   */
  emptyReason?(doc: Document): string | undefined;
}
