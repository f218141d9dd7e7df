// What the build derives from the adapter registry: the manifest's site entries and the site list of the
// popup and options page. The built manifests themselves are checked in test/e2e/manifest.e2e.test.ts.
import { describe, expect, it } from 'vitest';
import { SITE_NAMES, SITES } from '../../../src/shared/sites';
import { adapters } from '../../../src/sites';
import { manifestSiteEntries, siteListPlugin, siteSummaries, SITE_LIST_MODULE } from '../../../src/sites/build-outputs';
import type { SiteAdapter } from '../../../src/sites/types';

const adapter = (id: string, name: string, matches: string[]): SiteAdapter => ({
  id, name, matches, findCards: () => [], readCard: () => undefined, selectors: {},
});
const REGISTRY = [
  adapter('papers', 'Papers', ['https://papers.example.org/list/*', 'https://papers.example.org/abs/*']),
  adapter('mirror', 'Mirror', ['https://*.mirror.example.org/abs/*', 'https://papers.example.org/abs/*']),
  adapter('generic', 'Other pages (generic)', []),
];

describe('manifestSiteEntries', () => {
  it('gives each site that claims URLs its own content script, and host permissions for all its patterns once', () => {
    expect(manifestSiteEntries(REGISTRY, (a) => `build/content-scripts/${a.id}.ts`)).toEqual({
      content_scripts: [
        { matches: ['https://papers.example.org/list/*', 'https://papers.example.org/abs/*'], js: ['build/content-scripts/papers.ts'], run_at: 'document_idle' },
        { matches: ['https://*.mirror.example.org/abs/*', 'https://papers.example.org/abs/*'], js: ['build/content-scripts/mirror.ts'], run_at: 'document_idle' },
      ],
      host_permissions: ['https://papers.example.org/list/*', 'https://papers.example.org/abs/*', 'https://*.mirror.example.org/abs/*'],
    });
  });

  it('covers every registered site but the generic fallback, with exactly its patterns', () => {
    const { content_scripts, host_permissions } = manifestSiteEntries(adapters, (a) => a.id);
    const claiming = adapters.filter((a) => a.id !== 'generic');
    expect(content_scripts.map((script) => [script.js, script.matches])).toEqual(claiming.map((a) => [[a.id], a.matches]));
    expect(new Set(host_permissions)).toEqual(new Set(claiming.flatMap((a) => a.matches)));
    expect(host_permissions).toContain('https://huggingface.co/papers*');
    expect(host_permissions).toContain('https://scholar.google.com.tw/scholar?*');
  });
});

describe('the site list', () => {
  it('summarises each site by id, name and match patterns, generic included', () => {
    expect(siteSummaries(REGISTRY)).toEqual([
      { id: 'papers', name: 'Papers', matches: ['https://papers.example.org/list/*', 'https://papers.example.org/abs/*'] },
      { id: 'mirror', name: 'Mirror', matches: ['https://*.mirror.example.org/abs/*', 'https://papers.example.org/abs/*'] },
      { id: 'generic', name: 'Other pages (generic)', matches: [] },
    ]);
  });

  it('is served as a module by the plugin the build and vitest use', async () => {
    const plugin = siteListPlugin(REGISTRY.slice(0, 1));
    const call = <T,>(hook: unknown, ...args: unknown[]) => (hook as (...a: unknown[]) => T).apply({}, args);
    const resolved = call<string>(plugin.resolveId, SITE_LIST_MODULE, undefined, {});
    expect(resolved).toBe('\0virtual:paperlight/site-list');
    expect(call(plugin.resolveId, './other', undefined, {})).toBeUndefined();
    expect(call(plugin.load, resolved)).toBe(
      'export const sites = [{"id":"papers","name":"Papers","matches":["https://papers.example.org/list/*","https://papers.example.org/abs/*"]}];\n',
    );
  });

  it('is what the popup and options page import: the registry in order, names by id', () => {
    expect(SITES.map((site) => site.id)).toEqual(adapters.map((a) => a.id));
    expect(SITES.find((site) => site.id === 'arxiv')).toEqual({
      id: 'arxiv', name: 'arXiv', matches: ['https://arxiv.org/list/*', 'https://arxiv.org/abs/*', 'https://arxiv.org/search/*'],
    });
    expect(SITE_NAMES.get('huggingface')).toBe('Hugging Face Papers');
    expect(SITE_NAMES.get('generic')).toBe('Other pages (generic)');
  });
});
