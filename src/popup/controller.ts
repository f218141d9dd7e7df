// Everything the popup asks of the background, and what it does with the answers: the first page at once, then
// the page report of the tab it was opened over, the search snapshot (every paper's summary, one short request)
// and an index of it that search answers from, then the whole library and the full index that replaces it
// once built; edits, deletes
// (to the Trash) with undo, bulk tag changes, exports, the Trash view; and the changes other tabs make while the
// popup is open. Browser access comes in as `deps`, so tests drive it directly.
import type { ExportFormatId, MarkdownGrouping } from '../core/export';
import type { SavedPaper } from '../core/paper';
import { tagId } from '../core/tags';
import type { ChangeEvent, PaperChange, Request, SuccessReply, UpdateRequest } from '../shared/messages';
import { decodeSnapshot, isSnapshotFormat } from '../shared/search-snapshot';
import { FIRST_PAGE_SIZE, type FirstPage } from './first-page';
import type { StoredSnapshot } from './stored-snapshot';
import { WordScan } from './word-scan';
import type { TextFile } from '../ui/download';
import { count, errorText, shortTitle } from '../ui/text';
import type { PageTab } from './page-tab';
import { arrivalsNamedByNoCard } from './page-cards';
import { askPageAgain } from './report-polling';
import type { PageReport } from '../shared/page-report';
import type { PaperSearch, SearchablePaper } from './search-index';
import { quickHits, type SearchHits } from './search-terms';
import { idHits } from './id-search';
import type { StateContainer, TagReversal } from './state';

/** How often, and how long apart, the popup asks a tab still reading its page (or not showing its cards yet) what it shows. */
const UNSETTLED_REPORT_TRIES = 20;
const UNSETTLED_REPORT_WAIT_MS = 500;
/** The waits before each new question to the tab about a paper it may show by title (about 3 s in all). */
const PAGE_REPORT_RETRIES_MS = [100, 200, 400, 800, 1500];

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Performance marks the bench and the browser tests wait on. */
export const MARKS = {
  /** Every paper's summary is listed (the search snapshot arrived). */
  summariesLoaded: 'paperlight:summaries-loaded',
  libraryLoaded: 'paperlight:library-loaded',
  /**
   * Search answers from an index of every paper but for its abstract (of the summaries, or the first pass over
   * the whole records): see search-index.ts.
   */
  searchAnswering: 'paperlight:search-answering',
  /** The whole index is built, abstracts included, and answers. */
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
  /**
   * Resolves true when the page already shows the first page in a frame of its own (the entry's, first-frame.ts):
   * the app's first list may then wait for the stored snapshot and be the whole library at once.
   */
  firstPageShown?(): Promise<boolean>;
  /**
   * Reads the first page straight from the database (popup/first-page.ts); without it, or when it gives null,
   * the first page is the background's answer to a `query`.
   */
  firstPage?(): Promise<FirstPage | null>;
  /**
   * Reads the stored search snapshot (popup/stored-snapshot.ts); without it, the popup lists and searches the
   * whole records only, once they arrive.
   */
  readSnapshot?(): Promise<StoredSnapshot | null>;
  /** The tab the popup was opened over; without it, there is no "On this page". */
  pageTab?: PageTab;
}

export type PaperEdit = Pick<UpdateRequest, 'set' | 'addTags' | 'removeTags'>;

export class PopupController {
  /** The index searches are answered from (null: none answers yet; `hits` then scans the papers listed). */
  search: PaperSearch | null = null;
  /** Answers from the snapshot's words until an index answers (null: no snapshot). */
  private scan: WordScan | null = null;
  /** Indexes being built (told every change meanwhile): the snapshot's, then the full one that replaces it. */
  private building = new Set<PaperSearch>();
  private stopListening: (() => void) | null = null;
  /**
   * Changes received while the snapshot or `getAll` is on its way: applied again on top of their answers, which
   * may predate them.
   */
  private queued: PaperChange[] | null = null;
  private loadRound = 0;
  private indexing: AbortController | null = null;
  /** Bumped per Trash request: only the latest answer is shown. */
  private trashRound = 0;

  constructor(private readonly container: StateContainer, private readonly deps: ControllerDeps) {}

