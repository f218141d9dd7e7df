// Everything the popup asks of the background, and what it does with the answers: the first page at once, then
// the page report of the tab it was opened over, the whole library and the search index behind it; edits, deletes
// (to the Trash) with undo, bulk tag changes, exports, the Trash view; and the changes other tabs make while the
// popup is open. Browser access comes in as `deps`, so tests drive it directly.
import type { ExportFormatId, MarkdownGrouping } from '../core/export';
import type { SavedPaper } from '../core/paper';
import type { ChangeEvent, PaperChange, Request, SuccessReply, UpdateRequest } from '../shared/messages';
import type { TextFile } from '../ui/download';
import { count, errorText, shortTitle } from '../ui/text';
import type { PageTab } from './page-tab';
import type { PaperSearch } from './search-index';
import { quickHits, type SearchHits } from './search-terms';
import type { StateContainer } from './state';

export const FIRST_PAGE_SIZE = 50;

/** Performance marks the bench and the browser tests wait on. */
export const MARKS = {
  libraryLoaded: 'paperlight:library-loaded',
  /** Search answers from the index's first pass (every paper but for its abstract): see search-index.ts. */
  searchAnswering: 'paperlight:search-answering',
  /** The whole index is built, abstracts included. */
  searchReady: 'paperlight:search-ready',
  /** A measure per export (serialising and handing the file to the browser), named `…:<format>`. */
  exported: 'paperlight:exported',
} as const;

export interface ControllerDeps {
  send<R extends Request>(request: R): Promise<SuccessReply<R>>;
  onChange(listener: (event: ChangeEvent) => void): () => void;
  openTab(url: string): Promise<void>;
  download(file: TextFile): void;
  now?(): Date;
  /**
   * Resolves once the first page is on screen. What follows it (the tag list, the search code, the whole
   * library, whose answer takes the page's main thread for a while) waits for it; without it, follows at once.
   */
  afterFirstPaint?(): Promise<void>;
  /** The tab the popup was opened over; without it, there is no "On this page". */
  pageTab?: PageTab;
}

export type PaperEdit = Pick<UpdateRequest, 'set' | 'addTags' | 'removeTags'>;

export class PopupController {
  search: PaperSearch | null = null;
  private stopListening: (() => void) | null = null;
  /** Changes received while `getAll` is on its way: applied again on top of its answer, which may predate them. */
  private queued: PaperChange[] | null = null;
  private loadRound = 0;
  private indexing: AbortController | null = null;
  /** Bumped per Trash request: only the latest answer is shown. */
  private trashRound = 0;

  constructor(private readonly container: StateContainer, private readonly deps: ControllerDeps) {}

  /** First page, then the whole library; resolves when the list is complete (the index keeps building after). */
  async start(): Promise<void> {
    this.stopListening?.(); // a retry after a failure listens once, not twice
    this.stopListening = this.deps.onChange((event) => this.receive(event));
    // Nothing else competes with the first page: the tag list, the search code and the whole library follow it,
    // once it is painted.
    try {
      const page = await this.deps.send({ type: 'query', sort: 'savedAt', direction: 'desc', limit: FIRST_PAGE_SIZE });
      this.container.dispatch({ type: 'firstPage', items: page.items, total: page.total });
    } catch (error) {
      this.container.dispatch({ type: 'failed', error: errorText(error) });
      return;
    }
    await this.deps.afterFirstPaint?.();
    // The page's cards come first: a small answer, shown above the library, while the library is on its way.
    void this.loadPageReport();
    void this.deps.send({ type: 'tags' }).then(({ tags }) => this.container.dispatch({ type: 'tags', tags }), () => {});
    const { PaperSearch } = await import('./search-index');
    this.search = new PaperSearch();
    await this.loadLibrary();
  }

  stop(): void {
    this.stopListening?.();
    this.indexing?.abort();
  }

  /** Reads every paper (again, after a reset), then rebuilds the search index without blocking the page. */
  async loadLibrary(): Promise<void> {
    const round = ++this.loadRound;
    this.queued = [];
    let papers: SavedPaper[];
    try {
      ({ papers } = await this.deps.send({ type: 'getAll' }));
    } catch (error) {
      if (round === this.loadRound) this.queued = null;
      this.container.dispatch({ type: 'notice', kind: 'error', text: `Could not load the whole library: ${errorText(error)}` });
      return;
    }
    if (round !== this.loadRound) return; // a newer reload is on its way
    const byKey = new Map(papers.map((paper) => [paper.key, paper]));
    for (const { key, paper } of this.queued ?? []) {
      if (paper) byKey.set(key, paper);
      else byKey.delete(key);
    }
    this.queued = null;
    const library = [...byKey.values()];
    this.container.dispatch({ type: 'library', papers: library });
    performance.mark(MARKS.libraryLoaded);
    void this.buildIndex(library);
  }

