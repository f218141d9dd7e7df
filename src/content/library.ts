// The content script's view of the user's library: the saved state of the papers on this page
// (looked up in batches, by key and by alias), kept current by the background's change broadcasts.
import type { SavedPaper } from '../core/paper';
import { onChange, send } from '../shared/client';
import { MESSAGE_LIMITS, type CardData, type TagCount, type UpdateRequest } from '../shared/messages';

export type LibraryChange = { keys: Set<string> } | { reset: true };

export class LibraryView {
  /** Saved papers by canonical key and by every alias. */
  private readonly byKey = new Map<string, SavedPaper>();
  private readonly askedFor = new Set<string>();
  private tagNames: Promise<TagCount[]> | null = null;

  constructor(private readonly onUpdate: (change: LibraryChange) => void) {}

  /** Subscribes to change broadcasts; returns the unsubscribe function. */
  listen(): () => void {
    return onChange((event) => {
      this.tagNames = null;
      if (event.reset) {
        this.byKey.clear();
        const keys = [...this.askedFor];
        this.askedFor.clear();
        void this.lookup(keys).then(() => this.onUpdate({ reset: true }));
        return;
      }
      const keys = new Set<string>();
      for (const { key, paper } of event.changes) {
        for (const [known, saved] of this.byKey) {
          if (saved.key === key) {
            this.byKey.delete(known);
            keys.add(known);
          }
        }
        if (paper) this.remember(paper, keys);
        keys.add(key);
      }
      this.onUpdate({ keys });
    });
  }

  private remember(paper: SavedPaper, touched?: Set<string>): void {
    for (const key of [paper.key, ...paper.aliases]) {
      this.byKey.set(key, paper);
      touched?.add(key);
    }
  }

  /** Asks the background which of these keys are saved (each key is asked once). */
  async lookup(keys: readonly string[]): Promise<void> {
    const fresh = [...new Set(keys)].filter((k) => !this.askedFor.has(k));
    for (const k of fresh) this.askedFor.add(k);
    for (let i = 0; i < fresh.length; i += MESSAGE_LIMITS.lookupKeys) {
      const { found } = await send({ type: 'lookup', keys: fresh.slice(i, i + MESSAGE_LIMITS.lookupKeys) });
      for (const { key, paper } of found) {
        this.byKey.set(key, paper);
        this.remember(paper);
      }
    }
  }

  /** The saved record for a card, found by its key or any of its aliases. */
  get(key: string, aliases: readonly string[] = []): SavedPaper | undefined {
    return this.byKey.get(key) ?? aliases.map((a) => this.byKey.get(a)).find(Boolean);
  }

  async save(card: CardData): Promise<SavedPaper> {
    const { paper } = await send({ type: 'save', paper: card });
    this.remember(paper);
    return paper;
  }

  async update(key: string, change: Omit<UpdateRequest, 'type' | 'key'>): Promise<SavedPaper> {
    const { paper } = await send({ type: 'update', key, ...change });
    this.remember(paper);
    return paper;
  }

  async remove(key: string): Promise<SavedPaper | null> {
    const { removed } = await send({ type: 'remove', key });
    if (removed) for (const k of [removed.key, ...removed.aliases]) this.byKey.delete(k);
    return removed;
  }

  /** Every tag in use with its count, for the tag field's autocomplete (asked once, until a change). */
  tagList(): Promise<TagCount[]> {
    this.tagNames ??= send({ type: 'tags' }).then(({ tags }) => tags);
    return this.tagNames;
  }
}
