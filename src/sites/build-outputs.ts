// What the build derives from the adapter registry (index.ts), so that a site is declared in one place:
// the manifest's per-site content scripts and host permissions (vite.config.ts puts them into both
// manifests), and the site list module that the popup and options page import instead of the adapters
// (names and match patterns without any adapter code). Vitest resolves that module with the same plugin.
import type { Plugin } from 'vite';
import type { SiteSummary } from '../shared/sites';
import { adapters } from './index';
import type { SiteAdapter } from './types';

export interface SiteContentScript {
  matches: string[];
  js: string[];
  run_at: 'document_idle';
}

export interface ShieldContentScript {
  matches: string[];
  js: string[];
  run_at: 'document_start';
}

/**
 * The manifest's site entries: one content script per site that claims pages by URL (its own bundle,
 * `entryOf(adapter)`), and host permissions for exactly those pages. Host permissions let the background
 * find the tabs the content scripts run in; the generic fallback claims no URL and asks for its sites
 * at run time (`optional_host_permissions`).
 */
export function manifestSiteEntries(
  registry: readonly SiteAdapter[],
  entryOf: (adapter: SiteAdapter) => string,
): { content_scripts: SiteContentScript[]; host_permissions: string[] } {
  const claiming = registry.filter((adapter) => adapter.matches.length > 0);
  return {
    content_scripts: claiming.map((adapter) => ({ matches: [...adapter.matches], js: [entryOf(adapter)], run_at: 'document_idle' })),
    host_permissions: [...new Set(claiming.flatMap((adapter) => adapter.matches))],
  };
}

/**
 * The shield's content script (src/content/shield-entry.ts, its file `shieldEntry`) wherever a site's script runs:
 * one entry per site that claims pages by URL, with its match patterns, at document_start, so that its listeners
 * on the page's window come before any of the page's (docs/content-script.md, "What the page can tell").
 */
export function manifestShieldEntries(registry: readonly SiteAdapter[], shieldEntry: string): ShieldContentScript[] {
  return registry
    .filter((adapter) => adapter.matches.length > 0)
    .map((adapter) => ({ matches: [...adapter.matches], js: [shieldEntry], run_at: 'document_start' }));
}

/** Every registered site, the generic fallback included (the popup names the site a paper was saved from). */
export function siteSummaries(registry: readonly SiteAdapter[]): SiteSummary[] {
  return registry.map(({ id, name, matches }) => ({ id, name, matches: [...matches] }));
}

/** The id src/shared/sites.ts imports the site list by. */
export const SITE_LIST_MODULE = 'virtual:paperlight/site-list';
const RESOLVED_SITE_LIST = `\0${SITE_LIST_MODULE}`;

/** Serves SITE_LIST_MODULE: `export const sites = [...]`, the summaries of the registry. */
export function siteListPlugin(registry: readonly SiteAdapter[] = adapters): Plugin {
  return {
    name: 'paperlight-site-list',
    resolveId: (id) => (id === SITE_LIST_MODULE ? RESOLVED_SITE_LIST : undefined),
    load: (id) => (id === RESOLVED_SITE_LIST ? `export const sites = ${JSON.stringify(siteSummaries(registry))};\n` : undefined),
  };
}
