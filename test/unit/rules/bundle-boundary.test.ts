// re2js (about 45 KB gzip) must never enter a content script: the rules are matched in the background. The lint
// rule sees direct imports only; this test follows every import, from each content script's entry through the
// whole graph of source files it is built from, and lists the packages reached.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapters } from '../../../src/sites';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const IMPORT = /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveFile(from: string, specifier: string): string {
  // `?script`, `?url`: vite's suffixes (a script's URL, not its code in this bundle).
  const base = path.resolve(path.dirname(from), specifier.replace(/\?.*$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (existsSync(candidate) && !candidate.endsWith(path.sep) && /\.(ts|tsx|js|mjs|css|json)$/.test(candidate)) return candidate;
  }
  throw new Error(`cannot resolve ${specifier} from ${path.relative(ROOT, from)}`);
}

/** Every package (bare import) reached from `entries`, with one chain of files that reaches it. */
function packagesReached(entries: string[]): Map<string, string[]> {
  const packages = new Map<string, string[]>();
  const visited = new Set<string>();
  const queue: Array<{ file: string; chain: string[] }> = entries.map((file) => ({ file, chain: [path.relative(ROOT, file)] }));
  while (queue.length > 0) {
    const { file, chain } = queue.shift()!;
    if (visited.has(file) || !/\.(ts|tsx)$/.test(file)) continue;
    visited.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (match[1]) continue; // `import type … from`: erased from the bundle
      const specifier = match[2] ?? match[3]!;
      if (specifier.startsWith('.')) {
        if (specifier.includes('?')) continue; // a file's URL (`?script`), not its code
        const target = resolveFile(file, specifier);
        queue.push({ file: target, chain: [...chain, path.relative(ROOT, target)] });
      } else if (!packages.has(specifier)) {
        packages.set(specifier, chain);
      }
    }
  }
  return packages;
}

const contentEntries = [
  path.join(ROOT, 'src/content/boot.ts'),
  path.join(ROOT, 'src/content/generic-entry.ts'),
  ...adapters.map((adapter) => path.join(ROOT, `src/sites/${adapter.id}.ts`)),
];

describe('the regular-expression engine stays out of content scripts', () => {
  it('is reached from the background (the walk finds it where it is)', () => {
    const reached = packagesReached([path.join(ROOT, 'src/background/index.ts')]);
    expect(reached.has('re2js')).toBe(true);
    expect(reached.get('re2js')!.at(-1)).toBe('src/core/rules/matcher.ts');
  });

  it('is not reached from any content script entry', () => {
    const reached = packagesReached(contentEntries);
    expect(reached.get('re2js')).toBeUndefined();
    // The walk did cover the content script: it reaches what the content script does use.
    expect(reached.has('preact')).toBe(true);
  });
});