  /** First page, then the whole library; resolves when the list is complete (the index keeps building after). */
  async start(): Promise<void> {
    this.stopListening?.(); // a retry after a failure listens once, not twice
    // The reads begin before the changes are heard (which may replay changes heard earlier, see main.tsx), so
    // every change is queued and applied again on top of what the reads bring. Nothing competes with the first
    // page: the search snapshot is a database read, mostly off the page's thread, and it is decoded, like the
    // tag list and the library asked for, once the first page is painted.
    const load = this.beginLoad();
    this.stopListening = this.deps.onChange((event) => this.receive(event));
    let page: FirstPage;
    try {
      const direct = await this.deps.firstPage?.().catch(() => null);
      page = direct ?? (await this.deps.send({ type: 'query', sort: 'savedAt', direction: 'desc', limit: FIRST_PAGE_SIZE }));
    } catch (error) {
      this.container.dispatch({ type: 'failed', error: errorText(error) });
      return;
    }
    // Where the page shows the first page already and the stored snapshot is current, the app's first list is
    // the snapshot's whole library: drawing the first page again before it would only hold search up. Otherwise
    // (no snapshot yet, or one the background must bring up to date first) the first page now.
    const firstPage = () => this.container.dispatch({ type: 'firstPage', items: page.items, total: page.total });
    const wholeListFirst = (await this.deps.firstPageShown?.()) === true && (await load.stored) !== null;
    if (!wholeListFirst) firstPage();
    await this.deps.afterFirstPaint?.();
    // The page's cards come first: a small answer, shown above the library, while the library is on its way.
    void this.loadPageReport();
    void this.deps.send({ type: 'tags' }).then(({ tags }) => this.container.dispatch({ type: 'tags', tags }), () => {});
    await this.loadLibrary(load, wholeListFirst ? firstPage : undefined);
  }

  stop(): void {
    this.stopListening?.();
    this.indexing?.abort();
  }

  /**
   * Starts reading the library anew: changes are queued from now on (applied again on top of what the reads
   * bring, which may predate them) and the search snapshot is asked for.
   */
  private beginLoad(): LibraryLoad {
    this.queued = [];
    const read = this.deps.readSnapshot;
    const stored = read ? read().then(currentColumns, () => null) : Promise.resolve(null);
    return { round: ++this.loadRound, stored, snapshot: this.storedSnapshot(stored) };
  }

  /** The stored snapshot's columns when it is current; brought up to date by the background first if it is behind. */
  private async storedSnapshot(stored: Promise<unknown>): Promise<unknown> {
    const read = this.deps.readSnapshot;
    if (!read) return null;
    const columns = await stored;
    if (columns !== null) return columns;
    try {
      await this.deps.send({ type: 'searchSnapshot' });
    } catch {
      return null; // an older background: the whole records alone, as before
    }
    return currentColumns(await read().catch(() => null));
  }

  /**
   * Reads every paper (again, after a reset): first the search snapshot, listed at once and searched by a scan
   * of its words, then indexed; then the whole records, whose full index replaces the snapshot's once built.
   * Without a snapshot, the whole records' index answers after its first pass, as the snapshot's scan would.
   * `showFirstPage` shows the first page held back for the snapshot, when the snapshot cannot be read after all.
   */
  async loadLibrary(load = this.beginLoad(), showFirstPage?: () => void): Promise<void> {
    const { round } = load;
    this.indexing?.abort();
    const indexing = (this.indexing = new AbortController());
    // The library is read anew (after a reset it may be another one): nothing answers searches until rebuilt.
    this.search = null;
    this.scan = null;
    this.building.clear();
    this.container.dispatch({ type: 'searchReady', ready: false });
    const columns = await load.snapshot;
    if (round !== this.loadRound) return; // a newer reload is on its way
    const snapshot = columns === null ? null : decodeSnapshot(columns);
    // The index's code is asked for once the snapshot's scan answers, or at once without a snapshot: asking
    // costs the page's thread several milliseconds (the module loader adds a preload link per chunk).
    let searchCode;
    if (!snapshot) {
      showFirstPage?.();
      searchCode = import('./search-index');
    } else {
      const queued = this.queued ?? [];
      const scan = new WordScan(snapshot.papers.map((paper) => paper.key), snapshot.words);
      for (const { key, paper } of queued) {
        if (paper) scan.upsert(paper);
        else scan.remove(key);
      }
      const listed = queued.length === 0 ? snapshot.papers : [...withChanges(snapshot.papers, queued).values()];
      this.scan = scan;
      this.container.dispatch({ type: 'summaries', papers: listed });
      performance.mark(MARKS.summariesLoaded);
      this.container.dispatch({ type: 'searchAnswering' });
      performance.mark(MARKS.searchAnswering);
      searchCode = import('./search-index');
      const { PaperSearch } = await searchCode;
      if (round !== this.loadRound) return;
      // Faster per keystroke than the scan: built in idle slices, it answers once its first pass is done.
      const search = new PaperSearch();
      this.building.add(search);
      void search.build(listed, { signal: indexing.signal, onAnswering: () => this.answerFrom(search) });
    }
    let papers: SavedPaper[];
    try {
      ({ papers } = await this.deps.send({ type: 'getAll' }));
    } catch (error) {
      if (round === this.loadRound) this.queued = null;
      this.container.dispatch({ type: 'notice', kind: 'error', text: `Could not load the whole library: ${errorText(error)}` });
      return;
    }
    if (round !== this.loadRound) return;
    const library = [...withChanges(papers, this.queued ?? []).values()];
    this.queued = null;
    this.container.dispatch({ type: 'library', papers: library });
    performance.mark(MARKS.libraryLoaded);
    const { PaperSearch } = await searchCode;
    if (round !== this.loadRound) return;
    const full = new PaperSearch();
    this.building.add(full);
    // What answers now (the snapshot's scan or index) keeps answering until this one is built.
    const built = await full.build(library, { signal: indexing.signal, onAnswering: () => this.answerFrom(full) });
    if (!built) return;
    this.search = full;
    this.building.clear();
    this.container.dispatch({ type: 'searchReady', ready: true });
    performance.mark(MARKS.searchReady);
  }

