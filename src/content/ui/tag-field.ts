// The card toolbar's tag field, in plain DOM: the same control as the extension pages' TagField (an ARIA
// combobox with a listbox of suggestions from the tags in use, aria-activedescendant for the highlighted
// one), built without preact so that the content script does not carry it. Enter or comma adds the
// highlighted suggestion or the typed text; the arrows move through the suggestions and back to the typed
// text; Escape first closes the suggestions. Its owner decides what leaving the field does with the text typed
// (addTyped, clearTyped). Keys typed here never reach the page.
import { suggestTags, type TagUse } from '../../ui/tag-suggest';
import { el, placeChildren, setAttributes } from './dom';

export interface TagFieldOptions {
  id: string;
  label: string;
  placeholder: string;
  tags: readonly TagUse[];
  exclude: readonly string[];
  onAdd(tag: string): void;
}

export interface TagField {
  element: HTMLElement;
  input: HTMLInputElement;
  /** The tags the paper has now (left out of the suggestions). */
  setExclude(exclude: readonly string[]): void;
  /**
   * Adds the text typed and not yet confirmed, cleaned as Enter cleans it (nothing when it is blank), and clears the
   * field; a suggestion highlighted in the list is not taken: what the reader sees in the field is what is added.
   */
  addTyped(): void;
  /** Forgets the text typed (Escape closing the field). */
  clearTyped(): void;
}

export function tagField({ id, label, placeholder, tags, exclude, onAdd }: TagFieldOptions): TagField {
  const listId = `${id}-suggestions`;
  let open = false;
  /** The highlighted suggestion, or -1 for the typed text. */
  let active = -1;
  let options: string[] = [];

  const add = (tag: string) => {
    const clean = tag.trim().replace(/,+$/, '').trim();
    if (clean) onAdd(clean);
    input.value = '';
    active = -1;
    draw();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const showList = open && options.length > 0;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      open = true;
      // The suggestions as shown: a first arrow on a closed list opens it and highlights nothing yet.
      if (options.length) {
        const next = active + (event.key === 'ArrowDown' ? 1 : -1);
        active = next < -1 ? options.length - 1 : next >= options.length ? -1 : next;
      }
      draw();
    } else if (event.key === 'Enter' || event.key === ',') {
      const typed = input.value;
      if (event.key === 'Enter' || typed.trim()) event.preventDefault();
      if (event.key === 'Enter' && !typed.trim() && active < 0) return;
      add(active >= 0 && active < options.length ? options[active]! : typed);
    } else if (event.key === 'Escape' && showList) {
      event.preventDefault();
      open = false;
      active = -1;
      draw();
    }
    // Keys typed here are text, not list shortcuts.
    event.stopPropagation();
  };

  const input = el('input', {
    id,
    type: 'text',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder,
    maxlength: 100,
    'aria-autocomplete': 'list',
    'aria-expanded': false,
    'aria-controls': listId,
    on: {
      input: () => {
        open = true;
        active = -1;
        draw();
      },
      blur: () => {
        open = false;
        draw();
      },
      keydown: onKeyDown,
    },
  });
  const list = el('ul', { id: listId, role: 'listbox', 'aria-label': `${label}: suggestions`, class: 'tag-suggestions', hidden: true });
  const element = el('div', { class: 'tag-field' }, el('label', { class: 'sr-only', for: id }, label), input, list);

  const option = (tag: string, i: number) =>
    el('li', {
      id: `${listId}-${i}`,
      role: 'option',
      'aria-selected': i === active,
      class: i === active ? 'active' : null,
      on: {
        // mousedown, not click: the field keeps focus, so the list does not close before the pick lands.
        mousedown: (event) => {
          event.preventDefault();
          add(tag);
        },
      },
    }, tag);

  function draw() {
    options = open ? suggestTags(tags, input.value, exclude) : [];
    const showList = open && options.length > 0;
    setAttributes(input, {
      'aria-expanded': showList,
      'aria-activedescendant': showList && active >= 0 && active < options.length ? `${listId}-${active}` : null,
    });
    list.hidden = !showList;
    placeChildren(list, options.map(option));
  }

  return {
    element,
    input,
    setExclude(next) {
      exclude = next;
      if (open) draw();
    },
    addTyped() {
      if (input.value.trim()) add(input.value);
    },
    clearTyped() {
      input.value = '';
      active = -1;
      draw();
    },
  };
}
