// The quantity grammar: at a digit found by the scan, read what is glued to it — an attached
// sign or approximator, the number, its unit and an optional second value of a range — using
// sticky regexes that only ever look at the current position. Nothing here decides whether the
// quantity is a metric in context (that is ./context.ts); this only says what was written.
import {
  NOT_A_RATIO_AFTER, MAGNITUDE_NOUN, SUFFIXES, suffixIndex, TRAILING_TIMES, type GatedRule, type SuffixPrefix, type UnitClass,
} from './lexicon';

export interface Quantity {
  /** Span offsets, including an attached prefix ("~2x", "+5.16%", "x63.6"). */
  start: number;
  end: number;
  /** The attached prefix as written: "~", "+", "-", "<", ">", "x", or ""; "sim", "le", "leq" (stripped LaTeX) sit before the span. */
  prefix: string;
  /** Offset of the first digit. */
  numberStart: number;
  value: number;
  rangeLow: number | null;
  /** Null for a bare number. */
  cls: UnitClass | null;
  unit: string;
  /** "K", "M", "B", "G", "T" when a magnitude was written, else "". */
  magnitude: string;
  /** The first number was an integer written without separators or decimals. */
  plainInteger: boolean;
  /** A thousands separator was written ("80,000"). */
  grouped: boolean;
}

/** Either a quantity or the offset where scanning may resume after a rejected candidate. */
export type ReadResult = Quantity | number;

const DECIMAL_COMMA_TYPO = /,(\d{1,2})(?=\s?(?:[xX×]|\\?times)(?![A-Za-z]))/y;
const FRACTION = /\/(\d{1,3})(?![\d.A-Za-z/])/y;
const FLOPS_RULE = SUFFIXES.find((rule) => rule.cls === 'flops') as (typeof SUFFIXES)[number];
const PERCENT_WORDS_RULE = SUFFIXES.find((rule) => rule.cls === 'percent' && rule.space === 'required') as (typeof SUFFIXES)[number];
const RANGE_CONNECTOR = /(?:\s?(?:-|–|—|−|~|∼|\\sim|sim)\s?|\s(?:to)\s|\/)/y;

const isDigit = (c: number) => c >= 48 && c <= 57;
/** What a regex's `\s` matches (tab, newline, space, no-break and the other Unicode spaces). */
export const isRegexSpace = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 5760 || (c >= 8192 && c <= 8202) || c === 8232 || c === 8233 ||
  c === 8239 || c === 8287 || c === 12288 || c === 65279;
/** Offset after one optional `\s` at `at`: where a `\s?`-prefixed sticky regex would read its next character. */
const pastSpace = (text: string, at: number) => (isRegexSpace(text.charCodeAt(at)) ? at + 1 : at);
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAlnum = (c: number) => isDigit(c) || isLetter(c);
/**
 * text.charCodeAt(at), or -1 past the end, without reading past the end: where a number can end the
 * text, reading there would make V8 deoptimise the reader and call charCodeAt as a builtin at that
 * place from then on (about 1% of the bench's time when its text ends in a year). -1, not NaN, keeps
 * the codes small integers; the callers only compare it with character codes, which it never equals.
 */
const codeAt = (text: string, at: number) => (at < text.length ? text.charCodeAt(at) : -1);

/** Offset after the run of word characters (and dots between digits) containing `i`. */
function skipWord(text: string, i: number): number {
  let j = i;
  for (;;) {
    if (j >= text.length) return j;
    const c = text.charCodeAt(j);
    if (isAlnum(c) || ((c === 46 || c === 44) && isDigit(text.charCodeAt(j + 1)))) j++;
    else return Math.max(j, i + 1);
  }
}

/** End of a sticky regex's match at `at`, or -1; test() and lastIndex, so no match array is allocated. */
export function stickEnd(re: RegExp, text: string, at: number): number {
  re.lastIndex = at;
  return re.test(text) ? re.lastIndex : -1;
}

