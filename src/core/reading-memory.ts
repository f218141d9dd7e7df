// The reading memory's entry: one paper met on a supported page, under all the ids it was met by, with when it
// was first and last seen and where first. Pure data and the rules for uniting two entries of one paper; the
// background keeps the entries (src/background/reading-memory.ts), backups carry them (src/core/backup.ts).
import { familyName, titleFingerprint } from './identity';

export interface SeenEntry {
  /** The id the paper was first met by (a canonical key, as on cards). */
  key: string;
  /** Its other ids met since (never `key` itself), at most READING_MEMORY_LIMITS.aliases. */
  aliases: string[];
  /** `titleFingerprint` of its title, when the title is long enough to identify it. */
  fingerprint?: string;
  /**
   * Its first authors as the card named them (what `authorsAgree` reads to confirm a fingerprint). Whole names,
   * not family names alone: "Rodriguez Abella, A." agrees with "Álvaro Rodríguez Abella" only through the given
   * name's words.
   */
  authors: string[];
  /** Epoch milliseconds. */
  firstSeen: number;
  lastSeen: number;
  /** The adapter id of the page it was first seen on. */
  site: string;
}

export const READING_MEMORY_LIMITS = {
  /** The most recently seen entries kept; older ones are pruned. */
  entries: 200_000,
  aliases: 50,
  /** Authors kept per entry: one shared family name confirms a match, and every site lists the first authors. */
  authors: 5,
  /** Characters kept of each author's name (longer is no name: an affiliation list, a page's junk). */
  author: 200,
} as const;

/** The identity fields of a new entry for a card: its fingerprint and its first authors (those with a name). */
export function identityOf(title: string, authors: readonly string[]): Pick<SeenEntry, 'fingerprint' | 'authors'> {
  const fingerprint = titleFingerprint(title);
  const kept: string[] = [];
  for (const author of authors) {
    if (kept.length === READING_MEMORY_LIMITS.authors) break;
    const name = author.trim().slice(0, READING_MEMORY_LIMITS.author);
    if (familyName(name) !== undefined && !kept.includes(name)) kept.push(name);
  }
  return { ...(fingerprint !== undefined && { fingerprint }), authors: kept };
}

/** `ids` without `key` and duplicates, in order, at most the alias limit. */
export function aliasesOf(key: string, ids: Iterable<string>): string[] {
  const aliases: string[] = [];
  for (const id of ids) {
    if (aliases.length === READING_MEMORY_LIMITS.aliases) break;
    if (id !== key && !aliases.includes(id)) aliases.push(id);
  }
  return aliases;
}

/** Which of two entries of one paper keeps its key: the one seen first (ties by key, so the choice is stable). */
export function earlierEntry(a: SeenEntry, b: SeenEntry): SeenEntry {
  if (a.firstSeen !== b.firstSeen) return a.firstSeen < b.firstSeen ? a : b;
  return a.key <= b.key ? a : b;
}

/**
 * Two entries of one paper made one: the earlier-seen entry's key and site, ids united, the earliest first
 * sighting and the latest last one; fingerprint and authors from whichever entry has them (the earlier first).
 */
export function unitedEntries(a: SeenEntry, b: SeenEntry): SeenEntry {
  const first = earlierEntry(a, b);
  const other = first === a ? b : a;
  const fingerprint = first.fingerprint ?? other.fingerprint;
  return {
    key: first.key,
    aliases: aliasesOf(first.key, [...first.aliases, other.key, ...other.aliases]),
    ...(fingerprint !== undefined && { fingerprint }),
    authors: first.authors.length > 0 ? first.authors : other.authors,
    firstSeen: Math.min(a.firstSeen, b.firstSeen),
    lastSeen: Math.max(a.lastSeen, b.lastSeen),
    site: first.site,
  };
}

/** True when two entries hold the same data (field order aside). */
export function sameEntry(a: SeenEntry, b: SeenEntry): boolean {
  return a.key === b.key && a.firstSeen === b.firstSeen && a.lastSeen === b.lastSeen && a.site === b.site &&
    a.fingerprint === b.fingerprint && a.aliases.join('\n') === b.aliases.join('\n') && a.authors.join('\n') === b.authors.join('\n');
}
