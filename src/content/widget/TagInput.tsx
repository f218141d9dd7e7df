// A tag entry with autocomplete from the user's existing tags: an ARIA combobox (listbox popup,
// aria-activedescendant), so screen readers and keyboards can use it. Enter adds, Escape closes.
import { useEffect, useRef, useState } from 'preact/hooks';

interface TagInputProps {
  cardKey: string;
  existing: readonly string[];
  suggest(prefix: string): Promise<string[]>;
  onAdd(tag: string): void;
  onClose(): void;
}

export function TagInput({ cardKey, existing, suggest, onAdd, onClose }: TagInputProps) {
  const [value, setValue] = useState('');
  const [options, setOptions] = useState<string[]>([]);
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const listId = `paperlight-tags-${cardKey.replace(/[^a-z0-9]/gi, '-')}`;

  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    let current = true;
    void suggest(value.trim()).then((tags) => {
      if (!current) return;
      const taken = new Set(existing.map((t) => t.toLowerCase()));
      setOptions(tags.filter((t) => !taken.has(t.toLowerCase())).slice(0, 8));
      setActive(-1);
    });
    return () => {
      current = false;
    };
  }, [value]);

  const commit = (tag: string) => {
    const clean = tag.trim();
    if (clean) onAdd(clean);
    setValue('');
  };

  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation(); // the page's own shortcuts must not see keys typed into our field
    if (event.key === 'ArrowDown' && options.length) {
      event.preventDefault();
      setActive((active + 1) % options.length);
    } else if (event.key === 'ArrowUp' && options.length) {
      event.preventDefault();
      setActive(active <= 0 ? options.length - 1 : active - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      commit(active >= 0 ? options[active]! : value);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Tab' && active >= 0) {
      event.preventDefault();
      setValue(options[active]!);
    }
  };

  return (
    <span class="menu">
      <input
        ref={input}
        class="tag-input"
        type="text"
        role="combobox"
        aria-label="Add a tag"
        aria-autocomplete="list"
        aria-expanded={options.length > 0}
        aria-controls={listId}
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        placeholder="tag, Enter to add"
        maxLength={64}
        value={value}
        onInput={(e) => setValue((e.target as HTMLInputElement).value)}
        onKeyDown={onKeyDown}
        onKeyUp={(e) => e.stopPropagation()}
        onKeyPress={(e) => e.stopPropagation()}
        onBlur={() => setTimeout(onClose, 150)}
      />
      {options.length > 0 && (
        <div class="popover">
          <ul class="suggestions" id={listId} role="listbox" aria-label="Existing tags">
            {options.map((tag, i) => (
              <li
                key={tag}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => {
                  e.preventDefault();
                  commit(tag);
                }}
              >
                {tag}
              </li>
            ))}
          </ul>
        </div>
      )}
    </span>
  );
}
