// Sizes of what the browser loads: the content script (on every matched page) and the pages.
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { gzipShare } from './source-share';

const ROOT = path.resolve(import.meta.dirname, '..');
const CONTENT_SCRIPT_BUDGET_GZIP = 32 * 1024;

/** The parts of the content script whose cost is reported (what leaving each out would save, in gzip bytes). */
const PARTS: Record<string, RegExp> = {
  metricExtractor: /^src\/core\/(metrics|metric-types|describe-metric)/,
  preact: /node_modules\/preact\//,
  paperIds: /^src\/core\/paper-id/,
  identity: /^src\/core\/identity\//,
  codeLinks: /^src\/core\/links/,
  contentFeatures: /^src\/content\/features\//,
  contentRuntime: /^src\/content\/(?!features\/)/,
  siteAdapters: /^src\/sites\//,
  shared: /^src\/(shared|ui)\//,
  otherCore: /^src\/core\/(?!metrics|metric-types|describe-metric|paper-id|identity\/|links)/,
};

function sizes(file: string) {
  const bytes = readFileSync(file);
  return { bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/**
 * What the metric extractor costs in the largest content script, in gzip bytes: the same build
 * again with source maps, in a temporary folder, read by ./source-share.ts.
 */
function extractorShare(script: string | undefined) {
  if (!script) return { gzipBytes: 0, bySource: {}, parts: {} };
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'paperlight-bundle-map-'));
  try {
    execSync(`npx vite build --sourcemap --emptyOutDir --outDir ${JSON.stringify(outDir)}`, {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const file = path.join(outDir, script);
    const parts = Object.fromEntries(Object.entries(PARTS).map(([name, part]) => [name, gzipShare(file, part).gzipBytes]));
    return { ...gzipShare(file, PARTS.metricExtractor!), parts };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

export default async function bundleBench() {
  execSync('npm run --silent build', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const dist = path.join(ROOT, 'dist');
  const manifest = JSON.parse(readFileSync(path.join(dist, 'manifest.json'), 'utf8')) as {
    content_scripts: Array<{ js?: string[]; matches: string[] }>;
  };
  // One content script per site: a page loads exactly one of them.
  const perSite = manifest.content_scripts.map((script) => {
    const files = script.js ?? [];
    const measured = files.map((f) => sizes(path.join(dist, f)));
    return {
      files,
      bytes: measured.reduce((sum, s) => sum + s.bytes, 0),
      gzipBytes: measured.reduce((sum, s) => sum + s.gzipBytes, 0),
    };
  });
  const largest = perSite.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a));
  const extractor = extractorShare(largest.files[0]);
  const jsFiles = walk(dist).filter((f) => f.endsWith('.js'));
  const bundle = {
    contentScript: {
      perPage: 'one content script per site; the largest is what a page loads at most',
      largestFile: largest.files.join(', '),
      bytes: largest.bytes,
      gzipBytes: largest.gzipBytes,
      budgetGzipBytes: CONTENT_SCRIPT_BUDGET_GZIP,
      withinBudget: largest.gzipBytes <= CONTENT_SCRIPT_BUDGET_GZIP,
      sites: Object.fromEntries(perSite.map((s) => [path.basename(s.files[0] ?? '', '.js'), s.gzipBytes])),
      // The metric extractor's part of the largest script (src/core/metrics*, metric types, describe-metric).
      extractorGzipBytes: extractor.gzipBytes,
      extractorBySource: extractor.bySource,
      // What each part of the largest script costs: gzip(script) minus gzip(script without the part). gzip is not
      // additive, so the parts do not sum exactly to the whole.
      partsGzipBytes: extractor.parts,
    },
    allJavaScript: { files: jsFiles.length, bytes: jsFiles.reduce((sum, f) => sum + statSync(f).size, 0) },
  };
  return { bundle };
}
