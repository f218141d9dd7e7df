// The word tables of the metric grammar (docs/metrics.md): unit suffixes, metric
// names, qualifiers, count nouns and the cue words that decide a metric's kind. Everything the
// extractor "knows" about language lives here so a new unit or cue is a one-line change.
import type { MetricKind } from '../metric-types';
import { WordMap, WordSet, wordList } from './word-table';

/** What a unit says about the quantity; decides acceptance and the default kind. */
export type UnitClass =
  | 'percent'
  | 'multiplier'
  | 'resolution'
  | 'time'
  | 'rate'
  | 'memory'
  | 'flops'
  | 'energy'
  | 'params'
  | 'tokens'
  | 'magnitude'
  | 'score'
  | 'points'
  | 'quality'
  | 'oom'
  | 'scale';

/**
 * The suffixes that may follow a number, in the order they are tried (sticky regexes, so each
 * runs at one position only). Group 1 (or the first group that matched) is the suffix as
 * written; `unit` normalises it. A rule's regex runs only when the text after the number starts
 * with one of its `prefixes` (after a space if `space` allows one), so most numbers are tested
 * against no regex at all. The `(?![A-Za-z])` tails keep a unit from matching the start of a
 * longer word ("5 s" but not "5 stages").
 */
export interface SuffixRule {
  re: RegExp;
  /** 'precision' marks a configuration name ("4-bit"): the number is not a quantity. */
  cls: UnitClass | 'precision';
  space: 'optional' | 'required' | 'none';
  /** Literal starts of the suffix, separated by "|"; a trailing "$" means "and then no letter" ("s$": "5 s", not "5 stages"). */
  prefixes: string;
  unit: (written: string) => string;
}

const same = (written: string) => written;

/** A unit normaliser that remembers its answers: units are written in a few ways, and normalising runs regexes. */
function memo(normalise: (written: string) => string): (written: string) => string {
  const known = new Map<string, string>();
  return (written) => {
    let unit = known.get(written);
    if (unit === undefined) {
      unit = normalise(written);
      if (known.size < 256) known.set(written, unit);
    }
    return unit;
  };
}

