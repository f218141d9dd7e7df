// Whether a quantity read by ./quantity.ts is a stated metric in its sentence, and if so its
// kind, normalised unit, qualifier and label (../shared/metrics-guideline.md sections 1-5).
// Reads only a few words either side of the quantity.
import type { Metric, MetricKind } from '../metric-types';
import { coordinatedKind, kindFromCues } from './kind';
import { describe } from './label';
import {
  AUDIO_INPUT_WORDS, COUNT_FILLERS, DATA_NOUNS, ERROR_SCORE_WORDS, ERROR_UNITS, EVALUATED_OWNERS, FLOPS_WORDS, GAIN_VERBS,
  HOURS_OF_DATA_WORDS, INPUT_WORDS, LENGTH_ONLY_WORDS, LENGTH_WORDS, MODEL_NOUNS, PARAMS_WORDS, PERCENT_REJECT_AFTER, POINTS_NOUNS,
  LABEL_STOPS, RANGE_WORDS, RATIO_WORDS, RESOLUTION_BEFORE, RESOLUTION_NOUNS, RESOLUTION_WORDS, SCORE_GLUE, SCORE_VERBS, SCORE_WORDS, SETUP_NOUNS,
  STRESS_WORDS, TRAINING_WORDS,
  USAGE_WORDS, type UnitClass,
} from './lexicon';
import { qualifierBefore } from './qualifier';
import { listItemAt, readQuantity, type Quantity } from './quantity';
import { Around, WordSet, type Words } from './words';

/** The previous accepted metric, for coordinated values ("1.70 on X and 2.89 on Y"). */
export interface Previous {
  metric: Metric;
  cls: UnitClass | null;
}

interface Reading {
  kind: MetricKind | null;
  unit: string;
  cls: UnitClass | null;
}

/** "4K (2048 times 4096)": a magnitude restated as a resolution. */
const RESTATED_RESOLUTION = /\s*\(\d+\s*(?:[xX×]|\\?times)\s*\d+\)/y;
/** Last words of the gap that continue a score ("and", "vs.", "to") or state a comparison ("instead of"). */
const CONTINUATION_WORDS = new WordSet(['and', 'vs', 'vs.', 'versus', 'to', 'from', 'over', 'while', 'whereas']);
const COMPARISON_WORDS = new WordSet(['vs', 'vs.', 'versus']);

function stickAt(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(text);
}

function isYear(q: Quantity): boolean {
  return q.plainInteger && q.value >= 1900 && q.value <= 2099 && q.prefix === '';
}

/** Decides whether `q` is a metric; returns it with all fields (and how it was read), or null. */
const AROUND = new Around();

export function decide(text: string, q: Quantity, previous: Previous | undefined): Previous | null {
  const around = AROUND.reset(text, q.start, q.end);
  const found = read(around, q, previous);
  if (!found) return null;
  // Copied out of the shared READING before anything else runs.
  const { kind: readKind, unit, cls } = found;
  const qualifier = qualifierBefore(around, q.prefix, previous?.metric);
  const kind = readKind ?? coordinatedKind(text, q.start, previous?.metric, unit) ?? kindFromCues(around, cls);
  const metric: Metric = {
    start: q.start,
    end: q.end,
    text: text.slice(q.start, q.end),
    kind,
    value: q.value,
    unit,
    label: describe(around, kind, unit, cls),
    upTo: qualifier.upTo,
    qualifier: qualifier.qualifier,
    rangeLow: q.rangeLow,
  };
  return { metric, cls };
}

/** One Reading, reused: decide() copies its fields before anything reads another quantity. */
const READING: Reading = { kind: null, unit: '', cls: null };

function reading(kind: MetricKind | null, unit: string, cls: UnitClass | null): Reading {
  READING.kind = kind;
  READING.unit = unit;
  READING.cls = cls;
  return READING;
}

