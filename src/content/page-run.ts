// One run of Paperlight over one page: finds the adapter's cards, annotates them, follows cards the
// page adds later (batches from the single observer, one per animation frame), and undoes everything when stopped (in-page
// navigation, the site switched off). A failure on one card never stops the others.
import type { PaperCard, SiteAdapter } from '../sites/types';
import {
  analyseCard, decorateCard, markCard, undecorateCard, unmarkCard, type CardAnalysis,
} from './card-annotation';
import type { HighlightLayer } from './highlights';
import type { MutationBatch } from './observer';

export interface CardEntry {
  element: Element;
  analysis: CardAnalysis;
  anchors: HTMLAnchorElement[];
  /** A signature of what was read, to tell a real change from noise when the card mutates. */
  signature: string;
}

export interface PageRunHooks {
  highlights: HighlightLayer;
  /** Called with the cards annotated in one batch (after their attributes and highlights are set). */
  onCards(entries: CardEntry[]): void;
  /** Called when a card is dropped (re-read as another paper, removed, or the run stops). */
  onCardGone(entry: CardEntry): void;
  /** Called when a card's highlights were placed again over new text nodes (a framework re-rendered the same text). */
  onRedecorated?(entry: CardEntry): void;
  debug: boolean;
}

/**
 * Longest stretch of annotation work before the page gets the main thread back: well under a long
 * task (50 ms), and room for the ~100 cards an infinite-scroll batch brings to land in one slice.
 */
const SLICE_MS = 30;

/** Runs `task` in a new task, after the browser has had a chance to render and handle input. */
function yieldToPage(task: () => void): void {
  const scheduler = (globalThis as { scheduler?: { postTask?(cb: () => void, o: object): Promise<void> } }).scheduler;
  if (scheduler?.postTask) void scheduler.postTask(task, { priority: 'user-visible' });
  else {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => task();
    channel.port2.postMessage(null);
  }
}

/** What a card says, to tell a real change from a re-render: same signature, same analysis. */
const signatureOf = (card: PaperCard) =>
  `${card.key}\u0000${card.title}\u0000${card.abstract}\u0000${card.abstractEl ? 1 : 0}`;

export class PageRun {
  readonly entries = new Map<Element, CardEntry>();
  private readonly skipped = new WeakSet<Element>();
  private readonly controller = new AbortController();
  private queue: Element[] = [];
  private cursor = 0;
  private readonly queued = new Set<Element>();
  private pumping = false;
  skippedCount = 0;
  /** Every card found by the first scan has been annotated (or skipped). */
  firstPassDone = false;

  constructor(
    readonly adapter: SiteAdapter,
    private readonly hooks: PageRunHooks,
  ) {}

