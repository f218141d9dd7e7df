// The record of a saved paper, as the store keeps it and the exports read it. Pure data.
import { latestVenue, type Venue } from './identity/venue';
import type { CodeLinkSource } from './links';
import type { MetricKind } from './metric-types';

export type { Venue, VenueDecision } from './identity/venue';

/** `skip`: looked at and set aside (keys 1–4 on a card set the four, in this order). */
export type ReadingStatus = 'to-read' | 'reading' | 'read' | 'skip';
export const READING_STATUSES: readonly ReadingStatus[] = ['to-read', 'reading', 'read', 'skip'];

/** A metric as recorded with a saved paper (offsets are not kept: the abstract may be re-read). */
export interface RecordedMetric {
  text: string;
  kind: MetricKind;
  value: number;
  unit: string;
  label: string;
}

export interface SavedPaper {
  /** Canonical key from parsePaperId: `arxiv:2412.01234`, `doi:10.…`, `openreview:…`, `acl:…`, `url:…`. */
  key: string;
  /** Other keys met for the same paper (a DOI next to its arXiv id, …). */
  aliases: string[];
  title: string;
  url: string;
  authors: string[];
  abstract: string;
  /** Publication date as the site gives it (ISO `YYYY-MM-DD` when known). */
  published?: string;
  /**
   * The paper's published versions (proceedings page, OpenReview forum, Anthology page), one per venue page it
   * was recognised on, in the order first met; [] when none is known (as every record written before venues).
   */
  venues: Venue[];
  metrics: RecordedMetric[];
  /** Canonical code URLs, GitHub first. */
  codeLinks: string[];
  /**
   * Where each code link was found (by URL: a link in the card, the abstract, the site's data, arXiv's comments),
   * for the links whose origin is known; absent on records saved before it was recorded.
   */
  codeSources?: Record<string, CodeLinkSource>;
  /** Id of the site adapter the paper was first saved from. */
  site: string;
  tags: string[];
  status: ReadingStatus;
  note: string;
  /** Epoch milliseconds. */
  savedAt: number;
  updatedAt: number;
  /** Pages where the paper was seen, most recent last (bounded). */
  seenUrls: string[];
}

/** A paper in the Trash: the record exactly as it was removed, and when (epoch ms). */
export type TrashedPaper = SavedPaper & { removedAt: number };

/** How long a removed paper stays in the Trash before the background deletes it for ever. */
export const TRASH_KEPT_DAYS = 30;
export const TRASH_KEPT_MS = TRASH_KEPT_DAYS * 24 * 60 * 60 * 1000;

/** The record as it was before it went to the Trash. */
export function untrashed(paper: TrashedPaper): SavedPaper {
  const { removedAt: _removedAt, ...saved } = paper;
  return saved;
}

/**
 * The published version a view shows for a paper ("Published at ICML 2025"): the latest of the saved record's
 * venues, else the venue the card's own page names (a paper not saved yet, on a proceedings page).
 */
export function shownVenue(venues: readonly Venue[] | undefined, own?: Venue): Venue | undefined {
  return latestVenue(venues) ?? own;
}

/** A venue's link, when it is one a view may open (http or https only; anything else is shown as text). */
export function venueLink(venue: Venue): string | undefined {
  return /^https?:\/\//i.test(venue.url) ? venue.url : undefined;
}
