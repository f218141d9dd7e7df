// A hide, dim or highlight rule: what the user writes on the options page, kept in the settings and carried by
// backups. This module only knows the rule's shape; whether a pattern compiles, and matching, are in
// matcher.ts (which carries the regular-expression engine, and so never enters a content script).
import { ShapeError, quote, readChoice, readObject, readString } from '../validate';

export type RuleMatch = 'phrase' | 'regex';
export type RuleField = 'title' | 'abstract' | 'authors' | 'any';
export type RuleAction = 'hide' | 'dim' | 'highlight';

export interface Rule {
  /** `phrase`: the words as written (letter case and the width of spaces aside); `regex`: an RE2 regular expression. */
  match: RuleMatch;
  pattern: string;
  /** Where the pattern is looked for: `authors` is the author list joined with ", "; `any` is all three. */
  field: RuleField;
  action: RuleAction;
}

export const RULE_MATCHES: readonly RuleMatch[] = ['phrase', 'regex'];
export const RULE_FIELDS: readonly RuleField[] = ['title', 'abstract', 'authors', 'any'];
export const RULE_ACTIONS: readonly RuleAction[] = ['hide', 'dim', 'highlight'];

export const RULE_LIMITS = {
  rules: 200,
  pattern: 500,
} as const;

/** The rule's fields in the order settings and backups write them. */
export const RULE_FIELDS_ORDER = ['match', 'pattern', 'field', 'action'] as const;

/** The rule's shape (not whether its pattern compiles: see `ruleProblem` in matcher.ts). Throws ShapeError. */
export function readRule(value: unknown, path: string): Rule {
  const raw = readObject(value, path, RULE_FIELDS_ORDER);
  const rule: Rule = {
    match: readChoice(raw.match, `${path}.match`, RULE_MATCHES),
    pattern: readString(raw.pattern, `${path}.pattern`, RULE_LIMITS.pattern, { empty: false }),
    field: readChoice(raw.field, `${path}.field`, RULE_FIELDS),
    action: readChoice(raw.action, `${path}.action`, RULE_ACTIONS),
  };
  // Highlights are drawn in the title and the abstract; an author list is not highlighted.
  if (rule.action === 'highlight' && rule.field === 'authors') {
    throw new ShapeError(`${path}: a highlight rule looks in the title, the abstract or any field (author names are not highlighted)`);
  }
  return rule;
}

/** Whether two rules are the same rule (a backup merge adds only rules not already there). */
export function sameRule(a: Rule, b: Rule): boolean {
  return a.match === b.match && a.pattern === b.pattern && a.field === b.field && a.action === b.action;
}

/** The rules of `incoming` that `existing` does not hold yet, each once, in their order. */
export function newRules(existing: readonly Rule[], incoming: readonly Rule[]): Rule[] {
  const added: Rule[] = [];
  for (const rule of incoming) {
    if (!existing.some((other) => sameRule(other, rule)) && !added.some((other) => sameRule(other, rule))) added.push(rule);
  }
  return added;
}

/** "Hide cards whose title contains “diffusion”": the rule in words, for lists and messages. */
export function describeRule(rule: Rule): string {
  const where = { title: 'title', abstract: 'abstract', authors: 'author list', any: 'title, abstract or authors' }[rule.field];
  const what = rule.match === 'phrase' ? `contains ${quote(rule.pattern)}` : `matches /${rule.pattern.length > 40 ? `${rule.pattern.slice(0, 40)}…` : rule.pattern}/`;
  const verb = { hide: 'Hide cards', dim: 'Dim cards', highlight: 'Highlight where a card' }[rule.action];
  return rule.action === 'highlight' ? `${verb}'s ${where} ${what}` : `${verb} whose ${where} ${what}`;
}
