// Import from other tools: a BibTeX, RIS or PaperMemory file (or a Paperlight backup), chosen or pasted. The
// background reads it and first says what it would do, entry by entry (new, merged into which saved paper,
// repeated in the file, conflicts, and what it could not read and why); only then is it imported, in one go,
// and the import can be undone. A file that is not a library is refused with the background's own words.
import { useEffect, useState } from 'preact/hooks';
import type { ImportFormat, ImportLibraryReply, ImportLibraryRequest, ImportSummary, UndoImportReply } from '../shared/messages';
import { count, shortTitle } from '../ui/text';
import type { OptionsDeps } from './deps';
import { FORMAT_NAMES } from '../core/import/entry';
import { ImportHistory } from './ImportHistory';
import { useFileImport } from './use-file-import';

const FORMAT_CHOICES: Array<[ImportFormat | 'auto', string]> = [
  ['auto', 'Detect from the file'],
  ['bibtex', 'BibTeX (.bib)'],
  ['ris', 'RIS (.ris)'],
  ['papermemory', 'PaperMemory export (.json)'],
  ['paperlight', 'Paperlight backup (.json)'],
];
/** Rows shown in the preview table; the counts above it cover every entry. */
const SHOWN_ROWS = 300;

type Row = ImportLibraryReply['entries'][number];

/** "3 new papers, 1 paper updated, 2 papers unchanged", with repeats and rejections when there are any. */
export function describeLibraryImport(reply: ImportLibraryReply, done: boolean): string {
  const repeats = reply.entries.filter((row) => row.action === 'duplicate').length;
  const parts = [count(reply.added, 'new paper'), `${count(reply.updated, 'paper')} updated`, `${count(reply.unchanged, 'paper')} unchanged`];
  if (repeats) parts.push(`${count(repeats, 'entry', 'entries')} repeating another entry of the file`);
  if (reply.rejected.length) parts.push(`${count(reply.rejected.length, 'entry', 'entries')} not imported`);
  return `${done ? 'Imported' : `This ${FORMAT_NAMES[reply.format]} file would bring`}: ${parts.join(', ')}.`;
}

/** What an undo did, and where the work done since the import went. */
export function describeUndo(reply: UndoImportReply): string {
  const kept: string[] = [];
  if (reply.trashed) kept.push(`${count(reply.trashed, 'imported paper')} you edited since ${reply.trashed === 1 ? 'is' : 'are'} in the Trash`);
  if (reply.editsKept) kept.push(`${count(reply.editsKept, 'paper')} saved before ${reply.editsKept === 1 ? 'keeps' : 'keep'} your edits made since`);
  return kept.length === 0
    ? 'The import was undone: the library is as it was before.'
    : `The import was undone: ${kept.join(', and ')}.`;
}

function whatHappens(row: Row): string {
  const how = row.matchedBy === 'title' ? 'same title and author' : 'same id';
  switch (row.action) {
    case 'add': return 'New';
    case 'update': return `Merged into ${row.key} (${how})`;
    case 'unchanged': return `Already saved as ${row.key} (${how})`;
    case 'duplicate': return `Repeats ${row.sameAs ?? 'an earlier entry'} (${how})`;
  }
}

