// The normalised form of a paper title: what stays equal when the same title is written by arXiv,
// a proceedings page, OpenReview or a BibTeX file (docs/paper-identity.md gives the rule and examples).
//
//   Unicode NFKC → TeX markup resolved (tex.ts) → lower case → accents removed → letters folded
//   (ß → ss, ø → o, Greek letters → their names, × → x) → punctuation unified → words joined by one space.
//
// Linear in the length of the title, never throws, and idempotent: a normalised title normalises
// to itself.
import { stripTex } from './tex';

/** Combining accents (the diacritical blocks only: marks of scripts such as Devanagari stay). */
// eslint-disable-next-line no-misleading-character-class -- a class of lone combining marks is what is meant
const ACCENTS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
// eslint-disable-next-line no-misleading-character-class -- as above
const HAS_ACCENT = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/;

/** Letters and signs written differently by different sites, folded to one spelling. */
const FOLDED = new Map<string, string>(Object.entries({
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't', ŀ: 'l',
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ζ: 'zeta', η: 'eta', θ: 'theta', ι: 'iota',
  κ: 'kappa', λ: 'lambda', μ: 'mu', ν: 'nu', ξ: 'xi', ο: 'omicron', π: 'pi', ρ: 'rho', σ: 'sigma', ς: 'sigma',
  τ: 'tau', υ: 'upsilon', φ: 'phi', χ: 'chi', ψ: 'psi', ω: 'omega',
  // Written as part of a word: `$100\times$` and `100×` are the `100x` of a plain-text title.
  '×': 'x', '√': 'sqrt', '∞': 'infinity',
}));

/** Joins the words on both sides: `Multi-label` = `Multilabel`, `Don’t` = `Dont`. */
const HYPHENS = new Set(['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2212', '\ufe63']);
const APOSTROPHES = new Set(["'", '\u2018', '\u2019', '\u201b', '\u02bb', '\u02bc', '`', '\u2032']);

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** Invisible format characters (soft hyphen, zero-width space, MathJax's function application). */
const FORMAT_CHARS = /\p{Cf}/gu;
const PLAIN_ASCII = /^[a-z0-9 ]*$/;
const NON_ASCII = /[\u0080-\uffff]/;

function isWordChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a);
  return WORD_CHAR.test(c) || FOLDED.has(c);
}

/** The title in the normalised form described above; '' for anything that is not a string. */
export function normaliseTitle(title: string): string {
  if (typeof title !== 'string') return '';
  // Its letters, digits and single spaces are already settled: no second round to ask about.
  const plain = normalisePlain(title);
  if (plain !== undefined) return plain;
  let result = normaliseUnicode(title);
  // A join (hyphen removed between two letters) can, very rarely, bring together characters that
  // Unicode composes or folds further; normalising again settles them.
  for (let round = 0; round < 3 && !isSettled(result); round++) result = normalisePlain(result) ?? normaliseUnicode(result);
  return result;
}

/** The words of a normalised title. */
export function titleWords(normalised: string): string[] {
  return normalised === '' ? [] : normalised.split(' ');
}

/**
 * How many words a normalised title has, up to `max` (words are joined by single spaces): what `titleWords`
 * would say of its length, without building the list (an import asks it of every record).
 */
export function countTitleWords(normalised: string, max = Infinity): number {
  if (normalised === '') return 0;
  let words = 1;
  for (let at = normalised.indexOf(' '); at >= 0 && words < max; at = normalised.indexOf(' ', at + 1)) words++;
  return words;
}

function isSettled(text: string): boolean {
  if (PLAIN_ASCII.test(text)) return true;
  return text === text.normalize('NFKC') && text === text.toLowerCase() && !HAS_ACCENT.test(text.normalize('NFD'));
}

/** One round of the full path: any title, TeX markup and Unicode included. */
function normaliseUnicode(title: string): string {
  // ASCII text (a title whose only markup is TeX, often what TeX resolves to) has no accent or format character to
  // lose, and Unicode normalisation leaves it as it is: those steps are skipped for it.
  const resolved = stripTex(NON_ASCII.test(title) ? title.normalize('NFKC') : title).toLowerCase();
  if (!NON_ASCII.test(resolved)) return joinWords(resolved);
  const text = resolved
    .normalize('NFD')
    .replace(ACCENTS, '')
    .normalize('NFKC')
    .replace(FORMAT_CHARS, '');
  return joinWords(text);
}

const isAsciiWordCode = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
/** A letter (either case) or a digit: the plain path lower-cases a letter as it writes it. */
const isAsciiAlnum = (code: number) => isAsciiWordCode(code) || (code >= 0x41 && code <= 0x5a);

// What a character other than a letter or digit is to the words of a plain title (see normalisePlain).
const APOSTROPHE = 0;
const HYPHEN = 1;
const AMPERSAND = 2;
const SEPARATOR = 3;
const NOT_PLAIN = 4;

/**
 * The part the character at `i` (`code`, not a letter or digit) plays in a plain title: printable ASCII without
 * TeX markup (none of `\ $ { } ~ ^ _`, no `--`), tab and line breaks, and the typographic quotes and dashes that
 * sites print in titles (‘ ’ “ ” – —). Unicode normalisation, TeX resolution, lower case and accent removal leave
 * all of these as they are, and the full path reads them as this says (`joinWords`: ’ and ‘ are apostrophes, – a
 * hyphen). Anything else is NOT_PLAIN.
 */
