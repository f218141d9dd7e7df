// The imports that can still be undone, in the import section: the person who imported a file yesterday (or before
// reloading the page) finds it here with its Undo, which the message shown right after an import no longer offers.
// The background keeps the newest few (src/background/library-import.ts); the section re-reads them after every
// change of the library, so the list follows imports and undos made here or in another tab.
import { FORMAT_NAMES } from '../core/import/entry';
import type { ImportSummary } from '../shared/messages';
import { count } from '../ui/text';
import { localTime } from './local-time';

/** "references.bib (BibTeX)"; without a file name (pasted text, an import kept before names were) "BibTeX import". */
export function importName(summary: Pick<ImportSummary, 'name' | 'format'>): string {
  const format = summary.format && FORMAT_NAMES[summary.format];
  if (summary.name) return format ? `${summary.name} (${format})` : summary.name;
  return format ? `${format} import` : 'an import';
}

/** "4 new papers, 1 saved paper merged". */
export function importCounts(summary: Pick<ImportSummary, 'added' | 'merged'>): string {
  return `${count(summary.added, 'new paper')}, ${count(summary.merged, 'saved paper')} merged`;
}

export function ImportHistory({ imports, busy, onUndo }: { imports: ImportSummary[]; busy: boolean; onUndo(token: string): void }) {
  if (imports.length === 0) return null;
  return (
    <div class="import-history">
      <h3 id="import-history-title">Recent imports</h3>
      <p class="muted">
        Undo takes out the papers an import added (those you edited since go to the Trash) and puts the papers it merged
        into back as they were, with the edits you made since.
      </p>
      <ul aria-labelledby="import-history-title">
        {imports.map((summary) => {
          const name = importName(summary);
          const when = localTime(summary.importedAt);
          return (
            <li key={summary.undo}>
              <span>
                <strong>{name}</strong> · <time dateTime={new Date(summary.importedAt).toISOString()}>{when}</time> · {importCounts(summary)}
              </span>
              <button type="button" class="button" disabled={busy} aria-label={`Undo ${name}, ${when}`} onClick={() => onUndo(summary.undo)}>Undo</button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