export const SUFFIXES: readonly SuffixRule[] = [
  // "4-bit", "4 bits", "1.58-bit": precision designators are configuration names, never metrics.
  { re: /(?:\s?-?\s?bits?|-bits?)(?![A-Za-z])/y, cls: 'precision', space: 'optional', prefixes: 'bit|-bit|- bit', unit: same },
  // "83.1%", "1.1\%", "2.8% points"; "%ile" (a percentile name) is rejected by the grammar.
  { re: /\s?(\\?%)(?:\s?(points?|pts|pp)(?![A-Za-z]))?/y, cls: 'percent', space: 'optional', prefixes: '%|\\%', unit: same },
  { re: /\s(percent(?:age points)?|pp)(?![A-Za-z])/y, cls: 'percent', space: 'required', prefixes: 'percent|pp', unit: same },
  // "2.4x", "2.4X", "5.18\times", "100times", "25 times", "3-fold".
  {
    re: /(?:\s?([xX×])(?![A-Za-z])|\s?(\\times)(?![A-Za-z])|\s?(times)(?![A-Za-z])|(-fold)(?![A-Za-z])|\s?(fold)(?![A-Za-z]))/y,
    cls: 'multiplier', space: 'optional', prefixes: 'x$|X$|×|\\times|times|-fold|fold', unit: () => 'x',
  },
  // Memory before magnitudes so "8GB" is not read as "8G" + "B".
  { re: /\s?([GMKkT]i?B|[GM]b)(?![A-Za-z])/y, cls: 'memory', space: 'optional', prefixes: 'GB|MB|KB|kB|TB|GiB|MiB|KiB|TiB|Gb|Mb', unit: memo(memoryUnit) },
  // FLOPs and MACs, with or without a magnitude prefix: "7.4 GFlops", "3.6 GMACs", "4.5 FLOP(G)".
  {
    re: /\s?((?:[GTPMK]|Giga|Tera|Peta)?(?:FLOPs?|FLOPS|Flops|flops|MACs?|MACS)(?:\/byte|\(G\))?)(?![A-Za-z])/y,
    cls: 'flops', space: 'optional',
    prefixes: 'FLOP|Flop|flop|MAC|GFLOP|GFlop|Gflop|GMAC|TFLOP|TFlop|TMAC|PFLOP|PFlop|MFLOP|MFlop|MMAC|KFLOP|Giga|Tera|Peta',
    unit: memo(flopsUnit),
  },
  { re: /\s?(TOPS\/W|kWh|Wh|mJ|kJ|J|mW|kW|W)(?![A-Za-z0-9])/y, cls: 'energy', space: 'optional', prefixes: 'TOPS/W|kWh|Wh|mJ|kJ|J$|mW|kW|W$', unit: same },
  {
    re: /\s?(FPS|fps|frames\/s|tokens\/s|tok\/s|it\/s|samples\/s|images\/s|img\/s|QPS|req\/s)(?![A-Za-z])/y,
    cls: 'rate', space: 'optional', prefixes: 'FPS|fps|frames/s|tokens/s|tok/s|it/s|samples/s|images/s|img/s|QPS|req/s',
    unit: memo((w) => (/fps|frames/i.test(w) ? 'FPS' : w)),
  },
  {
    re: /\s?(ms|milliseconds?|µs|us|microseconds?|ns|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?)(?![A-Za-z0-9])/y,
    cls: 'time', space: 'optional', prefixes: 'ms|milli|µs|us|micro|ns|s|min|h|day|week', unit: memo(timeUnit),
  },
  { re: /\s?(dB|bpp)(?![A-Za-z])/y, cls: 'quality', space: 'optional', prefixes: 'dB|bpp', unit: same },
  { re: /\s?(OOM)(?![A-Za-z])/y, cls: 'oom', space: 'optional', prefixes: 'OOM', unit: same },
  // "2.5$\times$": a multiplier sign inside LaTeX delimiters (the closing "$" stays out of the span).
  { re: /(\$\\times)(?![A-Za-z])/y, cls: 'multiplier', space: 'none', prefixes: '$\\times', unit: () => 'x' },
  { re: /\s(points?|pts)(?![A-Za-z])/y, cls: 'points', space: 'required', prefixes: 'point|pts', unit: () => 'points' },
  // The two count nouns the span keeps (docs/metrics.md, 3.3): "256 tokens", "500 parameters".
  { re: /\s(tokens)(?![A-Za-z/])/y, cls: 'tokens', space: 'required', prefixes: 'tokens', unit: same },
  { re: /\s(parameters|params)(?![A-Za-z/])/y, cls: 'params', space: 'required', prefixes: 'param', unit: () => 'params' },
  // Magnitudes: "16.3 million", then "7B", "128K", "30b", "1.4k", "48G".
  // "1-million-dimensional" PDEs: a problem scale; "1-million" alone reads like "1 million".
  {
    re: /-(thousand|million|billion|trillion)-dimensional(?![A-Za-z])/y, cls: 'scale', space: 'none',
    prefixes: '-thousand|-million|-billion|-trillion', unit: (w) => `${magnitudeLetter(w.slice(1))} dimensions`,
  },
  { re: /-(thousand|million|billion|trillion)(?![A-Za-z])/y, cls: 'magnitude', space: 'none', prefixes: '-thousand|-million|-billion|-trillion', unit: (w) => magnitudeLetter(w.slice(1)) },
  { re: /\s(thousand|million|billion|trillion)(?![A-Za-z])/y, cls: 'magnitude', space: 'required', prefixes: 'thousand|million|billion|trillion', unit: magnitudeLetter },
  { re: /([KkMBbGT])(?![A-Za-z0-9])/y, cls: 'magnitude', space: 'none', prefixes: 'K$|k$|M$|B$|b$|G$|T$', unit: magnitudeLetter },
  // Metric names that, right after a bare score, act as its unit ("58.7 box AP", "53.5 mIoU",
  // "0.17 perplexity"). Case-sensitive on purpose: "AP" but not "ap".
  {
    re: /\s?(box AP|mask AP|AP(?:50|75|_\{?\w+\}?)?|mAP(?:@[\d.:]+)?|mIoU|IoU|PSNR|SSIM|LPIPS|FID|FVD|BLEU(?:-4)?|ROUGE(?:-[L12])?|METEOR|CIDEr|SPICE|F1|EM|PPL|perplexity|WER|CER|BPC|NDS|mAR|HOTA|IDF1|MOTA|Dice|Elo|AUROC|AUPRC|AUC|NDCG(?:@\d+)?|MRR|EER|MOS|UTMOS|PESQ|STOI|SI-SDR|CLIPScore|pass@\d+|top-1 accuracy|top-5 accuracy|top-1|accuracy)(?![A-Za-z0-9])/y,
    cls: 'score', space: 'optional',
    prefixes: 'box AP|mask AP|AP|mAP|mIoU|IoU|PSNR|SSIM|LPIPS|FID|FVD|BLEU|ROUGE|METEOR|CIDEr|SPICE|F1|EM|PPL|perplexity|WER|CER|BPC|NDS|mAR|HOTA|IDF1|MOTA|Dice|Elo|AUROC|AUPRC|AUC|NDCG|MRR|EER|MOS|UTMOS|PESQ|STOI|SI-SDR|CLIPScore|pass@|top-1|top-5|accuracy',
    unit: same,
  },
];

