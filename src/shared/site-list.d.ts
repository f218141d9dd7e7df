// The site list module, served at build time (and in vitest) by siteListPlugin in src/sites/build-outputs.ts.
// Its entries are SiteSummary (src/shared/sites.ts), which assigns them to that type.
declare module 'virtual:paperlight/site-list' {
  export const sites: ReadonlyArray<{ id: string; name: string; matches: readonly string[] }>;
}
