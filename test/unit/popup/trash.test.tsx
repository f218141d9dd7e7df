// The popup's Trash against the real background handler (fake-indexeddb) on a clock the test sets: the controller's
// requests, and what a person sees and does in the Trash view (restore, delete for ever and empty with a
// confirmation, Esc back to the library), with the keyboard where the popup is keyboard-first.
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SavedPaper } from '../../../src/core/paper';
import { App } from '../../../src/popup/App';
import { PopupController } from '../../../src/popup/controller';
import { createStateContainer } from '../../../src/popup/state';
import { fakeBackground, type FakeBackground } from './fake-background';
import { sampleLibrary } from './sample-library';

/** 14 March 2026, 10:00 UTC: the day every removal in these tests happens (the same day in every time zone). */
const NOW = Date.UTC(2026, 2, 14, 10);
let root: HTMLElement | undefined;

afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = undefined;
});

async function setUp(papers: SavedPaper[]) {
  const background = fakeBackground({ now: () => NOW });
  await background.send({ type: 'restore', papers });
  await new Promise((resolve) => setTimeout(resolve, 5));
  const container = createStateContainer();
  const controller = new PopupController(container, {
    send: background.send, onChange: background.onChange, download: () => {}, openTab: async () => {},
  });
  return { background, container, controller };
}

async function openPopup(papers: SavedPaper[]) {
  const set = await setUp(papers);
  root = document.createElement('div');
  document.body.append(root);
  render(<App container={set.container} controller={set.controller} inTab={false} siteNames={new Map()} openOptions={() => {}} openInTab={() => {}} />, root);
  await set.controller.start();
  await vi.waitFor(() => expect(set.container.getState().searchReady).toBe(true));
  return set;
}

