// The generic fallback adapter runs only on origins the user enabled on the options page (which also
// asked the browser for that origin's permission). The content script is registered for exactly
// those origins at run time, and re-registered whenever the setting changes, with the shield beside it (at
// document_start, before the page's scripts: docs/content-script.md, "What the page can tell").
import browser from 'webextension-polyfill';
import genericContentScript from '../content/generic-entry.ts?script';
import shieldContentScript from '../content/shield-entry.ts?script';
import { SETTINGS_KEY, normalizeSettings } from '../shared/settings';

export const GENERIC_SCRIPT_ID = 'paperlight-generic';
export const GENERIC_SHIELD_ID = 'paperlight-generic-shield';

/** Origins we may run on: enabled in the settings and granted by the user. */
async function grantedOrigins(origins: readonly string[]): Promise<string[]> {
  const granted: string[] = [];
  for (const origin of origins) {
    if (await browser.permissions.contains({ origins: [`${origin}/*`] })) granted.push(origin);
  }
  return granted;
}

export async function syncGenericSites(): Promise<string[]> {
  if (!browser.scripting?.registerContentScripts) return [];
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  const origins = await grantedOrigins(normalizeSettings(stored[SETTINGS_KEY]).genericOrigins);
  const ids = [GENERIC_SHIELD_ID, GENERIC_SCRIPT_ID];
  const existing = await browser.scripting.getRegisteredContentScripts({ ids });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: existing.map((script) => script.id) });
  if (origins.length) {
    const matches = origins.map((origin) => `${origin}/*`);
    await browser.scripting.registerContentScripts([
      { id: GENERIC_SHIELD_ID, matches, js: [shieldContentScript], runAt: 'document_start', persistAcrossSessions: true },
      { id: GENERIC_SCRIPT_ID, matches, js: [genericContentScript], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
  return origins;
}

/** Keeps the registration in step with the settings and the granted permissions. */
export function watchGenericSites(): void {
  const sync = () => void syncGenericSites().catch((error) => console.warn('[Paperlight] generic sites:', error));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) sync();
  });
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  browser.runtime.onInstalled.addListener(sync);
  browser.runtime.onStartup.addListener(sync);
}
