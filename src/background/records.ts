// How records are built and merged: a new paper from card data, a re-save merged into the saved record, tag
// edits, and the derived index fields kept beside each record. Pure functions (no database access).
import { titleFingerprint } from '../core/identity/identity';
import { withVenue } from '../core/identity/venue';
import { LIMITS, canonicalPaper } from '../core/paper-record';
import { normaliseTags, tagId } from '../core/tags';
import type { SavedPaper, Venue } from '../core/paper';
import { savedPaperOf } from '../shared/database';
import type { CardData } from '../shared/messages';
import { UserError } from './errors';
import type { SeenEntry } from '../core/reading-memory';
import type { IndexFields, StoredPaper, StoredSeenEntry } from './schema';

/**
 * The index key of a title fingerprint: a 53-bit hash of it. A number is a short index entry, and compares far
 * faster than a title-long string (a page's lookup reads the index once per card no id found); two titles that
 * share a hash are told apart by the full comparison that confirms every candidate (core/identity).
 */
export function fingerprintKey(fingerprint: string): number {
  let low = 0x811c9dc5;
  let high = 0x01000193;
  for (let i = 0; i < fingerprint.length; i++) {
    const code = fingerprint.charCodeAt(i);
    low = Math.imul(low ^ code, 0x01000193);
    high = Math.imul(high ^ code, 0x5bd1e995);
  }
  return (high >>> 11) * 2 ** 32 + (low >>> 0);
}

/** The index key of a card's or record's title, or undefined when the title is too short to identify a paper. */
export function titleKey(title: string): number | undefined {
  const fingerprint = titleFingerprint(title);
  return fingerprint === undefined ? undefined : fingerprintKey(fingerprint);
}

export function indexFields(paper: SavedPaper): IndexFields {
  const fields: IndexFields = { tags: paper.tags.map((tag) => [tagId(tag), paper.savedAt]) };
  // A title too short to identify a paper has no fingerprint: its record stays out of that index.
  const fingerprint = titleKey(paper.title);
  if (fingerprint !== undefined) fields.fingerprint = fingerprint;
  return fields;
}

export function toStored(paper: SavedPaper): StoredPaper {
  const stored = canonicalPaper(paper) as StoredPaper; // a fresh object: it takes the index fields itself
  stored.ix = indexFields(paper);
  return stored;
}

/** A reading-memory entry as stored: with its key and aliases as `ids`, which the `ids` index reads. */
export function storedSeenEntry(entry: SeenEntry): StoredSeenEntry {
  return { ...entry, ids: [entry.key, ...entry.aliases] };
}

/** The record as the rest of the product sees it. */
export function toSaved(stored: StoredPaper): SavedPaper {
  return savedPaperOf(stored);
}

/** Spellings already in use, by tag id; a tag typed in another letter case takes the existing spelling. */
export type TagSpellings = Map<string, string>;

export function spellTags(tags: readonly string[], spellings: TagSpellings): string[] {
  return normaliseTags(tags).map((tag) => {
    const id = tag.toLowerCase();
    const known = spellings.get(id);
    if (known !== undefined) return known;
    spellings.set(id, tag);
    return tag;
  });
}

/** Tags are what the user typed: past the limit, the write is refused rather than some tags silently dropped. */
function withinTagLimit(tags: string[], key: string): string[] {
  if (tags.length > LIMITS.tags) {
    throw new UserError(`A paper can carry at most ${LIMITS.tags} tags (${key} would have ${tags.length}); remove some first.`);
  }
  return tags;
}

/** Union in order, without duplicates, keeping at most `max` (the first ones). */
function union(max: number, ...lists: Array<readonly string[]>): string[] {
  return [...new Set(lists.flat())].slice(0, max);
}

/** The other ids of the paper keyed `key`, first met first. */
export function aliasesOf(key: string, ...lists: Array<readonly string[]>): string[] {
  return union(LIMITS.aliases + 1, ...lists).filter((id) => id !== key).slice(0, LIMITS.aliases);
}

/** `url` appended as the most recent page the paper was seen on (moved to the end if already listed). */
export function withSeenUrl(seen: readonly string[], url: string | undefined): string[] {
  if (!url) return [...seen];
  return [...seen.filter((u) => u !== url), url].slice(-LIMITS.seenUrls);
}

export function paperFromCard(card: CardData, spellings: TagSpellings, now: number, pageUrl?: string): SavedPaper {
  return canonicalPaper({
    key: card.key,
    aliases: aliasesOf(card.key, card.aliases ?? []),
    title: card.title,
    url: card.url,
    authors: card.authors,
    abstract: card.abstract,
    published: card.published,
    venues: card.venue ? [card.venue] : [],
    metrics: card.metrics,
    codeLinks: card.codeLinks,
    codeSources: card.codeSources,
    site: card.site,
    tags: spellTags(card.tags ?? [], spellings),
    status: card.status ?? 'to-read',
    note: card.note ?? '',
    savedAt: now,
    updatedAt: now,
    seenUrls: withSeenUrl([], pageUrl),
  });
}

/**
 * How a card was matched to a saved paper: by one of its ids (the same version of the paper), or by title
 * identity alone (another version: the proceedings page of a paper saved from arXiv).
 */
export type CardMatch = 'id' | 'title';

/** The ids a card brings to the paper it shows: its key, its aliases and its venue's key. */
function cardIds(card: Pick<CardData, 'key' | 'aliases' | 'venue'>): string[] {
  return [card.key, ...(card.aliases ?? []), ...(card.venue ? [card.venue.key] : [])];
}

