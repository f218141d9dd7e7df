// The lexicon's lookup table: every word any WordSet or WordMap holds, found by a
// case-insensitive hash of the characters it is spelled with in the text -- no substring and no
// lower-casing per lookup. Sets are bits on the entries, so a set test after a lookup is an AND.

/** Case-insensitive hash of text[start, end): the key WordSet and WordMap look words up by. */
export function hashWord(text: string, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    h = (Math.imul(h, 31) + c) | 0;
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

/** How many WordMaps the lexicon may have: each entry holds one value slot per map. */
const MAX_MAPS = 8;

/**
 * Every word any WordSet or WordMap knows, with the sets it belongs to (one bit per set) and its
 * value in each map: a window looks each of its words up once, then every set test is a bit test.
 */
export class Entry {
  lo = 0;
  hi = 0;
  /** One slot per WordMap, filled up front: an in-bounds read of a packed array on the hot path. */
  readonly values: unknown[] = new Array<unknown>(MAX_MAPS).fill(undefined);
  constructor(readonly word: string) {}
}


// An open-addressing hash table (hashes in a typed array, entries beside them): a lookup is a
// few array reads, cheaper than a Map on the hot path. Sized for the whole lexicon at load time.
const SLOTS = 4096;
const MASK = SLOTS - 1;
const slotHashes = new Int32Array(SLOTS);
const slotEntries: (Entry | undefined)[] = new Array<Entry | undefined>(SLOTS).fill(undefined);
let entryCount = 0;
let nextBit = 0;
let nextMap = 0;

function entryFor(word: string): Entry {
  const lower = word.toLowerCase();
  const h = hashWord(lower, 0, lower.length);
  for (let slot = h & MASK; ; slot = (slot + 1) & MASK) {
    const entry = slotEntries[slot];
    if (!entry) {
      if (++entryCount > SLOTS / 2) throw new Error('lexicon table too small');
      const created = new Entry(lower);
      slotHashes[slot] = h;
      slotEntries[slot] = created;
      return created;
    }
    if (slotHashes[slot] === h && entry.word === lower) return entry;
  }
}

/** The lexicon entry spelled by text[start, end), if any. */
export function lookup(text: string, start: number, end: number, hash: number): Entry | undefined {
  for (let slot = hash & MASK; ; slot = (slot + 1) & MASK) {
    const entry = slotEntries[slot];
    if (!entry) return undefined;
    if (slotHashes[slot] === hash && spells(text, start, end, entry.word)) return entry;
  }
}

/** A case-insensitive set of words, queried by offsets into a text. */
export class WordSet {
  /** This set's bit in Entry.lo or Entry.hi (the other mask is 0). */
  private readonly lo: number;
  private readonly hi: number;

  readonly words: readonly string[];

  constructor(words: Iterable<string>) {
    this.words = [...words];
    const bit = nextBit++;
    if (bit >= 64) throw new Error('too many word sets');
    this.lo = bit < 32 ? 1 << bit : 0;
    this.hi = bit < 32 ? 0 : 1 << (bit - 32);
    for (const word of this.words) {
      const entry = entryFor(word);
      entry.lo |= this.lo;
      entry.hi |= this.hi;
    }
  }

  contains(entry: Entry | undefined): boolean {
    return entry !== undefined && ((entry.lo & this.lo) | (entry.hi & this.hi)) !== 0;
  }

  has(text: string, start: number, end: number, hash: number): boolean {
    return this.contains(lookup(text, start, end, hash));
  }

  /** One set holding every word of `sets`: one test instead of several on a hot path. */
  static union(...sets: WordSet[]): WordSet {
    return new WordSet(new Set(sets.flatMap((set) => set.words)));
  }

  /** The words of this set that are not in `other`. */
  without(other: WordSet): WordSet {
    const excluded = new Set(other.words.map((w) => w.toLowerCase()));
    return new WordSet(this.words.filter((w) => !excluded.has(w.toLowerCase())));
  }
}

/** A case-insensitive map from words to values, queried by offsets into a text. */
export class WordMap<V> {
  private readonly id = nextMap++;
  private readonly keys: string[] = [];

  constructor(entries: Iterable<readonly [string, V]>) {
    if (this.id >= MAX_MAPS) throw new Error('too many word maps');
    for (const [word, value] of entries) {
      entryFor(word).values[this.id] = value;
      this.keys.push(word);
    }
  }

  /** The words this map has values for. */
  words(): readonly string[] {
    return this.keys;
  }

  valueOf(entry: Entry | undefined): V | undefined {
    return entry?.values[this.id] as V | undefined;
  }

  get(text: string, start: number, end: number, hash: number): V | undefined {
    return this.valueOf(lookup(text, start, end, hash));
  }
}
