// Paired A/B timing of two extractor trees over the bench text, each bundle timed in a process of its own:
//   npx tsx scripts/metrics/ab-processes.ts <base-root> [pairs=16] [rounds=40]
// (<base-root> as for scripts/metrics/ab.ts; AB_BRANCH=<root> compares another tree with the base.)
// ab.ts loads both bundles into one process, where the one loaded first or the one loaded second ran up to ~3%
// faster whatever the code (two bundles of main: +1.5% in one set of runs, -2.9% in another). Here each child process
// imports one bundle only and reports the fastest of its rounds in process CPU time, for the extraction and for the
// bare /\d/g scan; a pair is one child for the base and one for the branch, started one after the other, in
// alternating order. The machine's load moves both children of a pair alike, and the scan says how fast it was.
// The median round is reported beside the fastest: the fastest round is mostly one without a scavenge, so a change
// to what extraction allocates shows only in the median (as in the bench's metricsToBaselineRatio, a median).
// Alone in its process a bundle also lacks what the bench's process runs beside it (the extractor from its sources):
// a megamorphic load taken out (with two smaller changes) measured about 1% here, 1 to 5% in ab.ts and about 3.5% in
// the bench (docs/metrics.md, section 8), so a change to how the engine runs the code is worth timing both ways.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchText, bundleExtractor } from '../../bench/extractor-bundle';
import { median } from '../../bench/stats';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** A child: warms up, then alternates extraction and scan rounds; prints the fastest of each (ms of process CPU). */
const CHILD = `
  import { readFileSync } from 'node:fs';
  const { extractMetrics } = await import(process.env.AB_BUNDLE);
  const text = readFileSync(process.env.AB_TEXT, 'utf8');
  const rounds = Number(process.env.AB_ROUNDS);
  const cpu = (run) => { const start = process.cpuUsage(); run(); const used = process.cpuUsage(start); return (used.user + used.system) / 1000; };
  const scan = () => { const digits = /\\d/g; let count = 0; while (digits.exec(text) !== null) count++; return count; };
  for (let k = 0; k < 5; k++) { extractMetrics(text); scan(); }
  const extracts = [];
  const bares = [];
  for (let k = 0; k < rounds; k++) { extracts.push(cpu(() => extractMetrics(text))); bares.push(cpu(scan)); }
  const median = (values) => values.sort((a, b) => a - b)[values.length >> 1];
  console.log(JSON.stringify({ extract: Math.min(...extracts), bare: Math.min(...bares), extractMedian: median(extracts), bareMedian: median(bares) }));`;

interface ChildTimes {
  /** Fastest round of each (ms of process CPU). */
  extract: number;
  bare: number;
  /** Median round of each: unlike the fastest, it counts the scavenges extraction's allocation brings on. */
  extractMedian: number;
  bareMedian: number;
}

function timeInChild(bundle: string, textFile: string, rounds: number): ChildTimes {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD], {
    encoding: 'utf8',
    env: { ...process.env, AB_BUNDLE: pathToFileURL(bundle).href, AB_TEXT: textFile, AB_ROUNDS: String(rounds) },
  });
  if (result.status !== 0) throw new Error(`timing child failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as ChildTimes;
}

async function main() {
  const baseRoot = path.resolve(process.argv[2] ?? '/tmp/metrics-base');
  const pairs = Number(process.argv[3] ?? 16);
  const rounds = Number(process.argv[4] ?? 40);
  const branchRoot = path.resolve(process.env.AB_BRANCH ?? ROOT);
  const work = mkdtempSync(path.join(os.tmpdir(), 'paperlight-metrics-ab-'));
  try {
    const base = await bundleExtractor(baseRoot, path.join(work, 'base'));
    const branch = await bundleExtractor(branchRoot, path.join(work, 'branch'));
    const textFile = path.join(work, 'bench.txt');
    writeFileSync(textFile, benchText().text);
    const gains: number[] = [];
    const medianGains: number[] = [];
    const ratios = { base: [] as number[], branch: [] as number[] };
    for (let p = 0; p < pairs; p++) {
      const baseFirst = p % 2 === 0;
      const first = timeInChild(baseFirst ? base : branch, textFile, rounds);
      const second = timeInChild(baseFirst ? branch : base, textFile, rounds);
      const [b, m] = baseFirst ? [first, second] : [second, first];
      gains.push(1 - m.extract / b.extract);
      medianGains.push(1 - m.extractMedian / b.extractMedian);
      ratios.base.push(b.bare / b.extract);
      ratios.branch.push(m.bare / m.extract);
      console.log(
        `pair ${p + 1}: base ${b.extract.toFixed(2)} ms, branch ${m.extract.toFixed(2)} ms (${(100 * gains.at(-1)!).toFixed(1)}% less);` +
          ` ratio to the scan: base ${ratios.base.at(-1)!.toFixed(3)}, branch ${ratios.branch.at(-1)!.toFixed(3)};` +
          ` median rounds: base ${b.extractMedian.toFixed(2)} ms, branch ${m.extractMedian.toFixed(2)} ms (${(100 * medianGains.at(-1)!).toFixed(1)}% less)`,
      );
    }
    console.log(
      `branch takes less time than base in ${gains.filter((g) => g > 0).length}/${pairs} pairs; median gain ${(100 * median(gains)).toFixed(1)}%;` +
        ` median ratio base ${median(ratios.base).toFixed(3)}, branch ${median(ratios.branch).toFixed(3)}`,
    );
    console.log(
      `median rounds: branch takes less time than base in ${medianGains.filter((g) => g > 0).length}/${pairs} pairs; median gain ${(100 * median(medianGains)).toFixed(1)}%`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
