// The reading list as Markdown (CommonMark, with GitHub's extensions in mind), grouped by tag or by status.
//
// Layout: a title line, one `##` section per group, and per paper one list item: the title linked to the
// paper's page, then authors, id, date (and the reading status when grouped by tag), with sub-items for where
// it was published, code links, stated metrics, tags (when grouped by status) and the reader's note.
//
// Order: groups by tag are in alphabetical order of the tag (ignoring case), the untagged group last; a paper
// with several tags is listed under each. Groups by status follow to read → reading → read → skipped. Inside a group,
// the most recently saved paper comes first, ties broken by paper key.
//
// Every piece of paper text is escaped so that it renders as written: Markdown punctuation gets a backslash,
// `<` `>` `&` become character references (HTML in a title shows as text), and line breaks in notes become
// hard breaks inside the item. Links go only to http(s) URLs.
import { describeMetric } from '../describe-metric';
import { READING_STATUSES, type ReadingStatus, type SavedPaper } from '../paper';
import { byNewestSaved, displayId, landingUrl, oneLine, paperDate, paperIds, publishedVersion, withoutControls } from './paper-facts';

export type MarkdownGrouping = 'tag' | 'status';

export interface MarkdownOptions {
  groupBy?: MarkdownGrouping;
  /** Printed under the heading (`2026-11-23`) when given. */
  date?: string;
  /** Authors shown before "et al.". */
  maxAuthors?: number;
}

const STATUS_NAMES: Record<ReadingStatus, string> = { 'to-read': 'To read', reading: 'Reading', read: 'Read', skip: 'Skipped' };
const DEFAULT_MAX_AUTHORS = 10;