/** The unit class decides most cases; bare numbers and bare magnitudes need their words. */
function read(around: Around, q: Quantity, previous: Previous | undefined): Reading | null {
  switch (q.cls) {
    case null:
      return readBare(around, q, previous);
    case 'percent':
      return around.after.in(0, PERCENT_REJECT_AFTER) ? null : reading(null, q.unit, q.cls); // "95% CI", "51% attack"
    case 'multiplier':
    case 'oom':
    case 'points':
      return reading(null, q.unit, q.cls);
    case 'resolution':
      return namedBefore(around) ? null : reading('other', q.unit, q.cls);
    case 'time':
      return readDuration(around, q);
    case 'rate':
      return reading('throughput', q.unit, q.cls);
    case 'memory':
      return reading('memory', q.unit, q.cls);
    case 'flops':
      return reading('compute', q.unit, q.cls);
    case 'energy':
      return reading('energy', q.unit, q.cls);
    case 'quality':
      return reading(q.unit === 'bpp' ? 'size' : 'accuracy', q.unit, q.cls);
    case 'score':
      return reading(ERROR_UNITS.has(q.unit) ? 'error' : 'accuracy', scoreUnit(q.unit), q.cls);
    case 'params':
      return evaluatedModel(around, q) ? null : reading('size', q.unit, q.cls);
    case 'tokens':
      return readTokens(around, q);
    case 'magnitude':
      return readMagnitude(around, q);
  }
}

function scoreUnit(written: string): string {
  if (written === 'perplexity') return 'PPL';
  if (written.startsWith('top-1')) return 'top-1 accuracy';
  return written;
}

/** "ImageNet 256 x 256": a resolution that names a benchmark variant, not a capability. */
function namedBefore(around: Around): boolean {
  const before = around.before;
  if (!before.has(0) || before.end(0) !== around.start - 1) return false;
  const word = before.raw(0);
  return /[A-Z]/.test(word) && /[a-z]/.test(word);
}

function readDuration(around: Around, q: Quantity): Reading | null {
  if (q.unit === 's' && isYear(q)) return null; // "1990s"
  const after = around.after;
  if (after.is(0, 'of') && after.has(1)) {
    if (q.unit === 'h' && after.in(1, HOURS_OF_DATA_WORDS)) return reading('data', 'h', q.cls);
    if (after.in(1, AUDIO_INPUT_WORDS)) return null; // "30 seconds of audio": an input length, not a result
  }
  return reading('latency', q.unit, q.cls);
}

function readTokens(around: Around, q: Quantity): Reading | null {
  if (around.before.find(INPUT_WORDS, 0, 3) >= 0) return null; // "a prompt of 1M tokens"
  if (evaluatedModel(around, q)) return null;
  return reading(tokensKind(around, q), q.magnitude ? `${q.magnitude} tokens` : 'tokens', q.cls);
}

/** Training tokens are data; context and sequence lengths are size (guideline 1). */
function tokensKind(around: Around, q: Quantity): MetricKind {
  const { before, after } = around;
  if (before.find(LENGTH_ONLY_WORDS, 0, 6) >= 0 || after.find(LENGTH_ONLY_WORDS, 0, 4) >= 0) return 'size';
  if (before.find(TRAINING_WORDS, 0, 6) >= 0 || after.find(TRAINING_WORDS, 0, 4) >= 0) return 'data';
  if (before.find(USAGE_WORDS, 0, 6) >= 0 || after.find(USAGE_WORDS, 0, 4) >= 0) return 'compute';
  return q.magnitude === 'B' || q.magnitude === 'T' ? 'data' : 'size';
}

/** The index of the first noun after a count, past at most two fillers ("2,071 structured test cases"), or -1. */
function countNoun(after: Words): number {
  for (let k = 0; k < 3 && after.has(k); k++) {
    if (!after.in(k, COUNT_FILLERS) || !after.has(k + 1)) return k;
    if (after.in(k, DATA_NOUNS) && !after.in(k + 1, DATA_NOUNS)) return k;
  }
  return -1;
}

/**
 * For a large count ("15,056 labeled and 65,406 unlabeled news headlines", "1 million images"):
 * 'data' when a data noun follows within a few words, 'setup' when a setup noun does, else ''.
 * Fillers, coordinated numbers and up to two unknown words ("news") may come between.
 */
function largeCountNoun(after: Words): 'data' | 'setup' | '' {
  let unknown = 0;
  for (let k = 0; k < 7 && after.has(k); k++) {
    if (after.in(k, SETUP_NOUNS) || after.in(k, MODEL_NOUNS)) return 'setup';
    if (after.in(k, DATA_NOUNS)) return 'data';
    if (after.numeric(k) || after.in(k, COUNT_FILLERS) || after.is(k, 'and') || after.is(k, 'or')) continue;
    if (++unknown > 2) return '';
  }
  return '';
}

/** "as few as 10", "only 500": a small count the sentence presents as the result. */
function stressed(around: Around): boolean {
  const before = around.before;
  return before.in(0, STRESS_WORDS) || (before.is(0, 'as') && before.is(1, 'few'));
}

