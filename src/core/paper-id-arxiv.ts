// arXiv identifiers, the part of paper identity a site that names papers only by arXiv id needs (Hugging Face's
// adapter reads its cards with this alone). The rules are in docs/paper-keys.md; paper-id.ts builds every other
// kind of id on these types and re-exports `parseArxivId`.

export type PaperIdKind = 'arxiv' | 'doi' | 'openreview' | 'acl' | 'url' | 'dblp';

export interface PaperId {
  kind: PaperIdKind;
  /**
   * The id without its version: `2412.01234`, `math/0309136`, `10.1145/…` (lower-cased), `2023.acl-long.1`,
   * a URL, a dblp record key `conf/icml/Smith25` (case kept).
   */
  id: string;
  /** arXiv, bioRxiv/medRxiv (or ACL Anthology) version when the input named one. */
  version?: number;
  /** Canonical database key, always `${kind}:${id}`. */
  key: string;
}

export function make(kind: PaperIdKind, id: string, version?: number): PaperId {
  return version === undefined ? { kind, id, key: `${kind}:${id}` } : { kind, id, version, key: `${kind}:${id}` };
}

// ---------------------------------------------------------------------------------------------
// arXiv

/** Archives that minted old-style ids (1991 – March 2007); a subject class after a dot is dropped. */
const OLD_ARXIV_ARCHIVES = new Set([
  'acc-phys', 'adap-org', 'alg-geom', 'ao-sci', 'astro-ph', 'atom-ph', 'bayes-an', 'chao-dyn', 'chem-ph',
  'cmp-lg', 'comp-gas', 'cond-mat', 'cs', 'dg-ga', 'funct-an', 'gr-qc', 'hep-ex', 'hep-lat', 'hep-ph',
  'hep-th', 'math', 'math-ph', 'mtrl-th', 'nlin', 'nucl-ex', 'nucl-th', 'patt-sol', 'physics', 'plasm-ph',
  'q-alg', 'q-bio', 'quant-ph', 'solv-int', 'supr-con',
]);
/** Archive names written without their dash (`hepth/9901001`), as arXiv itself repairs them. */
const DASHLESS_ARCHIVES = new Map([...OLD_ARXIV_ARCHIVES].filter((a) => a.includes('-')).map((a) => [a.replace('-', ''), a]));
/** Archives of today, allowed as a (redundant) prefix before a new-style id: `hep-th/1601.07616`. */
const NEW_ARXIV_ARCHIVES = new Set([...OLD_ARXIV_ARCHIVES, 'econ', 'eess', 'q-fin', 'stat']);

/** `YYMM.NNNNN` with an optional version. */
const ARXIV_NEW = /^(\d\d)(\d\d)\.(\d{4,5})(?:v(\d{1,4}))?$/i;
/** `archive[.SC]/YYMMNNN` with an optional version. */
const ARXIV_OLD = /^([a-z]+(?:-[a-z]+)?)(?:\.[a-z-]{2,})?\/(\d\d)(\d\d)(\d{3})(?:v(\d{1,4}))?$/i;
/** `archive[.SC]/YYMM.NNNNN`: a new-style id written behind its archive. */
const ARXIV_NEW_BEHIND_ARCHIVE = /^([a-z]+(?:-[a-z]+)?)(?:\.[a-z-]{2,})?\/(\d{4}\.\d{4,5}(?:v\d{1,4})?)$/i;
/** The listing's category suffix: `2412.01234v1 [cs.CV]`. */
export const ARXIV_CATEGORY_SUFFIX = /\s+\[[a-z-]+(?:\.[a-z-]+)?\]$/i;

export function versionOf(digits: string | undefined): number | undefined | null {
  if (digits === undefined) return undefined;
  const version = Number(digits);
  return version >= 1 ? version : null; // v0 does not exist
}

/** A new-style id from its parts (`YY`, `MM`, serial, version digits); null when out of range. */
function newStyle(yy: string, mm: string, serial: string, v: string | undefined): PaperId | null {
  const year = Number(yy);
  const month = Number(mm);
  const version = versionOf(v);
  if (month < 1 || month > 12 || version === null || Number(serial) === 0) return null;
  if (year < 7 || (year === 7 && month < 4)) return null; // new style began 0704
  if ((year < 15) !== (serial.length === 4)) return null; // four digits until 1412, five from 1501
  return make('arxiv', `${yy}${mm}.${serial}`, version);
}

/**
 * `YYMM.NNNN(N)` exactly, as sites link their papers, read character by character: the answer `ARXIV_NEW` gives
 * for it, without running a pattern (a page's first look pays for compiling each pattern it runs). Undefined for
 * any other text.
 */
function plainNewStyle(text: string): PaperId | null | undefined {
  if ((text.length !== 9 && text.length !== 10) || text.charCodeAt(4) !== 46) return undefined;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (i !== 4 && (code < 48 || code > 57)) return undefined;
  }
  return newStyle(text.slice(0, 2), text.slice(2, 4), text.slice(5), undefined);
}

/** A bare arXiv id (new or old style), version split off; null when malformed or out of range. */
export function parseArxivId(raw: string): PaperId | null {
  const plain = plainNewStyle(raw);
  return plain === undefined ? arxivIdByPattern(raw) : plain;
}

/** `parseArxivId` for every other form (versions, old style, archive prefixes): apart, so a page whose links are all plain never compiles it. */
function arxivIdByPattern(raw: string): PaperId | null {
  const text = raw.replace(ARXIV_CATEGORY_SUFFIX, '');
  let m = ARXIV_NEW.exec(text);
  if (m) {
    const [, yy, mm, serial, v] = m;
    return newStyle(yy, mm, serial, v);
  }
  m = ARXIV_OLD.exec(text);
  if (m) {
    const [, archiveRaw, yy, mm, serial, v] = m;
    const archive = DASHLESS_ARCHIVES.get(archiveRaw.toLowerCase()) ?? archiveRaw.toLowerCase();
    const year = Number(yy);
    const month = Number(mm);
    const version = versionOf(v);
    if (!OLD_ARXIV_ARCHIVES.has(archive) || month < 1 || month > 12 || version === null) return null;
    if (Number(serial) === 0) return null;
    const inRange = year >= 91 || year < 7 || (year === 7 && month <= 3); // 1991 to March 2007
    if (!inRange) return null;
    return make('arxiv', `${archive}/${yy}${mm}${serial}`, version);
  }
  m = ARXIV_NEW_BEHIND_ARCHIVE.exec(text);
  if (m && NEW_ARXIV_ARCHIVES.has(m[1].toLowerCase())) return parseArxivId(m[2]);
  return null;
}
