// The plain-DOM building blocks of the in-page UI and the card toolbar built on them: attributes as the browser
// tests read them, page text kept as text, children put in place without moving the focused one, the tag
// field's keyboard, and a toolbar that keeps its focused control and open tag field across redraws.
import { afterEach, describe, expect, it } from 'vitest';
import { CardWidget, type CardActions, type CardProps } from '../../../src/content/features/card-toolbar/CardWidget';
import { el, placeChildren } from '../../../src/content/ui/dom';
import { tagField } from '../../../src/content/ui/tag-field';
import type { ReadingStatus } from '../../../src/core/paper';

/** An event as the browser makes it from real input. */
function real<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
const key = (target: Element, name: string) => target.dispatchEvent(real(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true })));
const type = (input: HTMLInputElement, text: string) => {
  input.value = text;
  input.dispatchEvent(real(new Event('input', { bubbles: true })));
};
const click = (target: Element) => target.dispatchEvent(real(new MouseEvent('click', { bubbles: true })));
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
/** The focus leaves `target` as a click elsewhere makes it (happy-dom's own focus events are not marked trusted). */
const leave = (target: Element) => target.dispatchEvent(real(new FocusEvent('focusout', { bubbles: true })));

afterEach(() => document.body.replaceChildren());

describe('el', () => {
  it('writes aria states as words, drops false and missing attributes, and sets a select to one of its options', () => {
    const select = el('select', { 'aria-busy': false, 'aria-expanded': true, hidden: false, title: undefined, value: 'b' },
      el('option', { value: 'a' }, 'A'), el('option', { value: 'b' }, 'B'));
    expect(select.getAttribute('aria-busy')).toBe('false');
    expect(select.getAttribute('aria-expanded')).toBe('true');
    expect(select.hasAttribute('hidden')).toBe(false);
    expect(select.hasAttribute('title')).toBe(false);
    expect(select.value).toBe('b');
    expect(el('div', { style: 'flex-basis: 100%' }).style.flexBasis).toBe('100%');
  });

  it('keeps page text as text: markup in a title becomes no element', () => {
    const title = '<img src=x onerror="alert(1)"><b>bold</b>';
    const span = el('span', { title }, title, 3);
    expect(span.children).toHaveLength(0);
    expect(span.textContent).toBe(`${title}3`);
    expect(span.getAttribute('title')).toBe(title);
  });
});

describe('placeChildren', () => {
  it('puts the children in order, removing and inserting only what differs; the focused one keeps the focus', () => {
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((name) => el('button', {}, name));
    const parent = el('div', {}, a, b, c);
    document.body.append(parent);
    b!.focus();
    placeChildren(parent, [a, false, d, b, null]);
    expect([...parent.children].map((child) => child.textContent)).toEqual(['a', 'd', 'b']);
    expect(document.activeElement).toBe(b);
    placeChildren(parent, [[c, a], b]);
    expect([...parent.children].map((child) => child.textContent)).toEqual(['c', 'a', 'b']);
  });
});

