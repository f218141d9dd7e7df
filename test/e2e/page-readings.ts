// What the browser tests expect the content script to show on the fixture pages they open, written out by
// hand from the pages' own text (not computed by the adapters or the extractor): every card's key in page
// order, and the stated metrics of each card's title and abstract as the page writes them (docs/metrics.md
// defines what counts). The adapters' full readings of these pages are checked in node against the
// `*.expected.json` files beside each fixture; these tables pin what reaches the page.
//
// On these pages every metric stands in a title or an abstract the page shows (the ACL abstracts are
// collapsed, but in the DOM), so each one is also highlighted where it stands.

export interface PageReading {
  url: string;
  /** The fixture file, under test/fixtures/. */
  file: string;
  /** Every card's key, in page order. */
  keys: string[];
  /** The metrics of the cards that state any (title first, then abstract, in text order); every other card has none. */
  metrics: Record<string, string[]>;
}

const arxivKeys = (...ids: string[]) => ids.map((id) => `arxiv:${id}`);

export const HF_DAILY: PageReading = {
  url: 'https://huggingface.co/papers/date/2025-12-11',
  file: 'huggingface/daily-2025-12-11.html',
  keys: arxivKeys(
    '2411.18933', '2306.01685', '2206.01191', '2408.30001', '2310.30002', '2308.30003', '2204.30004', '2402.30005',
    '2202.13514', '2408.30006', '2305.18323', '2502.30007', '2407.30008', '2412.30009', '2506.30011', '2407.30010',
  ),
  metrics: {
    'arxiv:2411.18933': ['~2x', '~2.4x', '~20x', '~20x', '~10 FPS'],
    'arxiv:2306.01685': ['2.57x', '1.85x'],
    'arxiv:2206.01191': ['79.2%', '1.6 ms', '1.6 ms', '74.7%', '83.3%', '7.0 ms'],
    'arxiv:2408.30001': ['5.1%', '4.3%'],
    'arxiv:2204.30004': ['1.1\\%'],
    // "… into MLPs for $100\times$ Faster Inference": the title states a metric too.
    'arxiv:2402.30005': ['100\\times', '16.3', '100times'],
    'arxiv:2202.13514': ['1.7 ms', '7.1 ms'],
    'arxiv:2305.18323': ['5x', '4%'],
    'arxiv:2502.30007': ['110K tokens', '600 PFLOPs', '500 PFLOPs'],
    'arxiv:2407.30008': ['3.93x', '1.79x', '1.4x'],
    'arxiv:2407.30010': ['30 minutes', '10x'],
  },
};

/** The daily page's metrics by highlight colour: speed (speedups, latencies, frame rates) and quality (accuracy). */
export const HF_DAILY_GROUPS = { speed: 16, quality: 8 };

export const HF_PAPER: PageReading = {
  url: 'https://huggingface.co/papers/2305.18323',
  file: 'huggingface/paper-2305.18323.html',
  keys: ['arxiv:2305.18323'],
  metrics: { 'arxiv:2305.18323': ['5x', '4%'] },
};

export const ARXIV_NEW: PageReading = {
  url: 'https://arxiv.org/list/astro-ph.SR/new',
  file: 'arxiv/list-new-astro-ph.SR.html',
  // New submissions, cross-lists, then replacements (whose abstracts the listing does not show).
  keys: arxivKeys(
    '2303.00787', '2303.00843', '2303.01033', '2303.01100', '2303.01154', '2303.01209', '2303.01321', '2303.01367',
    '2303.01374', '2303.00768', '2303.01106', '2303.01174', '2303.01322', '2303.01382', '2209.05283', '2301.04273',
    '2302.13632', '2203.08478', '2205.05709', '2207.05189', '2301.07186', '2301.11412', '2302.01352', '2302.12841',
    '2303.00011',
  ),
  // Astrophysics: percentages, durations in days and the dex changes of a result are read; magnitudes in other
  // units (years, solar masses, keV, km/s) and numbers inside TeX (`$\sim 5$ %`) are not.
  metrics: {
    'arxiv:2303.00787': ['5.7 days', '~7%', '~12 days', '<1 day', '~10%'],
    'arxiv:2303.01374': ['0.57', '0.90', '1.82'],
    'arxiv:2303.01174': ['25\\%'],
    'arxiv:2303.01382': ['25%', '40%', '<0.25%'],
  },
};

export const SCHOLAR: PageReading = {
  url: 'https://scholar.google.com/scholar?q=relay+selection',
  file: 'scholar/results-relay-selection.html',
  // Ten results; the [CITATION] without a link names no paper and is not a card.
  keys: [
    ...arxivKeys('0704.0805', '0704.0499', '0704.0802'),
    'url:https://books.google.com/books?id=q3v0Ex2vB8AC',
    ...arxivKeys('0704.0217', '0704.0528', '0704.0954', '0704.0967', '0704.0282'),
  ],
  metrics: {},
};

const cvfPage = (slug: string) => `url:https://openaccess.thecvf.com/content/CVPR2024/html/${slug}_CVPR_2024_paper.html`;

export const CVF: PageReading = {
  url: 'https://openaccess.thecvf.com/CVPR2024?day=all',
  file: 'cvf/CVPR2024-day-all.html',
  // Entries with an [arXiv] link are keyed by it, the others by their CVF page.
  keys: [
    ...arxivKeys('0704.0002', '0704.0047'),
    cvfPage('Ingber_Real_Options_for_Project_Schedules_ROPS'),
    ...arxivKeys('0704.0108', '0704.0217'),
    cvfPage('Mulmuley_Geometric_Complexity_Theory_VI_the_flip_via_saturated_and_positive'),
    ...arxivKeys('0704.0301', '0704.0309'),
    cvfPage('Tan_Inapproximability_of_Maximum_Weighted_Edge_Biclique_and_Its_Applications'),
    ...arxivKeys('0704.0499', '0704.0540'),
    cvfPage('Raginsky_Learning_from_compressed_observations'),
    ...arxivKeys('0704.0788', '0704.0805'),
    cvfPage('Rodionov_P-adic_arithmetic_coding'),
    ...arxivKeys('0704.0858'),
  ],
  // The listing shows titles and authors only.
  metrics: {},
};

export const ACL_VOLUME: PageReading = {
  url: 'https://aclanthology.org/volumes/2023.alta-1/',
  file: 'acl/volume-2023.alta-1.html',
  // Papers 1–23; the front matter (2023.alta-1.0) is not a paper.
  keys: Array.from({ length: 23 }, (_, i) => `acl:2023.alta-1.${i + 1}`),
  metrics: {
    'acl:2023.alta-1.1': ['15,056', '65,406', '1 million'],
    'acl:2023.alta-1.2': ['67.0%', '70.8%', '3.8%'],
    'acl:2023.alta-1.11': ['98.36%'],
    'acl:2023.alta-1.16': ['17.77%'],
    'acl:2023.alta-1.18': ['0.991'],
    'acl:2023.alta-1.20': ['99.35%', '98.35%'],
    'acl:2023.alta-1.22': ['0.9555'],
  },
};

/** The metrics a card states, in text order. */
export function metricsOf(page: PageReading, key: string): string[] {
  return page.metrics[key] ?? [];
}
