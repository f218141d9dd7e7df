// The extractor of a source tree bundled and minified by vite, as bench/metrics.bench.ts builds it,
// so scripts can compare two trees (this worktree and a snapshot of main) in one process.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleExtractor } from '../../bench/extractor-bundle';
import type { Metric } from '../../src/core/metric-types';

export type Extract = (text: string) => Metric[];

/** Bundles `<root>/src/core/metrics.ts` into a temporary directory, imports it and removes the directory. */
export async function bundledExtractor(root: string): Promise<Extract> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'paperlight-metrics-script-'));
  const file = await bundleExtractor(root, outDir);
  // eslint-disable-next-line no-unsanitized/method -- a file this script just built, not page input
  const module = (await import(pathToFileURL(file).href)) as { extractMetrics: Extract };
  rmSync(outDir, { recursive: true, force: true });
  return module.extractMetrics;
}