function Preview({ reply }: { reply: ImportLibraryReply }) {
  const rows = reply.entries.slice(0, SHOWN_ROWS);
  return (
    <>
      {rows.length > 0 && (
        <div class="import-table-wrap">
          <table class="import-table">
            <caption class="sr-only">What happens to each entry</caption>
            <thead><tr><th scope="col">Entry</th><th scope="col">Title</th><th scope="col">What happens</th><th scope="col">Conflicts</th></tr></thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.entry}\u0000${row.key}`} class={`import-${row.action}`}>
                  <td>{row.entry}</td>
                  <td>{shortTitle(row.title, 90)}{row.venue ? <span class="hint"> · {row.venue}</span> : null}</td>
                  <td>{whatHappens(row)}</td>
                  <td>{row.conflicts.join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {reply.entries.length > rows.length && <p class="muted">…and {count(reply.entries.length - rows.length, 'more entry', 'more entries')}.</p>}
        </div>
      )}
      {reply.rejected.length > 0 && (
        <div>
          <h3>Not imported</h3>
          <ul class="import-rejected">
            {reply.rejected.map((item, i) => <li key={i}><strong>{item.entry}</strong>: {item.reason}</li>)}
          </ul>
        </div>
      )}
      {reply.notices.length > 0 && (
        <div>
          <h3>Good to know</h3>
          <ul class="import-notices">
            {reply.notices.map((item, i) => <li key={i}><strong>{item.entry}</strong>: {item.message}</li>)}
          </ul>
        </div>
      )}
    </>
  );
}

export function ImportSection({ deps, onChanged }: { deps: OptionsDeps; onChanged(): void }) {
  const [format, setFormat] = useState<ImportFormat | 'auto'>('auto');
  const [pasted, setPasted] = useState('');
  const [history, setHistory] = useState<ImportSummary[]>([]);
  const { pending, busy, message, setMessage, run, preview, cancel, chooseFile, confirm, refs, moveFocusAfter } = useFileImport<ImportFormat | 'auto', ImportLibraryReply>({
    send: (source, chosen, dryRun, fileName) => deps.send({
      type: 'importLibrary', ...source, ...(chosen !== 'auto' && { format: chosen }), ...(dryRun && { dryRun }), ...(fileName && { name: fileName }),
    } as ImportLibraryRequest),
    done: (reply) => ({ text: describeLibraryImport(reply, true), kind: 'info', ...(reply.undo && { undo: reply.undo }) }),
    onChanged,
  });

  // The list is read again after every change of the library: an import or an undo, here or in another tab.
  const refreshHistory = () => {
    deps.send({ type: 'importHistory' }).then(({ imports }) => setHistory(imports), () => undefined);
  };
  useEffect(() => {
    refreshHistory();
    return deps.onLibraryChange(refreshHistory);
  }, []);

  const previewPasted = async () => {
    pending?.release();
    await preview({ name: 'the pasted text', source: { text: pasted }, release: () => undefined, choice: format });
  };

  const changeFormat = (chosen: ImportFormat | 'auto') => {
    setFormat(chosen);
    if (pending) void preview({ ...pending, choice: chosen });
  };

  const importPending = async () => {
    if (await confirm()) setPasted('');
  };

  const undo = async (token: string) => {
    // The button pressed is gone once the undo is done (the message changes, the import leaves the list): the
    // focus goes to the message, which says what the undo did.
    moveFocusAfter('message', false);
    await run(async () => {
      const reply = await deps.send({ type: 'undoImport', undo: token });
      setMessage({ text: describeUndo(reply), kind: 'info' });
      onChanged();
    });
    refreshHistory();
  };

  const writes = pending?.preview ? pending.preview.added + pending.preview.updated : 0;
  return (
    <section class="card" aria-labelledby="library-import-title">
      <h2 id="library-import-title" ref={refs.heading} tabIndex={-1}>Import from other tools</h2>
      <p class="muted">
        BibTeX from Zotero, Better BibTeX, JabRef, Mendeley, Google Scholar or a LaTeX project; RIS from Zotero, EndNote,
        Mendeley, Web of Science or Scopus; PaperMemory's export; a Paperlight backup. Papers you already saved are
        merged (tags and notes are kept). You see what would change before anything is written, and an import can be undone.
      </p>
      <div class="backup-row">
        <label class="import-format">
          Format{' '}
          <select value={format} disabled={busy} onChange={(event) => changeFormat(event.currentTarget.value as ImportFormat | 'auto')}>
            {FORMAT_CHOICES.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </label>
        <label class={`button file-button${busy ? ' disabled' : ''}`}>
          Choose a library file…
          <input type="file" accept=".bib,.bibtex,.ris,.txt,.json,application/json,text/plain" class="sr-only" disabled={busy} onChange={(event) => void chooseFile(event.currentTarget, deps.backupSource, format)} />
        </label>
      </div>
      <details class="import-paste">
        <summary>Or paste BibTeX or RIS</summary>
        <textarea aria-label="Library text to import" rows={6} value={pasted} onInput={(event) => setPasted(event.currentTarget.value)} />
        <button type="button" class="button" disabled={busy || pasted.trim() === ''} onClick={() => void previewPasted()}>Preview the pasted text</button>
      </details>
      {pending && (
        <div class="import-preview" role="group" aria-label={`Import ${pending.name}`} ref={refs.preview} tabIndex={-1}>
          <p><strong>{pending.name}</strong></p>
          <p role="status">{pending.preview ? describeLibraryImport(pending.preview, false) : 'Reading the file…'}</p>
          {pending.preview && <Preview reply={pending.preview} />}
          <div class="actions">
            <button type="button" class="button" onClick={cancel}>Cancel</button>
            <button type="button" class="button primary" disabled={busy || writes === 0} onClick={() => void importPending()}>
              {writes === 0 && pending.preview ? 'Nothing to import' : 'Import'}
            </button>
          </div>
        </div>
      )}
      {message && (
        <p ref={refs.message} tabIndex={-1} class={`form-message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
          {message.undo && <> <button type="button" class="button" disabled={busy} onClick={() => void undo(message.undo!)}>Undo import</button></>}
        </p>
      )}
      <ImportHistory imports={history} busy={busy} onUndo={(token) => void undo(token)} />
    </section>
  );
}
