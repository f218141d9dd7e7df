// What can be done to several papers at once: tag, untag, export, delete (with undo), or drop the selection.
import { useMemo, useState } from 'preact/hooks';
import { tagId } from '../../core/tags';
import type { PaperSummary } from '../../shared/search-snapshot';
import { Dialog } from '../../ui/Dialog';
import { CloseIcon, DownloadIcon, TagIcon, TrashIcon } from '../../ui/icons';
import { TagField } from '../../ui/TagField';
import { countTags, type TagUse } from '../../ui/tag-suggest';
import { count } from '../../ui/text';

interface SelectionBarProps {
  selected: readonly PaperSummary[];
  tags: readonly TagUse[];
  onTag(tags: string[]): void;
  onUntag(tags: string[]): void;
  onExport(): void;
  onDelete(): void;
  onClear(): void;
}

export function SelectionBar({ selected, tags, onTag, onUntag, onExport, onDelete, onClear }: SelectionBarProps) {
  const [dialog, setDialog] = useState<'tag' | 'untag' | null>(null);
  return (
    <div class="selection-bar" role="toolbar" aria-label="Selected papers">
      <span class="selection-count">{count(selected.length, 'selected', 'selected')}</span>
      <button type="button" class="button quiet" onClick={() => setDialog('tag')}><TagIcon />Tag…</button>
      <button type="button" class="button quiet" onClick={() => setDialog('untag')}>Untag…</button>
      <button type="button" class="button quiet" onClick={onExport}><DownloadIcon />Export…</button>
      <button type="button" class="button quiet danger-text" onClick={onDelete}><TrashIcon />Delete</button>
      <span class="spacer" />
      <button type="button" class="button icon quiet" aria-label="Clear the selection" title="Clear the selection (Esc)" onClick={onClear}><CloseIcon /></button>
      {dialog === 'tag' && <BulkTagDialog count={selected.length} tags={tags} onTag={onTag} onClose={() => setDialog(null)} />}
      {dialog === 'untag' && <BulkUntagDialog selected={selected} onUntag={onUntag} onClose={() => setDialog(null)} />}
    </div>
  );
}

function BulkTagDialog({ count: n, tags, onTag, onClose }: { count: number; tags: readonly TagUse[]; onTag(tags: string[]): void; onClose(): void }) {
  return (
    <Dialog title={`Tag ${count(n, 'paper')}`} onClose={onClose} actions={<button type="button" class="button" onClick={onClose}>Cancel</button>}>
      <p class="muted">Type a tag and press Enter: it is added to every selected paper.</p>
      <TagField id="bulk-tag" label="Tag to add" tags={tags} autoFocus onAdd={(tag) => {
        onTag([tag]);
        onClose();
      }} />
    </Dialog>
  );
}

function BulkUntagDialog({ selected, onUntag, onClose }: { selected: readonly PaperSummary[]; onUntag(tags: string[]): void; onClose(): void }) {
  const present = useMemo(() => countTags(selected), [selected]);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const flip = (name: string) => {
    const next = new Set(chosen);
    if (!next.delete(tagId(name))) next.add(tagId(name));
    setChosen(next);
  };
  return (
    <Dialog
      title={`Remove tags from ${count(selected.length, 'paper')}`}
      onClose={onClose}
      actions={<>
        <button type="button" class="button" onClick={onClose}>Cancel</button>
        <button type="button" class="button primary" disabled={chosen.size === 0} onClick={() => {
          onUntag(present.filter((tag) => chosen.has(tagId(tag.name))).map((tag) => tag.name));
          onClose();
        }}>Remove {count(chosen.size, 'tag')}</button>
      </>}
    >
      {present.length === 0 ? <p class="muted">The selected papers have no tags.</p> : (
        <fieldset class="untag-list">
          <legend>Tags on the selected papers</legend>
          {present.map((tag) => (
            <label class="choice" key={tag.name}>
              <input type="checkbox" checked={chosen.has(tagId(tag.name))} onChange={() => flip(tag.name)} />
              {tag.name} <span class="hint">({count(tag.count, 'paper')})</span>
            </label>
          ))}
        </fieldset>
      )}
    </Dialog>
  );
}
