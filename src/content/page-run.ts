// One run of Paperlight over one page: finds the adapter's cards, has their metrics read in the background,
// annotates them, follows cards the page adds later (batches from the single observer, one per animation
// frame), and undoes everything when stopped (in-page navigation, the site switched off). A failure on one card never stops the others.
import type { PaperCard, SiteAdapter } from '../sites/types';
import { send } from '../shared/client';
import type { CardFindings } from '../core/card-findings';
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

/** A card read from the page, waiting for its metrics from the background. */
interface ReadCard {
  element: Element;
  card: PaperCard;
}

/** A read card with its metrics, ready to be marked and highlighted. */
interface AnalysedCard extends ReadCard {
  found: CardFindings;
}

/** Without the background's answer (the extension reloading), a card is still marked, with nothing found in it. */
const NOTHING_FOUND: CardFindings = { title: [], abstract: [], codeLinks: [], textLinks: [] };

export class PageRun {
  readonly entries = new Map<Element, CardEntry>();
  private readonly skipped = new WeakSet<Element>();
  private readonly controller = new AbortController();
  private queue: Element[] = [];
  private cursor = 0;
  private readonly queued = new Set<Element>();
  /** Cards read and sent for their metrics; the ones that changed meanwhile are read again when the answer comes. */
  private readonly inFlight = new Set<Element>();
  private readonly changedInFlight = new Set<Element>();
  private ready: AnalysedCard[] = [];
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
    for (const element of elements) this.enqueue(element);
    this.pump();
  }

  private enqueue(element: Element): void {
    if (this.entries.has(element) || this.skipped.has(element) || this.queued.has(element) || this.inFlight.has(element)) return;
    this.queued.add(element);
    this.queue.push(element);
  }

  /**
   * Works for at most SLICE_MS, then yields to the page and goes on: a 600-card listing never blocks the main
   * thread with one long task. Each slice first marks and highlights the cards whose metrics came back, then
   * reads queued cards and sends their text for metrics in one message (the extractor lives in the background).
   * With the `debug` setting on, each slice is a performance measure named `paperlight:annotate` (the
   * benchmark reads them from the page's timeline, which the page's own scripts can read too: off by default).
   */
  private pump(): void {
    if (this.pumping || this.signal.aborted) return;
    this.pumping = true;
    const start = performance.now();
    const fresh: CardEntry[] = [];
    let applied = 0;
    while (applied < this.ready.length && performance.now() - start < SLICE_MS) {
      const entry = this.apply(this.ready[applied++]!);
      if (entry) fresh.push(entry);
    }
    this.ready = this.ready.slice(applied);
    const read: ReadCard[] = [];
    while (this.cursor < this.queue.length && performance.now() - start < SLICE_MS) {
      const element = this.queue[this.cursor++]!;
      this.queued.delete(element);
      if (!element.isConnected || this.entries.has(element)) continue;
      const card = this.read(element);
      if (card) read.push({ element, card });
    }
    if (this.cursor >= this.queue.length) {
      this.queue = [];
      this.cursor = 0;
    }
    if (read.length) this.analyse(read);
    if (fresh.length) this.hooks.onCards(fresh);
    if (this.hooks.debug) performance.measure('paperlight:annotate', { start, end: performance.now() });
    this.pumping = false;
    if (this.ready.length || this.queue.length) return yieldToPage(() => this.pump());
    if (this.inFlight.size) return;
    this.firstPassDone = true;
    if (this.hooks.debug) {
      console.info(`[Paperlight] ${this.adapter.id}: ${this.entries.size} cards, ${this.skippedCount} skipped without an id`);
    }
  }

  private read(element: Element): PaperCard | undefined {
    try {
      const card = this.adapter.readCard(element, location.href);
      if (card) return card;
    } catch (error) {
      console.warn(`[Paperlight] ${this.adapter.id}: reading a card failed`, error);
    }
    this.skip(element);
    return undefined;
  }

  /** One message for the batch; without an answer (the extension reloading), the cards go on without metrics. */
  private analyse(read: ReadCard[]): void {
    for (const { element } of read) this.inFlight.add(element);
    const cards = read.map(({ card }) => ({
      title: card.title, abstract: card.abstract, codeLinks: card.codeLinks, ...(card.codeSources && { codeSources: card.codeSources }),
    }));
    send({ type: 'analyseCards', cards })
      .then(({ results }) => results, (error: unknown) => {
        console.warn(`[Paperlight] ${this.adapter.id}: reading the metrics failed`, error);
        return [];
      })
      .then((results) => {
        for (const { element } of read) this.inFlight.delete(element);
        if (this.signal.aborted) return;
        read.forEach((item, i) => {
          if (this.changedInFlight.delete(item.element)) this.enqueue(item.element);
          else this.ready.push({ ...item, found: results[i] ?? NOTHING_FOUND });
        });
        this.pump();
      });
  }

  private apply({ element, card, found }: AnalysedCard): CardEntry | undefined {
    if (!element.isConnected || this.entries.has(element)) return undefined;
    const analysis = analyseCard(card, found);
    markCard(element, analysis);
    let anchors: HTMLAnchorElement[] = [];
    try {
      const decoration = decorateCard(analysis, this.wrapsLinks);
      anchors = decoration.anchors;
      this.hooks.highlights.setCard(element, decoration.marks, decoration.linkRanges);
    } catch (error) {
      console.warn(`[Paperlight] ${this.adapter.id}: highlighting a card failed`, error);
    }
    const entry: CardEntry = { element, analysis, anchors, signature: signatureOf(card) };
    this.entries.set(element, entry);
    return entry;
  }

  private skip(element: Element): void {
    if (this.skipped.has(element)) return;
    this.skipped.add(element);
    this.skippedCount++;
  }

  /** A card, an element skipped for want of a paper id (it may get one: a framework's loading placeholder), or one being read. */
  watches(element: Element): boolean {
    return this.entries.has(element) || this.skipped.has(element) || this.inFlight.has(element);
  }

  /** A known card changed inside (abstract expanded, re-rendered text): re-read it if what it says changed. */
  private refresh(element: Element): void {
    if (this.inFlight.has(element)) {
      this.changedInFlight.add(element);
      return;
    }
    const entry = this.entries.get(element);
    if (!entry) {
      if (!this.skipped.has(element)) return;
      this.skipped.delete(element);
      this.skippedCount--;
      this.enqueue(element);
      this.pump();
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
    this.enqueue(element);
    this.pump();
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
    this.ready = [];
    this.inFlight.clear();
    this.changedInFlight.clear();
    for (const entry of [...this.entries.values()]) this.drop(entry);
  }
}
