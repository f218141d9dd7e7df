// Word windows around a quantity, read without allocating: word offsets go into typed arrays and
// each word is hashed and looked up in the lexicon table (./word-table.ts) in the same pass that
// finds its end. Every walk is capped in words and characters, so context reading is O(1) per
// candidate.
import { HASH_BASE, hashWord, lookupScanned, NO_WORD, spells, WordSet, type Entry, type WordMap } from './word-table';

const MAX_WORDS = 8;
const MAX_CHARS = 160;
/** Abbreviations whose final dot does not end a sentence, as looked up (trailing dot trimmed). */
const ABBREVIATIONS = new WordSet(['e.g', 'i.e', 'vs', 'al', 'etc', 'approx', 'cf', 'res', 'resp', 'fig', 'eq']);
const EXAMPLE_MARKERS = new WordSet(['e.g', 'i.e']);

// Character classes of the ASCII range, one table read per character: ( " ' [ { $ open a word,
// ) " ' ] , . ; : ! ? } $ may close it.
const OPENER = 1;
const CLOSER = 2;
const CHARS = new Uint8Array(128);
for (const c of '("\'[{$') CHARS[c.charCodeAt(0)] |= OPENER;
for (const c of ')"\'],.;:!?}$') CHARS[c.charCodeAt(0)] |= CLOSER;

// What `scanToken` found (extraction is single-threaded and not re-entrant): the word inside the
// written token without its surrounding punctuation, its lexicon entry and its last "-".
let wordStart = 0;
let wordEnd = 0;
let wordEntry: Entry = NO_WORD;
let wordDash = -1;

/**
 * Reads the written token that starts at `start` and ends at the next space (or `limit`), and the
 * word inside it without the punctuation around it ("(e.g.," -> "e.g", "83.1%)," -> "83.1%"),
 * hashed case-insensitively and looked up, in one pass. Returns the token's end.
 */
function scanToken(text: string, start: number, limit: number): number {
  let i = start;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c > 32 && c < 128 && (CHARS[c] & OPENER) !== 0) i++;
    else break;
  }
  wordStart = i;
  let h = 0;
  let hashToLast = 0;
  let last = i;
  let dash = -1;
  let ascii = true;
  for (; i < limit; i++) {
    let c = text.charCodeAt(i);
    if (c <= 32) break;
    if (c < 128) {
      if (c === 45) dash = i;
      else if (c >= 65 && c <= 90) c += 32;
      h = (Math.imul(h, HASH_BASE) + c) | 0;
      if ((CHARS[c] & CLOSER) === 0) {
        hashToLast = h;
        last = i + 1;
      }
    } else {
      h = (Math.imul(h, HASH_BASE) + c) | 0;
      hashToLast = h;
      last = i + 1;
      ascii = false;
    }
  }
  wordEnd = last;
  wordDash = dash < last ? dash : -1;
  wordEntry = last > wordStart ? lookupScanned(text, wordStart, last, hashToLast, ascii) : NO_WORD;
  return i;
}

/**
 * The same reading as `scanToken` for the written token that ends at `end` and starts after the
 * previous space (or at `limit`), in one pass from its end: the hash is summed from the right
 * (each character times the power of HASH_BASE of its distance from the word's end, the same value
 * `scanToken` computes from the left), so a word before a value is read once, not found going
 * back and then read again going forward. Returns the token's start.
 */
function scanTokenBackward(text: string, end: number, limit: number): number {
  let i = end - 1;
  // Closing punctuation at the token's end is outside the word ("83.1%)," -> "83.1%").
  for (; i >= limit; i--) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c >= 128 || (CHARS[c] & CLOSER) === 0) break;
  }
  const last = i + 1;
  let h = 0;
  let power = 1;
  let dash = -1;
  // Opening punctuation at the token's start is outside the word too: the run of openers being
  // read, where it started (`openerRun`) and the hash before it.
  let openerRun = -1;
  let hashBeforeRun = 0;
  let ascii = true;
  for (; i >= limit; i--) {
    let c = text.charCodeAt(i);
    if (c <= 32) break;
    if (c < 128) {
      if ((CHARS[c] & OPENER) !== 0) {
        if (openerRun < 0) {
          openerRun = i;
          hashBeforeRun = h;
        }
      } else openerRun = -1;
      if (c === 45) {
        if (dash < 0) dash = i;
      } else if (c >= 65 && c <= 90) c += 32;
    } else {
      openerRun = -1;
      ascii = false;
    }
    h = (h + Math.imul(c, power)) | 0;
    power = Math.imul(power, HASH_BASE);
  }
  const start = i + 1;
  if (openerRun >= 0) {
    wordStart = openerRun + 1;
    h = hashBeforeRun;
  } else wordStart = start;
  wordEnd = last;
  wordDash = dash;
  wordEntry = last > wordStart ? lookupScanned(text, wordStart, last, h, ascii) : NO_WORD;
  return start;
}