describe('tagField', () => {
  const tags = [{ name: 'efficient inference', count: 5 }, { name: 'efficiency', count: 2 }, { name: 'segmentation', count: 9 }];
  const field = (exclude: string[] = []) => {
    const added: string[] = [];
    const made = tagField({ id: 't', label: 'Add a tag', placeholder: 'tag', tags, exclude, onAdd: (tag) => added.push(tag) });
    document.body.append(made.element);
    const options = () => [...made.element.querySelectorAll('li')].map((li) => li.textContent);
    return { ...made, added, options, list: made.element.querySelector('ul')! };
  };

  it('offers the tags in use for what is typed, picks one with the arrows and Enter, and clears the field', () => {
    const { input, list, options, added } = field();
    type(input, 'eff');
    expect(options()).toEqual(['efficient inference', 'efficiency']);
    expect(list.hidden).toBe(false);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    key(input, 'ArrowDown');
    key(input, 'ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).toBe('t-suggestions-1');
    expect(list.querySelector('[aria-selected="true"]')?.textContent).toBe('efficiency');
    key(input, 'Enter');
    expect(added).toEqual(['efficiency']);
    expect(input.value).toBe('');
  });

  it('adds the typed text with a comma, leaves out the tags the paper has, and closes the list first on Escape', () => {
    const { input, list, options, added } = field(['segmentation']);
    type(input, 'new idea');
    key(input, ',');
    expect(added).toEqual(['new idea']);
    type(input, 'e');
    expect(options()).toEqual(['efficient inference', 'efficiency']);
    const escape = real(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    input.dispatchEvent(escape);
    expect(escape.defaultPrevented).toBe(true);
    expect(list.hidden).toBe(true);
    expect(input.getAttribute('aria-expanded')).toBe('false');
    key(input, 'ArrowDown'); // opens the list again, highlighting nothing yet
    expect(list.hidden).toBe(false);
    expect(input.hasAttribute('aria-activedescendant')).toBe(false);
  });

  it('takes a suggestion picked with the mouse without losing the focus', () => {
    const { input, element, added } = field();
    input.focus();
    type(input, 'seg');
    const pick = real(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
    element.querySelector('li')!.dispatchEvent(pick);
    expect(pick.defaultPrevented).toBe(true);
    expect(added).toEqual(['segmentation']);
    expect(document.activeElement).toBe(input);
  });
});

describe('CardWidget', () => {
  /** A toolbar over a fake card; `landing` holds a change back until it resolves (a change still under way). */
  function toolbar(initial: { tags: string[]; status: ReadingStatus } | undefined, landing?: (change: object) => Promise<void>) {
    const changes: unknown[] = [];
    let saved = initial;
    const container = el('div');
    document.body.append(container);
    const widget = new CardWidget(container);
    const actions: CardActions = {
      toggleSave: async () => {
        saved = saved ? undefined : { tags: [], status: 'to-read' };
        draw();
      },
      update: async (change) => {
        changes.push(change);
        await landing?.(change);
        if (saved && change.addTags) saved = { ...saved, tags: [...saved.tags, ...change.addTags] };
        if (saved && change.status) saved = { ...saved, status: change.status };
        draw();
      },
      tagList: async () => [{ name: 'vision', count: 3 }],
      loadNote: async () => 'read section 4',
      showMetric: () => {},
    };
    const props = (): CardProps => ({
      view: { key: 'arxiv:2305.18323', title: 'A paper', metrics: [], abstractShown: true, codeLinks: [] },
      saved, notice: undefined, actions,
    });
    const draw = () => widget.update(props());
    draw();
    const find = (text: string) => [...container.querySelectorAll('button')].find((b) => b.textContent === text)!;
    return { container, changes, find, draw, widget };
  }

  it('saves from its button, which keeps the focus while the saved controls appear beside it', async () => {
    const { container, find } = toolbar(undefined);
    const save = find('☆ Save');
    expect(container.querySelector('[role="toolbar"]')!.getAttribute('aria-label')).toBe('Paperlight: A paper');
    save.focus();
    click(save);
    await settle();
    expect(save.textContent).toBe('★ Saved');
    expect(save.getAttribute('aria-pressed')).toBe('true');
    expect(container.querySelector('select')!.value).toBe('to-read');
    expect(document.activeElement).toBe(save);
  });

  it('opens the tag field with the focus in it, and keeps the same field focused as each tag is added', async () => {
    const { container, changes, find } = toolbar({ tags: [], status: 'reading' });
    click(find('+ tag'));
    await settle();
    const input = container.querySelector('input')!;
    expect(document.activeElement).toBe(input);
    type(input, 'vision');
    key(input, 'Enter');
    await settle();
    type(input, 'robots');
    key(input, 'Enter');
    await settle();
    expect(changes).toEqual([{ addTags: ['vision'] }, { addTags: ['robots'] }]);
    expect([...container.querySelectorAll('.tag')].map((t) => t.firstChild!.textContent)).toEqual(['vision', 'robots']);
    expect(container.querySelector('input')).toBe(input);
    expect(document.activeElement).toBe(input);
    key(input, 'Escape'); // no suggestion list open: the field closes
    expect(container.querySelector('input')).toBeNull();
    expect(find('+ tag')).toBeDefined();
  });

  it('keeps a tag typed and not confirmed when the focus leaves the field, as Enter would', async () => {
    const { container, changes, find } = toolbar({ tags: [], status: 'reading' });
    click(find('+ tag'));
    await settle();
    const input = container.querySelector('input')!;
    type(input, '  robots,');
    leave(input); // a click away from the card
    await settle();
    expect(changes).toEqual([{ addTags: ['robots'] }]);
    expect([...container.querySelectorAll('.tag')].map((t) => t.firstChild!.textContent)).toEqual(['robots']);
    expect(container.querySelector('input')).toBeNull();
    expect(find('+ tag')).toBeDefined();
  });

  it('drops a tag typed and not confirmed when Escape closes the field, and adds nothing for an empty field left', async () => {
    const { container, changes, find } = toolbar({ tags: [], status: 'reading' });
    click(find('+ tag'));
    await settle();
    const input = container.querySelector('input')!;
    type(input, 'robots');
    key(input, 'Escape');
    await settle();
    expect(container.querySelector('input')).toBeNull();
    leave(input); // a browser that reports the removed field's focus loss late
    click(find('+ tag'));
    await settle();
    const again = container.querySelector('input')!;
    type(again, '   ');
    leave(again);
    await settle();
    expect(changes).toEqual([]);
    expect(container.querySelector('.tag')).toBeNull();
  });

  it('sends the status chosen in the select', async () => {
    const { container, changes } = toolbar({ tags: [], status: 'to-read' });
    const select = container.querySelector('select')!;
    select.value = 'read';
    select.dispatchEvent(real(new Event('change', { bubbles: true })));
    await settle();
    expect(changes).toEqual([{ status: 'read' }]);
    expect(select.value).toBe('read');
  });

  it('opens the note with the field disabled until the saved note is read into it', async () => {
    const { container, find } = toolbar({ tags: [], status: 'to-read' });
    click(find('✎ Note'));
    const note = container.querySelector('textarea')!;
    expect(note.disabled).toBe(true);
    expect(note.placeholder).toBe('Reading the note…');
    await settle();
    expect(note.disabled).toBe(false);
    expect(note.value).toBe('read section 4');
    expect(find('✎ Note').getAttribute('aria-expanded')).toBe('true');
  });

  it('saves a note left while another change of the card is still under way, once that change lands', async () => {
    let landStatus = () => {};
    const { container, changes, find } = toolbar({ tags: [], status: 'to-read' }, async (change) => {
      if ('status' in change) await new Promise<void>((resolve) => { landStatus = resolve; });
    });
    click(find('✎ Note'));
    await settle();
    const select = container.querySelector('select')!;
    select.value = 'read';
    select.dispatchEvent(real(new Event('change', { bubbles: true })));
    const note = container.querySelector('textarea')!;
    note.value = 'compare with table 2';
    note.dispatchEvent(real(new FocusEvent('blur')));
    await settle();
    expect(changes).toEqual([{ status: 'read' }]);
    landStatus();
    await settle();
    await settle();
    expect(changes).toEqual([{ status: 'read' }, { note: 'compare with table 2' }]);
  });

  it('saves a note typed within the pause when the page is about to be left (Firefox drops what pagehide sends)', async () => {
    const { container, changes, find } = toolbar({ tags: [], status: 'to-read' });
    click(find('✎ Note'));
    await settle();
    type(container.querySelector('textarea') as unknown as HTMLInputElement, 'typed, then the tab closed');
    dispatchEvent(real(new Event('beforeunload')));
    await settle();
    expect(changes).toEqual([{ note: 'typed, then the tab closed' }]);
    dispatchEvent(real(new Event('beforeunload'))); // nothing unsaved is left
    await settle();
    expect(changes).toHaveLength(1);
  });

  it('saves a note typed within the pause when its toolbar is taken away with the card (no blur comes)', async () => {
    const { container, changes, find, widget } = toolbar({ tags: [], status: 'to-read' });
    click(find('✎ Note'));
    await settle();
    type(container.querySelector('textarea') as unknown as HTMLInputElement, 'typed, then the card went');
    widget.destroy();
    await settle();
    expect(changes).toEqual([{ note: 'typed, then the card went' }]);
  });
});
