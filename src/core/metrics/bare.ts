// Bare numbers (no unit): a metric only as a large data count or as a score in a score context
// ("FID scores of 1.70", "25.2, 31.3 and 41 mAP", "outperforms MLPs by 16.3", "achieves 72.5 on
// MMLU"). Enumerators, years, setup counts and version numbers fall through to null.
import type { MetricKind } from '../metric-types';
import {
  CHANGE_VERBS, DATA_NOUNS, ERROR_SCORE_WORDS, ERROR_UNITS, GAIN_VERBS, KIND_CUES, LABEL_STOPS, MODEL_NOUNS, POINTS_NOUNS, RATIO_WORDS, RESOLUTION_NOUNS,
  SCORE_GLUE, SCORE_VERBS, SCORE_WORDS, SETUP_NOUNS,
} from './lexicon';
import { listItemAt, newQuantity, readQuantity, type Quantity } from './quantity';
import { countNoun, isYear, largeCountNoun, reading, scoreUnit, stressed, type Previous, type Reading } from './reading';
import { WordSet } from './word-table';
import type { Around } from './words';

const LIST_ITEM = newQuantity();

/** Last words of the gap that continue a score ("and", "vs.", "to") or state a comparison ("instead of"). */
const CONTINUATION_WORDS = new WordSet(['and', 'vs', 'vs.', 'versus', 'to', 'from', 'over', 'while', 'whereas']);
const COMPARISON_WORDS = new WordSet(['vs', 'vs.', 'versus']);

/** A bare number is a metric only as a large data count or as a score in a score context. */
export function readBare(around: Around, q: Quantity, previous: Previous | undefined): Reading | null {
  if (isYear(q) && (q.rangeLow === null || q.rangeLow >= 1900)) return null;
  const text = around.text;
  if (text.charCodeAt(q.end) === 41 && q.plainInteger && q.value < 100 && q.prefix === '') return null; // "(1)", "1)"
  if (designation(around)) return null;
  const after = around.after;
  const noun = countNoun(after);
  if (noun >= 0 && !after.hasDigit(noun)) {
    if (after.in(noun, SETUP_NOUNS) || after.in(noun, MODEL_NOUNS)) return null;
    if (after.in(noun, RESOLUTION_NOUNS)) return q.plainInteger && q.value >= 64 ? reading('other', 'px', 'resolution') : null;
    if (after.in(noun, POINTS_NOUNS)) return reading(null, 'points', 'points'); // "1.3 absolute points"
    if (after.is(noun, 'orders') && after.is(noun + 1, 'of') && after.is(noun + 2, 'magnitude')) return reading(null, 'OOM', 'oom');
    if (after.in(noun, DATA_NOUNS)) {
      return q.grouped || q.value >= 100 || stressed(around) ? reading('data', after.raw(noun).toLowerCase(), null) : null;
    }
  }
  if (q.grouped || (q.plainInteger && q.value >= 1000)) {
    const large = largeCountNoun(after);
    if (large === 'setup') return null;
    if (large === 'data') return reading('data', '', null);
  }
  if (q.prefix === '+') return reading(null, nearbyScoreUnit(q, previous), 'score');
  const named = scoreNameBefore(around);
  if (named !== null) return named;
  const listed = listUnit(text, q.end);
  if (listed) return listed;
  if (previous && continuesFrom(around, q, previous)) return reading(previous.metric.kind, previous.metric.unit, previous.cls);
  if (!q.plainInteger && gainBy(around)) return reading('accuracy', '', 'score');
  const namedAfter = scoreNameAfter(around, q);
  if (namedAfter) return namedAfter;
  if (transitionStart(around, q)) return reading(parentheticalKind(around), '', 'score');
  return reportedOnBenchmark(around, q) ? reading('accuracy', '', 'score') : null;
}

/**
 * "(from 19.5 to 31.5)", "improves performance from 0.62 to 0.71": the first value of a
 * before/after transition between two bare numbers, one of them a decimal, stated as a result (in
 * parentheses or after a verb of change; "a learning rate from 0.001 to 0.1" is a setting). The
 * second value then continues from this one (continuesFrom).
 */
function transitionStart(around: Around, q: Quantity): boolean {
  const { before, after, text } = around;
  if (!before.is(0, 'from') || !after.is(0, 'to') || !after.numeric(1)) return false;
  // "ranging from 2.8 to 10" is one quantity's interval, not a before/after pair (docs/metrics.md, 3.5).
  if (before.is(1, 'ranging') || before.is(1, 'varying')) return false;
  const asResult = text.charCodeAt(before.start(0) - 1) === 40 || before.find(CHANGE_VERBS, 1) >= 0; // "(from"
  if (!asResult) return false;
  let at = after.start(1);
  if (!isDigitCode(text.charCodeAt(at))) at++; // a sign before the digit
  const next = readQuantity(text, at, LIST_ITEM);
  if (typeof next === 'number' || next.cls !== null || isYear(next)) return false;
  if (q.plainInteger && next.plainInteger) return false; // "from 1 to 13": enumerations and counts
  return !after.in(2, SETUP_NOUNS) && !after.in(2, DATA_NOUNS);
}

const isDigitCode = (c: number) => c >= 48 && c <= 57;

/** "improves perplexity (from 12.4 to 10.1)": the cue that names the metric sits before the parenthesis. */
function parentheticalKind(around: Around): MetricKind | null {
  const opening = around.before.start(0) - 1;
  if (around.text.charCodeAt(opening) !== 40) return null;
  const outside = around.beforeFrom(opening);
  for (let k = 0; k < 6 && outside.has(k); k++) {
    const kind = outside.get(k, KIND_CUES);
    if (kind) return kind;
  }
  return null;
}

