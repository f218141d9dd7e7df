// The popup's one state, changed only by the reducer below: the library as far as it is loaded, what the user
// asked to see (search, sort, filters), the selection, the paper being edited, the undo offer, the Trash when it
// is open, and the cards of the page the popup was opened over. Side effects (messages to the background and to
// the tab) live in controller.ts and end in dispatches here.
import type { SavedPaper, TrashedPaper } from '../core/paper';
import type { PaperChange, TagCount } from '../shared/messages';
import { pageCardsAfter } from './page-cards';
import type { PageReport } from '../shared/page-report';
import type { PaperSummary } from '../shared/search-snapshot';
import { NO_FILTERS, type Filters, type SortId } from './visible-papers';

export type Phase = 'loading' | 'partial' | 'ready' | 'failed';

/** A bulk tag edit that undoes another: one tag added to or removed from the papers the first one changed. */
export interface TagReversal {
  keys: string[];
  addTags?: string[];
  removeTags?: string[];
}

/**
 * What the undo offer takes back: a delete (`papers`, the records exactly as they were removed to the Trash, where
 * `restoreTrashed` takes them from) or a bulk tag edit (`retag`, the edits that reverse it).
 */
export type UndoOffer =
  | { papers: SavedPaper[]; retag?: undefined; message: string; id: number }
  | { papers?: undefined; retag: TagReversal[]; message: string; id: number };

export interface Notice {
  text: string;
  kind: 'info' | 'error';
  id: number;
}

/** The Trash view: null while the library is shown. */
export interface TrashView {
  /** loading: asked for; ready: `papers` is the Trash; failed: see `error`. */
  phase: 'loading' | 'ready' | 'failed';
  /** Most recently removed first. */
  papers: TrashedPaper[];
  error: string | null;
}

/** The page the popup was opened over, as its content script reported it, with the cards being saved now. */
export interface PageView extends PageReport {
  saving: ReadonlySet<string>;
}

export interface PopupState {
  /**
   * loading: nothing yet; partial: the first page, then every paper's summary (`listed`); ready: the whole
   * library, every paper's whole record; failed: see `error`.
   */
  phase: Phase;
  /** Whole records, or summaries (no abstract) while the phase is partial: see `isWholeRecord`. */
  papers: ReadonlyMap<string, PaperSummary>;
  /** Every paper of the library is in `papers` (as a summary or whole). */
  listed: boolean;
  /** Bumped on every change of `papers` (what derived lists are memoised on). */
  revision: number;
  /** Papers in the library (from the first page's answer until the whole library is here). */
  total: number;
  error: string | null;
  query: string;
  sort: SortId;
  filters: Filters;
  selected: ReadonlySet<string>;
  /** Where a shift-click or shift-arrow range starts. */
  anchorKey: string | null;
  /** The row the keyboard acts on; null, or a paper not shown, means the first row shown. */
  activeKey: string | null;
  editingKey: string | null;
  undo: UndoOffer | null;
  /** For the live region: the latest message, with an id so the same text is announced again. */
  announcement: { text: string; id: number } | null;
  notice: Notice | null;
  tags: TagCount[];
  searchReady: boolean;
  /** The index answers (its first pass is done; abstracts may still be on their way). */
  searchAnswering: boolean;
  trash: TrashView | null;
  /** Null until (and unless) the active tab answers with a page report. */
  page: PageView | null;
}

export const initialState: PopupState = {
  phase: 'loading',
  papers: new Map(),
  listed: false,
  revision: 0,
  total: 0,
  error: null,
  query: '',
  sort: 'newest',
  filters: NO_FILTERS,
  selected: new Set(),
  anchorKey: null,
  activeKey: null,
  editingKey: null,
  undo: null,
  announcement: null,
  notice: null,
  tags: [],
  searchReady: false,
  searchAnswering: false,
  trash: null,
  page: null,
};

