// Real title pairs: the same paper as two sites (or a site and a BibTeX file) write its title, and near
// misses that the rule must keep apart. Every string is copied as its source writes it; the source is
// named on each row. "Scopus map" is a public script that maps titles as a conference review site
// lists them to the titles Scopus holds (a `title_map` dictionary; its keys have colons stripped).
import { describe, expect, it } from 'vitest';
import { normaliseTitle, titleFingerprint } from '../../../src/core/identity';

interface Pair {
  a: string;
  b: string;
  /** Where each title comes from, and what differs. */
  source: string;
}

const SAME: readonly Pair[] = [
  {
    a: 'Attention Is All You Need',
    b: 'Attention is All you Need',
    source: 'arXiv 1706.03762 vs the NeurIPS 2017 proceedings BibTeX (quoted in a public README): case',
  },
  {
    a: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
    b: '{BERT}: Pre-training of Deep Bidirectional Transformers for Language Understanding',
    source: 'arXiv 1810.04805 vs the ACL Anthology BibTeX of N19-1423 (NAACL 2019): TeX braces',
  },
  {
    a: 'CHAI: Clustered Head Attention for Efficient LLM Inference',
    b: '{CHAI}: Clustered Head Attention for Efficient {LLM} Inference',
    source: 'PMLR v235 agarwal24a (ICML 2024) vs the BibTeX in the authors\' README: TeX braces',
  },
  {
    a: 'The Non-linear $F$-Design and Applications to Interactive Learning',
    b: 'The Non-linear F-Design and Applications to Interactive Learning',
    source: 'PMLR v235 agarwal24e (raw TeX) vs the OpenReview ICML 2024 venue page (MathJax text); test/fixtures/pmlr and test/fixtures/openreview',
  },
  {
    a: 'Approximation for extinction probability of the contact process based on\n  the Gr\\"obner basis',
    b: 'Approximation for extinction probability of the contact process based on the Gröbner basis',
    source: 'arXiv 0704.0019 metadata as arxiv-browse stores it vs as the arXiv listing shows it (test/fixtures/cvf data): TeX accent, line break',
  },
  {
    a: 'LightHGNN: Distilling Hypergraph Neural Networks into MLPs for $100\\times$ Faster Inference',
    b: 'LightHGNN: Distilling Hypergraph Neural Networks into MLPs for 100x Faster Inference',
    source: 'arXiv title on Hugging Face (test/fixtures/huggingface/daily-2025-12-11.html) vs ICLR 2024 on OpenReview (a lab publication list): $\\times$ vs x',
  },
  {
    a: 'LightHGNN Distilling Hypergraph Neural Networks into MLPs for 100x Faster Inference',
    b: 'LIGHTHGNN: DISTILLING HYPERGRAPH NEURAL NETWORKS INTO MLPS FOR 100× FASTER INFERENCE',
    source: 'Scopus map: capitals, × vs x, colon',
  },
  {
    a: '$\\mathrm{SE}(3)$-Equivariant Attention Networks for Shape Reconstruction in Function Space',
    b: 'SE(3)-EQUIVARIANT ATTENTION NETWORKS FOR SHAPE RECONSTRUCTION IN FUNCTION SPACE',
    source: 'Scopus map: TeX math, capitals',
  },
  {
    a: 'Adversarial Robustness against Multiple and Single $l_p$-Threat Models via Quick Fine-Tuning of Robust Classifiers',
    b: 'Adversarial Robustness against Multiple and Single lp-Threat Models via Quick Fine-Tuning of Robust Classifiers',
    source: 'Scopus map: TeX subscript',
  },
  {
    a: 'Clean-image Backdoor Attacking Multi-label Models with Poisoned Labels Only',
    b: 'CLEAN-IMAGE BACKDOOR: ATTACKING MULTILABEL MODELS WITH POISONED LABELS ONLY',
    source: 'Scopus map: Multi-label vs MULTILABEL, colon',
  },
  {
    a: 'HEBO Pushing The Limits of Sample-Efficient Hyper-parameter Optimisation',
    b: 'HEBO: Pushing The Limits of Sample-Efficient Hyperparameter Optimisation',
    source: 'Scopus map: Hyper-parameter vs Hyperparameter',
  },
  {
    a: 'Progressively Compressed Auto-Encoder for Self-supervised Representation Learning',
    b: 'PROGRESSIVELY COMPRESSED AUTOENCODER FOR SELF-SUPERVISED REPRESENTATION LEARNING',
    source: 'Scopus map: Auto-Encoder vs AUTOENCODER',
  },
  {
    a: 'Symbolic Learning to Optimize Towards Interpretability and Scalability',
    b: 'SYMBOLIC LEARNING TO OPTIMIZE: TOWARDS IN-TERPRETABILITY AND SCALABILITY',
    source: 'Scopus map: a line-break hyphen left inside a word',
  },
  {
    a: 'MultiZoo and MultiBench A Standardized Toolkit for Multimodal Deep Learning',
    b: 'MULTIZOO & MULTIBENCH: A Standardized Toolkit for Multimodal Deep Learning',
    source: 'Scopus map: & vs and',
  },
  {
    a: 'pi2vec Policy Representation with Successor Features',
    b: 'π2VEC: POLICY REPRESENTATION WITH SUCCESSOR FEATURES',
    source: 'Scopus map: the Greek letter π vs its name',
  },
];

