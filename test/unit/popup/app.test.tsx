// The popup's App in happy-dom against the real background handler (fake-indexeddb): what a person sees and does.
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SavedPaper } from '../../../src/core/paper';
import { App } from '../../../src/popup/App';
import { LIST_PAINTED_MARK } from '../../../src/popup/row-layout';
import { PopupController } from '../../../src/popup/controller';
import { createStateContainer } from '../../../src/popup/state';
import { fakeBackground } from './fake-background';
import { sampleLibrary } from './sample-library';

let root: HTMLElement;

afterEach(() => {
  render(null, root);
  root.remove();
});

async function openPopup(papers: SavedPaper[]) {
  const background = fakeBackground();
  if (papers.length) await background.send({ type: 'restore', papers });
  await new Promise((resolve) => setTimeout(resolve, 5));
  const container = createStateContainer();
  const opened: string[] = [];
  const controller = new PopupController(container, {
    send: background.send,
    onChange: background.onChange,
    download: () => {},
    openTab: async (url) => void opened.push(url),
  });
  root = document.createElement('div');
  document.body.append(root);
  render(
    <App container={container} controller={controller} inTab={false} siteNames={new Map([['arxiv', 'arXiv']])} openOptions={() => {}} openInTab={() => {}} />,
    root,
  );
  await controller.start();
  await vi.waitFor(() => expect(container.getState().searchReady).toBe(true));
  return { container, controller, opened, background };
}

const rows = () => [...root.querySelectorAll<HTMLElement>('[role="option"]')];
const rowTitles = () => rows().map((row) => row.querySelector('.row-title')!.textContent);
const list = () => root.querySelector<HTMLElement>('[role="listbox"]')!;
const press = (target: Element, key: string, init: KeyboardEventInit = {}) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
const type = (input: HTMLInputElement, text: string) => {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
};

