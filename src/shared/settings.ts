// User settings, kept in browser.storage.local (readable by content scripts without a round trip to
// the background, with change events for live updates). Stored values are validated on read:
// anything malformed falls back to the default for that field.
import type Browser from 'webextension-polyfill';
import { extensionApi as browser } from './extension-api';
import { HIGHLIGHT_GROUPS, type HighlightGroup } from '../core/highlight-groups';

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
}

export const SETTINGS_KEY = 'paperlight:settings';

export function defaultSettings(): Settings {
  return {
    sites: {},
    highlight: Object.fromEntries(HIGHLIGHT_GROUPS.map((g) => [g, true])) as Record<HighlightGroup, boolean>,
    filterStrip: true,
    genericOrigins: [],
    debug: false,
  };
}

const ORIGIN = /^https?:\/\/[a-z0-9.-]+(?::\d+)?$/i;

/** Coerces an untrusted stored value into Settings, field by field. */
export function normalizeSettings(raw: unknown): Settings {
  const settings = defaultSettings();
  if (typeof raw !== 'object' || raw === null) return settings;
  const value = raw as Partial<Record<keyof Settings, unknown>>;
  if (typeof value.sites === 'object' && value.sites !== null) {
    for (const [id, on] of Object.entries(value.sites)) {
      if (/^[a-z0-9-]{1,40}$/.test(id) && typeof on === 'boolean') settings.sites[id] = on;
    }
  }
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
  return settings;
}

export function siteEnabled(settings: Settings, adapterId: string): boolean {
  return settings.sites[adapterId] ?? true;
}

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return normalizeSettings(stored[SETTINGS_KEY]);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: normalizeSettings(settings) });
}

/** Calls `listener` with the new settings whenever they change (in any tab or page). */
export function onSettingsChange(listener: (settings: Settings) => void): () => void {
  const handler = (changes: Record<string, Browser.Storage.StorageChange>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) listener(normalizeSettings(changes[SETTINGS_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
