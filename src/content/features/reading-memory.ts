// The reading memory on the page: every card recognised here is recorded as seen (with the lookup of its saved
// state, `seenOn`, in the same message as its findings: the first pass, then what scrolling or a re-render
// brings; `markSeen` for the cards no lookup takes along), and the background answers with when each paper was
// first seen, on any site. A card first seen on an earlier local calendar day is "seen before": its toolbar says
// "seen <date>", and with `dimSeen` on it is dimmed, unless it is saved.
// "Now" is the background's clock, as it answers the batch: the same clock that wrote `firstSeen`, so the
// comparison never mixes two clocks (and a test sets one clock, the worker's, to make two visits on two days).
import { onTabChange, sendTogether } from '../../shared/client';
import { MAX_PAGE_CARDS } from '../../shared/messages';
import type { CardEntry } from '../page-run';
import type { ContentPage } from '../session';
import type { PaperCard } from '../../sites/types';
import type { CardToolbar } from './card-toolbar';
import type { CardVisibility } from './card-visibility';
import type { SavedState } from './saved-state';

export interface ReadingMemory {
  /** The local day (`YYYY-MM-DD`) the card's paper was first seen, when that is an earlier day than today; else null. */
  seenDay(entry: CardEntry): string | null;
  /** True when the card's paper is known to be new today (false while the memory is off or has not answered). */
  isNew(entry: CardEntry): boolean;
  /** Whether the memory answered for any card of this page (the strip shows "new since last visit" then). */
  readonly answered: boolean;
}

/** The local calendar day of an instant, `YYYY-MM-DD`. */
export function localDay(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * "7 Dec 2026" in the reader's locale. Made on first use: building a date formatter loads the locale's data, a
 * cost of milliseconds on a page that shows no card seen on an earlier day.
 */
let humanDayFormat: Intl.DateTimeFormat | undefined;
const humanDay = (ms: number) =>
  (humanDayFormat ??= new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' })).format(ms);

export function readingMemory(
  page: ContentPage, { saved, toolbar, visibility }: { saved: SavedState; toolbar: CardToolbar; visibility: CardVisibility },
): ReadingMemory {
  /** First sightings by the key each card was sent with, and today's day on the background's clock. */
  const firstSeen = new Map<string, number>();
  const sent = new Set<string>();
  let today: string | null = null;

  const seenDay = (entry: CardEntry) => {
    const first = firstSeen.get(entry.analysis.card.key);
    if (first === undefined || today === null || !page.settings.readingMemory) return null;
    const day = localDay(first);
    return day < today ? day : null;
  };

  const dims = (entry: CardEntry) => page.settings.dimSeen && seenDay(entry) !== null && !saved.of(entry);

  const setSeen = (entry: CardEntry) => {
    const day = seenDay(entry);
    toolbar.setSeen(entry, day ? `seen ${humanDay(firstSeen.get(entry.analysis.card.key)!)}` : null);
  };

  /** Seen-dimming (never of a saved card) of these cards; the other cards' dimming stays as it is. */
  const redim = (entries: Iterable<CardEntry>) => {
    const dimmed = new Set(visibility.of('seen', 'dim'));
    for (const entry of entries) {
      if (dims(entry)) dimmed.add(entry);
      else dimmed.delete(entry);
    }
    visibility.set('seen', 'dim', dimmed);
  };

  /** The toolbar's "seen <date>" and seen-dimming of these cards. */
  const show = (entries: Iterable<CardEntry>) => {
    for (const entry of entries) setSeen(entry);
    redim(entries);
  };

  /** The same for every card of the page: the settings or the day changed. */
  const showAll = () => {
    const all = [...page.cards.all()];
    for (const entry of all) setSeen(entry);
    visibility.set('seen', 'dim', all.filter(dims));
  };

  /** What a reply says of these cards (by the key each was sent with): their first sightings, and today. */
  const answered = (keys: readonly string[], reply: { seen: Array<{ key: string; firstSeen: number }>; now: number }) => {
    if (page.signal.aborted) return;
    for (const { key, firstSeen: first } of reply.seen) firstSeen.set(key, first);
    const day = localDay(reply.now);
    const asked = new Set(keys);
    const entries = new Set([...page.cards.all()].filter((entry) => asked.has(entry.analysis.card.key)));
    // Only the cards the reply is about change, unless the day changed (then "seen before" may, for any card).
    const dayChanged = day !== today;
    today = day;
    if (dayChanged) showAll();
    else show(entries);
    page.emit('seen', entries);
  };

  /** Whether this card is to be recorded now (each key once per session, while the memory is on); it is then. */
  const claim = (card: PaperCard) => {
    if (!page.settings.readingMemory || page.signal.aborted || sent.has(card.key)) return false;
    sent.add(card.key);
    return true;
  };

  // The cards read go with the lookup of their saved state, in the message that asks for their findings: their
  // ids, title and authors travel once for both.
  saved.recordSeen({ site: page.adapter.id, claim, answered });

  /**
   * Records these cards as seen (`markSeen`, in the message that asks for their findings: `sendTogether`), the ones
   * no lookup took along (their saved state was asked while the memory was off): the cards on the page when it is
   * switched on, or read again later.
   */
  const record = (cards: readonly PaperCard[]) => {
    const fresh = cards.filter(claim);
    for (let i = 0; i < fresh.length; i += MAX_PAGE_CARDS) {
      const batch = fresh.slice(i, i + MAX_PAGE_CARDS);
      const asked = batch.map((card) => ({ key: card.key, aliases: card.aliases ?? [], title: card.title, authors: card.authors }));
      sendTogether({ type: 'markSeen', site: page.adapter.id, cards: asked })
        .then((reply) => answered(batch.map((card) => card.key), reply))
        .catch((error) => console.warn('[Paperlight] could not record this page in the reading memory:', error));
    }
  };

  /** Records every card of the page (each key not yet sent). */
  const recordAll = () => record([...page.cards.all()].map((entry) => entry.analysis.card));

  // After the saved state's lookup took the cards it could along (it subscribed first).
  page.on('cardsRead', record);
  page.on('cards', (entries) => {
    // A card marked after its answer came, re-read as another paper, or shown again, takes what is known of it.
    // Its entry is new (no label shown, not dimmed), so only one first seen on an earlier day has anything to show.
    if (today === null) return;
    const seenBefore = entries.filter((entry) => seenDay(entry) !== null);
    if (seenBefore.length) show(seenBefore);
  });
  page.on('saved', (entries) => {
    if (today !== null) redim(entries);
  });
  // The memory emptied (the options page): what it told this page goes; a card met again is recorded anew.
  // Rewritten by a backup's import: the page's cards are asked about again.
  const stopListening = onTabChange((event) => {
    if (!event.memoryCleared && !event.memoryChanged) return;
    firstSeen.clear();
    sent.clear();
    today = null;
    showAll();
    page.emit('seen', new Set(page.cards.all()));
    if (event.memoryChanged) recordAll();
  });
  page.signal.addEventListener('abort', stopListening, { once: true });
  let memoryWasOn = page.settings.readingMemory;
  page.on('settings', (settings) => {
    if (settings.readingMemory && !memoryWasOn) recordAll();
    memoryWasOn = settings.readingMemory;
    showAll();
  });

  return {
    seenDay,
    isNew: (entry) => page.settings.readingMemory && today !== null && firstSeen.has(entry.analysis.card.key) && seenDay(entry) === null,
    get answered() {
      return page.settings.readingMemory && today !== null;
    },
  };
}
