// Metric extraction: throughput over the seed listing pages repeated to ~5 MB, next to a bare
// /\d/g scan of the same text measured in the same run (machines are noisy; the ratio is the
// figure that matters), plus the extractor's quality on the hand-annotated gold tables.
//
// The extractor is measured as it ships: bundled and minified by vite into one module, like the
// content script. Run straight from the sources under tsx, every imported table is read through
// a CommonJS getter, which can cost up to ~40% on this machine and says nothing about the
// extension; that figure is reported beside it (`unbundledMbPerSec`).
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import type { Metric } from '../src/core/metric-types';
import { extractMetrics as extractFromSources } from '../src/core/metrics';
import { goldParts, loadGold, score } from '../test/unit/metrics/gold-score';
import { median, round } from './stats';

const ROOT = path.resolve(import.meta.dirname, '..');
const SEEDS = path.resolve(ROOT, 'test/data/seeds');
const SEED_FILES = ['000_fbf70607fd46e877.txt', '001_b3fa1ac227a7ab4a.txt'];
const TARGET_BYTES = 5 * 1024 * 1024;
const WARMUP_ROUNDS = 3;
const ROUNDS = 15;
/** Extraction must run at no less than this share of a bare /\d/g scan's speed over the same text. */
const RATIO_BUDGET = 0.35;

/** The seed pages as a browser shows them (titles, abstracts, author counts, dates). */
function seedText(): { text: string; source: string } {
  return { text: SEED_FILES.map((f) => readFileSync(path.join(SEEDS, f), 'utf8')).join('\n'), source: 'test/data/seeds' };
}

function bareDigitScan(text: string): number {
  const digits = /\d/g;
  let count = 0;
  while (digits.exec(text) !== null) count++;
  return count;
}

/** src/core/metrics.ts bundled and minified by vite (as the content script is), then imported. */
async function bundledExtractor(): Promise<(text: string) => Metric[]> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'paperlight-metrics-bench-'));
  try {
    await build({
      configFile: false,
      logLevel: 'silent',
      root: ROOT,
      build: {
        outDir,
        emptyOutDir: true,
        lib: { entry: path.join(ROOT, 'src/core/metrics.ts'), formats: ['es'], fileName: 'metrics' },
        minify: true,
      },
    });
    const file = readdirSync(outDir).find((f) => f.endsWith('.js'));
    if (!file) throw new Error('vite produced no bundle');
    // eslint-disable-next-line no-unsanitized/method -- a file this bench just built, not page input
    const bundled = (await import(pathToFileURL(path.join(outDir, file)).href)) as { extractMetrics: (text: string) => Metric[] };
    return bundled.extractMetrics;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function timeMs(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}


export default async function metricsBench() {
  const extractMetrics = await bundledExtractor();
  const seed = seedText();
  const copies = Math.ceil(TARGET_BYTES / seed.text.length);
  const text = Array.from({ length: copies }, () => seed.text).join('\n');
  const megabytes = text.length / 1e6;

  for (let k = 0; k < WARMUP_ROUNDS; k++) {
    bareDigitScan(text);
    extractMetrics(text);
    extractFromSources(text);
  }
  // Interleaved rounds, so all figures see the same machine load.
  const bare: number[] = [];
  const extraction: number[] = [];
  const unbundled: number[] = [];
  const ratios: number[] = [];
  for (let k = 0; k < ROUNDS; k++) {
    const b = timeMs(() => bareDigitScan(text));
    const m = timeMs(() => extractMetrics(text));
    unbundled.push(timeMs(() => extractFromSources(text)));
    bare.push(b);
    extraction.push(m);
    ratios.push(b / m);
  }
  const found = extractMetrics(text).length;
  if (found !== extractFromSources(text).length) throw new Error('bundled and source extractors disagree');

  const gold = loadGold();
  const parts = goldParts(gold);
  const quality = {
    tune: score(gold.filter((p) => p.split === 'tune'), extractMetrics),
    heldback: score(gold.filter((p) => p.split === 'heldback'), extractMetrics),
    heldbackSeeds: score(parts.seedsHeldBack, extractMetrics),
    heldbackFixtures: score(parts.fixturesHeldBack, extractMetrics),
    all: score(gold, extractMetrics),
  };

  const metricsMbPerSec = megabytes / (median(extraction) / 1000);
  const baselineMbPerSec = megabytes / (median(bare) / 1000);
  return {
    metrics: {
      mbPerSec: round(metricsMbPerSec, 1),
      medianMs: round(median(extraction), 2),
      measured: 'src/core/metrics.ts bundled and minified by vite, as shipped',
      unbundledMbPerSec: round(megabytes / (median(unbundled) / 1000), 1),
      textBytes: text.length,
      textSource: `${seed.source} x${copies}`,
      rounds: ROUNDS,
      metricsFound: found,
      quality,
    },
    baseline: { mbPerSec: round(baselineMbPerSec, 1), medianMs: round(median(bare), 2), what: 'bare /\\d/g exec loop over the same text' },
    metricsToBaselineRatio: round(metricsMbPerSec / baselineMbPerSec, 3),
    metricsToBaselineBudget: RATIO_BUDGET,
    metricsWithinBudget: metricsMbPerSec / baselineMbPerSec >= RATIO_BUDGET,
    metricsToBaselineRatioMedianOfRounds: round(median(ratios), 3),
    // The fastest round of each: closest to an unloaded machine (2 cores shared with other work here).
    metricsToBaselineRatioBestRounds: round(Math.min(...bare) / Math.min(...extraction), 3),
  };
}
