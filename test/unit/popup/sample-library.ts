// A deterministic, realistic library for the popup's tests and bench: titles, author lists, abstracts of
// 60–200 words, 0–6 metrics, a skewed spread of tags (a few very common, most rare), all statuses and sites,
// some notes and code links, saved over two years. Same seed, same library.
import type { MetricKind } from '../../../src/core/metric-types';
import type { ReadingStatus, SavedPaper } from '../../../src/core/paper';

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    // mulberry32: tiny, fast and well spread.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPIC = ['diffusion', 'transformer', 'retrieval', 'quantization', 'sparse', 'multimodal', 'robotic', 'speech',
  'graph', 'contrastive', 'federated', 'causal', 'neural', 'efficient', 'scalable', 'latent', 'video', 'protein'];
const THING = ['attention', 'decoding', 'distillation', 'alignment', 'pretraining', 'segmentation', 'reasoning',
  'tokenization', 'planning', 'compression', 'inference', 'adapters', 'benchmarks', 'agents', 'rendering'];
const WORDS = ('we propose a method for training large language models that improves accuracy and reduces latency ' +
  'across standard benchmarks while using less memory than prior work our approach combines sparse attention with ' +
  'learned routing and is evaluated on vision speech and code generation tasks results show consistent gains ' +
  'ablations confirm each component matters and we release models data and evaluation scripts').split(' ');
const GIVEN = ['Ada', 'Alan', 'Grace', 'Yann', 'Fei-Fei', 'Geoffrey', 'Daphne', 'Jürgen', 'Kaiming', 'Ilya', 'Mei',
  'Chen', 'Olga', 'Pieter', 'Sara', 'Tomás', 'Ngozi', 'Hiro', 'Priya', 'Lukas'];
const FAMILY = ['Lovelace', 'Turing', 'Hopper', 'LeCun', 'Li', 'Hinton', 'Koller', 'Schmidhuber', 'He', 'Sutskever',
  'Wang', 'Zhang', 'Russakovsky', 'Abbeel', 'Hooker', 'García', 'Okafor', 'Tanaka', 'Raman', 'Becker'];
const KINDS: Array<[MetricKind, string, string]> = [
  ['speedup', 'x', 'speedup'], ['accuracy', '%', 'top-1 accuracy on ImageNet'], ['latency', 'ms', 'latency per token'],
  ['size', 'B params', 'parameters'], ['memory', 'GB', 'peak memory'], ['accuracy', 'BLEU', 'BLEU on WMT14'],
];
const SITES = ['huggingface', 'arxiv', 'openreview', 'scholar', 'semanticscholar', 'acl', 'cvf', 'pmlr', 'neurips'];
const STATUSES: ReadingStatus[] = ['to-read', 'to-read', 'to-read', 'reading', 'read', 'read'];
/** Forty tags; `tagFor` picks low indexes far more often, as real reading lists do. */
export const SAMPLE_TAGS = ['LLM', 'vision', 'efficiency', 'to-cite', 'benchmark', 'RL', 'speech', 'theory',
  ...Array.from({ length: 32 }, (_, i) => `topic-${i + 1}`)];
const NOTES = ['Read section 4 again; compare with the baseline.', 'Good related work list.',
  'Check whether the speedup holds at batch size 1.', 'Ask the reading group about the proof in appendix B.'];

/** The start of the library's saving period; papers are saved one every ~90 minutes after it. */
export const SAMPLE_EPOCH = Date.UTC(2024, 0, 1);

export function sampleLibrary(count: number, seed = 7): SavedPaper[] {
  const next = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const tagFor = () => SAMPLE_TAGS[Math.floor(next() ** 2.5 * SAMPLE_TAGS.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const id = `${23 + Math.floor(i / 60000)}${String(1 + (i % 12)).padStart(2, '0')}.${String(i % 100000).padStart(5, '0')}`;
    const savedAt = SAMPLE_EPOCH + i * 5_400_000 + Math.floor(next() * 600_000);
    const tags = [...new Set(Array.from({ length: Math.floor(next() * 4) }, tagFor))];
    const metrics = Array.from({ length: Math.floor(next() * 7) }, () => {
      const [kind, unit, label] = pick(KINDS);
      const value = Math.round(next() * 1000) / 10;
      return { text: unit === '%' ? `${value}%` : `${value} ${unit}`, kind, value, unit, label };
    });
    return {
      key: `arxiv:${id}`,
      aliases: next() < 0.3 ? [`doi:10.48550/arxiv.${id}`] : [],
      title: `${cap(pick(TOPIC))} ${pick(THING)} for ${pick(TOPIC)} ${pick(THING)}: study ${i}`,
      url: `https://arxiv.org/abs/${id}`,
      authors: Array.from({ length: 1 + Math.floor(next() * 7) }, () => `${pick(GIVEN)} ${pick(FAMILY)}`),
      abstract: Array.from({ length: 60 + Math.floor(next() * 140) }, () => pick(WORDS)).join(' ') + '.',
      published: new Date(savedAt - Math.floor(next() * 30) * 86_400_000).toISOString().slice(0, 10),
      venues: [],
      metrics,
      codeLinks: next() < 0.4 ? [`https://github.com/lab${i % 97}/repo-${i}`] : [],
      site: pick(SITES),
      tags,
      status: pick(STATUSES),
      note: next() < 0.15 ? pick(NOTES) : '',
      savedAt,
      updatedAt: savedAt + Math.floor(next() * 1e8),
      seenUrls: [`https://huggingface.co/papers/${id}`],
    };
  });
}

function cap(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}