const DIFFERENT: readonly Pair[] = [
  {
    a: 'Intelligent location of simultaneously active acoustic emission sources: Part I',
    b: 'Intelligent location of simultaneously active acoustic emission sources: Part II',
    source: 'series: arXiv 0704.0047 and 0704.0050 (arxiv-browse test data), same authors',
  },
  {
    a: 'Dimers on Surface Graphs and Spin Structures. i.',
    b: 'Dimers on surface graphs and spin structures. II',
    source: 'series: part I as a public CSL bibliography prints it (Commun. Math. Phys. 275) vs part II, arXiv 0704.0273; same authors',
  },
  {
    a: 'CosPGD: a unified white-box adversarial attack for pixel-wise prediction tasks',
    b: 'CosPGD: an efficient white-box adversarial attack for pixel-wise prediction tasks',
    source: 'arXiv 2302.02213 vs PMLR v235 agnihotri24b: the same work retitled, two words changed; the rule keeps them apart',
  },
  {
    a: 'Feature Learning in Infinite-Width Neural Networks',
    b: 'Tensor Programs IV: Feature Learning in Infinite-Width Neural Networks',
    source: 'arXiv 2011.14522 vs PMLR v139 yang21c (ICML 2021): an extension of the title; the rule keeps them apart',
  },
  {
    a: 'Proving the Lottery Ticket Hypothesis for Convolutional Neural Networks',
    b: 'PROVING THE STRONG LOTTERY TICKET HYPOTHESIS FOR CONVOLUTIONAL NEURAL NETWORKS',
    source: 'Scopus map: one word inserted',
  },
  {
    a: 'Convergence in Multi-Issue Iterative Voting under Uncertainty',
    b: 'Convergence of Multi-Issue Iterative Voting under Uncertainty',
    source: 'Scopus map: one word changed',
  },
  {
    a: 'A High-Resolution Dataset for Instance Detection with Multi-View Object Capture',
    b: 'A High-Resolution Dataset for Instance Detection with Multi-View Instance Capture',
    source: 'Scopus map: one word changed',
  },
  {
    a: 'Entropy Estimation via Normalizing Flow',
    b: 'Entropy Eestimation via Normalizing Flow',
    source: 'Scopus map: a misspelt word',
  },
  {
    a: 'PLURALITYVETO: A Simple Voting Rule Achieving Optimal Metric Distortion',
    b: 'Plurality Veto A Simple Voting Rule Achieving Optimal Metric Distortion',
    source: 'Scopus map: one word written as two',
  },
];

describe('the same title as two sources write it', () => {
  it.each(SAME)('$source', ({ a, b }) => {
    expect(normaliseTitle(a)).toBe(normaliseTitle(b));
    expect(titleFingerprint(a)).toBeDefined();
    expect(titleFingerprint(a)).toBe(titleFingerprint(b));
  });
});

describe('near misses are other titles', () => {
  it.each(DIFFERENT)('$source', ({ a, b }) => {
    expect(normaliseTitle(a)).not.toBe(normaliseTitle(b));
    expect(titleFingerprint(a)).not.toBe(titleFingerprint(b));
  });
});

describe('normalised forms of some of these titles, checked by hand', () => {
  it.each([
    ['Attention is All you Need', 'attention is all you need'],
    ['{BERT}: Pre-training of Deep Bidirectional Transformers for Language Understanding', 'bert pretraining of deep bidirectional transformers for language understanding'],
    ['The Non-linear $F$-Design and Applications to Interactive Learning', 'the nonlinear fdesign and applications to interactive learning'],
    ['SE(3)-EQUIVARIANT ATTENTION NETWORKS FOR SHAPE RECONSTRUCTION IN FUNCTION SPACE', 'se 3 equivariant attention networks for shape reconstruction in function space'],
    ['Dimers on Surface Graphs and Spin Structures. i.', 'dimers on surface graphs and spin structures i'],
    ['Dimers on surface graphs and spin structures. II', 'dimers on surface graphs and spin structures ii'],
  ])('%j → %j', (title, expected) => {
    expect(normaliseTitle(title)).toBe(expected);
  });
});
