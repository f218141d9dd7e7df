// Word windows around a quantity, read without allocating: word offsets go into typed arrays and
// words are looked up in the lexicon table (./word-table.ts) once each, on first use. Every walk is
// capped in words and characters, so context reading is O(1) per candidate.
import { hashWord, lookup, spells, WordSet, type Entry, type WordMap } from './word-table';

const MAX_WORDS = 8;
const MAX_CHARS = 160;
/** Abbreviations whose final dot does not end a sentence. */
const ABBREVIATIONS = new WordSet(['e.g.', 'i.e.', 'vs.', 'al.', 'etc.', 'approx.', 'cf.', 'res.', 'resp.', 'fig.', 'eq.']);
const EXAMPLE_MARKERS = new WordSet(['e.g.,', '(e.g.,', 'i.e.,', '(i.e.,', '(e.g.', '(i.e.']);

/** Space, tab, newline and the other control characters all separate words. */
const isSpace = (c: number) => c <= 32;
// ( " ' [ { $
const isOpener = (c: number) => c === 40 || c === 34 || c === 39 || c === 91 || c === 123 || c === 36;
// ) " ' ] , . ; : ! ? } $
const isCloser = (c: number) =>
  c === 41 || c === 34 || c === 39 || c === 93 || c === 44 || c === 46 || c === 59 || c === 58 || c === 33 || c === 63 || c === 125 || c === 36;

/**
 * Up to eight words on one side of a value, nearest first, inside its clause. Word k is
 * text[start(k), end(k)) with surrounding punctuation removed. Words are read only as far as a
 * rule asks (`has(k)`), and looked up in the lexicon only when a rule tests them.
 */
export class Words {
  private readonly starts = new Int32Array(MAX_WORDS);
  private readonly ends = new Int32Array(MAX_WORDS);
  private readonly entries: (Entry | undefined | null)[] = new Array<Entry | undefined | null>(MAX_WORDS).fill(null);
  /** Offset of the last "-" inside word k ("peak-memory"), or -1; valid once the word was looked up. */
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

  /** The lexicon entry of word k (undefined: a word no set knows); word k must exist (`has(k)`). */
  entryAt(k: number): Entry | undefined {
    return this.entry(k);
  }

  private entry(k: number): Entry | undefined {
    let entry = this.entries[k];
    if (entry === null) {
      const text = this.text;
      let h = 0;
      let dash = -1;
      for (let i = this.starts[k]; i < this.ends[k]; i++) {
        let c = text.charCodeAt(i);
        if (c === 45) dash = i;
        if (c >= 65 && c <= 90) c += 32;
        h = (Math.imul(h, 31) + c) | 0;
      }
      entry = lookup(text, this.starts[k], this.ends[k], h);
      this.entries[k] = entry;
      this.dashes[k] = dash;
    }
    return entry;
  }

  /** The value of word k in `map`, or else of its last hyphenated part ("peak-memory" -> "memory"). */
  getOrTail<V>(k: number, map: WordMap<V>): V | undefined {
    if (!this.has(k)) return undefined;
    const whole = map.valueOf(this.entry(k));
    if (whole !== undefined || this.dashes[k] < 0) return whole;
    const from = this.dashes[k] + 1;
    return map.get(this.text, from, this.ends[k], hashWord(this.text, from, this.ends[k]));
  }

  in(k: number, set: WordSet): boolean {
    return this.has(k) && set.contains(this.entry(k));
  }

  get<V>(k: number, map: WordMap<V>): V | undefined {
    return this.has(k) ? map.valueOf(this.entry(k)) : undefined;
  }

  is(k: number, word: string): boolean {
    return this.has(k) && spells(this.text, this.starts[k], this.ends[k], word);
  }