/**
 * The letter of a magnitude the rules above read ("thousand" or "k" -> "K", "1-million-dimensional" -> "M"),
 * told by its first characters: an object indexed with the word, a substring of the text, made V8 intern
 * the key for a megamorphic load at every magnitude.
 */
function magnitudeLetter(word: string): string {
  switch (word.charCodeAt(0)) {
    case 116: // t
      return word.charCodeAt(1) === 104 ? 'K' : 'T'; // thousand, trillion
    case 107: case 75: return 'K'; // k, K
    case 109: case 77: return 'M'; // million, M
    case 98: case 66: return 'B'; // billion, b, B
    case 71: return 'G';
    case 84: return 'T';
    default: throw new Error(`not a magnitude: ${word}`);
  }
}

/** A literal start of a suffix; `wordEnd`: no letter may follow it. */
export interface SuffixPrefix {
  text: string;
  wordEnd: boolean;
  /** The code of its second character, or -1 when it has one character: compared before the whole prefix is. */
  second: number;
}

/** A rule with those of its prefixes that start with one character. */
export interface GatedRule {
  rule: SuffixRule;
  prefixes: readonly SuffixPrefix[];
}

type SuffixIndex = readonly (readonly GatedRule[] | undefined)[];
let afterSpace: SuffixIndex | null = null;
let glued: SuffixIndex | null = null;

/**
 * Suffix rules by the first character of their prefixes (an array indexed by char code, all of
 * which are below 256), in table order; one index for "after a space", one for "glued". Built on
 * first use, like the word tables (./word-table.ts), so loading the module costs next to nothing.
 */
export function suffixIndex(spaced: boolean): SuffixIndex {
  if (spaced) return (afterSpace ??= indexSuffixes((rule) => rule.space !== 'none'));
  return (glued ??= indexSuffixes((rule) => rule.space !== 'required'));
}

function indexSuffixes(allowed: (rule: SuffixRule) => boolean): SuffixIndex {
  const index: (GatedRule[] | undefined)[] = new Array<GatedRule[] | undefined>(256).fill(undefined);
  for (const rule of SUFFIXES) {
    if (!allowed(rule)) continue;
    const written = rule.prefixes.split('|');
    for (const first of new Set(written.map((p) => p.charCodeAt(0)))) {
      if (first >= 256) throw new Error(`suffix prefix outside Latin-1: ${String.fromCharCode(first)}`);
      const prefixes = written.filter((p) => p.charCodeAt(0) === first)
        .map((p) => {
          const text = p.endsWith('$') ? p.slice(0, -1) : p;
          return { text, wordEnd: p.endsWith('$'), second: text.length > 1 ? text.charCodeAt(1) : -1 };
        });
      (index[first] ??= []).push({ rule, prefixes });
    }
  }
  return index;
}

