// Two packages must never enter a content script: re2js (about 45 KB gzip; the rules are matched in the
// background) and preact (about 5 KB gzip; the in-page UI is plain DOM, the extension's own pages use preact).
// The lint rules see direct imports only; this test follows every import, from each content script's entry
// through the whole graph of source files it is built from, and lists the packages and files reached.
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

/** Every package (bare import) reached from `entries`, with one chain of files that reaches it; and every file. */
function reachedFrom(entries: string[]): { packages: Map<string, string[]>; files: Set<string> } {
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
  return { packages, files: new Set([...visited].map((file) => path.relative(ROOT, file))) };
}

/** The packages reached from `entries` (with a chain of files to each). */
const packagesReached = (entries: string[]) => reachedFrom(entries).packages;

/** preact and its parts (`preact/hooks`, `preact/jsx-runtime`) among `packages`, with their chains. */
const preactIn = (packages: Map<string, string[]>) => [...packages].filter(([name]) => name === 'preact' || name.startsWith('preact/'));

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
  });
});

describe('preact stays out of content scripts', () => {
  it('is reached from the popup (the walk finds it where it is)', () => {
    expect(preactIn(packagesReached([path.join(ROOT, 'src/popup/main.tsx')])).map(([name]) => name)).toContain('preact');
  });

  it('is not reached from any content script entry, which does reach the in-page UI', () => {
    const { packages, files } = reachedFrom(contentEntries);
    expect(preactIn(packages)).toEqual([]);
    // The walk did cover the content script's UI: the toolbar, the DOM helper and the shared tag suggestions.
    for (const file of ['src/content/features/card-toolbar/CardWidget.ts', 'src/content/ui/dom.ts', 'src/ui/tag-suggest.ts']) {
      expect(files, file).toContain(file);
    }
  });
});
