// Paired A/B timing of two extractor trees over the bench text (the seed pages repeated to ~5 MB):
//   npx tsx scripts/metrics/ab.ts <base-root> [runs=10] [rounds=40]
// <base-root> holds a snapshot of main's src/ (and its package.json, so vite writes the same kind of
// bundle: an .mjs bundle measured a steady few percent slower than the same code bundled as .js):
//   mkdir -p /tmp/metrics-base && git archive main src/core | tar -x -C /tmp/metrics-base && cp package.json /tmp/metrics-base/
// Two bundles of the same tree (AB_BRANCH=<base-root>) differ by up to about 1% here.
// Each run alternates base and branch (and the bare /\d/g scan) round by round in process CPU
// time, starting with a different one each run, and reports the fastest round of each; the
// branch's ratio to the scan is the bench's metricsToBaselineRatioCpuBestRounds.
import path from 'node:path';
import { bareDigitScan, benchText } from '../../bench/extractor-bundle';
import { processCpuMs } from '../../bench/stats';
import { bundledExtractor, type Extract } from './bundle';

const ROOT = path.resolve(import.meta.dirname, '../..');

async function main() {
  const baseRoot = path.resolve(process.argv[2] ?? '/tmp/metrics-base');
  const runs = Number(process.argv[3] ?? 10);
  const rounds = Number(process.argv[4] ?? 40);
  // AB_BRANCH: another tree to compare with the base (an experiment); AB_ALLOW_DIFF=1: its output may
  // differ; AB_BRANCH_FIRST=1: the branch's bundle is loaded first.
  const branchRoot = path.resolve(process.env.AB_BRANCH ?? ROOT);
  const branchFirst = process.env.AB_BRANCH_FIRST === '1';
  const first = await bundledExtractor(branchFirst ? branchRoot : baseRoot);
  const second = await bundledExtractor(branchFirst ? baseRoot : branchRoot);
  const [base, branch] = branchFirst ? [second, first] : [first, second];
  const { text } = benchText();
  if (process.env.AB_ALLOW_DIFF !== '1' && JSON.stringify(base(text)) !== JSON.stringify(branch(text))) throw new Error('base and branch disagree on the bench text');
  const entries: [string, Extract | typeof bareDigitScan][] = [['base', base], ['branch', branch], ['scan', bareDigitScan]];
  for (let k = 0; k < 3; k++) for (const [, run] of entries) run(text);
  const gains: number[] = [];
  for (let r = 0; r < runs; r++) {
    const best: Record<string, number> = { base: Infinity, branch: Infinity, scan: Infinity };
    const order = r % 2 ? [entries[1], entries[0], entries[2]] : entries;
    for (let k = 0; k < rounds; k++) for (const [name, run] of order) best[name] = Math.min(best[name]!, processCpuMs(() => run(text)));
    gains.push(1 - best.branch! / best.base!);
    console.log(
      `run ${r + 1}: base ${best.base!.toFixed(2)} ms, branch ${best.branch!.toFixed(2)} ms (${(100 * gains.at(-1)!).toFixed(1)}% less),` +
        ` scan ${best.scan!.toFixed(2)} ms; ratio base ${(best.scan! / best.base!).toFixed(3)}, branch ${(best.scan! / best.branch!).toFixed(3)}`,
    );
  }
  const sorted = [...gains].sort((a, b) => a - b);
  console.log(`branch takes less time than base in ${gains.filter((g) => g > 0).length}/${runs} runs; median gain ${(100 * sorted[runs >> 1]!).toFixed(1)}%`);
}

await main();
