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

function isWordChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a);
  return WORD_CHAR.test(c) || FOLDED.has(c);
}

/** The title in the normalised form described above; '' for anything that is not a string. */
export function normaliseTitle(title: string): string {
  if (typeof title !== 'string') return '';
  let result = normaliseOnce(title);
  // A join (hyphen removed between two letters) can, very rarely, bring together characters that
  // Unicode composes or folds further; normalising again settles them.
  for (let round = 0; round < 3 && !isSettled(result); round++) result = normaliseOnce(result);
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

/** Plain ASCII without TeX markup: Unicode normalisation and TeX resolution would leave it as it is. */
const PLAIN_INPUT = /^[\x20-\x7e\t\n\r]*$/;
const TEX_MARKUP = /[\\${}~^_]|--/;

function normaliseOnce(title: string): string {
  if (PLAIN_INPUT.test(title) && !TEX_MARKUP.test(title)) return joinAsciiWords(title.toLowerCase());
  const text = stripTex(title.normalize('NFKC'))
    .toLowerCase()
    .normalize('NFD')
    .replace(ACCENTS, '')
    .normalize('NFKC')
    .replace(FORMAT_CHARS, '');
  return joinWords(text);
}

const isAsciiWordCode = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);

/** joinWords for lower-case ASCII, by slices (most titles and names take this path). */
function joinAsciiWords(text: string): string {
  const words: string[] = [];
  let word = '';
  let start = -1; // start of the current run of letters and digits
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0x20;
    if (isAsciiWordCode(code)) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      word += text.slice(start, i);
      start = -1;
    }
    if (code === 0x27 || code === 0x60) continue; // apostrophes join
    if (code === 0x2d && word !== '' && isAsciiWordCode(text.charCodeAt(i + 1))) continue; // a hyphen inside a word joins
    if (word !== '') {
      words.push(word);
      word = '';
    }
    if (code === 0x26) words.push('and');
  }
  return words.join(' ');
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
