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
  const manifest = JSON.parse(readFileSync(path.join(dist, 'manifest.json'), 'utf8'));
  const contentFiles: string[] = manifest.content_scripts.flatMap((c: { js?: string[] }) => c.js ?? []);
  const content = contentFiles.map((f) => sizes(path.join(dist, f)));
  const contentGzip = content.reduce((sum, s) => sum + s.gzipBytes, 0);
  const jsFiles = walk(dist).filter((f) => f.endsWith('.js'));
  const bundle = {
    contentScript: {
      files: contentFiles,
      bytes: content.reduce((sum, s) => sum + s.bytes, 0),
      gzipBytes: contentGzip,
      budgetGzipBytes: CONTENT_SCRIPT_BUDGET_GZIP,
      withinBudget: contentGzip <= CONTENT_SCRIPT_BUDGET_GZIP,
    },
    allJavaScript: { files: jsFiles.length, bytes: jsFiles.reduce((sum, f) => sum + statSync(f).size, 0) },
  };
  return { bundle };
}
