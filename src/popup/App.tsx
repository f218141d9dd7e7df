// The popup (and the same page opened in a tab): header with search, sort and filters; what the page under the
// popup shows ("On this page"); the virtualised list; the editor of the active paper; bulk actions on a selection;
// export; undo; the Trash. Keyboard first: see ui/popup-keys.ts.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ExpandIcon, DownloadIcon, GearIcon, KeyboardIcon, LogoIcon, SearchIcon, TrashIcon } from '../ui/icons';
import { lazyComponent } from '../ui/lazy';
import { useStable } from '../ui/pure';
import { isWholeRecord } from '../shared/search-snapshot';
import { siteLabel } from '../shared/site-label';
import { count, formatNumber } from '../ui/text';
import type { PopupController } from './controller';
import { EmptyLibrary, LoadFailed, NoMatches } from './components/EmptyState';
import type { ExportChoice, ExportScope } from './components/ExportDialog';
import { FilterBar } from './components/FilterBar';
import { PaperList } from './components/PaperList';
import { Toasts } from './components/Toasts';
import { isSearchKey, isTextField, listCommand, type ListCommand } from './keyboard';
import { SORTS, hasFilters, scopeOf, type Filters, type SortId } from './visible-papers';
import { keyAfterRemoval, movedKey, rangeBetween } from './selection';
import type { StateContainer } from './state';
import { useLibraryView } from './use-library-view';
import { useContainerState } from './use-container-state';
import { LIST_PAINTED_MARK, afterNextFrame } from './row-layout';

export interface AppProps {
  container: StateContainer;
  controller: PopupController;
  /** Opened as a tab rather than as the toolbar popup. */
  inTab: boolean;
  siteNames: ReadonlyMap<string, string>;
  openOptions(): void;
  openInTab(): void;
  /** Called once, after the frame that first shows the list (or what stands in its place). */
  onFirstPaint?(): void;
}

// Not needed for the first rows: their code loads once those are on screen (or when first used, if sooner).
const PaperEditor = lazyComponent(() => import('./components/PaperEditor').then((module) => module.PaperEditor));
const SelectionBar = lazyComponent(() => import('./components/SelectionBar').then((module) => module.SelectionBar));
const ExportDialog = lazyComponent(() => import('./components/ExportDialog').then((module) => module.ExportDialog));
const KeysDialog = lazyComponent(() => import('./components/KeysDialog').then((module) => module.KeysDialog));
const TrashView = lazyComponent(() => import('./components/TrashView').then((module) => module.TrashView));
// Rendered only once the page's report is here, which is asked for after the first paint.
const OnThisPage = lazyComponent(() => import('./components/OnThisPage').then((module) => module.OnThisPage));
const SiteHealth = lazyComponent(() => import('./components/SiteHealth').then((module) => module.SiteHealth));
const BackupNotice = lazyComponent(() => import('./components/BackupNotice').then((module) => module.BackupNotice));
const AFTER_FIRST_PAINT = [PaperEditor, SelectionBar, ExportDialog, KeysDialog, OnThisPage, TrashView, SiteHealth, BackupNotice];

