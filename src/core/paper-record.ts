// The checks every stored paper record passes, and its one canonical form (field order, no internal fields):
// what the background writes, what backups carry and what messages bring in are all read through here.
import { CODE_LINK_SOURCES, type CodeLinkSource } from './links';
import type { MetricKind } from './metric-types';
import { METRIC_KINDS } from './metric-types';
import { VENUE_DECISIONS, withVenue, type VenueDecision } from './identity/venue';
import { READING_STATUSES, type RecordedMetric, type ReadingStatus, type SavedPaper, type Venue } from './paper';
import { normaliseTags } from './tags';
import {
  MAX_URL_LENGTH, ShapeError, quote, readArray, readChoice, readHttpUrl, readHttpUrls, readInteger, readObject, readString, readStrings,
  readTimestamp,
} from './validate';

// The longest paper key and the most code links a record holds stand apart from `LIMITS`: the content script checks
// these two (and `MAX_URL_LENGTH`) and imports them without the table, which would cost its every script.
export const MAX_KEY_LENGTH = 2048;
export const MAX_CODE_LINKS = 100;

/** Bounds on every field of a record. Generous for real papers; they exist to refuse abuse, not to trim data. */
export const LIMITS = {
  key: MAX_KEY_LENGTH,
  url: MAX_URL_LENGTH,
  title: 2000,
  abstract: 100_000,
  note: 100_000,
  published: 100,
  site: 100,
  author: 1000,
  authors: 5000,
  aliases: 50,
  metrics: 1000,
  metricText: 500,
  metricUnit: 100,
  metricLabel: 500,
  codeLinks: MAX_CODE_LINKS,
  tag: 100,
  tags: 256,
  seenUrls: 20,
  /** Published versions of one paper (a paper rarely has more than two or three). */
  venues: 20,
  venueName: 200,
} as const;


const PAPER_KEY = /^[a-z][a-z0-9]*:\S+$/;

export function readPaperKey(value: unknown, path: string): string {
  const key = readString(value, path, LIMITS.key);
  if (!PAPER_KEY.test(key)) throw new ShapeError(`${path}: ${quote(key)} is not a paper key such as "arxiv:2412.01234"`);
  return key;
}
export function readTags(value: unknown, path: string, max: number = LIMITS.tags): string[] {
  return normaliseTags(readStrings(value, path, max, LIMITS.tag));
}

const METRIC_FIELDS = ['text', 'kind', 'value', 'unit', 'label'] as const;

/** One recorded metric; `extraFields` may name fields to accept and drop (the extractor's offsets). */
export function readMetric(value: unknown, path: string, extraFields: readonly string[] = []): RecordedMetric {
  const raw = readObject(value, path, [...METRIC_FIELDS, ...extraFields]);
  if (typeof raw.value !== 'number' || !Number.isFinite(raw.value)) {
    throw new ShapeError(`${path}.value: expected a finite number`);
  }
  return {
    text: readString(raw.text, `${path}.text`, LIMITS.metricText),
    kind: readChoice<MetricKind>(raw.kind, `${path}.kind`, METRIC_KINDS),
    value: raw.value,
    unit: readString(raw.unit, `${path}.unit`, LIMITS.metricUnit),
    label: readString(raw.label, `${path}.label`, LIMITS.metricLabel),
  };
}

const VENUE_FIELDS = ['name', 'year', 'url', 'key', 'decision'] as const;
/** Years a venue may name: any real conference, none far in the future. */
const VENUE_YEARS = { min: 1900, max: 2100 } as const;

/**
 * One published version (`Venue`): a non-empty name, a four-digit year, the paper's page at the venue (an
 * http(s) link), the key of that version, and a decision only when the page showed one.
 */
export function readVenue(value: unknown, path: string): Venue {
  const raw = readObject(value, path, VENUE_FIELDS);
  const venue: Venue = {
    name: readString(raw.name, `${path}.name`, LIMITS.venueName, { empty: false }),
    year: readInteger(raw.year, `${path}.year`, VENUE_YEARS.min, VENUE_YEARS.max),
    url: readHttpUrl(raw.url, `${path}.url`),
    key: readPaperKey(raw.key, `${path}.key`),
  };
  if (raw.decision !== undefined) venue.decision = readChoice<VenueDecision>(raw.decision, `${path}.decision`, VENUE_DECISIONS);
  return venue;
}

/** A record's `venues`, each entry checked; two entries for the same page are one version (the later reading wins). */
export function readVenues(value: unknown, path: string): Venue[] {
  return readArray(value, path, LIMITS.venues)
    .map((v, i) => readVenue(v, `${path}[${i}]`))
    .reduce<Venue[]>(withVenue, []);
}

/** The venue with its fields in canonical order (and nothing else). */
function canonicalVenue(venue: Venue): Venue {
  const { name, year, url, key, decision } = venue;
  return decision === undefined ? { name, year, url, key } : { name, year, url, key, decision };
}

