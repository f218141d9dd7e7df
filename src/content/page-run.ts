// One run of Paperlight over one page: finds the adapter's cards, has their metrics read in the background,
// annotates them, follows cards the page adds later (batches from the single observer, one per animation
// frame), and undoes everything when stopped (in-page navigation, the site switched off). A failure on one card never stops the others.
import type { PaperCard, SiteAdapter } from '../sites/types';
import { sendTogether, sendWaiting } from '../shared/client';
import type { CardFindings } from '../core/card-findings';
import {
  analyseCard, decorateCard, markCard, undecorateCard, unmarkCard, type CardAnalysis,
} from './card-annotation';
import type { HighlightLayer } from './highlights';
import type { MutationBatch } from './observer';
import { inSlice, splitByViewport, type Lane } from './work-slices';

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
  /**
   * Called with the cards read in one slice, as their findings are asked for: what a feature asks the background
   * about them now (`sendTogether`) travels in the same message.
   */
  onCardsRead?(cards: readonly PaperCard[]): void;
  /** Called when a card is dropped (re-read as another paper, removed, or the run stops). */
  onCardGone(entry: CardEntry): void;
  /** Called when a card's highlights were placed again over new text nodes (a framework re-rendered the same text). */
  onRedecorated?(entry: CardEntry): void;
  debug: boolean;
}

/** What a card says, to tell a real change from a re-render: same signature, same analysis. */
const signatureOf = (card: PaperCard) =>
  `${card.key}\u0000${card.title}\u0000${card.abstract}\u0000${card.abstractEl ? 1 : 0}`;

/** A card read from the page, waiting for its metrics from the background. */
interface ReadCard {
  element: Element;
  card: PaperCard;
  /** What the card's markup said when it was read (`markupSnapshot`): the same snapshot later means the same card. */
  snapshot: string;
}

/**
 * The text of the card's element and of its title and abstract elements kept beside it, with the targets of
 * its links (ids are read from them): all an adapter reads from a card's own markup. Taking it costs a small
 * fraction of reading the card again, so a card is read again only when it differs.
 */
function markupSnapshot(element: Element, card: PaperCard): string {
  let snapshot = element.textContent ?? '';
  for (const part of [card.titleEl, card.abstractEl]) {
    if (part && !element.contains(part)) snapshot += `\u0000${part.textContent ?? ''}`;
  }
  for (const link of element.getElementsByTagName('a')) snapshot += `\u0000${link.getAttribute('href') ?? ''}`;
  return snapshot;
}

/**
 * The title and abstract elements the card was read with are still in the page (a framework that re-rendered
 * them with the same text replaced them: highlights go over the new ones, which a new read finds).
 */
const partsInPage = (card: PaperCard) => (card.titleEl?.isConnected ?? true) && (card.abstractEl?.isConnected ?? true);

/**
 * The most card text (titles, abstracts, authors) one runtime message carries. Chromium hands a message over in
 * time that grows faster than its size (100 arXiv abstracts, ~160 KB, in one message cost it several times what
 * the same cards in ten messages do), so a slice's cards go in messages of about ten abstracts.
 */
const MESSAGE_TEXT_CHARS = 16_000;

/** The read cards in groups, one runtime message each (`MESSAGE_TEXT_CHARS`). */
function byMessage(read: readonly ReadCard[]): ReadCard[][] {
  const groups: ReadCard[][] = [];
  let group: ReadCard[] = [];
  let chars = 0;
  for (const item of read) {
    const { title, abstract, authors } = item.card;
    let size = title.length + abstract.length;
    for (const author of authors) size += author.length;
    if (group.length && chars + size > MESSAGE_TEXT_CHARS) {
      groups.push(group);
      group = [];
      chars = 0;
    }
    group.push(item);
    chars += size;
  }
  if (group.length) groups.push(group);
  return groups;
}

/** A read card with its metrics, ready to be marked and highlighted. */
interface AnalysedCard extends ReadCard {
  found: CardFindings;
}

/** Cards waiting in one lane: to be read (`queue` from `cursor`), and read with their findings back (`ready`). */
interface LaneWork {
  queue: Element[];
  cursor: number;
  ready: AnalysedCard[];
  scheduled: boolean;
}

const emptyLane = (): LaneWork => ({ queue: [], cursor: 0, ready: [], scheduled: false });

/** Without the background's answer (the extension reloading), a card is still marked, with nothing found in it. */
const NOTHING_FOUND: CardFindings = { title: [], abstract: [], codeLinks: [], textLinks: [] };

