// The adapter contract: every adapter registered once, claims its sample URLs (and only it does), and
// is declared nowhere else: manifest.json names no site (the build adds each adapter's content script
// and host permissions, see build-outputs.test.ts and test/e2e/manifest.e2e.test.ts).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterFor, adapters } from '../../../src/sites';
import { urlMatches } from '../../../src/sites/match-pattern';
import { SAMPLE_URLS } from './sample-urls';

const SITES_DIR = path.resolve(import.meta.dirname, '../../../src/sites');
const manifestSource = readFileSync(path.resolve(SITES_DIR, '../../manifest.json'), 'utf8');
const NOT_ADAPTERS = new Set(['index.ts', 'types.ts', 'match-pattern.ts', 'build-outputs.ts']);

// URLs of supported hosts and elsewhere that are not paper listings or paper pages.
const UNRELATED_URLS = [
  'https://huggingface.co/',
  'https://huggingface.co/models',
  'https://huggingface.co/datasets/allenai/c4',
  'https://huggingface.co/docs/transformers/index',
  'https://arxiv.org/',
  'https://arxiv.org/help/api',
  'https://openreview.net/profile?id=~Yoshua_Bengio1',
  'https://github.com/facebookresearch/segment-anything',
  'https://www.google.com/search?q=arxiv',
  'https://example.com/papers/2401.00001',
  'https://scholar.google.com/citations?user=JicYPdAAAAAJ',
  'https://www.semanticscholar.org/',
  'https://aclanthology.org/faq/',
  'https://proceedings.mlr.press/',
  'https://scholar.google.com/',
  'https://scholar.google.de/citations?view_op=search_authors&mauthors=bengio',
  'https://www.semanticscholar.org/me/library',
  'https://aclanthology.org/people/smaranda-muresan/',
  'https://openaccess.thecvf.com/menu',
  'https://proceedings.neurips.cc/',
  'https://neurips.cc/virtual/2023/papers.html',
  'https://arxiv.org/pdf/2108.10257',
  'https://arxiv.org/html/2108.10257v1',
  'https://export.arxiv.org/api/query?search_query=all:llm',
  'https://openreview.net/pdf?id=GiHo83ozsF',
  'https://openreview.net/venues',
  'https://www.alphaxiv.org/',
  'https://huggingface.co/spaces/akhaliq/papers',
  'http://huggingface.co/papers',
  'https://proceedings.mlr.press/v235/abad-rocamora24a/abad-rocamora24a.pdf',
  'https://aclanthology.org/P18-1007.pdf',
  'https://dblp.org/',
  'https://dblp.org/faq/index.html',
  'https://dblp.org/rec/conf/icml/AchituveDNCF24.html',
  'https://www.biorxiv.org/',
  'https://connect.biorxiv.org/relate/content/181',
  'https://www.medrxiv.org/about-medrxiv',
];

describe('adapter registry', () => {
  it('registers every adapter file exactly once, with a unique id equal to its file name', () => {
    const files = readdirSync(SITES_DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !NOT_ADAPTERS.has(f));
    expect(adapters.map((a) => `${a.id}.ts`).sort()).toEqual(files.sort());
    expect(new Set(adapters.map((a) => a.id)).size).toBe(adapters.length);
  });

  it.each(adapters.map((a) => [a.id, a] as const))('%s is exported under its id from src/sites/%s.ts', async (id, adapter) => {
    // The build makes one content script per site by importing `{ <id> }` from the adapter's file.
    // eslint-disable-next-line no-unsanitized/method -- an adapter id of our own registry
    const module = (await import(`../../../src/sites/${id}.ts`)) as Record<string, unknown>;
    expect(module[id]).toBe(adapter);
  });

  it.each(adapters.map((a) => [a.id, a] as const))('%s has a name, match patterns and sample URLs', (_id, adapter) => {
    expect(adapter.name.length).toBeGreaterThan(0);
    if (adapter.id !== 'generic') expect(adapter.matches.length).toBeGreaterThan(0);
    expect(SAMPLE_URLS[adapter.id]?.length).toBeGreaterThan(0);
  });

  it.each(adapters.flatMap((a) => (SAMPLE_URLS[a.id] ?? []).map((url) => [a.id, url] as const)))(
    '%s is the one adapter that claims %s',
    (id, url) => {
      const claimants = adapters.filter((a) => a.matches.some((pattern) => urlMatches(url, pattern)));
      // The generic fallback claims nothing by URL: it is enabled per site at run time.
      expect(claimants.map((a) => a.id)).toEqual(id === 'generic' ? [] : [id]);
    },
  );

  it.each(UNRELATED_URLS)('no adapter claims %s', (url) => {
    expect(adapterFor(url)).toBeUndefined();
  });

  it("leaves sites out of manifest.json: no content scripts, no host permissions, no adapter's pattern", () => {
    const manifest = JSON.parse(manifestSource) as Record<string, unknown>;
    expect(manifest).not.toHaveProperty('content_scripts');
    expect(manifest).not.toHaveProperty('host_permissions');
    // The generic fallback's optional access to any site is the only host pattern it declares.
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    for (const pattern of adapters.flatMap((a) => a.matches)) expect(manifestSource).not.toContain(pattern);
  });
});
