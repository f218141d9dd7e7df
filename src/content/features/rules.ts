// The user's hide, dim and highlight rules on the page. The content script carries no matcher: the cards' text
// goes to the background in batches (`matchRules`, one message per batch of new cards), which runs the rules
// with a linear-time engine and answers, per card, hide, dim and the stretches to highlight. Hidden cards give
// way to one line per run of neighbouring hidden cards, "N hidden by your rules — show", in a closed shadow
// root; "show" brings that run back for this page. Verdicts are asked again for every card when the rules change.
import { send } from '../../shared/client';
import { MAX_PAGE_CARDS, type RuleVerdict } from '../../shared/messages';
import type { CardEntry } from '../page-run';
import type { ContentPage } from '../session';
import { closedHost, oncePerFrame } from '../page-layer';
import { PutBacks } from '../put-back';
import { buildTextMap } from '../text-map';
import { el, setText } from '../ui/dom';
import type { CardVisibility } from './card-visibility';

export interface RuleEffects {
  /** Cards the rules hide now (shown again ones left out), dim, and highlight in. */
  counts(): { hidden: number; dimmed: number; highlighted: number };
  /** The first cards of the hidden runs whose line the page kept taking out, and which is no longer put back. */
  stubsLeftOut(): CardEntry[];
}

const STUB_TAG = 'paperlight-stub';
const STUB_CSS = `
:host { all: initial; display: block; margin: 4px 0; font: 12px/1.6 system-ui, sans-serif; color: #5b6080; }
button { font: inherit; color: #1d2671; background: none; border: 0; padding: 0 2px; text-decoration: underline; cursor: pointer; }
:focus-visible { outline: 2px solid #3b4cca; outline-offset: 1px; }
@media (prefers-color-scheme: dark) { :host { color: #a8adcf; } button { color: #c9cffd; } }
`;

interface Stub {
  host: HTMLElement;
  /** "N hidden by your rules — ", before the "show" button. */
  count: Text;
  /** The run of hidden cards the stub stands for (its "show" brings them back). */
  cards: CardEntry[];
  /** It was in the page once: out of it now, the page took it out. */
  placed: boolean;
}

/** Ranges over the element's text for offsets in `text` (the adapter's normalised copy of it). */
function rangesIn(element: Element | undefined, text: string, spans: ReadonlyArray<{ start: number; end: number }>): Range[] {
  if (!element || spans.length === 0) return [];
  const map = buildTextMap(element);
  const shift = map.text.indexOf(text);
  if (shift < 0) return [];
  return spans.flatMap(({ start, end }) => map.range(start + shift, end + shift) ?? []);
}

