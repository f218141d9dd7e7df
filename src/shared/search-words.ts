// How search text is cut into words: the popup's index and scans, and the search snapshot the background builds,
// must agree exactly, so the rules live here once.
/** Lower case, accents folded: "Jürgen" is found by "jurgen". Plain ASCII skips the Unicode work. */
export function foldText(text: string): string {
  // eslint-disable-next-line no-control-regex -- "any character outside ASCII"
  return /[^\u0000-\u007f]/.test(text) ? text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase() : text.toLowerCase();
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * The words of a folded text: runs of letters and digits (so `to-cite` is `to` and `cite`). A loop over char
 * codes rather than a Unicode regex split: indexing 10,000 abstracts this way is several times faster.
 */
export function forEachWord(text: string, visit: (word: string) => void): void {
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let inWord: boolean;
    let width = 1;
    if (code < 128) {
      inWord = (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
    } else {
      const point = text.codePointAt(i)!;
      width = point > 0xffff ? 2 : 1;
      inWord = LETTER_OR_DIGIT.test(String.fromCodePoint(point));
    }
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      visit(text.slice(start, i));
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) visit(text.slice(start));
}

/** The folded words typed in a search box. */
export function searchTerms(text: string): string[] {
  const words: string[] = [];
  forEachWord(foldText(text), (word) => words.push(word));
  return words;
}

/** The fields a paper's searchable words come from, in this order (the index's first pass reads the same). */
export const SHORT_SEARCH_FIELDS = ['title', 'tags', 'authors', 'note'] as const;

/**
 * A paper's words for a scan: per field of `SHORT_SEARCH_FIELDS`, its folded words each after a space and the
 * field closed by a space, fields apart by a line break. A typed word begins a word of the paper exactly when
 * `' ' + typed` occurs in it, and is a whole word of a field when `' ' + typed + ' '` occurs in that field.
 */
export function searchableWords(paper: { title: string; tags: readonly string[]; authors: readonly string[]; note: string }): string {
  const fields = [paper.title, paper.tags.join(' '), paper.authors.join(' '), paper.note];
  const words = fields.map(fieldWords).join('\n');
  return fields.some((field) => NON_ASCII.test(field)) ? compactText(words) : words;
}

// eslint-disable-next-line no-control-regex -- "any character outside ASCII"
const NON_ASCII = /[^\u0000-\u007f]/;
// eslint-disable-next-line no-control-regex -- "only characters of one byte"
const ONE_BYTE = /^[\u0000-\u00ff]*$/;
/** Characters per `String.fromCharCode` call, well under any engine's limit on arguments. */
const CHARS_PER_CALL = 4096;

/**
 * `text` stored one byte per character where it can be. Words cut out of a text with characters beyond one byte
 * (an em dash, "Jürgen" decomposed to be folded) are ASCII but kept at two bytes per character by the engine, and
 * every string joined with them then is too: one such paper doubles the snapshot's whole words column, which the
 * popup reads and copies as it opens. Rebuilt from char codes, the engine stores it at one byte per character.
 */
export function compactText(text: string): string {
  if (!ONE_BYTE.test(text)) return text;
  let compact = '';
  for (let at = 0; at < text.length; at += CHARS_PER_CALL) {
    const codes = new Array<number>(Math.min(CHARS_PER_CALL, text.length - at));
    for (let i = 0; i < codes.length; i++) codes[i] = text.charCodeAt(at + i);
    compact += String.fromCharCode(...codes);
  }
  return compact;
}

function fieldWords(text: string): string {
  let words = ' ';
  forEachWord(foldText(text), (word) => (words += word + ' '));
  return words;
}
