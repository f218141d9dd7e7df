// The built extensions (dist/ for Chrome, dist-firefox/ for Firefox) declare exactly the sites of the adapter
// registry, which manifest.json leaves out, and their popup and options page carry the site list but no
// adapter code. Reads the build output only: no browser is started.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapters } from '../../src/sites';
import { CHROME_DIST, FIREFOX_DIST } from './harness';

interface BuiltManifest {
  content_scripts: Array<{ matches: string[]; js: string[]; run_at: string }>;
  host_permissions: string[];
  permissions: string[];
  optional_host_permissions: string[];
}

/** Every script a page of the build loads: its module scripts and all they import, statically or lazily. */
function pageScripts(dist: string, page: string): string[] {
  const html = readFileSync(path.join(dist, page), 'utf8');
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const [, relative] of code.matchAll(/(?:from\s*|import\s*\(?\s*)["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)) visit(path.resolve(path.dirname(file), relative!));
  };
  for (const [, src] of html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g)) visit(path.join(dist, src!));
  return [...seen];
}

// An adapter object keeps its method names through minification: "findCards" marks adapter code in a bundle.
const ADAPTER_CODE = 'findCards';
const claiming = adapters.filter((adapter) => adapter.matches.length > 0);

describe.each([['Chrome', CHROME_DIST], ['Firefox', FIREFOX_DIST]])('the %s build', (_browser, dist) => {
  const manifest = JSON.parse(readFileSync(path.join(dist, 'manifest.json'), 'utf8')) as BuiltManifest;

  // The site scripts, at document_idle; the shield's entries (document_start) are checked on their own below.
  const siteScripts = manifest.content_scripts.filter((script) => script.run_at !== 'document_start');

  it("has one content script per site, with exactly its adapter's match patterns, in registry order", () => {
    expect(siteScripts.map((script) => script.matches)).toEqual(claiming.map((adapter) => adapter.matches));
    expect(siteScripts.every((script) => script.run_at === 'document_idle')).toBe(true);
  });

  it("runs the shield at document_start wherever a site's script runs, and nothing else then", () => {
    const shields = manifest.content_scripts.filter((script) => script.run_at === 'document_start');
    expect(shields.map((script) => script.matches)).toEqual(claiming.map((adapter) => adapter.matches));
    expect(new Set(shields.map((script) => script.js.join()))).toEqual(new Set(['src/content/shield-entry.js']));
    expect(readFileSync(path.join(dist, 'src/content/shield-entry.js'), 'utf8')).not.toContain(ADAPTER_CODE);
  });

  it("loads each site's own bundle, which holds adapter code", () => {
    for (const [i, script] of siteScripts.entries()) {
      expect(script.js).toEqual([`build/content-scripts/${claiming[i]!.id}.js`]);
      expect(readFileSync(path.join(dist, script.js[0]!), 'utf8')).toContain(ADAPTER_CODE);
    }
  });

  it('asks for host access to exactly the sites it reads, and for any other site only as an option', () => {
    expect([...manifest.host_permissions].sort()).toEqual(claiming.flatMap((adapter) => adapter.matches).sort());
    expect(manifest.permissions).toEqual(['storage', 'scripting', 'downloads', 'alarms']);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  });

  it.each(['src/popup/index.html', 'src/options/index.html'])('%s loads the site list but no adapter code', (page) => {
    const scripts = pageScripts(dist, page);
    expect(scripts.length).toBeGreaterThan(1);
    expect(scripts.every(existsSync)).toBe(true);
    const code = scripts.map((file) => readFileSync(file, 'utf8'));
    expect(code.filter((text) => text.includes(ADAPTER_CODE))).toEqual([]);
    expect(code.some((text) => text.includes('Hugging Face Papers'))).toBe(true);
  });
});
