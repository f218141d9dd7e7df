// The built-in sites (id, name, match patterns) for the popup and options page. The list is generated at
// build time from the adapter registry (src/sites/index.ts, see src/sites/build-outputs.ts), so these pages
// carry no adapter code and adding a site stays one registry line.
import { sites } from 'virtual:paperlight/site-list';

/** A registered site as the popup and options page show it. */
export interface SiteSummary {
  id: string;
  name: string;
  /** The pages it reads, as match patterns (the options page shows their hosts); none for the generic fallback. */
  matches: readonly string[];
}

/** Every registered site in registry order, the generic fallback last. */
export const SITES: readonly SiteSummary[] = sites;

/** Site id → its name ("arxiv" → "arXiv"). */
export const SITE_NAMES: ReadonlyMap<string, string> = new Map(sites.map((site) => [site.id, site.name]));
