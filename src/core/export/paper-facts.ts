// What every export format reads off a saved paper beyond its plain fields: its identifiers by kind,
// its canonical landing page, its date split into parts, what kind of publication it is, and where it was
// published. Pure: a SavedPaper in, plain data out.
import { latestVenue } from '../identity/venue';
import type { SavedPaper, Venue as PublishedVenue } from '../paper';

export interface PaperIds {
  /** `2412.01234` or `hep-th/9901001`. */
  arxiv?: string;
  doi?: string;
  /** ACL Anthology id: `2023.acl-long.1`, `P18-1007`. */
  acl?: string;
  /** OpenReview forum id. */
  openreview?: string;
}

const ID_KINDS = ['arxiv', 'doi', 'acl', 'openreview'] as const;

/** The identifiers in the key and the aliases (the key wins: aliases only fill kinds it lacks). */
export function paperIds(paper: SavedPaper): PaperIds {
  const ids: PaperIds = {};
  for (const key of [paper.key, ...paper.aliases]) {
    const colon = key.indexOf(':');
    const kind = key.slice(0, colon) as (typeof ID_KINDS)[number];
    if (colon > 0 && ID_KINDS.includes(kind) && ids[kind] === undefined) ids[kind] = key.slice(colon + 1);
  }
  return ids;
}

/** The abstract page of an arXiv id (`2412.01234`, `hep-th/9901001`). */
export function arxivAbstractUrl(arxivId: string): string {
  return `https://arxiv.org/abs/${arxivId}`;
}

/** The paper's own page where an identifier names one (arXiv abstract, Anthology, OpenReview forum), else the saved URL. */
export function landingUrl(paper: SavedPaper, ids: PaperIds = paperIds(paper)): string {
  const kind = paper.key.slice(0, paper.key.indexOf(':'));
  if (kind === 'arxiv' && ids.arxiv) return arxivAbstractUrl(ids.arxiv);
  if (kind === 'acl' && ids.acl) return `https://aclanthology.org/${encodeURIComponent(ids.acl)}`;
  if (kind === 'openreview' && ids.openreview) return `https://openreview.net/forum?id=${encodeURIComponent(ids.openreview)}`;
  return paper.url;
}

/** `arXiv:2412.01234`, `doi:10.1145/…`, `ACL 2023.acl-long.1`, `OpenReview abc123`; '' for a URL key. */
export function displayId(ids: PaperIds, key: string): string {
  if (key.startsWith('arxiv:') && ids.arxiv) return `arXiv:${ids.arxiv}`;
  if (key.startsWith('acl:') && ids.acl) return `ACL ${ids.acl}`;
  if (key.startsWith('openreview:') && ids.openreview) return `OpenReview ${ids.openreview}`;
  if (ids.doi) return `doi:${ids.doi}`;
  return '';
}