describe('popup App', () => {
  it('explains what to do first when the library is empty', async () => {
    await openPopup([]);
    await vi.waitFor(() => expect(root.textContent).toContain('No saved papers yet'));
    expect(root.textContent).toMatch(/Press Save on a paper card/);
  });

  it('lists the newest papers first with their badges, as text', async () => {
    const library = sampleLibrary(40);
    library[39] = { ...library[39]!, title: '<img src=x onerror=alert(1)> Hostile', site: 'arxiv' };
    await openPopup(library);
    await vi.waitFor(() => expect(rows().length).toBeGreaterThan(0));
    expect(rowTitles()[0]).toBe('<img src=x onerror=alert(1)> Hostile');
    expect(root.querySelector('img')).toBeNull();
    expect(rows()[0]!.querySelector('.row-meta')!.textContent).toContain('arXiv');
    expect(list().getAttribute('aria-activedescendant')).toBe(rows()[0]!.id);
    expect(root.querySelector('.library-count')!.textContent).toBe('40 papers');
  });

  it('names where imported papers come from in the site filter and on their rows, not their file format', async () => {
    const library = sampleLibrary(6).map((paper) => ({ ...paper, site: 'arxiv' }));
    library[0] = { ...library[0]!, site: 'bibtex' };
    library[1] = { ...library[1]!, site: 'bibtex' };
    library[2] = { ...library[2]!, site: 'ris' };
    library[3] = { ...library[3]!, site: 'papermemory' };
    await openPopup(library);
    await vi.waitFor(() => expect(rows().length).toBe(6));
    const siteFilter = root.querySelector<HTMLSelectElement>('select[aria-label="Filter by site"]')!;
    expect([...siteFilter.options].map((option) => option.textContent)).toEqual([
      'Any site', 'arXiv (2)', 'Imported from BibTeX (2)', 'Imported from PaperMemory (1)', 'Imported from RIS (1)',
    ]);
    const bibtexRow = rows().find((row) => row.querySelector('.row-title')!.textContent === library[0]!.title)!;
    expect(bibtexRow.querySelector('.row-meta')!.textContent).toContain(' · Imported from BibTeX · ');
  });

  it('searches as you type, and says when nothing matches', async () => {
    const library = sampleLibrary(60);
    library[10] = { ...library[10]!, note: 'Quasicrystal symmetry argument in section 3' };
    await openPopup(library);
    const search = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    type(search, 'quasicr');
    await vi.waitFor(() => expect(rowTitles()).toEqual([library[10]!.title]));
    expect(root.querySelector('.library-count')!.textContent).toBe('1 paper of 60');
    type(search, 'quasicrystal zebra');
    await vi.waitFor(() => expect(root.textContent).toContain('No paper matches “quasicrystal zebra”'));
  });

  it('moves with the arrows, deletes with Delete, and undoes with the toast', async () => {
    const library = sampleLibrary(20);
    const { container, background } = await openPopup(library);
    await vi.waitFor(() => expect(rows().length).toBeGreaterThan(2));
    press(list(), 'ArrowDown');
    await vi.waitFor(() => expect(list().getAttribute('aria-activedescendant')).toBe('paper-row-1'));
    const doomed = rowTitles()[1]!;
    press(list(), 'Delete');
    await vi.waitFor(() => expect(rowTitles()).not.toContain(doomed));
    expect(root.querySelector('.toast.undo')!.textContent).toContain(`Moved “${doomed}” to the Trash.`);
    expect(root.querySelector('[role="status"]')!.textContent).toMatch(/Undo with Ctrl\+Z/);
    expect((await background.send({ type: 'getAll' })).papers).toHaveLength(19);
    root.querySelector<HTMLButtonElement>('.undo-button')!.click();
    await vi.waitFor(() => expect(rowTitles()).toContain(doomed));
    expect((await background.send({ type: 'getAll' })).papers).toHaveLength(20);
    expect(container.getState().undo).toBeNull();
  });

  it('selects with Space and Shift+arrows, and offers bulk actions', async () => {
    await openPopup(sampleLibrary(15));
    await vi.waitFor(() => expect(rows().length).toBeGreaterThan(4));
    press(list(), ' ');
    press(list(), 'ArrowDown', { shiftKey: true });
    press(list(), 'ArrowDown', { shiftKey: true });
    await vi.waitFor(() => expect(root.querySelector('.selection-count')!.textContent).toBe('3 selected'));
    expect(rows().slice(0, 4).map((row) => row.getAttribute('aria-selected'))).toEqual(['true', 'true', 'true', 'false']);
    press(list(), 'Escape');
    await vi.waitFor(() => expect(root.querySelector('.selection-bar')).toBeNull());
    press(list(), 'Home');
    press(list(), 'ArrowUp');
    await vi.waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Search saved papers'));
  });

  it('edits tags, status and note in place', async () => {
    const library = sampleLibrary(5).map((p) => ({ ...p, tags: [], status: 'to-read' as const, note: '' }));
    const { background } = await openPopup(library);
    await vi.waitFor(() => expect(rows().length).toBe(5));
    press(list(), 'e');
    const tagInput = await vi.waitFor(() => {
      const input = root.querySelector<HTMLInputElement>('#editor-tag-input');
      expect(input).not.toBeNull();
      return input!;
    });
    type(tagInput, 'Fresh tag');
    press(tagInput, 'Enter');
    const key = rows()[0]!.dataset.key!;
    await vi.waitFor(async () => {
      const { papers } = await background.send({ type: 'lookup', keys: [key] }).then((r) => ({ papers: r.found.map((f) => f.paper) }));
      expect(papers[0]!.tags).toEqual(['Fresh tag']);
    });
    root.querySelector<HTMLInputElement>('input[name="editor-status"][value="reading"]')!.click();
    const note = root.querySelector<HTMLTextAreaElement>('#editor-note')!;
    note.value = 'Check the ablation';
    note.dispatchEvent(new Event('input', { bubbles: true }));
    note.dispatchEvent(new FocusEvent('blur'));
    await vi.waitFor(async () => {
      const { found } = await background.send({ type: 'lookup', keys: [key] });
      expect(found[0]!.paper).toMatchObject({ status: 'reading', note: 'Check the ablation', tags: ['Fresh tag'] });
    });
    await vi.waitFor(() => expect(rows()[0]!.textContent).toContain('#Fresh tag'));
  });

  it('offers skip among the statuses: in the editor, in the status filter with its count, and as a row\'s pill', async () => {
    const library = sampleLibrary(6).map((p, i) => ({ ...p, status: i < 2 ? ('skip' as const) : ('to-read' as const) }));
    const { background } = await openPopup(library);
    await vi.waitFor(() => expect(rows().length).toBe(6));
    const statusFilter = root.querySelector<HTMLSelectElement>('select[aria-label="Filter by status"]')!;
    expect([...statusFilter.options].map((option) => option.textContent)).toEqual(['Any status', 'To read (4)', 'Reading (0)', 'Read (0)', 'Skip (2)']);
    press(list(), 'e');
    await vi.waitFor(() => expect(root.querySelector('input[name="editor-status"][value="skip"]')).not.toBeNull());
    expect([...root.querySelectorAll<HTMLInputElement>('input[name="editor-status"]')].map((input) => input.value)).toEqual(['to-read', 'reading', 'read', 'skip']);
    const key = rows()[0]!.dataset.key!;
    root.querySelector<HTMLInputElement>('input[name="editor-status"][value="skip"]')!.click();
    await vi.waitFor(async () => expect((await background.send({ type: 'lookup', keys: [key] })).found[0]!.paper.status).toBe('skip'));
    await vi.waitFor(() => expect([...statusFilter.options].at(-1)!.textContent).toBe('Skip (3)'));
    press(root.querySelector('.editor')!, 'Escape');
    statusFilter.value = 'skip';
    statusFilter.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(rows().length).toBe(3));
    expect(rows().map((row) => row.querySelector('.status-pill')!.textContent)).toEqual(['Skip', 'Skip', 'Skip']);
    expect((await background.send({ type: 'query', filter: { status: 'skip' } })).total).toBe(3);
  });

  it('reports its first paint once, after the first page, and marks it for the bench', async () => {
    const background = fakeBackground();
    await background.send({ type: 'restore', papers: sampleLibrary(8) });
    const container = createStateContainer();
    const controller = new PopupController(container, { send: background.send, onChange: background.onChange, download: () => {}, openTab: async () => {} });
    const onFirstPaint = vi.fn();
    performance.clearMarks(LIST_PAINTED_MARK);
    root = document.createElement('div');
    document.body.append(root);
    render(<App container={container} controller={controller} inTab={false} siteNames={new Map()} openOptions={() => {}} openInTab={() => {}} onFirstPaint={onFirstPaint} />, root);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(onFirstPaint).not.toHaveBeenCalled(); // nothing asked for yet: the list is still loading
    await controller.start();
    await vi.waitFor(() => expect(onFirstPaint).toHaveBeenCalledTimes(1));
    expect(rows().length).toBe(8);
    expect(performance.getEntriesByName(LIST_PAINTED_MARK)).toHaveLength(1);
    await vi.waitFor(() => expect(container.getState().searchReady).toBe(true));
    expect(onFirstPaint).toHaveBeenCalledTimes(1);
    controller.stop();
  });

  it('opens the active paper with Enter', async () => {
    const library = sampleLibrary(3);
    const { opened } = await openPopup(library);
    await vi.waitFor(() => expect(rows().length).toBe(3));
    press(list(), 'Enter');
    const newest = [...library].sort((a, b) => b.savedAt - a.savedAt)[0]!;
    await vi.waitFor(() => expect(opened).toEqual([newest.url]));
  });
});
