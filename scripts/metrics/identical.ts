// Is this tree's extractor's output identical to a base tree's (a snapshot of main's src/)?
//   npx tsx scripts/metrics/identical.ts <base-root> [random texts=40000] [seed=1]
// (<base-root>: a snapshot of main's src/core and package.json, as scripts/metrics/ab.ts describes.)
// Both are bundled as the bench bundles them, then compared, field by field (JSON), on: every gold
// abstract, the seed pages whole and line by line, every string literal in the metric unit tests,
// and random texts made by cutting, splicing and mutating seed-page text with fragments the
// grammar and the word rules react to. Prints the first differences and exits non-zero on any.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadGold } from '../../test/unit/metrics/gold-score';
// The tests' mulberry32 generator: a failing random text is found again from its seed.
import { seededRandom } from '../../test/unit/popup/sample-library';
import { bundledExtractor, type Extract } from './bundle';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SEED_DIR = path.join(ROOT, 'test/data/seeds');
const TEST_DIR = path.join(ROOT, 'test/unit/metrics');

/** Single- and double-quoted string literals of the unit tests, unescaped by JSON where they can be. */
function testStrings(): string[] {
  const found: string[] = [];
  for (const file of readdirSync(TEST_DIR).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(path.join(TEST_DIR, file), 'utf8');
    for (const match of source.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"/g)) {
      const body = match[1] ?? match[2] ?? '';
      try {
        found.push(JSON.parse(`"${body.replace(/\\'/g, "'").replace(/(?<!\\)"/g, '\\"')}"`) as string);
      } catch {
        found.push(body);
      }
    }
  }
  return found;
}

/** Pieces the grammar and the word rules react to: numbers, units, connectors, qualifiers, cue and stop words, clause ends. */
const FRAGMENTS = [
  '1', '2.4', '80,000', '0.17', '1/8', '1,4', '7B', '128K', '48G', '2024', '(1)', '3D', 'A100', 'GPT-4', 'x63.6', '%', '\\%', 'x', 'X',
  '×', 'times', '\\times', ' times', '-fold', ' million', ' billion', 'GB', 'ms', ' s', ' h', ' FPS', ' tokens', ' parameters',
  ' mAP', ' box AP', ' perplexity', ' dB', ' bpp', ' GFLOPs', '-bit', ' points', '% points', '-', '–', '~', 'sim', ' to ', '/', ',',
  ', and ', ' and ', '.', '. ', ';', ':', ' ', '  ', '\n', '(', ')', '$', '+', '<', '>', 'up to ', 'about ', 'more than ', 'as few as ',
  'nearly ', 'approximately \\textasciitilde', 'e.g., ', 'i.e. ', 'vs. ', 'from ', ' speedup', ' faster', ' accuracy', ' memory',
  ' latency', ' energy', ' error', ' fewer parameters', ' of the data', ' on ImageNet', ' on A100', ' than DeiT', ' reduces ',
  ' improves ', ' achieves ', ' by ', ' of ', ' model', ' models', ' authors', ' samples', ' images', ' hours of speech', ' GPUs',
  ' layers', ' FID', ' SSIM of ', ' accuracy of ', 'Table ', 'Dec ', 'Qwen ', ' peak-memory', ' training', ' context length',
  ' sequence length', ' orders of magnitude', ' instead of ', ' compared to ', ' rather than ', ' ranging from ', 'F1-score of ',
  'le', 'leq', ' sim', '\\sim', '≈', '∼', '≥', '^', '_', '@', '#', '\\', 'Recall@1 of ', '% CI', 'upto ', ' within ', ' at least ',
  'less than ', 'over ', ' only ', ' 4-bit', ' WER', ' 1024x1024', ' 3x3', '8x A100', ' of audio', ' (from ', ' vs ', 'textasciitilde',
];

function mutate(text: string, next: () => number): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const start = Math.floor(next() * text.length);
  let piece = text.slice(start, start + 20 + Math.floor(next() * 400));
  const edits = Math.floor(next() * 8);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(next() * (piece.length + 1));
    const kind = next();
    if (kind < 0.45) piece = piece.slice(0, at) + pick(FRAGMENTS) + piece.slice(at);
    else if (kind < 0.6) piece = piece.slice(0, at) + piece.slice(at + 1 + Math.floor(next() * 6));
    else if (kind < 0.75) piece = piece.slice(0, at) + String.fromCharCode(32 + Math.floor(next() * 95)) + piece.slice(at + 1);
    else if (kind < 0.9) {
      const from = Math.floor(next() * text.length);
      piece = piece.slice(0, at) + text.slice(from, from + Math.floor(next() * 60)) + piece.slice(at);
    } else piece = piece.slice(0, at) + String(Math.round(next() * 10 ** Math.floor(next() * 6)) / 10 ** Math.floor(next() * 3)) + piece.slice(at);
  }
  return piece;
}

/** Texts of fragments only: dense in values, units and words, where rules meet at short range. */
function fragmentText(next: () => number): string {
  const parts: string[] = [];
  const count = 1 + Math.floor(next() * 30);
  for (let k = 0; k < count; k++) parts.push(FRAGMENTS[Math.floor(next() * FRAGMENTS.length)]!);
  return parts.join('');
}

function compare(name: string, texts: Iterable<string>, base: Extract, branch: Extract, differences: string[]): number {
  let count = 0;
  for (const text of texts) {
    count++;
    const a = JSON.stringify(base(text));
    const b = JSON.stringify(branch(text));
    if (a !== b && differences.length < 5) differences.push(`${name}: ${JSON.stringify(text.slice(0, 300))}\n  base:   ${a.slice(0, 600)}\n  branch: ${b.slice(0, 600)}`);
  }
  return count;
}

async function main() {
  const baseRoot = path.resolve(process.argv[2] ?? '/tmp/metrics-base');
  const randomCount = Number(process.argv[3] ?? 40_000);
  const seed = Number(process.argv[4] ?? 1);
  const base = await bundledExtractor(baseRoot);
  const branch = await bundledExtractor(ROOT);
  const pages = readdirSync(SEED_DIR).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(path.join(SEED_DIR, f), 'utf8'));
  const differences: string[] = [];
  const counts: Record<string, number> = {};
  counts.gold = compare('gold', loadGold().map((p) => p.abstract), base, branch, differences);
  counts.pages = compare('seed page', pages, base, branch, differences);
  counts.lines = compare('seed line', pages.flatMap((p) => p.split('\n')), base, branch, differences);
  counts.testStrings = compare('test string', testStrings(), base, branch, differences);
  const next = seededRandom(seed);
  const all = pages.join('\n');
  const randomTexts = function* () {
    for (let k = 0; k < randomCount; k++) yield k % 4 === 3 ? fragmentText(next) : mutate(all, next);
  };
  counts.random = compare('random', randomTexts(), base, branch, differences);
  console.log(JSON.stringify(counts));
  if (differences.length) {
    console.log(differences.join('\n'));
    process.exit(1);
  }
  console.log('identical');
}

await main();
