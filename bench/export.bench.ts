// Export speed: a generated library of 10,000 saved papers shaped like real ones (abstracts of 1–2 thousand
// characters, several metrics, tags and authors each, every kind of key and site) exported to each format.
// Each figure is the median of five runs after one warm-up run. Budget: under 1 s per format.
import { toBibtex, toCsv, toMarkdown, toRis } from '../src/core/export';
import type { RecordedMetric, SavedPaper } from '../src/core/paper';
import { READING_STATUSES } from '../src/core/paper';
import { median } from './stats';

const PAPERS = 10_000;
const BUDGET_MS = 1000;
const RUNS = 5;

/** A small deterministic generator (mulberry32), so every run exports the same library. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'efficient scalable sparse attention transformer diffusion model language vision retrieval augmented ' +
  'reasoning benchmark training inference quantization distillation robust policy learning graph neural ' +
  'network contrastive pretraining alignment reward latency throughput memory compute data multimodal ' +
  'generation segmentation detection 3D ImageNet BERT GPT-4 LLaMA low-rank adaptation kernel fusion'
).split(' ');
const GIVEN = ['Ada', 'Alan', 'Grace', 'Wei', 'Jörg', 'José', 'Yejin', 'Noah', 'Łukasz', 'Amélie', 'Chen', 'Priya'];
const FAMILY = ['Lovelace', 'Turing', 'Hopper', 'Zhang', 'Müller', 'Álvarez', 'Choi', 'Smith', 'Kaiser', 'van Rossum', 'Li', 'Patel'];
const TAGS = Array.from({ length: 40 }, (_, i) => `topic-${i}`);
const SITES = ['huggingface', 'arxiv', 'openreview', 'scholar', 'semanticscholar', 'acl', 'cvf', 'pmlr', 'neurips'];
const METRICS: Omit<RecordedMetric, 'value'>[] = [
  { text: '2.4x', kind: 'speedup', unit: 'x', label: 'over FlashAttention-2' },
  { text: '79.2%', kind: 'accuracy', unit: '%', label: 'top-1 accuracy on ImageNet' },
  { text: '1.6 ms', kind: 'latency', unit: 'ms', label: 'per image on an A100' },
  { text: '7B', kind: 'size', unit: 'B params', label: 'parameters' },
  { text: '58.7 box AP', kind: 'accuracy', unit: 'box AP', label: 'on COCO' },
];

/** Abstract sentences: mostly prose, some with the numbers, percentages and LaTeX that real abstracts carry. */
const SENTENCES: ((words: string) => string)[] = [
  (w) => `We study ${w}.`,
  (w) => `Our method, ${w}, is state-of-the-art.`,
  (w) => `It reaches 79.2% top-1 accuracy on ImageNet and a 2.4x speedup over ${w}.`,
  (w) => `The cost falls from $O(n^2)$ to $O(n \\log n)$ for ${w}.`,
  (w) => `Experiments on ${w} show gains of 3--5 points.`,
  (w) => `Code: https://github.com/example/${w.split(' ')[0]}.`,
  (w) => `Unlike prior work, ${w} needs no labels.`,
];

/** The bench's library; exported for profiling one format alone. */
export function generateLibrary(count: number): SavedPaper[] {
  const next = random(20261123);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  return Array.from({ length: count }, (_, i) => {
    const serial = String(10000 + (i % 90000)).padStart(5, '0');
    const kind = i % 10;
    const key =
      kind < 6 ? `arxiv:24${String((i % 12) + 1).padStart(2, '0')}.${serial}`
      : kind === 6 ? `doi:10.1145/${3500000 + i}`
      : kind === 7 ? `acl:2024.acl-long.${i}`
      : kind === 8 ? `openreview:${i.toString(36)}Xy`
      : `url:https://proceedings.mlr.press/v235/paper${i}.html`;
    const abstract = Array.from({ length: 8 + Math.floor(next() * 8) }, () => pick(SENTENCES)(words(10))).join(' ');
    return {
      key,
      aliases: kind === 0 ? [`doi:10.5555/${i}`] : [],
      title: `${words(3)}: ${words(6)} [${i}] for *${pick(WORDS)}* | ${pick(WORDS)}_${i}`,
      url: `https://example.org/papers/${i}`,
      authors: Array.from({ length: 3 + Math.floor(next() * 12) }, () => `${pick(GIVEN)} ${pick(FAMILY)}`),
      abstract,
      published: `2024-${String((i % 12) + 1).padStart(2, '0')}-15`,
      venues: [],
      metrics: Array.from({ length: 2 + Math.floor(next() * 4) }, () => ({ ...pick(METRICS), value: Math.round(next() * 1000) / 10 })),
      codeLinks: i % 3 === 0 ? [`https://github.com/example/repo-${i}`] : [],
      site: pick(SITES),
      tags: [...new Set(Array.from({ length: 2 + Math.floor(next() * 4) }, () => pick(TAGS)))],
      status: pick(READING_STATUSES),
      note: i % 4 === 0 ? `Read section ${i % 7}.\nCompare with #${i - 1} & check the 100% claim.` : '',
      savedAt: 1_700_000_000_000 + i * 60_000,
      updatedAt: 1_700_000_000_000 + i * 60_000,
      seenUrls: [`https://huggingface.co/papers/${i}`],
    };
  });
}


/** Median wall time, and median CPU time of this process (what a busy machine does not inflate). */
function measure(run: () => string): { wall: number; cpu: number } {
  run(); // warm-up: the first run includes compiling the code paths
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    run();
    const used = process.cpuUsage(startCpu);
    wall.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: Math.round(median(wall)), cpu: Math.round(median(cpu)) };
}

export default async function exportBench() {
  const papers = generateLibrary(PAPERS);
  const results = {
    markdown: measure(() => toMarkdown(papers, { groupBy: 'tag' })),
    bibtex: measure(() => toBibtex(papers)),
    csv: measure(() => toCsv(papers)),
    ris: measure(() => toRis(papers)),
  };
  const pick = (field: 'wall' | 'cpu') =>
    Object.fromEntries(Object.entries(results).map(([format, r]) => [format, r[field]])) as Record<keyof typeof results, number>;
  const ms = pick('wall');
  return {
    export: {
      papers: PAPERS,
      ms,
      cpuMs: pick('cpu'),
      budgetMs: BUDGET_MS,
      withinBudget: Object.values(ms).every((t) => t < BUDGET_MS),
    },
  };
}
