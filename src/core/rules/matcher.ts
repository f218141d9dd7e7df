// Compiling and matching hide, dim and highlight rules. A rule is data from the user run on text from the page,
// so it must never stall anything: every pattern, phrase or regular expression, is compiled by re2js (a port
// of RE2), whose matching time is linear in the text whatever the pattern. A pattern it refuses is refused
// with a message that says why. re2js is large (about 45 KB gzip): only the background and the options page
// import this module, never a content script (test/unit/rules/bundle-boundary.test.ts checks).
import { RE2JS, RE2JSException } from 're2js';
import type { Rule, RuleField } from './rule';

/** Matching ignores letter case, always. */
const FLAGS = RE2JS.CASE_INSENSITIVE;
/**
 * A bound on a compiled pattern's program (RE2's own measure of its cost). Matching time is linear in the text,
 * times the program's size: the 500 characters a pattern may have can spell a program of thousands of steps
 * (`(\w+\s?){1000}` is 6,000: about 0.6 s per abstract in node), while a list of fifty words joined by `|` stays
 * under a thousand.
 */
const MAX_PROGRAM_SIZE = 2000;
/** Highlight ranges kept per field of a card: enough to mark any real abstract, bounded for a hostile one. */
const MAX_RANGES_PER_FIELD = 200;

export interface CompiledRule {
  rule: Rule;
  regex: RE2JS;
}

export type CompileResult = { ok: true; compiled: CompiledRule } | { ok: false; error: string };

/** The regular expression a phrase stands for: its words as written, any run of spaces matching any run. */
function phraseExpression(phrase: string): string {
  return phrase.trim().split(/\s+/).map((word) => RE2JS.quote(word)).join('\\s+');
}

/** The rule compiled, or the reason it cannot be used, in words for the person who wrote it. */
export function compileRule(rule: Rule): CompileResult {
  const kind = rule.match === 'phrase' ? 'phrase' : 'regular expression';
  if (rule.pattern.trim() === '') return { ok: false, error: `The ${kind} is empty.` };
  let regex: RE2JS;
  try {
    regex = RE2JS.compile(rule.match === 'phrase' ? phraseExpression(rule.pattern) : rule.pattern, FLAGS);
  } catch (error) {
    if (!(error instanceof RE2JSException)) throw error;
    return {
      ok: false,
      // The engine quotes the pattern with the case flag it was given in front (`(?i)`): the user did not write it.
      error: `This regular expression does not compile: ${error.message.replace(/^error parsing regexp: /, '').replace('`(?i)', '`')}. ` +
        'Paperlight reads RE2 syntax, which runs in linear time: no lookahead, lookbehind or backreferences.',
    };
  }
  if (regex.matcher('').programSize() > MAX_PROGRAM_SIZE) {
    return { ok: false, error: `This ${kind} is too complex to run on every card (its repeats multiply out too far); make it simpler.` };
  }
  // A pattern that matches empty text would match every card.
  if (regex.test('')) {
    return { ok: false, error: `This ${kind} also matches empty text, so it would match every card; make it require at least one character.` };
  }
  return { ok: true, compiled: { rule, regex } };
}

/** Why `rule` cannot be used, or undefined when it compiles. */
export function ruleProblem(rule: Rule): string | undefined {
  const result = compileRule(rule);
  return result.ok ? undefined : result.error;
}

/** The rules that compile, in their order (settings read from storage keep only these). */
export function compileRules(rules: readonly Rule[]): CompiledRule[] {
  return rules.flatMap((rule) => {
    const result = compileRule(rule);
    return result.ok ? [result.compiled] : [];
  });
}

/** A card's text as the content script sends it. */
export interface RuleCard {
  key: string;
  title: string;
  abstract: string;
  authors: readonly string[];
}

export interface HighlightRange {
  field: 'title' | 'abstract';
  /** UTF-16 offsets in the string as sent, `end` exclusive. */
  start: number;
  end: number;
}

export interface RuleResult {
  key: string;
  hide: boolean;
  dim: boolean;
  highlight: HighlightRange[];
}

const SEARCHED: Record<RuleField, ReadonlyArray<'title' | 'abstract' | 'authors'>> = {
  title: ['title'],
  abstract: ['abstract'],
  authors: ['authors'],
  any: ['title', 'abstract', 'authors'],
};

/**
 * Whether `regex` matches `text` with at least one character (a pattern such as `\b` matches empty text between
 * words without matching any text; such a match does not count). The quick test comes first: most texts do not
 * match at all.
 */
function matchesText(regex: RE2JS, text: string): boolean {
  if (text === '' || !regex.test(text)) return false;
  const matcher = regex.matcher(text);
  while (matcher.find()) if (matcher.end() > matcher.start()) return true;
  return false;
}

/** Every non-empty match of `regex` in `text`, at most `max`. */
function ranges(regex: RE2JS, text: string, field: HighlightRange['field'], max: number): HighlightRange[] {
  if (text === '' || !regex.test(text)) return [];
  const found: HighlightRange[] = [];
  const matcher = regex.matcher(text);
  while (found.length < max && matcher.find()) {
    const start = matcher.start();
    const end = matcher.end();
    if (end > start) found.push({ field, start, end });
  }
  return found;
}

/** Overlapping or touching ranges of one field made one, in text order: one highlight per marked stretch. */
function merged(list: HighlightRange[]): HighlightRange[] {
  list.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: HighlightRange[] = [];
  for (const range of list) {
    const last = out.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else out.push({ ...range });
  }
  return out.slice(0, MAX_RANGES_PER_FIELD);
}

/** What the rules do to one card: hidden, dimmed, and the stretches of its title and abstract to highlight. */
export function matchCard(rules: readonly CompiledRule[], card: RuleCard): RuleResult {
  const texts = { title: card.title, abstract: card.abstract, authors: card.authors.join(', ') };
  let hide = false;
  let dim = false;
  const marked: Record<HighlightRange['field'], HighlightRange[]> = { title: [], abstract: [] };
  for (const { rule, regex } of rules) {
    if (rule.action === 'highlight') {
      for (const field of SEARCHED[rule.field]) {
        if (field !== 'authors') marked[field].push(...ranges(regex, texts[field], field, MAX_RANGES_PER_FIELD));
      }
    } else if (!(rule.action === 'hide' ? hide : dim)) {
      // A card already hidden (dimmed) by an earlier rule needs no second look for that action.
      const hit = SEARCHED[rule.field].some((field) => matchesText(regex, texts[field]));
      if (hit && rule.action === 'hide') hide = true;
      if (hit && rule.action === 'dim') dim = true;
    }
  }
  return { key: card.key, hide, dim, highlight: [...merged(marked.title), ...merged(marked.abstract)] };
}