/** "7B", "128K", "48G", "1.5 million": a magnitude with no unit word of its own. */
function readMagnitude(around: Around, q: Quantity): Reading | null {
  const after = around.after;
  if (q.magnitude === 'G') {
    const flops = after.find(FLOPS_WORDS, 0, 3) >= 0 || around.before.find(FLOPS_WORDS) >= 0;
    return flops ? reading('compute', 'GFLOPs', q.cls) : reading('memory', 'GB', q.cls);
  }
  const noun = countNoun(after);
  if (noun >= 0 && (after.in(noun, SETUP_NOUNS) || after.in(noun, MODEL_NOUNS))) {
    // "at 15B model size" states the size; "on the 1.4B model" names the evaluated model.
    if (after.is(noun, 'model') && after.is(noun + 1, 'size') && !evaluatedModel(around, q, true)) {
      return reading('size', `${q.magnitude} params`, q.cls);
    }
    return null;
  }
  if (noun >= 0 && after.in(noun, DATA_NOUNS)) return reading('data', `${q.magnitude} ${after.raw(noun).toLowerCase()}`, q.cls);
  if (q.magnitude !== 'G' && largeCountNoun(after) === 'data') return reading('data', q.magnitude, q.cls); // "1 million unlabeled news headlines"
  // "3.7B active parameters": the count noun after one adjective is outside the span (guideline 3.3).
  if (after.find(PARAMS_WORDS, 0, 2) >= 0) return evaluatedModel(around, q) ? null : reading('size', `${q.magnitude} params`, q.cls);
  if (after.is(0, 'tokens') || after.is(1, 'tokens') || after.is(2, 'tokens')) {
    return reading(tokensKind(around, q), `${q.magnitude} tokens`, q.cls);
  }
  if (after.in(0, LENGTH_WORDS)) return evaluatedModel(around, q) ? null : reading('size', `${q.magnitude} tokens`, q.cls);
  if (q.magnitude !== 'K') return null; // a bare "7B" or "30M" names a model or setting
  if (evaluatedModel(around, q)) return null; // "sequence lengths from 32K to 512K"
  const nearResolution = after.find(RESOLUTION_WORDS, 0, 4) >= 0 || around.before.find(RESOLUTION_BEFORE, 0, 3) >= 0 ||
    stickAt(RESTATED_RESOLUTION, around.text, q.end);
  if (nearResolution) return reading('other', 'K resolution', q.cls);
  return reading(null, 'K', q.cls);
}

/**
 * Is this size the model an experiment runs on rather than a result ("on the 1.4B model",
 * "models from 49B to 253B parameters", "two 7B LLMs")? Guideline 2, evaluation configuration.
 */
function evaluatedModel(around: Around, q: Quantity, allowModelSize = false): boolean {
  if (q.rangeLow !== null) return true;
  const after = around.after;
  if (after.has(0) && after.start(0) === q.end + 1) {
    if (after.in(0, MODEL_NOUNS) && !(allowModelSize && after.is(0, 'model'))) return true;
    if (after.capitalised(0) && !after.is(0, 'parameters')) return true; // "7B LLaMA"
  }
  // "models up to 7B parameters", "model scales ranging from 135M": a range of evaluated sizes.
  const before = around.before;
  for (let k = 0; k < 6 && before.has(k); k++) {
    const rangeEnd = before.in(k, RANGE_WORDS) ? k : before.is(k, 'to') && before.is(k + 1, 'up') ? k + 1 : -1;
    if (rangeEnd >= 0 && before.find(EVALUATED_OWNERS, rangeEnd + 1, rangeEnd + 3) >= 0) return true;
  }
  return false;
}

/** A bare number is a metric only as a large data count or as a score in a score context. */
function readBare(around: Around, q: Quantity, previous: Previous | undefined): Reading | null {
  if (isYear(q) && (q.rangeLow === null || q.rangeLow >= 1900)) return null;
  const text = around.text;
  if (text.charCodeAt(q.end) === 41 && q.plainInteger && q.value < 100 && q.prefix === '') return null; // "(1)", "1)"
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
  return reportedOnBenchmark(around, q) ? reading('accuracy', '', 'score') : null;
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
    if (before.hasDigit(k) && before.raw(k).includes('@')) return reading('accuracy', before.raw(k), 'score'); // "Recall@1 of 45.3"
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
    const item = readQuantity(text, next);
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