function memoryUnit(written: string): string {
  const unit = written.replace('iB', 'B');
  return unit === 'KB' ? 'kB' : unit;
}

function flopsUnit(written: string): string {
  if (written.endsWith('(G)')) return 'GFLOPs';
  if (written.endsWith('/byte')) return 'FLOPs/byte';
  const mac = /MAC/i.test(written);
  const prefix = written.startsWith('Giga') ? 'G' : written.startsWith('Tera') ? 'T' : written.startsWith('Peta') ? 'P' : /^(?:[GTPK]|M(?!AC))/.test(written) ? written[0] : '';
  return mac ? `${prefix ? prefix + ' ' : ''}MACs` : `${prefix}FLOPs`;
}

function timeUnit(written: string): string {
  if (/^(ms|milli)/.test(written)) return 'ms';
  if (/^(µs|us|micro)/.test(written)) return 'µs';
  if (written === 'ns') return 'ns';
  if (/^(s|sec)/.test(written)) return 's';
  if (/^min/.test(written)) return 'min';
  if (/^(h|hr|hour)/.test(written)) return 'h';
  if (/^day/.test(written)) return 'days';
  return 'weeks';
}

export const TRAILING_TIMES = /\s?times(?![A-Za-z])/y;

/** The count nouns a magnitude may carry inside the span (docs/metrics.md, 3.3). */
export const MAGNITUDE_NOUN = /\s?(parameters?|params|tokens)(?![A-Za-z])/y;

/** Metric names that may precede a bare score ("FID scores of 1.70", "SSIM of 0.811"), with the unit they give it. */
export const SCORE_WORDS = new WordMap<string>(() => [
  ...wordList('ap map miou iou psnr ssim lpips fid fvd bleu rouge rouge-l meteor cider f1 em ppl wer cer nds hota idf1 ' +
    'mota dice elo auc auroc auprc ndcg mrr mae mse rmse eer mos pesq stoi sdr si-sdr bleu-4 rouge-1 rouge-2 chrf ' +
    'comet spice clipscore')
    .map((w): [string, string] => [w, w === 'map' ? 'mAP' : w === 'miou' ? 'mIoU' : w === 'clipscore' ? 'CLIPScore' : w.toUpperCase()]),
  ['perplexity', 'PPL'], ['accuracy', ''], ['score', ''], ['scores', ''], ['correlation', 'Pearson r'], ['pearson', 'Pearson r'],
  ['spearman', 'rank correlation'], ['kendall', 'rank correlation'], ['recall', ''], ['precision', ''], ['loss', ''],
  ['error', ''], ['f1-score', 'F1'], ['f-score', 'F1'], ['kappa', 'kappa'], ['r2', 'R2'], ['r^2', 'R2'], ['pass@1', 'pass@1'],
  ['win-rate', ''],
]);

/** Lower-is-better metric names (kind "error"); every other score is accuracy-like. */
export const ERROR_UNITS = new Set(['FID', 'FVD', 'LPIPS', 'PPL', 'perplexity', 'WER', 'CER', 'BPC', 'MAE', 'MSE', 'RMSE', 'EER']);
/** Generic score words that are lower-is-better ("a loss of 0.29"). */
export const ERROR_SCORE_WORDS = new WordSet('loss error+');

/** Words between a metric name and its score: "FID scores of 1.70", "accuracy is 55.89". */
export const SCORE_GLUE = new WordSet('of is are was = : reach{es,ing,ed} achiev{es,ing,ed} at to from score+ value+ a ' +
  'an the new state-of-the-art sota test val validation average mean top-1 top-5 by rating overall absolute only ' +
  'about around approximately nearly over above below up ' +
  // verbs of change between a metric and its values: "accuracy rises from 65.2 to 78.4"
  'rises rose increase{s,d} improve{s,d} drops dropped decrease{s,d} falls fell goes went jumps climbs grows ' +
  'boost{s,ed} reduce{s,d} lower{s,ed}');