/** A URL with the characters that cannot stand in one (spaces, quotes, angle brackets, braces) percent-encoded. */
export function encodedUrl(url: string): string {
  return oneLine(url).replace(/[\s"<>{}]/g, (c) => encodeURIComponent(c));
}

export interface PaperDate {
  /** Four digits. */
  year: string;
  /** 1–12 when known. */
  month?: number;
  /** 1–31 when known (only with a month). */
  day?: number;
}

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;
const ANY_YEAR = /\b(1[89]\d\d|20\d\d)\b/;
const NEW_ARXIV = /^(\d\d)(\d\d)\.\d{4,5}$/;
const OLD_ARXIV = /^[a-z-]+\/(\d\d)(\d\d)\d{3}$/;

function inRange(text: string | undefined, max: number): number | undefined {
  const n = Number(text);
  return text !== undefined && n >= 1 && n <= max ? n : undefined;
}

/**
 * The publication date: the `published` field (ISO, or any text holding a year), else the month an arXiv id was
 * minted (`2412.01234` → December 2024; the first version's month, which is what arXiv's own BibTeX gives).
 */
export function paperDate(paper: SavedPaper, ids: PaperIds = paperIds(paper)): PaperDate | undefined {
  const published = paper.published?.trim() ?? '';
  const iso = ISO_DATE.exec(published);
  if (iso) {
    const month = inRange(iso[2], 12);
    const day = month === undefined ? undefined : inRange(iso[3], 31);
    return { year: iso[1], ...(month !== undefined && { month }), ...(day !== undefined && { day }) };
  }
  const loose = ANY_YEAR.exec(published);
  if (loose) return { year: loose[1] };
  const arxiv = ids.arxiv ? (NEW_ARXIV.exec(ids.arxiv) ?? OLD_ARXIV.exec(ids.arxiv)) : null;
  if (!arxiv) return undefined;
  const yy = Number(arxiv[1]);
  const month = inRange(arxiv[2], 12);
  // arXiv opened in 1991; two-digit years from 91 on are 1990s.
  return { year: String(yy >= 91 ? 1900 + yy : 2000 + yy), ...(month !== undefined && { month }) };
}

/**
 * The date a citation gives: the published version's year when one is known (the preprint's month and day only
 * when they fall in that year), else the paper's own date.
 */
export function citedDate(paper: SavedPaper, ids: PaperIds = paperIds(paper)): PaperDate | undefined {
  const date = paperDate(paper, ids);
  const published = publishedVersion(paper);
  if (!published) return date;
  const year = String(published.year);
  return date?.year === year ? date : { year };
}

/** The page a citation links: the published version's page when one is known, else the paper's landing page. */
export function citedUrl(paper: SavedPaper, ids: PaperIds = paperIds(paper)): string {
  return publishedVersion(paper)?.url ?? landingUrl(paper, ids);
}

/** The old-style archive (`hep-th/9901001` → `hep-th`); new ids carry no category, so none is invented. */
export function arxivPrimaryClass(arxivId: string): string | undefined {
  const slash = arxivId.indexOf('/');
  return slash > 0 ? arxivId.slice(0, slash) : undefined;
}

/**
 * What a paper is, as far as its key and site tell:
 * - `proceedings`: read on a proceedings site (ACL Anthology, PMLR, CVF, NeurIPS, OpenReview) or keyed by one;
 * - `article`: carries a DOI (a publisher registered it; most such records are journal articles);
 * - `preprint`: an arXiv id and nothing more;
 * - `webpage`: only a URL.
 */
export type PublicationKind = 'proceedings' | 'article' | 'preprint' | 'webpage';

/**
 * The published version an export cites: the latest of the record's venues (a paper saved from arXiv and then
 * recognised on its proceedings page), or undefined while none is known.
 */
export function publishedVersion(paper: SavedPaper): PublishedVenue | undefined {
  return latestVenue(paper.venues);
}

const PROCEEDINGS_SITES = new Set(['acl', 'pmlr', 'cvf', 'neurips', 'openreview']);

export function publicationKind(paper: SavedPaper, ids: PaperIds = paperIds(paper)): PublicationKind {
  if (publishedVersion(paper) || PROCEEDINGS_SITES.has(paper.site) || paper.key.startsWith('acl:') || paper.key.startsWith('openreview:')) {
    return 'proceedings';
  }
  if (ids.doi) return 'article';
  if (ids.arxiv) return 'preprint';
  return 'webpage';
}

export interface Venue {
  /** The proceedings' title, where the site's URL names the conference. */
  booktitle?: string;
  series?: string;
  volume?: string;
  publisher?: string;
}

/** CVF conferences by the code in their URLs (`/content/CVPR2023/…`, `/content_iccv_2017/…`), named as CVF cites them. */
const CVF_CONFERENCES = new Map(Object.entries({
  CVPR: 'Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)',
  ICCV: 'Proceedings of the IEEE/CVF International Conference on Computer Vision (ICCV)',
  WACV: 'Proceedings of the IEEE/CVF Winter Conference on Applications of Computer Vision (WACV)',
  ECCV: 'Proceedings of the European Conference on Computer Vision (ECCV)',
  ACCV: 'Proceedings of the Asian Conference on Computer Vision (ACCV)',
}));
const CVF_PATH = /^https?:\/\/openaccess\.thecvf\.com\/content(?:\/([A-Za-z]+)\d{4}(W?)\/|_([a-z]+)_\d{4}(_workshops)?\/)/i;
const PMLR_VOLUME = /^https?:\/\/proceedings\.mlr\.press\/v(\d+)\//i;

/** "ICML 2025 (PMLR 267)": the conference and year, then the series and volume it names. */
const PMLR_DETAIL = /^(.+?)\s*\(PMLR\s+(\d+)\)$/;

/**
 * What a published version states: its name (conference and year, "NeurIPS 2024") as the proceedings' title;
 * a PMLR volume in the name ("ICML 2025 (PMLR 267)") becomes the series and volume.
 */
function publishedVenueFacts(venue: PublishedVenue): Venue {
  const pmlr = PMLR_DETAIL.exec(venue.name);
  if (!pmlr) return { booktitle: venue.name };
  return { booktitle: pmlr[1], series: 'Proceedings of Machine Learning Research', volume: pmlr[2] };
}

/**
 * Publication details stated for certain, nothing guessed: those of the published version when one is known,
 * else what the URL of the site the paper was saved from says.
 */
export function paperVenue(paper: SavedPaper): Venue {
  const published = publishedVersion(paper);
  if (published) return publishedVenueFacts(published);
  switch (paper.site) {
    case 'neurips':
      return { booktitle: 'Advances in Neural Information Processing Systems' };
    case 'cvf': {
      const m = CVF_PATH.exec(paper.url);
      const code = (m?.[1] ?? m?.[3] ?? '').toUpperCase();
      const name = CVF_CONFERENCES.get(code);
      if (!name) return {};
      return { booktitle: m?.[2] || m?.[4] ? `${name} Workshops` : name };
    }
    case 'pmlr': {
      const m = PMLR_VOLUME.exec(paper.url);
      return { series: 'Proceedings of Machine Learning Research', ...(m && { volume: m[1] }) };
    }
    case 'acl':
      return { publisher: 'Association for Computational Linguistics' };
    default:
      return paper.key.startsWith('acl:') ? { publisher: 'Association for Computational Linguistics' } : {};
  }
}

/**
 * A control character, line or paragraph separator (what must never break a one-line field), or a run of
 * them and spaces: one pass replaces each with a single space.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const BREAKS_AND_SPACES = /[ \u0000-\u001f\u007f-\u009f\u2028\u2029]{2,}|[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** A line end, however the text was typed (a pasted note may hold CR LF or Unicode's line separators). */
const LINE_END = /\r\n?|\n|\u2028|\u2029/;

/** The lines of a text (a note), split at every kind of line end. */
export function linesOf(text: string): string[] {
  return text.split(LINE_END);
}

/** The text on one line: line breaks, tabs and other control characters become spaces; runs of spaces one. */
export function oneLine(text: string): string {
  return text.replace(BREAKS_AND_SPACES, ' ').trim();
}

/** Control characters other than tab and line ends removed (a NUL in a note must not reach a file). */
export function withoutControls(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '');
}

/** Papers in reading-list order: most recently saved first, ties by key (so any two exports agree). */
export function byNewestSaved(a: SavedPaper, b: SavedPaper): number {
  return b.savedAt - a.savedAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
