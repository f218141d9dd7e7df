// What a record's `site` is called where the popup shows it (a row, the site filter, the editor). A paper saved
// from a page carries its site's id; an imported one carries the format it was read from (core/import/record.ts),
// which is named as where the paper came from. Kept apart from the readers, so the popup's first chunk can name
// it without loading them, and from the generated site list, so it stays a plain module.
import type { ImportFormat } from '../core/import/entry';

const IMPORTED_FROM: ReadonlyMap<string, string> = new Map([
  ['bibtex', 'Imported from BibTeX'],
  ['ris', 'Imported from RIS'],
  ['papermemory', 'Imported from PaperMemory'],
] satisfies Array<[Exclude<ImportFormat, 'paperlight'>, string]>);

/** The site's name ("arXiv"), "Imported from BibTeX" for an imported paper, or the id for a site this build lacks. */
export function siteLabel(id: string, siteNames: ReadonlyMap<string, string>): string {
  return siteNames.get(id) ?? IMPORTED_FROM.get(id) ?? id;
}