/** Verbs of change before "from X to Y" that make the pair a before/after result ("improves performance from 19.5 to 31.5"). */
export const CHANGE_VERBS = new WordSet('improv{es,ed,ing,e} increas{es,ed,ing} rais{es,ed,ing} boost{s,ed,ing} ' +
  'lift{s,ed} rises rose jump{s,ed} climb{s,ed} grows grew drops dropped decrease{s,d} reduc{es,ed,ing} ' +
  'lower{s,ed} cuts falls fell goes went move{s,d} change{s,d}');

/** Verbs that report a score ("achieves 72.5 on MMLU"): a bare decimal after one, before "on <Benchmark>", is a score. */
export const SCORE_VERBS = new WordSet('achiev{es,ing,e,ed} obtain{s,ing,ed} reach{es,ing,ed} attain{s,ing,ed} ' +
  'scor{es,ing,ed} gets yield{s,ing} records');
/** Words naming a bare ratio ("a speedup of 2.3", "compression ratio of 10"). */
export const RATIO_WORDS = new WordSet('speedup speed-up acceleration ratio');

/** Verbs of improvement that make a bare decimal after "by" a gain ("outperforms MLPs by 16.3"). */
export const GAIN_VERBS = new WordSet('outperform{,s,ing,ed} improv{e,es,ing,ed} surpass{,es,ing,ed} exceed+ beat{s,} ' +
  'boost{,s,ing} gain{s,} increas{es,e,ing} margin');

/**
 * Word qualifiers (docs/metrics.md, 3.1), matched case-insensitively right before the value. Longest
 * first so "more than" wins over "than". "sim" and "le" are stripped LaTeX (\sim, \le).
 */
export const QUALIFIERS: readonly string[] = [
  'a maximum of', 'as few as', 'as little as', 'as long as', 'as much as', 'as high as', 'as low as', 'as many as',
  'more than', 'less than', 'fewer than', 'greater than', 'higher than', 'lower than', 'at most', 'at least',
  'approximately', 'exceeding', 'roughly', 'nearly', 'almost', 'around', 'within', 'about', 'up to', 'upto', 'over',
  'under', 'below', 'above', 'beyond', 'approx', 'sim', 'le', 'leq', 'ge', 'geq',
];

/** Nouns that make a bare number a setup count, never a metric (docs/metrics.md, section 2). */
export const SETUP_NOUNS = new WordSet('dataset+ task+ benchmark+ language+ class{,es} categor{y,ies} layer+ head+ ' +
  'expert+ step+ iteration+ epoch+ gpu+ node+ device+ tpu+ core+ stage+ block+ model+ llm+ subset+ combination+ ' +
  'variant+ version+ run+ seed+ domain+ type+ modalit{y,ies} agent+ method+ baseline+ metric+ round+ fold+ shot+ ' +
  'dimension+ channel+ meter+ checkpoint+ backbone+ transformer+ machine+ server+ card+ worker+ frame+ bit+ times ' +
  'kernel+ evaluation+ participant+ user+ experiment+ configurations settings hyperparameters people authors ' +
  'annotators raters teams systems');

/** Nouns of data amounts; a count of them is a metric when it is large or stressed ("as few as 10 samples"). */
export const DATA_NOUNS = new WordSet('sample+ example+ image+ sentence+ annotation+ case+ pair+ video+ clip+ hour+ ' +
  'instruction+ question+ prompt+ demonstration+ document+ verse+ utterance+ trajector{y,ies} label+ quer{y,ies} ' +
  'problem+ text+ caption+ word+ dialogue+ conversation+ record{ing,,s} recordings article+ paper+ latent+ ' +
  'molecule+ protein+ patient+ data points variables vertices architectures pixels headlines tweets posts reviews ' +
  'passages pages files programs functions repositories games scenes objects speakers interactions episodes ' +
  'transcripts comments instances entries items triples facts claims rows tables structures compounds reactions ' +
  'genes cells edges graphs photos recipes solutions proofs theorems equations responses preferences comparisons ' +
  'ratings judgments trials observations measurements frames');

/** Words that may sit between a count and its noun ("2,071 structured test cases"). */
export const COUNT_FILLERS = new WordSet('annotated labeled labelled structured unlabeled synthetic real high-quality ' +
  'training test measurement few-shot sampled data human curated paired additional extra more of decision new ' +
  'absolute relative percentage accuracy bleu f1 average');

