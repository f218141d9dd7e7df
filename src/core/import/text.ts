// Field text as the library stores it: plain Unicode text, never markup, without control characters.

/**
 * C0/C1 control characters other than tab and line breaks, and the byte-order mark. The control characters
 * (Unicode's Cc) are exactly U+0000–U+001F and U+007F–U+009F: spelled out as ranges, the class needs no
 * Unicode property lookup, which made cleaning a 5 MB file several times slower.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff]/g;

/**
 * A dotless ı or ȷ under an accent: LaTeX puts accents on `\i` and `\j` (`Garc{\'\i}a`, as Google Scholar and
 * many hand-kept files write í), and the reader gives the dotless letter and a combining accent, which NFC does
 * not join ("Garcı́a", which a search for "García" does not find). With the plain letter it joins ("García"). A
 * Turkish ı takes no accent, so it stays.
 */
const DOTLESS_UNDER_ACCENT = /[\u0131\u0237](?=[\u0300-\u036f])/g;

/** `text` in NFC, a dotless letter under an accent first made the plain one. */
function composed(text: string): string {
  const dotted = text.includes('\u0131') || text.includes('\u0237')
    ? text.replace(DOTLESS_UNDER_ACCENT, (letter) => (letter === '\u0131' ? 'i' : 'j'))
    : text;
  return dotted.normalize('NFC');
}

/** The file's text without a byte-order mark or control characters, line breaks made `\n`. */
export function cleanFileText(text: string): string {
  return text.replace(CONTROL, '').replace(/\r\n?/g, '\n');
}

/** Printable ASCII words separated by single spaces: already a clean line (most fields are). */
const CLEAN_ASCII_LINE = /^[!-~]+(?: [!-~]+)*$/;

/**
 * One line of text (a title, a name, an abstract): NFC (an accented dotless i joined, see `composed`), control
 * characters dropped, white space made single spaces.
 */
export function cleanLine(text: string): string {
  if (CLEAN_ASCII_LINE.test(text)) return text;
  return composed(text).replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}

/** Lines of printable ASCII words separated by single spaces, at most one blank line in a row: already clean text. */
const CLEAN_ASCII_TEXT = /^[!-~]+(?: [!-~]+)*(?:\n\n?[!-~]+(?: [!-~]+)*)*$/;

/** Text that keeps its lines (a note): NFC, control characters dropped, spaces trimmed, at most one blank line in a row. */
export function cleanText(text: string): string {
  // Notes are cleaned as each field is read and again once joined: the second time they are already clean.
  if (CLEAN_ASCII_TEXT.test(text)) return text;
  return composed(text)
    .replace(CONTROL, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Distinct non-empty notes, one paragraph each, in order. */
export function joinNotes(notes: ReadonlyArray<string | undefined>): string {
  const kept: string[] = [];
  for (const note of notes) {
    const text = note === undefined ? '' : cleanText(note);
    if (text && !kept.includes(text)) kept.push(text);
  }
  return kept.join('\n\n');
}

/** An absolute http(s) link, or undefined (`javascript:`, `file:`, relative paths and junk are not links). */
export function httpUrl(text: string | undefined): string | undefined {
  const url = text?.trim();
  if (!url || !/^https?:\/\/[^\s/]/i.test(url) || /\s/.test(url)) return undefined;
  try {
    return new URL(url).href === '' ? undefined : url;
  } catch {
    return undefined;
  }
}

/**
 * Every http(s) link of a field that may hold several (a `url` field written by hand or by a tool that joins
 * them): links are cut at white space, and at a comma or semicolon that another link follows (either may sit
 * inside a link, `?ids=1,2`).
 */
export function httpUrls(text: string | undefined): string[] {
  return (text ?? '').split(/\s+|[,;]\s*(?=https?:\/\/)/i).flatMap((part) => httpUrl(part) ?? []);
}

/**
 * Zotero's rich-text markup in titles, pairs only: `<i>`, `<b>`, `<sub>`, `<sup>`, and `<span>` for small capitals
 * or for a word kept as written (`class="nocase"`). Other angle brackets are text.
 */
const RICH_TEXT_PAIR = /<(i|b|sub|sup)>([^<]*)<\/\1>|<span (?:style="font-variant:\s*small-caps;?"|class="nocase")>([^<]*)<\/span>/g;

/**
 * A title without Zotero's rich-text markup: Zotero keeps it in titles (typed by hand, or brought by its
 * translators: species names in italics, H<sub>2</sub>O) and its RIS export writes it as it is (its BibTeX export
 * turns it into LaTeX, `\textit{…}`, which the LaTeX reader reads). A record holds text, so the markup goes and its
 * words stay; nested pairs go from the inside out.
 */
export function withoutRichText(title: string): string {
  if (!title.includes('</')) return title;
  let text = title;
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text.replace(RICH_TEXT_PAIR, (_pair, _tag, inner: string | undefined, spanned: string | undefined) => inner ?? spanned ?? '');
  }
  return text;
}
