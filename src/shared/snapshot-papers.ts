// The papers of a decoded search snapshot (search-snapshot.ts). The popup decodes the snapshot cold as it opens,
// and what searching and listing need first is every paper's key, title, date, status and site, and its words;
// the lists (authors, tags, aliases, metrics, code links: over a hundred thousand strings and objects for
// 10,000 papers) were most of the decoding. So each paper's lists are made the first time they are read (a row
// drawn, the search index built, a sort by metrics), from columns checked whole when the snapshot was decoded,
// and kept: a paper gives the same lists every time, with the same values the eager decoding gave.
import type { ReadingStatus, RecordedMetric, Venue } from '../core/paper';
import type { PaperSummary } from './search-snapshot';

/**
 * Whole numbers that are never negative (counts, indexes), in the narrowest type that holds the largest: a byte each
 * for almost every column, where four bytes each made a tenth of what the popup copies out of the database.
 */
export type Whole = Uint8Array | Uint16Array | Uint32Array;

/**
 * One frozen empty list for every paper's empty ones: most papers have no aliases, code links or venues, and ten
 * thousand empty arrays are garbage the decoding would make for nothing (nothing changes a summary in place).
 */
export const NONE = Object.freeze([]) as never[];

/** Per paper, a list of `counts[paper]` items: the next ones of a flat column, made when first read, then kept. */
export class LazyLists<T> {
  private readonly lists: Array<T[] | undefined>;
  /** Where each paper's items begin in the flat column (made on the first read). */
  private starts: Uint32Array | null = null;

  /** `item(at)` makes the flat column's item `at`. */
  constructor(private readonly counts: Whole, private readonly item: (at: number) => T) {
    this.lists = new Array(counts.length);
  }

  at(paper: number): T[] {
    const kept = this.lists[paper];
    if (kept) return kept;
    const size = this.counts[paper]!;
    let list: T[] = NONE;
    if (size > 0) {
      const start = (this.starts ??= startsOf(this.counts))[paper]!;
      list = new Array(size);
      for (let i = 0; i < size; i++) list[i] = this.item(start + i);
    }
    return (this.lists[paper] = list);
  }
}

function startsOf(counts: Whole): Uint32Array {
  const starts = new Uint32Array(counts.length);
  let at = 0;
  for (let i = 0; i < counts.length; i++) {
    starts[i] = at;
    at += counts[i]!;
  }
  return starts;
}

/** The lists of every paper of a snapshot. */
export interface SnapshotLists {
  aliases: LazyLists<string>;
  authors: LazyLists<string>;
  tags: LazyLists<string>;
  metrics: LazyLists<RecordedMetric>;
  codeLinks: LazyLists<string>;
}

/** The fields of a summary that are not lists, as decoded. */
export type SummaryFields = Omit<PaperSummary, keyof SnapshotLists>;

/**
 * A snapshot's paper: its plain fields set, its lists read through `lists` (getters, so not own properties: copy
 * one with `plainSummary` where a plain object is wanted).
 */
export class SnapshotPaper implements PaperSummary {
  key: string;
  title: string;
  url: string;
  status: ReadingStatus;
  note: string;
  site: string;
  savedAt: number;
  venues: Venue[];
  readonly #lists: SnapshotLists;
  readonly #index: number;

  constructor(fields: SummaryFields, lists: SnapshotLists, index: number) {
    this.key = fields.key;
    this.title = fields.title;
    this.url = fields.url;
    this.status = fields.status;
    this.note = fields.note;
    this.site = fields.site;
    this.savedAt = fields.savedAt;
    this.venues = fields.venues;
    this.#lists = lists;
    this.#index = index;
  }

  get aliases(): string[] {
    return this.#lists.aliases.at(this.#index);
  }

  get authors(): string[] {
    return this.#lists.authors.at(this.#index);
  }

  get tags(): string[] {
    return this.#lists.tags.at(this.#index);
  }

  get metrics(): RecordedMetric[] {
    return this.#lists.metrics.at(this.#index);
  }

  get codeLinks(): string[] {
    return this.#lists.codeLinks.at(this.#index);
  }
}

/** `paper`'s fields as a plain object (every list read). */
export function plainSummary(paper: PaperSummary): PaperSummary {
  const { key, aliases, title, url, authors, tags, status, note, site, savedAt, metrics, codeLinks, venues } = paper;
  return { key, aliases, title, url, authors, tags, status, note, site, savedAt, metrics, codeLinks, venues };
}