export function App({ container, controller, inTab, siteNames, openOptions, openInTab, onFirstPaint }: AppProps) {
  const state = useContainerState(container);
  const view = useLibraryView(state, controller);
  const { dispatch } = container;
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const [dialog, setDialog] = useState<{ kind: 'export'; scope: ExportScope } | { kind: 'keys' } | null>(null);
  const [focusTags, setFocusTags] = useState(false);
  const siteName = useMemo(() => (id: string) => siteLabel(id, siteNames), [siteNames]);
  const resetKey = `${state.query}\u0000${state.sort}\u0000${JSON.stringify(state.filters)}`;
  // After a new search, filter or sort the first row is active, so Enter opens the best match.
  const activeOf = (key: string | null) => (view.indexOf(key) >= 0 ? key : view.shown[0]?.key ?? null);
  const activeIndex = useMemo(() => Math.max(0, view.indexOf(state.activeKey)), [view.shown, state.activeKey]);
  const activeKey = view.shown[activeIndex]?.key ?? null;

  // The number of results is announced once typing pauses.
  useEffect(() => {
    if (!view.narrowed || state.phase === 'loading') return;
    const timer = setTimeout(() => dispatch({ type: 'announce', text: `${count(view.shown.length, 'paper')} shown.` }), 600);
    return () => clearTimeout(timer);
  }, [resetKey, view.shown.length]);

  // A layout effect, so that the frame waited for is the one that shows the rows (a plain effect runs a frame later).
  const painted = useRef(false);
  useLayoutEffect(() => {
    if (painted.current || state.phase === 'loading' || state.phase === 'failed') return;
    painted.current = true;
    afterNextFrame(() => {
      // Unless the page's first frame (first-frame.ts) showed the list already.
      if (performance.getEntriesByName(LIST_PAINTED_MARK, 'mark').length === 0) performance.mark(LIST_PAINTED_MARK);
      onFirstPaint?.();
      for (const component of AFTER_FIRST_PAINT) component.preload().catch(() => {});
    });
  }, [state.phase]);

  // `/` anywhere but in a text field goes to the search; Ctrl+Z undoes a delete.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || document.querySelector('dialog[open]')) return;
      if (isTextField(event.target)) return;
      if (isSearchKey(event) && container.getState().trash) {
        // The search is the library's: in the Trash, `/` goes back to it.
        event.preventDefault();
        controller.closeTrash();
        setTimeout(() => searchRef.current?.focus(), 0);
      } else if (isSearchKey(event)) {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z' && container.getState().undo) {
        event.preventDefault();
        void controller.undo();
      } else if (event.key === '?' && !event.ctrlKey && !event.metaKey) {
        setDialog({ kind: 'keys' });
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  /**
   * After an action that removed what had the focus (a deleted row that was the search's only match, the toast
   * whose Undo or × was pressed), the focus goes back to the list, or to the search when no list is shown, rather
   * than staying on the page's body. Called once the action's render is done.
   */
  const keepFocus = () => {
    if (document.activeElement !== document.body && document.activeElement !== null) return;
    (listRef.current?.isConnected ? listRef.current : searchRef.current)?.focus();
  };
  const afterRender = (action: () => unknown) => {
    void Promise.resolve(action()).then(() => setTimeout(keepFocus, 0));
  };

  const papers = state.papers;
  const openKey = useStable((key: string) => {
    const paper = papers.get(key);
    if (paper) void controller.open(paper.url);
  });
  const removeKeys = (keys: string[]) => {
    if (keys.length === 0) return;
    const now = container.getState();
    const next = keyAfterRemoval(view.shownKeys(), activeOf(now.activeKey), new Set(keys));
    dispatch({ type: 'activate', key: next });
    if (keys.length > 1 || now.selected.has(keys[0]!)) dispatch({ type: 'select', keys: [] });
    void controller.remove(keys).then(keepFocus);
  };

  // Key presses can come faster than renders: commands read the container as it is now, not as last rendered.
  const run = (command: ListCommand) => {
    const keys = view.shownKeys();
    const now = container.getState();
    const activeKey = activeOf(now.activeKey);
    switch (command.type) {
      case 'move':
      case 'moveTo': {
        const target = command.type === 'move'
          ? movedKey(keys, activeKey, command.by)
          : keys[command.to === 'first' ? 0 : keys.length - 1] ?? null;
        if (target === null) return;
        // Up from the first row goes back to the search box.
        if (command.type === 'move' && command.by < 0 && !command.extend && keys[0] === activeKey) {
          searchRef.current?.focus();
          return;
        }
        if (command.extend) {
          const anchor = now.anchorKey ?? activeKey ?? target;
          dispatch({ type: 'select', keys: rangeBetween(keys, anchor, target), anchorKey: anchor });
        } else {
          dispatch({ type: 'select', keys: [...now.selected], anchorKey: target });
        }
        dispatch({ type: 'activate', key: target });
        return;
      }
      case 'open': return activeKey ? openKey(activeKey) : undefined;
      case 'edit':
        if (!activeKey) return;
        setFocusTags(true);
        dispatch({ type: 'edit', key: activeKey });
        return;
      case 'toggleSelected': return activeKey ? dispatch({ type: 'toggleSelected', key: activeKey }) : undefined;
      case 'selectAll': {
        const all = keys.length > 0 && keys.every((key) => now.selected.has(key));
        dispatch({ type: 'select', keys: all ? [] : keys });
        return;
      }
      case 'delete': return removeKeys(now.selected.size ? [...now.selected] : activeKey ? [activeKey] : []);
      case 'undo': return void controller.undo();
      case 'escape':
        if (now.editingKey) dispatch({ type: 'edit', key: null });
        else if (now.selected.size) dispatch({ type: 'select', keys: [] });
        else if (now.query) {
          dispatch({ type: 'query', query: '' });
          searchRef.current?.focus();
        }
    }
  };

  const onListKey = useStable((event: KeyboardEvent, page: number) => {
    const command = listCommand(event, page);
    if (!command) return;
    event.preventDefault();
    run(command);
  });

  const onSearchKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'PageDown') {
      event.preventDefault();
      listRef.current?.focus();
      if (state.activeKey === null && activeKey) dispatch({ type: 'activate', key: activeKey });
    } else if (event.key === 'Enter' && activeKey) {
      event.preventDefault();
      openKey(activeKey);
    } else if (event.key === 'Escape' && state.query) {
      event.preventDefault();
      event.stopPropagation();
      dispatch({ type: 'query', query: '' });
    }
  };

  const onRowPointer = useStable((event: MouseEvent, key: string) => {
    if (event.shiftKey) {
      const now = container.getState();
      const anchor = now.anchorKey ?? activeOf(now.activeKey) ?? key;
      dispatch({ type: 'select', keys: rangeBetween(view.shownKeys(), anchor, key), anchorKey: anchor });
      dispatch({ type: 'activate', key });
    } else if (event.ctrlKey || event.metaKey) {
      dispatch({ type: 'toggleSelected', key });
      dispatch({ type: 'activate', key });
    } else {
      setFocusTags(false);
      dispatch({ type: 'edit', key });
    }
    listRef.current?.focus();
  });
  const onToggle = useStable((key: string) => dispatch({ type: 'toggleSelected', key }));
  const onSaveFromPage = useStable((key: string) => void controller.saveFromPage(key));
  const closeTrash = () => {
    controller.closeTrash();
    // Back where the person was: the list (the Trash button is gone with the view it opened).
    setTimeout(() => (listRef.current?.isConnected ? listRef.current : searchRef.current)?.focus(), 0);
  };
  const onFilters = useStable((filters: Partial<Filters>) => dispatch({ type: 'filters', filters }));
  const onClearFilters = useStable(() => dispatch({ type: 'clearFilters' }));

  const exportNow = ({ format, scope, groupBy }: ExportChoice) => {
    const chosen = scope === 'library' ? view.sorted : scope === 'shown' ? view.shown : view.selectedPapers;
    const name = scope === 'library' ? 'library' : scope === 'selection' ? 'selection' : scopeOf(state.filters, state.query);
    // Export is offered once the whole records are here; a summary would export without its abstract.
    const records = chosen.filter(isWholeRecord);
    if (records.length < chosen.length) {
      dispatch({ type: 'notice', kind: 'error', text: 'Could not export: the library is still loading. Try again in a moment.' });
      return;
    }
    void controller.exportPapers(format, records, { scope: name, groupBy });
  };
  const exportScopes: ExportScope[] = ['library', ...(view.narrowed ? ['shown' as const] : []), ...(state.selected.size ? ['selection' as const] : [])];

  const editing = state.editingKey ? papers.get(state.editingKey) : undefined;
  const loadingRest = state.phase === 'partial';
  const statusLine = state.phase === 'loading' ? 'Loading…'
    : view.narrowed ? `${count(view.shown.length, 'paper')} of ${formatNumber(state.total)}`
    : count(state.total, 'paper');

  let body;
  if (state.phase === 'failed') {
    body = <LoadFailed error={state.error ?? ''} onRetry={() => void controller.start()} />;
  } else if (state.phase !== 'loading' && state.total === 0 && papers.size === 0) {
    body = <EmptyLibrary onOpen={(url) => void controller.open(url)} />;
  } else if (state.phase !== 'loading' && view.shown.length === 0) {
    body = (
      <NoMatches
        query={state.query}
        filtered={hasFilters(state.filters)}
        onClearQuery={() => dispatch({ type: 'query', query: '' })}
        onClearFilters={() => dispatch({ type: 'clearFilters' })}
      />
    );
  } else {
    body = (
      <PaperList
        papers={view.shown}
        activeIndex={activeKey === null ? -1 : activeIndex}
        selected={state.selected}
        siteName={siteName}
        resetKey={resetKey}
        listRef={listRef}
        label={view.narrowed ? `Saved papers: ${count(view.shown.length, 'match', 'matches')}` : 'Saved papers'}
        onPointer={onRowPointer}
        onToggle={onToggle}
        onOpen={openKey}
        onKeyDown={onListKey}
      />
    );
  }

  return (
    <div class={`app${inTab ? ' in-tab' : ''}${editing ? ' editing' : ''}`}>
      <header class="top">
        <div class="brand-row">
          <LogoIcon />
          <h1>Paperlight</h1>
          <span class="library-count" aria-live="off">{statusLine}</span>
          {loadingRest && <span class="loading-note">loading the rest…</span>}
          {state.phase === 'ready' && state.query && !state.searchReady && <span class="loading-note">indexing…</span>}
          <span class="spacer" />
          <button type="button" class="button icon quiet" aria-label="Export…" title="Export" onClick={() => setDialog({ kind: 'export', scope: view.narrowed ? 'shown' : 'library' })} disabled={state.phase !== 'ready' || state.total === 0}><DownloadIcon /></button>
          {!inTab && <button type="button" class="button icon quiet" aria-label="Open in a tab" title="Open in a tab" onClick={openInTab}><ExpandIcon /></button>}
          <button
            type="button"
            class={`button icon quiet${state.trash ? ' on' : ''}`}
            aria-label="Trash"
            aria-pressed={state.trash !== null}
            title="Trash: deleted papers, kept 30 days"
            onClick={() => (state.trash ? closeTrash() : void controller.openTrash())}
          ><TrashIcon /></button>
          <button type="button" class="button icon quiet" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={() => setDialog({ kind: 'keys' })}><KeyboardIcon /></button>
          <button type="button" class="button icon quiet" aria-label="Options" title="Options" onClick={openOptions}><GearIcon /></button>
        </div>
        {!state.trash && <div class="search-row">
          <div class="search-box">
            <SearchIcon />
            <input
              ref={searchRef}
              type="search"
              aria-label="Search saved papers"
              aria-keyshortcuts="/"
              placeholder="Search titles, authors, tags, notes, abstracts"
              autoFocus
              value={state.query}
              onInput={(event) => dispatch({ type: 'query', query: event.currentTarget.value })}
              onKeyDown={onSearchKey}
            />
            <kbd aria-hidden="true">/</kbd>
          </div>
          <select aria-label="Sort by" value={state.sort} onChange={(event) => dispatch({ type: 'sort', sort: event.currentTarget.value as SortId })}>
            {SORTS.map((sort) => <option key={sort.id} value={sort.id}>{sort.label}</option>)}
          </select>
        </div>}
        {!state.trash && <FilterBar
          filters={state.filters}
          sites={view.sites}
          statuses={view.statuses}
          siteName={siteName}
          tags={view.tags}
          onChange={onFilters}
          onClear={onClearFilters}
        />}
      </header>
      {state.trash && (
        <main class="content">
          <TrashView
            trash={state.trash}
            onRestore={(keys) => void controller.restoreTrashed(keys)}
            onDeleteForever={(keys) => void controller.deleteForever(keys)}
            onEmpty={() => void controller.emptyTrash()}
            onClose={closeTrash}
          />
        </main>
      )}
      {!state.trash && state.page?.settled && state.page.health === 'no-cards' && !state.page.healthPending && (
        <SiteHealth page={state.page} siteName={siteNames.get(state.page.adapter) ?? state.page.adapter} />
      )}
      {!state.trash && state.page && <OnThisPage page={state.page} onSave={onSaveFromPage} />}
      {!state.trash && <BackupNotice openOptions={openOptions} />}
      {!state.trash && state.selected.size > 0 && (
        <SelectionBar
          selected={view.selectedPapers}
          tags={view.tags}
          onTag={(tags) => void controller.bulkTags([...state.selected], { addTags: tags })}
          onUntag={(tags) => void controller.bulkTags([...state.selected], { removeTags: tags })}
          onExport={() => setDialog({ kind: 'export', scope: 'selection' })}
          onDelete={() => removeKeys([...state.selected])}
          onClear={() => dispatch({ type: 'select', keys: [] })}
        />
      )}
      <main class="content" hidden={state.trash !== null}>
        <div class="list-area">{body}</div>
        {editing && !isWholeRecord(editing) && (
          // Picked from the summaries: its whole record (abstract, dates) is on its way with the library.
          <section class="editor" aria-label={`Edit “${editing.title}”`} aria-busy="true"><p class="muted">Loading the paper…</p></section>
        )}
        {editing && isWholeRecord(editing) && (
          <PaperEditor
            key={editing.key}
            paper={editing}
            siteName={siteName(editing.site)}
            tags={view.tags}
            focusTags={focusTags}
            onEdit={(key, edit) => controller.update(key, edit)}
            onOpen={openKey}
            onDelete={(key) => removeKeys([key])}
            onClose={() => {
              dispatch({ type: 'edit', key: null });
              listRef.current?.focus();
            }}
          />
        )}
      </main>
      <Toasts
        undo={state.undo}
        notice={state.notice}
        onUndo={() => afterRender(() => controller.undo())}
        onUndoGone={() => dispatch({ type: 'undoGone' })}
        onDismissNotice={() => dispatch({ type: 'dismissNotice' })}
        onDismissed={() => setTimeout(keepFocus, 0)}
      />
      <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">{state.announcement?.text}</div>
      {dialog?.kind === 'export' && (
        <ExportDialog
          counts={{ library: view.sorted.length, shown: view.shown.length, selection: view.selectedPapers.length }}
          scopes={exportScopes}
          initialScope={exportScopes.includes(dialog.scope) ? dialog.scope : 'library'}
          onExport={exportNow}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'keys' && <KeysDialog onClose={() => setDialog(null)} />}
    </div>
  );
}
