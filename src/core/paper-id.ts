// Paper identity: one identifier or one URL in, the canonical database key out. The same paper seen
// on any site gets the same key, which is what lets "saved" and "seen" follow a paper across sites.
// The rules, case by case, are in docs/paper-keys.md (arXiv's identifier module, the ACL Anthology id
// utilities, idutils, JabRef and Zotero settle the details). Pure: strings in, data out; every
// pattern is anchored and free of nested quantifiers, so a call is linear in its input.

import { ARXIV_CATEGORY_SUFFIX, make, parseArxivId, versionOf, type PaperId, type PaperIdKind } from './paper-id-arxiv';

export { parseArxivId, type PaperId, type PaperIdKind } from './paper-id-arxiv';

/** Longer inputs are not identifiers (and are refused before any pattern runs). */
const MAX_INPUT_LENGTH = 2048;

/**
 * Preference of keys for a card carrying several ids (docs/paper-keys.md, "A card with several ids"). A dblp
 * record key comes last: dblp names a paper by its electronic editions, its own record key is an alias.
 */
const KIND_PRIORITY: readonly PaperIdKind[] = ['arxiv', 'acl', 'openreview', 'doi', 'url', 'dblp'];

// ---------------------------------------------------------------------------------------------
// DOI

/** `10.<registrant>/<suffix>`: the suffix may hold anything but whitespace (`:`, `/`, `;`, `()`, `<>`, non-ASCII). */
const DOI = /^10\.\d+(?:\.\d+)*\/\S+$/u;
/** shortDOI: `10/` and one alphanumeric token. */
const SHORT_DOI = /^10\/[a-z0-9]+$/i;
const ARXIV_DOI_PREFIX = '10.48550/arxiv.';
const ACL_DOI_PREFIX = '10.18653/v1/';

/** Cold Spring Harbor's prefix: bioRxiv and medRxiv preprints, and CSHL journals (`10.1101/gr.…`). */
const CSHL_DOI_PREFIX = '10.1101/';
/**
 * A bioRxiv/medRxiv DOI suffix with the version their pages append: dated since December 2019
 * (`2020.03.01.972349`, medRxiv `2021.06.16.21258632`), six digits before (`622803`, `081455`).
 * The journals' suffixes (`gr.229102.117`) never match.
 */
const RXIV_SUFFIX = /^(\d{4}\.\d{2}\.\d{2}\.\d{6,8}|\d{6})(?:v(\d{1,3}))?$/;

/** A bioRxiv/medRxiv DOI written with its version (`10.1101/622803v4`): the DOI, version kept apart. */
function parseRxivSuffix(suffix: string): PaperId | null {
  const m = RXIV_SUFFIX.exec(suffix);
  if (!m) return null;
  const version = versionOf(m[2]);
  return version === null ? null : make('doi', `${CSHL_DOI_PREFIX}${m[1]}`, version);
}

/** A bare DOI; arXiv and ACL Anthology DOIs give the better arXiv / ACL key. */
function parseDoi(text: string): PaperId | null {
  if (SHORT_DOI.test(text)) return make('doi', text.toLowerCase());
  if (!DOI.test(text)) return null;
  const doi = text.toLowerCase();
  if (doi.startsWith(ARXIV_DOI_PREFIX)) return parseArxivId(text.slice(ARXIV_DOI_PREFIX.length));
  if (doi.startsWith(ACL_DOI_PREFIX)) return parseAclId(text.slice(ACL_DOI_PREFIX.length));
  if (doi.startsWith(CSHL_DOI_PREFIX)) {
    const rxiv = parseRxivSuffix(doi.slice(CSHL_DOI_PREFIX.length));
    if (rxiv) return rxiv;
  }
  return make('doi', doi);
}

// ---------------------------------------------------------------------------------------------
// ACL Anthology

/** New ids `2023.acl-long.1` (collection `YYYY.venue`, volume, paper); written lower-case by the Anthology. */
const ACL_NEW = /^(\d{4}\.[a-z0-9]+-[a-z0-9]+\.[a-z0-9]+)$/i;
/** Old ids `P18-1007`: a capital letter, two year digits, four digits (volume + paper). */
const ACL_OLD = /^([a-z]\d\d-\d{4})$/i;

