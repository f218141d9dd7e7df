// What each paper of the golden library (test/data/export-golden/library.json) is, written out by hand from
// its record, so that the export tests compare with facts they did not compute with the exporters' own
// helpers: its arXiv id and DOI (from the key and aliases), the page an export links to, that link as a
// BibTeX or RIS field writes it (spaces, quotes, angle brackets and braces percent-encoded), its RIS type, and
// the published version a citation names (a paper saved from arXiv and recognised on its proceedings page).
export interface GoldenFacts {
  arxiv?: string;
  doi?: string;
  /** The paper's own page: arXiv abstract, Anthology page or OpenReview forum for those keys, else the saved URL. */
  landing: string;
  /** The page a citation links (the published version's, else `landing`) as a BibTeX `url` or RIS `UR` carries it. */
  linkField: string;
  /** RIS type: proceedings (CPAPER), a DOI's article (JOUR), an arXiv preprint (GEN), a web page (ELEC). */
  risType: 'CPAPER' | 'JOUR' | 'GEN' | 'ELEC';
  /** The published version cited: its name, the proceedings' title and year a citation gives, its series and volume. */
  venue?: { name: string; booktitle: string; year: string; series?: string; volume?: string };
}

const arxiv = (id: string, risType: GoldenFacts['risType'] = 'GEN'): GoldenFacts => {
  const landing = `https://arxiv.org/abs/${id}`;
  return { arxiv: id, landing, linkField: landing, risType };
};
const page = (url: string, risType: GoldenFacts['risType']): GoldenFacts => ({ landing: url, linkField: url, risType });

const DOI_SICI = '10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-0';

export const GOLDEN_FACTS: Readonly<Record<string, GoldenFacts>> = {
  // Known at two venues of one year: the one recognised last (PMLR) is cited, its volume read from its name.
  'arxiv:2412.01234': {
    ...arxiv('2412.01234', 'CPAPER'),
    linkField: 'https://proceedings.mlr.press/v267/lovelace25a.html',
    venue: {
      name: 'ICML 2025 (PMLR 267)', booktitle: 'ICML 2025', year: '2025', series: 'Proceedings of Machine Learning Research', volume: '267',
    },
  },
  'arxiv:hep-th/9901001': arxiv('hep-th/9901001'),
  'doi:10.1145/3580305.3599000': { doi: '10.1145/3580305.3599000', ...page('https://dl.acm.org/doi/10.1145/3580305.3599000', 'JOUR') },
  'url:https://example.org/papers/injection': page('https://example.org/papers/injection', 'ELEC'),
  // The saved URL ends in a slash; the Anthology page is written without it.
  'acl:2023.acl-long.1': page('https://aclanthology.org/2023.acl-long.1', 'CPAPER'),
  // An arXiv paper with a DOI alias is typed by its DOI.
  'arxiv:2401.00001': { ...arxiv('2401.00001', 'JOUR'), doi: '10.1000/xyz-123' },
  'openreview:AbC123xYz': page('https://openreview.net/forum?id=AbC123xYz', 'CPAPER'),
  'arxiv:2001.08361': arxiv('2001.08361'),
  'url:https://openaccess.thecvf.com/content/CVPR2023/html/Smith_ResNet-X_CVPR_2023_paper.html':
    page('https://openaccess.thecvf.com/content/CVPR2023/html/Smith_ResNet-X_CVPR_2023_paper.html', 'CPAPER'),
  'url:https://proceedings.mlr.press/v202/reddi23a.html': page('https://proceedings.mlr.press/v202/reddi23a.html', 'CPAPER'),
  'url:https://proceedings.neurips.cc/paper_files/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html':
    page('https://proceedings.neurips.cc/paper_files/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html', 'CPAPER'),
  // Saved from arXiv, then recognised on the NeurIPS proceedings.
  'arxiv:1706.03762': {
    ...arxiv('1706.03762', 'CPAPER'),
    linkField: 'https://proceedings.neurips.cc/paper_files/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html',
    venue: { name: 'NeurIPS 2017', booktitle: 'NeurIPS 2017', year: '2017' },
  },
  'url:https://example.org/a_(b)/paper%20draft.pdf': {
    landing: 'https://example.org/a_(b)/paper draft.pdf',
    linkField: 'https://example.org/a_(b)/paper%20draft.pdf',
    risType: 'ELEC',
  },
  'arxiv:2310.12345': arxiv('2310.12345'),
  [`doi:${DOI_SICI}`]: {
    doi: DOI_SICI,
    landing: `https://doi.org/${DOI_SICI}`,
    linkField: 'https://doi.org/10.1002/(sici)1097-4571(199806)49:8%3C693::aid-asi4%3E3.0.co;2-0',
    risType: 'JOUR',
  },
};

export function factsOf(key: string): GoldenFacts {
  const facts = GOLDEN_FACTS[key];
  if (!facts) throw new Error(`no facts written for ${key}`);
  return facts;
}

/**
 * A field as every export writes it on one line: line breaks, tabs and other control characters become
 * spaces, runs of spaces one, ends trimmed (the rule the exports document, restated here for the tests).
 */
/** A note's lines, each on one line, blank ones left out: how RIS carries a note, one `N1` per line. */
export function noteLines(note: string): string[] {
  return note.split(/\r\n?|\n|\u2028|\u2029/).map(asOneLine).filter((line) => line !== '');
}

export function asOneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this replaces
  return text.replace(/[ \u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}
