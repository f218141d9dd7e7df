// Family names from author names as sites write them: "Alexander Serga", "A. A. Serga", "Serga, A. A.",
// "Rodriguez Abella, Á.", "Mikkel {\O}bro", "Victor Agostinelli Iii", "Prashanth L A". Names are folded
// like titles (case, accents, TeX), so "Rodríguez" = "Rodriguez" and "Aky{\"u}rek" = "Akyürek".
//
// A name written "Family, Given" says where its family name starts, so it may have several words
// ("Rodriguez Abella"). A name written "Given Family" does not, so only its last word is sure to be
// family ("Álvaro Rodríguez Abella" → "abella"); trailing initials ("L A") and suffixes ("Jr.", "III")
// are not family. Two names agree when the family name each side can vouch for ends the other
// side's full name: docs/paper-identity.md walks through the cases.
import { normaliseTitle, titleWords } from './title';

export interface AuthorName {
  /** Family name words, folded: ['rodriguez', 'abella']. Never empty. */
  readonly family: readonly string[];
  /** All name words in given-then-family order, folded, suffixes left out: ['a', 'rodriguez', 'abella']. */
  readonly words: readonly string[];
}

const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
/** What author lists hold that is no name. */
const NOT_NAMES = new Set(['others', 'and others', 'et al', 'al']);
const LONGEST_NOT_NAME = Math.max(...[...NOT_NAMES].map((phrase) => phrase.length));

/** One letter (one code point, which may take two UTF-16 units). */
const isInitial = (word: string) => word.length === 1 || (word.length === 2 && word.codePointAt(0)! > 0xffff);
const isSuffix = (word: string) => SUFFIXES.has(word);

/** Text outside parentheses: arXiv writes affiliations there ("Eric Alata (LAAS)"). */
function withoutParentheses(text: string): string {
  if (!text.includes('(')) return text;
  let out = '';
  let depth = 0;
  for (const c of text) {
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += c;
  }
  return out;
}

function withoutTrailing(words: string[], drop: (word: string) => boolean): string[] {
  let end = words.length;
  while (end > 1 && drop(words[end - 1]!)) end--;
  return words.slice(0, end);
}

/** The parsed name, or undefined when the string holds no family name ("A.", "et al.", "Jr."). */
export function parseAuthorName(author: string): AuthorName | undefined {
  if (typeof author !== 'string') return undefined;
  const parts = withoutParentheses(author)
    .split(',')
    .map((part) => titleWords(normaliseTitle(part)))
    .filter((words) => words.length > 0);
  if (parts.length === 0 || (parts.length === 1 && NOT_NAMES.has(parts[0]!.join(' ')))) return undefined;
  const [first, ...rest] = parts as [string[], ...string[][]];
  const given = rest.filter((words) => !words.every(isSuffix));
  // "Family, Given" (a comma followed by more than suffixes); else "Given Family[, Jr.]".
  if (given.length > 0) {
    const family = withoutTrailing(first, isSuffix);
    if (family.every(isInitial) || family.every(isSuffix)) return undefined;
    return { family, words: [...given.flat(), ...family] };
  }
  const named = withoutTrailing(first, isSuffix);
  if (named.every(isInitial) || named.every(isSuffix)) return undefined;
  const beforeInitials = withoutTrailing(named, isInitial);
  const family = beforeInitials.slice(-1);
  const givenWords = [...beforeInitials.slice(0, -1), ...named.slice(beforeInitials.length)];
  return { family, words: [...givenWords, ...family] };
}

/**
 * Whether the string holds a family name: `parseAuthorName(author) !== undefined`, without building the parsed name
 * when the string has no comma and no parenthesis (one part, "Given Family", which is most names). Such a name
 * names someone unless it is a stock phrase ("et al."), all suffixes, or only initials before its trailing
 * suffixes ("A. A.", "L. Jr."): its words are read in place, none is split off.
 */
export function hasFamilyName(author: string): boolean {
  if (typeof author !== 'string') return false;
  if (author.includes(',') || author.includes('(')) return parseAuthorName(author) !== undefined;
  const normalised = normaliseTitle(author);
  if (normalised === '' || (normalised.length <= LONGEST_NOT_NAME && NOT_NAMES.has(normalised))) return false;
  let named = false; // some word is not a suffix
  let full = false; // some word up to the last one that is not a suffix is more than an initial
  let fullSoFar = false;
  for (let start = 0; start < normalised.length; ) {
    let end = normalised.indexOf(' ', start);
    if (end < 0) end = normalised.length;
    const length = end - start;
    if (length > 2 || (length === 2 && normalised.codePointAt(start)! <= 0xffff)) fullSoFar = true;
    if (length < 2 || length > 3 || !isSuffix(normalised.slice(start, end))) {
      named = true;
      full = fullSoFar;
    }
    start = end + 1;
  }
  return named && full;
}

/** The folded family name ("rodriguez abella"), or undefined when the string holds none. */
export function familyName(author: string): string | undefined {
  return parseAuthorName(author)?.family.join(' ');
}

function endsWith(words: readonly string[], tail: readonly string[]): boolean {
  if (tail.length > words.length) return false;
  const offset = words.length - tail.length;
  return tail.every((word, i) => words[offset + i] === word);
}

/** Whether two parsed names share their family name (see the file comment). */
export function sameFamily(a: AuthorName, b: AuthorName): boolean {
  return endsWith(b.words, a.family) && endsWith(a.words, b.family);
}

/** Whether two author strings name people with the same family name. */
export function sameAuthor(a: string, b: string): boolean {
  const left = parseAuthorName(a);
  const right = parseAuthorName(b);
  return left !== undefined && right !== undefined && sameFamily(left, right);
}

/** The names of an author list that hold a family name (bad entries are skipped). */
export function parseAuthorList(authors: readonly string[]): AuthorName[] {
  if (!Array.isArray(authors)) return [];
  const names: AuthorName[] = [];
  for (const author of authors) {
    const name = parseAuthorName(author);
    if (name) names.push(name);
  }
  return names;
}

/** Whether some author of `a` and some author of `b` share a family name. Linear in both lists. */
export function shareFamilyName(a: readonly AuthorName[], b: readonly AuthorName[]): boolean {
  // Agreeing names end in the same word (both family names end their own name), so index by it.
  const byLastWord = new Map<string, AuthorName[]>();
  for (const name of b) {
    const last = name.family[name.family.length - 1]!;
    const bucket = byLastWord.get(last);
    if (bucket) bucket.push(name);
    else byLastWord.set(last, [name]);
  }
  return a.some((name) => byLastWord.get(name.family[name.family.length - 1]!)?.some((other) => sameFamily(name, other)) ?? false);
}

/**
 * The author half of the identity rule: true when either list names no one, or when the lists share
 * at least one family name.
 */
export function authorsAgree(a: readonly string[], b: readonly string[]): boolean {
  const left = parseAuthorList(a);
  if (left.length === 0) return true;
  const right = parseAuthorList(b);
  return right.length === 0 || shareFamilyName(left, right);
}