function unitedVenues(venues: readonly Venue[], ...more: readonly Venue[]): Venue[] {
  return more.reduce<Venue[]>(withVenue, [...venues]).slice(0, LIMITS.venues);
}

/**
 * A re-save: what the card reads now refreshes the paper's description (an empty reading never erases one),
 * while what the user added (tags, note, status) is kept: tags are united, a note or status is only set
 * when the card carries one. The record keeps its key; the card's ids become aliases and its venue joins the
 * record's venues. A card matched by title alone shows another version of the paper: it fills what the record
 * lacks but leaves the saved version's title, link, authors, abstract and figures as they are.
 */
export function mergeCard(
  saved: SavedPaper, card: CardData, spellings: TagSpellings, now: number, pageUrl?: string, match: CardMatch = 'id',
): SavedPaper {
  const fresh = <T extends string | readonly unknown[]>(next: T | undefined, old: T): T => {
    if (match === 'title') return old.length > 0 || next === undefined ? old : next;
    return next !== undefined && next.length > 0 ? next : old;
  };
  const merged: SavedPaper = canonicalPaper({
    ...saved,
    aliases: aliasesOf(saved.key, saved.aliases, cardIds(card)),
    title: fresh(card.title, saved.title),
    url: fresh(card.url, saved.url),
    authors: fresh(card.authors, saved.authors),
    abstract: fresh(card.abstract, saved.abstract),
    published: match === 'title' ? saved.published || card.published : card.published || saved.published,
    venues: card.venue ? unitedVenues(saved.venues, card.venue) : saved.venues,
    metrics: fresh(card.metrics, saved.metrics),
    codeLinks: union(LIMITS.codeLinks, card.codeLinks, saved.codeLinks),
    // What the card says now, over what was recorded (canonicalPaper keeps the sources of the links kept).
    codeSources: { ...saved.codeSources, ...card.codeSources },
    tags: withinTagLimit(spellTags([...saved.tags, ...(card.tags ?? [])], spellings), saved.key),
    status: card.status ?? saved.status,
    note: card.note ? card.note : saved.note,
  });
  return touched(saved, { ...merged, seenUrls: withSeenUrl(saved.seenUrls, pageUrl) }, now);
}

/**
 * The record once a page showed it at `card.venue` (a lookup recognised it there): the version joins
 * `venues`, and the card's ids and the version's key join the aliases, so the next lookup finds it by key.
 * The same object when the record knew all of it (recording is idempotent). Seeing where a paper was published
 * is not an edit by the user: `updatedAt` stays.
 */
export function withRecognisedVenue(
  saved: SavedPaper, card: Pick<CardData, 'key' | 'aliases'> & { venue: Venue },
): SavedPaper {
  const venues = unitedVenues(saved.venues, card.venue);
  const aliases = aliasesOf(saved.key, saved.aliases, cardIds(card));
  const same = JSON.stringify(venues) === JSON.stringify(saved.venues) && aliases.length === saved.aliases.length;
  return same ? saved : canonicalPaper({ ...saved, aliases, venues });
}

export interface TagEdit {
  set?: { status?: SavedPaper['status']; note?: string; tags?: string[] };
  addTags?: string[];
  removeTags?: string[];
}

/** Applies `set`, then `addTags`, then `removeTags`. */
export function editPaper(saved: SavedPaper, edit: TagEdit, spellings: TagSpellings, now: number): SavedPaper {
  let tags = edit.set?.tags ?? saved.tags;
  if (edit.addTags) tags = [...tags, ...edit.addTags];
  const removed = new Set((edit.removeTags ?? []).map(tagId));
  tags = withinTagLimit(spellTags(tags, spellings).filter((tag) => !removed.has(tag.toLowerCase())), saved.key);
  const next: SavedPaper = {
    ...saved,
    tags,
    status: edit.set?.status ?? saved.status,
    note: edit.set?.note ?? saved.note,
  };
  return touched(saved, next, now);
}

/** `next` with `updatedAt` moved on if anything but `seenUrls` changed (seeing a paper again is not an edit). */
function touched(before: SavedPaper, next: SavedPaper, now: number): SavedPaper {
  const probe = { ...next, seenUrls: before.seenUrls, updatedAt: before.updatedAt };
  const edited = JSON.stringify(canonicalPaper(probe)) !== JSON.stringify(canonicalPaper(before));
  return edited ? { ...next, updatedAt: Math.max(now, before.updatedAt) } : next;
}

/**
 * Two copies of one paper (the library's and a backup's) made one: the most recently edited copy's fields win,
 * lists (ids, tags, code links, pages seen) are united, and the paper keeps its earliest save time.
 */
export function mergeCopies(saved: SavedPaper, other: SavedPaper, spellings: TagSpellings): SavedPaper {
  const newer = other.updatedAt > saved.updatedAt ? other : saved;
  const older = newer === saved ? other : saved;
  return canonicalPaper({
    ...newer,
    key: saved.key,
    aliases: aliasesOf(saved.key, saved.aliases, [other.key], other.aliases),
    venues: unitedVenues(older.venues, ...newer.venues),
    codeLinks: union(LIMITS.codeLinks, newer.codeLinks, older.codeLinks),
    codeSources: { ...older.codeSources, ...newer.codeSources },
    tags: withinTagLimit(spellTags([...newer.tags, ...older.tags], spellings), saved.key),
    note: newer.note || older.note,
    savedAt: Math.min(saved.savedAt, other.savedAt),
    updatedAt: newer.updatedAt,
    seenUrls: union(Infinity, older.seenUrls, newer.seenUrls).slice(-LIMITS.seenUrls),
  });
}