function plainRole(title: string, i: number, code: number): number {
  if (code >= 0x80) {
    if (code === 0x2018 || code === 0x2019) return APOSTROPHE;
    if (code === 0x2013) return HYPHEN;
    return code === 0x2014 || code === 0x201c || code === 0x201d ? SEPARATOR : NOT_PLAIN;
  }
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d ? SEPARATOR : NOT_PLAIN;
  switch (code) {
    case 0x5c: case 0x24: case 0x7b: case 0x7d: case 0x7e: case 0x5e: case 0x5f: case 0x7f: // TeX markup; DEL
      return NOT_PLAIN;
    case 0x27: case 0x60:
      return APOSTROPHE;
    case 0x2d:
      return title.charCodeAt(i + 1) === 0x2d ? NOT_PLAIN : HYPHEN; // `--` is a TeX dash
    case 0x26:
      return AMPERSAND;
    default:
      return SEPARATOR;
  }
}

/**
 * Where a plain title's normalised form is written, one ASCII byte per character, before it becomes a string: the
 * words are not copied out one by one. Reused by every call (nothing else runs while a call writes it); a longer
 * title gets a buffer of its own, so that no outsized buffer is kept.
 */
const plainBytes = new Uint8Array(4096);
const asciiDecoder = new TextDecoder();

/**
 * The normalised title of a plain title (see plainRole), else undefined. Most titles and author names take this
 * path: one pass that checks the title while it writes its words in lower case. Apostrophes join, a hyphen between
 * two letters or digits joins them, `&` is the word "and", and every other character separates words.
 */
function normalisePlain(title: string): string | undefined {
  // At most four bytes per character: `&` alone is " and".
  const bytes = title.length * 4 <= plainBytes.length ? plainBytes : new Uint8Array(title.length * 4);
  let length = 0;
  let inWord = false; // the current word has a letter or digit, so a hyphen before another one joins it
  for (let i = 0; i < title.length; i++) {
    const code = title.charCodeAt(i);
    if (isAsciiAlnum(code)) {
      if (!inWord && length > 0) bytes[length++] = 0x20;
      bytes[length++] = code <= 0x5a && code >= 0x41 ? code + 0x20 : code;
      inWord = true;
      continue;
    }
    const role = plainRole(title, i, code);
    if (role === NOT_PLAIN) return undefined;
    if (role === APOSTROPHE) continue;
    if (role === HYPHEN && inWord && isAsciiAlnum(title.charCodeAt(i + 1))) continue;
    if (role === AMPERSAND) {
      if (length > 0) bytes[length++] = 0x20;
      bytes[length++] = 0x61; // a
      bytes[length++] = 0x6e; // n
      bytes[length++] = 0x64; // d
    }
    inWord = false;
  }
  return asciiDecoder.decode(bytes.subarray(0, length));
}

/**
 * Whether `normaliseTitle(title)` is `normalised`. A plain title (see plainRole) is compared as it is read, with
 * nothing built: the store confirms each title candidate this way. Any other title, or one that differs, is
 * normalised and compared whole.
 */
export function normalisesTo(title: string, normalised: string): boolean {
  return (typeof title === 'string' && matchesPlain(title, normalised)) || normaliseTitle(title) === normalised;
}

/**
 * True when the title is plain and normalises to `normalised`, read as `normalisePlain` reads it; false when it is
 * not plain or differs (the caller then compares the whole normalised title).
 */
function matchesPlain(title: string, normalised: string): boolean {
  let at = 0; // how much of `normalised` the title has matched
  let inWord = false;
  for (let i = 0; i < title.length; i++) {
    const code = title.charCodeAt(i);
    if (isAsciiAlnum(code)) {
      if (!inWord && at > 0 && normalised.charCodeAt(at++) !== 0x20) return false;
      // Compared in lower case: `normalised` holds no upper-case letter.
      if (normalised.charCodeAt(at++) !== (code <= 0x5a && code >= 0x41 ? code + 0x20 : code)) return false;
      inWord = true;
      continue;
    }
    const role = plainRole(title, i, code);
    if (role === NOT_PLAIN) return false;
    if (role === APOSTROPHE) continue;
    if (role === HYPHEN && inWord && isAsciiAlnum(title.charCodeAt(i + 1))) continue;
    if (role === AMPERSAND) {
      const and = at === 0 ? 'and' : ' and';
      if (!normalised.startsWith(and, at)) return false;
      at += and.length;
    }
    inWord = false;
  }
  return at === normalised.length;
}

/** Folded letters and digits as words joined by single spaces; hyphens and apostrophes inside a word join it. */
function joinWords(text: string): string {
  const words: string[] = [];
  let word = '';
  let start = -1; // start of the current run of ASCII letters and digits, copied as one slice
  for (let i = 0; i <= text.length; ) {
    const code = i < text.length ? text.codePointAt(i)! : 0x20;
    const size = code > 0xffff ? 2 : 1;
    if (isAsciiWordCode(code)) {
      if (start < 0) start = i;
      i += size;
      continue;
    }
    if (start >= 0) {
      word += text.slice(start, i);
      start = -1;
    }
    const c = String.fromCodePoint(code);
    i += size;
    const folded = code >= 0x80 ? FOLDED.get(c) : undefined;
    if (folded !== undefined || isWordChar(c)) word += folded ?? c;
    else if (APOSTROPHES.has(c)) continue;
    else if (HYPHENS.has(c) && word !== '' && isWordChar(charAt(text, i))) continue;
    else {
      if (word !== '') words.push(word);
      word = '';
      if (c === '&') words.push('and');
    }
  }
  return words.join(' ');
}

function charAt(text: string, i: number): string | undefined {
  const code = text.codePointAt(i);
  return code === undefined ? undefined : String.fromCodePoint(code);
}
