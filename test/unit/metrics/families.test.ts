// Table-driven tests of every pattern family in docs/metrics.md, positive and negative. Each row:
// an input sentence and the spans expected in it (only the fields listed are compared), or [] when
// nothing in it is a metric.
import { describe, expect, it } from 'vitest';
import { extractMetrics, type Metric } from '../../../src/core/metrics';

type Expected = Partial<Metric> & { text: string };
type Row = [input: string, expected: Expected[]];

function check([input, expected]: Row) {
  const found = extractMetrics(input);
  expect(found.map((m) => m.text)).toEqual(expected.map((e) => e.text));
  expected.forEach((e, k) => {
    const picked = Object.fromEntries(Object.keys(e).map((key) => [key, found[k][key as keyof Metric]]));
    expect(picked).toEqual(e);
  });
}

const families: Record<string, Row[]> = {
  'multipliers in every spelling': [
    ['It is 2.4x faster.', [{ text: '2.4x', kind: 'speedup', value: 2.4, unit: 'x' }]],
    ['It is 2.4X faster.', [{ text: '2.4X', value: 2.4 }]],
    ['a ~20x speedup on A100', [{ text: '~20x', value: 20, kind: 'speedup', label: 'speedup on A100' }]],
    ['saves 1.5x times operations', [{ text: '1.5x times', value: 1.5 }]],
    ['runs 100times faster than HGNNs', [{ text: '100times', value: 100, label: 'faster than HGNNs' }]],
    ['boosts efficiency by up to 4.36times on CIFAR10', [{ text: '4.36times', value: 4.36, upTo: true, qualifier: 'up to' }]],
    ['a 5.18\\times speedup', [{ text: '5.18\\times', value: 5.18 }]],
    ['for $100\\times$ faster inference', [{ text: '100\\times', value: 100 }]],
    ['reaching x63.6 acceleration', [{ text: 'x63.6', value: 63.6, kind: 'speedup' }]],
    ['increased 500 times compared with the original', [{ text: '500 times', value: 500 }]],
    ['a 3-fold speedup', [{ text: '3-fold', value: 3, unit: 'x' }]],
    ['the decimal-comma typo 1,4x speedup', [{ text: '1,4x', value: 1.4 }]],
    ['scales >1000times better', [{ text: '>1000times', value: 1000 }]],
    ['a speedup of 2.3 and 3 orders of magnitude fewer steps', [{ text: '2.3', kind: 'speedup', unit: 'x' }, { text: '3', unit: 'OOM' }]],
    ['a 2.5$\\times$ faster kernel', [{ text: '2.5$\\times', value: 2.5 }]],
    ['a 1.5–2× gain and ∼4x faster decoding', [{ text: '1.5–2×', rangeLow: 1.5 }, { text: '∼4x', value: 4 }]],
  ],
  // The number reader stops at the end of the text rather than reading past it (quantity.ts, codeAt).
  'values that end the text': [
    ['FID scores of 1.70', [{ text: '1.70', value: 1.7, kind: 'error', unit: 'FID' }]],
    ['an accuracy of 55.89', [{ text: '55.89', value: 55.89, unit: '' }]],
    ['a speedup of 2.3', [{ text: '2.3', value: 2.3, kind: 'speedup', unit: 'x' }]],
    ['published in 2023', []],
  ],
  // Page text keeps its line breaks (the bench reads listing pages whole): the words after a value
  // stop at one (words.ts, readNextForward), so the next line's title is not its unit or label.
  'values at the end of a line': [
    ['Jun 2, 2023 2\n\nPoints of Interest: a study of map retrieval', []],
    ['into MLPs for $100\\times$ Faster Inference\n\nHypergraph Neural Networks (HGNNs) are', [
      { text: '100\\times', kind: 'speedup', label: 'Faster Inference' }]],
  ],
  'percentages': [
    ['by up to 300% and 30%', [{ text: '300%', upTo: true }, { text: '30%', upTo: false }]],
    ['a 1.1\\% gain for Swin-T', [{ text: '1.1\\%', value: 1.1, unit: '%' }]],
    ['reduces errors by 30 percent', [{ text: '30 percent', value: 30, unit: '%' }]],
    ['improves F1 by 2.8% points', [{ text: '2.8% points', value: 2.8, unit: 'pp' }]],
    ['+7.01% accuracy and -82.30% additional computation overhead', [
      { text: '+7.01%', value: 7.01, kind: 'accuracy' }, { text: '-82.30%', value: 82.3, kind: 'compute' }]],
    ['with nearly no performance drop (<1%)', [{ text: '<1%', value: 1 }]],
    ['achieves 83.8% top-1 classification accuracy on ImageNet-1K.', [
      { text: '83.8%', kind: 'accuracy', label: 'top-1 classification accuracy on ImageNet-1K' }]],
  ],
  'scores followed by metric names': [
    ['(58.7 box AP and 51.1 mask AP on COCO test-dev)', [
      { text: '58.7 box AP', unit: 'box AP', kind: 'accuracy' }, { text: '51.1 mask AP', unit: 'mask AP' }]],
    ['semantic segmentation (53.5 mIoU on ADE20K val)', [{ text: '53.5 mIoU', value: 53.5, unit: 'mIoU' }]],
    ['a loss of only 0.17 perplexity', [{ text: '0.17 perplexity', kind: 'error', unit: 'PPL' }]],
    ['image classification (87.3 top-1 accuracy on ImageNet-1K)', [{ text: '87.3 top-1 accuracy', value: 87.3 }]],
    ['gets 50.4AP (+2.2) on COCO', [{ text: '50.4AP', unit: 'AP' }, { text: '+2.2', value: 2.2, unit: 'AP' }]],
    ['FID scores of 1.70 on ImageNet 256 x 256 and 2.89 on ImageNet 512 x 512', [
      { text: '1.70', kind: 'error', unit: 'FID' }, { text: '2.89', kind: 'error', unit: 'FID' }]],
    ['an SSIM of 0.811 and an accuracy of 55.89', [{ text: '0.811', unit: 'SSIM' }, { text: '55.89', unit: '' }]],
    ['with 25.2, 31.3 and 41 mAP', [{ text: '25.2', unit: 'mAP' }, { text: '31.3', unit: 'mAP' }, { text: '41 mAP' }]],
    ['outperforms vanilla MLPs by 16.3 on average', [{ text: '16.3', kind: 'accuracy' }]],
    ['our model achieves 72.5 on MMLU', [{ text: '72.5', kind: 'accuracy', label: 'accuracy on MMLU' }]],
    ['with Recall@1 of 45.3 and an F1-score of 0.85', [{ text: '45.3', unit: 'Recall@1' }, { text: '0.85', unit: 'F1' }]],
    ['a perplexity loss of 0.29 and a WER of 5.2', [{ text: '0.29', kind: 'error' }, { text: '5.2', kind: 'error', unit: 'WER' }]],
    ['it gets 0.31 WikiText-2 perplexity', [{ text: '0.31', kind: 'error', unit: 'PPL' }]],
    ['RelP reaches 0.956', [{ text: '0.956', kind: 'accuracy' }]],
    ['35.2 BLEU-4 and 0.92 AUROC on the test set', [{ text: '35.2 BLEU-4', label: 'BLEU-4' }, { text: '0.92 AUROC', label: 'AUROC on the test set' }]],
    ['improving by 1.3 absolute points', [{ text: '1.3', unit: 'points' }]],
    ['accuracy rises from 65.2 to 78.4', [{ text: '65.2' }, { text: '78.4' }]],
    ['training takes 5 hours instead of 32', [{ text: '5 hours' }, { text: '32', unit: 'h' }]],
  ],
  'durations and rates': [
    ['with only 1.6 ms inference latency on iPhone 12', [{ text: '1.6 ms', kind: 'latency', unit: 'ms' }]],
    ['in 8 days, 5 hours, 30 minutes or 5 seconds', [
      { text: '8 days', unit: 'days' }, { text: '5 hours', unit: 'h' }, { text: '30 minutes', unit: 'min' }, { text: '5 seconds', unit: 's' }]],
    ['runs at ~10 FPS, 6.9 fps and 30FPS', [
      { text: '~10 FPS', kind: 'throughput', unit: 'FPS' }, { text: '6.9 fps' }, { text: '30FPS' }]],
    ['reaches 93 tokens/s on U280', [{ text: '93 tokens/s', kind: 'throughput' }]],
    ['from 5 days to 5 hours', [{ text: '5 days', rangeLow: null }, { text: '5 hours', rangeLow: null }]],
  ],
  'sizes, memory, compute, energy, data': [
    ['an MS-MLP with 85 million parameters', [{ text: '85 million parameters', kind: 'size', value: 85, unit: 'M params' }]],
    // Each magnitude word and letter gives its letter (trillion and thousand share a first letter).
    ['pretrained on 2 trillion tokens', [{ text: '2 trillion tokens', kind: 'data', unit: 'T tokens' }]],
    ['labels 5 thousand images', [{ text: '5 thousand', kind: 'data', unit: 'K images' }]],
    ['labels 5-thousand images', [{ text: '5-thousand', kind: 'data', unit: 'K images' }]],
    ['trained on 1.2T tokens', [{ text: '1.2T tokens', unit: 'T tokens' }]],
    ['a model of 12B parameters', [{ text: '12B parameters', unit: 'B params' }]],
    ['with 3.7B active parameters', [{ text: '3.7B', kind: 'size', unit: 'B params' }]],
    ['serves 128K context windows', [{ text: '128K', kind: 'size' }]],
    ['trained on 150B tokens and 2000B tokens', [{ text: '150B tokens', kind: 'data' }, { text: '2000B tokens', unit: 'B tokens' }]],
    ['requires only 0.59GB training GPU memory and 9.39G inference FLOPs', [
      { text: '0.59GB', kind: 'memory', unit: 'GB' }, { text: '9.39G', kind: 'compute', unit: 'GFLOPs' }]],
    ['memory drops from 48G to 7G', [{ text: '48G', kind: 'memory' }, { text: '7G', kind: 'memory' }]],
    ['fits under 32kB SRAM with 8.7MB weights', [{ text: '32kB', unit: 'kB' }, { text: '8.7MB', unit: 'MB' }]],
    ['costs 7.4 GFlops and 3.6 billion MACs', [{ text: '7.4 GFlops', unit: 'GFLOPs' }, { text: '3.6 billion MACs', unit: 'G MACs' }]],
    ['reaching a Model FLOPs Utilization of 23.4 percent', [{ text: '23.4 percent', kind: 'compute' }]],
    ['with 1.4x energy reduction and 79% lower power', [{ text: '1.4x', kind: 'energy' }, { text: '79%', kind: 'energy' }]],
    ['using 1.4k annotated data samples', [{ text: '1.4k', kind: 'data', unit: 'K samples' }]],
    ['on merely 25,000 sentences and 80,000 annotations', [
      { text: '25,000', value: 25000, kind: 'data' }, { text: '80,000', value: 80000, unit: 'annotations' }]],
    ['needs as few as 10 measurement samples', [{ text: '10', kind: 'data', qualifier: 'as few as' }]],
    ['960h of speech', [{ text: '960h', kind: 'data' }]],
    ['using only 20% of the training data', [{ text: '20%', kind: 'data' }]],
    ['keeps 1/8 tokens', [{ text: '1/8 tokens', value: 0.125 }]],
    ['at 0.04 bpp with a 0.1-0.2 dB gain', [{ text: '0.04 bpp', kind: 'size' }, { text: '0.1-0.2 dB', value: 0.2, rangeLow: 0.1 }]],
  ],
  'ranges and pairs are one span': [
    ['1.1-2.1x expert throughput', [{ text: '1.1-2.1x', value: 2.1, rangeLow: 1.1 }]],
    ['only 71%-85% of their FLOPs', [{ text: '71%-85%', value: 85, rangeLow: 71, kind: 'compute' }]],
    ['by 10% to 30%', [{ text: '10% to 30%', value: 30, rangeLow: 10 }]],
    ['3x to 10x cheaper', [{ text: '3x to 10x', value: 10, rangeLow: 3 }]],
    ['a +0.2sim7% gain', [{ text: '+0.2sim7%', value: 7, rangeLow: 0.2 }]],
    ['30\\%-50\\% less memory', [{ text: '30\\%-50\\%', rangeLow: 30 }]],
    ['2-7 times speedup over IMP', [{ text: '2-7 times', value: 7, rangeLow: 2 }]],
    ['4.65x to 6.06x higher energy efficiency', [{ text: '4.65x to 6.06x', kind: 'energy' }]],
    ['errors of 0.467%/0.741%', [{ text: '0.467%/0.741%', value: 0.741, rangeLow: 0.467 }]],
    ['speedups of 1.6x, 3.0x and 162x', [{ text: '1.6x' }, { text: '3.0x' }, { text: '162x' }]],
    ['shares of 72%,60% and 59% of application time', [{ text: '72%' }, { text: '60%' }, { text: '59%', kind: 'compute' }]],
    ['(8.3% vs. 9.7%)', [{ text: '8.3%' }, { text: '9.7%' }]],
  ],
  'qualifiers and up to': [
    ['up to 1.79x on CPU and 1.40x on GPU', [{ text: '1.79x', upTo: true }, { text: '1.40x', upTo: false, qualifier: '' }]],
    ['by up to 35%, inference FLOPs by 75%', [{ text: '35%', upTo: true }, { text: '75%', upTo: false }]],
    ['up to speedup 14.41times', [{ text: '14.41times', upTo: true, qualifier: 'up to' }]],
    ['Up to 3x faster', [{ text: '3x', upTo: true, qualifier: 'Up to' }]],
    ['about 15%, approximately 35%, more than 30%, nearly 2x', [
      { text: '15%', qualifier: 'about', upTo: false }, { text: '35%', qualifier: 'approximately' },
      { text: '30%', qualifier: 'more than' }, { text: '2x', qualifier: 'nearly' }]],
    ['over 8x faster', [{ text: '8x', qualifier: 'over' }]],
    ['achieving approximately \\textasciitilde42\\% time savings', [{ text: '42\\%', qualifier: 'approximately', kind: 'speedup' }]],
    ['only a 0.2\\% performance drop', [{ text: '0.2\\%', qualifier: '' }]],
    ['errors le5% and leq 3%', [{ text: '5%', qualifier: 'le' }, { text: '3%', qualifier: 'leq' }]],
  ],
  'resolutions are single spans of kind other': [
    ['generates 1024X1024 images', [{ text: '1024X1024', kind: 'other', value: 1024 }]],
    ['at 424times800 and 2048 times 4096', [{ text: '424times800', value: 800 }, { text: '2048 times 4096', value: 4096 }]],
    ['up to 4K (2048 times 4096) video', [{ text: '4K', kind: 'other', upTo: true }, { text: '2048 times 4096', upTo: true }]],
  ],
  'labels name what is measured': [
    ['with ~2.4x parameter reduction.', [{ text: '~2.4x', kind: 'size', label: 'parameter reduction' }]],
    ['Vim is 2.8times faster than DeiT and saves 86.8% GPU memory', [
      { text: '2.8times', label: 'faster than DeiT' }, { text: '86.8%', kind: 'memory', label: 'GPU memory' }]],
    ['reducing rollout cost by up to 4.2x.', [{ text: '4.2x', kind: 'compute', label: 'rollout cost reduction' }]],
    ['improves attention efficiency by 30%.', [{ text: '30%', label: 'attention efficiency gain' }]],
    ['an F1-score of 98.36% on the ALTA shared task 2023 data', [{ text: '98.36%', kind: 'accuracy' }]],
    ['inference takes 82 ms and the model has 3.7B active parameters', [
      { text: '82 ms', label: 'latency' }, { text: '3.7B', label: 'active parameters' }]],
    ['using 1.4k annotated data samples', [{ text: '1.4k', label: 'annotated data samples' }]],
    ['it supports up to 1 million sequence length', [{ text: '1 million', kind: 'size', label: 'sequence length', upTo: true }]],
  ],
  'sizes the method is claimed to reach': [
    ['Our method enables fine-tuning of a 13B model on a single 24GB GPU.', [
      { text: '13B', kind: 'size', value: 13, unit: 'B params', label: 'model size' }, { text: '24GB', kind: 'memory' }]],
    ['LoRA allows training a 65B model on one GPU', [{ text: '65B', kind: 'size', unit: 'B params' }]],
    ['it makes it possible to fine-tune a 65B parameter model', [{ text: '65B parameter', kind: 'size', unit: 'B params' }]],
    ['we can train a 13B model and it scales to a 175B model', [{ text: '13B', kind: 'size' }, { text: '175B', kind: 'size' }]],
    ['It extends the context length of Llama 2 to 16K tokens.', [{ text: '16K tokens', kind: 'size', rangeLow: null }]],
    ['We extend the context window from 1K to 16K tokens.', [
      { text: '1K', kind: 'size', rangeLow: null }, { text: '16K tokens', kind: 'size', unit: 'K tokens', rangeLow: null }]],
    ['We extend the context length up to 16K tokens.', [{ text: '16K tokens', kind: 'size', upTo: true }]],
    ['The model handles prompts of up to 16K tokens.', [{ text: '16K tokens', kind: 'size', upTo: true }]],
    ['compresses the prompt from 4K tokens to 512 tokens', [{ text: '4K tokens', rangeLow: null }, { text: '512 tokens' }]],
  ],
  'before/after transitions are two spans': [
    ['Our approach improves the score on HumanEval (from 19.5 to 31.5).', [
      { text: '19.5', kind: 'accuracy', rangeLow: null }, { text: '31.5', kind: 'accuracy', rangeLow: null }]],
    ['It improves perplexity (from 12.4 to 10.1).', [{ text: '12.4', kind: 'error' }, { text: '10.1', kind: 'error' }]],
    ['The success rate rises from 0.62 to 0.71.', [{ text: '0.62', kind: 'accuracy' }, { text: '0.71', kind: 'accuracy' }]],
  ],
  'hyphenated magnitudes': [
    ['It solves 1-million-dimensional PDEs in minutes.', [
      { text: '1-million-dimensional', kind: 'other', value: 1, unit: 'M dimensions', label: 'dimensionality of PDEs' }]],
    ['trained on over 1-million images', [{ text: '1-million', kind: 'data', value: 1, qualifier: 'over' }]],
  ],
  'large counts are data amounts': [
    ['contained 15,056 labeled and 65,406 unlabeled news headlines, a total of 1 million unlabeled headlines', [
      { text: '15,056', kind: 'data' }, { text: '65,406', kind: 'data' }, { text: '1 million', kind: 'data' }]],
    ['over 1,000 experiments on 2,048 GPUs', []],
  ],
};

