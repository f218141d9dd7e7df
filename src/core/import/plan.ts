// What an import does to the library, worked out before anything is written: each imported paper is matched
// with a saved one (by key, by alias, else by title identity) or with a paper met earlier in the same file,
// and merged with it; what is new is added. Pure: the library in, the records to write and a row per entry out.
import { findByFingerprint, titleFingerprint, withVenue } from '../identity';
import type { ReadingStatus, SavedPaper } from '../paper';
import { LIMITS } from '../paper-record';
import { normaliseTags } from '../tags';
import type { ImportedPaper } from './entry';

/** `id`: a key or alias in common; `title`: the same title with an author in common (the identity rule). */
export type MatchedBy = 'id' | 'title';

/** One entry of the file, as the preview lists it. */
export interface PlanRow {
  entry: string;
  title: string;
  /** The key of the record the entry ends up in. */
  key: string;
  /** `add`: a new paper; `update`/`unchanged`: merged into a saved paper; `duplicate`: merged into an earlier entry. */
  action: 'add' | 'update' | 'unchanged' | 'duplicate';
  /** How the saved paper (or the earlier entry) was found. */
  matchedBy?: MatchedBy;
  /** The earlier entry of the same file that names the same paper. */
  sameAs?: string;
  /** Where the file and the saved record disagree, and what the merge kept. */
  conflicts: string[];
  /** The venue the entry names, when it names one. */
  venue?: string;
}

export interface PlanCounts {
  added: number;
  updated: number;
  unchanged: number;
}

/** Union in order without repeats, at most `max`. */
function union(max: number, ...lists: Array<readonly string[]>): string[] {
  return [...new Set(lists.flat())].slice(0, max);
}

/**
 * The two notes, neither lost: when one holds the other, the longer one; else both, the saved one first. Only when
 * both together would pass a record's bound is the file's note left out (and the conflict says so).
 */
function mergeNotes(saved: string, imported: string): { note: string; outcome: 'one' | 'both' | 'no room' } {
  if (!imported || saved.includes(imported)) return { note: saved, outcome: 'one' };
  if (!saved || imported.includes(saved)) return { note: imported, outcome: 'one' };
  const both = `${saved}\n\n${imported}`;
  return both.length <= LIMITS.note ? { note: both, outcome: 'both' } : { note: saved, outcome: 'no room' };
}

const STATUS_NAMES: Record<ReadingStatus, string> = { 'to-read': 'to read', reading: 'reading', read: 'read', skip: 'skip' };

/**
 * A saved paper with an imported copy merged in: what the user added is never lost (tags united, notes both
 * kept), gaps in the saved record are filled from the file, and the saved description otherwise stays.
 */
