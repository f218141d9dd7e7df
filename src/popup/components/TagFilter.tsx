// The tag filter: a button that opens a panel of the library's tags (most used first) with a box to narrow
// them, each a checkbox. Papers shown carry every checked tag. Escape or a click elsewhere closes the panel.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { tagId } from '../../core/tags';
import { TagIcon } from '../../ui/icons';
import type { TagUse } from '../../ui/tag-suggest';

const MAX_LISTED = 150;

interface TagFilterProps {
  tags: readonly TagUse[];
  chosen: readonly string[];
  onChange(tags: string[]): void;
}

export function TagFilter({ tags, chosen, onChange }: TagFilterProps) {
  const [open, setOpen] = useState(false);
  const [narrow, setNarrow] = useState('');
  const root = useRef<HTMLDivElement>(null);
  const chosenIds = useMemo(() => new Set(chosen.map(tagId)), [chosen]);
  const listed = useMemo(() => {
    const wanted = tagId(narrow);
    return tags.filter((tag) => tagId(tag.name).includes(wanted)).slice(0, MAX_LISTED);
  }, [tags, narrow]);

  useEffect(() => {
    if (!open) return;
    const away = (event: Event) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    document.addEventListener('focusin', away);
    return () => {
      document.removeEventListener('pointerdown', away);
      document.removeEventListener('focusin', away);
    };
  }, [open]);

  const toggle = (name: string) => {
    const id = tagId(name);
    onChange(chosenIds.has(id) ? chosen.filter((t) => tagId(t) !== id) : [...chosen, name]);
  };

  return (
    <div class="tag-filter" ref={root} onKeyDown={(event) => {
      if (event.key === 'Escape' && open) {
        event.stopPropagation();
        setOpen(false);
        root.current?.querySelector('button')?.focus();
      }
    }}>
      <button
        type="button"
        class={`button filter-button${chosen.length ? ' on' : ''}`}
        aria-expanded={open}
        aria-controls="tag-filter-panel"
        onClick={() => setOpen(!open)}
      >
        <TagIcon />Tags{chosen.length ? ` (${chosen.length})` : ''}
      </button>
      {open && (
        <div id="tag-filter-panel" class="popover tag-filter-panel" role="group" aria-label="Filter by tags">
          <input
            type="search"
            aria-label="Find a tag"
            placeholder="Find a tag…"
            value={narrow}
            autoFocus
            onInput={(event) => setNarrow(event.currentTarget.value)}
            onKeyDown={(event) => event.stopPropagation()}
          />
          {listed.length === 0 ? (
            <p class="muted">{tags.length ? 'No tag matches.' : 'No tags yet: add some to your papers.'}</p>
          ) : (
            <ul class="tag-options">
              {listed.map((tag) => (
                <li key={tag.name}>
                  <label class="choice">
                    <input type="checkbox" checked={chosenIds.has(tagId(tag.name))} onChange={() => toggle(tag.name)} />
                    <span class="tag-name">{tag.name}</span>
                    <span class="count">{tag.count}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          {chosen.length > 0 && <button type="button" class="button quiet" onClick={() => onChange([])}>Clear tags</button>}
        </div>
      )}
    </div>
  );
}
