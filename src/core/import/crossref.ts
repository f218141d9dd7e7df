// BibTeX's cross-references: an entry's `crossref` names another entry of the file (dblp's "with crossref" export
// names the `@proceedings` of each conference paper), whose fields the entry takes where it has none of its own;
// a volume's `title` is the paper's `booktitle`. The volumes themselves (proceedings, books, collections) are
// not papers.
import type { RawBibtexEntry } from '@citation-js/plugin-bibtex/lib-mjs/input/file.js';

/** Entry types that hold other works: a cross-referenced one is a volume, not a paper to import. */
const VOLUME_TYPES = new Set(['proceedings', 'mvproceedings', 'book', 'mvbook', 'collection', 'mvcollection', 'periodical', 'reference', 'mvreference']);

/** What a paper takes from the entry it cross-references, when it has none of its own. */
const INHERITED = ['booktitle', 'year', 'month', 'date', 'publisher', 'series', 'volume', 'address', 'location', 'organization', 'journal', 'journaltitle', 'eventtitle'];

export interface Crossrefs {
  /** Each entry, with the fields it takes from the entry it cross-references. */
  entries: RawBibtexEntry[];
  /** The volumes other entries cross-reference: not papers. */
  volumes: ReadonlySet<RawBibtexEntry>;
}

/** Every entry with what it inherits through `crossref` (citation keys compare without case, as BibTeX's do). */
export function resolveCrossrefs(works: readonly RawBibtexEntry[]): Crossrefs {
  if (!works.some((work) => work.properties.crossref !== undefined)) return { entries: [...works], volumes: new Set() };
  const byKey = new Map<string, RawBibtexEntry>();
  for (const work of works) if (!byKey.has(work.label.toLowerCase())) byKey.set(work.label.toLowerCase(), work);
  const volumes = new Set<RawBibtexEntry>();
  const entries = works.map((work) => {
    const reference = work.properties.crossref;
    const parent = reference === undefined ? undefined : byKey.get(String(reference).trim().toLowerCase());
    if (parent === undefined || parent === work) return work;
    if (VOLUME_TYPES.has(parent.type)) volumes.add(parent);
    const properties = { ...work.properties };
    const given: Partial<RawBibtexEntry['properties']> = { ...parent.properties };
    given.booktitle ??= parent.properties.title;
    for (const name of INHERITED) {
      const value = given[name];
      if (properties[name] === undefined && value !== undefined) properties[name] = value;
    }
    return { ...work, properties };
  });
  return { entries, volumes };
}
