// BibTeX (.bib) files as Zotero, Better BibTeX, JabRef, Mendeley, Google Scholar, dblp, arXiv and hand-written
// LaTeX projects write them. The grammar (entries, braces, quotes, `#` concatenation, `@string` macros,
// `@comment`, `@preamble`) and LaTeX-to-Unicode conversion are Citation.js's BibTeX plugin; this module maps its
// fields to an entry.
//
// A malformed entry makes the plugin refuse the whole text. Then the file is read again entry by entry (each
// piece from one `@type{` at the start of a line to the next), so a broken entry is rejected with the plugin's message
// and its line while every other entry is read; `@string` macros are given to every piece.
import { parse as parseBibtexFile, type RawBibtexEntry } from '@citation-js/plugin-bibtex/lib-mjs/input/file.js';
import { namedVenue } from '../identity';
import { monthOfAbbreviation } from '../months';
import type { ReadingStatus } from '../paper';
import type { EntryVenue, ImportEntry, Notice, ReadEntries, Rejection } from './entry';
import { resolveCrossrefs } from './crossref';
import { arxivIdOfCorrVolume, arxivIdsInText, eprintId, isPreprintVenue } from './ids';
import { NAME_SEPARATOR, simpleList, simpleText, splitNames } from './latex';
import { readLatex } from './latex-reader';
import { authorList } from './names';
import { cleanFileText, cleanLine, httpUrl, httpUrls, joinNotes } from './text';

/** How a notice names a volume other entries cross-reference. */
const VOLUME_WORDS: Record<string, string> = { proceedings: 'proceedings', mvproceedings: 'proceedings', book: 'a book', mvbook: 'a book', periodical: 'a periodical' };

/** Entry types that describe something other than a work. */
const NOT_WORKS = new Set(['string', 'preamble', 'comment', 'set', 'xdata']);

export function readBibtex(input: string): ReadEntries {
  const text = cleanFileText(input);
  const rejected: Rejection[] = [];
  let raws: RawBibtexEntry[];
  try {
    raws = parseBibtexFile(text);
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    raws = readPieceByPiece(text, rejected);
  }
  const { entries: works, volumes } = resolveCrossrefs(raws.filter((raw) => !NOT_WORKS.has(raw.type)));
  const keyCounts = new Map<string, number>();
  for (const raw of works) keyCounts.set(raw.label, (keyCounts.get(raw.label) ?? 0) + 1);
  const entries: ImportEntry[] = [];
  const notices: Notice[] = [];
  const noted = new Set<string>();
  const known: KnownNames = new Map();
  works.forEach((raw, i) => {
    if (volumes.has(raw)) {
      notices.push({ entry: raw.label, message: `${VOLUME_WORDS[raw.type] ?? 'a volume'} that other entries cross-reference, not a paper: not imported, its fields given to those entries` });
      return;
    }
    const shared = (keyCounts.get(raw.label) ?? 0) > 1;
    const label = raw.label && !shared ? raw.label : `${raw.label || 'entry without a key'} (entry ${i + 1})`;
    if (shared && !noted.has(raw.label)) {
      noted.add(raw.label);
      notices.push({
        entry: raw.label,
        message: `the citation key is used by ${keyCounts.get(raw.label)} entries; each was matched by its own ids and title`,
      });
    }
    const unread = new Set<string>();
    const entry = toEntry(raw, label, { known, unread });
    if (typeof entry === 'string') rejected.push({ entry: label, reason: entry });
    else entries.push(entry);
    if (unread.size > 0) notices.push({ entry: label, message: `the LaTeX of its ${[...unread].join(', ')} could not be read; kept as written` });
  });
  return { entries, rejected, notices };
}

