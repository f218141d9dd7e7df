// The lexicon's lookup table: every word any WordSet or WordMap holds, found by a
// case-insensitive hash of the characters it is spelled with in the text -- no substring and no
// lower-casing per lookup. Sets are bits on the entries, so a set test after a lookup is an AND.
//
// The table is built on the first lookup, not when the module loads: a page or worker that loads
// the extractor and never extracts pays nothing for it, and the sets and maps only record their
// word lists (still in the compact form of `wordList`) until then.

/**
 * The base of the words' polynomial hash. Above every ASCII code, so a word of up to EXACT_LENGTH
 * ASCII characters hashes to its own codes written in base 131 (at most 127 * (131^3 + 131^2 +
 * 131 + 1), below 2^31, so nothing wraps): two such words with the same hash are the same word,
 * and a lookup need not read the text again to check one.
 *
 * The same holds for the last EXACT_LENGTH characters of a longer ASCII word: for two words of n
 * characters whose first n - 4 are the same, the hashes differ by the difference of their last
 * four characters' values in base 131 (modulo 2^32), which is below 131^4 < 2^32 and so zero only
 * if those characters are the same too. A lookup checks the first n - 4 characters only.
 */
export const HASH_BASE = 131;
/** The longest word the hash alone identifies, and how many last characters of a longer one it settles, when the word and the lexicon's word are both ASCII. */
export const EXACT_LENGTH = 4;

/** Case-insensitive hash of text[start, end): the key WordSet and WordMap look words up by. */
export function hashWord(text: string, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    h = (Math.imul(h, HASH_BASE) + c) | 0;
  }
  return h;
}

/** Does text[start, end) spell `word` (lower case), ignoring ASCII case? */
export function spells(text: string, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i++) {
    let c = text.charCodeAt(start + i);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== word.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * A word of the lexicon, as the number of its slot in the table below; NO_WORD (0) for a word no
 * set or map knows. Every word any WordSet or WordMap knows has one entry, with the sets it
 * belongs to (one bit per set) and its value in each map: a window looks each of its words up
 * once, then every set test is a bit test on typed arrays, with no object to follow.
 */
export type Entry = number;
export const NO_WORD: Entry = 0;

// An open-addressing hash table over typed arrays: a lookup is a few array reads, cheaper than a
// Map on the hot path. Sized for the whole lexicon at load time; entry e lives in table slot e - 1,
// so entry 0 (NO_WORD) is in no set and has no value. The lexicon's ~1,600 words fill about a fifth
// of it, so a word it does not know, which is most words read, is refused after one or two probes.
const SLOTS = 8192;
const MASK = SLOTS - 1;
const slotHashes = new Int32Array(SLOTS + 1);
/** The length of each slot's word, 0 for a free slot: the probe reads typed arrays only until a hash matches. */
const slotLengths = new Uint8Array(SLOTS + 1);
const slotWords: string[] = new Array<string>(SLOTS + 1).fill('');
/**
 * Each slot's word as character codes in one pool, from `slotChars[entry]`: the check that a
 * word in the text spells the entry reads typed arrays only, whatever the representation of the
 * lexicon's strings (many are built by concatenation or slicing).
 */
const slotChars = new Int32Array(SLOTS + 1);
let charPool = new Uint16Array(16384);
let poolUsed = 0;
const setBitsLo = new Int32Array(SLOTS + 1);
const setBitsHi = new Int32Array(SLOTS + 1);
let entryCount = 0;
let nextBit = 0;


function hasUpperCase(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}

/** Is every character of `word` ASCII? */
function isAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) >= 128) return false;
  return true;
}

