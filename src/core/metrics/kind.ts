// What a ratio, percentage or bare magnitude measures (docs/metrics.md, section 5): the nearest cue word
// in its clause ("2.6x speedup", "87% fewer parameters", "reduces energy by 30%").
import type { Metric, MetricKind } from '../metric-types';
import { CLAUSE_BREAKS, GLUE_BEFORE, KIND_CUES, WEAK_CUES, type UnitClass } from './lexicon';
import { listItemAt, newQuantity, readQuantity } from './quantity';
import { WordSet } from './word-table';
import type { Around, Words } from './words';

const LIST_ITEM = newQuantity();

const AND = new WordSet(['and']);

// What `cueIn` found (one scan at a time; no object per scan): the first strong cue, how far it is
// in words not counting glue ("F1-score of 98%" -> 0), and the first weak cue.
let strongCue: MetricKind | null = null;
let strongDistance = 0;
let weakCue: MetricKind | null = null;

/** The first strong and the first weak cue in `words`, within the clause, into strongCue/strongDistance/weakCue. */
function cueIn(words: Words, following: boolean, maxDistance = Infinity): void {
  let weak: MetricKind | null = null;
  let distance = 0;
  for (let k = 0; distance <= maxDistance && words.has(k); k++) {
    if (words.numeric(k)) {
      if (following) continue; // "1.34x and 3.35x throughput": look past the coordinated value
      break;
    }
    // One lookup per word, then set tests on its entry.
    const entry = words.entryAt(k);
    if (following && AND.contains(entry) && words.numeric(k + 1)) continue;
    const kind = KIND_CUES.valueOf(entry) ?? words.tailIn(k, KIND_CUES); // "peak-memory" -> memory
    if (kind && !WEAK_CUES.contains(entry)) {
      strongCue = kind;
      strongDistance = distance;
      weakCue = weak;
      return;
    }
    if (kind && weak === null) weak = kind;
    if (CLAUSE_BREAKS.contains(entry)) break;
    if (following || !GLUE_BEFORE.contains(entry)) distance++;
  }
  strongCue = null;
  strongDistance = distance;
  weakCue = weak;
}

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
 * A strong cue after the value (same clause), else one before it, else a weak cue after, else
 * one before, else the unit's default.
 */
export function kindFromCues(around: Around, unitClass: UnitClass | null): MetricKind {
  // Compared below with class names only: with null among the values, V8 compiles each `===` into a
  // call of its generic equality builtin; between interned strings it is one pointer comparison.
  const cls = unitClass ?? '';
  const { text, end } = around;
  // "(e.g., 80\%) of vision tokens": read on past a closing parenthesis; past a list to its end.
  const next = text.charCodeAt(end);
  const after = around.afterFrom(next === 41 ? end + 1 : next === 44 ? listEnd(text, end) : end);
  cueIn(after, true);
  const following = strongCue;
  const followingDistance = strongDistance;
  const followingWeak = weakCue;
  if (cls === 'percent' && after.is(0, 'of')) {
    // A share: "30-40% of the model's parameters" used, "72% of application time" are compute.
    const share = following ?? followingWeak;
    if (share !== null && (share === 'size' || share === 'speedup')) return 'compute';
  }
  // The nearer strong cue wins, the following one on a tie: "83.8% top-1 accuracy", but
  // "an F1-score of 98.36% on the ALTA 2023 data" is an F1 score, not data.
  // Only a cue nearer than the following one can win, so the scan back stops there.
  cueIn(around.before, false, following ? followingDistance - 1 : Infinity);
  if (following && !(strongCue && strongDistance < followingDistance)) return following;
  if (strongCue) return strongCue;
  const weak = followingWeak ?? weakCue;
  if (weak) return weak === 'accuracy' && cls === 'multiplier' ? 'speedup' : weak; // "performance improvements of 1.75x"
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
  let i = from;
  while (i < to && isSpace(text, i)) i++;
  let joined = false;
  if (text.charCodeAt(i) === 44 && i < to) { // ","
    i++;
    joined = true;
    while (i < to && isSpace(text, i)) i++;
  }
  if (i + 3 <= to && text.startsWith('and', i)) {
    i += 3;
    joined = true;
  } else if (!joined && text.charCodeAt(i) === 38 && i < to) { // "&"
    i++;
    joined = true;
  }
  while (i < to && isSpace(text, i)) i++;
  return joined && i === to;
}

/** A space or control character (a top-level function, not a closure allocated by each call of `coordinates`). */
function isSpace(text: string, at: number): boolean {
  return text.charCodeAt(at) <= 32;
}
