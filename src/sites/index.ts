// The adapter registry: adding a site is one line here (plus its file and fixtures).
import type { SiteAdapter } from './types';
import { urlMatches } from './match-pattern';

export type { SiteAdapter, PaperCard } from './types';

export const adapters: readonly SiteAdapter[] = [];

/** The adapter whose match patterns claim `url`, if any. */
export function adapterFor(url: string): SiteAdapter | undefined {
  return adapters.find((adapter) => adapter.matches.some((pattern) => urlMatches(url, pattern)));
}
