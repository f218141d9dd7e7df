// Rules: their shape, which patterns compile (and the message when one does not), and what they do to a card:
// hidden, dimmed, and the stretches of title and abstract to highlight, as UTF-16 offsets in the strings given.
import { describe, expect, it } from 'vitest';
import { compileRule, compileRules, matchCard, ruleProblem, type RuleCard } from '../../../src/core/rules/matcher';
import { describeRule, newRules, readRule, type Rule } from '../../../src/core/rules/rule';

const rule = (fields: Partial<Rule> & Pick<Rule, 'pattern'>): Rule => ({ match: 'phrase', field: 'any', action: 'hide', ...fields });
const card = (fields: Partial<RuleCard> = {}): RuleCard => ({
  key: 'arxiv:2411.00001',
  title: 'Latent Diffusion Models for Video',
  abstract: 'We train a diffusion   model on video. Our DIFFUSION model is fast.',
  authors: ['Ada Lovelace', 'Alan Turing'],
  ...fields,
});
const run = (rules: Rule[], target: RuleCard = card()) => matchCard(compileRules(rules), target);
/** The text each range covers, to read the expectations as text. */
const marked = (rules: Rule[], target: RuleCard = card()) =>
  run(rules, target).highlight.map((range) => [range.field, target[range.field].slice(range.start, range.end)]);

describe('the shape of a rule', () => {
  it('reads a well-formed rule, and refuses what is not one, naming the place', () => {
    expect(readRule({ match: 'regex', pattern: 'gan', field: 'title', action: 'dim' }, 'rules[0]')).toEqual({ match: 'regex', pattern: 'gan', field: 'title', action: 'dim' });
    expect(() => readRule({ match: 'glob', pattern: 'x', field: 'title', action: 'dim' }, 'rules[1]')).toThrow('rules[1].match: expected one of');
    expect(() => readRule({ match: 'phrase', pattern: '   ', field: 'title', action: 'dim' }, 'r')).toThrow('r.pattern: must not be empty');
    expect(() => readRule({ match: 'phrase', pattern: 'x'.repeat(501), field: 'title', action: 'dim' }, 'r')).toThrow('r.pattern: too long (501 characters; at most 500)');
    expect(() => readRule({ match: 'phrase', pattern: 'x', field: 'title', action: 'dim', extra: 1 }, 'r')).toThrow('r: unknown field "extra"');
    expect(() => readRule({ match: 'phrase', pattern: 'x', field: 'authors', action: 'highlight' }, 'r')).toThrow(/author names are not highlighted/);
  });

  it('adds only rules not already there, each once', () => {
    const a = rule({ pattern: 'a' });
    const b = rule({ pattern: 'b' });
    expect(newRules([a], [b, a, { ...b }, rule({ pattern: 'a', action: 'dim' })])).toEqual([b, rule({ pattern: 'a', action: 'dim' })]);
  });

  it('says in words what a rule does', () => {
    expect(describeRule(rule({ pattern: 'diffusion', field: 'title' }))).toBe('Hide cards whose title contains "diffusion"');
    expect(describeRule(rule({ match: 'regex', pattern: '^gan', action: 'highlight', field: 'abstract' }))).toBe('Highlight where a card\'s abstract matches /^gan/');
  });
});

describe('compiling', () => {
  it('refuses a pattern that does not compile, saying why', () => {
    expect(ruleProblem(rule({ match: 'regex', pattern: 'diff(usion' }))).toBe(
      'This regular expression does not compile: missing closing ): `diff(usion`. Paperlight reads RE2 syntax, which runs in linear time: no lookahead, lookbehind or backreferences.',
    );
    expect(ruleProblem(rule({ match: 'regex', pattern: '(?=x)y' }))).toMatch(/^This regular expression does not compile: invalid or unsupported Perl syntax: `\(\?=`/);
    expect(ruleProblem(rule({ match: 'regex', pattern: '(a)\\1' }))).toMatch(/^This regular expression does not compile: invalid escape sequence: `\\1`/);
    expect(ruleProblem(rule({ match: 'regex', pattern: '[z-a]' }))).toMatch(/invalid character class range/);
  });

  it('refuses a pattern that would match every card', () => {
    expect(ruleProblem(rule({ match: 'regex', pattern: 'gan|' }))).toBe('This regular expression also matches empty text, so it would match every card; make it require at least one character.');
    expect(ruleProblem(rule({ match: 'regex', pattern: 'x*' }))).toMatch(/matches empty text/);
  });

  it('refuses a pattern whose program is too large to run on every card', () => {
    expect(ruleProblem(rule({ match: 'regex', pattern: '(\\w+\\s?){400}' }))).toBe(
      'This regular expression is too complex to run on every card (its repeats multiply out too far); make it simpler.',
    );
    expect(ruleProblem(rule({ match: 'regex', pattern: '[a-z]{1000}[a-z]{1000}' }))).toMatch(/too complex/);
    // Repeats nested past RE2's own limit do not even compile.
    expect(ruleProblem(rule({ match: 'regex', pattern: '(?:[a-z]{100}x){30}' }))).toMatch(/does not compile: invalid repeat count/);
    // Fifty alternatives are an ordinary rule.
    const words = Array.from({ length: 50 }, (_, i) => `word${i}`).join('|');
    expect(ruleProblem(rule({ match: 'regex', pattern: `\\b(?:${words})\\b` }))).toBeUndefined();
  });

  it('takes any phrase as it is: its characters are never syntax', () => {
    expect(compileRule(rule({ pattern: '(a+)+$ [x' })).ok).toBe(true);
    expect(run([rule({ pattern: 'C++ (v2)' })], card({ title: 'Porting c++ (V2) code' })).hide).toBe(true);
    expect(run([rule({ pattern: 'C++ (v2)' })], card({ title: 'Porting c+ (v2) code' })).hide).toBe(false);
  });
});