/** "achieves 72.5 on MMLU", "scores 8.2 on MT-Bench": a score reported on a named benchmark. */
function reportedOnBenchmark(around: Around, q: Quantity): boolean {
  if (q.plainInteger && q.value > 100) return false;
  const { before, after } = around;
  if (!before.in(0, SCORE_VERBS)) return false;
  // "RelP reaches 0.956": a decimal a method reaches is a score; an integer needs its benchmark.
  return !q.plainInteger || ((after.is(0, 'on') || after.is(0, 'in')) && (after.capitalised(1) || after.hasDigit(1)));
}

/** "0.29 WikiText-2 perplexity": a decimal whose metric name follows after a dataset name (the span stays the number). */
function scoreNameAfter(around: Around, q: Quantity): Reading | null {
  if (q.plainInteger) return null;
  const after = around.after;
  for (let k = 1; k < 3 && after.has(k); k++) {
    const name = after.get(k, SCORE_WORDS);
    if (name) return reading(ERROR_UNITS.has(name) ? 'error' : 'accuracy', name, 'score');
    if (after.in(k, LABEL_STOPS)) return null;
  }
  return null;
}

/**
 * "EC 20187-4939", "Qwen 2.5", "Table 3": a number right after a capitalised word inside a
 * sentence names a thing. Metric names ("BLEU 28.4") and score words are not designations.
 */
function designation(around: Around): boolean {
  const text = around.text;
  // Cheap tests on the characters first: a letter, then one space, right before the number.
  if (text.charCodeAt(around.start - 1) !== 32 || !isLetterCode(text.charCodeAt(around.start - 2))) return false;
  const before = around.before;
  return before.has(0) && before.end(0) === around.start - 1 && before.capitalised(0) && before.has(1) &&
    before.get(0, SCORE_WORDS) === undefined && !before.in(0, SCORE_GLUE);
}

const isLetterCode = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** "50.4AP (+2.2)": a signed gain right after a score shares its unit. */
function nearbyScoreUnit(q: Quantity, previous: Previous | undefined): string {
  if (!previous || q.start - previous.metric.end > 3) return '';
  return previous.cls === 'score' || previous.cls === 'points' ? previous.metric.unit : '';
}

/** "FID scores of 1.70", "accuracy of 55.89", "SSIM of 0.811": a metric name before the score. */
function scoreNameBefore(around: Around): Reading | null {
  let generic: MetricKind | null = null;
  const before = around.before;
  for (let k = 0; k < 5 && before.has(k); k++) {
    const name = before.get(k, SCORE_WORDS);
    if (name) return reading(ERROR_UNITS.has(name) ? 'error' : 'accuracy', name, 'score');
    if (before.in(k, RATIO_WORDS)) return reading(null, 'x', 'multiplier'); // "a speedup of 2.3"
    if (before.hasDigit(k) && before.hasChar(k, 64)) return reading('accuracy', before.raw(k), 'score'); // "Recall@1 of 45.3"
    if (name === '') generic ??= before.in(k, ERROR_SCORE_WORDS) ? 'error' : 'accuracy';
    else if (!before.in(k, SCORE_GLUE)) break;
  }
  return generic ? reading(generic, '', 'score') : null;
}

/** "25.2, 31.3, 35.2 and 41 mAP": bare items of a list take the unit of its last item. */
function listUnit(text: string, from: number): Reading | null {
  let at = from;
  for (let items = 0; items < 12; items++) {
    const next = listItemAt(text, at);
    if (next < 0) return null;
    const item = readQuantity(text, next, LIST_ITEM); // its own record: the candidate's is still in use
    if (typeof item === 'number') return null;
    if (item.cls === 'score') return reading(ERROR_UNITS.has(item.unit) ? 'error' : 'accuracy', scoreUnit(item.unit), 'score');
    if (item.cls === 'points' || item.cls === 'quality') return reading('accuracy', item.unit, item.cls);
    if (item.cls === 'flops') return reading('compute', item.unit, item.cls);
    if (item.cls !== null) return null;
    at = item.end;
  }
  return null;
}

/**
 * "1.70 on ImageNet 256 x 256 and 2.89", "from 19.5 to 31.5", "5 hours instead of 32": a bare
 * number that goes on from the previous value in the same clause takes its unit.
 */
function continuesFrom(around: Around, q: Quantity, previous: Previous): boolean {
  const text = around.text;
  const from = previous.metric.end;
  if (q.start - from > 50 || q.start <= from) return false;
  for (let i = from; i < q.start - 1; i++) {
    const c = text.charCodeAt(i);
    // . ; : ! ? followed by a space: a new sentence or clause
    if ((c === 46 || c === 59 || c === 58 || c === 33 || c === 63) && text.charCodeAt(i + 1) === 32) return false;
  }
  let j = q.start - 1;
  while (j >= from && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 40)) j--;
  const score = previous.cls === 'score' || previous.cls === 'points';
  if (j >= from && text.charCodeAt(j) === 44) return score; // "25.2, 31.3"
  const before = around.before;
  if (!before.has(0) || before.start(0) < from) return false;
  if (score && before.in(0, CONTINUATION_WORDS)) return true;
  if (before.in(0, COMPARISON_WORDS)) return true;
  return (
    ((before.is(0, 'to') || before.is(0, 'with')) && before.is(1, 'compared')) ||
    (before.is(0, 'of') && before.is(1, 'instead')) ||
    (before.is(0, 'than') && before.is(1, 'rather'))
  );
}

/** "outperforms vanilla MLPs by 16.3": a decimal after "by" in a clause about a gain. */
function gainBy(around: Around): boolean {
  const before = around.before;
  return before.is(0, 'by') && before.find(GAIN_VERBS, 1) >= 0;
}
