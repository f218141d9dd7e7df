// Venue names ("ICML 2024 (PMLR 235)", "CVPR 2024", "ALTA 2022", "NeurIPS 2023", "ICLR 2024") from
// what a proceedings or venue page shows: a PMLR volume heading, a CVF conference code, an ACL
// Anthology id, a NeurIPS proceedings URL, an OpenReview venue id or venue label. Strings in, a
// VenueName (or undefined when the text does not say) out; nothing here throws.
import type { VenueDecision, VenueName } from './venue';

const YEAR = /\b(19[5-9]\d|20\d\d)\b/;

function yearOf(value: number | string): number | undefined {
  const year = typeof value === 'number' ? value : Number(YEAR.exec(String(value))?.[1]);
  return Number.isInteger(year) && year >= 1950 && year <= 2099 ? year : undefined;
}

function named(venue: string, year: number | undefined, detail?: string): VenueName | undefined {
  const name = venue.trim().replace(/\s+/g, ' ');
  if (!name || year === undefined) return undefined;
  return { name: detail ? `${name} ${year} (${detail})` : `${name} ${year}`, year };
}

/** A venue a page names in its own words (an adapter's fallback): "Name 2024", the year not repeated. */
export function namedVenue(name: string, year: number): VenueName | undefined {
  const known = yearOf(year);
  if (typeof name !== 'string' || known === undefined) return undefined;
  const text = name.trim().replace(/\s+/g, ' ');
  if (!text) return undefined;
  return text.includes(String(known)) ? { name: text, year: known } : named(text, known);
}

// ---------------------------------------------------------------------------------------------
// PMLR: the volume page's heading "Volume 235: International Conference on Machine Learning,
// 21-27 July 2024, Vienna, Austria" names the conference in full; researchers use its short name.

/** Short names of conferences PMLR publishes, by a phrase of their full name (normalised). */
const PMLR_CONFERENCES: ReadonlyArray<readonly [phrase: string, acronym: string]> = [
  ['international conference on machine learning', 'ICML'],
  ['artificial intelligence and statistics', 'AISTATS'],
  ['algorithmic learning theory', 'ALT'],
  ['conference on learning theory', 'COLT'],
  ['uncertainty in artificial intelligence', 'UAI'],
  ['conference on robot learning', 'CoRL'],
  ['learning for dynamics and control', 'L4DC'],
  ['medical imaging with deep learning', 'MIDL'],
  ['conference on lifelong learning agents', 'CoLLAs'],
  ['probabilistic graphical models', 'PGM'],
  ['learning on graphs conference', 'LoG'],
];

/** "ICML" for "International Conference on Machine Learning" (any ordinal or "Proceedings of" around it). */
export function conferenceAcronym(conference: string): string | undefined {
  // Conference names are plain words: lower case, "&" (or TeX's "\&") read as "and", and single spaces
  // suffice. The title normaliser, with its Unicode and LaTeX tables, would weigh on every site's content script.
  const words = String(conference).toLowerCase().replace(/\\?&/g, ' and ').replace(/[^a-z0-9]+/g, ' ').trim();
  const text = ` ${words} `;
  return PMLR_CONFERENCES.find(([phrase]) => text.includes(` ${phrase} `))?.[1];
}

/** "ICML 2025 (PMLR 267)"; a conference without a known short name keeps the name the page gives. */
export function pmlrVenue(volume: number | string, conference: string, year: number): VenueName | undefined {
  const number = String(volume).trim().replace(/^v/i, '');
  if (!/^\d+$/.test(number) || typeof conference !== 'string') return undefined;
  return named(conferenceAcronym(conference) ?? conference, yearOf(year), `PMLR ${Number(number)}`);
}

/** From a volume page heading: "Volume 235: International Conference on Machine Learning, 21-27 July 2024, …". */
export function pmlrVenueFromHeading(heading: string): VenueName | undefined {
  const match = /^\s*Volume\s+(\d+)\s*:\s*([^,]+),(.*)$/is.exec(typeof heading === 'string' ? heading : '');
  if (!match) return undefined;
  const year = yearOf(match[3]!);
  return year === undefined ? undefined : pmlrVenue(match[1]!, match[2]!, year);
}

// ---------------------------------------------------------------------------------------------
// CVF Open Access: the conference code in listing and paper URLs — `CVPR2024`, `ICCV2023`,
// `CVPR2023W` and `CVPR2023_workshops` (workshops), `content_ICCV_2017` and `…_CVPRW_2023_paper` (older forms).