export class PageRun {
  readonly entries = new Map<Element, CardEntry>();
  private readonly skipped = new WeakSet<Element>();
  private readonly controller = new AbortController();
  private readonly lanes: Record<Lane, LaneWork> = { firstLook: emptyLane(), idle: emptyLane() };
  private readonly queued = new Set<Element>();
  /**
   * Cards read and not yet marked: their text is with the background, or its answer waits for a slice. Each is
   * read again when it is marked (`apply`), so a change meanwhile needs no bookkeeping here.
   */
  private readonly pending = new Set<Element>();
  private firstScan = true;
  /** Found cards being split into near the viewport and the rest (by this many viewport questions). */
  private splitting = 0;
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
  handleBatch({ added, addedElements, changedCards }: MutationBatch): void {
    if (this.signal.aborted) return;
    for (const element of changedCards) this.refresh(element);
    if (added) this.scan(addedElements);
    // Letting go of the cards the page removed is the cards' work too, so it is measured like the rest.
    const start = performance.now();
    this.dropDetached();
    this.measure('firstLook', start);
  }

  /**
   * Queues every card not seen yet: the ones near the viewport go first, the rest wait for idle time. That holds
   * for the page's first scan and for cards that come later alike (infinite scroll appends a batch of entries,
   * most of them below the fold; a re-render replaces the cards where the reader is, which are near): reading and
   * marking a hundred cards no one sees yet would otherwise take a frame's time while the reader scrolls. After
   * the first scan, an adapter that can find the cards among the elements the page `added` does so, rather than
   * scanning the whole page again.
   */
  scan(added?: readonly Element[]): void {
    if (this.signal.aborted) return;
    const start = performance.now();
    let elements: Element[];
    try {
      const { adapter } = this;
      elements = added && !this.firstScan && adapter.findAddedCards ? adapter.findAddedCards(added) : adapter.findCards(document);
    } catch (error) {
      console.warn(`[Paperlight] ${this.adapter.id}: finding cards failed`, error);
      return;
    }
    if (elements.length) this.firstScan = false;
    const unseen = elements.filter((element) => !this.known(element));
    if (unseen.length) {
      // Held as queued until the split comes back, so the scans of the frames meanwhile leave them alone.
      for (const element of unseen) this.queued.add(element);
      this.splitting++;
      splitByViewport(unseen, (near, far) => {
        const split = performance.now();
        this.splitting--;
        if (this.signal.aborted) return;
        for (const element of unseen) this.queued.delete(element);
        for (const element of near) this.enqueue(element, 'firstLook');
        for (const element of far) this.enqueue(element, 'idle');
        this.measure('firstLook', split);
        this.schedule('firstLook');
        this.schedule('idle');
        this.checkFirstPass();
      });
    }
    this.measure('firstLook', start);
    this.checkFirstPass();
  }

  /** With the `debug` setting on, the work since `start` as a performance measure of its lane (see `pump`). */
  private measure(lane: Lane, start: number): void {
    if (this.hooks.debug) performance.measure(lane === 'idle' ? 'paperlight:annotate-idle' : 'paperlight:annotate', { start, end: performance.now() });
  }

  /** Annotated, skipped for want of an id, waiting to be read, or with the background. */
  private known(element: Element): boolean {
    return this.entries.has(element) || this.skipped.has(element) || this.queued.has(element) || this.pending.has(element);
  }

  private enqueue(element: Element, lane: Lane = 'firstLook'): void {
    if (this.known(element)) return;
    this.queued.add(element);
    this.lanes[lane].queue.push(element);
  }

  private schedule(lane: Lane): void {
    const work = this.lanes[lane];
    if (work.scheduled || this.signal.aborted || (work.cursor >= work.queue.length && work.ready.length === 0)) return;
    work.scheduled = true;
    inSlice(lane, (deadline) => {
      work.scheduled = false;
      this.pump(lane, deadline);
    });
  }

