// Whether a quantity read by ./quantity.ts is a stated metric in its sentence, and if so its
// kind, normalised unit, qualifier and label (docs/metrics.md, sections 1-5).
// Reads only a few words either side of the quantity.
import type { Metric, MetricKind } from '../metric-types';
import { readBare } from './bare';
import { coordinatedKind, kindFromCues } from './kind';
import { describe } from './label';
import {
  ARTICLES, AUDIO_INPUT_WORDS, CAPABILITY_WORDS, DATA_NOUNS, ERROR_UNITS, EVALUATED_OWNERS, FLOPS_WORDS, HOURS_OF_DATA_WORDS,
  INPUT_WORDS, LENGTH_ONLY_WORDS, LENGTH_WORDS, MODEL_NOUNS, PARAMS_WORDS, PERCENT_REJECT_AFTER, RANGE_WORDS, RESOLUTION_BEFORE,
  RESOLUTION_WORDS, SETTING_WORDS, SETUP_NOUNS, TRAIN_VERBS, TRAINING_WORDS, USAGE_WORDS,
} from './lexicon';
import { qualifierBefore } from './qualifier';
import { stickEnd, type Quantity } from './quantity';
import { countNoun, isYear, largeCountNoun, reading, scoreUnit, type Previous, type Reading } from './reading';
import { Around } from './words';

export type { Previous } from './reading';

/** "4K (2048 times 4096)": a magnitude restated as a resolution. */
const RESTATED_RESOLUTION = /\s*\(\d+\s*(?:[xX×]|\\?times)\s*\d+\)/y;

/** One Around for the whole extraction: decide() never runs inside another decide(). */
const AROUND = new Around();

/** Decides whether `q` is a metric; returns it with all fields (and how it was read), or null. */
export function decide(text: string, q: Quantity, previous: Previous | undefined): Previous | null {
  const around = AROUND.reset(text, q.start, q.end);
  const found = read(around, q, previous);
  if (!found) return null;
  // Copied out of the shared READING before anything else runs.
  const { kind: readKind, unit, cls } = found;
  const { qualifier, upTo } = qualifierBefore(around, q.prefix, previous?.metric);
  const kind = readKind ?? coordinatedKind(text, q.start, previous?.metric, unit) ?? kindFromCues(around, cls);
  const metric: Metric = {
    start: q.start,
    end: q.end,
    text: text.slice(q.start, q.end),
    kind,
    value: q.value,
    unit,
    label: describe(around, kind, unit, cls),
    upTo,
    qualifier,
    rangeLow: q.rangeLow,
  };
  return { metric, cls };
}

/** The unit class decides most cases; bare numbers and bare magnitudes need their words. */
function read(around: Around, q: Quantity, previous: Previous | undefined): Reading | null {
  // Null apart: a switch whose cases mix null and strings makes V8 call its generic equality builtin
  // for every case it compares; on class names alone each case is a pointer comparison.
  if (q.cls === null) return readBare(around, q, previous);
  switch (q.cls) {
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
    case 'scale':
      return reading('other', q.unit, q.cls);
  }
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
  // "a prompt of 1M tokens" is an input; "compresses the prompt from 4K tokens to 512 tokens" states a result.
  if (around.before.find(INPUT_WORDS, 0, 3) >= 0 && !transitionFrom(around) && !claimedScale(around)) return null;
  if (evaluatedModel(around, q)) return null;
  return reading(tokensKind(around, q), q.magnitude ? `${q.magnitude} tokens` : 'tokens', q.cls);
}

