// normaliseTitle, one step at a time: each row is an input and the normalised form worked out by hand.
// Rows "named in the feature request" are the forms the feature's specification names; "real" rows are
// titles as a site or file writes them (source given); the rest are small made-up strings that isolate
// one step.
import { describe, expect, it } from 'vitest';
import { normaliseTitle, titleWords } from '../../../src/core/identity';
import { normalisesTo } from '../../../src/core/identity/title';

const CASES: ReadonlyArray<readonly [input: string, expected: string, what: string]> = [
  // Case, whitespace, the final period.
  ['Attention is All you Need.', 'attention is all you need', 'case folded, final period dropped'],
  ['  Deep\tResidual \n Learning  ', 'deep residual learning', 'whitespace collapsed and trimmed'],
  // Unicode NFKC and accents.
  ['ﬁne-tuning ＬＬＭｓ', 'finetuning llms', 'NFKC: ligature and full-width letters'],
  ['Tensor Programs Ⅱ', 'tensor programs ii', 'NFKC: the Roman numeral sign Ⅱ is the letters II'],
  ['Approximation … based on the Gröbner basis', 'approximation based on the grobner basis', 'precomposed accent removed'],
  ['Gro\u0308bner', 'grobner', 'decomposed accent (o + combining diaeresis) removed'],
  ['Straße, Øbro, Łukasz, Æsir, Œuvre', 'strasse obro lukasz aesir oeuvre', 'letters without a decomposition folded'],
  ['İstanbul', 'istanbul', 'dotted capital I lower-cases without a stray dot'],
  // TeX markup.
  ['Tensor Programs {II}: Neural Tangent Kernel for Any Architecture', 'tensor programs ii neural tangent kernel for any architecture', 'named in the feature request: {II}'],
  ['Learning $D^{T}$ from data', 'learning dt from data', 'named in the feature request: $D^{T}$ (math loses ^, braces, spaces)'],
  ['An \\emph{Unbiased} Estimator', 'an unbiased estimator', 'named in the feature request: \\emph{…} keeps its text'],
  ['A \\textit{Practical} and \\textbf{Fast} Solver', 'a practical and fast solver', 'formatting commands keep their argument'],
  ['Schr{\\"o}dinger, Schr\\"odinger, Schr\\"{o}dinger', 'schrodinger schrodinger schrodinger', '{\\"o}, \\"o and \\"{o} accents'],
  ['Fr\\\'{e}d\\\'{e}ric, Fran\\c{c}ois, \\v{S}r\\\'amek', 'frederic francois sramek', 'real (arXiv metadata): \\\'{e}, \\c{c}, \\v{S}'],
  ['Mikkel {\\O}bro, Kaiser, \\L ukasz, Mei{\\ss}ner, H{\\aa}stad', 'mikkel obro kaiser lukasz meissner hastad', 'real (arXiv/BibTeX): letter commands, space after \\L eaten'],
  ['Search \\& Rescue', 'search and rescue', '\\& is &, read as "and"'],
  ['MultiZoo & MultiBench', 'multizoo and multibench', '& read as "and"'],
  ['Pages 10--20 --- a Study', 'pages 1020 a study', 'TeX -- joins like a hyphen; --- is a dash between words'],
  ['Circuits - Demystified', 'circuits demystified', 'a spaced hyphen separates'],
  ['Circuits—Demystified', 'circuits demystified', 'an em dash separates'],
  ['GPT-4’s “Multilingual” Processing – a Study—Revisited', 'gpt4s multilingual processing a study revisited', 'typographic apostrophe, quotes and dashes among ASCII'],
  ['‘Quoted’ – and &', 'quoted and and', 'a spaced en dash separates; a closing apostrophe joins nothing'],
  ['on the {\\it tritronqu\\\'ee} solution', 'on the tritronquee solution', 'real (arXiv 0704.0501): {\\it …}'],
  ['From dyadic $\\Lambda_{\\alpha}$ to $\\Lambda_{\\alpha}$', 'from dyadic lambdaalpha to lambdaalpha', 'real (arXiv 0704.0005): Greek letters by name'],
  ['From dyadic Λα to Λα', 'from dyadic lambdaalpha to lambdaalpha', 'the same title as MathJax renders it'],
  ['MLPs for $100\\times$ Faster Inference', 'mlps for 100x faster inference', '\\times is ×, read as x'],
  ['MLPS FOR 100× FASTER INFERENCE', 'mlps for 100x faster inference', '× read as x'],
  ['$\\mathrm{SE}(3)$-Equivariant', 'se 3 equivariant', 'math font command keeps its text'],
  ['Single $l_p$-Threat Models', 'single lpthreat models', 'subscript joined; hyphen after math joins'],
  ['$O(n \\log n)$ Sorting', 'o nlogn sorting', 'operator names stay words; math spaces go'],
  ['$\\sqrt{T}$-Regret and $\\infty$-Diff', 'sqrttregret and infinitydiff', '\\sqrt and \\infty as the signs √ and ∞ read'],
  ['The \\LaTeX\\ Companion', 'the latex companion', 'an unknown text command keeps its name'],
  ['The $5 Model', 'the 5 model', 'a lone dollar is punctuation'],
  ['Unclosed {brace and \\', 'unclosed brace and', 'unbalanced markup does not throw'],
  // Dashes, quotes, punctuation.
  ['Multi-label vs MULTILABEL', 'multilabel vs multilabel', 'a hyphen inside a word joins'],
  ['Jacquet–Langlands, Jacquet‐Langlands', 'jacquetlanglands jacquetlanglands', 'en dash and Unicode hyphen inside a word join'],
  ['IN-\u00adTERPRETABILITY', 'interpretability', 'soft hyphen ignored'],
  ['Don’t Stop: “Quoted” and \'single\'', 'dont stop quoted and single', 'apostrophes join, quotes separate'],
  ['Is BERT Really Robust? A Strong Baseline!', 'is bert really robust a strong baseline', 'question and exclamation marks'],
  ['CosPGD: a unified white-box attack (v2) [preprint]; 1.0/2.0', 'cospgd a unified whitebox attack v2 preprint 1 0 2 0', 'other punctuation separates words'],
  ['π2VEC: Policy', 'pi2vec policy', 'a Greek letter inside a word'],
  ['', '', 'empty title'],
  ['?!.', '', 'punctuation only'],
];

