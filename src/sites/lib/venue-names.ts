// Venue names ("ICML 2024 (PMLR 235)", "CVPR 2024", "ALTA 2023", "NeurIPS 2023", "ICLR 2024") from what a
// proceedings or venue page shows: a PMLR volume heading, a CVF conference code, an ACL Anthology id, a
// NeurIPS proceedings URL, an OpenReview venue id or label, or a name and year the page prints. Strings in,
// a name and year (or undefined when the text does not say) out; nothing here throws.
import type { VenueDecision } from '../types';

export interface VenueName {
  /** Venue and year for people: "NeurIPS 2024", "ICML 2025 (PMLR 267)", "ALTA 2022". */
  name: string;
  year: number;
}

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

/** A venue a page names in its own words (a journal, a conference series): "Name 2024", the year not repeated. */
export function namedVenue(name: string, year: number): VenueName | undefined {
  const known = yearOf(year);
  const text = typeof name === 'string' ? name.trim().replace(/\s+/g, ' ') : '';
  if (!text || known === undefined) return undefined;
  return text.includes(String(known)) ? { name: text, year: known } : named(text, known);
}

/** Short names of conferences PMLR publishes, by a phrase of their full name (lower case). */
const PMLR_CONFERENCES: ReadonlyArray<readonly [phrase: string, acronym: string]> = [
  ['international conference on machine learning', 'ICML'],
  ['artificial intelligence and statistics', 'AISTATS'],
  ['algorithmic learning theory', 'ALT'],
  ['conference on learning theory', 'COLT'],
  ['uncertainty in artificial intelligence', 'UAI'],
  ['conference on robot learning', 'CoRL'],
  ['learning for dynamics and control', 'L4DC'],
  ['medical imaging with deep learning', 'MIDL'],
];

/** "ICML 2025 (PMLR 267)"; a conference without a known short name keeps the name the page gives. */
export function pmlrVenue(volume: number | string, conference: string, year: number): VenueName | undefined {
  const number = String(volume).trim().replace(/^v/i, '');
  if (!/^\d+$/.test(number) || typeof conference !== 'string') return undefined;
  const text = ` ${conference.toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `;
  const acronym = PMLR_CONFERENCES.find(([phrase]) => text.includes(` ${phrase} `))?.[1];
  return named(acronym ?? conference, yearOf(year), `PMLR ${Number(number)}`);
}

/** From a volume page heading: "Volume 235: International Conference on Machine Learning, 21-27 July 2024, …". */
export function pmlrVenueFromHeading(heading: string): VenueName | undefined {
  const match = /^\s*Volume\s+(\d+)\s*:\s*([^,]+),(.*)$/is.exec(typeof heading === 'string' ? heading : '');
  const year = match ? yearOf(match[3]!) : undefined;
  return match && year !== undefined ? pmlrVenue(match[1]!, match[2]!, year) : undefined;
}

const CVF_CODE = /(CVPR|ICCV|WACV|ACCV)(W?)_?((?:19|20)\d\d)(W|_workshops)?(?!\d)/i;

/** "ICCV 2023", "CVPR 2023 Workshops", from a CVF conference code or a URL holding one. */
export function cvfVenue(codeOrUrl: string): VenueName | undefined {
  const match = CVF_CODE.exec(typeof codeOrUrl === 'string' ? codeOrUrl : '');
  if (!match) return undefined;
  const venue = named(match[1]!.toUpperCase(), yearOf(match[3]!));
  return venue && (match[2] !== '' || match[4] !== undefined) ? { ...venue, name: `${venue.name} Workshops` } : venue;
}

/** Venues of the pre-2020 one-letter Anthology ids; W (workshops) names none. */
const ACL_LETTERS = new Map(Object.entries({
  P: 'ACL', N: 'NAACL', E: 'EACL', D: 'EMNLP', C: 'COLING', K: 'CoNLL', S: 'SemEval', Q: 'TACL', J: 'CL',
  L: 'LREC', I: 'IJCNLP', U: 'ALTA', R: 'RANLP', Y: 'PACLIC', H: 'HLT', A: 'ANLP',
}));
const ACL_ACRONYMS = new Map(Object.entries({ conll: 'CoNLL', semeval: 'SemEval', starsem: '*SEM', bionlp: 'BioNLP' }));
const aclAcronym = (slug: string) => ACL_ACRONYMS.get(slug.toLowerCase()) ?? slug.toUpperCase();

