// BibTeX entries for a reference list: @misc for arXiv preprints (eprint, archivePrefix, primaryClass when the
// id names it), @inproceedings for proceedings sites and for papers with a known published version (booktitle
// naming the conference and year, the year and url of that version, and still the eprint of its arXiv
// version), @article for papers with a DOI, @misc for bare URLs.
//
// Text is written as UTF-8, which biber, BibTeX with LaTeX's default UTF-8 input, Zotero and JabRef read; LaTeX
// accent macros could not carry Chinese, right-to-left text or emoji anyway. What LaTeX would interpret is
// escaped so that every field prints as the site wrote it: the ten specials, `<` `>` `|` (which the default
// font encoding turns into other glyphs), and the ligature pairs `` ` `` `--` `''` `,,`. Braces protect words
// with capitals inside them (BERT, ImageNet, GPT, 3D) and lone capitals (ResNet-X) from styles that
// lower-case titles. Every field is one line but the note, which keeps its lines (docs/import.md).
import { MONTH_ABBREVIATIONS } from '../months';
import type { SavedPaper } from '../paper';
import { citationKeys } from './cite-keys';
import { splitName } from './names';
import {
  arxivPrimaryClass, citedDate, citedUrl, encodedUrl, linesOf, oneLine, paperIds, paperVenue, publicationKind,
} from './paper-facts';

/** What each character becomes; `-` `'` `,` only when the same character follows (the ligature pairs). */
const LATEX_REPLACEMENTS = new Map(Object.entries({
  '\\': '\\textbackslash{}',
  // \{ and \} would unbalance BibTeX's brace count; these macros keep it even.
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
  '`': '{`}',
  '-': '-{}',
  "'": "'{}",
  ',': ',{}',
}));