describe('matching', () => {
  it('ignores letter case, and a phrase matches any run of spaces between its words', () => {
    expect(marked([rule({ pattern: 'diffusion model', action: 'highlight' })])).toEqual([
      ['title', 'Diffusion Model'], ['abstract', 'diffusion   model'], ['abstract', 'DIFFUSION model'],
    ]);
  });

  it('looks only in the field a rule names; authors are joined with ", "', () => {
    expect(run([rule({ pattern: 'video', field: 'abstract' })]).hide).toBe(true);
    expect(run([rule({ pattern: 'latent', field: 'abstract' })]).hide).toBe(false);
    expect(run([rule({ pattern: 'lovelace, alan', field: 'authors' })]).hide).toBe(true);
    expect(run([rule({ pattern: 'lovelace, alan', field: 'title' })]).hide).toBe(false);
    expect(run([rule({ pattern: 'turing', field: 'any', action: 'dim' })])).toEqual({ key: 'arxiv:2411.00001', hide: false, dim: true, highlight: [] });
  });

  it('gives offsets in the strings as sent, past accents, CJK and emoji', () => {
    const target = card({ title: '😀 Über 扩散 models 😀 über', abstract: '' });
    expect(run([rule({ pattern: 'über', field: 'title', action: 'highlight' })], target).highlight).toEqual([
      { field: 'title', start: 3, end: 7 }, { field: 'title', start: 21, end: 25 },
    ]);
    expect(marked([rule({ match: 'regex', pattern: '扩散\\s+\\w+', action: 'highlight' })], target)).toEqual([['title', '扩散 models']]);
  });

  it('merges overlapping highlights into one, in text order, title first', () => {
    const rules = [
      rule({ pattern: 'model', action: 'highlight' }),
      rule({ match: 'regex', pattern: 'diffusion\\s+mod', action: 'highlight' }),
      rule({ pattern: 'latent', field: 'title', action: 'highlight' }),
    ];
    expect(marked(rules)).toEqual([
      ['title', 'Latent'], ['title', 'Diffusion Model'], ['abstract', 'diffusion   model'], ['abstract', 'DIFFUSION model'],
    ]);
  });

  it('counts no empty match: a pattern that only matches between characters matches nothing', () => {
    expect(run([rule({ match: 'regex', pattern: '\\b' })])).toMatchObject({ hide: false, highlight: [] });
    expect(run([rule({ match: 'regex', pattern: '\\bvideo\\b' })]).hide).toBe(true);
  });

  it('hides, dims and highlights at once when rules say so', () => {
    const rules = [rule({ pattern: 'turing', field: 'authors' }), rule({ pattern: 'fast', field: 'abstract', action: 'dim' }), rule({ pattern: 'video', action: 'highlight' })];
    expect(run(rules)).toEqual({
      key: 'arxiv:2411.00001', hide: true, dim: true,
      highlight: [{ field: 'title', start: 28, end: 33 }, { field: 'abstract', start: 32, end: 37 }],
    });
  });

  it('answers at once where a backtracking engine would run for ever: (a+)+$ on forty a and !', () => {
    const hostile = rule({ match: 'regex', pattern: '(a+)+$', field: 'any', action: 'highlight' });
    const target = card({ title: `${'a'.repeat(40)}!`, abstract: `${'a'.repeat(100_000)}!` });
    // A backtracking engine takes about 2^40 steps on the title alone: this test would never end.
    expect(run([hostile, { ...hostile, action: 'hide' }], target)).toEqual({ key: target.key, hide: false, dim: false, highlight: [] });
  });

  it('keeps at most 200 ranges per field, however many matches a hostile page holds', () => {
    const result = run([rule({ pattern: 'a', field: 'abstract', action: 'highlight' })], card({ abstract: 'a '.repeat(5000) }));
    expect(result.highlight).toHaveLength(200);
    expect(result.highlight[199]).toEqual({ field: 'abstract', start: 398, end: 399 });
  });
});
