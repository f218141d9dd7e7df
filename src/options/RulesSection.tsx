// Hide, dim and highlight rules: the list, and a form to add one. A rule is checked before it is saved: a pattern
// the regular-expression engine refuses is explained in its words and nothing is saved.
import { useState } from 'preact/hooks';
import { ruleProblem } from '../core/rules/matcher';
import {
  RULE_LIMITS, describeRule, readRule, sameRule, type Rule, type RuleAction, type RuleField, type RuleMatch,
} from '../core/rules/rule';
import { ShapeError } from '../core/validate';
import type { Settings } from '../shared/settings';

interface RulesSectionProps {
  settings: Settings;
  update(change: (settings: Settings) => Settings): void;
}

const ACTIONS: ReadonlyArray<[RuleAction, string]> = [['hide', 'Hide'], ['dim', 'Dim'], ['highlight', 'Highlight']];
const FIELDS: ReadonlyArray<[RuleField, string]> = [['title', 'title'], ['abstract', 'abstract'], ['authors', 'author list'], ['any', 'title, abstract or authors']];
const MATCHES: ReadonlyArray<[RuleMatch, string]> = [['phrase', 'contains the phrase'], ['regex', 'matches the regular expression']];

/** Why the rule cannot be added, in words for the person writing it; undefined when it can. */
export function ruleRefusal(rule: Rule, existing: readonly Rule[]): string | undefined {
  try {
    readRule(rule, 'rule');
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error;
    if (rule.pattern.trim() === '') return 'Write a phrase or a regular expression first.';
    if (rule.pattern.length > RULE_LIMITS.pattern) return `A pattern can have at most ${RULE_LIMITS.pattern} characters (this one has ${rule.pattern.length}).`;
    if (rule.action === 'highlight' && rule.field === 'authors') return 'Author names are not highlighted: choose Hide or Dim, or look in the title or the abstract.';
    return error.message;
  }
  const problem = ruleProblem(rule);
  if (problem !== undefined) return problem;
  if (existing.some((other) => sameRule(other, rule))) return 'This rule is already on the list.';
  if (existing.length >= RULE_LIMITS.rules) return `You have ${RULE_LIMITS.rules} rules, the most Paperlight keeps: remove one first.`;
  return undefined;
}

export function RulesSection({ settings, update }: RulesSectionProps) {
  const [draft, setDraft] = useState<Rule>({ match: 'phrase', pattern: '', field: 'title', action: 'hide' });
  const [message, setMessage] = useState<{ text: string; kind: 'error' | 'info' } | null>(null);

  const change = (fields: Partial<Rule>) => {
    setDraft((current) => ({ ...current, ...fields }));
    setMessage(null);
  };

  const add = (event: SubmitEvent) => {
    event.preventDefault();
    // The form's own values: a submit can come before the last change re-rendered.
    const form = (event.currentTarget as HTMLFormElement).elements;
    const value = (name: string) => (form.namedItem(name) as HTMLInputElement | HTMLSelectElement).value;
    const rule = { match: value('match'), pattern: value('pattern'), field: value('field'), action: value('action') } as Rule;
    const refusal = ruleRefusal(rule, settings.rules);
    if (refusal !== undefined) {
      setMessage({ text: refusal, kind: 'error' });
      return;
    }
    update((current) => ({ ...current, rules: [...current.rules, rule] }));
    setDraft({ ...rule, pattern: '' });
    setMessage({ text: `Added: ${describeRule(rule)}.`, kind: 'info' });
  };

  const remove = (rule: Rule) => {
    update((current) => ({ ...current, rules: current.rules.filter((other) => !sameRule(other, rule)) }));
    setMessage({ text: `Removed: ${describeRule(rule)}.`, kind: 'info' });
  };

  return (
    <section class="card" aria-labelledby="rules-title">
      <h2 id="rules-title">Hide, dim and highlight rules</h2>
      <p class="muted">
        Applied to every card on every site, letter case ignored. A phrase matches its words as written, however
        they are spaced. A regular expression follows RE2's syntax (no lookahead or backreferences), which always
        runs in time proportional to the text: no rule can slow a page down. A hidden card leaves a one-line note
        on the page, with a button to show it.
      </p>
      <form class="rule-form" aria-label="Add a rule" onSubmit={add}>
        <label>
          <span class="rule-form-label">Action</span>
          <select name="action" value={draft.action} onChange={(event) => change({ action: event.currentTarget.value as RuleAction })}>
            {ACTIONS.map(([value, label]) => (
              <option key={value} value={value} disabled={value === 'highlight' && draft.field === 'authors'}>{label}</option>
            ))}
          </select>
        </label>
        <label>
          <span class="rule-form-label">Where</span>
          <select name="field" value={draft.field} onChange={(event) => change({ field: event.currentTarget.value as RuleField })}>
            {FIELDS.map(([value, label]) => (
              <option key={value} value={value} disabled={value === 'authors' && draft.action === 'highlight'}>{label}</option>
            ))}
          </select>
        </label>
        <label>
          <span class="rule-form-label">Kind</span>
          <select name="match" value={draft.match} onChange={(event) => change({ match: event.currentTarget.value as RuleMatch })}>
            {MATCHES.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </label>
        <label class="rule-pattern">
          <span class="rule-form-label">Pattern</span>
          <input
            name="pattern"
            type="text"
            autoComplete="off"
            spellcheck={false}
            maxLength={RULE_LIMITS.pattern}
            placeholder={draft.match === 'phrase' ? 'diffusion model' : '\\bGANs?\\b'}
            value={draft.pattern}
            onInput={(event) => change({ pattern: event.currentTarget.value })}
          />
        </label>
        <button type="submit" class="button primary">Add rule</button>
      </form>
      {message && <p class={`form-message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
      {settings.rules.length === 0 ? (
        <p class="muted empty-list">No rules yet.</p>
      ) : (
        <ul class="rule-list" aria-labelledby="rules-title">
          {settings.rules.map((rule) => {
            const text = describeRule(rule);
            return (
              <li key={`${rule.action}|${rule.field}|${rule.match}|${rule.pattern}`}>
                <span class={`rule-action rule-${rule.action}`}>{rule.action}</span>
                <span class="rule-text">{text}</span>
                <button type="button" class="button quiet danger-text" aria-label={`Remove the rule: ${text}`} onClick={() => remove(rule)}>Remove</button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
