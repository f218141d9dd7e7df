// The toolbar on each card (save, tags, status, note, code links, metric chips), mounted lazily: a card gets
// its <paperlight-card> host (a closed shadow root with the toolbar) when it comes within a screen or
// two of the viewport, so a 600-card listing pays only for what the user can reach soon. The host is the
// card's last child: a framework re-rendering the card never meets it among the nodes it manages (it only
// ever inserts before and removes its own), and if a re-render takes it out anyway it is put back, unless the
// page takes it out as often as it goes back (put-back.ts: then it stays out, and the page report says so).
// On screen, an unsaved card's toolbar starts as its host alone, holding the place of the toolbar's one row (the page
// style gives the host that height, so the page does not move when the toolbar comes), and is built in the browser's
// idle time, or at once when the reader points at it or anything about it changes. A card that comes within the
// margin out of the reader's sight gets its toolbar, host and all, in idle time: nothing of it is in the frame.
import { GROUP_OF_KIND } from '../../../core/highlight-groups';
import { CODE_LINK_SOURCE_TEXT } from '../../../core/links';
import type { CardEntry } from '../../page-run';
import type { ContentPage } from '../../session';
import { closedContainer, closedHost, newHost } from '../../page-layer';
import { listen } from '../../ui/dom';
import { PutBacks } from '../../put-back';
import { inBatches, inSlice } from '../../work-slices';
import type { MetricTooltip } from '../metric-tooltip';
import type { SavedState } from '../saved-state';
import { shownVenue } from '../../../core/paper';
import { CardWidget, type CardActions, type CardNotice, type CardView, type CodeLinkView } from './CardWidget';
import { WIDGET_CSS } from './styles';

export const WIDGET_TAG = 'paperlight-card';

/**
 * Toolbars are built well ahead of the reader (1,200 px): one built for a card already on screen would push the
 * cards below it down while the reader looks at them (and a keyboard ring placed on one of them would be left
 * behind); building them closer was tried, and the triage browser test caught exactly that.
 */
const TOOLBAR_MARGIN = '1200px 0px';
/**
 * Toolbars built in idle time between two looks at the clock: few enough that a slice ends near its deadline
 * however many cards wait, enough that the page is not laid out again for every toolbar.
 */
const IDLE_BATCH = 8;

export interface CardToolbar {
  /** Mounts the card's toolbar now (a keyboard save on a card far from the viewport, for instance). */
  mountNow(entry: CardEntry): void;
  /** Shows a notice with an action on the card's toolbar ("Removed · Undo"); null takes it away. */
  setNotice(entry: CardEntry, notice: CardNotice | null): void;
  /** Shows "seen <date>" (the reading memory) on the card's toolbar; null takes it away. */
  setSeen(entry: CardEntry, label: string | null): void;
  /** Opens the tag field of a saved card's toolbar, with the focus in it (the `t` key). */
  openTags(entry: CardEntry): void;
  /** The cards whose toolbar the page kept taking out, and which is no longer put back. */
  leftOut(): CardEntry[];
}

interface Mounted {
  host: HTMLElement;
  /** Null while the host only holds the toolbar's place. */
  widget: CardWidget | null;
}

/** Where in a card the toolbar goes: at its end, or in its last cell for table rows and lists. */
function slotFor(card: Element): Element {
  if (card.tagName === 'TR' || card.tagName === 'DL' || card.tagName === 'UL' || card.tagName === 'OL' || card.tagName === 'TABLE') {
    return card.lastElementChild ?? card;
  }
  return card;
}

/**
 * The record's card is in the viewport itself, not only within the toolbar margin around it (a record without a
 * box counts as in it).
 */
function inViewport({ boundingClientRect: box }: IntersectionObserverEntry): boolean {
  return !box || (box.bottom >= 0 && box.top < innerHeight);
}

function isShown(element: Element | undefined): boolean {
  if (!element) return false;
  const check = (element as Element & { checkVisibility?(): boolean }).checkVisibility;
  return check ? check.call(element) : true;
}

function codeLinkLabel(url: string, kind: string): string {
  try {
    const parsed = new URL(url);
    if (kind === 'github' || kind === 'gitlab' || kind === 'gitee' || kind === 'bitbucket' || kind === 'huggingface') {
      return parsed.pathname.replace(/^\/|\/$/g, '') || parsed.hostname;
    }
    return parsed.hostname + (parsed.pathname.length > 1 ? parsed.pathname.replace(/\/$/, '') : '');
  } catch {
    return url;
  }
}

