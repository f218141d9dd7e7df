// Search by scanning every paper's searchable words (shared/search-words.ts), which the search snapshot brings
// already cut and folded: it answers the moment the snapshot is parsed, while the index is still to be built,
// and finds exactly what the index's first pass finds (every paper matched outside its abstract), with the same
// scores. A scan costs a few milliseconds per keystroke over 10,000 papers; the index then takes over.
import type { PaperSummary } from '../shared/search-snapshot';
import { searchableWords, searchTerms } from '../shared/search-words';
import { FIELD_WEIGHTS, WHOLE_WORD_BONUS, type SearchHits } from './search-terms';

/** Weights of the fields of `searchableWords`, in its order (title, tags, authors, note). */
const WEIGHTS = [FIELD_WEIGHTS.title, FIELD_WEIGHTS.tags, FIELD_WEIGHTS.authors, FIELD_WEIGHTS.note];

export class WordScan {
  /**
   * Papers changed since the snapshot (their words now) or removed (null), by key. The snapshot's own arrays are
   * kept as they are: a map of ten thousand keys, built before the first search could run, cost more than the scan.
   */
  private readonly changed = new Map<string, string | null>();

  /** `keys[i]`'s searchable words are `words[i]`. */
  constructor(private readonly keys: readonly string[], private readonly words: readonly string[]) {}

  upsert(paper: PaperSummary): void {
    this.changed.set(paper.key, searchableWords(paper));
  }

  remove(key: string): void {
    this.changed.set(key, null);
  }

  /** The papers matching `query` (null when it has no words): every typed word begins a word of the paper. */
  search(query: string): SearchHits | null {
    const terms = [...new Set(searchTerms(query))];
    if (terms.length === 0) return null;
    const starts = terms.map((term) => ' ' + term);
    const matches = (words: string) => starts.every((start) => words.includes(start));
    const found = new Map<string, string>();
    const { keys, words, changed } = this;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (changed.size > 0 && changed.has(key)) continue;
      if (matches(words[i]!)) found.set(key, words[i]!);
    }
    for (const [key, changedWords] of changed) if (changedWords !== null && matches(changedWords)) found.set(key, changedWords);
    const scores = new Map<string, number>();
    return {
      size: found.size,
      has: (key) => found.has(key),
      score: (key) => {
        const words = found.get(key);
        if (words === undefined) return 0;
        let score = scores.get(key);
        if (score === undefined) scores.set(key, (score = scoreOf(words, terms)));
        return score;
      },
    };
  }
}

/** Per typed word, the best field it begins a word of (a whole word counts more): as the index scores. */
function scoreOf(words: string, terms: readonly string[]): number {
  const fields = words.split('\n');
  let score = 0;
  for (const term of terms) {
    let best = 0;
    fields.forEach((field, i) => {
      if (!field.includes(' ' + term)) return;
      const value = WEIGHTS[i]! * (field.includes(' ' + term + ' ') ? WHOLE_WORD_BONUS : 1);
      if (value > best) best = value;
    });
    score += best;
  }
  return score;
}
