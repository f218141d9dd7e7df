// PaperMemory's JSON exports. "Download memory" writes the extension's whole `papers` store:
// `{ "__dataVersion": 10001, "<id>": { id, title, author, year, venue, pdfLink, codeLink, doi, note, tags,
// favorite, addDate, lastOpenDate, bibtex, key, source, … }, … }`, where `author` is " and "-separated names and
// ids are `Arxiv-2106.01234`, `OR-ICLR-2021_<forum>`, `ACL-<venue>-<year>_<anthology id>`, `NeurIPS-2021_<hash>`…
// "Export by tag" writes `[{ url, title, tags?, codeLink? }]`. Both are read here.
import { namedVenue } from '../identity';
import type { ImportEntry, ReadEntries, Rejection } from './entry';
import { cleanLine, cleanText, httpUrl } from './text';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The paper id PaperMemory builds from a source's own id, as an id keyFor reads. */
function idFromPaperMemoryId(id: string): string[] {
  const arxiv = /^Arxiv-(.+)$/.exec(id);
  if (arxiv) return [`arXiv:${arxiv[1].replace('_', '/')}`];
  const openReview = /^OR-.+?_([A-Za-z0-9_-]{5,40})$/.exec(id);
  if (openReview) return [`openreview:${openReview[1]}`];
  const acl = /^ACL-.+?_(.+)$/.exec(id);
  if (acl) return [`acl:${acl[1]}`];
  return [];
}

/** ISO dates as PaperMemory writes them (`Date.toJSON()`), as epoch milliseconds. */
function time(value: unknown): number | undefined {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

function memoryPaper(id: string, paper: Json): ImportEntry | string {
  const title = cleanLine(text(paper.title));
  if (!title) return 'no title';
  const year = /^\d{4}$/.exec(text(paper.year).trim())?.[0];
  const venue = cleanLine(text(paper.venue));
  const pdf = httpUrl(text(paper.pdfLink));
  const code = httpUrl(text(paper.codeLink));
  const tags = Array.isArray(paper.tags) ? paper.tags.filter((t): t is string => typeof t === 'string') : [];
  const savedAt = time(paper.addDate);
  return {
    label: id,
    title,
    authors: text(paper.author).split(/\s+and\s+/).map(cleanLine).filter(Boolean),
    abstract: '',
    ids: [...idFromPaperMemoryId(id), text(paper.doi), ...(pdf ? [pdf] : [])].filter((v) => v.trim() !== ''),
    ...(pdf && { url: pdf }),
    ...(year && { published: year }),
    ...(year && venue && { venue: namedVenue(venue, Number(year)) }),
    tags: paper.favorite === true ? [...tags, 'favorite'] : tags,
    note: cleanText(text(paper.note)),
    codeLinks: code ? [code] : [],
    ...(savedAt !== undefined && { savedAt }),
  };
}

function taggedExport(item: unknown, i: number): ImportEntry | string {
  if (!isObject(item)) return 'not a paper (an export by tag lists objects with a url and a title)';
  const url = httpUrl(text(item.url));
  const title = cleanLine(text(item.title));
  if (!title) return 'no title';
  const code = httpUrl(text(item.codeLink));
  return {
    label: `paper ${i + 1}`,
    title,
    authors: [],
    abstract: '',
    ids: url ? [url] : [],
    ...(url && { url }),
    tags: Array.isArray(item.tags) ? item.tags.filter((t): t is string => typeof t === 'string') : [],
    note: '',
    codeLinks: code ? [code] : [],
  };
}

/** True when parsed JSON has the shape of one of PaperMemory's exports. */
export function isPaperMemoryJson(json: unknown): boolean {
  if (isObject(json)) return '__dataVersion' in json || Object.values(json).some((p) => isObject(p) && 'pdfLink' in p && 'title' in p);
  return Array.isArray(json) && json.length > 0 && json.every((p) => isObject(p) && 'url' in p && 'title' in p);
}

export function readPaperMemory(json: unknown): ReadEntries {
  const entries: ImportEntry[] = [];
  const rejected: Rejection[] = [];
  const take = (label: string, entry: ImportEntry | string) => {
    if (typeof entry === 'string') rejected.push({ entry: label, reason: entry });
    else entries.push(entry);
  };
  if (Array.isArray(json)) {
    json.forEach((item, i) => take(`paper ${i + 1}`, taggedExport(item, i)));
  } else if (isObject(json)) {
    for (const [id, paper] of Object.entries(json)) {
      if (id.startsWith('__')) continue; // `__dataVersion` and other bookkeeping keys
      take(id, isObject(paper) ? memoryPaper(id, paper) : 'not a paper record');
    }
  }
  return { entries, rejected, notices: [] };
}
