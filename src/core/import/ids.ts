// The ids an entry's free text carries. The ids themselves are read by parsePaperId/keyFor (paper-id.ts).

/**
 * `arXiv:2106.01234`, `arXiv: hep-th/9901001v2`, `arXiv preprint arXiv:1810.04805`: the text after an `arXiv:`
 * label, as the arXiv id grammar allows it (new or old style, optional version). Checked by parsePaperId after.
 */
const ARXIV_LABELLED = /\barxiv\s*:\s*([a-z][a-z-]*(?:\.[a-z-]{2,})?\/\d{7}|\d{4}\.\d{4,5})(?:v\d{1,4})?/gi;
/** dblp writes an arXiv paper as journal `CoRR`, Semantic Scholar as journal `ArXiv`, both with volume `abs/1706.03762`. */
const CORR_VOLUME = /^abs\/(\d{4}\.\d{4,5}|[a-z][a-z-]*\/\d{7})$/i;

/** The arXiv ids a text names with an `arXiv:` label, as `arXiv:<id>`. */
export function arxivIdsInText(text: string | undefined): string[] {
  if (!text || !/arxiv/i.test(text)) return [];
  return [...text.matchAll(ARXIV_LABELLED)].map((m) => `arXiv:${m[1]}`);
}

/** dblp's CoRR volume and Semantic Scholar's ArXiv volume (`abs/1706.03762`) as `arXiv:<id>`. */
export function arxivIdOfCorrVolume(journal: string | undefined, volume: string | undefined): string[] {
  const name = journal?.trim().toLowerCase();
  if (!volume || (name !== 'corr' && name !== 'arxiv')) return [];
  const m = CORR_VOLUME.exec(volume.trim());
  return m ? [`arXiv:${m[1]}`] : [];
}

/**
 * An e-print field as an id: with an archive named (`archivePrefix`, biblatex's `eprinttype`), only arXiv's
 * e-prints are arXiv ids; without one, the value is read as it is (a bare arXiv id, `arXiv:…`, a link).
 */
export function eprintId(eprint: string | undefined, archive: string | undefined): string[] {
  const value = eprint?.trim();
  if (!value) return [];
  if (archive === undefined || archive.trim() === '') return [value];
  return archive.trim().toLowerCase() === 'arxiv' ? [`arXiv:${value.replace(/^arxiv\s*:\s*/i, '')}`] : [];
}

/** Venue names that only say "preprint": not a published version. */
const PREPRINT_VENUE = /^(?:arxiv\b|corr$|biorxiv\b|medrxiv\b|ssrn\b|preprint\b|arxiv preprint|openreview\.net$|techrxiv\b|chemrxiv\b)/i;

export function isPreprintVenue(name: string): boolean {
  return PREPRINT_VENUE.test(name.trim());
}