/** "ALTA 2023", "ACL 2018", "Findings of EMNLP 2023", from an Anthology id or URL. */
export function aclVenue(anthologyId: string): VenueName | undefined {
  const text = typeof anthologyId === 'string' ? anthologyId.trim() : '';
  const modern = /(?:^|[/\s])((?:19|20)\d\d)\.([a-z0-9]+)-([a-z0-9]+)/i.exec(text);
  if (modern) {
    const [year, slug, volume] = [modern[1]!, modern[2]!, modern[3]!];
    return slug.toLowerCase() === 'findings' ? named(`Findings of ${aclAcronym(volume)}`, yearOf(year)) : named(aclAcronym(slug), yearOf(year));
  }
  const old = /(?:^|[/\s])([A-Z])(\d\d)-\d{1,4}(?![\d.])/.exec(text);
  const venue = old ? ACL_LETTERS.get(old[1]!) : undefined;
  return venue ? named(venue, Number(old![2]) >= 50 ? 1900 + Number(old![2]) : 2000 + Number(old![2])) : undefined;
}

/** "NeurIPS 2023", "NIPS 2017", "NeurIPS 2023 (Datasets and Benchmarks Track)", from a proceedings URL. */
export function neuripsVenueFromUrl(url: string): VenueName | undefined {
  const text = typeof url === 'string' ? url : '';
  const year = yearOf(/\/paper(?:_files\/paper)?\/((?:19|20)\d\d)(?:\/|$|[?#])/.exec(text)?.[1] ?? '');
  if (year === undefined) return undefined;
  const benchmarks = /-(?:Abstract|Paper)-(?:Datasets_and_Benchmarks|round\d)/i.test(text);
  return named(year <= 2017 ? 'NIPS' : 'NeurIPS', year, benchmarks ? 'Datasets and Benchmarks Track' : undefined);
}

const DECISION = /\b(oral|spotlight|poster)s?\b/i;

/** The decision a tab id, tab label or venue label states: "accept-oral", "Accept (Spotlight)", "… poster". */
export function openReviewDecision(text: string): VenueDecision | undefined {
  const match = DECISION.exec(typeof text === 'string' ? text : '');
  return match ? (match[1]!.toLowerCase() as VenueDecision) : undefined;
}

/** "ICML 2024", "NeurIPS 2025 (Datasets and Benchmarks Track)", from a venue id `ICML.cc/2024/Conference`. */
export function openReviewVenue(venueId: string): VenueName | undefined {
  const segments = (typeof venueId === 'string' ? venueId.trim() : '').split('/').filter(Boolean);
  const at = segments.findIndex((segment) => /^(?:19|20)\d\d$/.test(segment));
  if (at < 1) return undefined;
  const venue = segments[at - 1]!.replace(/\.(?:cc|org|com|net|io|ai|info)$/i, '');
  const detail = segments.slice(at + 1).filter((s) => s !== 'Conference' && s !== 'Track').join(' ').replace(/_/g, ' ');
  return named(venue, yearOf(segments[at]!), detail || undefined);
}

/** From a note's venue label ("ICML 2024 Poster"); undefined for submissions that were not published. */
export function openReviewVenueFromLabel(label: string): (VenueName & { decision?: VenueDecision }) | undefined {
  const text = typeof label === 'string' ? label.trim().replace(/\s+/g, ' ') : '';
  if (/\b(?:submitted|withdrawn|rejected|reject|desk)\b/i.test(text)) return undefined;
  const match = /^(\S+) ((?:19|20)\d\d)\b(.*)$/.exec(text);
  if (!match) return undefined;
  const decision = openReviewDecision(match[3]!);
  const detail = match[3]!.replace(DECISION, ' ').replace(/\b(?:accept(?:ed)?|conference)(?=\s|$)/gi, ' ').trim().replace(/\s+/g, ' ');
  const venue = named(match[1]!, yearOf(match[2]!), detail || undefined);
  return venue && decision ? { ...venue, decision } : venue;
}
