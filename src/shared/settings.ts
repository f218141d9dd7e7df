// User settings, kept in browser.storage.local (readable by content scripts without a round trip to
// the background, with change events for live updates). Stored values are validated on read:
// anything malformed falls back to the default for that field; a malformed rule is dropped alone.
//
// Whether a rule's pattern compiles is known only to the regular-expression engine, which stays out of content
// scripts (src/core/rules/matcher.ts): the background and the options page pass its check (`ruleProblem`) as
// `checkRule`, so the settings they read hold only rules that compile; a content script reads the rules'
// shape only, and never matches them itself (it asks the background, `matchRules`).
import type Browser from 'webextension-polyfill';
import { extensionApi as browser } from './extension-api';
import { HIGHLIGHT_GROUPS, type HighlightGroup } from '../core/highlight-groups';
import { RULE_LIMITS, readRule, sameRule, type Rule } from '../core/rules/rule';
import { ShapeError } from '../core/validate';

export interface Settings {
  /** Adapter id → enabled. Missing ids are enabled (new sites work out of the box). */
  sites: Record<string, boolean>;
  /** Which metric colours to highlight. */
  highlight: Record<HighlightGroup, boolean>;
  /** Show the in-page filter strip and legend. */
  filterStrip: boolean;
  /** Origins (`https://lab.example.org`) where the generic fallback adapter runs. */
  genericOrigins: string[];
  /** Log what the content script found (cards skipped for want of an id, adapters that found nothing). */
  debug: boolean;
  /** Record every card met on a supported page as seen (the reading memory). */
  readingMemory: boolean;
  /** Dim cards first seen on an earlier day (never a saved card). */
  dimSeen: boolean;
  /** Hide, dim and highlight rules, applied on every site (at most 200). */
  rules: Rule[];
  /** Adapter id → keyboard triage on listing pages. Missing ids are on. */
  keyboard: Record<string, boolean>;
  /** Write a backup file into the downloads folder after the library changes (see src/background/auto-backup.ts). */
  autoBackup: boolean;
  /** At most one automatic backup per this many days. */
  backupIntervalDays: number;
}

/** The automatic backup intervals the options page offers, in days. */
export const BACKUP_INTERVALS = [1, 3, 7] as const;

/** Says why a rule cannot be used, or undefined when it can (see the file comment). */
export type RuleCheck = (rule: Rule) => string | undefined;

export const SETTINGS_KEY = 'paperlight:settings';

export function defaultSettings(): Settings {
  return {
    sites: {},
    highlight: Object.fromEntries(HIGHLIGHT_GROUPS.map((g) => [g, true])) as Record<HighlightGroup, boolean>,
    filterStrip: true,
    genericOrigins: [],
    debug: false,
    readingMemory: true,
    dimSeen: false,
    rules: [],
    keyboard: {},
    autoBackup: true,
    backupIntervalDays: 1,
  };
}

const ORIGIN = /^https?:\/\/[a-z0-9.-]+(?::\d+)?$/i;
const SITE_ID = /^[a-z0-9-]{1,40}$/;

/** Adapter id → boolean, for the ids that look like ids. */
function readSiteSwitches(value: unknown): Record<string, boolean> {
  const switches: Record<string, boolean> = {};
  if (typeof value !== 'object' || value === null) return switches;
  for (const [id, on] of Object.entries(value)) {
    if (SITE_ID.test(id) && typeof on === 'boolean') switches[id] = on;
  }
  return switches;
}

/** The stored rules that are well formed (and pass `checkRule`), each once, at most RULE_LIMITS.rules. */
export function readRules(value: unknown, checkRule?: RuleCheck): Rule[] {
  if (!Array.isArray(value)) return [];
  const rules: Rule[] = [];
  for (const [i, item] of value.entries()) {
    if (rules.length === RULE_LIMITS.rules) break;
    let rule: Rule;
    try {
      rule = readRule(item, `rules[${i}]`);
    } catch (error) {
      if (error instanceof ShapeError) continue;
      throw error;
    }
    if (checkRule?.(rule) !== undefined || rules.some((other) => sameRule(other, rule))) continue;
    rules.push(rule);
  }
  return rules;
}

/** Coerces an untrusted stored value into Settings, field by field. */
export function normalizeSettings(raw: unknown, checkRule?: RuleCheck): Settings {
  const settings = defaultSettings();
  if (typeof raw !== 'object' || raw === null) return settings;
  const value = raw as Partial<Record<keyof Settings, unknown>>;
  settings.sites = readSiteSwitches(value.sites);
  if (typeof value.highlight === 'object' && value.highlight !== null) {
    const highlight = value.highlight as Record<string, unknown>;
    for (const group of HIGHLIGHT_GROUPS) {
      if (typeof highlight[group] === 'boolean') settings.highlight[group] = highlight[group] as boolean;
    }
  }
  if (typeof value.filterStrip === 'boolean') settings.filterStrip = value.filterStrip;
  if (Array.isArray(value.genericOrigins)) {
    settings.genericOrigins = value.genericOrigins.filter((o): o is string => typeof o === 'string' && ORIGIN.test(o)).slice(0, 200);
  }
  if (typeof value.debug === 'boolean') settings.debug = value.debug;
  if (typeof value.readingMemory === 'boolean') settings.readingMemory = value.readingMemory;
  if (typeof value.dimSeen === 'boolean') settings.dimSeen = value.dimSeen;
  settings.rules = readRules(value.rules, checkRule);
  settings.keyboard = readSiteSwitches(value.keyboard);
  if (typeof value.autoBackup === 'boolean') settings.autoBackup = value.autoBackup;
  if ((BACKUP_INTERVALS as readonly unknown[]).includes(value.backupIntervalDays)) settings.backupIntervalDays = value.backupIntervalDays as number;
  return settings;
}

export function siteEnabled(settings: Settings, adapterId: string): boolean {
  return settings.sites[adapterId] ?? true;
}

/** Keyboard triage is on for `adapterId` unless switched off. */
export function keyboardEnabled(settings: Settings, adapterId: string): boolean {
  return settings.keyboard[adapterId] ?? true;
}

export async function loadSettings(checkRule?: RuleCheck): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return normalizeSettings(stored[SETTINGS_KEY], checkRule);
}

export async function saveSettings(settings: Settings, checkRule?: RuleCheck): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: normalizeSettings(settings, checkRule) });
}

/** Calls `listener` with the new settings whenever they change (in any tab or page). */
export function onSettingsChange(listener: (settings: Settings) => void, checkRule?: RuleCheck): () => void {
  const handler = (changes: Record<string, Browser.Storage.StorageChange>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) listener(normalizeSettings(changes[SETTINGS_KEY]!.newValue, checkRule));
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