/** ASCII punctuation that Markdown (with GitHub's tables, strikethrough and math) would read as syntax. */
const INLINE_SYNTAX = /[\\`*_[\]|~$#<>&]/g;
const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/** Paper text for inline use: on one line, every syntax character escaped. */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(INLINE_SYNTAX, (c) => ENTITIES[c] ?? `\\${c}`);
}

/** Characters that start a block (heading, quote, list, setext underline) when first on a line. */
const BLOCK_START = /^([#>+\-=]|\d+(?=[.)]))/;

/** A multi-line note as lines of one list item: each escaped, hard breaks between them, indented under the item. */
function noteLines(note: string, indent: string): string {
  const lines = withoutControls(note).replace(/\r\n?/g, '\n').trim().split('\n');
  return lines
    .map((raw, i) => {
      const line = escapeMarkdown(raw);
      // The first line follows "Note: "; the others start a line of their own.
      const safe = i === 0 ? line : indent + line.replace(BLOCK_START, (m) => (/\d/.test(m) ? `${m}\\` : `\\${m}`));
      return i < lines.length - 1 ? `${safe}\\` : safe;
    })
    .join('\n');
}

/** A link destination: unsafe characters percent-encoded, angle brackets around it when it has parentheses. */
function destination(url: string): string {
  const encoded = url
    .replace(/[\s<>"]/g, (c) => encodeURIComponent(c))
    .replace(/\\/g, '\\\\')
    // `&name;` would be read as a character reference and change the URL.
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
  return /[()]/.test(encoded) ? `<${encoded}>` : encoded;
}

function isHttp(url: string): boolean {
  return /^https?:\/\/[^\s]/i.test(url);
}

function link(text: string, url: string): string {
  return isHttp(url) ? `[${text}](${destination(url)})` : text;
}

function codeLinkText(url: string): string {
  return escapeMarkdown(url.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/$/, ''));
}

function authorsText(authors: readonly string[], max: number): string {
  const named = authors.map(oneLine).filter((a) => a !== '');
  const shown = named.slice(0, max).map(escapeMarkdown).join(', ');
  return named.length > max ? `${shown} et al.` : shown;
}

function dateText(paper: SavedPaper): string {
  const date = paperDate(paper);
  if (!date) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return [date.year, date.month && pad(date.month), date.day && pad(date.day)].filter(Boolean).join('-');
}

function item(paper: SavedPaper, groupBy: MarkdownGrouping, maxAuthors: number): string {
  const ids = paperIds(paper);
  const title = escapeMarkdown(paper.title) || escapeMarkdown(paper.key);
  const facts = [
    authorsText(paper.authors, maxAuthors),
    escapeMarkdown(displayId(ids, paper.key)),
    dateText(paper),
    groupBy === 'tag' ? STATUS_NAMES[paper.status].toLowerCase() : '',
  ].filter((f) => f !== '');
  const lines = [`- ${link(title, landingUrl(paper, ids))}${facts.length ? ` — ${facts.join(' · ')}` : ''}`];
  const venue = publishedVersion(paper);
  if (venue) lines.push(`  - Published at ${link(escapeMarkdown(venue.name), venue.url)}`);
  if (paper.codeLinks.length) {
    lines.push(`  - Code: ${paper.codeLinks.map((url) => link(codeLinkText(url), url)).join(', ')}`);
  }
  if (paper.metrics.length) {
    lines.push(`  - Metrics: ${paper.metrics.map((m) => escapeMarkdown(describeMetric(m))).join('; ')}`);
  }
  if (groupBy === 'status' && paper.tags.length) {
    lines.push(`  - Tags: ${paper.tags.map(escapeMarkdown).join(', ')}`);
  }
  if (paper.note.trim()) lines.push(`  - Note: ${noteLines(paper.note, '    ')}`);
  return lines.join('\n');
}

interface Group {
  heading: string;
  papers: SavedPaper[];
}

function tagGroups(papers: readonly SavedPaper[]): Group[] {
  const byTag = new Map<string, { name: string; papers: Set<SavedPaper> }>();
  const untagged: SavedPaper[] = [];
  for (const paper of papers) {
    const tags = paper.tags.map(oneLine).filter((t) => t !== '');
    if (tags.length === 0) untagged.push(paper);
    for (const tag of tags) {
      const id = tag.toLowerCase();
      const group = byTag.get(id) ?? { name: tag, papers: new Set<SavedPaper>() };
      group.papers.add(paper); // a Set: "NLP" and "nlp" on one paper list it once
      byTag.set(id, group);
    }
  }
  const groups = [...byTag.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, g]) => ({ heading: escapeMarkdown(g.name), papers: [...g.papers] }));
  if (untagged.length) groups.push({ heading: 'Untagged', papers: untagged });
  return groups;
}

function statusGroups(papers: readonly SavedPaper[]): Group[] {
  return READING_STATUSES.map((status) => ({
    heading: STATUS_NAMES[status],
    papers: papers.filter((p) => p.status === status),
  })).filter((g) => g.papers.length > 0);
}

/** The papers as a Markdown reading list. */
export function toMarkdown(papers: readonly SavedPaper[], options: MarkdownOptions = {}): string {
  const groupBy = options.groupBy ?? 'tag';
  const maxAuthors = options.maxAuthors ?? DEFAULT_MAX_AUTHORS;
  const count = `${papers.length} ${papers.length === 1 ? 'paper' : 'papers'}`;
  const summary = [count, `grouped by ${groupBy}`, options.date && `exported ${escapeMarkdown(options.date)}`];
  const out = ['# Reading list', '', summary.filter(Boolean).join(' · ')];
  const sorted = [...papers].sort(byNewestSaved);
  // A paper with several tags is listed under each: write its item once.
  const items = new Map<SavedPaper, string>();
  for (const group of groupBy === 'tag' ? tagGroups(sorted) : statusGroups(sorted)) {
    out.push('', `## ${group.heading} (${group.papers.length})`, '');
    for (const paper of group.papers) {
      let text = items.get(paper);
      if (text === undefined) items.set(paper, (text = item(paper, groupBy, maxAuthors)));
      out.push(text);
    }
  }
  return `${out.join('\n')}\n`;
}
