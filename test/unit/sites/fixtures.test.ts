// One loop over every fixture page (docs/fixtures.md): test/fixtures/<adapter id>/<page>.html with <page>.expected.json
// beside it. A new fixture needs no new test code.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterFor, adapters } from '../../../src/sites';
import type { PaperCard } from '../../../src/sites/types';
import { withCodeFindings } from './code-findings';
import { loadPage } from './load-page';

interface ExpectedPage {
  /** The real URL the page stands for. */
  url: string;
  /** Exact number of cards findCards returns. */
  cardCount: number;
  /** Cards readCard skips for want of an id (default 0). */
  skipped?: number;
  /** Full records of some cards, by position among the cards findCards returns. */
  cards: Array<{ index: number; abstractShown?: boolean } & Omit<PaperCard, 'abstractEl' | 'titleEl'>>;
}

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
const pages = adapters.flatMap((adapter) => {
  const dir = path.join(FIXTURES, adapter.id);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => ({ adapter, html: path.join(dir, f.replace(/\.expected\.json$/, '.html')), expected: path.join(dir, f) }));
});

function plain(card: PaperCard) {
  const { abstractEl: _a, titleEl: _t, ...data } = card;
  return JSON.parse(JSON.stringify(data)) as Omit<PaperCard, 'abstractEl' | 'titleEl'>;
}

describe.each(pages)('$adapter.id: $html', ({ adapter, html, expected: expectedPath }) => {
  const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as ExpectedPage;
  const document = loadPage(readFileSync(html, 'utf8'), expected.url);

  it('is claimed by its adapter', () => {
    // The generic fallback is never claimed by URL: the user enables it per site.
    expect(adapterFor(expected.url)?.id).toBe(adapter.id === 'generic' ? undefined : adapter.id);
  });

  it(`finds exactly ${expected.cardCount} cards and reads all but ${expected.skipped ?? 0}`, () => {
    const cards = adapter.findCards(document);
    expect(cards).toHaveLength(expected.cardCount);
    const read = cards.map((card) => adapter.readCard(card, expected.url));
    expect(read.filter((c) => c === undefined)).toHaveLength(expected.skipped ?? 0);
    const keys = read.flatMap((c) => (c ? [c.key] : []));
    expect(new Set(keys).size, 'keys are unique on a page').toBe(keys.length);
  });

  it.each(expected.cards.map((c) => [c.index, c] as const))('reads card %i in full', (index, card) => {
    const { index: _i, abstractShown, ...record } = card;
    const element = adapter.findCards(document)[index];
    expect(element).toBeDefined();
    const read = adapter.readCard(element!, expected.url);
    expect(read).toBeDefined();
    // The expected code links are the reader's: the card's own and the ones its abstract states.
    expect(plain(withCodeFindings(read!))).toEqual(record);
    if (abstractShown !== undefined) expect(Boolean(read!.abstractEl)).toBe(abstractShown);
  });
});

it('every adapter has at least one fixture page', () => {
  // Sites whose pages no public source describes carry a hand-written page labelled synthetic in its file name.
  for (const adapter of adapters) {
    expect(pages.some((p) => p.adapter === adapter), `${adapter.id} has no fixture`).toBe(true);
  }
});
