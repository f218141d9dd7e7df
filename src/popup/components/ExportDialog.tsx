// Export: pick a format from the export registry (loaded when the dialog opens) and what to export (the whole
// library, what the search and filters show, or the selection), then download a dated file.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ExportFormat, ExportFormatId, MarkdownGrouping } from '../../core/export';
import { Dialog } from '../../ui/Dialog';
import { DownloadIcon } from '../../ui/icons';
import { count, formatNumber } from '../../ui/text';

export type ExportScope = 'library' | 'shown' | 'selection';

export interface ExportChoice {
  format: ExportFormatId;
  scope: ExportScope;
  groupBy: MarkdownGrouping;
}

interface ExportDialogProps {
  counts: Record<ExportScope, number>;
  /** Scopes worth offering: "shown" only with a search or filter, "selection" only with a selection. */
  scopes: readonly ExportScope[];
  initialScope: ExportScope;
  onExport(choice: ExportChoice): void;
  onClose(): void;
}

const SCOPE_LABELS: Record<ExportScope, string> = {
  library: 'The whole library',
  shown: 'The papers shown (search and filters)',
  selection: 'The selected papers',
};

let lastChoice: Pick<ExportChoice, 'format' | 'groupBy'> = { format: 'markdown', groupBy: 'tag' };

export function ExportDialog({ counts, scopes, initialScope, onExport, onClose }: ExportDialogProps) {
  const [formats, setFormats] = useState<readonly ExportFormat[] | null>(null);
  const [format, setFormat] = useState<ExportFormatId>(lastChoice.format);
  const [groupBy, setGroupBy] = useState<MarkdownGrouping>(lastChoice.groupBy);
  const [scope, setScope] = useState<ExportScope>(initialScope);
  useEffect(() => {
    void import('../../core/export').then((module) => setFormats(module.EXPORT_FORMATS));
  }, []);
  // The dialog opens before its formats have loaded, so the browser puts the focus on the first choice there is then
  // (how to group a reading list); once the formats are in, the focus goes to the format chosen, the first question,
  // unless the person has already moved on.
  const formatList = useRef<HTMLFieldSetElement>(null);
  /** Where the browser put the focus when the dialog opened (the Dialog's layout effect ran before this). */
  const openedOn = useRef<Element | null>(null);
  useEffect(() => {
    openedOn.current = document.activeElement;
  }, []);
  useEffect(() => {
    if (!formats || document.activeElement !== openedOn.current) return;
    formatList.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
  }, [formats]);

  const go = () => {
    lastChoice = { format, groupBy };
    onExport({ format, scope, groupBy });
    onClose();
  };

  return (
    <Dialog
      title="Export papers"
      onClose={onClose}
      actions={<>
        <button type="button" class="button" onClick={onClose}>Cancel</button>
        <button type="button" class="button primary" disabled={!formats || counts[scope] === 0} onClick={go}>
          <DownloadIcon />Download {count(counts[scope], 'paper')}
        </button>
      </>}
    >
      <fieldset ref={formatList}>
        <legend>Format</legend>
        {!formats && <p class="muted">Loading formats…</p>}
        {formats?.map((f) => (
          <label class="choice" key={f.id}>
            <input type="radio" name="export-format" value={f.id} checked={format === f.id} onChange={() => setFormat(f.id)} />
            {f.label} <span class="hint">.{f.extension}</span>
          </label>
        ))}
      </fieldset>
      {format === 'markdown' && (
        <fieldset>
          <legend>Group the reading list</legend>
          <label class="choice"><input type="radio" name="export-group" checked={groupBy === 'tag'} onChange={() => setGroupBy('tag')} />By tag</label>
          <label class="choice"><input type="radio" name="export-group" checked={groupBy === 'status'} onChange={() => setGroupBy('status')} />By reading status</label>
        </fieldset>
      )}
      <fieldset>
        <legend>Papers</legend>
        {scopes.map((s) => (
          <label class="choice" key={s}>
            <input type="radio" name="export-scope" value={s} checked={scope === s} onChange={() => setScope(s)} />
            {SCOPE_LABELS[s]} <span class="hint">({formatNumber(counts[s])})</span>
          </label>
        ))}
      </fieldset>
    </Dialog>
  );
}
