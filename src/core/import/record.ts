// An entry made a complete record: its canonical key (ids first, else its link, else its title), the fields every
// record has, and the bounds every record keeps. What comes out passes the same checks as a backup's records.
import { familyName, normaliseTitle, titleWords } from '../identity';
import type { SavedPaper } from '../paper';
import { keyFor, urlForKey } from '../paper-id';
import { LIMITS, readSavedPaper } from '../paper-record';
import { normaliseTags } from '../tags';
import { ShapeError } from '../validate';
import type { ImportEntry, ImportedPaper, Notice, Rejection } from './entry';
import { joinNotes } from './text';

/** Longest title part of a title key: long enough for any real title's start, short enough for a readable key. */
const TITLE_KEY_CHARS = 200;

/**
 * The key of a paper known by its title alone: `title:` and its normalised title's words joined by `-`, then
 * `/` and the first author's family name when the entry lists authors (`title:deep-learning/lecun`). Two entries
 * get the same key only when their titles normalise alike and their first authors share a family name; for
 * titles of four words or more that is also what makes them the same paper. Undefined when the title has no
 * letter or digit.
 */
export function titleKey(title: string, authors: readonly string[]): string | undefined {
  let slug = '';
  for (const word of titleWords(normaliseTitle(title))) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > TITLE_KEY_CHARS) break;
    slug = next;
  }
  if (!slug) return undefined;
  const family = authors.map(familyName).find((name) => name !== undefined);
  return family ? `title:${slug}/${family.split(' ').join('-')}` : `title:${slug}`;
}

/** A link for a paper known only by its title: a Google Scholar search for it, which the user may follow. */
export function searchUrl(title: string): string {
  return `https://scholar.google.com/scholar?q=${encodeURIComponent(title.slice(0, 300))}`;
}

export interface RecordContext {
  /** Epoch ms of the import. */
  now: number;
  /** The record's `site`: the format it was imported from. */
  site: string;
}

export type RecordResult = { ok: true; imported: ImportedPaper; notices: Notice[] } | { ok: false; rejection: Rejection };

function cut(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

export function toRecord(entry: ImportEntry, context: RecordContext): RecordResult {
  const notices: Notice[] = [];
  const notice = (message: string) => notices.push({ entry: entry.label, message });
  const reject = (reason: string): RecordResult => ({ ok: false, rejection: { entry: entry.label, reason } });

  if (entry.title.length > LIMITS.title) return reject(`the title is longer than ${LIMITS.title.toLocaleString('en')} characters`);
  const ids = keyFor(entry.ids);
  const key = ids?.key ?? titleKey(entry.title, entry.authors);
  if (!key) return reject('no id, link or title with letters or digits to identify the paper by');
  if (key.length > LIMITS.key) return reject('its id is too long to be a paper key');

  const authors = entry.authors.every((a) => a.length <= LIMITS.author) ? entry.authors : entry.authors.filter((a) => a.length <= LIMITS.author);
  if (authors.length < entry.authors.length) notice(`${entry.authors.length - authors.length} author name(s) longer than ${LIMITS.author} characters left out`);
  if (authors.length > LIMITS.authors) notice(`only the first ${LIMITS.authors.toLocaleString('en')} of ${authors.length.toLocaleString('en')} authors kept`);

  const abstract = cut(entry.abstract, LIMITS.abstract);
  if (abstract.length < entry.abstract.length) notice(`the abstract was cut to ${LIMITS.abstract.toLocaleString('en')} characters`);

  // A keyword too long to be a tag is kept in the note rather than lost.
  const tags = normaliseTags(entry.tags);
  const allShort = tags.every((t) => t.length <= LIMITS.tag);
  const longTags = allShort ? [] : tags.filter((t) => t.length > LIMITS.tag);
  const shortTags = allShort ? tags : tags.filter((t) => t.length <= LIMITS.tag);
  if (shortTags.length > LIMITS.tags) notice(`only the first ${LIMITS.tags} of ${shortTags.length} tags kept`);
  // The entry's note is clean already: only a note of long keywords makes a join.
  const fullNote = longTags.length > 0 ? joinNotes([entry.note, `Keywords: ${longTags.join('; ')}`]) : entry.note;
  const note = cut(fullNote, LIMITS.note);
  if (note.length < fullNote.length) notice(`the note was cut to ${LIMITS.note.toLocaleString('en')} characters`);

  const aliases = (ids?.aliases ?? []).filter((a) => a.length <= LIMITS.key).slice(0, LIMITS.aliases);
  const record = {
    key,
    aliases,
    title: entry.title,
    url: entry.url ?? urlForKey(key) ?? searchUrl(entry.title),
    authors: authors.length > LIMITS.authors ? authors.slice(0, LIMITS.authors) : authors,
    abstract,
    ...(entry.published && entry.published.length <= LIMITS.published && { published: entry.published }),
    venues: [],
    metrics: [],
    codeLinks: [...new Set(entry.codeLinks)].slice(0, LIMITS.codeLinks),
    site: context.site,
    tags: shortTags.length > LIMITS.tags ? shortTags.slice(0, LIMITS.tags) : shortTags,
    status: entry.status ?? 'to-read',
    note,
    savedAt: entry.savedAt ?? context.now,
    updatedAt: Math.max(entry.savedAt ?? context.now, context.now),
    seenUrls: [],
  } satisfies SavedPaper;
  try {
    const paper = readSavedPaper(record, entry.label);
    return { ok: true, imported: { label: entry.label, paper, ...(entry.venue && { venue: entry.venue }) }, notices };
  } catch (error) {
    if (error instanceof ShapeError) return reject(error.message);
    throw error;
  }
}
