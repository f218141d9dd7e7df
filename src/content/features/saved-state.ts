// The saved state of the papers on this page: looked up in batches when their cards appear (by key, by alias
// and by title identity, so a paper saved from arXiv shows saved on its proceedings page), kept current by the background's change broadcasts, and changed from the page (save, unsave,
// tag, status, note). Only what a card shows is kept (ids, status, tags: a `TabPaper`); a note is asked for
// when its editor opens. Emits `saved` for the cards whose state changed. Nothing of it is written into the
// page's DOM: the toolbars that show it live in closed shadow roots.
import type { SavedPaper } from '../../core/paper';
import { onTabChange, send, sendTogether } from '../../shared/client';
import {
  MAX_LOOKUP_CARDS, type CardData, type LookupCard, type MarkSeenReply, type TabPaper, type TagCount, type UpdateRequest,
} from '../../shared/messages';
import { keysOf } from '../card-registry';
import type { CardEntry } from '../page-run';
import type { ContentPage } from '../session';
import type { PaperCard } from '../../sites/types';

export type PaperChange = Omit<UpdateRequest, 'type' | 'key'>;

/**
 * The reading memory, recording cards in the lookups that ask about them (`seenOn`): their title and authors then
 * travel once, for both. `claim` says, card by card as a lookup is made, whether it is to be recorded (each key
 * once); `answered` gets the sightings of the claimed cards' lookup.
 */
export interface SeenAlong {
  site: string;
  claim(card: PaperCard): boolean;
  answered(keys: readonly string[], reply: Pick<MarkSeenReply, 'seen' | 'now'>): void;
}

const tabPaperOf = ({ key, aliases, status, tags, venues }: TabPaper): TabPaper => ({ key, aliases, status, tags, venues });

export interface SavedState {
  /** The saved state of a card's paper (found by its key or any alias), if it is saved. */
  of(entry: CardEntry): TabPaper | undefined;
  /** True while no lookup is on its way: every card seen so far shows its saved state. */
  readonly settled: boolean;
  /** The note of a card's saved paper ('' when it has none or is not saved), read from the library. */
  note(entry: CardEntry): Promise<string>;
  /** Saves the card's paper (an upsert: a saved paper keeps its tags, status and note); the saved record. */
  save(entry: CardEntry): Promise<SavedPaper>;
  /** Saves the card's paper, or moves it to the Trash if it is saved (`removed` is emitted then). */
  toggle(entry: CardEntry): Promise<void>;
  /** Takes a paper this page removed back out of the Trash, exactly as it was. */
  restore(entry: CardEntry, key: string): Promise<void>;
  /** Edits the saved paper of a card; throws if it is not saved. */
  update(entry: CardEntry, change: PaperChange): Promise<void>;
  /** Every tag in use with its count, for the tag field's autocomplete (asked once, until a change). */
  tagList(): Promise<TagCount[]>;
  /** Has the lookups made from now on record the cards `along` claims in the reading memory. */
  recordSeen(along: SeenAlong): void;
}

/** What a card sends to save its paper. */
function cardData(entry: CardEntry, site: string): CardData {
  const { card, metrics, codeLinks } = entry.analysis;
  return {
    key: card.key,
    aliases: card.aliases ?? [],
    title: card.title,
    url: card.url,
    authors: card.authors,
    abstract: card.abstract,
    ...(card.published ? { published: card.published } : {}),
    ...(card.venue ? { venue: card.venue } : {}),
    metrics: metrics.map(({ text, kind, value, unit, label }) => ({ text, kind, value, unit, label })),
    codeLinks: codeLinks.map((l) => l.url),
    ...(codeLinks.some((l) => l.source) && {
      codeSources: Object.fromEntries(codeLinks.flatMap((l) => (l.source ? [[l.url, l.source]] : []))),
    }),
    site,
  };
}

/** What a card sends to find its paper: its ids, title and authors (title identity), and its venue. */
function lookupCard(card: PaperCard): LookupCard {
  return { key: card.key, aliases: card.aliases ?? [], title: card.title, authors: card.authors, ...(card.venue ? { venue: card.venue } : {}) };
}