export type Action =
  | { type: 'firstPage'; items: SavedPaper[]; total: number }
  | { type: 'summaries'; papers: PaperSummary[] }
  | { type: 'library'; papers: SavedPaper[] }
  | { type: 'failed'; error: string }
  | { type: 'changes'; changes: PaperChange[] }
  | { type: 'query'; query: string }
  | { type: 'sort'; sort: SortId }
  | { type: 'filters'; filters: Partial<Filters> }
  | { type: 'clearFilters' }
  | { type: 'activate'; key: string | null }
  | { type: 'toggleSelected'; key: string }
  | { type: 'select'; keys: string[]; anchorKey?: string | null }
  | { type: 'edit'; key: string | null }
  | { type: 'undoOffer'; papers: SavedPaper[]; message: string }
  | { type: 'undoOffer'; retag: TagReversal[]; message: string }
  | { type: 'undoGone' }
  | { type: 'announce'; text: string }
  | { type: 'notice'; text: string; kind: Notice['kind'] }
  | { type: 'dismissNotice' }
  | { type: 'tags'; tags: TagCount[] }
  | { type: 'searchReady'; ready: boolean }
  | { type: 'searchAnswering' }
  | { type: 'trashOpened' }
  | { type: 'trashLoaded'; papers: TrashedPaper[] }
  | { type: 'trashFailed'; error: string }
  | { type: 'trashGone'; keys: string[] }
  | { type: 'trashClosed' }
  | { type: 'pageReport'; report: PageReport | null }
  | { type: 'pageSaving'; key: string; saving: boolean };

let nextId = 1;

/** `papers` by key (a loop: ten thousand pairs made only to build the map would be garbage). */
function byKey<P extends PaperSummary>(papers: readonly P[]): Map<string, P> {
  const map = new Map<string, P>();
  for (const paper of papers) map.set(paper.key, paper);
  return map;
}

function withPapers(state: PopupState, papers: Map<string, PaperSummary>): PopupState {
  // Keys no longer in the library leave the selection and the editor.
  const selected = [...state.selected].every((key) => papers.has(key))
    ? state.selected
    : new Set([...state.selected].filter((key) => papers.has(key)));
  return {
    ...state,
    papers,
    revision: state.revision + 1,
    selected,
    editingKey: state.editingKey && papers.has(state.editingKey) ? state.editingKey : null,
  };
}