export function hideAndDimRules(page: ContentPage, { visibility }: { visibility: CardVisibility }): RuleEffects {
  const verdicts = new Map<CardEntry, RuleVerdict>();
  /**
   * The papers the reader brought back with "show" (for this page, until the rules change), by key: a card the page
   * renders anew (a new element, the same paper) stays shown.
   */
  const shown = new Set<string>();
  const stubs = new Map<Element, Stub>();
  /** A line the page takes out as often as it goes back stays out (put-back.ts); its cards stay hidden. */
  const putBacks = new PutBacks<Element>({
    onStop: (card) => {
      if (page.settings.debug) console.info(`[Paperlight] the page keeps taking out the "hidden by your rules" line before ${page.cards.get(card)?.analysis.card.key}: it is no longer put back`);
    },
  });
  let rules = JSON.stringify(page.settings.rules);
  let generation = 0;

  const hiddenByRules = (entry: CardEntry) => verdicts.get(entry)?.hide === true && !shown.has(entry.analysis.card.key);

  const removeStub = (card: Element) => {
    const stub = stubs.get(card);
    if (!stub) return;
    stub.host.remove();
    stubs.delete(card);
    putBacks.forget(card);
  };

  const newStub = (cards: CardEntry[]): Stub => {
    const { host, container } = closedHost(STUB_TAG, STUB_CSS);
    const count = document.createTextNode('');
    const stub: Stub = { host, count, cards, placed: false };
    const reveal = () => {
      for (const entry of stub.cards) shown.add(entry.analysis.card.key);
      apply();
    };
    container.append(el('span', { role: 'note' }, count, el('button', { on: { click: reveal } }, 'show')));
    return stub;
  };

  /** One stub before the first card of each run of neighbouring hidden cards; only what changed is touched. */
  const placeStubs = () => {
    const runs: CardEntry[][] = [];
    let run: CardEntry[] = [];
    for (const entry of page.cards.inPageOrder()) {
      if (hiddenByRules(entry)) run.push(entry);
      else if (run.length) {
        runs.push(run);
        run = [];
      }
    }
    if (run.length) runs.push(run);
    const wanted = new Map(runs.map((cards) => [cards[0]!.element, cards]));
    for (const card of [...stubs.keys()]) if (!wanted.has(card)) removeStub(card);
    for (const [card, cards] of wanted) {
      let stub = stubs.get(card);
      if (!stub) stubs.set(card, (stub = newStub(cards)));
      const takenOut = stub.placed && !stub.host.isConnected;
      if (stub.host.nextSibling !== card && (!takenOut || putBacks.allow(card))) {
        card.before(stub.host);
        stub.placed = true;
      }
      stub.cards = cards;
      setText(stub.count, `${cards.length} hidden by your rules — `);
    }
  };

  const apply = () => {
    const entries = [...page.cards.all()];
    visibility.set('rules', 'hide', entries.filter(hiddenByRules));
    visibility.set('rules', 'dim', entries.filter((e) => verdicts.get(e)?.dim));
    placeStubs();
    page.emit('rules', undefined);
  };

  const schedule = oncePerFrame(page.signal, () => apply(), () => page.settings.debug);

  const highlight = (entry: CardEntry, verdict: RuleVerdict) => {
    const { card } = entry.analysis;
    const spans = (field: 'title' | 'abstract') => verdict.highlight.filter((h) => h.field === field);
    page.highlights.setRuleRanges(entry.element, [
      ...rangesIn(card.titleEl, card.title, spans('title')),
      ...rangesIn(card.abstractEl, card.abstract, spans('abstract')),
    ]);
  };

  /** Asks the background what the rules do to these cards, a batch at a time. */
  const match = async (entries: readonly CardEntry[]) => {
    const asked = generation;
    for (let i = 0; i < entries.length; i += MAX_PAGE_CARDS) {
      const batch = entries.slice(i, i + MAX_PAGE_CARDS);
      const cards = batch.map(({ analysis: { card } }) => ({ key: card.key, title: card.title, abstract: card.abstract, authors: card.authors }));
      const { results } = await send({ type: 'matchRules', cards });
      if (asked !== generation || page.signal.aborted) return;
      batch.forEach((entry, j) => {
        const verdict = results[j];
        // Only for a card still on the page as this entry (one read again as another paper is a new entry).
        if (!verdict || page.cards.get(entry.element) !== entry || !entry.element.isConnected) return;
        verdicts.set(entry, verdict);
        highlight(entry, verdict);
      });
      schedule();
    }
  };
  const matchLogged = (entries: readonly CardEntry[]) => {
    if (entries.length === 0 || page.settings.rules.length === 0) return;
    match(entries).catch((error) => console.warn('[Paperlight] could not apply your rules on this page:', error));
  };

  const forget = (entry: CardEntry) => {
    verdicts.delete(entry);
    page.highlights.setRuleRanges(entry.element, []);
  };

  // A card read again as another paper is a new entry (the old one went with `cardGone`, which forgot it): new
  // entries have no verdict and no rule highlight to take away, only a match to ask for.
  page.on('cards', matchLogged);
  page.on('cardGone', (entry) => {
    forget(entry);
    removeStub(entry.element);
    schedule();
  });
  page.on('uiDropped', schedule);
  // The same text in new nodes: the rule's highlights go over the new nodes too.
  page.on('redecorated', (entry) => {
    const verdict = verdicts.get(entry);
    if (verdict) highlight(entry, verdict);
  });
  page.on('settings', (settings) => {
    const next = JSON.stringify(settings.rules);
    if (next === rules) return;
    rules = next;
    generation++;
    shown.clear();
    const entries = [...page.cards.all()];
    for (const entry of entries) forget(entry);
    schedule();
    matchLogged(entries);
  });
  page.signal.addEventListener('abort', () => {
    for (const card of [...stubs.keys()]) removeStub(card);
    for (const entry of page.cards.all()) page.highlights.setRuleRanges(entry.element, []);
  }, { once: true });

  return {
    counts() {
      let hidden = 0;
      let dimmed = 0;
      let highlighted = 0;
      for (const [entry, verdict] of verdicts) {
        if (hiddenByRules(entry)) hidden++;
        if (verdict.dim) dimmed++;
        if (verdict.highlight.length) highlighted++;
      }
      return { hidden, dimmed, highlighted };
    },
    stubsLeftOut: () => putBacks.stopped.flatMap((card) => page.cards.get(card) ?? []),
  };
}
