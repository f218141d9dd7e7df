// The label shown on hover ("2.4x · speedup on A100"): the words that say what the value measures,
// taken from right after it ("~2x speedup on A100") or, failing that, from the phrase it
// completes ("improves attention efficiency by up to 300%" -> "attention efficiency gain").
// Labels are slices of the abstract, so they read as the authors wrote them.
import type { MetricKind } from '../metric-types';
import { KIND_CUES, KIND_LABEL, LABEL_HEADS, LABEL_STOPS, SCORE_WORDS, VERB_SUFFIX } from './lexicon';
import { WordSet, type Around, type Words } from './words';

const MAX_LABEL = 60;
const MAX_AFTER = 7;
/** Words that may continue a label after its head ("speedup on A100", "faster than DeiT"). */
const LINKS = new WordSet(['on', 'over', 'than', 'vs', 'vs.', 'versus', 'in', 'for', 'of', 'to', 'compared', 'against', 'the']);
/** Words skipped between a value and the phrase it completes ("accuracy of 55.89", "by up to 300%"). */
const GLUE_BEFORE = new WordSet(['by', 'of', 'to', 'is', 'are', 'at', 'reaches', 'reaching', 'achieves', 'achieving', 'achieve',
  'attains', 'attaining', 'with', 'only', 'just', 'merely', 'an', 'a', 'the', 'average', 'up', 'upto', 'around', 'about',
  'approximately', 'nearly', 'almost', 'over', 'than', 'more', 'less', 'roughly', 'exceeding', 'within', 'delivers',
  'delivering', 'shows', 'showing', 'obtains', 'yields', 'yielding', 'gets', 'has', 'have', 'from', 'mere', 'sim']);
/** Sentence subjects a label never starts with ("our model achieves 72.5 on MMLU" -> "score on MMLU"). */
const SUBJECTS = new WordSet(['model', 'models', 'method', 'methods', 'approach', 'framework', 'system', 'it', 'they', 'which']);
const TAIL_START = new WordSet(['on', 'over', 'vs', 'vs.', 'versus', 'than', 'compared', 'against', 'for']);

/** A word that is only a number ("33.5\%"): a label never runs through another value. */
function isValue(words: Words, k: number): boolean {
  return words.numeric(k);
}

/** The text from word `first` to word `last` of a window read forwards, cut to MAX_LABEL at a word boundary. */
function spanText(words: Words, first: number, last: number): string {
  let end = last;
  while (end > first && words.end(end) - words.start(first) > MAX_LABEL) end--;
  return words.text.slice(words.start(first), words.end(end));
}

/** Drops trailing link and stop words ("speedup on" -> "speedup"). */
function trimmed(words: Words, first: number, last: number): number {
  let k = last;
  while (k >= first && (words.in(k, LINKS) || words.in(k, LABEL_STOPS))) k--;
  return k;
}

/** "speedup on A100 and ..." -> the words from a label head up to a stop word. */
function phraseAfter(after: Words): string {
  if (!after.has(0) || !(after.in(0, LABEL_HEADS) || after.get(0, KIND_CUES) || after.get(0, SCORE_WORDS) !== undefined)) return '';
  let last = -1;
  for (let k = 0; k < MAX_AFTER && after.has(k); k++) {
    if (k > 0 && after.in(k, LABEL_STOPS) && !after.in(k, LINKS)) break;
    if (isValue(after, k)) break;
    last = k;
  }
  last = trimmed(after, 0, last);
  return last >= 0 ? spanText(after, 0, last) : '';
}

/** "reduces rollout cost by up to 4.2x" -> "rollout cost reduction". */
function phraseBefore(before: Words): string {
  let k = 0;
  while (before.in(k, GLUE_BEFORE)) k++;
  const nearest = k;
  let suffix = '';
  for (; k - nearest < 4 && before.has(k); k++) {
    const verb = before.get(k, VERB_SUFFIX);
    if (verb) {
      suffix = verb;
      break;
    }
    if (before.in(k, LABEL_STOPS) || before.in(k, SUBJECTS) || before.numeric(k)) break;
  }
  // Words nearest..k-1, read backwards; drop link words at the phrase's start ("of the", "on").
  let farthest = k - 1;
  while (farthest >= nearest && (before.in(farthest, LINKS) || before.in(farthest, LABEL_STOPS))) farthest--;
  if (farthest < nearest) return '';
  const core = before.text.slice(before.start(farthest), before.end(nearest));
  if (core.length > MAX_LABEL) return '';
  return suffix && !core.endsWith(suffix) ? `${core} ${suffix}` : core;
}

/** A short "on X" / "over X" / "than X" tail from after the value. */
function tailAfter(after: Words): string {
  if (!after.in(0, TAIL_START)) return '';
  let last = 0;
  for (let k = 1; k < 4 && after.has(k); k++) {
    if (after.in(k, LABEL_STOPS) && !after.in(k, LINKS)) break;
    if (isValue(after, k)) break;
    last = k;
  }
  last = trimmed(after, 0, last);
  return last >= 0 ? spanText(after, 0, last) : '';
}

/** Units that name the metric themselves ("AUROC", "BLEU-4"), usable as a label of last resort. */
const GENERIC_UNITS = new Set(['', 'x', '%', 'pp', 'points', 'px', 'OOM']);
const NAMED_UNIT = /^[A-Za-z][\w@ -]*$/;
const namedUnits = new Map<string, boolean>();

function namesMetric(unit: string): boolean {
  let named = namedUnits.get(unit);
  if (named === undefined) {
    named = !GENERIC_UNITS.has(unit) && NAMED_UNIT.test(unit);
    if (namedUnits.size < 1000) namedUnits.set(unit, named); // units come from a small closed set, plus nouns
  }
  return named;
}

export function describe(around: Around, kind: MetricKind, unit: string): string {
  const after = around.after;
  const following = phraseAfter(after);
  if (following) return following;
  const tail = tailAfter(after);
  const named = namesMetric(unit);
  // "58.7 box AP on COCO test-dev": a metric name inside the span is the label's head.
  // Searched in the span alone: indexOf on the whole text would scan to its end for every value.
  const inSpan = named && around.text.slice(around.start, around.end).includes(unit);
  if (inSpan) return tail ? `${unit} ${tail}` : unit;
  const preceding = phraseBefore(around.before);
  const fallback = named ? unit : KIND_LABEL[kind];
  const label = preceding ? (tail ? `${preceding} ${tail}` : preceding) : tail ? `${fallback} ${tail}` : fallback;
  return label.length > MAX_LABEL ? label.slice(0, MAX_LABEL).replace(/\s+\S*$/, '') : label;
}