const trashKeys = async (background: FakeBackground) => (await background.send({ type: 'trash' })).papers.map((p) => p.key);
const button = (name: string) => [...root!.querySelectorAll<HTMLButtonElement>('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);
const press = (target: Element, key: string) => target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
const trashTitles = () => [...root!.querySelectorAll('.trash-item .row-title')].map((el) => el.textContent);

describe('PopupController: the Trash', () => {
  it('lists the Trash, restores from it, deletes for ever and empties it', async () => {
    const library = sampleLibrary(6);
    const { background, container, controller } = await setUp(library);
    await controller.start();
    await controller.remove([library[0]!.key]);
    await controller.remove([library[1]!.key, library[2]!.key]);
    await controller.openTrash();
    // The removals' own broadcasts may ask for the Trash again: the latest answer is what shows.
    await vi.waitFor(() => expect(container.getState().trash).toMatchObject({ phase: 'ready' }));
    expect(container.getState().trash!.papers.map((p) => [p.key, p.removedAt])).toEqual(
      [library[0]!, library[1]!, library[2]!].map((p) => [p.key, NOW]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    );

    await controller.restoreTrashed([library[1]!.key]);
    expect(container.getState().papers.get(library[1]!.key)).toEqual(library[1]);
    expect(container.getState().trash!.papers.map((p) => p.key)).not.toContain(library[1]!.key);
    expect(container.getState().announcement!.text).toBe('Restored 1 paper.');

    await controller.deleteForever([library[2]!.key]);
    expect(await trashKeys(background)).toEqual([library[0]!.key]);
    expect(container.getState().announcement!.text).toBe('Deleted 1 paper for ever.');
    await controller.emptyTrash();
    expect(await trashKeys(background)).toEqual([]);
    expect(container.getState().trash).toMatchObject({ phase: 'ready', papers: [] });
    controller.closeTrash();
    expect(container.getState().trash).toBeNull();
    controller.stop();
  });

  it('follows a removal made in another tab while the Trash is open', async () => {
    const library = sampleLibrary(4);
    const { background, container, controller } = await setUp(library);
    await controller.start();
    await controller.openTrash();
    expect(container.getState().trash!.papers).toEqual([]);
    await background.sendFromTab({ type: 'remove', key: library[2]!.key }, 'https://arxiv.org/list/cs.LG/new');
    await vi.waitFor(() => expect(container.getState().trash!.papers.map((p) => p.key)).toEqual([library[2]!.key]));
    expect(container.getState().papers.has(library[2]!.key)).toBe(false);
    controller.stop();
  });
});

describe('the Trash view', () => {
  it('opens from its button, lists removal dates, restores the exact record and goes back with Esc', async () => {
    const library = sampleLibrary(8);
    const { background, container } = await openPopup(library);
    const victim = library[5]!;
    await background.send({ type: 'remove', key: victim.key });
    await vi.waitFor(() => expect(container.getState().papers.has(victim.key)).toBe(false));

    button('Trash')!.click();
    await vi.waitFor(() => expect(trashTitles()).toEqual([victim.title]));
    expect(document.activeElement?.id).toBe('trash-title');
    expect(root!.querySelector('.trash-dates')!.textContent).toBe('Removed Mar 14, 2026 · deleted for ever on Apr 13, 2026');
    expect(root!.querySelector('input[type="search"]')).toBeNull();
    expect(button('Trash')!.getAttribute('aria-pressed')).toBe('true');

    button(`Restore “${victim.title}”`)!.click();
    await vi.waitFor(() => expect(root!.textContent).toContain('The Trash is empty'));
    const { found } = await background.send({ type: 'lookup', keys: [victim.key] });
    expect(found[0]!.paper).toEqual(victim);
    // Focus left the button that went away for the heading, and Esc takes the person back to the list.
    expect(document.activeElement?.id).toBe('trash-title');
    press(document.activeElement!, 'Escape');
    await vi.waitFor(() => expect(container.getState().trash).toBeNull());
    await vi.waitFor(() => expect(document.activeElement?.getAttribute('role')).toBe('listbox'));
    expect(root!.querySelector('[role="option"][data-key="' + victim.key + '"]')).not.toBeNull();
  });

  it('deletes for ever only after a confirmation, then moves focus to the next paper', async () => {
    const library = sampleLibrary(5);
    const { background, controller } = await openPopup(library);
    await controller.remove(library.slice(0, 3).map((p) => p.key));
    button('Trash')!.click();
    await vi.waitFor(() => expect(trashTitles()).toHaveLength(3));
    const [first, second] = (await background.send({ type: 'trash' })).papers;

    button(`Delete “${first!.title}” for ever`)!.click();
    const dialog = await vi.waitFor(() => {
      const open = root!.querySelector('dialog');
      expect(open?.textContent).toContain('this cannot be undone');
      return open!;
    });
    [...dialog.querySelectorAll('button')].find((b) => b.textContent === 'Cancel')!.click();
    await vi.waitFor(() => expect(root!.querySelector('dialog')).toBeNull());
    expect(await trashKeys(background)).toHaveLength(3);

    button(`Delete “${first!.title}” for ever`)!.click();
    await vi.waitFor(() => expect(root!.querySelector('dialog')).not.toBeNull());
    [...root!.querySelectorAll('dialog button')].find((b) => b.textContent === 'Delete for ever')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await vi.waitFor(() => expect(trashTitles()).toHaveLength(2));
    expect(await trashKeys(background)).not.toContain(first!.key);
    await vi.waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe(`Restore “${second!.title}”`));
  });

  it('empties the Trash after saying how many papers go for ever', async () => {
    const library = sampleLibrary(5);
    const { background, controller } = await openPopup(library);
    await controller.remove(library.slice(0, 4).map((p) => p.key));
    button('Trash')!.click();
    await vi.waitFor(() => expect(trashTitles()).toHaveLength(4));
    button('Empty the Trash…')!.click();
    const confirm = await vi.waitFor(() => {
      const found = [...root!.querySelectorAll<HTMLButtonElement>('dialog button')].find((b) => b.textContent === 'Delete 4 papers for ever');
      expect(found).toBeDefined();
      return found!;
    });
    confirm.click();
    await vi.waitFor(() => expect(root!.textContent).toContain('The Trash is empty'));
    expect(await trashKeys(background)).toEqual([]);
    expect((await background.send({ type: 'getAll' })).papers).toHaveLength(1);
  });

  it('moves from paper to paper with the arrow keys, keeping to the same button', async () => {
    const library = sampleLibrary(5);
    const { background, controller } = await openPopup(library);
    await controller.remove(library.slice(0, 3).map((p) => p.key));
    button('Trash')!.click();
    await vi.waitFor(() => expect(trashTitles()).toHaveLength(3));
    const titles = (await background.send({ type: 'trash' })).papers.map((p) => p.title);
    button(`Restore “${titles[0]}”`)!.focus();
    press(document.activeElement!, 'ArrowDown');
    expect(document.activeElement?.getAttribute('aria-label')).toBe(`Restore “${titles[1]}”`);
    button(`Delete “${titles[1]}” for ever`)!.focus();
    press(document.activeElement!, 'End');
    expect(document.activeElement?.getAttribute('aria-label')).toBe(`Delete “${titles[2]}” for ever`);
    press(document.activeElement!, 'ArrowDown');
    expect(document.activeElement?.getAttribute('aria-label')).toBe(`Delete “${titles[2]}” for ever`);
    press(document.activeElement!, 'Home');
    expect(document.activeElement?.getAttribute('aria-label')).toBe(`Delete “${titles[0]}” for ever`);
    press(document.activeElement!, 'ArrowUp');
    expect(document.activeElement?.getAttribute('aria-label')).toBe(`Delete “${titles[0]}” for ever`);
  });

  it('restores everything at once', async () => {
    const library = sampleLibrary(6);
    const { background, container, controller } = await openPopup(library);
    await controller.remove(library.map((p) => p.key));
    button('Trash')!.click();
    await vi.waitFor(() => expect(trashTitles()).toHaveLength(6));
    button('Restore all')!.click();
    await vi.waitFor(() => expect(container.getState().papers.size).toBe(6));
    const { papers } = await background.send({ type: 'getAll' });
    expect([...papers].sort((a, b) => (a.key < b.key ? -1 : 1))).toEqual([...library].sort((a, b) => (a.key < b.key ? -1 : 1)));
  });
});
