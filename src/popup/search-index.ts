// Full-text search over the library (title, authors, tags, note, abstract), fast enough to run on every keystroke
// over 10,000 papers: an inverted index from each word to the papers holding it (per field), a sorted vocabulary
// for prefix lookups, and bitsets to combine words. Every typed word must match the start of a word in some field
// (AND); a paper scores more when words match whole and in weightier fields (title, then tags, authors, note).
//
// The index is built in two passes so search answers early: first the short fields (title, tags, authors, note)
// of every paper, then the abstracts. Between the two, a search finds every paper that matches without its abstract,
// with its exact score (an abstract match weighs least, so it never raises the score of a paper matched elsewhere):
// the answer is the full index's answer less the papers only an abstract not yet read would add, never a wrong one.
//
// It indexes whole records or the search snapshot's summaries, which have no abstract: an index of summaries
// answers as the first pass does (papers changed since, which come whole, are indexed with their abstract).
//
// Why not minisearch: on a 10,000-paper library its per-query scoring took 35–150 ms for one- to three-letter
// prefixes ("t", "tra"), far over a 16 ms frame; matching with bitsets costs a few milliseconds whatever is typed.
import type { SavedPaper } from '../core/paper';
import type { PaperSummary } from '../shared/search-snapshot';
import { FIELD_WEIGHTS, foldText, forEachWord, searchTerms, WHOLE_WORD_BONUS, type SearchHits } from './search-terms';

export const SEARCH_FIELDS = ['title', 'tags', 'authors', 'note', 'abstract'] as const;
type Field = (typeof SEARCH_FIELDS)[number];
/** The fields of the first pass: short, so every paper has them indexed soon after the library arrives. */
const SHORT_FIELDS = ['title', 'tags', 'authors', 'note'] as const satisfies readonly Field[];
const WEIGHTS: Record<Field, number> = FIELD_WEIGHTS;

/** A paper as the index reads it: a whole record, or a summary (no abstract). */
export type SearchablePaper = PaperSummary & Partial<Pick<SavedPaper, 'abstract'>>;

function fieldText(paper: SearchablePaper, field: Field): string {
  switch (field) {
    case 'title': return paper.title;
    case 'tags': return paper.tags.join(' ');
    case 'authors': return paper.authors.join(' ');
    case 'note': return paper.note;
    case 'abstract': return paper.abstract ?? '';
  }
}

/** A set of document numbers, one bit each. */
type Bits = Uint32Array;

class FieldIndex {
  /** Word → the documents holding it, each once (ascending, but for papers edited while the index builds). */
  readonly postings = new Map<string, number[]>();
  /** The vocabulary sorted, for prefix ranges; new words are inserted in place. */
  private sorted: string[] = [];
  private unsorted: string[] = [];

  /**
   * Adds the words of `text` (folded) for `doc`. A document's words all come in one call, so a word met twice
   * finds `doc` already at the end of its list: no set of distinct words is needed.
   */
  add(doc: number, text: string): void {
    forEachWord(foldText(text), (word) => {
      const list = this.postings.get(word);
      if (!list) {
        this.postings.set(word, [doc]);
        this.unsorted.push(word);
      } else if (list[list.length - 1] !== doc) list.push(doc);
    });
  }

  /** Sets in `into` every document holding a word that starts with `prefix`, and in `whole` those holding `prefix` itself. */
  collect(prefix: string, into: Bits, whole: Bits | null): void {
    const words = this.vocabulary();
    for (let i = lowerBound(words, prefix); i < words.length && words[i]!.startsWith(prefix); i++) {
      const list = this.postings.get(words[i]!)!;
      const exact = whole !== null && words[i] === prefix;
      for (const doc of list) {
        into[doc >>> 5] |= 1 << (doc & 31);
        if (exact) whole![doc >>> 5]! |= 1 << (doc & 31);
      }
    }
  }

  private vocabulary(): string[] {
    if (this.unsorted.length) {
      // Few words are new after the first build: merge them in rather than re-sorting everything.
      this.sorted = this.unsorted.length > 256
        ? [...this.sorted, ...this.unsorted].sort()
        : this.unsorted.sort().reduce((list, word) => (list.splice(lowerBound(list, word), 0, word), list), this.sorted);
      this.unsorted = [];
    }
    return this.sorted;
  }
}

