// The identity rule on every saved page of test/fixtures, read by the site adapters as the extension
// reads them. The ids on the cards are the ground truth: two cards carry the same key exactly when they
// are the same paper (but for a few papers listed below that pages name by two unlinked keys), so title
// identity must join the cards that share a key and no others.
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

const CVF = 'url:https://openaccess.thecvf.com/content/CVPR2024/html/';
const NEURIPS = 'url:https://proceedings.neurips.cc/paper_files/paper/2023/hash/';
/**
 * Keys that name one paper on different pages where no page links the two ids: CVF entries without an
 * [arXiv] link and the same papers in dblp's CoRR table of contents, and a bioRxiv preprint and its journal
 * version on dblp (the preprint's own page gives the journal DOI as an alias; listings do not); and the papers
 * that the synthetic arXiv identity page shares with the NeurIPS and PMLR pages.
 */
const ONE_PAPER_TWO_KEYS: ReadonlyArray<readonly [string, string]> = [
  [`${CVF}Ingber_Real_Options_for_Project_Schedules_ROPS_CVPR_2024_paper.html`, 'arxiv:0704.0090'],
  [`${CVF}Mulmuley_Geometric_Complexity_Theory_VI_the_flip_via_saturated_and_positive_CVPR_2024_paper.html`, 'arxiv:0704.0229'],
  [`${CVF}Tan_Inapproximability_of_Maximum_Weighted_Edge_Biclique_and_Its_Applications_CVPR_2024_paper.html`, 'arxiv:0704.0468'],
  [`${CVF}Raginsky_Learning_from_compressed_observations_CVPR_2024_paper.html`, 'arxiv:0704.0671'],
  ['doi:10.1073/pnas.2016239118', 'doi:10.1101/622803'],
  // The synthetic arXiv page made for the identity tests lists papers of the NeurIPS and PMLR pages under arXiv ids.
  [`${NEURIPS}5086004f97fa53cbf4f55ef5b3030867-Abstract-Conference.html`, 'arxiv:0704.0003'],
  [`${NEURIPS}68f374a0dc232ad63bdedf43a7acd7b9-Abstract-Conference.html`, 'arxiv:0704.0009'],
  ['openreview:gVjMwLDFoQ', 'arxiv:2402.06121'],
  ['openreview:MMMHufVc2v', 'arxiv:2402.09812'],
];
const onePaper = (a: string, b: string) => a === b || ONE_PAPER_TWO_KEYS.some(([x, y]) => (a === x && b === y) || (a === y && b === x));

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

  it('joins two cards exactly when they carry the same key (or name one paper by two keys), across every page', () => {
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
          expect(samePaper(a, b), `${a.page} ${a.key} / ${b.page} ${b.key}`).toBe(onePaper(a.key, b.key));
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