function parseAclId(text: string): PaperId | null {
  if (ACL_NEW.test(text)) return make('acl', text.toLowerCase());
  if (ACL_OLD.test(text)) return make('acl', text.toUpperCase());
  return null;
}

/** An Anthology URL's last segment: `P18-1007.pdf`, `2020.acl-main.1v2.pdf`, `2023.acl-long.1.bib`. */
function parseAclFile(segment: string): PaperId | null {
  const name = segment.replace(/\.(?:pdf|bib|xml|json)$/i, '');
  const versioned = /^(.+\.\d+|[a-z]\d\d-\d{4})v(\d{1,3})$/i.exec(name);
  if (versioned) {
    const id = parseAclId(versioned[1]);
    const version = versionOf(versioned[2]);
    return id && version ? make('acl', id.id, version) : null;
  }
  return parseAclId(name);
}

// ---------------------------------------------------------------------------------------------
// OpenReview

/** Forum ids: letters, digits, `_` and `-` (`GiHo83ozsF`, `B1-Hhnslg`). Never accepted bare. */
const OPENREVIEW_ID = /^[A-Za-z0-9_-]{5,40}$/;

function parseOpenReviewId(text: string): PaperId | null {
  return OPENREVIEW_ID.test(text) ? make('openreview', text) : null;
}

// ---------------------------------------------------------------------------------------------
// dblp

/**
 * A dblp record key: its kind of record, the stream (one or more segments: `icml`, `corr`, `sp/…`) and
 * the entry's name (`conf/icml/AchituveDNCF24`, `journals/corr/abs-2108-10257`). Case is kept: dblp's
 * keys are case-sensitive. Person records (`homepages/…`) are not papers.
 */
const DBLP_KEY = /^(?:conf|journals|books|series|reference|phd|tr|ms|persons|data)(?:\/[A-Za-z0-9][\w-]*){2,4}$/;

function parseDblpKey(text: string): PaperId | null {
  return DBLP_KEY.test(text) ? make('dblp', text) : null;
}

/** dblp's hosts: the main site, its mirrors at Trier and Dagstuhl (numbered variants too). */
const DBLP_HOST = /^(?:dblp\d?\.org|dblp\d?\.uni-trier\.de|dblp\d?\.dagstuhl\.de)$/;
/** Export forms of a record page: `.html`, `.bib`, `.xml`, `.ris`, the RDF forms. */
const DBLP_RECORD_SUFFIX = /\.(?:html|bib|xml|ris|nt|ttl|rdf|json)$/;
/** The record path's older export folders: `/rec/bibtex/conf/…`, `/rec/xml/…`. */
const DBLP_OLD_EXPORT_FOLDERS = new Set(['bibtex', 'bib1', 'bib2', 'xml', 'html', 'ris']);

/**
 * A dblp record page (`/rec/<key>`, any export form), or an entry's anchor on a table of contents
 * (`/db/conf/kdd/kdd2023.html#AdriaensWG23`: the anchor is the key's last part, the folder its stream).
 * dblp's other pages (people, venues, search) are not one paper.
 */
