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
  private readonly words = new Map<string, string>();

  /** `keys[i]`'s searchable words are `words[i]`. */
  constructor(keys: readonly string[], words: readonly string[]) {
    keys.forEach((key, i) => this.words.set(key, words[i]!));
  }

  upsert(paper: PaperSummary): void {
    this.words.set(paper.key, searchableWords(paper));
  }

  remove(key: string): void {
    this.words.delete(key);
  }

  /** The papers matching `query` (null when it has no words): every typed word begins a word of the paper. */
  search(query: string): SearchHits | null {
    const terms = [...new Set(searchTerms(query))];
    if (terms.length === 0) return null;
    const starts = terms.map((term) => ' ' + term);
    const found = new Map<string, string>();
    for (const [key, words] of this.words) {
      if (starts.every((start) => words.includes(start))) found.set(key, words);
    }
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