export function cardToolbar(page: ContentPage, { saved, tooltip }: { saved: SavedState; tooltip: MetricTooltip }): CardToolbar {
  const mounted = new Map<Element, Mounted>();
  const waiting = new Set<Element>();
  const notices = new Map<Element, CardNotice>();
  const seenLabels = new Map<Element, string>();
  /** Per card, how many times its tag field was asked to open: the widget opens it when the count changes. */
  const tagRequests = new Map<Element, number>();
  const putBacks = new PutBacks<Element>({
    onStop: (card) => {
      if (page.settings.debug) {
        console.info(`[Paperlight] the page keeps taking out the toolbar of ${page.cards.get(card)?.analysis.card.key}: it is no longer put back`);
      }
    },
  });

  const viewOf = ({ analysis }: CardEntry): CardView => {
    const enabled = page.settings.highlight;
    const codeLinks: CodeLinkView[] = analysis.codeLinks.map((link) => ({
      url: link.url,
      kind: link.kind,
      label: codeLinkLabel(link.url, link.kind),
      ...(link.source && { found: CODE_LINK_SOURCE_TEXT[link.source] }),
    }));
    return {
      key: analysis.card.key,
      title: analysis.card.title,
      metrics: analysis.metrics.filter((m) => enabled[GROUP_OF_KIND[m.kind]]),
      // A collapsed abstract (ACL's "abs" toggle) is highlighted but not visible: chips show its metrics.
      abstractShown: isShown(analysis.card.abstractEl),
      codeLinks,
    };
  };

  const actionsFor = (entry: CardEntry): CardActions => ({
    toggleSave: () => saved.toggle(entry),
    update: ({ status, note, addTags, removeTags }) => {
      const set = { ...(status ? { status } : {}), ...(note !== undefined ? { note } : {}) };
      return saved.update(entry, {
        ...(Object.keys(set).length ? { set } : {}),
        ...(addTags ? { addTags } : {}),
        ...(removeTags ? { removeTags } : {}),
      });
    },
    tagList: () => saved.tagList(),
    loadNote: () => saved.note(entry),
    showMetric: (metric, anchor) => tooltip.show(entry, metric, anchor),
  });

  /**
   * Hosts holding the place of a toolbar not built yet (in the order they were mounted). With the `debug` setting
   * on, `paperlight:widgets-complete` is marked whenever none is left (the benchmark waits for it).
   */
  const unfinished = new Set<Element>();
  /**
   * Cards that came within the margin out of the reader's sight: their toolbars, host and all, are built in the
   * idle slices that complete the held ones (nothing of them is in the first frame).
   */
  const outOfSight = new Set<Element>();
  let completing = false;
  /** No toolbar is held or waiting for idle time. */
  const allBuilt = () => unfinished.size === 0 && outOfSight.size === 0;

  /** The toolbar in the host: its closed root, built now if the host only held its place. */
  const widgetOf = (card: Element, target: Mounted): CardWidget => {
    if (target.widget) return target.widget;
    let container: HTMLElement;
    try {
      container = closedContainer(target.host, WIDGET_CSS);
    } catch {
      // The page gave our host a shadow root of its own, or its own class (page-layer.ts): a new host takes its place.
      const fresh = closedHost(WIDGET_TAG, WIDGET_CSS);
      target.host.replaceWith(fresh.host);
      target.host = fresh.host;
      container = fresh.container;
    }
    unfinished.delete(card);
    return (target.widget = new CardWidget(container));
  };

  const draw = (entry: CardEntry, view?: CardView) => {
    const target = mounted.get(entry.element);
    if (!target) return; // a card not mounted yet is drawn when it mounts
    const paper = saved.of(entry);
    const savedView = paper && { tags: paper.tags, status: paper.status };
    const notice = notices.get(entry.element);
    const venue = shownVenue(paper?.venues, entry.analysis.card.venue);
    widgetOf(entry.element, target).update({
      view: view ?? viewOf(entry), saved: savedView, venue, notice, seen: seenLabels.get(entry.element),
      tagRequest: tagRequests.get(entry.element) ?? 0, actions: actionsFor(entry),
    });
  };

  /** Only the plain toolbar of an unsaved card, with nothing to say yet, starts as a place held. */
  const startsLater = (entry: CardEntry) =>
    !saved.of(entry) && !notices.has(entry.element) && !seenLabels.has(entry.element) && !tagRequests.has(entry.element);

  /**
   * Builds the toolbars out of sight, then the ones whose place is held, in idle slices of `IDLE_BATCH` cards at a
   * time until the slice's deadline: a batch's reads (views) before its writes, as the mount does.
   */
  const completeLater = () => {
    if (completing || allBuilt() || page.signal.aborted) return;
    completing = true;
    inSlice('idle', (deadline) => {
      completing = false;
      if (page.signal.aborted) return;
      const start = performance.now();
      const left = inBatches([...outOfSight], IDLE_BATCH, deadline, (cards) => {
        for (const card of cards) outOfSight.delete(card);
        const entries = cards.flatMap((card) => page.cards.get(card) ?? []);
        const views = entries.map(viewOf);
        entries.forEach((entry, i) => mount(entry, { view: views[i] }));
      });
      if (left.length === 0 && performance.now() < deadline()) {
        inBatches([...unfinished], IDLE_BATCH, deadline, (cards) => {
          const entries = cards.flatMap((card) => page.cards.get(card) ?? []);
          const views = entries.map(viewOf);
          entries.forEach((entry, i) => draw(entry, views[i]));
        });
      }
      if (page.settings.debug) {
        performance.measure('paperlight:widgets-idle', { start, end: performance.now() });
        if (allBuilt()) performance.mark('paperlight:widgets-complete');
      }
      completeLater();
    });
  };

  /** Mounts the card's toolbar: whole (with its view when it was read already), or `later`, as a place held. */
  const mount = (entry: CardEntry, { view, later = false }: { view?: CardView; later?: boolean } = {}) => {
    const card = entry.element;
    if (!card.isConnected || mounted.has(card)) return;
    const host = newHost(WIDGET_TAG);
    slotFor(card).append(host);
    mounted.set(card, { host, widget: null });
    if (!later) {
      draw(entry, view); // builds the toolbar in the host (widgetOf)
      return;
    }
    // The reader pointing at the place held gets the toolbar before the pointer's next event.
    listen(host, { pointerover: () => unfinished.has(card) && draw(entry) });
    unfinished.add(card);
    completeLater();
  };

  const observer = new IntersectionObserver((records) => {
    const start = performance.now();
    const entries: CardEntry[] = [];
    for (const record of records) {
      const entry = record.isIntersecting ? page.cards.get(record.target) : undefined;
      if (!entry) continue;
      observer.unobserve(entry.element);
      waiting.delete(entry.element);
      if (inViewport(record)) entries.push(entry);
      else outOfSight.add(entry.element);
    }
    // A saved card's toolbar is built at once (it has more to show than one row): all reads first (a view asks
    // whether the abstract is visible), then all writes, as inserting one toolbar and then measuring for the next
    // would lay the page out once per card.
    const views = entries.map((entry) => (startsLater(entry) ? undefined : viewOf(entry)));
    entries.forEach((entry, i) => mount(entry, views[i] ? { view: views[i] } : { later: true }));
    completeLater();
    if (page.settings.debug) {
      performance.measure('paperlight:widgets', { start, end: performance.now() });
      if (allBuilt()) performance.mark('paperlight:widgets-complete');
    }
  }, { rootMargin: TOOLBAR_MARGIN });

  const remove = (card: Element) => {
    outOfSight.delete(card);
    if (waiting.delete(card)) observer.unobserve(card);
    const target = mounted.get(card);
    if (!target) return;
    target.widget?.destroy();
    target.host.remove();
    mounted.delete(card);
    putBacks.forget(card);
    unfinished.delete(card);
    notices.delete(card);
    seenLabels.delete(card);
    tagRequests.delete(card);
  };

  page.on('cards', (entries) => {
    for (const { element } of entries) {
      if (mounted.has(element) || waiting.has(element) || outOfSight.has(element)) continue;
      waiting.add(element);
      observer.observe(element);
    }
  });
  page.on('cardGone', (entry) => remove(entry.element));
  page.on('uiDropped', () => {
    for (const [card, { host }] of mounted) if (!host.isConnected && card.isConnected && putBacks.allow(card)) slotFor(card).append(host);
  });
  page.on('saved', (entries) => {
    for (const entry of entries) if (entry.element.isConnected) draw(entry);
  });
  page.on('settings', () => {
    for (const card of mounted.keys()) {
      const entry = page.cards.get(card);
      if (entry) draw(entry);
    }
  });
  page.signal.addEventListener('abort', () => {
    for (const card of [...mounted.keys(), ...waiting, ...outOfSight]) remove(card);
    observer.disconnect();
  }, { once: true });

  return {
    mountNow(entry) {
      if (waiting.delete(entry.element)) observer.unobserve(entry.element);
      mount(entry);
    },
    setNotice(entry, notice) {
      if (notice) notices.set(entry.element, notice);
      else notices.delete(entry.element);
      draw(entry);
    },
    setSeen(entry, label) {
      if ((seenLabels.get(entry.element) ?? null) === label) return;
      if (label) seenLabels.set(entry.element, label);
      else seenLabels.delete(entry.element);
      draw(entry);
    },
    openTags(entry) {
      if (waiting.delete(entry.element)) observer.unobserve(entry.element);
      tagRequests.set(entry.element, (tagRequests.get(entry.element) ?? 0) + 1);
      if (mounted.has(entry.element)) draw(entry);
      else mount(entry);
    },
    leftOut: () => putBacks.stopped.flatMap((card) => page.cards.get(card) ?? []),
  };
}
