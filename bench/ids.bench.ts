// Speed of paper identity and code-link extraction, as the content script runs them on every card:
// parsePaperId over a mix of id and URL forms, extractCodeLinks over the real seed abstracts.
// Each figure is compared with a baseline measured in the same run on the same strings (a bare
// /\d/g scan), because the machine's speed varies. `hostileGrowth` is the time on hostile inputs of
// size 4n over size n: about 4 while both stay linear, 16 if one turned quadratic.
import { extractCodeLinks } from '../src/core/links';
import { parsePaperId } from '../src/core/paper-id';
import { abstractsWithLinks } from '../test/unit/links/seed-abstracts';
import { growthRatio } from './growth';

const ABSTRACTS = abstractsWithLinks().map((a) => a.abstract);

const IDS = [
  '2412.01234', 'arXiv:2412.01234v3', 'math.GT/0309136v2', 'https://arxiv.org/abs/2412.01234v2',
  'https://arxiv.org/pdf/2412.01234v2.pdf', 'https://huggingface.co/papers/2412.01234', 'https://hf.co/papers/2412.01234',
  'https://www.alphaxiv.org/overview/2412.01234', 'https://www.semanticscholar.org/arxiv/2412.01234',
  '10.1145/3581783.3611962', 'https://doi.org/10.48550/arXiv.2412.01234', 'https://dl.acm.org/doi/abs/10.1145/3581783.3611962',
  'https://openreview.net/forum?id=GiHo83ozsF', 'https://openreview.net/attachment?id=GiHo83ozsF&name=pdf',
  'https://aclanthology.org/2023.acl-long.1.pdf', 'https://www.aclweb.org/anthology/P18-1007/',
  'https://proceedings.mlr.press/v235/abad-rocamora24a/abad-rocamora24a.pdf',
  'https://openaccess.thecvf.com/content/CVPR2024/papers/Li_X_CVPR_2024_paper.pdf',
  'https://proceedings.neurips.cc/paper_files/paper/2023/file/fdc429bff96bf8a8f89d6268729275f2-Paper-Conference.pdf',
  'https://github.com/a/b', 'not an id at all', '1.2.3',
];

/** Best of several rounds, in milliseconds per pass over `inputs`. */
function time(inputs: readonly string[], run: (s: string) => unknown, rounds = 7, passes = 200): number {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (let p = 0; p < passes; p++) for (const s of inputs) run(s);
    best = Math.min(best, (performance.now() - start) / passes);
  }
  return best;
}

function digitScan(s: string): number {
  const re = /\d/g;
  let n = 0;
  while (re.exec(s)) n++;
  return n;
}

const round = (x: number, digits = 3) => Number(x.toFixed(digits));

/** Inputs built to make a careless pattern backtrack or rescan: repeated prefixes, separators, suffixes. */
const HOSTILE_IDS: Array<(n: number) => string> = [
  (n) => `10.${'1.'.repeat(n)}`,
  (n) => `https://${'a.'.repeat(n)}`,
  (n) => `https://arxiv.org/${'abs/'.repeat(n)}`,
  (n) => `https://openreview.net/forum?${'id&'.repeat(n)}`,
  (n) => `${'hep-th'.repeat(n)}/9901001`,
  (n) => `https://example.org/?${'utm_x=1&'.repeat(n)}`,
  (n) => `arXiv:${'1'.repeat(n)}`,
  (n) => `doi:10.1/${'%'.repeat(n)}`,
  (n) => `https://dblp.org/rec/conf/${'a/'.repeat(n)}`,
  (n) => `https://www.biorxiv.org/content/10.1101/${'.full'.repeat(n)}x`,
];
const HOSTILE_TEXT: Array<(n: number) => string> = [
  (n) => 'https://'.repeat(n),
  (n) => 'github.com/'.repeat(n),
  (n) => `https://x.org/${')'.repeat(n)}`,
  (n) => `${'a'.repeat(n)}.github.io`.repeat(4),
  (n) => '.github.io'.repeat(n),
  (n) => 'www.'.repeat(n),
  (n) => `https://github.com/a/b${'.'.repeat(n)}`,
  (n) => 'https://github.com/a/b '.repeat(n),
  (n) => 'x'.repeat(8 * n),
];

export default async function idsBench() {
  time(IDS, parsePaperId, 2, 50); // warm up
  time(ABSTRACTS, (s) => extractCodeLinks(s), 2, 20);
  const idsMs = time(IDS, parsePaperId);
  const idsBaseline = time(IDS, digitScan);
  const linksMs = time(ABSTRACTS, (s) => extractCodeLinks(s), 7, 50);
  const linksBaseline = time(ABSTRACTS, digitScan, 7, 50);
  const chars = ABSTRACTS.reduce((sum, s) => sum + s.length, 0);
  return {
    ids: {
      parsePaperId: {
        inputs: IDS.length,
        microsecondsPerCall: round((idsMs * 1000) / IDS.length),
        callsPerMs: Math.round(IDS.length / idsMs),
        ratioToDigitScan: round(idsMs / idsBaseline, 1),
      },
      extractCodeLinks: {
        abstracts: ABSTRACTS.length,
        chars,
        microsecondsPerAbstract: round((linksMs * 1000) / ABSTRACTS.length),
        charsPerMs: Math.round(chars / linksMs),
        ratioToDigitScan: round(linksMs / linksBaseline, 1),
      },
      hostileGrowth: {
        parsePaperId: round(growthRatio(HOSTILE_IDS, parsePaperId, 60, 50), 1),
        extractCodeLinks: round(growthRatio(HOSTILE_TEXT, (input) => extractCodeLinks(input), 500, 5), 1),
      },
    },
  };
}
