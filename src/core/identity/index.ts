// Paper identity across sites: the title normaliser, the identity rule and the venue naming helpers.
// docs/paper-identity.md describes the rule and the decisions behind it.
export { normaliseTitle, titleWords } from './title';
export { authorsAgree, familyName, parseAuthorList, parseAuthorName, sameAuthor, sameFamily, shareFamilyName } from './authors';
export type { AuthorName } from './authors';
export { MIN_TITLE_WORDS, TITLE_FINGERPRINT_VERSION, findByFingerprint, findSamePaper, samePaper, titleFingerprint } from './identity';
export type { PaperIdentity } from './identity';
export { VENUE_DECISIONS, latestVenue, withVenue } from './venue';
export type { Venue, VenueDecision, VenueName } from './venue';
export {
  aclVenue, conferenceAcronym, cvfVenue, namedVenue, neuripsVenue, neuripsVenueFromUrl, openReviewDecision,
  openReviewVenue, openReviewVenueFromLabel, pmlrVenue, pmlrVenueFromHeading,
} from './venue-names';
