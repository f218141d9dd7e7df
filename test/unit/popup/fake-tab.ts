// A page in a tab, as the popup's `PageTab` reaches it: its cards (card data as a content script reads them from
// the page), a page report built the way the content script answers one (saved state looked up from the real
// background), and a save that goes through the background as the card's own Save button sends it.
import { shownVenue, type SavedPaper } from '../../../src/core/paper';
import type { PageTab } from '../../../src/popup/page-tab';
import type { PageReport } from '../../../src/shared/page-report';
import type { CardData } from '../../../src/shared/messages';
import type { FakeBackground } from './fake-background';

export interface FakeTab extends PageTab {
  /** How many reports were asked for, and which cards were saved through the tab. */
  reports: number;
  saved: string[];
}

export function fakeTab(background: FakeBackground, cards: CardData[], pageUrl = 'https://arxiv.org/list/cs.LG/new'): FakeTab {
  const tab: FakeTab = {
    reports: 0,
    saved: [],
    async report(): Promise<PageReport> {
      tab.reports++;
      const ids = cards.flatMap((card) => [card.key, ...(card.aliases ?? [])]);
      const { found } = await background.sendFromTab({ type: 'lookup', keys: ids }, pageUrl);
      const byId = new Map(found.map(({ key, paper }) => [key, paper]));
      return {
        ok: true,
        adapter: 'arxiv',
        url: pageUrl,
        settled: true,
        health: cards.length > 0 ? 'ok' : 'no-cards',
        cards: cards.map((card) => {
          const paper: SavedPaper | undefined = [card.key, ...(card.aliases ?? [])].map((id) => byId.get(id)).find(Boolean);
          return {
            key: card.key,
            aliases: card.aliases ?? [],
            title: card.title,
            saved: paper !== undefined,
            status: paper?.status ?? null,
            tags: paper?.tags ?? [],
            metrics: card.metrics.length,
            code: card.codeLinks.length,
            venue: shownVenue(paper?.venues, card.venue)?.name ?? null,
          };
        }),
      };
    },
    async saveCard(key) {
      const card = cards.find((c) => c.key === key);
      if (!card) throw new Error('No card on this page has that key any more.');
      tab.saved.push(key);
      return (await background.sendFromTab({ type: 'save', paper: card }, pageUrl)).paper;
    },
  };
  return tab;
}
