// Zotero keeps notes as HTML (`<div data-schema-version="8"><p>…</p></div>`) and its RIS export writes them as
// they are in `N1`. A record's note is text: the paragraphs, list items and line breaks become lines, a link keeps
// its address, the other tags go, and entities become their characters (so `&lt;b&gt;` is the text "<b>").
// Only a note that opens with a block tag is read so; any other note is text already, angle brackets and all.

// A note may be 100,000 characters of anything, so every pattern here runs in time linear in it: a tag's
// attributes stop at the next `<` or `>`, a link's text at the next link or its end, and runs of white space are
// matched whole (a pattern that scans to the end of the text from each of many starts, `<b<b<b…`, is quadratic).
/** What a Zotero note opens with: a block element. */
const OPENS_AS_HTML = /^\s*<(?:div|p|h[1-6]|ul|ol|blockquote|pre|table)\b[^<>]*>/i;
/** A link: its attributes, then its text (which holds no other link). */
const LINK = /<a\s([^<>]*)>([^<]*(?:<(?!a\s|\/a\s*>)[^<]*)*)<\/a\s*>/gi;
const HREF = /\bhref\s*=\s*"([^"]*)"/i;
const WHITE_SPACE = /\s+/g;
const LINE_BREAK = /<br\s*\/?>/gi;
const LIST_ITEM = /<li\b[^<>]*>/gi;
const BLOCK_END = /<\/(?:p|div|h[1-6]|blockquote|pre|tr|ul|ol)\s*>/gi;
const TAG = /<\/?[a-z][^<>]*>/gi;
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos|nbsp));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function character(code: number): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

/** The text of a note as Zotero writes it; any other note as it is. */
export function noteText(note: string): string {
  if (!OPENS_AS_HTML.test(note)) return note;
  return note
    .replace(WHITE_SPACE, (space) => (space.includes('\n') ? ' ' : space))
    .replace(LINK, (link, attributes: string, text: string) => {
      const url = HREF.exec(attributes)?.[1];
      if (url === undefined) return link;
      const words = text.replace(TAG, '').trim();
      return words === '' || words === url ? url : `${words} (${url})`;
    })
    .replace(LINE_BREAK, '\n')
    .replace(LIST_ITEM, '\n- ')
    .replace(BLOCK_END, '\n\n')
    .replace(TAG, '')
    .replace(ENTITY, (_entity, decimal?: string, hex?: string, name?: string) =>
      decimal ? character(Number(decimal)) : hex ? character(parseInt(hex, 16)) : NAMED[name!.toLowerCase()] ?? '');
}
