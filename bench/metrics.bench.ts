// Metric extraction: throughput over the seed listing pages repeated to ~5 MB, next to a bare
// /\d/g scan of the same text measured in the same run (machines are noisy; the ratio is the
// figure that matters), plus the extractor's quality on the hand-annotated gold tables.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { extractMetrics } from '../src/core/metrics';
import { loadGold, score } from '../test/unit/metrics/gold-score';

const ROOT = path.resolve(import.meta.dirname, '..');
const SEEDS = path.resolve(ROOT, '../shared/seeds');
const SEED_FILES = ['000_fbf70607fd46e877.txt', '001_b3fa1ac227a7ab4a.txt'];
const TARGET_BYTES = 5 * 1024 * 1024;
const WARMUP_ROUNDS = 3;
const ROUNDS = 9;

/** The seed pages as served (titles, abstracts, author counts, dates), or the gold abstracts if the seeds are not beside the repo. */
function seedText(): { text: string; source: string } {
  if (SEED_FILES.every((f) => existsSync(path.join(SEEDS, f)))) {
    return { text: SEED_FILES.map((f) => readFileSync(path.join(SEEDS, f), 'utf8')).join('\n'), source: '../shared/seeds' };
  }
  return { text: loadGold().map((p) => p.abstract).join('\n'), source: 'test/data/metrics-gold/gold.json abstracts' };
}

function bareDigitScan(text: string): number {
  const digits = /\d/g;
  let count = 0;
  while (digits.exec(text) !== null) count++;
  return count;
}

function timeMs(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
const round = (x: number, places = 1) => Math.round(x * 10 ** places) / 10 ** places;

export default async function metricsBench() {
  const seed = seedText();
  const copies = Math.ceil(TARGET_BYTES / seed.text.length);
  const text = Array.from({ length: copies }, () => seed.text).join('\n');
  const megabytes = text.length / 1e6;

  for (let k = 0; k < WARMUP_ROUNDS; k++) {
    bareDigitScan(text);
    extractMetrics(text);
  }
  // Interleaved rounds, so both figures see the same machine load.
  const bare: number[] = [];
  const extraction: number[] = [];
  const ratios: number[] = [];
  for (let k = 0; k < ROUNDS; k++) {
    const b = timeMs(() => bareDigitScan(text));
    const m = timeMs(() => extractMetrics(text));
    bare.push(b);
    extraction.push(m);
    ratios.push(b / m);
  }
  const found = extractMetrics(text).length;

  const gold = loadGold();
  const quality = {
    tune: score(gold.filter((p) => p.split === 'tune'), extractMetrics),
    heldback: score(gold.filter((p) => p.split === 'heldback'), extractMetrics),
    all: score(gold, extractMetrics),
  };

  const metricsMbPerSec = megabytes / (median(extraction) / 1000);
  const baselineMbPerSec = megabytes / (median(bare) / 1000);
  return {
    metrics: {
      mbPerSec: round(metricsMbPerSec),
      medianMs: round(median(extraction), 2),
      textBytes: text.length,
      textSource: `${seed.source} x${copies}`,
      rounds: ROUNDS,
      metricsFound: found,
      quality,
    },
    baseline: { mbPerSec: round(baselineMbPerSec), medianMs: round(median(bare), 2), what: 'bare /\\d/g exec loop over the same text' },
    metricsToBaselineRatio: round(metricsMbPerSec / baselineMbPerSec, 3),
    metricsToBaselineRatioMedianOfRounds: round(median(ratios), 3),
  };
}