/**
 * Up to eight words on one side of a value, nearest first, inside its clause. Word k is
 * text[start(k), end(k)) with surrounding punctuation removed. Words are read only as far as a
 * rule asks (`has(k)`), and looked up in the lexicon as they are read.
 */
export class Words {
  private readonly starts = new Int32Array(MAX_WORDS);
  private readonly ends = new Int32Array(MAX_WORDS);
  private readonly entries = new Int32Array(MAX_WORDS);
  /** Offset of the last "-" inside word k ("peak-memory"), or -1. */
  private readonly dashes = new Int32Array(MAX_WORDS);
  private n = 0;
  private done = true;
  private forward = true;
  private cursor = 0;
  private limit = 0;
  text = '';

  /** Is there a word k in the window? Reads words up to k on demand. */
  has(k: number): boolean {
    while (k >= this.n && !this.done) this.readNext();
    return k < this.n;
  }

  start(k: number): number {
    return this.starts[k];
  }

  end(k: number): number {
    return this.ends[k];
  }

  /** The word as written (allocates; for labels and qualifiers only). */
  raw(k: number): string {
    return this.text.slice(this.starts[k], this.ends[k]);
  }

  /** The lexicon entry of word k (NO_WORD: a word no set knows); word k must exist (`has(k)`). */
  entryAt(k: number): Entry {
    return this.entries[k];
  }

  /** The value in `map` of the part of word k after its last "-" ("peak-memory" -> "memory"); word k must exist. */
  tailIn<V>(k: number, map: WordMap<V>): V | undefined {
    const from = this.dashes[k] + 1;
    if (from <= 0) return undefined;
    return map.get(this.text, from, this.ends[k], hashWord(this.text, from, this.ends[k]));
  }

  in(k: number, set: WordSet): boolean {
    return this.has(k) && set.contains(this.entries[k]);
  }

  get<V>(k: number, map: WordMap<V>): V | undefined {
    return this.has(k) ? map.valueOf(this.entries[k]) : undefined;
  }

  is(k: number, word: string): boolean {
    return this.has(k) && spells(this.text, this.starts[k], this.ends[k], word);
  }

  /** The index of the first of words [from, to) in `set`, or -1. */
  find(set: WordSet, from = 0, to = MAX_WORDS): number {
    for (let k = from; k < to && this.has(k); k++) if (set.contains(this.entries[k])) return k;
    return -1;
  }

  /** Word k starts with a digit (or a sign before one): another value, not a name like "A800". */
  numeric(k: number): boolean {
    if (!this.has(k)) return false;
    let c = this.text.charCodeAt(this.starts[k]);
    if (c === 126 || c === 60 || c === 62 || c === 43 || c === 45) c = this.text.charCodeAt(this.starts[k] + 1); // ~ < > + -
    return c >= 48 && c <= 57;
  }

  /** Word k contains a digit anywhere. */
  hasDigit(k: number): boolean {
    if (!this.has(k)) return false;
    for (let i = this.starts[k]; i < this.ends[k]; i++) {
      const c = this.text.charCodeAt(i);
      if (c >= 48 && c <= 57) return true;
    }
    return false;
  }

  /** Word k contains the character `code` ("@" in "Recall@1"), read without slicing it out. */
  hasChar(k: number, code: number): boolean {
    if (!this.has(k)) return false;
    for (let i = this.starts[k]; i < this.ends[k]; i++) if (this.text.charCodeAt(i) === code) return true;
    return false;
  }

  /** Word k is written with a capital first letter ("LLaMA", "ImageNet"). */
  capitalised(k: number): boolean {
    if (!this.has(k)) return false;
    const c = this.text.charCodeAt(this.starts[k]);
    return c >= 65 && c <= 90;
  }

  /** Adds the word `scanToken` just read, if it has any characters left. */
  private push(): boolean {
    if (wordEnd <= wordStart) return false;
    const n = this.n;
    this.starts[n] = wordStart;
    this.ends[n] = wordEnd;
    this.entries[n] = wordEntry;
    this.dashes[n] = wordDash;
    this.n = n + 1;
    if (this.n === MAX_WORDS) this.done = true;
    return true;
  }

  /** Starts a window of the words before `pos`, up to the previous clause end or an opening parenthesis. */
  readBefore(text: string, pos: number): this {
    this.text = text;
    this.n = 0;
    this.forward = false;
    this.cursor = pos - 1;
    this.limit = Math.max(0, pos - MAX_CHARS);
    this.done = false;
    return this;
  }