/** Nouns after a bare number that make it a difference in points ("1.3 absolute points", "2 pp"). */
export const POINTS_NOUNS = new WordSet('point{s,} pts pp');

/** Stress words that turn a small count into a result ("as few as 10", "only 500 examples"). */
export const STRESS_WORDS = new WordSet('only just merely mere few');

/** Words after a size that make it the evaluated model rather than a result ("on the 1.4B model"). */
export const MODEL_NOUNS = new WordSet('model+ llm+ lm+ version+ variant+ checkpoint+ backbone+ teacher student ' +
  'network+ vlm+ mllm+ scale+ size+ counterpart+ setting+');

/** Words after a magnitude that make it a context/sequence length or resolution ("128K context", "4K video"). */
export const LENGTH_ONLY_WORDS = new WordSet('context+ sequence+ length+ window');
export const LENGTH_WORDS = new WordSet('context+ sequence+ length+ window tokens');
export const RESOLUTION_WORDS = new WordSet('resolution+ res res. video+ image+ uhd');

/**
 * Cue words that name what a ratio or percentage measures; the nearest one decides the kind
 * (docs/metrics.md, section 5). Neutral words ("improvement", "reduction", "higher") are deliberately absent.
 */
export const KIND_CUES = new WordMap<MetricKind>(() => [
  ...cue('speedup', 'speedup+ speed-up+ speed faster slower accelerat{ion,es,e,ing} latenc{y,ies} throughput tps qps ' +
    'time runtime+ run-time wall-clock prefill decoding slowdown'),
  ...cue('energy', 'energy power watt carbon joules'),
  ...cue('memory', 'memory footprint vram dram sram kv cache storage'),
  ...cue('size', 'parameter+ params parameter-efficient compression weights bitrate bd-rate size smaller larger bigger'),
  ...cue('compute', 'flop{s,} macs computation+ compute computational operations ops cost+ overhead token+ sparsity ' +
    'utilization mfu gpu-hours hours rollout activat{ed,ing} skipped pruned neurons blocks layers heads experts ' +
    'channels filters resource{s,}'),
  ...cue('data', 'data samples examples annotations labels dataset corpus'),
  ...cue('error', 'error+ wer cer perplexity ppl hallucination+ toxicity fid mse mae rmse loss'),
  ...cue('accuracy', 'accuracy accurate ap map miou iou f1 bleu rouge score+ performance recall precision psnr ssim ' +
    'correlation quality auc win success top-1 top-5 superglue glue outperform{s,} surpasses points fidelity'),
  ...cue('other', 'resolution robustness outlier+ efficiency-accuracy trade-off mask{ing,}'),
]);

function cue(kind: MetricKind, words: string): [string, MetricKind][] {
  return wordList(words).map((w) => [w, kind]);
}

/** Where a label phrase stops. */
export const LABEL_STOPS = new WordSet('an{d,} or while which that when where with without but as using respectively ' +
  'whereas thereby thus so making demonstrating showing leading enabling achieving is are was were has have we ' +
  'it+ our this these their by in at from after before under within even also only just of to the a can all');

/** Words a label may start with when it follows the number ("2.4x speedup on A100", "87% fewer parameters"). */
export const LABEL_HEADS = new WordSet('speedup+ speed-up faster slower reduction+ fewer less lower higher better more ' +
  'improvement+ gain+ increase decrease drop saving{s,} smaller larger acceleration boost decrement compression ' +
  'cheaper of top-1 top-5 relative absolute average end-to-end inference training energy memory throughput ' +
  'latency accuracy parameter+ token+ gpu peak computation compute time flops error perplexity wer performance ' +
  'mAP map ap miou f1 bleu sparsity power cost sequence context context-length window resolution');

/** Verbs before "by N" whose meaning the label keeps ("reduces latency by 30%" -> "latency reduction"). */
export const VERB_SUFFIX = new WordMap<string>(() => [
  ...wordList('reduc{e,es,ing,ed} cut+ cutting decreas{e,es,ing} lower{,s,ing} shrink+ sav{e,es,ing}').map((v): [string, string] => [v, 'reduction']),
  ...wordList('improv{e,es,ing,ed} increas{e,es,ing} boost{,s,ing} enhanc{e,es,ing} raise+ outperform{,s,ing} ' +
    'surpass{,es,ing} exceed+').map((v): [string, string] => [v, 'gain']),
  ...wordList('accelerat{e,es,ing} speed+').map((v): [string, string] => [v, 'speedup']),
]);

