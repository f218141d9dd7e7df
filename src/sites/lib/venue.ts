// The venue a card's paper was published at, from what the page names: a venue name with its year
// (core/identity/venue-names.ts) and the paper's page at that venue, whose own paper key completes the record.
import { parsePaperId } from '../../core/paper-id';
import type { Venue, VenueDecision, VenueName } from '../../core/identity/venue';

/** `named` at `url`, or undefined when either is missing or the URL names no paper. */
export function venueAt(named: VenueName | undefined, url: string | undefined, decision?: VenueDecision): Venue | undefined {
  if (!named || !url) return undefined;
  const key = parsePaperId(url)?.key;
  if (!key) return undefined;
  return decision ? { name: named.name, year: named.year, url, key, decision } : { name: named.name, year: named.year, url, key };
}