  /** Starts a window of the words after `pos`, up to the word that closes the clause, before a parenthesis or a line break. */
  readAfter(text: string, pos: number): this {
    this.text = text;
    this.n = 0;
    this.forward = true;
    this.cursor = pos;
    this.limit = Math.min(text.length, pos + MAX_CHARS);
    // Punctuation glued to the value ("2.4x," or "30%.") closes the clause right away.
    const glued = text.charCodeAt(pos);
    this.done = glued === 44 || glued === 59 || glued === 58 || glued === 41 ||
      (glued === 46 && (pos + 1 >= text.length || text.charCodeAt(pos + 1) <= 32));
    return this;
  }

  /** Reads the next word of the window (forwards or backwards: two functions, each small enough to inline). */
  private readNext(): void {
    if (this.forward) this.readNextForward();
    else this.readNextBackward();
  }

  private readNextForward(): void {
    const text = this.text;
    const limit = this.limit;
    let j = this.cursor;
    // Space, tab and the other control characters (codes up to 32) separate words; a line break ends
    // the window: in page text read whole (the bench's listing pages), the next line is another
    // element, such as a title after a vote count ("2\n\nPoints of Interest" is not "2 points").
    for (; j < limit; j++) {
      const c = text.charCodeAt(j);
      if (c > 32) break;
      if (c === 10) {
        this.done = true;
        return;
      }
    }
    if (j >= limit) {
      this.done = true;
      return;
    }
    const start = j;
    if (text.charCodeAt(start) === 40 && this.n) {
      this.done = true; // "(" opens an aside
      return;
    }
    j = scanToken(text, start, limit);
    this.cursor = j;
    const pushed = this.push();
    if (closesClause(text, start, j) || text.charCodeAt(j - 1) === 41) this.done = true;
    else if (!pushed && j >= limit) this.done = true;
  }

  private readNextBackward(): void {
    const text = this.text;
    const limit = this.limit;
    let j = this.cursor;
    for (;;) {
      while (j >= limit && text.charCodeAt(j) <= 32) j--;
      if (j < limit) {
        this.done = true;
        return;
      }
      const end = j + 1;
      const start = scanTokenBackward(text, end, limit);
      j = start - 1;
      this.cursor = j;
      if (isExampleMarker(text, start, end)) continue; // "(e.g., 80%)" does not end the clause
      if (closesClause(text, start, end)) {
        this.done = true;
        return;
      }
      const pushed = this.push();
      if (text.charCodeAt(start) === 40) this.done = true; // "("
      if (pushed || this.done) return;
    }
  }
}

/** "e.g.," or "(i.e." inside a clause (the token `scanToken` just read): skipped, it does not end it. */
function isExampleMarker(text: string, start: number, end: number): boolean {
  return EXAMPLE_MARKERS.contains(wordEntry) && (text.charCodeAt(end - 1) === 44 || text.charCodeAt(start) === 40);
}

/** Does the written token text[start, end) (just read by `scanToken`) close its clause: a sentence end, comma, semicolon or colon? */
function closesClause(text: string, start: number, end: number): boolean {
  const last = text.charCodeAt(end - 1);
  if (last === 44 || last === 59 || last === 58 || last === 33 || last === 63) return true; // , ; : ! ?
  if (last === 41) return end - start > 1 && text.charCodeAt(end - 2) === 46; // ".)"
  return last === 46 && !ABBREVIATIONS.contains(wordEntry);
}

// One window of each kind is enough: extraction never reads two quantities' windows at once.
const BEFORE = new Words();
const AFTER = new Words();
const SHIFTED_AFTER = new Words();
const SHIFTED_BEFORE = new Words();

/** The word windows of the quantity being decided, read on first use. */
export class Around {
  private beforeRead = false;
  private afterRead = false;
  text = '';
  start = 0;
  end = 0;

  /** Points the windows at another quantity (one Around serves the whole extraction). */
  reset(text: string, start: number, end: number): this {
    this.text = text;
    this.start = start;
    this.end = end;
    this.beforeRead = false;
    this.afterRead = false;
    return this;
  }

  /** Up to 8 words after the value, same clause. */
  get after(): Words {
    if (!this.afterRead) {
      AFTER.readAfter(this.text, this.end);
      this.afterRead = true;
    }
    return AFTER;
  }

  /** Up to 8 words before the value, nearest first, same clause. */
  get before(): Words {
    if (!this.beforeRead) {
      BEFORE.readBefore(this.text, this.start);
      this.beforeRead = true;
    }
    return BEFORE;
  }

  /** The words before another offset (outside a parenthesis), in a window of their own. */
  beforeFrom(pos: number): Words {
    return SHIFTED_BEFORE.readBefore(this.text, pos);
  }

  /** The words after another offset (past a parenthesis or a list), in a window of their own. */
  afterFrom(pos: number): Words {
    return pos === this.end ? this.after : SHIFTED_AFTER.readAfter(this.text, pos);
  }
}