export function reducer(state: PopupState, action: Action): PopupState {
  switch (action.type) {
    case 'firstPage': {
      // The whole library may already be here (a slow first page): never go back to a partial view.
      if (state.phase === 'ready') return state;
      const next = withPapers(state, new Map(action.items.map((p) => [p.key, p])));
      return { ...next, phase: 'partial', total: action.total, activeKey: state.activeKey ?? action.items[0]?.key ?? null };
    }
    case 'summaries': {
      // The whole records may already be here (a slow snapshot): never go back to summaries.
      if (state.phase === 'ready') return state;
      const next = withPapers(state, byKey(action.papers));
      const activeKey = state.activeKey && next.papers.has(state.activeKey) ? state.activeKey : null;
      return { ...next, phase: 'partial', listed: true, total: action.papers.length, error: null, activeKey };
    }
    case 'library': {
      const next = withPapers(state, byKey(action.papers));
      const activeKey = state.activeKey && next.papers.has(state.activeKey) ? state.activeKey : null;
      return { ...next, phase: 'ready', listed: true, total: action.papers.length, error: null, activeKey };
    }
    case 'failed':
      return { ...state, phase: state.phase === 'loading' ? 'failed' : state.phase, error: action.error };
    case 'changes': {
      if (action.changes.length === 0) return state;
      const page = state.page && { ...state.page, cards: pageCardsAfter(state.page.cards, action.changes, state.papers) };
      const papers = new Map(state.papers);
      for (const { key, paper } of action.changes) {
        if (paper) papers.set(key, paper);
        else papers.delete(key);
      }
      const next = withPapers(state, papers);
      // Until every paper is listed, a change cannot tell a new paper from one not loaded yet: the total is
      // corrected when the summaries or the library arrive.
      const total = state.listed ? papers.size : Math.max(papers.size, state.total);
      return { ...next, total, page: page && page.cards === state.page?.cards ? state.page : page };
    }
    // A new search, sort or filter makes the first row active (activeKey null: the view picks its first row).
    case 'query':
      return { ...state, query: action.query, activeKey: null, editingKey: null };
    case 'sort':
      return { ...state, sort: action.sort, activeKey: null, editingKey: null };
    case 'filters':
      return { ...state, filters: { ...state.filters, ...action.filters }, activeKey: null, editingKey: null };
    case 'clearFilters':
      return { ...state, filters: NO_FILTERS, activeKey: null, editingKey: null };
    case 'activate':
      // An open editor follows the active paper.
      return state.activeKey === action.key ? state : { ...state, activeKey: action.key, editingKey: state.editingKey && action.key };
    case 'toggleSelected': {
      const selected = new Set(state.selected);
      if (!selected.delete(action.key)) selected.add(action.key);
      return { ...state, selected, anchorKey: action.key };
    }
    case 'select':
      return {
        ...state,
        selected: new Set(action.keys.filter((key) => state.papers.has(key))),
        anchorKey: action.anchorKey === undefined ? state.anchorKey : action.anchorKey,
      };
    case 'edit':
      return { ...state, editingKey: action.key, activeKey: action.key ?? state.activeKey };
    case 'undoOffer':
      return {
        ...state,
        undo: 'papers' in action ? { papers: action.papers, message: action.message, id: nextId++ } : { retag: action.retag, message: action.message, id: nextId++ },
      };
    case 'undoGone':
      return state.undo ? { ...state, undo: null } : state;
    case 'announce':
      return { ...state, announcement: { text: action.text, id: nextId++ } };
    case 'notice':
      return { ...state, notice: { text: action.text, kind: action.kind, id: nextId++ } };
    case 'dismissNotice':
      return state.notice ? { ...state, notice: null } : state;
    case 'tags':
      return { ...state, tags: action.tags };
    case 'searchReady':
      // Not ready means a new build started: it answers again once its first pass is done.
      return { ...state, searchReady: action.ready, searchAnswering: action.ready };
    case 'searchAnswering':
      return { ...state, searchAnswering: true };
    case 'trashOpened':
      // Opening keeps what an earlier look showed until the fresh list arrives.
      return { ...state, trash: { phase: 'loading', papers: state.trash?.papers ?? [], error: null }, editingKey: null, selected: new Set() };
    case 'trashLoaded':
      return state.trash ? { ...state, trash: { phase: 'ready', papers: action.papers, error: null } } : state;
    case 'trashFailed':
      return state.trash ? { ...state, trash: { ...state.trash, phase: 'failed', error: action.error } } : state;
    case 'trashGone': {
      if (!state.trash) return state;
      const gone = new Set(action.keys);
      return { ...state, trash: { ...state.trash, papers: state.trash.papers.filter((paper) => !gone.has(paper.key)) } };
    }
    case 'trashClosed':
      return state.trash ? { ...state, trash: null } : state;
    case 'pageReport':
      return { ...state, page: action.report && { ...action.report, saving: new Set() } };
    case 'pageSaving': {
      if (!state.page) return state;
      const saving = new Set(state.page.saving);
      if (action.saving) saving.add(action.key);
      else saving.delete(action.key);
      return { ...state, page: { ...state.page, saving } };
    }
  }
}

/** A minimal state container: the reducer's state, and listeners told after each change. */
export interface StateContainer {
  getState(): PopupState;
  dispatch(action: Action): void;
  subscribe(listener: () => void): () => void;
}

export function createStateContainer(initial: PopupState = initialState): StateContainer {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(action) {
      const next = reducer(state, action);
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
