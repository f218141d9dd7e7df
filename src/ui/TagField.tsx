// A text field that adds tags, with autocomplete from the tags already in use: an ARIA combobox with a listbox
// of suggestions (aria-activedescendant), so it works with a keyboard and a screen reader. Enter or comma adds
// the highlighted suggestion or the typed text; Escape first closes the suggestions.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { suggestTags, type TagUse } from './tag-suggest';

interface TagFieldProps {
  id: string;
  label: string;
  tags: readonly TagUse[];
  exclude?: readonly string[];
  placeholder?: string;
  autoFocus?: boolean;
  onAdd(tag: string): void;
}

export function TagField({ id, label, tags, exclude = [], placeholder = 'Add a tag…', autoFocus, onAdd }: TagFieldProps) {
  const [value, setValue] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const options = useMemo(() => (open ? suggestTags(tags, value, exclude) : []), [open, tags, value, exclude]);
  const listId = `${id}-suggestions`;
  const showList = open && options.length > 0;
  // The `autofocus` attribute only acts on page load; a field that appears later is focused here.
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, []);

  const add = (tag: string) => {
    const clean = tag.trim().replace(/,+$/, '').trim();
    if (clean) onAdd(clean);
    setValue('');
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (options.length) {
        const step = event.key === 'ArrowDown' ? 1 : -1;
        // Cycles through the suggestions and back to the typed text (-1).
        const next = active + step;
        setActive(next < -1 ? options.length - 1 : next >= options.length ? -1 : next);
      }
    } else if (event.key === 'Enter' || event.key === ',') {
      // The field's own value: a fast typist's Enter can come before the last keystroke re-rendered.
      const typed = (event.currentTarget as HTMLInputElement).value;
      if (event.key === 'Enter' || typed.trim()) event.preventDefault();
      if (event.key === 'Enter' && !typed.trim() && active < 0) return;
      add(active >= 0 && active < options.length ? options[active]! : typed);
    } else if (event.key === 'Escape' && showList) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setActive(-1);
    }
    // Keys typed here are text, not list shortcuts. Escape with no suggestions shown is not the field's: it goes on
    // to what holds the field (the popup's editor closes on it).
    if (event.key !== 'Escape' || showList) event.stopPropagation();
  };

  return (
    <div class="tag-field">
      <label class="sr-only" for={id}>{label}</label>
      <input
        id={id}
        ref={input}
        type="text"
        role="combobox"
        autoComplete="off"
        spellcheck={false}
        placeholder={placeholder}
        maxLength={100}
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && active >= 0 && active < options.length ? `${listId}-${active}` : undefined}
        value={value}
        onInput={(event) => {
          setValue(event.currentTarget.value);
          setOpen(true);
          setActive(-1);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={`${label}: suggestions`} class="tag-suggestions" hidden={!showList}>
        {options.map((tag, i) => (
          <li
            key={tag}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            class={i === active ? 'active' : undefined}
            // mousedown, not click: the field keeps focus, so the list does not close before the pick lands.
            onMouseDown={(event) => {
              event.preventDefault();
              add(tag);
            }}
          >
            {tag}
          </li>
        ))}
      </ul>
    </div>
  );
}