function stick(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** The prefix `readPrefix` found; set with its return value (extraction is single-threaded and not re-entrant). */
let prefixFound = '';

/**
 * What is glued before the first digit: a sign/approximator (in the span), a name (reject), or
 * nothing. Returns the span start (the prefix's offset or `i`) and sets `prefixFound`, or -1 for a name.
 */
function readPrefix(text: string, i: number): number {
  prefixFound = '';
  const c = text.charCodeAt(i - 1);
  if (isDigit(c)) return -1;
  if (isLetter(c)) {
    const before = text.charCodeAt(i - 2);
    if ((c === 120 || c === 88) && !isAlnum(before) && before !== 92) return found('x', i - 1); // "x63.6"
    // Only a word ending in "m", "q" or "e" can be stripped LaTeX: names (GPT4, A100, ResNet50, v2) end here.
    if (c === 109) { // m
      if (i >= 3 && text.startsWith('sim', i - 3) && !isLetter(text.charCodeAt(i - 4))) return found('sim', i); // stripped \sim
    } else if (c === 113) { // q
      if (i >= 3 && text.startsWith('leq', i - 3) && !isLetter(text.charCodeAt(i - 4))) return found('leq', i); // stripped \leq
    } else if (c === 101) { // e
      if (i >= 2 && text.startsWith('le', i - 2) && !isLetter(text.charCodeAt(i - 3))) return found('le', i); // stripped \le
      if (i >= 14 && text.startsWith('textasciitilde', i - 14)) return i; // LaTeX "~", kept out of the span
    }
    return -1; // GPT4, A100, ResNet50, v2, sim2real
  }
  const before = text.charCodeAt(i - 2);
  switch (c) {
    case 45: // "-": a sign only after a space or an opening bracket; "GPT-4", "top-1" are names
    case 8211: // "–"
    case 8722: // "−" (minus sign)
      return isAlnum(before) || before === 41 || before === 94 || before === 95 ? -1 : found('-', i - 1);
    case 43: // "+": "n+1", "LightHGNN^+" are not signs
      return isAlnum(before) || before === 41 || before === 94 || before === 43 ? -1 : found('+', i - 1);
    case 126: // "~"
    case 8764: // "∼"
    case 8776: // "≈"
      return found('~', i - 1);
    case 62: // ">"
      return found('>', i - 1);
    case 60: // "<"
      return found('<', i - 1);
    case 8804: // "≤"
    case 8805: // "≥"
      return found(text[i - 1], i - 1);
    case 46: // ".": the tail of a dotted version or address
    case 94: // "^": exponents, "E^3"
    case 95: // "_": subscripts, "H_2O"
    case 64: // "@": "Recall@1"
    case 35: // "#"
    case 47: // "/": URL paths, second half of "30b/70b"
    case 92: // "\": LaTeX commands
      return -1;
    default:
      return i;
  }
}

function found(prefix: string, start: number): number {
  prefixFound = prefix;
  return start;
}

/**
 * What `readNumber` and `readUnit` found for the number just read. One record each, reused for
 * every number: `readQuantity` copies the fields out before reading a range's second value, so
 * reading a candidate allocates nothing until it is known to be a quantity.
 */
const num = { value: 0, end: 0, plainInteger: false, grouped: false };
const unitRead: { cls: UnitClass | null; unit: string; magnitude: string; end: number; resolutionOf: number } = {
  cls: null, unit: '', magnitude: '', end: 0, resolutionOf: -1,
};

function setUnit(cls: UnitClass | null, unit: string, magnitude: string, end: number, resolutionOf = -1): boolean {
  unitRead.cls = cls;
  unitRead.unit = unit;
  unitRead.magnitude = magnitude;
  unitRead.end = end;
  unitRead.resolutionOf = resolutionOf;
  return true;
}

// What `scanNumber` read, for its caller (no object per number).
let scannedEnd = 0;
let scannedValue = 0;
let scannedGrouped = false;
let scannedDecimal = false;
const EXACT_DIGITS = 15;

/**
 * The digits of a number at `at`: "80,000" (thousands groups), "0.17". Sets the scanned* fields
 * and returns false when there is no digit. Up to 15 digits the value is computed as
 * digits / 10^decimals, which is exactly what parsing the written decimal gives; longer runs are
 * parsed from the text.
 */
function scanNumber(text: string, at: number): boolean {
  // Each character is read once: the code that ended a run is the next test's.
  let j = at;
  let digits = 0;
  let count = 0;
  let c = codeAt(text, j);
  while (isDigit(c)) {
    digits = digits * 10 + (c - 48);
    count++;
    c = codeAt(text, ++j);
  }
  if (j === at) return false;
  let grouped = false;
  // Thousands groups: "80,000", "2,048" -- a comma and exactly three digits, only after 1-3 digits.
  if (j - at <= 3) {
    while (c === 44 && isDigit(codeAt(text, j + 1)) && isDigit(codeAt(text, j + 2)) && isDigit(codeAt(text, j + 3)) && !isDigit(codeAt(text, j + 4))) {
      digits = digits * 1000 + (text.charCodeAt(j + 1) - 48) * 100 + (text.charCodeAt(j + 2) - 48) * 10 + (text.charCodeAt(j + 3) - 48);
      j += 4;
      count += 3;
      grouped = true;
      c = codeAt(text, j);
    }
  }
  let scale = 1;
  if (c === 46 && isDigit(codeAt(text, j + 1))) {
    c = codeAt(text, ++j);
    while (isDigit(c)) {
      digits = digits * 10 + (c - 48);
      scale *= 10;
      count++;
      c = codeAt(text, ++j);
    }
  }
  scannedEnd = j;
  scannedGrouped = grouped;
  scannedDecimal = scale !== 1;
  if (count <= EXACT_DIGITS) scannedValue = scale === 1 ? digits : digits / scale;
  else scannedValue = Number(grouped ? text.slice(at, j).replace(/,/g, '') : text.slice(at, j));
  return true;
}

/** ",4x", ",43 times", ",5\\times": the only shapes DECIMAL_COMMA_TYPO can match, tested on characters first. */
function mayBeDecimalCommaTypo(text: string, comma: number): boolean {
  let j = comma + 1;
  if (!isDigit(text.charCodeAt(j))) return false;
  j++;
  if (isDigit(text.charCodeAt(j))) j++;
  const c = text.charCodeAt(pastSpace(text, j));
  return c === 120 || c === 88 || c === 215 || c === 92 || c === 116; // x X × \ t
}

/** A number at `at` into `num`: "80,000", "0.17", "1,4" (a decimal-comma typo before "x"), "1/8". 0 = no number, -1 = not a quantity. */
function readNumber(text: string, at: number): number {
  if (!scanNumber(text, at)) return 0;
  let end = scannedEnd;
  let value = scannedValue;
  let plainInteger = !scannedGrouped && !scannedDecimal;
  const next = codeAt(text, end);
  if ((next === 46 || next === 58) && isDigit(codeAt(text, end + 1))) return -1; // "1.1.1", "2:4"
  if (next === 44 && plainInteger && mayBeDecimalCommaTypo(text, end)) {
    const typo = stick(DECIMAL_COMMA_TYPO, text, end);
    if (typo) {
      value = Number(`${value}.${typo[1]}`);
      end += typo[0].length;
      plainInteger = false;
    }
  } else if (next === 47 && plainInteger) {
    const fraction = stick(FRACTION, text, end);
    if (fraction) {
      const denominator = Number(fraction[1]);
      if (denominator <= value || denominator === 0) return -1; // "24/7", dates
      value /= denominator;
      end += fraction[0].length;
      plainInteger = false;
    }
  }
  num.value = value;
  num.end = end;
  num.plainInteger = plainInteger;
  num.grouped = scannedGrouped;
  return 1;
}

/** The unit written right after the number in `num` into `unitRead`; false for designators and names. */
function readUnit(text: string, at: number): boolean {
  if (at >= text.length) return setUnit(null, '', '', at);
  const c = text.charCodeAt(at);
  if (c === 68 && num.plainInteger && !isAlnum(text.charCodeAt(at + 1))) return false; // "3D"
  const spaced = c === 32;
  const from = spaced ? at + 1 : at; // a unit may follow one space
  const first = text.charCodeAt(from);
  // The two commonest units, read on characters: "83.1%", "1.1\\%", "2.8% points"; "2.4x", "3X", "2×".
  if (first === 37 || (first === 92 && text.charCodeAt(from + 1) === 37)) return readPercent(text, from + (first === 37 ? 1 : 2));
  if ((first === 120 || first === 88 || first === 215) && !isLetter(text.charCodeAt(from + 1))) return readMultiplier(text, from + 1);
  const gated = first < 256 ? suffixIndex(spaced)[first] : undefined;
  const count = gated ? gated.length : 0;
  for (let r = 0; r < count; r++) {
    const { rule, prefixes } = (gated as readonly GatedRule[])[r];
    if (!startsWithAny(text, from, prefixes)) continue;
    const end = stickEnd(rule.re, text, at);
    if (end < 0) continue;
    switch (rule.cls) {
      case 'precision':
        return false;
      case 'percent': {
        if (text.startsWith('ile', end)) return false; // "95%ile"
        // "%" alone, "% points", or the words "percent" / "pp" / "percentage points".
        const word = rule === PERCENT_WORDS_RULE ? text.slice(from, end) : '';
        const points = rule === PERCENT_WORDS_RULE ? word !== 'percent' : isLetter(text.charCodeAt(end - 1));
        return setUnit('percent', points ? 'pp' : '%', '', end);
      }
      case 'multiplier':
        return readMultiplier(text, end);
      case 'magnitude':
        return readMagnitude(text, end, rule.unit(text.slice(from, end)));
      default:
        return setUnit(rule.cls, rule.unit(text.slice(from, end)), '', end);
    }
  }
  // "3V", "5.5w", "2nd": a name or ordinal -- unless the letters are a stripped "\sim" range ("0.2sim7%").
  if (isLetter(c) && !(text.startsWith('sim', at) && isDigit(text.charCodeAt(at + 3)))) return false;
  return setUnit(null, '', '', at);
}

/** After "%": an optional "points"/"pts"/"pp" ("2.8% points" is in percentage points); "95%ile" is a percentile's name. */
function readPercent(text: string, at: number): boolean {
  let end = at;
  const word = pastSpace(text, at);
  const c = text.charCodeAt(word);
  if (c === 112) { // p
    let length = 0;
    if (text.startsWith('points', word)) length = 6;
    else if (text.startsWith('point', word)) length = 5;
    else if (text.startsWith('pts', word)) length = 3;
    else if (text.startsWith('pp', word)) length = 2;
    if (length && !isLetter(text.charCodeAt(word + length))) end = word + length;
  }
  if (text.startsWith('ile', end)) return false;
  return setUnit('percent', end > at ? 'pp' : '%', '', end);
}

/**
 * Does one of `prefixes` (all starting with the character at `at`) start at `at`? The second
 * character is compared first, so a word after a number ("5 tasks", "3 models") is mostly refused
 * without a string comparison per prefix.
 */
function startsWithAny(text: string, at: number, prefixes: readonly SuffixPrefix[]): boolean {
  const second = text.charCodeAt(at + 1);
  for (let p = 0; p < prefixes.length; p++) {
    const prefix = prefixes[p];
    if (prefix.second >= 0 && prefix.second !== second) continue;
    if (text.startsWith(prefix.text, at) && !(prefix.wordEnd && isLetter(text.charCodeAt(at + prefix.text.length)))) return true;
  }
  return false;
}

/** After "x"/"times": a resolution "1024x1024", a kernel "3x3" (rejected), a device count "8x A100" (rejected), or a ratio. */
function readMultiplier(text: string, at: number): boolean {
  let afterSpace = at;
  while (afterSpace < text.length && afterSpace - at < 4 && text.charCodeAt(afterSpace) === 32) afterSpace++;
  if (isDigit(text.charCodeAt(afterSpace))) {
    if (!scanNumber(text, afterSpace) || text.charCodeAt(scannedEnd) === 94) return false; // "3\times10^5"
    if (!num.plainInteger || num.value < 32 || scannedValue < 32) return false; // kernel sizes, "n x d" math
    return setUnit('resolution', 'px', '', scannedEnd, Math.max(num.value, scannedValue));
  }
  const after = text.charCodeAt(pastSpace(text, at));
  // NOT_A_RATIO_AFTER starts with a capital, "nodes" or "cross-validation"; TRAILING_TIMES with "times".
  if (((after >= 65 && after <= 90) || after === 110 || after === 99) && stickEnd(NOT_A_RATIO_AFTER, text, at) >= 0) return false;
  const times = after === 116 ? stickEnd(TRAILING_TIMES, text, at) : -1;
  return setUnit('multiplier', 'x', '', times >= 0 ? times : at);
}

/** After a magnitude: "150B tokens", "85 million parameters", "3.6 billion MACs", or the bare "7B"/"128K". */
function readMagnitude(text: string, at: number, magnitude: string): boolean {
  const next = text.charCodeAt(pastSpace(text, at));
  const noun = next === 112 || next === 116 ? stickEnd(MAGNITUDE_NOUN, text, at) : -1; // "parameters", "tokens"
  if (noun >= 0) {
    const tokens = text.startsWith('tokens', noun - 6);
    return setUnit(tokens ? 'tokens' : 'params', `${magnitude} ${tokens ? 'tokens' : 'params'}`, magnitude, noun);
  }
  // FLOPs and MACs start with F/f/M or a prefix letter (G, T, P, K).
  const flops = next === 70 || next === 102 || next === 77 || next === 71 || next === 84 || next === 80 || next === 75 ? stick(FLOPS_RULE.re, text, at) : null;
  if (flops && !/^(?:[GTPK]|M(?!AC)|Giga|Tera|Peta)/.test(flops[1])) {
    // "3.6 billion MACs" -> "G MACs": a billion operations is a giga-operation.
    const prefix = magnitude === 'B' ? 'G' : magnitude;
    const unit = FLOPS_RULE.unit(flops[1]);
    return setUnit('flops', unit.startsWith('MAC') ? `${prefix} ${unit}` : `${prefix}${unit}`, magnitude, at + flops[0].length);
  }
  return setUnit('magnitude', magnitude, magnitude, at);
}

/** One number with its unit at `at` into `num` and `unitRead`: 1 read, 0 no number here, -1 not a quantity. */
function readValue(text: string, at: number): number {
  const read = readNumber(text, at);
  if (read !== 1) return read;
  return readUnit(text, num.end) ? 1 : -1;
}

/** Can a range connector ("-", "~", "sim", " to ", "/") start at `at`? A cheap test before the regex. */
function mayConnect(text: string, at: number): boolean {
  let c = codeAt(text, at);
  if (c === 32) {
    c = text.charCodeAt(at + 1);
    // After a space, a letter can only start " to " or "sim": "5 tasks" and "3 stages" never run the regex.
    if (c === 116) return text.charCodeAt(at + 2) === 111 && isRegexSpace(text.charCodeAt(at + 3)); // "to "
    if (c === 115) return text.charCodeAt(at + 2) === 105 && text.charCodeAt(at + 3) === 109; // "sim"
    return c === 45 || c === 8211 || c === 8212 || c === 8722 || c === 126 || c === 8764 || c === 92; // - – — − ~ ∼ \
  }
  return c === 45 || c === 8211 || c === 8212 || c === 8722 || c === 126 || c === 8764 || c === 115 || c === 92 || c === 47; // - – — − ~ ∼ s \ /
}

/** True when the word right before `start` is "from" (a before/after transition, not a range). */
function afterFrom(text: string, start: number): boolean {
  let j = start - 1;
  while (j >= 0 && text.charCodeAt(j) === 32) j--;
  return j >= 3 && text.startsWith('from', j - 3) && !isLetter(text.charCodeAt(j - 4));
}

/** True when a capitalised word ends one space before `start` ("Llama 2 to 16K tokens": a name, then a new value). */
function afterName(text: string, start: number): boolean {
  if (text.charCodeAt(start - 1) !== 32 || !isLetter(text.charCodeAt(start - 2))) return false;
  let j = start - 2;
  while (j > 0 && isLetter(text.charCodeAt(j - 1))) j--;
  const c = text.charCodeAt(j);
  return c >= 65 && c <= 90 && !isAlnum(text.charCodeAt(j - 1));
}

/** Where the next item of a list starts after `at` (", 31.3", ", and 41", " and 41"), or -1. */
export function listItemAt(text: string, at: number): number {
  let j = at;
  while (text.charCodeAt(j) === 32 && j - at < 3) j++;
  let glued = false;
  if (text.charCodeAt(j) === 44) {
    j++;
    while (text.charCodeAt(j) === 32 && j - at < 8) j++;
    glued = true;
  }
  if (text.startsWith('and ', j) && (glued || j > at)) {
    j += 4;
    while (text.charCodeAt(j) === 32 && j - at < 16) j++;
    glued = true;
  }
  const c = text.charCodeAt(j);
  return glued && c >= 48 && c <= 57 ? j : -1;
}

/**
 * Reads the quantity whose first digit is at `i` (the scan guarantees text[i-1] is not a digit).
 * Returns the quantity, or the offset to resume scanning from when the digits are a name,
 * designator or other non-quantity.
 */
export function readQuantity(text: string, i: number, into: Quantity = newQuantity()): ReadResult {
  const start = readPrefix(text, i);
  if (start < 0) return skipWord(text, i);
  const prefix = prefixFound;
  if (readValue(text, i) !== 1) return skipWord(text, i);
  const firstValue = num.value;
  const plainInteger = num.plainInteger;
  const grouped = num.grouped;
  let cls = unitRead.cls;
  let unitName = unitRead.unit;
  if (prefix === 'x' && cls === null) {
    cls = 'multiplier';
    unitName = 'x';
  }
  let end = unitRead.end;
  let value = unitRead.resolutionOf >= 0 ? unitRead.resolutionOf : firstValue;
  let rangeLow: number | null = null;
  let magnitude = unitRead.magnitude;

  // A second value of the same quantity: "1.1-2.1x", "30\%-50\%", "10% to 30%", "+0.2sim7%", "0.467%/0.741%".
  // The class is tested second: most quantities have no connector, and `cls` may be null (a comparison V8 makes generically).
  if (mayConnect(text, end) && cls !== 'resolution') {
    const signAt = stickEnd(RANGE_CONNECTOR, text, end);
    if (signAt >= 0) {
      const sign = text.charCodeAt(signAt) === 43 || text.charCodeAt(signAt) === 126 ? 1 : 0; // "+", "~"
      const secondAt = signAt + sign;
      const isTo = text.startsWith(' to ', end);
      const isSlash = text.charCodeAt(end) === 47;
      if (isDigit(text.charCodeAt(secondAt)) && !(isTo && (afterFrom(text, start) || (cls === null && afterName(text, start))))) {
        const second = readValue(text, secondAt);
        if (second === -1) return skipWord(text, secondAt);
        if (second === 1 && unitRead.cls !== 'resolution') {
          const sameClass = unitRead.cls === cls;
          const shared = cls === null && unitRead.cls !== null;
          if ((sameClass && (!isSlash || cls !== null)) || (shared && !isSlash)) {
            rangeLow = Math.min(firstValue, num.value);
            value = Math.max(firstValue, num.value);
            cls = unitRead.cls;
            unitName = unitRead.unit || unitName;
            magnitude = unitRead.magnitude || magnitude;
            end = unitRead.end;
          }
        }
      }
    }
  }
  if (!Number.isFinite(value)) return skipWord(text, i); // a digit run too long to be a quantity
  // "4M-token", "2.6B-parameter", "13-layer": a compound adjective describing a setup, not a result.
  if (codeAt(text, end) === 45 && isLetter(text.charCodeAt(end + 1)) && cls !== 'percent' && cls !== 'multiplier') {
    return skipWord(text, end + 1);
  }
  into.start = start;
  into.end = end;
  into.prefix = prefix;
  into.numberStart = i;
  into.value = value;
  into.rangeLow = rangeLow;
  into.cls = cls;
  into.unit = unitName;
  into.magnitude = magnitude;
  into.plainInteger = plainInteger;
  into.grouped = grouped;
  return into;
}

/** A Quantity record to read into; extraction reuses one per role instead of allocating one per number. */
export function newQuantity(): Quantity {
  return { start: 0, end: 0, prefix: '', numberStart: 0, value: 0, rangeLow: null, cls: null, unit: '', magnitude: '', plainInteger: false, grouped: false };
}