export const PAPER_FIELDS = [
  'key', 'aliases', 'title', 'url', 'authors', 'abstract', 'published', 'venues', 'metrics', 'codeLinks', 'codeSources', 'site',
  'tags', 'status', 'note', 'savedAt', 'updatedAt', 'seenUrls',
] as const;

/** Where each code link came from: an object whose keys are among `codeLinks`, each naming a known source. */
export function readCodeSources(value: unknown, path: string, codeLinks: readonly string[]): Record<string, CodeLinkSource> {
  const raw = readObject(value, path, codeLinks);
  const sources: Record<string, CodeLinkSource> = {};
  for (const url of codeLinks) {
    if (raw[url] !== undefined) sources[url] = readChoice(raw[url], `${path}[${quote(url)}]`, CODE_LINK_SOURCES);
  }
  return sources;
}

/** The sources of the record's own code links, in their order; undefined when none is known. */
function sourcesOf(codeLinks: readonly string[], sources: Record<string, CodeLinkSource> | undefined): Record<string, CodeLinkSource> | undefined {
  if (!sources) return undefined;
  const kept = codeLinks.filter((url) => Object.hasOwn(sources, url)).map((url) => [url, sources[url]!] as const);
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

/** `codeLinks`, and `codeSources` when the record has it (records written before it was kept have not). */
function readLinks(raw: Record<string, unknown>, path: string): Pick<SavedPaper, 'codeLinks' | 'codeSources'> {
  const codeLinks = readHttpUrls(raw.codeLinks, `${path}.codeLinks`, LIMITS.codeLinks);
  if (raw.codeSources === undefined) return { codeLinks };
  return { codeLinks, codeSources: readCodeSources(raw.codeSources, `${path}.codeSources`, codeLinks) };
}

/** A complete stored record, checked field by field; the result is a fresh object in canonical field order. */
export function readSavedPaper(value: unknown, path: string): SavedPaper {
  const raw = readObject(value, path, PAPER_FIELDS);
  // Built once, in canonical field order (an import reads 10,000 of these).
  return {
    key: readPaperKey(raw.key, `${path}.key`),
    aliases: readArray(raw.aliases, `${path}.aliases`, LIMITS.aliases).map((a, i) => readPaperKey(a, `${path}.aliases[${i}]`)),
    title: readString(raw.title, `${path}.title`, LIMITS.title),
    url: readHttpUrl(raw.url, `${path}.url`),
    authors: readStrings(raw.authors, `${path}.authors`, LIMITS.authors, LIMITS.author),
    abstract: readString(raw.abstract, `${path}.abstract`, LIMITS.abstract),
    ...(raw.published !== undefined && { published: readString(raw.published, `${path}.published`, LIMITS.published) }),
    // Records and backups written before venues were kept have none.
    venues: raw.venues === undefined ? [] : readVenues(raw.venues, `${path}.venues`),
    metrics: readArray(raw.metrics, `${path}.metrics`, LIMITS.metrics).map((m, i) => readMetric(m, `${path}.metrics[${i}]`)),
    ...readLinks(raw, path),
    site: readString(raw.site, `${path}.site`, LIMITS.site),
    tags: readTags(raw.tags, `${path}.tags`),
    status: readChoice<ReadingStatus>(raw.status, `${path}.status`, READING_STATUSES),
    note: readString(raw.note, `${path}.note`, LIMITS.note),
    savedAt: readTimestamp(raw.savedAt, `${path}.savedAt`),
    updatedAt: readTimestamp(raw.updatedAt, `${path}.updatedAt`),
    seenUrls: readHttpUrls(raw.seenUrls, `${path}.seenUrls`, LIMITS.seenUrls),
  };
}

/** The record with its fields in the one order backups use (and nothing else: internal fields are dropped). */
export function canonicalPaper(paper: SavedPaper): SavedPaper {
  const codeSources = sourcesOf(paper.codeLinks, paper.codeSources);
  return {
    key: paper.key,
    aliases: paper.aliases,
    title: paper.title,
    url: paper.url,
    authors: paper.authors,
    abstract: paper.abstract,
    // Absent, not `undefined`, when unknown: JSON text and deep equality then agree.
    ...(paper.published !== undefined && { published: paper.published }),
    // A record stored before venues were kept (or a Trash entry removed then) has none.
    venues: (paper.venues ?? []).map(canonicalVenue),
    metrics: paper.metrics.map((m) => ({ text: m.text, kind: m.kind, value: m.value, unit: m.unit, label: m.label })),
    codeLinks: paper.codeLinks,
    ...(codeSources !== undefined && { codeSources }),
    site: paper.site,
    tags: paper.tags,
    status: paper.status,
    note: paper.note,
    savedAt: paper.savedAt,
    updatedAt: paper.updatedAt,
    seenUrls: paper.seenUrls,
  };
}

/** True when two records hold the same data (field order and internal fields aside). */
export function samePaper(a: SavedPaper, b: SavedPaper): boolean {
  return JSON.stringify(canonicalPaper(a)) === JSON.stringify(canonicalPaper(b));
}