  /** The index of the first of words [from, to) in `set`, or -1. */
  find(set: WordSet, from = 0, to = MAX_WORDS): number {
    for (let k = from; k < to && this.has(k); k++) if (set.contains(this.entry(k))) return k;
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

  /** Word k is written with a capital first letter ("LLaMA", "ImageNet"). */
  capitalised(k: number): boolean {
    if (!this.has(k)) return false;
    const c = this.text.charCodeAt(this.starts[k]);
    return c >= 65 && c <= 90;
  }

  private push(start: number, end: number): void {
    const text = this.text;
    let s = start;
    let e = end;
    while (s < e && isOpener(text.charCodeAt(s))) s++;
    while (e > s && isCloser(text.charCodeAt(e - 1))) e--;
    if (s >= e) return;
    this.starts[this.n] = s;
    this.ends[this.n] = e;
    this.entries[this.n] = null;
    this.n++;
    if (this.n === MAX_WORDS) this.done = true;
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

  /** Starts a window of the words after `pos`, up to the word that closes the clause, before a parenthesis. */
  readAfter(text: string, pos: number): this {
    this.text = text;
    this.n = 0;
    this.forward = true;
    this.cursor = pos;
    this.limit = Math.min(text.length, pos + MAX_CHARS);
    // Punctuation glued to the value ("2.4x," or "30%.") closes the clause right away.
    const glued = text.charCodeAt(pos);
    this.done = glued === 44 || glued === 59 || glued === 58 || glued === 41 ||
      (glued === 46 && (pos + 1 >= text.length || isSpace(text.charCodeAt(pos + 1))));
    return this;
  }

  private readNext(): void {
    const text = this.text;
    const limit = this.limit;
    let j = this.cursor;
    if (this.forward) {
      while (j < limit && isSpace(text.charCodeAt(j))) j++;
      if (j >= limit) {
        this.done = true;
        return;
      }
      const start = j;
      while (j < limit && !isSpace(text.charCodeAt(j))) j++;
      this.cursor = j;
      if (text.charCodeAt(start) === 40 && this.n) {
        this.done = true; // "(" opens an aside
        return;
      }
      const before = this.n;
      this.push(start, j);
      if (closesClause(text, start, j) || text.charCodeAt(j - 1) === 41) this.done = true;
      else if (this.n === before && j >= limit) this.done = true;
      return;
    }
    for (;;) {
      while (j >= limit && isSpace(text.charCodeAt(j))) j--;
      if (j < limit) {
        this.done = true;
        return;
      }
      const end = j + 1;
      while (j >= limit && !isSpace(text.charCodeAt(j))) j--;
      const start = j + 1;
      this.cursor = j;
      if (isExampleMarker(text, start, end)) continue; // "(e.g., 80%)" does not end the clause
      if (closesClause(text, start, end)) {
        this.done = true;
        return;
      }
      const before = this.n;
      this.push(start, end);
      if (text.charCodeAt(start) === 40) this.done = true; // "("
      if (this.n > before || this.done) return;
    }
  }
}

/** "e.g.," or "(i.e.," inside a clause: skipped, it does not end it. */
function isExampleMarker(text: string, start: number, end: number): boolean {
  const n = end - start;
  if (n < 4 || n > 6) return false;
  const last = text.charCodeAt(end - 1);
  if (last !== 44 && last !== 46) return false; // "," "."
  const c = text.charCodeAt(start);
  if (c !== 101 && c !== 105 && c !== 40) return false; // e i (
  return EXAMPLE_MARKERS.has(text, start, end, hashWord(text, start, end));
}

/** Does the written token text[start, end) close its clause (a sentence end, comma, semicolon or colon)? */
function closesClause(text: string, start: number, end: number): boolean {
  const last = text.charCodeAt(end - 1);
  if (last === 44 || last === 59 || last === 58 || last === 33 || last === 63) return true; // , ; : ! ?
  if (last === 41) return end - start > 1 && text.charCodeAt(end - 2) === 46; // ".)"
  return last === 46 && !ABBREVIATIONS.has(text, start, end, hashWord(text, start, end));
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