/** A special character, or the first of a ligature pair (`--`, `''`, `,,`). */
const LATEX_SPECIAL = /[\\{}&%$#_~^<>|`]|-(?=-)|'(?=')|,(?=,)/g;
/** The same, or a letter-digit word: titles protect the words whose case matters in braces. */
const LATEX_TOKEN = /[\p{L}\p{N}]+|[\\{}&%$#_~^<>|`]|-(?=-)|'(?=')|,(?=,)/gu;
const INNER_CAPITAL = /^.[^]*\p{Lu}/u;
const CAPITAL = /^\p{Lu}$/u;

/** Words whose case carries meaning: capitals inside (BERT, ImageNet, 3D) or a lone capital (ResNet-X, Q-learning), but not the article "A". */
function keepsCase(word: string): boolean {
  return INNER_CAPITAL.test(word) || (CAPITAL.test(word) && word !== 'A');
}

function latex(text: string, protect: boolean): string {
  const line = oneLine(text);
  if (!protect) return line.replace(LATEX_SPECIAL, (c) => LATEX_REPLACEMENTS.get(c) ?? c);
  // A Map, not an object: a title word such as "constructor" must not find anything.
  return line.replace(LATEX_TOKEN, (token) => LATEX_REPLACEMENTS.get(token) ?? (keepsCase(token) ? `{${token}}` : token));
}

/** A field value as LaTeX text (titles with `protectCapitals`). */
export function escapeLatex(text: string, options: { protectCapitals?: boolean } = {}): string {
  return latex(text, options.protectCapitals ?? false);
}

/**
 * Verbatim fields (url, doi, eprint) are read character for character, but BibTeX still counts their braces:
 * percent-encode braces (URLs mean the same with `%7B`), drop line breaks.
 */
function verbatim(text: string): string {
  return oneLine(text).replace(/[{}]/g, (c) => (c === '{' ? '%7B' : '%7D'));
}

/**
 * Keywords are a list split at `,` and `;`: a tag's own separators become spaces so that each tag stays one
 * keyword. biblatex reads the field as LaTeX (a bare `#` or `%` stops the document from compiling), so the
 * tag is escaped like any text, although Better BibTeX and JabRef then import `\&` rather than `&`.
 */
function keyword(tag: string): string {
  return latex(tag.replace(/[,;]/g, ' '), false);
}

/**
 * A note keeps its lines and paragraphs, which BibTeX allows inside braces: each line escaped, a line ending in
 * `\\` (LaTeX's line break), a blank line between paragraphs. A line end alone would be a space to LaTeX and to
 * Better BibTeX's parser; this way both it and the import give back the lines.
 */
function noteField(note: string): string {
  const paragraphs: string[][] = [[]];
  for (const line of linesOf(note)) {
    // A line may not open with `@`: a reader that recovers from a broken entry starts an entry at each one.
    const text = latex(line, false).replace(/^@/, '{@}');
    if (text !== '') paragraphs[paragraphs.length - 1].push(text);
    else if (paragraphs[paragraphs.length - 1].length > 0) paragraphs.push([]);
  }
  return paragraphs.filter((lines) => lines.length > 0).map((lines) => lines.join('\\\\\n')).join('\n\n');
}

function authorField(authors: readonly string[]): string {
  return authors
    .filter((a) => a.trim() !== '')
    .map((raw) => {
      const name = splitName(raw);
      if (name.kind === 'literal') return `{${latex(name.name, false)}}`;
      const parts = [latex(name.family, false)];
      if (name.suffix) parts.push(latex(name.suffix, false));
      if (name.given) parts.push(latex(name.given, false));
      else if (name.suffix) parts.push('');
      return parts.join(', ');
    })
    .join(' and ');
}

type Field = [name: string, value: string, form?: 'braced' | 'bare'];

const READ_STATUS: Partial<Record<SavedPaper['status'], string>> = { read: 'read', reading: 'skimmed' };

function entryType(paper: SavedPaper): 'misc' | 'article' | 'inproceedings' {
  const kind = publicationKind(paper);
  return kind === 'proceedings' ? 'inproceedings' : kind === 'article' ? 'article' : 'misc';
}

function entry(paper: SavedPaper, key: string): string {
  const ids = paperIds(paper);
  const date = citedDate(paper, ids);
  const venue = paperVenue(paper);
  const fields: Field[] = [['title', latex(paper.title, true)]];
  const authors = authorField(paper.authors);
  if (authors) fields.push(['author', authors]);
  if (venue.booktitle) fields.push(['booktitle', latex(venue.booktitle, true)]);
  if (venue.series) fields.push(['series', latex(venue.series, false)]);
  if (venue.volume) fields.push(['volume', venue.volume]);
  if (venue.publisher) fields.push(['publisher', latex(venue.publisher, false)]);
  if (date) fields.push(['year', date.year]);
  if (date?.month) fields.push(['month', MONTH_ABBREVIATIONS[date.month - 1]!, 'bare']);
  if (ids.arxiv) {
    fields.push(['eprint', verbatim(ids.arxiv)], ['archivePrefix', 'arXiv']);
    const primaryClass = arxivPrimaryClass(ids.arxiv);
    if (primaryClass) fields.push(['primaryClass', primaryClass]);
  }
  if (ids.doi) fields.push(['doi', verbatim(ids.doi)]);
  fields.push(['url', verbatim(encodedUrl(citedUrl(paper, ids)))]);
  const keywords = paper.tags.map(keyword).filter((k) => k !== '');
  if (keywords.length) fields.push(['keywords', keywords.join(', ')]);
  // JabRef's reading status field (the import reads it): "to read" is every imported paper's status, and JabRef
  // has no word for "skip", so only these two are written.
  const readStatus = READ_STATUS[paper.status];
  if (readStatus) fields.push(['readstatus', readStatus]);
  if (paper.abstract.trim()) fields.push(['abstract', latex(paper.abstract, false)]);
  // The reader's own note goes to `annote`, which reference managers import as a note and standard
  // bibliography styles do not print (`note` would appear in the reference list of a paper).
  const note = noteField(paper.note);
  if (note) fields.push(['annote', note]);
  const body = fields.map(([name, value, form]) => `  ${name} = ${form === 'bare' ? value : `{${value}}`}`).join(',\n');
  return `@${entryType(paper)}{${key},\n${body}\n}\n`;
}

/** The papers as a .bib file, in the order given, entries separated by a blank line. */
export function toBibtex(papers: readonly SavedPaper[]): string {
  const keys = citationKeys(papers);
  return papers.map((paper) => entry(paper, keys.get(paper.key) ?? '')).join('\n');
}