function fromDblp(segments: readonly string[], fragment: string | null): PaperId | null {
  if (segments[0] === 'rec') {
    const rest = DBLP_OLD_EXPORT_FOLDERS.has(segments[1] ?? '') ? segments.slice(2) : segments.slice(1);
    return parseDblpKey(rest.join('/').replace(DBLP_RECORD_SUFFIX, ''));
  }
  if (segments[0] === 'db' && fragment && segments.length >= 4 && /\.html$/.test(segments[segments.length - 1])) {
    return parseDblpKey([...segments.slice(1, -1), fragment].join('/'));
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// URLs

interface UrlParts {
  /** Lower-case, without `www.`-stripping, port or trailing dot. */
  host: string;
  /** Raw path (starts with `/` or is empty). */
  path: string;
  /** Raw query without `?`, or null. */
  query: string | null;
  /** Raw fragment without `#`, or null. */
  fragment: string | null;
}

const URL_WITH_SCHEME = /^([a-z][a-z0-9+.-]*):\/\/([^/?#\s]*)([^?#\s]*)(?:\?([^#\s]*))?(?:#(\S*))?$/i;
const HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z][a-z0-9-]*[a-z0-9]$/;
/** A scheme-less URL starts with a host name whose last label is letters: `arxiv.org/abs/…`. */
const SCHEMELESS_URL = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[/?#]|$)/i;

function splitUrl(text: string): UrlParts | null {
  const m = URL_WITH_SCHEME.exec(text);
  if (!m) return null;
  const scheme = m[1].toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return null;
  const authority = m[2];
  const at = authority.lastIndexOf('@');
  const hostPort = at >= 0 ? authority.slice(at + 1) : authority;
  const host = hostPort.replace(/:\d*$/, '').replace(/\.$/, '').toLowerCase();
  if (!HOST.test(host)) return null;
  return { host, path: m[3], query: m[4] ?? null, fragment: m[5] ?? null };
}

function decodePath(path: string): string {
  if (!path.includes('%')) return path;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Path segments without empty ones (`/abs/2412.01234/` → `['abs', '2412.01234']`). */
function segmentsOf(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

function queryParam(query: string | null, name: string): string | undefined {
  if (!query) return undefined;
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq) === name) return pair.slice(eq + 1);
  }
  return undefined;
}

/**
 * An arXiv id at the start of path segments, as arXiv's own URLs write it: one segment for new ids,
 * two for old ones (`hep-th/9901001`), a `.pdf` suffix or a trailing subpath (`/html/<id>/#S3`) allowed.
 */
function arxivIdAtStart(segments: readonly string[]): PaperId | null {
  if (segments.length === 0) return null;
  const first = segments[0].replace(/\.pdf$/i, '').replace(/^arxiv:/i, '');
  const single = parseArxivId(first);
  if (single) return single;
  if (segments.length >= 2) return parseArxivId(`${first}/${segments[1].replace(/\.pdf$/i, '')}`);
  return null;
}

/** arXiv's per-paper paths; listings, search, author pages and help give null. */
const ARXIV_PAPER_PATHS = new Set(['abs', 'pdf', 'html', 'format', 'ps', 'src', 'e-print', 'tb', 'cits', 'refs']);

function fromArxivUrl(segments: readonly string[]): PaperId | null {
  const [head, ...rest] = segments;
  if (head === undefined) return null;
  if (ARXIV_PAPER_PATHS.has(head.toLowerCase())) return arxivIdAtStart(rest);
  // /ftp/arxiv/papers/1502/1502.05795.pdf and /ftp/hep-th/papers/9901/9901001.pdf
  if (head === 'ftp' && rest.length === 4 && rest[1] === 'papers') {
    const file = rest[3].replace(/\.pdf$/i, '');
    return rest[0] === 'arxiv' ? parseArxivId(file) : parseArxivId(`${rest[0]}/${file}`);
  }
  return null;
}

/** Semantic Scholar: `/arxiv/<id>`, `/paper/arXiv:<id>`, api `/arXiv:<id>`, `/DOI:<doi>`; papers by hash as URL. */
function fromSemanticScholar(segments: readonly string[]): PaperId | null {
  const [head, ...rest] = segments;
  if (head === undefined) return null;
  if (head.toLowerCase() === 'arxiv') return arxivIdAtStart(rest);
  const labelled = head === 'paper' ? rest.join('/') : segments.join('/');
  const m = /^(arxiv|doi):(.+)$/i.exec(labelled);
  if (m) return m[1].toLowerCase() === 'arxiv' ? parseArxivId(m[2]) : parseDoi(m[2]);
  if (head === 'paper') {
    const hash = rest[rest.length - 1];
    if (hash && /^[0-9a-f]{40}$/i.test(hash)) return make('url', `https://www.semanticscholar.org/paper/${hash.toLowerCase()}`);
  }
  return null;
}

function fromDoiResolver(path: string): PaperId | null {
  const rest = decodePath(path).replace(/^\/+/, '').replace(/\/+$/, '').replace(/^(?:urn:)?doi:/i, '');
  if (/^[a-z0-9]+$/i.test(rest)) return parseDoi(`10/${rest}`); // doi.org/d8dn is the shortDOI 10/d8dn
  // A DOI holding a space (`%20`) is refused: a key must be one token that parses back to itself.
  return parseDoi(rest);
}

function fromOpenReview(segments: readonly string[], parts: UrlParts): PaperId | null {
  const head = segments[0];
  if (head === 'forum' || head === 'pdf' || head === 'attachment') {
    if (segments.length === 1) {
      const id = queryParam(parts.query, 'id') ?? queryParam(parts.query, 'noteId');
      return id === undefined ? null : parseOpenReviewId(id);
    }
    // /pdf/<sha1>.pdf names a file, not a forum: the best we can do is the URL.
    if (head === 'pdf' && segments.length === 2 && /^[0-9a-f]{40}\.pdf$/i.test(segments[1])) {
      return make('url', `https://${parts.host}${parts.path}`);
    }
  }
  return null;
}

function fromAclAnthology(segments: readonly string[]): PaperId | null {
  const last = segments[segments.length - 1];
  return last === undefined ? null : parseAclFile(last);
}

/** What bioRxiv and medRxiv append to a paper's path: its views and files (`.full.pdf+html`, `.article-info`). */
const RXIV_VIEWS = ['.full.pdf+html', '.full.pdf', '.full-text', '.full', '.abstract', '.short', '.supplementary-material', '.article-info', '.article-metrics', '.figures-only'];

/** `segment` without the views it ends with; compared in place, so linear in the segment's length. */
function withoutRxivViews(segment: string): string {
  let end = segment.length;
  for (let view = RXIV_VIEWS.find((v) => segment.endsWith(v, end)); view; view = RXIV_VIEWS.find((v) => segment.endsWith(v, end))) {
    end -= view.length;
  }
  return segment.slice(0, end);
}

/**
 * bioRxiv/medRxiv paper paths: `/content/10.1101/<suffix>v2[.full…]`, the older
 * `/content/early/2019/05/29/<suffix>`, `/content/<site>/early/…/<suffix>.full.pdf`, `/content/<suffix>v1` and
 * `/cgi/content/short/<suffix>`. Collections, search and listings give null.
 */
function fromRxiv(segments: readonly string[]): PaperId | null {
  const raw = segments[segments.length - 1];
  if (raw === undefined) return null;
  const last = withoutRxivViews(raw);
  const path = segments.slice(0, -1).join('/');
  const paperPath = /^(?:content\/10\.1101|content(?:\/(?:biorxiv|medrxiv))?\/early\/\d{4}\/\d{2}\/\d{2}|content|cgi\/content\/short)$/;
  return paperPath.test(path) ? parseRxivSuffix(last) : null;
}

/** Atypon-style publisher paths: `/doi/10.…`, `/doi/abs|full|pdf|epdf|…/10.…`. */
const DOI_PATH_KINDS = new Set(['abs', 'full', 'pdf', 'epdf', 'pdfdirect', 'fullhtml', 'reader', 'book', 'epub', 'suppl', 'ref']);
/** Springer: `/article/10.…`, `/chapter/10.…`, `/content/pdf/10.….pdf`. */
const SPRINGER_KINDS = new Set(['article', 'chapter', 'referenceworkentry', 'protocol', 'book', 'pdf']);

/** A DOI carried by a publisher URL's path, or null. */
function doiInPath(host: string, segments: readonly string[]): PaperId | null {
  const doiAt = segments.findIndex((s) => s.startsWith('10.'));
  if (doiAt < 1) return null;
  const before = segments[doiAt - 1].toLowerCase();
  const beforeThat = doiAt >= 2 ? segments[doiAt - 2].toLowerCase() : '';
  const atypon = before === 'doi' || (DOI_PATH_KINDS.has(before) && beforeThat === 'doi');
  const springer = host.endsWith('springer.com') && SPRINGER_KINDS.has(before);
  const aps = host === 'journals.aps.org' && (before === 'abstract' || before === 'pdf' || before === 'fulltext');
  if (!atypon && !springer && !aps) return null;
  let doi = segments.slice(doiAt).join('/');
  if (springer) doi = doi.replace(/\.pdf$/i, '');
  return parseDoi(doi);
}

/** Pages on these hosts are code, people, search, sign-in or licences, never a paper. */
const NON_PAPER_HOSTS = new Set([
  'github.com', 'gitlab.com', 'gitee.com', 'bitbucket.org', 'twitter.com', 'x.com', 'youtube.com', 'youtu.be',
  'linkedin.com', 'orcid.org', 'scholar.google.com', 'google.com', 'accounts.google.com', 'paperswithcode.com',
  'colab.research.google.com', 'creativecommons.org',
]);
/** Style sheets, scripts, images and fonts are page furniture. */
const STATIC_FILE = /\.(?:css|js|mjs|ico|png|jpe?g|gif|svg|webp|woff2?|ttf)$/i;

function hostIs(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

function fromUrlParts(parts: UrlParts): PaperId | null {
  const host = parts.host.replace(/^www\./, '');
  const path = decodePath(parts.path);
  const segments = segmentsOf(path);
  if (host === 'ar5iv.org' || host === 'ar5iv.labs.arxiv.org') return fromArxivUrl(segments);
  if (hostIs(host, 'arxiv.org') || host === 'xxx.lanl.gov') return fromArxivUrl(segments);
  if (host === 'huggingface.co' || host === 'hf.co' || host === 'hf-mirror.com') {
    return segments[0] === 'papers' ? arxivIdAtStart(segments.slice(1)) : null;
  }
  if (hostIs(host, 'alphaxiv.org')) return arxivIdAtStart(segments) ?? arxivIdAtStart(segments.slice(1));
  if (hostIs(host, 'semanticscholar.org')) return fromSemanticScholar(segments);
  if (/^(?:dx\.)?doi\.(?:org|net|com|de)$|^doi\.acm\.(?:org|net|com|de)$|^doi\.ieeecomputersociety\.org$/.test(host)) {
    return fromDoiResolver(parts.path);
  }
  if (host === 'openreview.net') return fromOpenReview(segments, parts);
  if (DBLP_HOST.test(host)) return fromDblp(segments, parts.fragment);
  if (host === 'biorxiv.org' || host === 'medrxiv.org') return fromRxiv(segments);
  if (host === 'aclanthology.org') return fromAclAnthology(segments);
  if (host === 'aclweb.org') return /^anthology(?:-new)?$/.test(segments[0] ?? '') ? fromAclAnthology(segments.slice(1)) : null;
  if (host === 'nature.com' && segments.length === 2 && segments[0] === 'articles') {
    return parseDoi(`10.1038/${segments[1].replace(/\.pdf$/i, '')}`); // Nature's article path is its DOI suffix
  }
  if (host === 'ui.adsabs.harvard.edu' && segments[0] === 'abs' && /^arxiv:/i.test(segments[1] ?? '')) {
    return arxivIdAtStart(segments.slice(1)); // ADS names arXiv e-prints `abs/arXiv:<id>`
  }
  if (NON_PAPER_HOSTS.has(host) || host.endsWith('.github.io') || STATIC_FILE.test(path)) return null;
  const doi = doiInPath(host, segments);
  if (doi) return doi;
  const url = normalizePaperUrl(`https://${parts.host}${parts.path}${parts.query === null ? '' : `?${parts.query}`}`);
  if (url === null || !/^https:\/\/[^/]+[/?]/.test(url)) return null; // a bare site is not a paper
  return make('url', url);
}

// ---------------------------------------------------------------------------------------------
// URL normalisation for `url:` keys

/** Query parameters that only track the visit. */
const TRACKING_PARAM = /^(?:utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|_ga|_gl|igshid|yclid|ref_src|ref_url)$/i;

/**
 * A PDF link mapped to its landing page where the site's URL scheme makes that certain, and known
 * host aliases folded. Each entry: host test, path pattern, replacement.
 */
const LANDING_PAGE_RULES: ReadonlyArray<{ host: RegExp; path: RegExp; to: string; newHost?: string }> = [
  // NeurIPS: papers.nips.cc is the same site; /paper/<year>/ moved under /paper_files/paper/<year>/.
  { host: /^(?:papers\.nips\.cc|proceedings\.neurips\.cc)$/, path: /^\/paper\/(\d{4})\//, to: '/paper_files/paper/$1/', newHost: 'proceedings.neurips.cc' },
  { host: /^(?:papers\.nips\.cc|proceedings\.neurips\.cc)$/, path: /^(\/paper_files\/paper\/\d{4})\/file\/([0-9a-f]{32})-Paper((?:-[A-Za-z_]+)?)\.pdf$/, to: '$1/hash/$2-Abstract$3.html', newHost: 'proceedings.neurips.cc' },
  { host: /^(?:papers\.nips\.cc|proceedings\.neurips\.cc)$/, path: /^(\/paper\/\d+-[^/]+)\.pdf$/, to: '$1', newHost: 'proceedings.neurips.cc' },
  { host: /^papers\.nips\.cc$/, path: /^/, to: '', newHost: 'proceedings.neurips.cc' },
  // PMLR: /v235/<slug>/<slug>.pdf and (older volumes) /v37/<slug>.pdf, or their -supp.pdf → /v235/<slug>.html
  { host: /^proceedings\.mlr\.press$/, path: /^\/(v\d+)\/([^/]+)\/\2(?:-supp)?\.pdf$/, to: '/$1/$2.html' },
  { host: /^proceedings\.mlr\.press$/, path: /^\/(v\d+)\/([^/]+?)(?:-supp)?\.pdf$/, to: '/$1/$2.html' },
  // CVF: …/papers/<name>_paper.pdf → …/html/<name>_paper.html
  { host: /^openaccess\.thecvf\.com$/, path: /^(\/.+)\/papers\/([^/]+_paper)\.pdf$/, to: '$1/html/$2.html' },
];

/** IEEE Xplore names one article `/document/N`, `/abstract/document/N`, `/document/N/figures`, `stamp.jsp?arnumber=N`. */
function ieeeDocument(path: string, query: string): [string, string] {
  const inPath = /^(?:\/abstract)?\/document\/(\d+)(?:\/.*)?$/.exec(path);
  if (inPath) return [`/document/${inPath[1]}`, ''];
  const arnumber = /^\/(?:stamp\/stamp\.jsp|stampPDF\/getPDF\.jsp|xpls\/abs_all\.jsp|xpl\/articleDetails\.jsp)$/.test(path)
    ? queryParam(query, 'arnumber')
    : undefined;
  return arnumber && /^\d+$/.test(arnumber) ? [`/document/${arnumber}`, ''] : [path, query];
}

/**
 * The `url:` form of a page URL (without the `url:` prefix): `https`, lower-case host, no port,
 * fragment, tracking parameters or trailing slash, PDF links of PMLR / CVF / NeurIPS mapped to
 * their landing pages. Null when the input is not an http(s) URL.
 */
export function normalizePaperUrl(url: string): string | null {
  if (typeof url !== 'string') return null;
  const text = url.trim();
  if (!text || text.length > MAX_INPUT_LENGTH) return null;
  const parts = splitUrl(SCHEMELESS_URL.test(text) ? `https://${text}` : text);
  if (!parts) return null;
  let host = parts.host;
  let path = parts.path.replace(/\/+$/, '');
  for (const rule of LANDING_PAGE_RULES) {
    if (!rule.host.test(host) || !rule.path.test(path)) continue;
    path = path.replace(rule.path, rule.to);
    if (rule.newHost) host = rule.newHost;
  }
  if (host === 'semanticscholar.org') host = 'www.semanticscholar.org';
  let query = parts.query ?? '';
  if (host === 'ieeexplore.ieee.org') [path, query] = ieeeDocument(path, query);
  query = query
    .split('&')
    .filter((pair) => pair !== '' && !TRACKING_PARAM.test(pair.split('=', 1)[0]))
    .join('&');
  return `https://${host}${path}${query ? `?${query}` : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Entry points

/** Labels accepted before an id, including this module's own key prefixes (so keys parse back to themselves). */
const LABEL = /^(arxiv|urn:doi|urn|doi|openreview|acl|dblp|url)\s*:\s*/i;

function parseLabelled(label: string, rest: string): PaperId | null {
  switch (label) {
    case 'arxiv':
      return parseArxivId(rest);
    case 'doi':
    case 'urn':
    case 'urn:doi':
      return parseDoi(rest);
    case 'openreview':
      return parseOpenReviewId(rest);
    case 'acl':
      return parseAclId(rest);
    case 'dblp':
      return parseDblpKey(rest);
    default: {
      const parts = splitUrl(rest);
      return parts ? fromUrlParts(parts) : null;
    }
  }
}

/**
 * The paper named by one identifier or one URL, or null. Accepts bare arXiv ids (new and old style,
 * with version), DOIs (and shortDOIs; bioRxiv/medRxiv ones with their version split off), ACL Anthology
 * ids, labelled ids (`arXiv:…`, `doi: …`, `DBLP:conf/…`) and every URL form of arXiv, ar5iv, Hugging Face,
 * alphaXiv, Semantic Scholar, DOI resolvers, publishers carrying a DOI, bioRxiv and medRxiv, OpenReview,
 * the ACL Anthology and dblp records; other paper pages get a `url:` key.
 * Strict: a sentence that merely contains an id gives null. Never throws.
 */
export function parsePaperId(input: string): PaperId | null {
  if (typeof input !== 'string') return null;
  const text = input.trim();
  if (!text || text.length > MAX_INPUT_LENGTH) return null;
  const labelled = LABEL.exec(text);
  if (labelled) return parseLabelled(labelled[1].toLowerCase(), text.slice(labelled[0].length));
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    const parts = splitUrl(text);
    return parts ? fromUrlParts(parts) : null;
  }
  if (/\s/.test(text.replace(ARXIV_CATEGORY_SUFFIX, ''))) return null;
  const bare = parseArxivId(text) ?? parseDoi(text) ?? parseAclId(text);
  if (bare) return bare;
  if (SCHEMELESS_URL.test(text)) {
    const parts = splitUrl(`https://${text}`);
    return parts ? fromUrlParts(parts) : null;
  }
  return null;
}

/**
 * The key of a card that names its paper several ways (title link, `[arXiv]` link, DOI button…):
 * the first of arXiv, ACL Anthology, OpenReview, DOI, URL, dblp record; the other distinct keys become aliases,
 * in input order. Inputs that are not paper ids are ignored; null when none is.
 */
export function keyFor(ids: readonly string[]): { key: string; aliases: string[] } | null {
  const parsed: PaperId[] = [];
  for (const input of ids) {
    const id = parsePaperId(input);
    if (id && !parsed.some((p) => p.key === id.key)) parsed.push(id);
  }
  if (parsed.length === 0) return null;
  let best = parsed[0];
  for (const id of parsed) {
    if (KIND_PRIORITY.indexOf(id.kind) < KIND_PRIORITY.indexOf(best.kind)) best = id;
  }
  return { key: best.key, aliases: parsed.filter((p) => p !== best).map((p) => p.key) };
}

/** A link to the paper a key names (arXiv abstract page, DOI resolver, forum, Anthology page, dblp record, the URL). */
export function urlForKey(key: string): string | null {
  const id = parsePaperId(key);
  if (!id || id.key !== key) return null;
  switch (id.kind) {
    case 'arxiv':
      return `https://arxiv.org/abs/${id.id}`;
    case 'doi':
      return `https://doi.org/${id.id}`;
    case 'openreview':
      return `https://openreview.net/forum?id=${id.id}`;
    case 'acl':
      return `https://aclanthology.org/${id.id}/`;
    case 'dblp':
      return `https://dblp.org/rec/${id.id}.html`;
    default:
      return id.id;
  }
}