  private async buildIndex(papers: SavedPaper[]): Promise<void> {
    if (!this.search) return;
    this.indexing?.abort();
    const indexing = (this.indexing = new AbortController());
    this.container.dispatch({ type: 'searchReady', ready: false });
    const onAnswering = () => {
      this.container.dispatch({ type: 'searchAnswering' });
      performance.mark(MARKS.searchAnswering);
    };
    if (await this.search.build(papers, { signal: indexing.signal, onAnswering })) {
      this.container.dispatch({ type: 'searchReady', ready: true });
      performance.mark(MARKS.searchReady);
    }
  }

  /** A change committed by the background (here or in another tab). */
  receive(event: ChangeEvent): void {
    if (event.trash && this.container.getState().trash) void this.loadTrash();
    if (event.reset) {
      void this.loadLibrary();
      // Which of the page's cards are saved may have changed in any way: the tab knows.
      if (this.container.getState().page) void this.loadPageReport();
      return;
    }
    this.apply(event.changes);
  }

  private apply(changes: PaperChange[]): void {
    this.queued?.push(...changes);
    for (const { key, paper } of changes) {
      if (paper) this.search?.upsert(paper);
      else this.search?.remove(key);
    }
    this.container.dispatch({ type: 'changes', changes });
  }

  /**
   * Search hits for `query` (null: no search): from the index once its first pass is done, before that from a scan
   * of the short fields by the index's rule (a paper shown is always a match; abstract matches follow).
   */
  hits(query: string): SearchHits | null {
    if (this.search?.answering) return this.search.search(query);
    return quickHits(this.container.getState().papers.values(), query);
  }

  async update(key: string, edit: PaperEdit): Promise<SavedPaper | undefined> {
    try {
      const { paper } = await this.deps.send({ type: 'update', key, ...edit });
      // The record's own key (the request may name the paper by one of its other ids).
      this.apply([{ key: paper.key, paper }]);
      return paper;
    } catch (error) {
      this.fail('Could not save the change', error);
      return undefined;
    }
  }

  /** Moves the papers to the Trash and offers to undo: `restoreTrashed` brings the exact records back. */
  async remove(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    let removed: SavedPaper[];
    try {
      if (keys.length === 1) {
        const reply = await this.deps.send({ type: 'remove', key: keys[0]! });
        removed = reply.removed ? [reply.removed] : [];
      } else {
        removed = (await this.deps.send({ type: 'bulk', keys: [...keys], delete: true })).deleted;
      }
    } catch (error) {
      this.fail('Could not delete', error);
      return;
    }
    if (removed.length === 0) return;
    this.apply(removed.map((paper) => ({ key: paper.key, paper: null })));
    const message = removed.length === 1
      ? `Moved “${shortTitle(removed[0]!.title)}” to the Trash.`
      : `Moved ${count(removed.length, 'paper')} to the Trash.`;
    this.container.dispatch({ type: 'undoOffer', papers: removed, message });
    this.container.dispatch({ type: 'announce', text: `${message} Undo with Ctrl+Z.` });
  }

  /** Takes the papers of the last delete back out of the Trash. */
  async undo(): Promise<void> {
    const offer = this.container.getState().undo;
    if (!offer) return;
    this.container.dispatch({ type: 'undoGone' });
    if (!(await this.restoreTrashed(offer.papers.map((paper) => paper.key)))) {
      this.container.dispatch({ type: 'undoOffer', papers: offer.papers, message: offer.message });
    }
  }

  /** Saves trashed papers again as they were; true when it worked (a failure becomes a notice). */
  async restoreTrashed(keys: readonly string[]): Promise<boolean> {
    let restored: SavedPaper[];
    try {
      ({ restored } = await this.deps.send({ type: 'restoreTrashed', keys: [...keys] }));
    } catch (error) {
      this.fail('Could not restore', error);
      return false;
    }
    this.apply(restored.map((paper) => ({ key: paper.key, paper })));
    this.container.dispatch({ type: 'trashGone', keys: [...keys] });
    this.container.dispatch({ type: 'announce', text: `Restored ${count(restored.length, 'paper')}.` });
    return true;
  }

