// @vitest-environment node
// Rules as stored in the settings and run by the background's `matchRules`: settings read from storage keep only
// well-formed rules (and, where the engine is at hand, only rules that compile); the background compiles the
// rules once per change of the settings and answers each card in the order sent.
import { describe, expect, it } from 'vitest';
import { createDbOpener } from '../../../src/background/db';
import { createMessageHandler, type Sender } from '../../../src/background/handler';
import { SettingsCache, memorySettingsStore } from '../../../src/background/settings';
import { ruleProblem } from '../../../src/core/rules/matcher';
import type { Rule } from '../../../src/core/rules/rule';
import { defaultSettings, keyboardEnabled, normalizeSettings } from '../../../src/shared/settings';
import type { AnyReply, MatchRulesReply, RuleCardText } from '../../../src/shared/messages';
import { uniqueDbName } from '../store/helpers';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${EXTENSION_ID}/`;
const TAB: Sender = { id: EXTENSION_ID, url: 'https://arxiv.org/list/cs.LG/new', tab: { id: 4 } };
const hide = (pattern: string, fields: Partial<Rule> = {}): Rule => ({ match: 'phrase', pattern, field: 'any', action: 'hide', ...fields });
const broken: Rule = { match: 'regex', pattern: 'diff(usion', field: 'title', action: 'hide' };

describe('rules in the settings', () => {
  it('are empty by default, with the reading memory on, dimming off and keyboard triage on everywhere', () => {
    const settings = defaultSettings();
    expect(settings).toMatchObject({ rules: [], readingMemory: true, dimSeen: false, keyboard: {} });
    expect(keyboardEnabled(normalizeSettings({ keyboard: { arxiv: false, 'Bad Id!': false, acl: 'no' } }), 'arxiv')).toBe(false);
    expect(normalizeSettings({ keyboard: { arxiv: false, 'Bad Id!': false, acl: 'no' } }).keyboard).toEqual({ arxiv: false });
    expect(keyboardEnabled(defaultSettings(), 'huggingface')).toBe(true);
    expect(normalizeSettings({ readingMemory: 'yes', dimSeen: 1 })).toMatchObject({ readingMemory: true, dimSeen: false });
  });

  it('drop a malformed rule alone, and a rule met twice, keeping at most 200', () => {
    const stored = { rules: [hide('a'), { match: 'glob', pattern: 'x', field: 'any', action: 'hide' }, hide('a'), 'junk', hide('b')] };
    expect(normalizeSettings(stored).rules).toEqual([hide('a'), hide('b')]);
    const many = Array.from({ length: 250 }, (_, i) => hide(`word ${i}`));
    expect(normalizeSettings({ rules: many }).rules).toEqual(many.slice(0, 200));
  });

  it('drop a rule that does not compile where the engine checks them (background, options page)', () => {
    const stored = { rules: [hide('a'), broken, hide('b')] };
    expect(normalizeSettings(stored, ruleProblem).rules).toEqual([hide('a'), hide('b')]);
    // A content script reads the shape only: it never runs a rule itself.
    expect(normalizeSettings(stored).rules).toEqual([hide('a'), broken, hide('b')]);
  });
});

describe('the compiled rules follow the settings', () => {
  it('compiles once per change, and again after a change', async () => {
    const store = memorySettingsStore({ rules: [hide('gan')] });
    const cache = new SettingsCache(store);
    const first = await cache.compiledRules();
    expect(first.map((compiled) => compiled.rule)).toEqual([hide('gan')]);
    expect(await cache.compiledRules()).toBe(first);
    await store.save({ ...store.current(), rules: [hide('vae'), broken] });
    const second = await cache.compiledRules();
    expect(second).not.toBe(first);
    expect(second.map((compiled) => compiled.rule)).toEqual([hide('vae')]);
  });
});

describe('matchRules', () => {
  const cards: RuleCardText[] = [
    { key: 'arxiv:2411.00001', title: 'A GAN for faces', abstract: '', authors: ['Ada Lovelace'] },
    { key: 'arxiv:2411.00002', title: 'Diffusion for faces', abstract: 'No adversaries here.', authors: [] },
  ];

  function handlerWith(rules: Rule[]) {
    const settings = memorySettingsStore({ rules });
    const handle = createMessageHandler({
      db: createDbOpener(uniqueDbName()), extensionId: EXTENSION_ID, extensionBaseUrl: BASE, appVersion: '0.1.0',
      broadcast: () => undefined, settings,
    });
    return { settings, handle: (raw: unknown) => handle(raw, TAB) as Promise<AnyReply> };
  }

  it('answers each card in the order sent, from a content script', async () => {
    const { handle } = handlerWith([hide('gan', { field: 'title' }), { match: 'regex', pattern: 'advers\\w+', field: 'abstract', action: 'highlight' }]);
    expect(await handle({ type: 'matchRules', cards })).toEqual({
      ok: true,
      results: [
        { key: 'arxiv:2411.00001', hide: true, dim: false, highlight: [] },
        { key: 'arxiv:2411.00002', hide: false, dim: false, highlight: [{ field: 'abstract', start: 3, end: 14 }] },
      ],
    });
  });

  it('follows a change of the rules at once', async () => {
    const { settings, handle } = handlerWith([hide('gan')]);
    expect(await handle({ type: 'matchRules', cards })).toMatchObject({ results: [{ hide: true }, { hide: false }] });
    await settings.save({ ...settings.current(), rules: [hide('faces', { action: 'dim' })] });
    expect(await handle({ type: 'matchRules', cards })).toMatchObject({ results: [{ hide: false, dim: true }, { hide: false, dim: true }] });
  });

  it('answers at once with (a+)+$ on forty a and !, the pattern that makes a backtracking engine run for ever', async () => {
    const { handle } = handlerWith([{ match: 'regex', pattern: '(a+)+$', field: 'any', action: 'hide' }]);
    const hostile = Array.from({ length: 2000 }, (_, i) => ({ key: `arxiv:2411.${String(i).padStart(5, '0')}`, title: `${'a'.repeat(40)}!`, abstract: `${'a'.repeat(40)}!`, authors: [`${'a'.repeat(40)}!`] }));
    const reply = await handle({ type: 'matchRules', cards: hostile });
    expect(reply.ok).toBe(true);
    expect((reply as MatchRulesReply).results.every((result) => !result.hide)).toBe(true);
  });

  it('refuses a malformed batch, naming the place', async () => {
    const { handle } = handlerWith([]);
    expect(await handle({ type: 'matchRules', cards: [{ key: 'arxiv:2411.00001', title: 'x', authors: [] }] })).toEqual({
      ok: false, error: 'Invalid "matchRules" message: cards[0].abstract: expected a string.',
    });
    expect(await handle({ type: 'matchRules', cards: Array.from({ length: 2001 }, () => cards[0]) })).toEqual({
      ok: false, error: 'Invalid "matchRules" message: cards: too many entries (2001; at most 2000).',
    });
  });
});
