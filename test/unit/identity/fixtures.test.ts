// The identity rule on every saved page of test/fixtures, read by the site adapters as the extension
// reads them. The ids on the cards are the ground truth: two cards carry the same key exactly when they
// are the same paper, so title identity must join the cards that share a key and no others.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { samePaper, titleFingerprint } from '../../../src/core/identity';
import { adapters } from '../../../src/sites';
import type { PaperCard } from '../../../src/sites/types';
import { loadPage } from '../sites/load-page';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

interface PageCard extends PaperCard {
  page: string;
}

function readPages(): PageCard[] {
  const cards: PageCard[] = [];
  for (const adapter of adapters) {
    const dir = path.join(FIXTURES, adapter.id);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.expected.json'))) {
      const { url } = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { url: string };
      const page = `${adapter.id}/${file.replace(/\.expected\.json$/, '.html')}`;
      const document = loadPage(readFileSync(path.join(FIXTURES, page), 'utf8'), url);
      for (const element of adapter.findCards(document)) {
        const card = adapter.readCard(element, url);
        if (card) cards.push({ ...card, page });
      }
    }
  }
  return cards;
}

describe('title identity on the saved pages', { timeout: 60_000 }, () => {
  let cards: PageCard[] = [];
  beforeAll(() => {
    cards = readPages();
  }, 120_000);

  it('joins each of the 34 OpenReview ICML 2024 cards to exactly its PMLR v235 card', () => {
    // Both pages hold the first 34 papers of the volume: OpenReview with MathJax titles and profile
    // names, PMLR with raw TeX titles; the PMLR cards carry the OpenReview id as their key.
    const openreview = cards.filter((c) => c.page === 'openreview/venue-ICML2024-accept-poster.html');
    const pmlr = cards.filter((c) => c.page === 'pmlr/v235.html');
    expect(openreview).toHaveLength(34);
    expect(pmlr).toHaveLength(34);
    for (const card of openreview) {
      const matches = pmlr.filter((other) => samePaper(card, other));
      expect(matches.map((m) => m.key), card.title).toEqual([card.key]);
    }
  });

  it('joins two cards exactly when they carry the same key, across every page', () => {
    const byFingerprint = new Map<string, PageCard[]>();
    for (const card of cards) {
      const fingerprint = titleFingerprint(card.title);
      if (fingerprint) byFingerprint.set(fingerprint, [...(byFingerprint.get(fingerprint) ?? []), card]);
    }
    // Cards of different fingerprints are never the same paper; within a group, the rule must follow the keys.
    let joined = 0;
    for (const group of byFingerprint.values()) {
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) {
          const [a, b] = [group[i]!, group[j]!];
          expect(samePaper(a, b), `${a.page} ${a.key} / ${b.page} ${b.key}`).toBe(a.key === b.key);
          if (a.key === b.key) joined++;
        }
      }
    }
    // Every pair of cards with one key and a title of four words or more lies in one group.
    const byKey = new Map<string, number>();
    for (const card of cards) if (titleFingerprint(card.title)) byKey.set(card.key, (byKey.get(card.key) ?? 0) + 1);
    const pairsByKey = [...byKey.values()].reduce((sum, n) => sum + (n * (n - 1)) / 2, 0);
    expect(joined).toBe(pairsByKey);
    expect(joined).toBeGreaterThanOrEqual(34); // at least the OpenReview/PMLR pairs above
  });
});
