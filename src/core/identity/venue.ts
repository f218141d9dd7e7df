// A published version of a paper, as a saved record keeps it in `venues`, and the two list
// operations the store and the views need: add a version, pick the one to show.

/** OpenReview's presentation decision, where the page shows it (the tab a card sits in). */
export type VenueDecision = 'oral' | 'spotlight' | 'poster';
export const VENUE_DECISIONS: readonly VenueDecision[] = ['oral', 'spotlight', 'poster'];

/** What the naming helpers (venue-names.ts) make of what a page shows. */
export interface VenueName {
  /** Venue and year for people: "NeurIPS 2024", "ICML 2025 (PMLR 267)", "ICCV 2023", "ALTA 2022". */
  name: string;
  /** Year of the venue (four digits). */
  year: number;
}

/**
 * One entry of a record's `venues`:
 * - `name`, `year`: as above;
 * - `url`: the paper's page at the venue (proceedings or forum page), the link shown with the name;
 * - `key`: the canonical key of that version (parsePaperId/keyFor of the venue's card: `url:…`,
 *   `openreview:…`, `acl:…`), which also joins the record's aliases;
 * - `decision`: only where the page shows it.
 */
export interface Venue extends VenueName {
  url: string;
  key: string;
  decision?: VenueDecision;
}

/** One version per page: the same URL (or, without a URL, the same key and name) is the same entry. */
function sameVersion(a: Venue, b: Venue): boolean {
  return a.url !== '' || b.url !== '' ? a.url === b.url : a.key === b.key && a.name === b.name;
}

/**
 * `venues` with `venue` added, or with the entry for the same page replaced by it (a decision already
 * known is kept when the new reading has none). Returns a new array; order is the order first seen.
 */
export function withVenue(venues: readonly Venue[], venue: Venue): Venue[] {
  const list = Array.isArray(venues) ? venues : [];
  const index = list.findIndex((known) => sameVersion(known, venue));
  if (index < 0) return [...list, venue];
  const decision = venue.decision ?? list[index]!.decision;
  const merged: Venue = { name: venue.name, year: venue.year, url: venue.url, key: venue.key, ...(decision ? { decision } : {}) };
  return list.map((known, i) => (i === index ? merged : known));
}

/** The version to show ("Published at …"): the latest year; of equal years, the one seen last. */
export function latestVenue(venues: readonly Venue[] | undefined): Venue | undefined {
  if (!Array.isArray(venues)) return undefined;
  let latest: Venue | undefined;
  for (const venue of venues) if (!latest || venue.year >= latest.year) latest = venue;
  return latest;
}