export function mergeImported(saved: SavedPaper, imported: SavedPaper, now: number): { paper: SavedPaper; conflicts: string[] } {
  const conflicts: string[] = [];
  const notes = mergeNotes(saved.note, imported.note);
  if (notes.outcome === 'both') conflicts.push('notes differ: both kept');
  if (notes.outcome === 'no room') conflicts.push('notes differ: the file\'s note does not fit beside the saved one, which was kept');
  let status = saved.status;
  if (imported.status !== 'to-read' && imported.status !== saved.status) {
    if (saved.status === 'to-read') status = imported.status;
    else conflicts.push(`status: kept "${STATUS_NAMES[saved.status]}" (the file says "${STATUS_NAMES[imported.status]}")`);
  }
  const tags = normaliseTags([...saved.tags, ...imported.tags]);
  if (tags.length > LIMITS.tags) conflicts.push(`only ${LIMITS.tags} tags fit: ${tags.length - LIMITS.tags} of the file's tags were not added`);
  const merged: SavedPaper = {
    ...saved,
    aliases: union(LIMITS.aliases, saved.aliases, [imported.key], imported.aliases).filter((id) => id !== saved.key).slice(0, LIMITS.aliases),
    title: saved.title || imported.title,
    authors: saved.authors.length > 0 ? saved.authors : imported.authors,
    abstract: saved.abstract || imported.abstract,
    ...((saved.published ?? imported.published) !== undefined && { published: saved.published ?? imported.published }),
    // Most files name no venue the record lacks: the saved list then stays the same object (see sameMerge).
    venues: imported.venues.length === 0 && saved.venues.length <= LIMITS.venues ? saved.venues : imported.venues.reduce(withVenue, saved.venues).slice(0, LIMITS.venues),
    metrics: saved.metrics.length > 0 || imported.metrics.length === 0 ? saved.metrics : imported.metrics,
    codeLinks: union(LIMITS.codeLinks, saved.codeLinks, imported.codeLinks),
    tags: tags.slice(0, LIMITS.tags),
    status,
    note: notes.note,
    savedAt: Math.min(saved.savedAt, imported.savedAt),
  };
  const changed = !sameMerge(saved, merged);
  return { paper: changed ? { ...merged, updatedAt: Math.max(now, saved.updatedAt) } : saved, conflicts };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/**
 * True when the merge changed none of the fields it can change (the others are the saved record's own): cheaper
 * than comparing whole records, which an import of 10,000 papers would do 10,000 times.
 */
function sameMerge(saved: SavedPaper, merged: SavedPaper): boolean {
  return saved.title === merged.title && saved.abstract === merged.abstract && saved.published === merged.published &&
    saved.status === merged.status && saved.note === merged.note && saved.savedAt === merged.savedAt &&
    saved.metrics === merged.metrics && (saved.venues === merged.venues || JSON.stringify(saved.venues) === JSON.stringify(merged.venues)) && sameList(saved.aliases, merged.aliases) && sameList(saved.authors, merged.authors) &&
    sameList(saved.codeLinks, merged.codeLinks) && sameList(saved.tags, merged.tags);
}

/** The import of one file into one library. Add entries in file order, then read the result. */
export class ImportPlan {
  /** The library as it will be, by key. */
  private readonly records = new Map<string, SavedPaper>();
  /** Key of the record carrying each id (key or alias). */
  private readonly byId = new Map<string, string>();
  /** Keys of the records with each title fingerprint. */
  private readonly byTitle = new Map<string, string[]>();
  /** Each title's fingerprint, worked out once: an entry's title is looked up, then indexed when it is added. */
  private readonly fingerprints = new Map<string, string | undefined>();
  /** Records the file touched, and the first entry that touched each. */
  private readonly touchedBy = new Map<string, string>();
  /** Whether each touched record differs from the library's (true for added records). */
  private readonly changed = new Map<string, boolean>();
  readonly rows: PlanRow[] = [];

  constructor(
    private readonly library: ReadonlyMap<string, SavedPaper>,
    private readonly now: number,
  ) {
    for (const paper of library.values()) this.index(paper);
  }

  private fingerprint(title: string): string | undefined {
    let fingerprint = this.fingerprints.get(title);
    if (fingerprint === undefined && !this.fingerprints.has(title)) {
      fingerprint = titleFingerprint(title);
      this.fingerprints.set(title, fingerprint);
    }
    return fingerprint;
  }

  /** Records `paper` under its ids and title; `previous` (the record it replaces) spares a title it already had. */
  private index(paper: SavedPaper, previous?: SavedPaper): void {
    this.records.set(paper.key, paper);
    if (!this.byId.has(paper.key)) this.byId.set(paper.key, paper.key);
    for (const id of paper.aliases) if (!this.byId.has(id)) this.byId.set(id, paper.key);
    if (previous?.title === paper.title) return;
    const fingerprint = this.fingerprint(paper.title);
    if (fingerprint === undefined) return;
    const keys = this.byTitle.get(fingerprint);
    if (!keys) this.byTitle.set(fingerprint, [paper.key]);
    else if (!keys.includes(paper.key)) keys.push(paper.key);
  }

  /** The record an imported paper names: by its key, an alias, else the same title with an author in common. */
  private find(paper: SavedPaper): { key: string; by: MatchedBy; others: string[] } | undefined {
    const keys: string[] = [];
    const note = (id: string) => {
      const key = this.byId.get(id);
      if (key !== undefined && !keys.includes(key)) keys.push(key);
    };
    note(paper.key);
    for (const id of paper.aliases) note(id);
    if (keys.length > 0) return { key: keys[0], by: 'id', others: keys.slice(1) };
    const fingerprint = this.fingerprint(paper.title);
    const titled = fingerprint === undefined ? undefined : this.byTitle.get(fingerprint);
    if (fingerprint === undefined || titled === undefined) return undefined;
    const candidates = titled.flatMap((k) => this.records.get(k) ?? []);
    const key = findByFingerprint(fingerprint, paper.authors, candidates)?.key;
    return key === undefined ? undefined : { key, by: 'title', others: [] };
  }

  /** The record as it now stands when the file changed or added it (what to write), else undefined. */
  written(key: string): SavedPaper | undefined {
    return this.changed.get(key) === true ? this.records.get(key) : undefined;
  }

  add({ label, paper, venue }: ImportedPaper): PlanRow {
    const match = this.find(paper);
    const venueName = venue?.name;
    let row: PlanRow;
    if (!match) {
      this.index(paper);
      this.touchedBy.set(paper.key, label);
      this.changed.set(paper.key, true);
      row = { entry: label, title: paper.title, key: paper.key, action: 'add', conflicts: [], ...(venueName && { venue: venueName }) };
    } else {
      const saved = this.records.get(match.key) as SavedPaper;
      const { paper: merged, conflicts } = mergeImported(saved, paper, this.now);
      for (const other of match.others) conflicts.push(`its ids also name the saved paper ${other}, which was left as it is`);
      // mergeImported returns the saved object itself when nothing changed.
      if (merged !== saved) this.index(merged, saved);
      const earlier = this.touchedBy.get(match.key);
      if (earlier === undefined) this.touchedBy.set(match.key, label);
      this.changed.set(match.key, this.changed.get(match.key) === true || merged !== saved);
      const action: PlanRow['action'] = earlier !== undefined ? 'duplicate' : merged === saved ? 'unchanged' : 'update';
      row = {
        entry: label, title: paper.title, key: match.key, action, matchedBy: match.by, conflicts,
        ...(earlier !== undefined && { sameAs: earlier }), ...(venueName && { venue: venueName }),
      };
    }
    this.rows.push(row);
    return row;
  }

  /** The records to write: every record the file added or changed, as it will be. */
  writes(): SavedPaper[] {
    const out: SavedPaper[] = [];
    for (const [key, changed] of this.changed) if (changed) out.push(this.records.get(key) as SavedPaper);
    return out;
  }

  /** The saved records the import changes, as they were (what an undo puts back). */
  changedBefore(): SavedPaper[] {
    return this.writes().flatMap((after) => {
      const before = this.library.get(after.key);
      return before ? [before] : [];
    });
  }

  /** Keys of the papers the import adds (what an undo removes). */
  addedKeys(): string[] {
    return this.writes().filter((p) => !this.library.has(p.key)).map((p) => p.key);
  }

  counts(): PlanCounts {
    const counts: PlanCounts = { added: 0, updated: 0, unchanged: 0 };
    for (const [key, changed] of this.changed) {
      if (!this.library.has(key)) counts.added++;
      else if (changed) counts.updated++;
      else counts.unchanged++;
    }
    return counts;
  }
}
