// What the metrics bench and the extractor scripts (scripts/metrics/) measure alike: the extractor bundled and
// minified by vite as it ships, the bench text (the seed listing pages repeated to ~5 MB), and the bare /\d/g
// scan the extraction's speed is compared with.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

const ROOT = path.resolve(import.meta.dirname, '..');
export const SEED_DIR = 'test/data/seeds';
export const SEED_FILES = ['000_fbf70607fd46e877.txt', '001_b3fa1ac227a7ab4a.txt'];
const TARGET_BYTES = 5 * 1024 * 1024;

/** The seed pages as a browser shows them (titles, abstracts, author counts, dates), one after the other. */
export function seedPages(): string {
  return SEED_FILES.map((f) => readFileSync(path.join(ROOT, SEED_DIR, f), 'utf8')).join('\n');
}

/** The seed pages repeated to ~5 MB, and how many copies that took. */
export function benchText(): { text: string; copies: number } {
  const seed = seedPages();
  const copies = Math.ceil(TARGET_BYTES / seed.length);
  return { text: Array.from({ length: copies }, () => seed).join('\n'), copies };
}

/** The baseline: every digit of `text` found by a bare /\d/g scan. */
export function bareDigitScan(text: string): number {
  const digits = /\d/g;
  let count = 0;
  while (digits.exec(text) !== null) count++;
  return count;
}

/** `<root>/src/core/metrics.ts` bundled and minified by vite (as the content script is): the file, in `outDir`. */
export async function bundleExtractor(root: string, outDir: string): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'silent',
    root,
    build: {
      outDir,
      emptyOutDir: true,
      lib: { entry: path.join(root, 'src/core/metrics.ts'), formats: ['es'], fileName: 'metrics' },
      minify: true,
    },
  });
  // A root whose package.json is not of type "module" gets an .mjs bundle.
  const file = readdirSync(outDir).find((f) => f.endsWith('.js') || f.endsWith('.mjs'));
  if (!file) throw new Error(`vite produced no bundle for ${root}`);
  return path.join(outDir, file);
}