  /**
   * One slice of a lane's work, until `deadline`: first marks and highlights the cards whose findings came
   * back, then reads queued cards and sends their text in one message (the extractor lives in the background).
   * With the `debug` setting on, each slice is a performance measure, `paperlight:annotate` for first-look work
   * and `paperlight:annotate-idle` for idle time (the benchmark reads them from the page's timeline, which the
   * page's own scripts can read too: off by default).
   */
  private pump(lane: Lane, deadline: () => number): void {
    if (this.signal.aborted) return;
    const work = this.lanes[lane];
    const start = performance.now();
    const fresh: CardEntry[] = [];
    let applied = 0;
    while (applied < work.ready.length && performance.now() < deadline()) {
      const entry = this.apply(work.ready[applied++]!);
      if (entry) fresh.push(entry);
    }
    work.ready = work.ready.slice(applied);
    const read: ReadCard[] = [];
    while (work.cursor < work.queue.length && performance.now() < deadline()) {
      const element = work.queue[work.cursor++]!;
      this.queued.delete(element);
      if (!element.isConnected || this.entries.has(element)) continue;
      const card = this.read(element);
      if (card) read.push({ element, card, snapshot: markupSnapshot(element, card) });
    }
    if (work.cursor >= work.queue.length) {
      work.queue = [];
      work.cursor = 0;
    }
    for (const group of byMessage(read)) {
      this.analyse(group, lane);
      this.hooks.onCardsRead?.(group.map(({ card }) => card));
      sendWaiting();
    }
    if (fresh.length) this.hooks.onCards(fresh);
    sendWaiting();
    this.measure(lane, start);
    this.schedule(lane);
    this.checkFirstPass();
  }

  private checkFirstPass(): void {
    if (this.firstPassDone || this.splitting || this.pending.size) return;
    const { firstLook, idle } = this.lanes;
    if (firstLook.queue.length || firstLook.ready.length || idle.queue.length || idle.ready.length) return;
    this.firstPassDone = true;
    if (this.hooks.debug) {
      performance.mark('paperlight:first-pass');
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
  private analyse(read: ReadCard[], lane: Lane): void {
    for (const { element } of read) this.pending.add(element);
    const cards = read.map(({ card }) => ({
      title: card.title, abstract: card.abstract, codeLinks: card.codeLinks, ...(card.codeSources && { codeSources: card.codeSources }),
    }));
    sendTogether({ type: 'analyseCards', cards })
      .then(({ results }) => results, (error: unknown) => {
        console.warn(`[Paperlight] ${this.adapter.id}: reading the metrics failed`, error);
        return [];
      })
      .then((results) => {
        if (this.signal.aborted) return;
        read.forEach((item, i) => this.lanes[lane].ready.push({ ...item, found: results[i] ?? NOTHING_FOUND }));
        this.schedule(lane);
      });
  }

  private apply({ element, card, snapshot, found }: AnalysedCard): CardEntry | undefined {
    this.pending.delete(element);
    if (!element.isConnected || this.entries.has(element)) return undefined;
    // What the background answered must be about what the card says now: a card whose markup changed meanwhile
    // (whether or not the observer could tie the change to it) is read anew. One whose markup is as it was, with
    // its title and abstract elements where they were, is the card that was read.
    const unchanged = partsInPage(card) && markupSnapshot(element, card) === snapshot;
    const current = unchanged ? card : this.readAgain(element, card);
    if (!current) {
      this.enqueue(element);
      this.schedule('firstLook');
      return undefined;
    }
    // The card as it is now: the same text, but its title and abstract elements may be new ones.
    const analysis = analyseCard(current, found);
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

  /** The card read again, if it still says what it said when it was read (else undefined). */
  private readAgain(element: Element, card: PaperCard): PaperCard | undefined {
    try {
      const now = this.adapter.readCard(element, location.href);
      return now && signatureOf(now) === signatureOf(card) ? now : undefined;
    } catch {
      return undefined;
    }
  }

  private skip(element: Element): void {
    if (this.skipped.has(element)) return;
    this.skipped.add(element);
    this.skippedCount++;
  }

  /**
   * A card, or an element skipped for want of a paper id (it may get one: a framework's loading placeholder). A
   * card being read needs no watching: it is read again when it is marked.
   */
  watches(element: Element): boolean {
    return this.entries.has(element) || this.skipped.has(element);
  }

  /** A known card changed inside (abstract expanded, re-rendered text): re-read it if what it says changed. */
  private refresh(element: Element): void {
    const entry = this.entries.get(element);
    if (!entry) {
      if (!this.skipped.has(element)) return;
      this.skipped.delete(element);
      this.skippedCount--;
      this.enqueue(element);
      this.schedule('firstLook');
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
    this.schedule('firstLook');
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
    this.lanes.firstLook = emptyLane();
    this.lanes.idle = emptyLane();
    this.queued.clear();
    this.pending.clear();
    for (const entry of [...this.entries.values()]) this.drop(entry);
  }
}