/** The label of last resort, by kind. */
export const KIND_LABEL: Readonly<Record<MetricKind, string>> = {
  speedup: 'speedup', accuracy: 'accuracy', error: 'error', latency: 'latency', throughput: 'throughput', size: 'model size',
  memory: 'memory', compute: 'compute', energy: 'energy', data: 'data amount', other: 'value',
};

/**
 * After a multiplier, what makes it a count rather than a ratio: hardware ("8x A100" devices) or
 * a protocol ("10-fold cross-validation"). Never a metric.
 */
export const NOT_A_RATIO_AFTER = /\s?(?:[A-Z]{1,2}\d{2,4}\b|GPUs?\b|TPUs?\b|NVIDIA|RTX|nodes?\b|cross[- ]?validat|CV\b)/y;

/** Word sets that used to be regexes over single words. */
export const AUDIO_INPUT_WORDS = new WordSet('audio speech video footage clip+');
export const HOURS_OF_DATA_WORDS = new WordSet('speech audio data video recordings training transcribed labeled');
export const INPUT_WORDS = new WordSet('prompt+ input+');
export const TRAINING_WORDS = new WordSet('train{,ed,ing} pre-train{ing,ed} pretrain{ing,ed} corpus data dataset');
export const USAGE_WORDS = new WordSet('us{e,es,ing,ed} consum{es,ing} budget fewer saves skips only');
export const FLOPS_WORDS = new WordSet('flop{s,} macs gflops');
export const PARAMS_WORDS = new WordSet('parameters params');
export const RANGE_WORDS = new WordSet('from ranging between');
/**
 * Words that claim a scale the method reaches ("enables fine-tuning of a 13B model", "extends the
 * context to 16K tokens", "scales to a 175B model"): such a size is a result, not a test setting.
 */
export const CAPABILITY_WORDS = new WordSet('enabl{es,e,ed,ing} allow{s,,ed,ing} permit{s,} permitting capable possible ' +
  'able scal{ing,ed} extend{s,,ed,ing} expand{s,,ing} support{s,,ing} handl{es,e,ing}');
/** Verbs that, after "can", claim a scale too ("can fine-tune a 13B model"); "scale(s)" only before "to" or "up". */
export const TRAIN_VERBS = new WordSet('train fine-tune finetune pretrain pre-train run serve fit deploy host load ' +
  'process');
export const ARTICLES = new WordSet('a an the');
/** Words right before a size that make it the setting an experiment runs in ("on the 13B model", "two 7B LLMs"). */
export const SETTING_WORDS = new WordSet('on for with using across in when two three four both several multiple various ' +
  'different');
/** Words naming what a range of sizes belongs to ("models up to 7B", "sequence lengths from 32K"). */
export const EVALUATED_OWNERS = new WordSet('model+ scale+ size+ llm+ variant+ lm+ length+ context+ sequence+');
export const RESOLUTION_BEFORE = new WordSet('resolution+');
export const PERCENT_REJECT_AFTER = new WordSet('confidence ci attack');
export const RESOLUTION_NOUNS = new WordSet('resolution pixels px');
export const CLAUSE_BREAKS = new WordSet('and while which that when with without but whereas respectively');
/** Cue words too vague to decide alone ("runtime performance", "training time"). */
export const WEAK_CUES = new WordSet('performance time quality');

/** Words skipped between a value and the phrase it completes ("accuracy of 55.89", "by up to 300%"). */
export const GLUE_BEFORE = new WordSet('by of to is are at reach{es,ing} achiev{es,ing,e} attain{s,ing} with only just ' +
  'merely an a the average up upto around about approximately nearly almost over than more less roughly exceeding ' +
  'within deliver{s,ing} show{s,ing} obtains yield{s,ing} gets has have from mere sim le leq');
