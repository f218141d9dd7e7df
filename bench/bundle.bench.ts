// Sizes of what the browser loads: the content script (on every matched page) and the pages.
import { execSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(import.meta.dirname, '..');
const CONTENT_SCRIPT_BUDGET_GZIP = 40 * 1024;

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
    },
    allJavaScript: { files: jsFiles.length, bytes: jsFiles.reduce((sum, f) => sum + statSync(f).size, 0) },
  };
  return { bundle };
}
