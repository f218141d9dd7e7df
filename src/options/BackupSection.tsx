// Backups: download the whole library as a JSON backup; import one, merged into the library or replacing it,
// after a dry run that says what would change. The background checks every file; when it refuses one, its
// reason is shown as it gives it.
import type { ImportBackupReply } from '../shared/messages';
import { count } from '../ui/text';
import type { OptionsDeps } from './deps';
import { useFileImport } from './use-file-import';

type Mode = 'merge' | 'replace';

type Counts = Pick<ImportBackupReply, 'added' | 'updated' | 'unchanged' | 'removed'>;

/** "3 papers added, 1 paper updated": the changes of one section, none when it changes nothing. */
function changesOf(counts: Counts | undefined, noun: string, removed: string): string[] {
  if (!counts) return [];
  return [
    counts.added && `${count(counts.added, noun)} added`,
    counts.updated && `${count(counts.updated, noun)} updated`,
    counts.removed && `${count(counts.removed, noun)} ${removed}`,
  ].filter((part): part is string => Boolean(part));
}

export function describeImport(counts: Counts & Partial<Pick<ImportBackupReply, 'trash' | 'readingMemory' | 'rules'>>, done: boolean): string {
  const parts = [
    `${count(counts.added, 'new paper')}`,
    `${count(counts.updated, 'paper')} updated`,
    `${count(counts.unchanged, 'paper')} unchanged`,
  ];
  if (counts.removed) parts.push(`${count(counts.removed, 'paper')} removed`);
  const text = `${done ? 'Imported' : 'This backup would bring'}: ${parts.join(', ')}`;
  // The other sections are mentioned only when the file changes them.
  const others = [
    ['in the Trash', [
      ...changesOf(counts.trash, 'paper', 'deleted for ever'),
      ...(counts.trash?.restored ? [`${count(counts.trash.restored, 'paper')} back in the library`] : []),
    ]],
    ['in the reading memory', changesOf(counts.readingMemory, 'paper', 'forgotten')],
    ['rules', changesOf(counts.rules, 'rule', 'removed')],
  ] as const;
  const extra = others.filter(([, parts]) => parts.length > 0).map(([where, parts]) => `${where}, ${parts.join(', ')}`);
  return extra.length ? `${text}; ${extra.join('; ')}.` : `${text}.`;
}

export function BackupSection({ deps, libraryCount, onChanged }: { deps: OptionsDeps; libraryCount: number | null; onChanged(): void }) {
  const { pending, busy, message, setMessage, run, preview, cancel, chooseFile, confirm, refs } = useFileImport<Mode, ImportBackupReply>({
    send: (source, mode, dryRun) => deps.send({ type: 'importBackup', ...source, mode, ...(dryRun && { dryRun }) }),
    done: (reply) => ({ text: describeImport(reply, true), kind: 'info' }),
    onChanged,
  });

  const exportBackup = () => run(async () => {
    const [{ text, count: papers }, { exportFileName, exportFormat }] = await Promise.all([
      deps.send({ type: 'exportBackup' }),
      import('../core/export'),
    ]);
    const format = exportFormat('json');
    const fileName = exportFileName(format, deps.now());
    deps.download({ fileName, mimeType: format.mimeType, text });
    setMessage({ text: `Saved ${count(papers, 'paper')} to ${fileName}.`, kind: 'info' });
  });

  return (
    <section class="card" aria-labelledby="backup-title">
      <h2 id="backup-title" ref={refs.heading} tabIndex={-1}>Backup</h2>
      <div class="backup-row">
        <div>
          <h3>Export</h3>
          <p class="muted">Everything you saved, with tags, statuses and notes, the papers in the Trash, the papers you have seen and your rules, as one JSON file.</p>
        </div>
        <button type="button" class="button" disabled={busy} onClick={() => void exportBackup()}>
          Export backup{libraryCount !== null ? ` (${count(libraryCount, 'paper')})` : ''}
        </button>
      </div>
      <div class="backup-row">
        <div>
          <h3>Import</h3>
          <p class="muted">A Paperlight backup file. You see what it would change before anything is written.</p>
        </div>
        <label class={`button file-button${busy ? ' disabled' : ''}`}>
          Choose a backup file…
          <input type="file" accept=".json,application/json" class="sr-only" disabled={busy} onChange={(event) => void chooseFile(event.currentTarget, deps.backupSource, pending?.choice ?? 'merge')} />
        </label>
      </div>
      {pending && (
        <div class="import-preview" role="group" aria-label={`Import ${pending.name}`} ref={refs.preview} tabIndex={-1}>
          <p><strong>{pending.name}</strong></p>
          <fieldset class="import-mode">
            <legend>How to import</legend>
            <label class="choice">
              <input type="radio" name="import-mode" checked={pending.choice === 'merge'} disabled={busy} onChange={() => void preview({ ...pending, choice: 'merge' })} />
              Merge into my library <span class="hint">(newer edits win; nothing is removed)</span>
            </label>
            <label class="choice">
              <input type="radio" name="import-mode" checked={pending.choice === 'replace'} disabled={busy} onChange={() => void preview({ ...pending, choice: 'replace' })} />
              Replace my library <span class="hint">(papers not in the file are removed)</span>
            </label>
          </fieldset>
          <p role="status">{pending.preview ? describeImport(pending.preview, false) : 'Checking the file…'}</p>
          <div class="actions">
            <button type="button" class="button" onClick={cancel}>Cancel</button>
            <button type="button" class={`button primary${pending.choice === 'replace' && pending.preview?.removed ? ' danger' : ''}`} disabled={busy || !pending.preview} onClick={() => void confirm()}>
              {pending.choice === 'replace' ? 'Replace my library' : 'Import'}
            </button>
          </div>
        </div>
      )}
      {message && <p ref={refs.message} tabIndex={-1} class={`form-message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
    </section>
  );
}