  /** Static pages get real links around code links written as text; a framework's text nodes stay as they are. */
  private get wrapsLinks(): boolean {
    return !this.adapter.frameworkRendered;
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  start(): void {
    this.scan();
  }

  /** One frame's worth of page mutations (from the content script's single observer). */
  handleBatch({ added, changedCards }: MutationBatch): void {
    if (this.signal.aborted) return;
    for (const element of changedCards) this.refresh(element);
    if (added) this.scan();
    this.dropDetached();
  }

  /** Queues every card not seen yet and annotates the queue in time slices. */
  scan(): void {
    if (this.signal.aborted) return;
    let elements: Element[];
    try {
      elements = this.adapter.findCards(document);
    } catch (error) {
      console.warn(`[Paperlight] ${this.adapter.id}: finding cards failed`, error);
      return;
    }
    for (const element of elements) {
      if (!this.entries.has(element) && !this.skipped.has(element) && !this.queued.has(element)) {
        this.queued.add(element);
        this.queue.push(element);
      }
    }
    this.pump();
  }

  /**
   * Annotates queued cards for at most SLICE_MS, then yields to the page and goes on: a 600-card
   * listing never blocks the main thread with one long task. With the `debug` setting on, each slice is
   * a performance measure named `paperlight:annotate` (the benchmark reads them from the page's timeline,
   * which the page's own scripts can read too: off by default).
   */
  private pump(): void {
    if (this.pumping || this.signal.aborted) return;
    this.pumping = true;
    const start = performance.now();
    const fresh: CardEntry[] = [];
    while (this.cursor < this.queue.length && performance.now() - start < SLICE_MS) {
      const element = this.queue[this.cursor++]!;
      this.queued.delete(element);
      if (!element.isConnected || this.entries.has(element)) continue;
      const entry = this.annotate(element);
      if (entry) fresh.push(entry);
    }
    if (this.cursor >= this.queue.length) {
      this.queue = [];
      this.cursor = 0;
    }
    if (fresh.length) this.hooks.onCards(fresh);
    if (this.hooks.debug) performance.measure('paperlight:annotate', { start, end: performance.now() });
    this.pumping = false;
    if (this.queue.length) return yieldToPage(() => this.pump());
    this.firstPassDone = true;
    if (this.hooks.debug) {
      console.info(`[Paperlight] ${this.adapter.id}: ${this.entries.size} cards, ${this.skippedCount} skipped without an id`);
    }
  }

  private annotate(element: Element): CardEntry | undefined {
    let analysis: CardAnalysis;
    try {
      const card = this.adapter.readCard(element, location.href);
      if (!card) {
        this.skip(element);
        return undefined;
      }
      analysis = analyseCard(card);
    } catch (error) {
      console.warn(`[Paperlight] ${this.adapter.id}: reading a card failed`, error);
      this.skip(element);
      return undefined;
    }
    markCard(element, analysis);
    let anchors: HTMLAnchorElement[] = [];
    try {
      const decoration = decorateCard(analysis, this.wrapsLinks);
      anchors = decoration.anchors;
      this.hooks.highlights.setCard(element, decoration.marks, decoration.linkRanges);
    } catch (error) {
      console.warn(`[Paperlight] ${this.adapter.id}: highlighting a card failed`, error);
    }
    const entry: CardEntry = { element, analysis, anchors, signature: signatureOf(analysis.card) };
    this.entries.set(element, entry);
    return entry;
  }

  private skip(element: Element): void {
    if (this.skipped.has(element)) return;
    this.skipped.add(element);
    this.skippedCount++;
  }

  /** A card, or an element skipped for want of a paper id (it may get one: a framework's loading placeholder). */
  watches(element: Element): boolean {
    return this.entries.has(element) || this.skipped.has(element);
  }

  /** A known card changed inside (abstract expanded, re-rendered text): re-read it if what it says changed. */
  private refresh(element: Element): void {
    const entry = this.entries.get(element);
    if (!entry) {
      if (!this.skipped.has(element)) return;
      const renewed = this.annotate(element);
      if (renewed) {
        this.skipped.delete(element);
        this.skippedCount--;
        this.hooks.onCards([renewed]);
      }
      return;
    }
    let card;
    try {
      card = this.adapter.readCard(element, location.href);
    } catch {
      card = undefined;
    }
    if (card && signatureOf(card) === entry.signature) {
      // Same paper, same text: only re-place the highlights if their text nodes were replaced or moved, with
      // the metrics already found (the card's elements may be new ones).
      if (this.hooks.highlights.isStale(element)) {
        undecorateCard(element, entry.anchors, this.hooks.highlights);
        entry.analysis = { ...entry.analysis, card };
        const decoration = decorateCard(entry.analysis, this.wrapsLinks);
        entry.anchors = decoration.anchors;
        this.hooks.highlights.setCard(element, decoration.marks, decoration.linkRanges);
        this.hooks.onRedecorated?.(entry);
      }
      return;
    }
    this.drop(entry);
    const renewed = this.annotate(element);
    if (renewed) this.hooks.onCards([renewed]);
  }

  private dropDetached(): void {
    for (const entry of this.entries.values()) {
      if (!entry.element.isConnected) this.drop(entry);
    }
  }

  private drop(entry: CardEntry): void {
    unmarkCard(entry.element, entry.anchors, this.hooks.highlights);
    this.entries.delete(entry.element);
    this.hooks.onCardGone(entry);
  }

  /** Undoes everything this run did to the page. */
  stop(): void {
    this.controller.abort();
    this.queue = [];
    this.cursor = 0;
    this.queued.clear();
    for (const entry of [...this.entries.values()]) this.drop(entry);
  }
}