const STRING_DIRECTIVE = /^@\s*string\s*[{(]/i;
const PARSER_POSITION = /at line (\d+) col (\d+)/;
/** The plugin's token names, as a person would say them. */
const TOKEN_WORDS: Record<string, string> = {
  rbrace: '"}"', lbrace: '"{"', comma: '","', equals: '"="', quote: '\'"\'', hash: '"#"', identifier: 'a field name',
  label: 'a citation key', number: 'a number', EOF: 'the end of the entry', at: '"@"', text: 'text',
};

function tokenWords(message: string): string {
  return message.replace(/"([A-Za-z]+)"|\bEOF\b/g, (whole, name?: string) => TOKEN_WORDS[name ?? 'EOF'] ?? whole);
}

/**
 * `@type{` or `@type(` at the start of a line: where an entry starts. A line of a value that opens with `@` and
 * no entry type (`@alice: read section 3`) is not one.
 */
const ENTRY_START = /^[ \t]*@[ \t]*[A-Za-z]+[ \t]*[{(]/gm;

/** Every piece from one line-initial `@type{` to the next, read on its own; pieces that fail are rejected. */
function readPieceByPiece(text: string, rejected: Rejection[]): RawBibtexEntry[] {
  const starts: number[] = [];
  for (const m of text.matchAll(ENTRY_START)) starts.push(m.index);
  let strings = '';
  let stringLines = 0;
  const raws: RawBibtexEntry[] = [];
  let line = 1;
  let counted = 0;
  starts.forEach((start, i) => {
    const piece = text.slice(start, starts[i + 1] ?? text.length);
    for (; counted < start; counted++) if (text.charCodeAt(counted) === 10) line++;
    try {
      const read = parseBibtexFile(strings + piece);
      if (STRING_DIRECTIVE.test(piece.trimStart())) {
        strings += piece.endsWith('\n') ? piece : `${piece}\n`;
        stringLines = strings.split('\n').length - 1;
      }
      raws.push(...read);
    } catch (error) {
      if (!(error instanceof Error)) throw error;
      const head = piece.trim().split('\n', 1)[0].slice(0, 60);
      const firstLine = error.message.split('\n', 1)[0].replace(/:$/, '');
      const position = PARSER_POSITION.exec(firstLine);
      const where = position ? line + Math.max(0, Number(position[1]) - 1 - stringLines) : line;
      const what = /got EOF/.test(firstLine) ? 'a brace or quote is never closed' : tokenWords(firstLine.replace(PARSER_POSITION, '').trim());
      rejected.push({ entry: `${head} (line ${line})`, reason: `not well-formed BibTeX: ${what} (line ${where})` });
    }
  });
  return raws;
}

type Fields = RawBibtexEntry['properties'];

function raw(fields: Fields, name: string): string | undefined {
  const value = fields[name];
  return value === undefined ? undefined : String(value);
}

/** What reading one entry keeps: the names the file has read so far, and the fields whose LaTeX was kept as written. */
interface Reading {
  known: KnownNames;
  unread: Set<string>;
}

/** A value's LaTeX read by the plugin, or the value as written (the field named in `unread`) when the reader refuses it. */
function readOrKeep(value: string, name: string, reading: Reading): unknown {
  const parsed = readLatex(value, name);
  if (parsed !== undefined) return parsed;
  reading.unread.add(name);
  return value;
}

/** An escaped special character: `\_`, `\%`, `\&`, `\#`, `\$`. */
const ESCAPED_SPECIAL = /\\([_%&#$])/g;

/**
 * A verbatim field (a link, a DOI, an e-print id) without the LaTeX escapes tools put in it: dblp writes
 * `content\_cvpr\_2016` and `doku.php\%3Fid=…`, and a backslash is never part of a link or an id.
 */
function verbatim(fields: Fields, name: string): string | undefined {
  const value = raw(fields, name);
  return value?.includes('\\') ? value.replace(ESCAPED_SPECIAL, '$1') : value;
}

/** A field's text: LaTeX read by the plugin, then cleaned; undefined when absent or empty. */
function textField(fields: Fields, name: string, reading: Reading): string | undefined {
  const value = raw(fields, name);
  if (value === undefined) return undefined;
  // Every field read here is a plain one for the reader (its `String` rule), which is what simpleText follows.
  const parsed = simpleText(value) ?? readOrKeep(value, name, reading);
  const text = typeof parsed === 'string' ? cleanLine(parsed) : Array.isArray(parsed) ? cleanLine(parsed.join(', ')) : cleanLine(String(parsed));
  return text || undefined;
}

/** A blank line: LaTeX's paragraph break. */
const BLANK_LINE = /\n[^\S\n]*\n\s*/;

/** Whether a piece of a value opens as many braces as it closes, never closing one first (escaped braces aside). */
function balanced(piece: string): boolean {
  let depth = 0;
  for (let i = 0; i < piece.length; i++) {
    const c = piece[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

/** One paragraph's lines: a line end inside it is a space to LaTeX (a tool wrapped the value), `\\` breaks a line. */
function paragraphText(value: string, name: string, reading: Reading): string {
  const simple = simpleText(value);
  const read = simple === undefined ? readLatex(value, name) : undefined;
  if (simple === undefined && read === undefined) reading.unread.add(name);
  // Only the reader gives line ends (from `\\`); the text as written has only the ones LaTeX reads as spaces.
  const text = read === undefined ? (simple ?? value).replace(/\n/g, ' ') : String(read);
  return text.split('\n').map(cleanLine).filter(Boolean).join('\n');
}

/**
 * A note field (`note`, `annote`, `annotation`, JabRef's `comment`) with its paragraphs (a blank line between
 * them) and its line breaks (`\\`), as Paperlight's BibTeX export writes a note of several lines; undefined when
 * absent or empty. A blank line inside braces does not part paragraphs.
 */
function noteField(fields: Fields, name: string, reading: Reading): string | undefined {
  const value = raw(fields, name);
  if (value === undefined) return undefined;
  const pieces = value.split(BLANK_LINE);
  const paragraphs = pieces.length > 1 && pieces.every(balanced) ? pieces : [value];
  const text = paragraphs.map((paragraph) => paragraphText(paragraph, name, reading)).filter(Boolean).join('\n\n');
  return text || undefined;
}

/** A comma-separated list field (`mendeley-tags`, JabRef's `groups`). */
function listField(fields: Fields, name: string, reading: Reading): string[] {
  return (textField(fields, name, reading) ?? '').split(/[,;]/).map(cleanLine).filter(Boolean);
}

function keywords(fields: Fields, reading: Reading): string[] {
  const value = raw(fields, 'keywords');
  if (value === undefined) return [];
  const simple = simpleList(value);
  const parsed = simple ?? readOrKeep(value, 'keywords', reading);
  const items = Array.isArray(parsed) ? parsed.map(String) : String(parsed).split(',');
  return items.flatMap((item) => item.split(';')).map(cleanLine).filter(Boolean);
}

function month(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const text = value.trim().toLowerCase();
  const n = /^\d{1,2}$/.test(text) ? Number(text) : monthOfAbbreviation(text.slice(0, 3));
  return n >= 1 && n <= 12 ? String(n).padStart(2, '0') : undefined;
}

/** A field's value without braces (`{{2017}}`, as some tools protect it) and the spaces around it. */
function unbraced(fields: Fields, name: string): string | undefined {
  return raw(fields, name)?.replace(/[{}]/g, '').trim();
}

/** biblatex's `date` (`2017-06-12`, `2017-06`), else `year` with `month`. */
function published(fields: Fields): { date?: string; year?: number } {
  const date = unbraced(fields, 'date');
  const dated = date ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date) : null;
  if (dated) return { date: dated[0], year: Number(dated[1]) };
  // A letter or a range may follow the year in hand-kept files (`2017a`, `2017--2018`): the year is still the year.
  const year = /^(\d{4})(?!\d)/.exec(unbraced(fields, 'year') ?? '')?.[1];
  if (!year) return {};
  const m = month(unbraced(fields, 'month'));
  return { date: m ? `${year}-${m}` : year, year: Number(year) };
}

/** Conference papers name their proceedings in `booktitle`, articles their journal in `journal`/`journaltitle`. */
function venueOf(type: string, fields: Fields, year: number | undefined, journal: string | undefined, reading: Reading): EntryVenue | undefined {
  if (year === undefined) return undefined;
  const name = type === 'article' ? journal ?? textField(fields, 'journaltitle', reading) : textField(fields, 'booktitle', reading);
  return name && !isPreprintVenue(name) ? namedVenue(name, year) : undefined;
}

/** Each name of a file in reading order, by its LaTeX: a library's entries name the same people again and again. */
type KnownNames = Map<string, string[]>;

/** Names the reader refuses, as written: cut at ` and `. */
function namesAsWritten(value: string): string[] {
  return authorList(value.split(NAME_SEPARATOR));
}

/** The authors in reading order, each name read once per file when the list can be cut into names safely. */
function authors(value: string, reading: Reading): string[] {
  const names = splitNames(value);
  if (!names) {
    const parsed = readLatex(value, 'author');
    if (parsed !== undefined) return authorList(parsed);
    reading.unread.add('author');
    return namesAsWritten(value);
  }
  const out: string[] = [];
  for (const name of names) {
    let read = reading.known.get(name);
    if (read === undefined) {
      const parsed = readLatex(name, 'author');
      if (parsed === undefined) {
        // Not remembered: each entry that names it says so.
        reading.unread.add('author');
        out.push(...namesAsWritten(name));
        continue;
      }
      read = authorList(parsed);
      reading.known.set(name, read);
    }
    out.push(...read);
  }
  return out;
}

/** JabRef's `readstatus` special field. */
function status(fields: Fields): ReadingStatus | undefined {
  const value = raw(fields, 'readstatus')?.trim().toLowerCase();
  return value === 'read' ? 'read' : value === 'skimmed' ? 'reading' : undefined;
}

function toEntry(rawEntry: RawBibtexEntry, label: string, reading: Reading): ImportEntry | string {
  const fields = rawEntry.properties;
  const title = textField(fields, 'title', reading);
  if (!title) return 'no title';
  const { date, year } = published(fields);
  // Each field's LaTeX is read once: the same text gives ids, the link and the note.
  const howpublished = textField(fields, 'howpublished', reading);
  const note = noteField(fields, 'note', reading);
  const urls = httpUrls(verbatim(fields, 'url'));
  const url = urls[0] ?? httpUrl(howpublished) ?? httpUrl(verbatim(fields, 'ee'));
  const journal = textField(fields, 'journal', reading);
  const venue = venueOf(rawEntry.type, fields, year, journal, reading);
  const readStatus = status(fields);
  const ids: string[] = eprintId(verbatim(fields, 'eprint'), raw(fields, 'archiveprefix') ?? raw(fields, 'eprinttype'));
  for (const name of ['arxivid', 'arxiv']) {
    const id = verbatim(fields, name)?.trim();
    if (id) ids.push(`arXiv:${id.replace(/^arxiv\s*:\s*/i, '')}`);
  }
  ids.push(...arxivIdsInText(journal), ...arxivIdsInText(howpublished), ...arxivIdsInText(note), ...arxivIdOfCorrVolume(journal, raw(fields, 'volume')));
  for (const id of [verbatim(fields, 'doi'), url, ...urls.slice(1), verbatim(fields, 'biburl')]) if (id !== undefined && id.trim() !== '') ids.push(id);
  // A labelled citation key names the paper too (dblp's `DBLP:conf/nips/VaswaniSPUJGKP17`, like its `biburl`).
  if (rawEntry.label.includes(':')) ids.push(rawEntry.label);
  return {
    label,
    title,
    authors: fields.author === undefined ? [] : authors(String(fields.author), reading),
    abstract: textField(fields, 'abstract', reading) ?? '',
    ids,
    ...(url && { url }),
    ...(date && { published: date }),
    ...(venue && { venue }),
    tags: [...keywords(fields, reading), ...listField(fields, 'mendeley-tags', reading), ...listField(fields, 'mendeley-groups', reading), ...listField(fields, 'groups', reading)],
    note: joinNotes([note, noteField(fields, 'annote', reading), noteField(fields, 'annotation', reading), noteField(fields, 'comment', reading)]),
    codeLinks: [],
    ...(readStatus && { status: readStatus }),
  };
}