describe('normaliseTitle', () => {
  it.each(CASES)('%j → %j (%s)', (input, expected) => {
    expect(normaliseTitle(input)).toBe(expected);
  });

  it('gives "" for values that are not strings, as a record read from a bad backup may hold', () => {
    for (const value of [undefined, null, 42, {}, ['a title']]) expect(normaliseTitle(value as unknown as string)).toBe('');
  });

  it('reads a plain title of any length, longer than its shared buffer too (a 2,100-character title of "&"s)', () => {
    expect(normaliseTitle('Word & '.repeat(300))).toBe('word and '.repeat(300).trim());
    expect(normaliseTitle('Short & Sweet')).toBe('short and sweet');
  });

  it('reads arXiv metadata with its line breaks (arXiv 0704.0019 as arxiv-browse stores it)', () => {
    const raw = 'Approximation for extinction probability of the contact process based on\n  the Gr\\"obner basis';
    expect(normaliseTitle(raw)).toBe('approximation for extinction probability of the contact process based on the grobner basis');
  });
});

describe('normalisesTo', () => {
  it.each(CASES)('%j normalises to %j (%s), and to nothing longer or shorter', (input, expected) => {
    expect(normalisesTo(input, expected)).toBe(true);
    expect(normalisesTo(input, `${expected} x`)).toBe(false);
    expect(normalisesTo(input, `x ${expected}`.trim())).toBe(false);
    if (expected !== '') expect(normalisesTo(input, expected.slice(0, -1))).toBe(false);
  });

  it.each([
    ['Attention Is All You Need', 'attention is all you'],
    ['Attention-Is All', 'attention is all'],
    ['Attention Is All', 'attentionis all'],
    ['A & B', 'a b'],
    ['A & B', 'a an b'],
    ['& B', ' and b'],
    ['Tensor Programs II', 'tensor programs iv'],
    ['Tensor Programs II', 'Tensor Programs II'],
    ['Don’t Stop', 'don t stop'],
    ['An \\emph{Unbiased} Estimator', 'an emph unbiased estimator'],
  ])('%j does not normalise to %j', (title, normalised) => {
    expect(normalisesTo(title, normalised)).toBe(false);
  });

  it('reads values that are not strings as normaliseTitle does: as ""', () => {
    for (const value of [undefined, null, 42, {}]) {
      expect(normalisesTo(value as unknown as string, '')).toBe(true);
      expect(normalisesTo(value as unknown as string, 'a b c d')).toBe(false);
    }
  });
});

describe('titleWords', () => {
  it('splits a normalised title into its words', () => {
    expect(titleWords('reducing sat to 2sat')).toEqual(['reducing', 'sat', 'to', '2sat']);
    expect(titleWords('')).toEqual([]);
  });
});
