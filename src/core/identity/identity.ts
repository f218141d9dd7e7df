// The identity rule: when two records with different keys (arXiv, OpenReview, a proceedings URL, …)
// are the same paper. Their normalised titles must be equal, with at least MIN_TITLE_WORDS words, and
// their authors must agree (both list authors and share a family name, or either lists none). Nothing
// fuzzy: a title with one word changed, added or cut is another paper. docs/paper-identity.md explains
// the choices.
import { authorsAgree, hasFamilyName, parseAuthorList, shareFamilyName, type AuthorName } from './authors';
import { countTitleWords, normalisesTo, normaliseTitle } from './title';

/** A normalised title shorter than this never identifies a paper: "Segment Anything", "Deep Learning". */
export const MIN_TITLE_WORDS = 4;

/**
 * Bumped whenever normaliseTitle changes its output: stored fingerprints made by an older version
 * must then be computed again, or lookups miss.
 */
export const TITLE_FINGERPRINT_VERSION = 1;

/** What the rule reads of a record: a SavedPaper, a card read from a page. */
export interface PaperIdentity {
  readonly title: string;
  readonly authors: readonly string[];
}

/**
 * The key to index and look up records by title: the normalised title, or undefined when it has fewer
 * than MIN_TITLE_WORDS words (such records are found by their ids only). Equal fingerprints are
 * candidates; `authorsAgree` confirms them.
 */
export function titleFingerprint(title: string): string | undefined {
  const normalised = normaliseTitle(title);
  return countTitleWords(normalised, MIN_TITLE_WORDS) >= MIN_TITLE_WORDS ? normalised : undefined;
}

/** Whether two records are the same paper by title and authors (ids are compared elsewhere). */
export function samePaper(a: PaperIdentity, b: PaperIdentity): boolean {
  const fingerprint = titleFingerprint(a?.title);
  return fingerprint !== undefined && fingerprint === titleFingerprint(b?.title) && authorsAgree(a.authors, b.authors);
}

/** The first candidate that is the same paper as `paper`, e.g. among the records found by its fingerprint. */
export function findSamePaper<T extends PaperIdentity>(paper: PaperIdentity, candidates: Iterable<T>): T | undefined {
  const fingerprint = titleFingerprint(paper?.title);
  return fingerprint === undefined ? undefined : findByFingerprint(fingerprint, paper.authors, candidates);
}

/**
 * `findSamePaper` for a paper whose fingerprint is known (`titleFingerprint` of its title, not undefined): the
 * store computes it once per card to look the card up, and confirms the candidates with it.
 */
export function findByFingerprint<T extends PaperIdentity>(
  fingerprint: string, paperAuthors: readonly string[], candidates: Iterable<T>,
): T | undefined {
  // A title too short to identify a paper has no fingerprint: none of the candidates' titles can give it.
  if (countTitleWords(fingerprint, MIN_TITLE_WORDS) < MIN_TITLE_WORDS) return undefined;
  let authors: AuthorName[] | undefined; // parsed once a candidate has the same title (most calls find none)
  for (const candidate of candidates) {
    // The fingerprint has enough words, so a title that normalises to it is one (no words to count per candidate).
    if (!normalisesTo(candidate?.title, fingerprint)) continue;
    if (shareWrittenName(paperAuthors, candidate.authors)) return candidate;
    authors ??= parseAuthorList(paperAuthors);
    const other = parseAuthorList(candidate.authors);
    if (authors.length === 0 || other.length === 0 || shareFamilyName(authors, other)) return candidate;
  }
  return undefined;
}

/**
 * Whether both lists hold one name written the same way, and it has a family name: then the author rule holds
 * (a parsed name always shares its family name with itself) without parsing the other names. Versions of a paper
 * on two sites usually write their authors alike, so this is the common way a candidate is confirmed.
 */
function shareWrittenName(a: readonly string[], b: readonly string[]): boolean {
  if (!Array.isArray(a) || !Array.isArray(b) || a.length === 0 || b.length === 0) return false;
  // Author lists are short: comparing each pair costs less than building a set, up to lists of a few dozen names.
  if (a.length * b.length > PAIRS_WITHOUT_SET) {
    const written = new Set(a);
    return b.some((name) => written.has(name) && hasFamilyName(name));
  }
  for (const name of b) if (a.includes(name) && hasFamilyName(name)) return true;
  return false;
}

/** Up to this many pairs of names, `shareWrittenName` compares pairs (linear-time with a set beyond). */
const PAIRS_WITHOUT_SET = 256;