function entryFor(word: string): Entry {
  const lower = hasUpperCase(word) ? word.toLowerCase() : word;
  // `lookupScanned` trusts the hash for an ASCII word's last EXACT_LENGTH characters (all of a short
  // one's); that holds only if the lexicon's words are ASCII as well.
  if (!isAscii(lower)) throw new Error(`lexicon word outside ASCII: ${lower}`);
  const h = hashWord(lower, 0, lower.length);
  for (let slot = h & MASK; ; slot = (slot + 1) & MASK) {
    const entry = slot + 1;
    if (!slotLengths[entry]) {
      if (++entryCount > SLOTS / 2) throw new Error('lexicon table too small');
      if (lower.length > 255) throw new Error(`lexicon word too long: ${lower}`);
      slotHashes[entry] = h;
      slotLengths[entry] = lower.length;
      slotWords[entry] = lower;
      slotChars[entry] = poolWord(lower);
      return entry;
    }
    if (slotHashes[entry] === h && slotWords[entry] === lower) return entry;
  }
}

/** Copies `word` into the character pool; returns its offset there. */
function poolWord(word: string): number {
  if (poolUsed + word.length > charPool.length) {
    const grown = new Uint16Array(charPool.length * 2);
    grown.set(charPool);
    charPool = grown;
  }
  const at = poolUsed;
  for (let i = 0; i < word.length; i++) charPool[at + i] = word.charCodeAt(i);
  poolUsed += word.length;
  return at;
}

/** Does text[start, end) spell the word of `entry` (or as many of its first characters), ignoring ASCII case? */
function spellsEntry(text: string, start: number, end: number, entry: Entry): boolean {
  const pool = charPool;
  let at = slotChars[entry];
  for (let i = start; i < end; i++, at++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== pool[at]) return false;
  }
  return true;
}

/** The lexicon entry spelled by text[start, end), or NO_WORD. */
export function lookup(text: string, start: number, end: number, hash: number): Entry {
  // Without knowing the word is ASCII, every character is checked.
  return lookupScanned(text, start, end, hash, false);
}

/**
 * `lookup` for a word the word readers (./words.ts) have just hashed, knowing whether it is all
 * ASCII: an ASCII word whose hash and length match an entry and whose characters but the last
 * EXACT_LENGTH spell the entry's is that entry's word (see HASH_BASE), so a word of up to
 * EXACT_LENGTH characters is not read again, and a longer one only in part. Most words read around
 * values are found in the lexicon, and reading their characters a second time measured about a
 * twentieth of the extraction.
 */
export function lookupScanned(text: string, start: number, end: number, hash: number, ascii: boolean): Entry {
  if (!built) buildTable();
  const length = end - start;
  const checkEnd = ascii ? end - EXACT_LENGTH : end;
  for (let slot = hash & MASK; ; slot = (slot + 1) & MASK) {
    const entry = slot + 1;
    const slotLength = slotLengths[entry];
    if (slotLength === 0) return NO_WORD;
    if (slotHashes[entry] === hash && slotLength === length && (checkEnd <= start || spellsEntry(text, start, checkEnd, entry))) return entry;
  }
}

/**
 * The words of a word list written compactly: words separated by spaces; "dataset+" stands for
 * "dataset" and "datasets", "reduc{e,es,ing,ed}" for each ending added to the stem.
 */
export function wordList(list: string): string[] {
  // Indexed loops, no iterators: this runs once, in the interpreter, before the first lookup.
  const words: string[] = [];
  const tokens = list.split(' ');
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    if (!token) continue;
    const last = token.charCodeAt(token.length - 1);
    const brace = last === 125 ? token.indexOf('{') : -1; // "}"
    if (last === 43) { // "+"
      const stem = token.slice(0, -1);
      words.push(stem, stem + 's');
    } else if (brace > 0) {
      const stem = token.slice(0, brace);
      const endings = token.slice(brace + 1, -1).split(',');
      for (let e = 0; e < endings.length; e++) words.push(stem + endings[e]);
    } else words.push(token);
  }
  return words;
}

/** What the table is built from: every set and map, in the order they were declared. */
const declared: { addToTable(): void }[] = [];
let built = false;

/**
 * Builds the table from every set and map declared so far. All of them go in at once, so no
 * entry a lookup has returned ever changes afterwards; a set or map declared after the first
 * lookup is refused (they are all module constants, declared when their modules load).
 */
