// What a ratio, percentage or bare magnitude measures (docs/metrics.md, section 5): the nearest cue word
// in its clause ("2.6x speedup", "87% fewer parameters", "reduces energy by 30%").
import type { Metric, MetricKind } from '../metric-types';
import { CLAUSE_BREAKS, GLUE_BEFORE, KIND_CUES, WEAK_CUES, type UnitClass } from './lexicon';
import { listItemAt, newQuantity, readQuantity } from './quantity';
import { WordSet } from './word-table';
import type { Around, Words } from './words';

const LIST_ITEM = newQuantity();

const AND = new WordSet(['and']);

/**
 * The search for cue words on one side of the value, a word at a time, so that the two sides can
 * be read in step and neither is read past the point where the other has decided. Distances count
 * words from the value: after it every word but coordinated values ("1.34x and 3.35x throughput"),
 * before it every word but glue ("F1-score of 98%": the cue is at 0).
 */
class CueScan {
  words: Words | null = null;
  private following = false;
  private k = 0;
  /** The distance of the next word to read. */
  distance = 0;
  /** No word left to read: a strong cue, a clause break, another value before it, or the window's end. */
  ended = false;
  /** The first strong cue and its distance, and the first weak cue read before it. */
  strong: MetricKind | null = null;
  strongDistance = 0;
  weak: MetricKind | null = null;

  start(words: Words, following: boolean): this {
    this.words = words;
    this.following = following;
    this.k = 0;
    this.distance = 0;
    this.ended = false;
    this.strong = null;
    this.weak = null;
    return this;
  }

  /** Reads the next word, if any. */
  step(): void {
    const words = this.words as Words;
    const k = this.k;
    if (!words.has(k)) {
      this.ended = true;
      return;
    }
    this.k = k + 1;
    const following = this.following;
    if (words.numeric(k)) {
      if (!following) this.ended = true; // a value before this one ends the search back
      return; // "1.34x and 3.35x throughput": look past the coordinated value
    }
    // One lookup per word, then set tests on its entry.
    const entry = words.entryAt(k);
    if (following && AND.contains(entry) && words.numeric(k + 1)) return;
    const kind = KIND_CUES.valueOf(entry) ?? words.tailIn(k, KIND_CUES); // "peak-memory" -> memory
    if (kind && !WEAK_CUES.contains(entry)) {
      this.strong = kind;
      this.strongDistance = this.distance;
      this.ended = true;
      return;
    }
    if (kind && this.weak === null) this.weak = kind;
    if (CLAUSE_BREAKS.contains(entry)) this.ended = true;
    else if (following || !GLUE_BEFORE.contains(entry)) this.distance++;
  }

  /** Reads on while the next word is no farther than `distance`. */
  readTo(distance: number): void {
    while (!this.ended && this.distance <= distance) this.step();
  }
}

// One scan per side: kindFromCues never runs inside another kindFromCues.
const AFTER_SCAN = new CueScan();
const BEFORE_SCAN = new CueScan();

/** "72%,60% and 59% of application time": the end of the list a value opens, to read the cue after it. */
function listEnd(text: string, from: number): number {
  let at = from;
  for (let items = 0; items < 12; items++) {
    const next = listItemAt(text, at);
    if (next < 0) return at;
    const item = readQuantity(text, next, LIST_ITEM); // its own record: the candidate's is still in use
    if (typeof item === 'number' || item.cls === null) return at;
    at = item.end;
  }
  return at;
}

/**
 * The nearer strong cue, the one after the value on a tie; else a weak cue after, else one before,
 * else the unit's default. Both sides are read in step, one distance at a time, so a side is read
 * only as far as the decision needs: a strong cue right after the value leaves the words before it
 * unread, and one right before it leaves the rest of the clause after it unread.
 */
export function kindFromCues(around: Around, cls: UnitClass | null): MetricKind {
  const { text, end } = around;
  // "(e.g., 80\%) of vision tokens": read on past a closing parenthesis; past a list to its end.
  const next = text.charCodeAt(end);
  const after = AFTER_SCAN.start(around.afterFrom(next === 41 ? end + 1 : next === 44 ? listEnd(text, end) : end), true);
  const before = BEFORE_SCAN.start(around.before, false);
  if (cls === 'percent' && (after.words as Words).is(0, 'of')) {
    // A share: "30-40% of the model's parameters" used, "72% of application time" are compute.
    // Decided by the first cue after the value, strong or weak, so that side is read to its end.
    after.readTo(Infinity);
    const share = after.strong ?? after.weak;
    if (share === 'size' || share === 'speedup') return 'compute';
  }
  for (let distance = 0; !(after.ended && before.ended) || after.strong !== null; distance++) {
    after.readTo(distance);
    if (after.strong !== null && after.strongDistance <= distance) return after.strong;
    before.readTo(distance);
    if (before.strong !== null) return before.strong;
  }
  const weak = after.weak ?? before.weak;
  if (weak === 'accuracy' && cls === 'multiplier') return 'speedup'; // "performance improvements of 1.75x"
  if (weak) return weak;
  if (cls === 'multiplier' || cls === 'oom') return 'speedup';
  if (cls === 'magnitude') return 'size';
  return 'accuracy';
}

/** "by 50\% and 40\%", "1.34x and 3.35x": a value coordinated with the previous one measures the same thing. */
export function coordinatedKind(text: string, start: number, previous: Metric | undefined, unit: string): MetricKind | null {
  if (!previous || previous.unit !== unit || start - previous.end > 8) return null;
  return coordinates(text, previous.end, start) ? previous.kind : null;
}

/** Is text[from, to) only a coordination: ",", ", and", "and" or "&" with spaces around? */
function coordinates(text: string, from: number, to: number): boolean {
  const isSpace = (at: number) => text.charCodeAt(at) <= 32;
  let i = from;
  while (i < to && isSpace(i)) i++;
  let joined = false;
  if (text.charCodeAt(i) === 44 && i < to) { // ","
    i++;
    joined = true;
    while (i < to && isSpace(i)) i++;
  }
  if (i + 3 <= to && text.startsWith('and', i)) {
    i += 3;
    joined = true;
  } else if (!joined && text.charCodeAt(i) === 38 && i < to) { // "&"
    i++;
    joined = true;
  }
  while (i < to && isSpace(i)) i++;
  return joined && i === to;
}