function lowerBound(words: readonly string[], target: string): number {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (words[mid]! < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

function emptyBits(size: number): Bits {
  return new Uint32Array((size + 31) >>> 5);
}

function has(bits: Bits, doc: number): boolean {
  return (bits[doc >>> 5]! & (1 << (doc & 31))) !== 0;
}

interface TermMatch {
  /** Documents where some field has a word starting with the term. */
  any: Bits;
  /** Per field: documents with such a word there, and with the term as a whole word there. */
  fields: Array<{ field: Field; begins: Bits; whole: Bits }>;
}

export class PaperSearch {
  private fields = new Map<Field, FieldIndex>(SEARCH_FIELDS.map((f) => [f, new FieldIndex()]));
  /** Document number → paper key; an edited paper gets a new number and its old one is dropped from `live`. */
  private keys: string[] = [];
  private numberOf = new Map<string, number>();
  private live: Bits = emptyBits(0);
  private built = false;
  private shortFieldsBuilt = false;
  /** Abstracts waiting for the second pass, by document number (none for a summary). */
  private abstractOf: Array<string | undefined> = [];
  /** Papers removed while a build runs: the build must not add its older copy back. */
  private removedDuringBuild = new Set<string>();
  /** The last few terms' matches: while typing, only the last word changes. */
  private cache = new Map<string, TermMatch>();
  /** Bumped whenever a key gets a new document number (or none): the lists' numbers below are then redone. */
  private numbering = 0;
  /** Per list of papers narrowed by a search (the sorted library, one per sort), each paper's document number. */
  private listNumbers = new WeakMap<readonly { key: string }[], { numbering: number; docs: Int32Array }>();

  /** True once `build` finished; until then `search` answers without the abstracts not yet read. */
  get ready(): boolean {
    return this.built;
  }

  /**
   * True once every paper's short fields are indexed: `search` then finds every paper that matches outside its
   * abstract, with its exact score; the abstracts follow.
   */
  get answering(): boolean {
    return this.shortFieldsBuilt;
  }

  get size(): number {
    return this.numberOf.size;
  }

  /**
   * Indexes `papers` in slices of about `sliceMs`, yielding to the page between slices so keystrokes and
   * scrolling stay smooth: first the short fields of every paper (then `onAnswering` runs), then the abstracts.
   * Resolves false if `signal` aborted it (a newer library replaced this one).
   */
  async build(
    papers: readonly SearchablePaper[],
    options: { signal?: AbortSignal; sliceMs?: number; onAnswering?: () => void } = {},
  ): Promise<boolean> {
    const sliceMs = options.sliceMs ?? 12;
    this.reset();
    // Document numbers of the first pass, in order, for the second.
    const firstPass: number[] = [];
    const completed = await inSlices(papers.length, sliceMs, options.signal, (i) => {
      // A paper changed while the build runs is already in with its newer copy; a removed one stays out.
      const paper = papers[i]!;
      if (!this.numberOf.has(paper.key) && !this.removedDuringBuild.has(paper.key)) firstPass.push(this.add(paper, SHORT_FIELDS));
    });
    if (!completed) return false;
    this.shortFieldsBuilt = true;
    this.cache.clear();
    options.onAnswering?.();
    const abstracts = this.fields.get('abstract')!;
    const read = await inSlices(firstPass.length, sliceMs, options.signal, (i) => {
      const doc = firstPass[i]!;
      // A paper replaced or removed meanwhile: its newer copy (a new number) was indexed whole.
      const abstract = this.abstractOf[doc];
      if (abstract !== undefined && has(this.live, doc)) abstracts.add(doc, abstract);
    });
    if (!read) return false;
    this.abstractOf = [];
    this.built = true;
    this.removedDuringBuild.clear();
    this.cache.clear();
    return true;
  }

  /** Each paper's document number in `papers` (-1: not indexed), kept while no key is numbered anew. */
  private numbersOf(papers: readonly { key: string }[]): Int32Array {
    const kept = this.listNumbers.get(papers);
    if (kept?.numbering === this.numbering) return kept.docs;
    const docs = new Int32Array(papers.length);
    for (let i = 0; i < papers.length; i++) docs[i] = this.numberOf.get(papers[i]!.key) ?? -1;
    this.listNumbers.set(papers, { numbering: this.numbering, docs });
    return docs;
  }

  private reset(): void {
    this.numbering++;
    this.fields = new Map(SEARCH_FIELDS.map((f) => [f, new FieldIndex()]));
    this.keys = [];
    this.numberOf.clear();
    this.live = emptyBits(0);
    this.built = false;
    this.shortFieldsBuilt = false;
    this.abstractOf = [];
    this.removedDuringBuild.clear();
    this.cache.clear();
  }

  /** Indexes `fields` of `paper` under a new document number (returned); the abstract is kept for later otherwise. */
  private add(paper: SearchablePaper, fields: readonly Field[] = SEARCH_FIELDS): number {
    const doc = this.keys.length;
    this.numbering++;
    this.keys.push(paper.key);
    this.numberOf.set(paper.key, doc);
    if (doc >>> 5 >= this.live.length) {
      const grown = emptyBits(Math.max(64, this.keys.length * 2));
      grown.set(this.live);
      this.live = grown;
    }
    this.live[doc >>> 5] |= 1 << (doc & 31);
    for (const field of fields) this.fields.get(field)!.add(doc, fieldText(paper, field));
    if (fields !== SEARCH_FIELDS) this.abstractOf[doc] = paper.abstract;
    return doc;
  }

  /** Adds or replaces one paper (a change made here or in another tab). */
  upsert(paper: SearchablePaper): void {
    this.remove(paper.key);
    this.removedDuringBuild.delete(paper.key);
    this.add(paper);
    this.cache.clear();
  }

  remove(key: string): void {
    if (!this.built) this.removedDuringBuild.add(key);
    const doc = this.numberOf.get(key);
    if (doc === undefined) return;
    this.numbering++;
    this.live[doc >>> 5] &= ~(1 << (doc & 31));
    this.numberOf.delete(key);
    this.cache.clear();
  }

  private match(term: string): TermMatch {
    const cached = this.cache.get(term);
    if (cached) return cached;
    const size = this.keys.length;
    const any = emptyBits(size);
    const fields = SEARCH_FIELDS.map((field) => {
      const begins = emptyBits(size);
      const whole = emptyBits(size);
      this.fields.get(field)!.collect(term, begins, whole);
      for (let i = 0; i < any.length; i++) any[i] |= begins[i]!;
      return { field, begins, whole };
    });
    const match = { any, fields };
    if (this.cache.size >= 16) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(term, match);
    return match;
  }

  /**
   * The papers matching `query` (null when it has no words: show everything). Membership is a bit test; scores
   * are worked out only when asked for (the relevance sort).
   */
  search(query: string): SearchHits | null {
    const terms = [...new Set(searchTerms(query))];
    if (terms.length === 0) return null;
    const matches = terms.map((term) => this.match(term));
    const found = this.live.slice(0, matches[0]!.any.length);
    for (const { any } of matches) for (let i = 0; i < found.length; i++) found[i] &= any[i]!;
    const numberOf = this.numberOf;
    let scores: Float64Array | null = null;
    let size = 0;
    for (const word of found) size += bitCount(word);
    return {
      size,
      has: (key) => {
        const doc = numberOf.get(key);
        return doc !== undefined && doc < found.length * 32 && has(found, doc);
      },
      within: (ordered) => {
        // A bit test per paper: the list's document numbers are looked up once, not on every keystroke.
        const docs = this.numbersOf(ordered);
        const limit = found.length * 32;
        const kept: Array<(typeof ordered)[number]> = [];
        for (let i = 0; i < docs.length; i++) {
          const doc = docs[i]!;
          if (doc >= 0 && doc < limit && has(found, doc)) kept.push(ordered[i]!);
        }
        return kept;
      },
      score: (key) => {
        const doc = numberOf.get(key);
        if (doc === undefined || doc >= found.length * 32 || !has(found, doc)) return 0;
        // All scores at once on first use: one pass over the found bits beats a lookup per comparison.
        scores ??= this.scores(found, matches);
        return scores[doc]!;
      },
    };
  }

  /** Each found document's score: per typed word, the best field it matches in (whole words count more). */
  private scores(found: Bits, matches: readonly TermMatch[]): Float64Array {
    const scores = new Float64Array(found.length * 32);
    for (let word = 0; word < found.length; word++) {
      let bits = found[word]!;
      while (bits !== 0) {
        const low = bits & -bits;
        bits ^= low;
        const doc = (word << 5) + (31 - Math.clz32(low));
        let score = 0;
        for (const { fields } of matches) {
          let best = 0;
          for (const { field, begins, whole } of fields) {
            if (!has(begins, doc)) continue;
            const value = WEIGHTS[field] * (has(whole, doc) ? WHOLE_WORD_BONUS : 1);
            if (value > best) best = value;
          }
          score += best;
        }
        scores[doc] = score;
      }
    }
    return scores;
  }
}

function bitCount(word: number): number {
  let n = word - ((word >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Runs `step(0 … count-1)` in slices of about `sliceMs`, yielding to the page between slices; false when `signal`
 * aborted it.
 */
async function inSlices(count: number, sliceMs: number, signal: AbortSignal | undefined, step: (i: number) => void): Promise<boolean> {
  let i = 0;
  while (i < count) {
    if (signal?.aborted) return false;
    const start = performance.now();
    do step(i++);
    while (i < count && performance.now() - start < sliceMs);
    if (i < count) await yieldToPage();
  }
  return !signal?.aborted;
}

function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