  /** Shows the Trash (most recently removed first). */
  async openTrash(): Promise<void> {
    this.container.dispatch({ type: 'trashOpened' });
    await this.loadTrash();
  }

  closeTrash(): void {
    this.container.dispatch({ type: 'trashClosed' });
  }

  private async loadTrash(): Promise<void> {
    const round = ++this.trashRound;
    try {
      const { papers } = await this.deps.send({ type: 'trash' });
      if (round === this.trashRound) this.container.dispatch({ type: 'trashLoaded', papers });
    } catch (error) {
      if (round === this.trashRound) this.container.dispatch({ type: 'trashFailed', error: errorText(error) });
    }
  }

  /** Deletes papers from the Trash for ever (the view asked the person first). */
  async deleteForever(keys: readonly string[]): Promise<void> {
    try {
      const { deleted } = await this.deps.send({ type: 'deleteTrashed', keys: [...keys] });
      this.container.dispatch({ type: 'trashGone', keys: [...keys] });
      this.container.dispatch({ type: 'announce', text: `Deleted ${count(deleted, 'paper')} for ever.` });
    } catch (error) {
      this.fail('Could not delete', error);
    }
  }

  /** Deletes everything in the Trash for ever (the view asked the person first). */
  async emptyTrash(): Promise<void> {
    try {
      const { deleted } = await this.deps.send({ type: 'emptyTrash' });
      this.container.dispatch({ type: 'trashLoaded', papers: [] });
      this.container.dispatch({ type: 'announce', text: `Emptied the Trash: ${count(deleted, 'paper')} deleted for ever.` });
    } catch (error) {
      this.fail('Could not empty the Trash', error);
    }
  }

  /** Asks the tab the popup was opened over what it shows. */
  async loadPageReport(): Promise<void> {
    const report = await this.deps.pageTab?.report().catch(() => null);
    if (report !== undefined) this.container.dispatch({ type: 'pageReport', report });
  }

  /** Saves one of the page's cards through its tab, exactly as the card's own Save button would. */
  async saveFromPage(key: string): Promise<void> {
    const { pageTab } = this.deps;
    if (!pageTab) return;
    this.container.dispatch({ type: 'pageSaving', key, saving: true });
    try {
      const paper = await pageTab.saveCard(key);
      this.apply([{ key: paper.key, paper }]);
      this.container.dispatch({ type: 'announce', text: `Saved “${shortTitle(paper.title)}”.` });
    } catch (error) {
      this.fail('Could not save', error);
    } finally {
      this.container.dispatch({ type: 'pageSaving', key, saving: false });
    }
  }

  /** Adds or removes tags on many papers at once; the background's change event brings the new records. */
  async bulkTags(keys: readonly string[], edit: { addTags?: string[]; removeTags?: string[] }): Promise<void> {
    if (keys.length === 0) return;
    try {
      const { updated } = await this.deps.send({ type: 'bulk', keys: [...keys], ...edit });
      const verb = edit.addTags ? `Tagged ${count(updated, 'paper')} “${edit.addTags.join('”, “')}”` : `Removed “${(edit.removeTags ?? []).join('”, “')}” from ${count(updated, 'paper')}`;
      this.container.dispatch({ type: 'announce', text: `${verb}.` });
    } catch (error) {
      this.fail('Could not change the tags', error);
    }
  }

  /** Serialises `papers` in the chosen format (the export module loads on first use) and downloads the file. */
  async exportPapers(
    format: ExportFormatId,
    papers: readonly SavedPaper[],
    options: { scope: string; groupBy?: MarkdownGrouping },
  ): Promise<string | undefined> {
    try {
      const { exportPapers } = await import('../core/export');
      const start = performance.now();
      const file = exportPapers(format, papers, { ...options, now: this.deps.now?.() ?? new Date() });
      this.deps.download(file);
      performance.measure(`${MARKS.exported}:${format}`, { start, detail: { papers: papers.length } });
      this.container.dispatch({ type: 'announce', text: `Exported ${count(papers.length, 'paper')} to ${file.fileName}.` });
      return file.fileName;
    } catch (error) {
      this.fail('Could not export', error);
      return undefined;
    }
  }

  async open(url: string): Promise<void> {
    try {
      await this.deps.openTab(url);
    } catch (error) {
      this.fail('Could not open the paper', error);
    }
  }

  private fail(what: string, error: unknown): void {
    this.container.dispatch({ type: 'notice', kind: 'error', text: `${what}: ${errorText(error)}` });
  }
}