export function savedState(page: ContentPage): SavedState {
  /** Saved papers by canonical key and by every alias. */
  const byKey = new Map<string, TabPaper>();
  const askedFor = new Set<string>();
  let tagNames: Promise<TagCount[]> | null = null;
  let lookups = 0;
  let seenAlong: SeenAlong | undefined;

  const get = (key: string, aliases: readonly string[] = []) =>
    byKey.get(key) ?? aliases.map((alias) => byKey.get(alias)).find(Boolean);
  const of = (entry: CardEntry) => get(entry.analysis.card.key, entry.analysis.card.aliases);

  const remember = (record: TabPaper, touched?: Set<string>) => {
    const paper = tabPaperOf(record);
    for (const key of [paper.key, ...paper.aliases]) {
      byKey.set(key, paper);
      touched?.add(key);
    }
    return paper;
  };

  const changed = (entries: Set<CardEntry>) => page.emit('saved', entries);

  /** Lookups on their way by card key (settled either way): a card marked before its answer came waits for it. */
  const answering = new Map<string, Promise<void>>();

  /**
   * Asks the background which of these cards' papers are saved (each card key is asked once), in the message
   * that asks for the cards' findings when they are read (`sendTogether`).
   */
  const ask = (cards: readonly PaperCard[]): Promise<void> => {
    const fresh = new Map<string, LookupCard>();
    let claimed = false;
    for (const card of cards) {
      if (askedFor.has(card.key) || fresh.has(card.key)) continue;
      fresh.set(card.key, lookupCard(card));
      if (seenAlong?.claim(card)) claimed = true;
    }
    if (fresh.size === 0) return Promise.resolve();
    for (const k of fresh.keys()) askedFor.add(k);
    const list = [...fresh.values()];
    const along = claimed ? seenAlong : undefined;
    lookups++;
    const asked = (async () => {
      try {
        for (let i = 0; i < list.length; i += MAX_LOOKUP_CARDS) {
          const chunk = list.slice(i, i + MAX_LOOKUP_CARDS);
          const reply = await sendTogether({ type: 'lookup', keys: [], cards: chunk, ...(along && { seenOn: along.site }) });
          for (const { key, paper } of reply.found) byKey.set(key, remember(paper));
          if (along && reply.seen && reply.now !== undefined && !page.signal.aborted) {
            along.answered(chunk.map((card) => card.key), { seen: reply.seen, now: reply.now });
          }
        }
      } finally {
        lookups--;
      }
    })();
    const settled = asked.then(() => undefined, () => undefined);
    for (const k of fresh.keys()) answering.set(k, settled);
    void settled.then(() => {
      for (const k of fresh.keys()) if (answering.get(k) === settled) answering.delete(k);
    });
    return asked;
  };

  /** The saved state of these cards is known: asked now for any not asked yet, else when their answers came. */
  const lookup = async (entries: readonly CardEntry[]) => {
    const cards = entries.map((entry) => entry.analysis.card);
    await ask(cards);
    await Promise.all(cards.map((card) => answering.get(card.key)));
  };

  page.on('cardsRead', (cards) => {
    ask(cards).catch((error) => console.warn('[Paperlight] could not read the saved state of this page:', error));
  });

  page.on('cards', (entries) => {
    // Cards start unsaved: only the ones the library knows need a change.
    lookup(entries)
      .then(() => {
        const saved = new Set(entries.filter((entry) => of(entry)));
        if (saved.size) changed(saved);
      })
      .catch((error) => console.warn('[Paperlight] could not read the saved state of this page:', error));
  });

  /**
   * A paper saved or edited elsewhere that no card here names by an id may still be on this page under other ids
   * (its proceedings version, found by title identity, which only the background knows): the cards not shown
   * saved are asked about once more, as a reload would ask. One such question at a time; changes that come
   * meanwhile are answered by one more after it.
   */
  let askingAgain = false;
  /** The ids of papers this page is saving or restoring now: their change events need no question. */
  const writing = new Set<string>();
  const whileWriting = async <T>(ids: readonly string[], write: () => Promise<T>): Promise<T> => {
    for (const id of ids) writing.add(id);
    try {
      return await write();
    } finally {
      for (const id of ids) writing.delete(id);
    }
  };
  let askAgainAfter = false;
  /** Change events received so far: an answer asked for before the latest one may be older than it. */
  let changeEvents = 0;
  const askAgain = async () => {
    if (askingAgain) {
      askAgainAfter = true;
      return;
    }
    askingAgain = true;
    lookups++;
    try {
      do {
        askAgainAfter = false;
        const unsaved = [...page.cards.all()].filter((entry) => !of(entry)).map((entry) => lookupCard(entry.analysis.card));
        const found = new Set<string>();
        for (let i = 0; i < unsaved.length && !page.signal.aborted; i += MAX_LOOKUP_CARDS) {
          const asked = changeEvents;
          const reply = await send({ type: 'lookup', keys: [], cards: unsaved.slice(i, i + MAX_LOOKUP_CARDS) });
          // A change that came while the question was out may be newer than its answer (an answer and a change
          // event travel apart): the answer is dropped and the question asked again after that change.
          if (changeEvents !== asked) {
            askAgainAfter = true;
            break;
          }
          for (const { key, paper } of reply.found) {
            if (byKey.has(key)) continue; // learnt meanwhile from this page's own write, which is newer
            byKey.set(key, remember(paper));
            found.add(key);
          }
        }
        if (found.size && !page.signal.aborted) changed(page.cards.withKeys(found));
      } while (askAgainAfter && !page.signal.aborted);
    } finally {
      askingAgain = false;
      lookups--;
    }
  };

  const stopListening = onTabChange((event) => {
    changeEvents++;
    tagNames = null;
    if (event.reset) {
      byKey.clear();
      askedFor.clear();
      lookup([...page.cards.all()])
        .then(() => changed(new Set(page.cards.all())))
        .catch((error) => console.warn('[Paperlight] could not read the saved state of this page again:', error));
      return;
    }
    const keys = new Set<string>();
    let unknown = false;
    for (const { key, paper } of event.changes) {
      if (paper && ![paper.key, ...paper.aliases].some((id) => byKey.has(id) || writing.has(id))) unknown = true;
      for (const [known, saved] of byKey) {
        if (saved.key !== key) continue;
        // A card key found by title identity (not among the paper's ids) keeps pointing at its paper.
        if (paper) byKey.set(known, tabPaperOf(paper));
        else byKey.delete(known);
        keys.add(known);
      }
      if (paper) remember(paper, keys);
      keys.add(key);
    }
    changed(page.cards.withKeys(keys));
    if (unknown) askAgain().catch((error) => console.warn('[Paperlight] could not read the saved state of this page again:', error));
  });
  page.signal.addEventListener('abort', stopListening, { once: true });

  let toggling = Promise.resolve();
  const save = async (entry: CardEntry) => {
    const data = cardData(entry, page.adapter.id);
    const { paper } = await whileWriting([data.key, ...(data.aliases ?? [])], () => send({ type: 'save', paper: data }));
    remember(paper);
    changed(page.cards.withKeys(keysOf(entry)));
    return paper;
  };

  return {
    of,
    save,
    get settled() {
      return lookups === 0;
    },
    async note(entry) {
      const paper = of(entry);
      if (!paper) return '';
      const { found } = await send({ type: 'lookup', keys: [paper.key] });
      return found[0]?.paper.note ?? '';
    },
    // One toggle after the other, each on what the one before made: asked twice before the first answer (the
    // keyboard command, a key and a click), the second unsaves what the first saved instead of saving it again.
    toggle(entry) {
      const toggled = toggling.then(async () => {
        const saved = of(entry);
        if (!saved) {
          await save(entry);
          return;
        }
        const { removed } = await send({ type: 'remove', key: saved.key });
        if (removed) for (const k of [removed.key, ...removed.aliases]) byKey.delete(k);
        changed(page.cards.withKeys(keysOf(entry)));
        if (removed) page.emit('removed', { entry, paper: removed });
      });
      toggling = toggled.catch(() => undefined);
      return toggled;
    },
    async restore(entry, key) {
      const { restored } = await whileWriting([key], () => send({ type: 'restoreTrashed', keys: [key] }));
      // The card may show its paper by title alone, under none of the paper's ids.
      for (const paper of restored) byKey.set(entry.analysis.card.key, remember(paper));
      changed(page.cards.withKeys(keysOf(entry)));
    },
    async update(entry, change) {
      const paper = of(entry);
      if (!paper) throw new Error('Save the paper first.');
      remember((await send({ type: 'update', key: paper.key, ...change })).paper);
      changed(page.cards.withKeys(keysOf(entry)));
    },
    tagList() {
      tagNames ??= send({ type: 'tags' }).then(({ tags }) => tags);
      return tagNames;
    },
    recordSeen(along) {
      seenAlong = along;
    },
  };
}
