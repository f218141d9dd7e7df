// The label shown on hover ("2.4x · speedup on A100"): the words that say what the value measures,
// taken from right after it ("~2x speedup on A100") or, failing that, from the phrase it
// completes ("improves attention efficiency by up to 300%" -> "attention efficiency gain").
// Labels are slices of the abstract, so they read as the authors wrote them.
import type { MetricKind } from '../metric-types';
import { DATA_NOUNS, GLUE_BEFORE, KIND_CUES, KIND_LABEL, MODEL_NOUNS, PARAMS_WORDS, LABEL_HEADS, LABEL_STOPS, SCORE_WORDS, VERB_SUFFIX, type UnitClass } from './lexicon';
import { WordSet } from './word-table';
import type { Around, Words } from './words';

const MAX_LABEL = 60;
const MAX_AFTER = 7;
/** Words that may continue a label after its head ("speedup on A100", "faster than DeiT"). */
const LINKS = new WordSet(['on', 'over', 'than', 'vs', 'vs.', 'versus', 'in', 'for', 'of', 'to', 'compared', 'against', 'the']);
/** Sentence subjects a label never starts with ("our model achieves 72.5 on MMLU" -> "score on MMLU"). */
const SUBJECTS = new WordSet(['model', 'models', 'method', 'methods', 'approach', 'framework', 'system', 'it', 'they', 'which']);
const TAIL_START = new WordSet(['on', 'over', 'vs', 'vs.', 'versus', 'than', 'compared', 'against']);
/** Verbs that end a label phrase read backwards ("HunyuanVideo takes 600 PFLOPs" is not labelled "takes"). */
const VERB_STOPS = new WordSet(['takes', 'take', 'took', 'requires', 'require', 'required', 'needs', 'need', 'consumes', 'consume',
  'uses', 'use', 'used', 'runs', 'run', 'keeps', 'keep', 'train', 'trains', 'trained', 'generates', 'generate', 'fits', 'serves',
  'supports', 'costs', 'spends', 'processes', 'handles', 'contains', 'includes', 'reports', 'report', 'find', 'show', 'shows']);

/** Words that end a label read forwards: stop words that cannot link ("and", "while", "with"). */
const ENDS_AFTER = LABEL_STOPS.without(LINKS);
/** Words a label never ends with ("speedup on" -> "speedup"). */
const TRAILING = WordSet.union(LINKS, LABEL_STOPS);
/** Words that end a label read backwards. */
const ENDS_BEFORE = WordSet.union(LABEL_STOPS, SUBJECTS, VERB_STOPS, LINKS);
/** Words a label may start with right after the value. */
const HEADS = WordSet.union(LABEL_HEADS, KIND_CUES, SCORE_WORDS);

/** Starts with a letter: symbols and stray punctuation never go into a label. */
function isWordLike(words: Words, k: number): boolean {
  const c = words.text.charCodeAt(words.start(k));
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

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
  while (k >= first && words.in(k, TRAILING)) k--;
  return k;
}

/** "speedup on A100 and ..." -> the words from a label head up to a stop word. */
function phraseAfter(after: Words): string {
  if (!after.in(0, HEADS)) return '';
  let last = -1;
  for (let k = 0; k < MAX_AFTER && after.has(k); k++) {
    if (k > 0 && after.in(k, ENDS_AFTER)) break;
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
    if (before.in(k, ENDS_BEFORE) || before.numeric(k)) break;
    if (!isWordLike(before, k)) break; // symbols such as a stray comparison sign
  }
  // Words nearest..k-1, read backwards; drop link words at the phrase's start ("of the", "on").
  let farthest = k - 1;
  while (farthest >= nearest && before.in(farthest, TRAILING)) farthest--;
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
    if (after.in(k, ENDS_AFTER)) break;
    if (isValue(after, k)) break;
    last = k;
  }
  last = trimmed(after, 0, last);
  return last >= 0 ? spanText(after, 0, last) : '';
}

/**
 * Labels of last resort for units that say what they measure. A Map, not an object: units are often
 * strings built at run time (slices, "K tokens"), and indexing an object with them made one
 * megamorphic property load per label, with the unit interned first.
 */
const UNIT_LABEL: ReadonlyMap<string, string> = new Map([
  ['bpp', 'bitrate'], ['dB', 'PSNR gain'], ['tokens', 'tokens'], ['K tokens', 'tokens'], ['M tokens', 'tokens'], ['B tokens', 'tokens'],
  ['T tokens', 'tokens'], ['K resolution', 'resolution'], ['px', 'resolution'], ['FPS', 'frame rate'],
]);

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

/**
 * The words from a count to the noun it counts ("2,071 structured test cases" -> "structured test
 * cases", "3.7B active parameters" -> "active parameters"), or ''.
 */
function countedNoun(after: Words, nouns: WordSet): string {
  for (let k = 0; k < 5 && after.has(k); k++) {
    if (after.in(k, nouns)) {
      while (after.in(k + 1, nouns)) k++; // "annotated data samples"
      return spanText(after, 0, k);
    }
    if (after.in(k, LABEL_STOPS) && !after.is(k, 'of')) return '';
  }
  return '';
}

export function describe(around: Around, kind: MetricKind, unit: string, unitClass: UnitClass | null): string {
  // Compared with class names only: an interned string, not null, keeps each `===` a pointer comparison (kind.ts).
  const cls = unitClass ?? '';
  const after = around.after;
  const following = phraseAfter(after);
  if (following) return following;
  const tail = tailAfter(after);
  const named = cls === 'score' && namesMetric(unit); // "AUROC", not "ms"
  // "58.7 box AP on COCO test-dev": a metric name inside the span is the label's head.
  // Searched in the span alone: indexOf on the whole text would scan to its end for every value.
  const inSpan = named && around.text.slice(around.start, around.end).includes(unit);
  if (inSpan) return tail ? `${unit} ${tail}` : unit;
  if (cls === 'scale') return after.has(0) && isWordLike(after, 0) ? `dimensionality of ${after.raw(0)}` : 'problem dimensionality';
  // "enables fine-tuning of a 13B model": the size of the model the method reaches.
  if ((cls === 'magnitude' || cls === 'params') && after.in(0, MODEL_NOUNS)) return `${after.raw(0)} size`;
  if (kind === 'data' || cls === 'magnitude') {
    const counted = countedNoun(after, kind === 'data' ? DATA_NOUNS : PARAMS_WORDS);
    if (counted) return counted;
  }
  const preceding = phraseBefore(around.before);
  const label = preceding ? (tail ? `${preceding} ${tail}` : preceding) : fallbackLabel(kind, unit, cls, named, tail);
  return label.length > MAX_LABEL ? label.slice(0, MAX_LABEL).replace(/\s+\S*$/, '') : label;
}

/** The label when no phrase before the value names it; built only then (most values have a phrase). */
function fallbackLabel(kind: MetricKind, unit: string, cls: UnitClass | '', named: boolean, tail: string): string {
  // "12B parameters", "16K tokens": the count noun in the span says what is counted.
  const fallback = named ? unit : UNIT_LABEL.get(unit) ?? (cls === 'params' ? 'parameters' : cls === 'resolution' ? 'resolution' : KIND_LABEL[kind]);
  return tail ? `${fallback} ${tail}` : fallback;
}