const CVF_CODE = /(CVPR|ICCV|WACV|ACCV)(W?)_?((?:19|20)\d\d)(W|_workshops)?(?!\d)/i;

/** "ICCV 2023", "CVPR 2023 Workshops", from a code or a URL holding one. */
export function cvfVenue(codeOrUrl: string): VenueName | undefined {
  const match = CVF_CODE.exec(typeof codeOrUrl === 'string' ? codeOrUrl : '');
  if (!match) return undefined;
  const workshop = match[2] !== '' || match[4] !== undefined;
  const venue = named(match[1]!.toUpperCase(), yearOf(match[3]!));
  return venue && workshop ? { ...venue, name: `${venue.name} Workshops` } : venue;
}

// ---------------------------------------------------------------------------------------------
// ACL Anthology ids: volumes `2022.alta-1`, `2023.acl-long`, `2023.findings-emnlp`, papers
// `2022.alta-1.5`, events `alta-2022`, and pre-2020 ids `P18-1007` whose letter names the venue.

// The tables below are plain objects, not Maps: a `new Map(…)` at module level is a call the bundler must keep,
// so every site's content script carried these tables whether or not it reads ACL ids.

/** The value `table` holds under `key` itself (never one of Object.prototype's names, such as `constructor`). */
function entryOf(table: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Acronyms as the Anthology writes them (data/yaml/venues.yaml); other slugs are upper-cased. */
const ACL_ACRONYMS: Readonly<Record<string, string>> = {
  conll: 'CoNLL', semeval: 'SemEval', starsem: '*SEM', bionlp: 'BioNLP', repl4nlp: 'RepL4NLP',
  blackboxnlp: 'BlackboxNLP', argmining: 'ArgMining', nodalida: 'NoDaLiDa', mtsummit: 'MTSummit',
  americasnlp: 'AmericasNLP', clinicalnlp: 'ClinicalNLP', clpsych: 'CLPsych', vardial: 'VarDial',
  webnlg: 'WebNLG', textgraphs: 'TextGraphs', gebnlp: 'GeBNLP', jeptalnrecital: 'JEP/TALN/RECITAL',
};

/** Venues of the pre-2020 one-letter ids (`oldstyle_letter` in venues.yaml); W (workshops) names none. */
const ACL_LETTERS: Readonly<Record<string, string>> = {
  P: 'ACL', N: 'NAACL', E: 'EACL', D: 'EMNLP', C: 'COLING', K: 'CoNLL', S: 'SemEval', Q: 'TACL', J: 'CL',
  L: 'LREC', I: 'IJCNLP', U: 'ALTA', R: 'RANLP', Y: 'PACLIC', H: 'HLT', A: 'ANLP', M: 'MUC', F: 'JEP/TALN/RECITAL',
  T: 'TINLAP', X: 'TIPSTER',
};

/** Volume suffixes that name a track worth showing; `long`, `short`, `main`, `1`, … name none. */
const ACL_TRACKS: Readonly<Record<string, string>> = {
  demo: 'Demos', demos: 'Demos', srw: 'Student Research Workshop', industry: 'Industry Track', tutorials: 'Tutorials',
};

const aclAcronym = (slug: string) => entryOf(ACL_ACRONYMS, slug.toLowerCase()) ?? slug.toUpperCase();

/** "ALTA 2022", "ACL 2023", "Findings of EMNLP 2023", "ACL 2018", from an Anthology id or URL. */
export function aclVenue(anthologyId: string): VenueName | undefined {
  const text = typeof anthologyId === 'string' ? anthologyId.trim() : '';
  const modern = /(?:^|[/\s])((?:19|20)\d\d)\.([a-z0-9]+)-([a-z0-9]+)/i.exec(text);
  if (modern) {
    const [year, slug, volume] = [modern[1]!, modern[2]!, modern[3]!];
    if (slug.toLowerCase() === 'findings') return named(`Findings of ${aclAcronym(volume)}`, yearOf(year));
    return named(aclAcronym(slug), yearOf(year), entryOf(ACL_TRACKS, volume.toLowerCase()));
  }
  const old = /(?:^|[/\s])([A-Z])(\d\d)-\d{1,4}(?![\d.])/.exec(text);
  if (old) {
    const venue = entryOf(ACL_LETTERS, old[1]!);
    const twoDigits = Number(old[2]);
    return venue ? named(venue, twoDigits >= 50 ? 1900 + twoDigits : 2000 + twoDigits) : undefined;
  }
  const event = /(?:^|\/)events\/([a-z][a-z0-9]*)-((?:19|20)\d\d)(?:\/|$)|^([a-z][a-z0-9]*)-((?:19|20)\d\d)$/i.exec(text);
  if (event) return named(aclAcronym(event[1] ?? event[3]!), yearOf(event[2] ?? event[4]!));
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// NeurIPS proceedings: the year in `/paper_files/paper/2023` (or `/paper/2017/…`), the track in a
// paper page's name `…-Abstract-Datasets_and_Benchmarks_Track.html`. Named NIPS up to 2017, as the
// proceedings name those volumes.

/** "NeurIPS 2023", "NIPS 2017", "NeurIPS 2023 (Datasets and Benchmarks Track)". */
export function neuripsVenue(year: number, track?: 'datasets-and-benchmarks'): VenueName | undefined {
  const known = yearOf(year);
  if (known === undefined) return undefined;
  return named(known <= 2017 ? 'NIPS' : 'NeurIPS', known, track === 'datasets-and-benchmarks' ? 'Datasets and Benchmarks Track' : undefined);
}

/** From a proceedings URL: the year listing or a paper's abstract/PDF page. */
export function neuripsVenueFromUrl(url: string): VenueName | undefined {
  const text = typeof url === 'string' ? url : '';
  const year = /\/paper(?:_files\/paper)?\/((?:19|20)\d\d)(?:\/|$|[?#])/.exec(text)?.[1];
  if (year === undefined) return undefined;
  // Datasets and Benchmarks pages: `-Datasets_and_Benchmarks(_Track)`, and `-round1`/`-round2` in 2021.
  const benchmarks = /-(?:Abstract|Paper)-(?:Datasets_and_Benchmarks|round\d)/i.test(text);
  return neuripsVenue(Number(year), benchmarks ? 'datasets-and-benchmarks' : undefined);
}

// ---------------------------------------------------------------------------------------------
// OpenReview: venue ids `ICML.cc/2024/Conference`, `NeurIPS.cc/2025/Datasets_and_Benchmarks_Track`,
// `ICLR.cc/2024/Workshop/ME-FoMo`, and the venue label a note shows: "ICML 2024 Oral",
// "NeurIPS 2025 Datasets and Benchmarks Track poster", "Submitted to ICLR 2024" (not published).

const DECISION = /\b(oral|spotlight|poster)s?\b/i;

/** The decision a tab id, tab label or venue label states: "accept-oral", "Accept (Spotlight)", "… poster". */
export function openReviewDecision(text: string): VenueDecision | undefined {
  const match = DECISION.exec(typeof text === 'string' ? text : '');
  return match ? (match[1]!.toLowerCase() as VenueDecision) : undefined;
}

/** "ICML 2024", "NeurIPS 2025 (Datasets and Benchmarks Track)", "ICLR 2024 (Workshop ME-FoMo)", from a venue id. */
export function openReviewVenue(venueId: string): VenueName | undefined {
  const segments = (typeof venueId === 'string' ? venueId.trim() : '').split('/').filter(Boolean);
  const at = segments.findIndex((segment) => /^(?:19|20)\d\d$/.test(segment));
  if (at < 1) return undefined;
  const venue = segments[at - 1]!.replace(/\.(?:cc|org|com|net|io|ai|info)$/i, '');
  const detail = segments
    .slice(at + 1)
    .filter((segment) => segment !== 'Conference' && segment !== 'Track')
    .join(' ')
    .replace(/_/g, ' ');
  return named(venue, yearOf(segments[at]!), detail || undefined);
}

/** Words of a venue label that say "accepted" without naming a track. */
const ACCEPTANCE_WORDS = /\b(?:accept(?:ed)?|conference|notable[\s-]+top[\s-]*\d+%?)(?=\s|$)/gi;

/** From a note's venue label; undefined for submissions that were not published. */
export function openReviewVenueFromLabel(label: string): (VenueName & { decision?: VenueDecision }) | undefined {
  const text = typeof label === 'string' ? label.trim().replace(/\s+/g, ' ') : '';
  if (/\b(?:submitted|withdrawn|rejected|reject|desk)\b/i.test(text)) return undefined;
  const match = /^(\S+) ((?:19|20)\d\d)\b(.*)$/.exec(text);
  if (!match) return undefined;
  const decision = openReviewDecision(match[3]!);
  const detail = match[3]!.replace(DECISION, ' ').replace(ACCEPTANCE_WORDS, ' ').trim().replace(/\s+/g, ' ');
  const venue = named(match[1]!, yearOf(match[2]!), detail || undefined);
  return venue && decision ? { ...venue, decision } : venue;
}
