// The papers as RIS for reference managers (Zotero, EndNote, Mendeley): one record per paper, a `TY` line
// first and an `ER` line last, every line `XX  - value` ended by CRLF, a blank line between records.
// RIS has no escapes, so each value is put on one line (line breaks, tabs and control characters become
// spaces): nothing inside a field can end a record or start a tag. A note is one `N1` line per line of it.
// Keywords are split by importers at `;`, so a `;` inside a tag becomes `,`. A paper with a known published version is a `CPAPER` whose `T2` names the
// conference and year, dated and linked as that version, with a second link to its arXiv preprint when it has one.
import type { SavedPaper } from '../paper';
import { citationKeys } from './cite-keys';
import { splitName } from './names';
import { arxivAbstractUrl, citedDate, citedUrl, encodedUrl, linesOf, oneLine, paperIds, paperVenue, publicationKind, type PublicationKind } from './paper-facts';

const TYPES: Record<PublicationKind, string> = {
  proceedings: 'CPAPER',
  article: 'JOUR',
  preprint: 'GEN',
  webpage: 'ELEC',
};

function author(raw: string): string {
  const name = splitName(raw);
  if (name.kind === 'literal') return name.name;
  return [name.family, name.given, name.suffix].filter((p) => p !== '').join(', ');
}

/** `2024/12/02/`, `2024/12//`, `2024///`: RIS dates always have the three slashes. */
function risDate(date: { year: string; month?: number; day?: number }): string {
  const pad = (n: number | undefined) => (n === undefined ? '' : String(n).padStart(2, '0'));
  return `${date.year}/${pad(date.month)}/${pad(date.day)}/`;
}

function record(paper: SavedPaper, key: string): string {
  const ids = paperIds(paper);
  const date = citedDate(paper, ids);
  const venue = paperVenue(paper);
  const lines: [tag: string, value: string][] = [
    ['TY', TYPES[publicationKind(paper, ids)]],
    ['ID', key],
    ['TI', oneLine(paper.title) || paper.key],
    ...paper.authors.map((a): [string, string] => ['AU', author(a)]),
  ];
  if (date) lines.push(['PY', date.year], ['DA', risDate(date)]);
  if (venue.booktitle) lines.push(['T2', venue.booktitle]);
  if (venue.series) lines.push(['T3', venue.series]);
  if (venue.volume) lines.push(['VL', venue.volume]);
  if (venue.publisher) lines.push(['PB', venue.publisher]);
  if (ids.doi) lines.push(['DO', ids.doi]);
  const cited = encodedUrl(citedUrl(paper, ids));
  lines.push(['UR', cited]);
  // A paper cited as its published version still names its arXiv preprint: RIS has no field for the id, so its
  // abstract page follows as a second link (RIS allows one per `UR` line), which importers read the id from.
  const preprint = ids.arxiv === undefined ? '' : encodedUrl(arxivAbstractUrl(ids.arxiv));
  if (preprint && preprint !== cited) lines.push(['UR', preprint]);
  for (const tag of paper.tags) lines.push(['KW', tag.replace(/;/g, ',')]);
  lines.push(['AB', paper.abstract]);
  // A value cannot hold a line break (a continuation line is joined with a space, and one that looks like a tag
  // starts one): each line of the note is an `N1` of its own, which the import reads back as a paragraph.
  for (const line of linesOf(paper.note)) lines.push(['N1', line]);
  const body = lines
    .map(([tag, value]) => [tag, oneLine(value)])
    .filter(([, value]) => value !== '')
    .map(([tag, value]) => `${tag}  - ${value}\r\n`)
    .join('');
  return `${body}ER  - \r\n`;
}

/** The papers as a .ris file, one record each in the order given. */
export function toRis(papers: readonly SavedPaper[]): string {
  const keys = citationKeys(papers);
  return papers.map((paper) => record(paper, keys.get(paper.key) ?? '')).join('\r\n');
}