/** Training tokens are data; context and sequence lengths are size (docs/metrics.md, section 1). */
function tokensKind(around: Around, q: Quantity): MetricKind {
  const { before, after } = around;
  if (before.find(LENGTH_ONLY_WORDS, 0, 6) >= 0 || after.find(LENGTH_ONLY_WORDS, 0, 4) >= 0) return 'size';
  if (before.find(TRAINING_WORDS, 0, 6) >= 0 || after.find(TRAINING_WORDS, 0, 4) >= 0) return 'data';
  if (before.find(USAGE_WORDS, 0, 6) >= 0 || after.find(USAGE_WORDS, 0, 4) >= 0) return 'compute';
  return q.magnitude === 'B' || q.magnitude === 'T' ? 'data' : 'size';
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
    // "enables fine-tuning of a 13B model" claims the scale the method reaches.
    if (after.in(noun, MODEL_NOUNS) && claimedScale(around)) return reading('size', `${q.magnitude} params`, q.cls);
    // "at 15B model size" states the size; "on the 1.4B model" names the evaluated model.
    if (after.is(noun, 'model') && after.is(noun + 1, 'size') && !evaluatedModel(around, q, true)) {
      return reading('size', `${q.magnitude} params`, q.cls);
    }
    return null;
  }
  if (noun >= 0 && after.in(noun, DATA_NOUNS)) return reading('data', `${q.magnitude} ${after.raw(noun).toLowerCase()}`, q.cls);
  if (q.magnitude !== 'G' && largeCountNoun(after) === 'data') return reading('data', q.magnitude, q.cls); // "1 million unlabeled news headlines"
  // "3.7B active parameters": the count noun after one adjective is outside the span (docs/metrics.md, 3.3).
  if (after.find(PARAMS_WORDS, 0, 2) >= 0) return evaluatedModel(around, q) ? null : reading('size', `${q.magnitude} params`, q.cls);
  if (after.is(0, 'tokens') || after.is(1, 'tokens') || after.is(2, 'tokens')) {
    return reading(tokensKind(around, q), `${q.magnitude} tokens`, q.cls);
  }
  if (after.in(0, LENGTH_WORDS)) return evaluatedModel(around, q) ? null : reading('size', `${q.magnitude} tokens`, q.cls);
  if (q.magnitude !== 'K') return null; // a bare "7B" or "30M" names a model or setting
  if (evaluatedModel(around, q)) return null; // "sequence lengths from 32K to 512K"
  const nearResolution = after.find(RESOLUTION_WORDS, 0, 4) >= 0 || around.before.find(RESOLUTION_BEFORE, 0, 3) >= 0 ||
    stickEnd(RESTATED_RESOLUTION, around.text, q.end) >= 0;
  if (nearResolution) return reading('other', 'K resolution', q.cls);
  return reading(null, 'K', q.cls);
}

/**
 * Is this size the model an experiment runs on rather than a result ("on the 1.4B model",
 * "models from 49B to 253B parameters", "two 7B LLMs")? docs/metrics.md, section 2, evaluation configuration.
 */
function evaluatedModel(around: Around, q: Quantity, allowModelSize = false): boolean {
  if (q.rangeLow !== null) return true;
  if (claimedScale(around)) return false;
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

/**
 * "enables fine-tuning of a 13B model", "can train a 65B model", "extends the context length to
 * 16K tokens": a scale the method is claimed to reach, in the same clause, is a result. A size
 * introduced by a setting word is still the setting ("enables 2x faster inference on the 13B model",
 * "allows comparing two 7B LLMs").
 */
function claimedScale(around: Around): boolean {
  const before = around.before;
  let k = 0;
  while (before.in(k, ARTICLES)) k++;
  if (!before.has(k) || before.in(k, SETTING_WORDS)) return false;
  for (; before.has(k); k++) {
    if (before.in(k, CAPABILITY_WORDS)) return true;
    if (before.in(k, TRAIN_VERBS) && before.is(k + 1, 'can')) return true;
    // "scales to a 175B model", but not "across model scales ranging from 135M".
    if ((before.is(k, 'scales') || before.is(k, 'scale')) && k > 0 && (before.is(k - 1, 'to') || before.is(k - 1, 'up'))) return true;
  }
  return false;
}

/** "from 4K tokens to 512 tokens": the first value of a before/after transition. */
function transitionFrom(around: Around): boolean {
  return around.before.is(0, 'from') && around.after.is(0, 'to') && around.after.numeric(1);
}
