import { describe, expect, it } from 'vitest';
import { createStateContainer, initialState, reducer, type PopupState } from '../../../src/popup/state';
import { sampleLibrary } from './sample-library';

const library = sampleLibrary(60);
const [first, second, third] = library;

function ready(): PopupState {
  return reducer(initialState, { type: 'library', papers: library });
}

describe('reducer', () => {
  it('shows the first page, then the whole library, never going back to the page', () => {
    const partial = reducer(initialState, { type: 'firstPage', items: library.slice(0, 2), total: 60 });
    expect([partial.phase, partial.papers.size, partial.total, partial.activeKey]).toEqual(['partial', 2, 60, first!.key]);
    const whole = reducer(partial, { type: 'library', papers: library });
    expect([whole.phase, whole.papers.size, whole.total]).toEqual(['ready', 60, 60]);
    expect(whole.revision).toBeGreaterThan(partial.revision);
    expect(reducer(whole, { type: 'firstPage', items: [], total: 0 })).toBe(whole);
  });

  it('applies changes: edits replace, removals leave the library, the selection and the editor', () => {
    let state = ready();
    state = reducer(state, { type: 'select', keys: [first!.key, second!.key] });
    state = reducer(state, { type: 'edit', key: second!.key });
    state = reducer(state, {
      type: 'changes',
      changes: [{ key: first!.key, paper: { ...first!, note: 'edited' } }, { key: second!.key, paper: null }],
    });
    expect(state.papers.get(first!.key)!.note).toBe('edited');
    expect(state.papers.has(second!.key)).toBe(false);
    expect([...state.selected]).toEqual([first!.key]);
    expect(state.editingKey).toBeNull();
    expect(state.total).toBe(59);
  });

  it('lists every summary after the first page, then the whole records, never going back to summaries', () => {
    const summaries = library.map(({ abstract: _abstract, seenUrls: _seen, updatedAt: _updated, ...summary }) => summary);
    const partial = reducer(initialState, { type: 'firstPage', items: library.slice(0, 2), total: 60 });
    const listed = reducer(partial, { type: 'summaries', papers: summaries });
    expect([listed.phase, listed.listed, listed.papers.size, listed.total]).toEqual(['partial', true, 60, 60]);
    expect(listed.papers.get(third!.key)).toEqual(summaries[2]);
    // Every paper is listed: a removal now lowers the total at once.
    const removed = reducer(listed, { type: 'changes', changes: [{ key: third!.key, paper: null }] });
    expect([removed.papers.size, removed.total]).toEqual([59, 59]);
    const whole = reducer(listed, { type: 'library', papers: library });
    expect([whole.phase, whole.papers.get(third!.key)]).toEqual(['ready', third]);
    expect(reducer(whole, { type: 'summaries', papers: summaries })).toBe(whole);
  });

  it('keeps the count of a partly loaded library when a change arrives', () => {
    const partial = reducer(initialState, { type: 'firstPage', items: library.slice(0, 2), total: 60 });
    const changed = reducer(partial, { type: 'changes', changes: [{ key: third!.key, paper: third! }] });
    expect([changed.papers.size, changed.total]).toEqual([3, 60]);
  });

  it('makes the first row active again after a new search, sort or filter', () => {
    let state = reducer(ready(), { type: 'activate', key: third!.key });
    expect(state.activeKey).toBe(third!.key);
    for (const action of [
      { type: 'query', query: 'x' },
      { type: 'sort', sort: 'title' },
      { type: 'filters', filters: { status: 'read' } },
      { type: 'clearFilters' },
    ] as const) {
      state = reducer(reducer(state, { type: 'activate', key: third!.key }), action);
      expect(state.activeKey, action.type).toBeNull();
    }
    expect(state.filters.status).toBeNull();
  });

  it('lets an open editor follow the active row', () => {
    let state = reducer(ready(), { type: 'edit', key: first!.key });
    state = reducer(state, { type: 'activate', key: second!.key });
    expect([state.activeKey, state.editingKey]).toEqual([second!.key, second!.key]);
    state = reducer(reducer(state, { type: 'edit', key: null }), { type: 'activate', key: third!.key });
    expect(state.editingKey).toBeNull();
  });

  it('toggles and replaces the selection, ignoring keys not in the library', () => {
    let state = reducer(ready(), { type: 'toggleSelected', key: first!.key });
    state = reducer(state, { type: 'toggleSelected', key: second!.key });
    state = reducer(state, { type: 'toggleSelected', key: first!.key });
    expect([...state.selected]).toEqual([second!.key]);
    expect(state.anchorKey).toBe(first!.key);
    state = reducer(state, { type: 'select', keys: [third!.key, 'arxiv:not-there'], anchorKey: third!.key });
    expect([...state.selected]).toEqual([third!.key]);
  });

  it('gives each undo offer, notice and announcement its own id', () => {
    let state = reducer(ready(), { type: 'undoOffer', papers: [first!], message: 'Deleted.' });
    const firstOffer = state.undo!.id;
    state = reducer(state, { type: 'undoOffer', papers: [first!], message: 'Deleted.' });
    expect(state.undo!.id).not.toBe(firstOffer);
    state = reducer(state, { type: 'announce', text: 'Same' });
    const said = state.announcement!.id;
    expect(reducer(state, { type: 'announce', text: 'Same' }).announcement!.id).not.toBe(said);
    expect(reducer(state, { type: 'undoGone' }).undo).toBeNull();
    const failed = reducer(initialState, { type: 'failed', error: 'No answer' });
    expect([failed.phase, failed.error]).toEqual(['failed', 'No answer']);
  });
});

describe('createStateContainer', () => {
  it('tells listeners after a change, and not after an action that changes nothing', () => {
    const container = createStateContainer();
    let calls = 0;
    const stop = container.subscribe(() => calls++);
    container.dispatch({ type: 'query', query: 'x' });
    container.dispatch({ type: 'undoGone' });
    expect(calls).toBe(1);
    stop();
    container.dispatch({ type: 'query', query: 'y' });
    expect([calls, container.getState().query]).toEqual([1, 'y']);
  });
});
