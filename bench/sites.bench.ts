// Site adapters: cards recognised per millisecond. The largest fixture of all sites is parsed with
// happy-dom once; only the adapter's work (findCards + readCard of every card) is timed, as the content
// script does it on each scan. The first pass also pays for one-off work (Hugging Face parses its
// hydration JSON once per island), so it is reported apart from the median of the later passes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { adapters } from '../src/sites';
import type { SiteAdapter } from '../src/sites/types';
import { loadPage } from '../test/unit/sites/load-page';
import { median, round } from './stats';

const FIXTURES = path.resolve(import.meta.dirname, '../test/fixtures');
const RUNS = 30;

interface Page {
  adapter: SiteAdapter;
  file: string;
  bytes: number;
  url: string;
}

/** Every fixture page with its expected.json (which names the URL it stands for). */
function pages(): Page[] {
  return adapters.flatMap((adapter) => {
    const dir = path.join(FIXTURES, adapter.id);
    let files: string[];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.expected.json'));
    } catch {
      return [];
    }
    return files.map((f) => {
      const file = path.join(dir, f.replace(/\.expected\.json$/, '.html'));
      const { url } = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { url: string };
      return { adapter, file, bytes: statSync(file).size, url };
    });
  });
}

function measure(page: Page) {
  const document = loadPage(readFileSync(page.file, 'utf8'), page.url);
  const pass = () => {
    const start = performance.now();
    const cards = page.adapter.findCards(document);
    let read = 0;
    for (const card of cards) if (page.adapter.readCard(card, page.url)) read++;
    return { ms: performance.now() - start, cards: cards.length, read };
  };
  const first = pass();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(pass().ms);
  const medianMs = median(times);
  return {
    adapter: page.adapter.id,
    fixture: path.relative(FIXTURES, page.file),
    bytes: page.bytes,
    cards: first.cards,
    cardsRead: first.read,
    firstPassMs: round(first.ms, 3),
    medianMs: round(medianMs, 3),
    cardsPerMs: round(first.cards / medianMs, 3),
  };
}


export default async function sitesBench() {
  const all = pages();
  const largest = all.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  // The largest page of each site as well: a slow adapter hides behind a fast one otherwise.
  const bySite = new Map<string, Page>();
  for (const page of all) if (!bySite.has(page.adapter.id) || page.bytes > bySite.get(page.adapter.id)!.bytes) bySite.set(page.adapter.id, page);
  const main = measure(largest);
  return {
    sites: {
      largestFixture: main.fixture,
      ...main,
      runs: RUNS,
      perSite: Object.fromEntries([...bySite].map(([id, page]) => {
        const { fixture, cards, medianMs, cardsPerMs } = measure(page);
        return [id, { fixture, cards, medianMs, cardsPerMs }];
      })),
    },
  };
}