  /** From now on searches are answered from `search` (it has every paper but for abstracts not read yet). */
  private answerFrom(search: PaperSearch): void {
    if (this.search !== null) return;
    this.search = search;
    this.building.delete(search);
    if (this.scan) return; // the scan answered already, exactly as this index does
    this.container.dispatch({ type: 'searchAnswering' });
    performance.mark(MARKS.searchAnswering);
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
    const { page, papers } = this.container.getState();
    const arrivals = page ? arrivalsNamedByNoCard(page.cards, changes, papers) : [];
    if (arrivals.length) void this.pageReportShowing(arrivals);
    this.queued?.push(...changes);
    for (const { key, paper } of changes) {
      for (const index of [this.search, this.scan, ...this.building]) {
        if (paper) index?.upsert(paper);
        else index?.remove(key);
      }
    }
    this.container.dispatch({ type: 'changes', changes });
  }

  /**
   * Search hits for `query` (null: no search): from the index once its first pass is done, before that from a scan
   * of the short fields by the index's rule (a paper shown is always a match; abstract matches follow).
   */
  hits(query: string): SearchHits | null {
    // A pasted identifier (an arXiv id, a DOI, a paper's link) finds the paper that carries it, whatever its words.
    const byId = idHits(this.container.getState().papers.values(), query);
    if (byId) return byId;
    if (this.search?.answering) return this.search.search(query);
    if (this.scan) return this.scan.search(query);
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

  /** Takes the papers of the last delete back out of the Trash, or reverses the last bulk tag edit. */
  async undo(): Promise<void> {
    const offer = this.container.getState().undo;
    if (!offer) return;
    this.container.dispatch({ type: 'undoGone' });
    if (offer.retag) {
      if (!(await this.retag(offer.retag))) this.container.dispatch({ type: 'undoOffer', retag: offer.retag, message: offer.message });
    } else if (!(await this.restoreTrashed(offer.papers.map((paper) => paper.key)))) {
      this.container.dispatch({ type: 'undoOffer', papers: offer.papers, message: offer.message });
    }
  }

  /** Sends the edits that reverse a bulk tag edit; true when all were made (a failure becomes a notice). */
  private async retag(reversals: readonly TagReversal[]): Promise<boolean> {
    try {
      for (const reversal of reversals) await this.deps.send({ type: 'bulk', ...reversal });
    } catch (error) {
      this.fail('Could not undo the tag change', error);
      return false;
    }
    this.container.dispatch({ type: 'announce', text: 'Tag change undone.' });
    return true;
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

  /**
   * Asks the tab the popup was opened over what it shows; while the tab is still reading its page (not `settled`),
   * or shows no card yet, or its cards were still arriving (askPageAgain), again every half second for up to 10 s,
   * so that "still reading the page…" and its counts do not stay as they were when the popup opened.
   */
  async loadPageReport(): Promise<void> {
    let previous: PageReport | null | undefined;
    // No answer from a tab still loading: its content script may start later, so it is asked again, and once
    // more after it has loaded (the script starts when the page is idle).
    let sawLoading = false;
    let graceUsed = false;
    for (let asked = 0; asked < UNSETTLED_REPORT_TRIES; asked++) {
      if (asked) await pause(UNSETTLED_REPORT_WAIT_MS);
      const report = await this.deps.pageTab?.report().catch(() => null);
      if (report === undefined) return;
      this.container.dispatch({ type: 'pageReport', report });
      if (!report) {
        if (await this.deps.pageTab?.loading?.().catch(() => false)) sawLoading = true;
        else if (sawLoading && !graceUsed) graceUsed = true;
        else return;
        continue;
      }
      if (!askPageAgain(report, previous)) return;
      previous = report;
    }
  }

  /**
   * Asks the tab again for its report until one of its cards shows one of these papers (found by title and authors,
   * which the popup cannot tell), or it has had time to: the tab hears of the change apart from the popup, maybe
   * later, and then asks the background which of its cards the paper is.
   */
  private async pageReportShowing(keys: readonly string[]): Promise<void> {
    for (const wait of PAGE_REPORT_RETRIES_MS) {
      await pause(wait);
      const report = await this.deps.pageTab?.report().catch(() => null);
      if (!report) return;
      if (report.cards.some((card) => card.paperKey !== undefined && keys.includes(card.paperKey))) {
        this.container.dispatch({ type: 'pageReport', report });
        return;
      }
    }
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

  /**
   * Adds or removes tags on many papers at once, and offers to undo it; the background's change event brings the
   * new records.
   */
  async bulkTags(keys: readonly string[], edit: { addTags?: string[]; removeTags?: string[] }): Promise<void> {
    if (keys.length === 0) return;
    const reversals = this.tagReversals(keys, edit);
    try {
      const { updated } = await this.deps.send({ type: 'bulk', keys: [...keys], ...edit });
      const verb = edit.addTags ? `Tagged ${count(updated, 'paper')} “${edit.addTags.join('”, “')}”` : `Removed “${(edit.removeTags ?? []).join('”, “')}” from ${count(updated, 'paper')}`;
      if (reversals.length > 0) this.container.dispatch({ type: 'undoOffer', retag: reversals, message: `${verb}.` });
      this.container.dispatch({ type: 'announce', text: reversals.length > 0 ? `${verb}. Undo with Ctrl+Z.` : `${verb}.` });
    } catch (error) {
      this.fail('Could not change the tags', error);
    }
  }

  /**
   * What undoes a bulk tag edit, read from the papers as the popup holds them before it: each added tag removed
   * from the papers that lacked it, each removed tag given back, as they spelled it, to the papers that had it.
   * A paper the popup does not hold is left out (what it had is not known).
   */
  private tagReversals(keys: readonly string[], edit: { addTags?: string[]; removeTags?: string[] }): TagReversal[] {
    const papers = this.container.getState().papers;
    const reversals: TagReversal[] = [];
    for (const tag of edit.addTags ?? []) {
      const id = tagId(tag);
      const lacking = keys.filter((key) => papers.get(key)?.tags.every((had) => tagId(had) !== id));
      if (lacking.length > 0) reversals.push({ keys: lacking, removeTags: [tag] });
    }
    for (const tag of edit.removeTags ?? []) {
      const id = tagId(tag);
      const bySpelling = new Map<string, string[]>();
      for (const key of keys) {
        const had = papers.get(key)?.tags.find((t) => tagId(t) === id);
        if (had === undefined) continue;
        const having = bySpelling.get(had);
        if (having) having.push(key);
        else bySpelling.set(had, [key]);
      }
      for (const [spelling, having] of bySpelling) reversals.push({ keys: having, addTags: [spelling] });
    }
    return reversals;
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

/** A reading of the library begun (`beginLoad`). */
interface LibraryLoad {
  round: number;
  /** The stored snapshot's columns when current as stored, else null (read once, without asking the background). */
  stored: Promise<unknown>;
  /** The snapshot's columns, brought up to date by the background when the stored ones were behind; null: none. */
  snapshot: Promise<unknown>;
}

/** Columns of another format (stored by an older version) are not current: the background builds them again. */
function currentColumns(stored: StoredSnapshot | null): unknown {
  return stored && stored.dirty.length === 0 && isSnapshotFormat(stored.columns) ? stored.columns : null;
}

/** `papers` by key, with `changes` applied on top (in order). */
function withChanges<P extends SearchablePaper>(papers: readonly P[], changes: readonly PaperChange[]): Map<string, P | SavedPaper> {
  const byKey = new Map<string, P | SavedPaper>(papers.map((paper) => [paper.key, paper]));
  for (const { key, paper } of changes) {
    if (paper) byKey.set(key, paper);
    else byKey.delete(key);
  }
  return byKey;
}