const notMetrics: Record<string, string[]> = {
  'years, citations, enumerators, sections': [
    'As Hinton (2022) and [Makhzani and Frey, 2013] showed in 2023, (1) speed, 1) memory and (i) cost matter.',
    'See Section 3 and Table 2 of the 1990s work.',
    'Built with Python 3.10 and CUDA 11.8 (Section 5.2), significant at p < 0.05 with a batch size of 32 and a learning rate of 0.001.',
  ],
  'names containing digits': [
    'GPT-4, GPT-2, OPT-175B, Llama-7B, LLaMA(/2)-7B, Llama3-70B, Qwen2.5-VL-7B, Wan2.1-1.3B, ResNet18, VGG16, PVTv2-B0, MobileNetV3.',
    'CIFAR-10, ImageNet-1K, WikiText-103, MATH-500, 4DNeX-10M and CLIC2020 are datasets.',
    'A100, H100, RTX 3090, A800, TITAN Xp, Tesla-P100, 1F1B, ZO2, T1, S3Conv, H.264, VTM-17.0, SQuAD v1.1.',
    'YOLOv9-Tiny and Yuan-2.0 2B and Gemma 2B-2B are models.',
    'We compare with Qwen 2.5 and OpenChat 3.5, as in Table 3, on the subdwarf EC 20187-4939 using data from the survey.',
  ],
  'dimensionality and math': [
    'We model 2D, 3D, 4D and 6D scenes with conv2d layers.',
    'The cost is O(sqrt(n)), O(N^2), O(d^{k}) with d=1, weights in {-1, 0, 1}, 2:4 sparsity and L2 norms.',
    'A 3x3 kernel and a 2x2 pooling.',
  ],
  'precision designators': [
    'We quantize to 4-bit, 4 bits, 4-bits, 2-4 bits, 1.58-bit, 8-bit and 16-bit, with INT4, INT8, FP8, FP16, W4A8.',
  ],
  'setup counts and hardware': [
    'We use 12 datasets, 5 tasks, 3 benchmarks, 100 classes, 7 languages, 64 experts, 24 layers, 16 heads and 50 steps.',
    'Training runs on just 8 A800 GPUs, using only 8 GPUs instead of 32 GPUs, or 2,048 A100 GPUs.',
    'Each job used 8x A100 GPUs.',
    'Results use 10-fold cross-validation and 5-fold CV.',
  ],
  'evaluation configuration': [
    'We run experiments on models from 49B to 253B parameters with sequence lengths from 32K to 512K on the 1.4B model.',
    'When fine-tuning an 8B model we compare two 7B LLMs, with model sizes up to 350M parameters.',
    'A 2.6B-parameter model, a 1,000-layer network and 4M-token sequences are test cases.',
    'Encoders can process 30 seconds of audio.',
    'We fine-tune a 7B model on 8 GPUs; the harness allows comparing two 7B LLMs and runs inference on the 13B model.',
    'Across model scales ranging from 135M to 1.7B parameters, MoR wins.',
    'We use 1-million-token contexts and 768-dimensional embeddings.',
  ],
  'transitions that are settings or names': [
    'We vary the learning rate from 0.001 to 0.1 over encounters from 1 to 13 (from 2019 to 2023).',
    'The model improves from Qwen 2 to 3 and from 12 to 24 layers.',
    'Raising the learning rate, with values ranging from 0.001 to 0.1, changes little.',
  ],
  'URLs and spelled-out quantities': [
    'Code: https://github.com/abc123/def-45 and https://arxiv.org/abs/2401.12345v2.',
    'It is twice as fast, uses half the memory and an order of magnitude fewer FLOPs.',
  ],
};

describe('stated metrics by family', () => {
  for (const [family, rows] of Object.entries(families)) {
    it.each(rows)(`${family}: %s`, (...row) => check(row as Row));
  }
});

describe('not metrics', () => {
  for (const [family, inputs] of Object.entries(notMetrics)) {
    it.each(inputs)(`${family}: %s`, (input) => expect(extractMetrics(input)).toEqual([]));
  }
});