function buildTable(): void {
  built = true;
  for (let t = 0; t < declared.length; t++) declared[t].addToTable();
}

function declare(table: { addToTable(): void }): void {
  if (built) throw new Error('word sets and maps must be declared before the first lookup');
  declared.push(table);
}

/** A set's words: a compact list (`wordList`), the words themselves, or a function giving them once needed. */
export type WordSource = string | readonly string[] | (() => Iterable<string>);

/** A case-insensitive set of words, queried by offsets into a text. */
export class WordSet {
  /** This set's bit in the lo or hi bit array (the other mask is 0). */
  private readonly lo: number;
  private readonly hi: number;
  private source: WordSource;
  private expanded: readonly string[] | null = null;

  constructor(words: WordSource) {
    this.source = words;
    const bit = nextBit++;
    if (bit >= 64) throw new Error('too many word sets');
    this.lo = bit < 32 ? 1 << bit : 0;
    this.hi = bit < 32 ? 0 : 1 << (bit - 32);
    declare(this);
  }

  /** The set's words, expanded from their compact form on first use. */
  get words(): readonly string[] {
    if (!this.expanded) {
      const source = this.source;
      this.expanded = typeof source === 'string' ? wordList(source) : typeof source === 'function' ? [...source()] : source;
      this.source = '';
    }
    return this.expanded;
  }

  addToTable(): void {
    const words = this.words;
    for (let w = 0; w < words.length; w++) {
      const entry = entryFor(words[w]);
      setBitsLo[entry] |= this.lo;
      setBitsHi[entry] |= this.hi;
    }
  }

  contains(entry: Entry): boolean {
    return ((setBitsLo[entry] & this.lo) | (setBitsHi[entry] & this.hi)) !== 0;
  }

  has(text: string, start: number, end: number, hash: number): boolean {
    return this.contains(lookup(text, start, end, hash));
  }

  /** One set holding every word of `sets`: one test instead of several on a hot path. */
  static union(...sets: (WordSet | WordMap<unknown>)[]): WordSet {
    return new WordSet(() => new Set(sets.flatMap((set) => (set instanceof WordSet ? set.words : set.words()))));
  }

  /** The words of this set that are not in `other`. */
  without(other: WordSet): WordSet {
    return new WordSet(() => {
      const excluded = new Set(other.words.map((w) => w.toLowerCase()));
      return this.words.filter((w) => !excluded.has(w.toLowerCase()));
    });
  }
}

/** A case-insensitive map from words to values, queried by offsets into a text. */
export class WordMap<V> {
  /** The value of each entry, by entry number (undefined: none); allocated when the table is built. */
  private values: (V | undefined)[] = [];
  private keys: string[] | null = null;
  private source: (() => Iterable<readonly [string, V]>) | null;

  /** `entries`: the words and their values, or a function giving them once needed. */
  constructor(entries: Iterable<readonly [string, V]> | (() => Iterable<readonly [string, V]>)) {
    this.source = typeof entries === 'function' ? entries : () => entries;
    declare(this);
  }

  addToTable(): void {
    this.values = new Array<V | undefined>(SLOTS + 1).fill(undefined);
    const keys: string[] = [];
    const entries = (this.source as () => Iterable<readonly [string, V]>)();
    const pairs = Array.isArray(entries) ? (entries as readonly (readonly [string, V])[]) : [...entries];
    for (let p = 0; p < pairs.length; p++) {
      const pair = pairs[p];
      this.values[entryFor(pair[0])] = pair[1];
      keys.push(pair[0]);
    }
    this.keys = keys;
    this.source = null;
  }

  /** The words this map has values for. */
  words(): readonly string[] {
    if (!built) buildTable();
    return this.keys as string[];
  }

  valueOf(entry: Entry): V | undefined {
    return this.values[entry];
  }

  get(text: string, start: number, end: number, hash: number): V | undefined {
    return this.values[lookup(text, start, end, hash)];
  }
}
