// The popup with 10,000 saved papers, in Chromium with the built extension (built once into a temp dir):
// - first paint of the list against a bare `query` of one page of 50 papers, measured alternately in the same
//   run; budget: within 10x. Both on the popup's own path: the baseline is what the popup pays for its first
//   page (the message round trip to the background and the IndexedDB read of 50 records, timed inside an open
//   extension page); the first paint runs from the popup document's navigation start (`performance.now()`'s
//   origin) to the browser's Element Timing of the first row's title, i.e. when the first frame showing the rows
//   was presented. A blank extension page (one line of text, one module script) is measured the same way in the
//   same rounds: the floor that no popup can go under. The first paint is also split where the page's entry
//   starts (`paperlight:popup-start`: the entry reads the newest papers and draws the first rows itself, before
//   the app's code loads; the first row painted is the first frame's, which the app then replaces in place).
//   The popup is opened as the toolbar button opens it: at the page the button holds (`action.getPopup`, read
//   from an extension page before each round's popup is created), which names the library's version in its
//   fragment once the background has set it after the library's last write; the popup then draws its first frame
//   from its own copy labelled with that version, which the previous round's popup kept (src/popup/first-frame-copy.ts);
// - search answering (`searchReadyMs`): from the popup document's navigation start to the mark the popup sets once
//   a search shows every paper that matches outside its abstract, with its final score: since the search snapshot,
//   when the snapshot is parsed and its words can be scanned (before it, when the index's first pass over the whole
//   records was done). The mark, its meaning and the way it is read are unchanged; `summariesLoadedMs` is when
//   the snapshot's papers were listed;
// - search per keystroke (input event → list re-rendered and laid out), typing and erasing real queries over the
//   whole library once its full index is built; budget: under one 16 ms frame;
// - exporting all 10,000 papers from the popup to each format (serialising plus handing the file to the
//   browser); budget: under 1 s each.
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { serialiseBackup } from '../src/core/backup';
import { EXPORT_FORMATS } from '../src/core/export';
import { FIRST_FRAME_FROM_COPY_MARK, FIRST_ROW_TIMING } from '../src/popup/row-layout';
import { launchChromium, type ChromiumSession } from '../test/e2e/harness';
import { sampleLibrary } from '../test/unit/popup/sample-library';

const ROOT = path.resolve(import.meta.dirname, '..');
const PAPERS = 10_000;
const ROUNDS = 11;
const SETTLE_MS = 1500;
const FIRST_PAINT_RATIO_BUDGET = 10;
const KEYSTROKE_BUDGET_MS = 16;
/** Keystroke p95 over the typed queries, in ms. */
const KEYSTROKE_P95_BUDGET_MS = 8;
/** First list paint beyond a blank extension page's, in ms. */
const OVER_BLANK_BUDGET_MS = 30;
/** Search answering (the index's first pass over every paper done), from the popup's navigation start, in ms. */
const SEARCH_READY_BUDGET_MS = 250;
const EXPORT_BUDGET_MS = 1000;
const BLANK_PAGE = 'bench-blank.html';
const QUERIES = ['diffusion transformer', 'lovelace', 'quantization for speech', 'to-cite', 'study 12', 'efficient inference latency'];

const median = (values: number[]) => quantile(values, 0.5);
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
const round1 = (ms: number) => Math.round(ms * 10) / 10;

// Page code is passed as text: the bench runner's transpiler wraps named functions in a helper the page lacks.
const QUERY_ONE_PAGE = `(async () => {
  const start = performance.now();
  const reply = await chrome.runtime.sendMessage({ type: 'query', sort: 'savedAt', direction: 'desc', limit: 50 });
  if (!reply.ok || reply.items.length !== 50) throw new Error('query failed: ' + JSON.stringify(reply).slice(0, 200));
  return performance.now() - start;
})()`;

const TYPE_AND_ERASE = (queries: string[]) => `(async () => {
  const input = document.querySelector('input[type=search]');
  const list = () => document.querySelector('[role=listbox]');
  // After the microtask in which preact renders: a message-channel task.
  const afterRender = () => new Promise((resolve) => { const channel = new MessageChannel(); channel.port1.onmessage = resolve; channel.port2.postMessage(0); });
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const times = [];
  const key = async (value) => {
    const start = performance.now();
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await afterRender();
    (list() ?? document.body).getBoundingClientRect();
    document.querySelector('[role=option]')?.getBoundingClientRect();
    times.push(performance.now() - start);
    await nextFrame();
  };
  for (const query of ${JSON.stringify(queries)}) {
    for (let i = 1; i <= query.length; i++) await key(query.slice(0, i));
    for (let i = query.length - 1; i >= 0; i--) await key(query.slice(0, i));
  }
  return times;
})()`;

/**
 * When the page reached each of `names` (ms from navigation start): performance marks, or the Element Timing of
 * `FIRST_ROW_TIMING` (its presentation time). One call that waits inside the page with a PerformanceObserver:
 * polling from outside would run on the page's main thread while it starts.
 */
async function marks(page: Page, names: string[]): Promise<number[]> {
  return (await page.evaluate(`new Promise((resolve, reject) => {
    const names = ${JSON.stringify(names)};
    const element = ${JSON.stringify(FIRST_ROW_TIMING)};
    const timeOf = (name) => {
      if (name !== element) return performance.getEntriesByName(name, 'mark')[0]?.startTime;
      const entry = painted.find((e) => e.identifier === element);
      return entry && (entry.renderTime || entry.loadTime);
    };
    const painted = [];
    const settle = () => {
      const times = names.map(timeOf);
      if (times.every((t) => t !== undefined)) { marks.disconnect(); elements.disconnect(); resolve(times); }
    };
    const marks = new PerformanceObserver(settle);
    const elements = new PerformanceObserver((list) => { painted.push(...list.getEntries()); settle(); });
    marks.observe({ type: 'mark', buffered: true });
    elements.observe({ type: 'element', buffered: true });
    setTimeout(() => reject(new Error('The page never reached ' + names.join(', '))), 60000);
    settle();
  })`)) as number[];
}

async function openUrl(session: ChromiumSession, url: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 540, height: 580 });
  await page.goto(url);
  return page;
}
const openPage = (session: ChromiumSession, pagePath: string) => openUrl(session, `chrome-extension://${session.extensionId}/${pagePath}`);

/**
 * Opens the popup as the toolbar button does: at the page the button holds (`action.getPopup`, asked from an
 * extension page before the popup's page is created), which may name the library's version in its fragment.
 */
async function openPopup(session: ChromiumSession, extensionPage: Page): Promise<Page> {
  return openUrl(session, (await extensionPage.evaluate('chrome.action.getPopup({})')) as string);
}

/** The floor: an extension page with one line of text and one module script, marked as the popup marks. */
function writeBlankPage(dist: string): void {
  writeFileSync(
    path.join(dist, BLANK_PAGE),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title></head>` +
      `<body><p elementtiming="${FIRST_ROW_TIMING}">A blank extension page</p><script type="module" src="bench-blank.js"></script></body></html>`,
  );
  writeFileSync(
    path.join(dist, 'bench-blank.js'),
    `performance.mark('paperlight:popup-start');\nrequestAnimationFrame(() => setTimeout(() => performance.mark('paperlight:list-painted'), 0));\n`,
  );
}

export default async function popupBench() {
  const dist = mkdtempSync(path.join(tmpdir(), 'paperlight-popup-bench-'));
  // Quiet unless it fails (execSync's error then carries the output).
  execSync(`npx vite build --outDir ${dist}`, { cwd: ROOT, stdio: 'pipe' });
  writeBlankPage(dist);
  const session = await launchChromium({ dist });
  try {
    // A quiet extension page for the bare requests (the popup itself would start loading the library).
    const quiet = await session.openExtensionPage('src/options/index.html');
    const seeded = (await quiet.evaluate(
      `chrome.runtime.sendMessage({ type: 'importBackup', mode: 'replace', text: ${JSON.stringify(serialiseBackup(sampleLibrary(PAPERS), new Date()))} })`,
    )) as { ok: boolean; added: number };
    if (!seeded.ok || seeded.added !== PAPERS) throw new Error(`seeding failed: ${JSON.stringify(seeded)}`);

    const onePage: number[] = [];
    const firstPaint: number[] = [];
    const appStart: number[] = [];
    const paintedMark: number[] = [];
    const libraryLoaded: number[] = [];
    const summariesLoaded: number[] = [];
    const searchReady: number[] = [];
    const searchIndexed: number[] = [];
    const blankPaint: number[] = [];
    const blankStart: number[] = [];
    /** The length of the page the popup was opened at, and in how many rounds it drew its first frame from it. */
    let popupUrlChars = 0;
    let framesFromCopy = 0;
    for (let round = 0; round < ROUNDS; round++) {
      // As when a person opens the popup: the previous popup's read of the whole library has settled.
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      for (let i = 0; i < 3; i++) onePage.push((await quiet.evaluate(QUERY_ONE_PAGE)) as number);
      const blank = await openPage(session, BLANK_PAGE);
      const [blankStarted, blankPainted] = await marks(blank, ['paperlight:popup-start', FIRST_ROW_TIMING]);
      blankStart.push(blankStarted!);
      blankPaint.push(blankPainted!);
      await blank.close();
      const popup = await openPopup(session, quiet);
      popupUrlChars = popup.url().length;
      const [start, painted, mark, loaded, ready, indexed, summaries] = await marks(popup, [
        'paperlight:popup-start', FIRST_ROW_TIMING, 'paperlight:list-painted', 'paperlight:library-loaded', 'paperlight:search-answering',
        'paperlight:search-ready', 'paperlight:summaries-loaded',
      ]);
      summariesLoaded.push(summaries!);
      appStart.push(start!);
      firstPaint.push(painted!);
      paintedMark.push(mark!);
      libraryLoaded.push(loaded!);
      searchReady.push(ready!);
      searchIndexed.push(indexed!);
      if ((await popup.evaluate(`performance.getEntriesByName(${JSON.stringify(FIRST_FRAME_FROM_COPY_MARK)}).length`)) === 1) framesFromCopy++;
      await popup.close();
    }

    const popup = await openPopup(session, quiet);
    await marks(popup, ['paperlight:search-ready']);
    const keystrokes = (await popup.evaluate(TYPE_AND_ERASE(QUERIES))) as number[];

    const exportMs: Record<string, number> = {};
    for (const format of EXPORT_FORMATS) {
      await popup.getByRole('button', { name: 'Export…' }).first().click();
      const dialog = popup.getByRole('dialog', { name: 'Export papers' });
      await dialog.getByRole('radio', { name: new RegExp(`^${format.label.replace(/[()]/g, '\\$&')}`) }).check();
      await dialog.getByRole('radio', { name: /^The whole library/ }).check();
      const download = popup.waitForEvent('download');
      await dialog.getByRole('button', { name: /^Download/ }).click();
      await download;
      const measure = `paperlight:exported:${format.id}`;
      exportMs[format.id] = round1((await popup.evaluate(`performance.getEntriesByName(${JSON.stringify(measure)}).at(-1).duration`)) as number);
    }

    const firstPaintMs = round1(median(firstPaint));
    const getAllOnePageMs = round1(median(onePage));
    const ratio = Math.round((firstPaintMs / getAllOnePageMs) * 100) / 100;
    const blankPageFirstPaintMs = round1(median(blankPaint));
    const searchKeystrokeMs = { median: round1(median(keystrokes)), p95: round1(quantile(keystrokes, 0.95)), max: round1(Math.max(...keystrokes)), keystrokes: keystrokes.length };
    const slowestExport = Math.max(...Object.values(exportMs));
    const overBlankPageMs = round1(median(firstPaint.map((paint, i) => paint - blankPaint[i]!)));
    const searchReadyMs = round1(median(searchReady));
    return {
      popup: {
        papers: PAPERS,
        rounds: ROUNDS,
        firstPaintMs,
        getAllOnePageMs,
        ratio,
        // The floor: a blank extension page's first paint, measured the same way in the same rounds, its ratio
        // to the same baseline, and what the popup takes beyond it (median of the per-round differences).
        blankPageFirstPaintMs,
        blankPageRatio: Math.round((blankPageFirstPaintMs / getAllOnePageMs) * 100) / 100,
        overBlankPageMs,
        overBlankPageBudgetMs: OVER_BLANK_BUDGET_MS,
        overBlankPageWithinBudget: overBlankPageMs <= OVER_BLANK_BUDGET_MS,
        // The first paint split in two: the browser creating the page and loading its entry (the blank page's
        // script starts at `blankPageStartMs`), then the entry (reading the first page, drawing it, painting).
        pageStartMs: round1(median(appStart)),
        // The page the toolbar button opened (its length, fragment included), and in how many of the rounds the
        // popup drew its first frame from its copy rather than from the database.
        popupUrlChars,
        firstFramesFromCopy: framesFromCopy,
        blankPageStartMs: round1(median(blankStart)),
        appToPaintMs: round1(median(firstPaint.map((paint, i) => paint - appStart[i]!))),
        // The app's own mark, set from the page's main thread after the frame showing the rows was produced
        // (the Element Timing above is when that frame was presented).
        listPaintedMarkMs: round1(median(paintedMark)),
        libraryLoadedMs: round1(median(libraryLoaded)),
        // Every paper listed from the search snapshot (before the whole records of `libraryLoadedMs`).
        summariesLoadedMs: round1(median(summariesLoaded)),
        // Search answers once every paper's title, tags, authors and note can be searched (the snapshot's words, or
        // the index's first pass without a snapshot): from then on a search shows every paper matched outside its
        // abstract, exactly scored; abstract matches follow when the whole index is built (`searchFullIndexMs`).
        // Both from the popup's navigation start.
        searchReadyMs,
        searchReadyBudgetMs: SEARCH_READY_BUDGET_MS,
        searchReadyWithinBudget: searchReadyMs <= SEARCH_READY_BUDGET_MS,
        searchFullIndexMs: round1(median(searchIndexed)),
        searchKeystrokeMs,
        searchKeystrokeP95BudgetMs: KEYSTROKE_P95_BUDGET_MS,
        searchKeystrokeP95WithinBudget: searchKeystrokeMs.p95 <= KEYSTROKE_P95_BUDGET_MS,
        exportMs,
        budget: {
          firstPaintRatio: FIRST_PAINT_RATIO_BUDGET,
          keystrokeMs: KEYSTROKE_BUDGET_MS,
          exportMs: EXPORT_BUDGET_MS,
          firstPaintWithin: ratio <= FIRST_PAINT_RATIO_BUDGET,
          keystrokeWithin: searchKeystrokeMs.max < KEYSTROKE_BUDGET_MS,
          keystrokeP95Within: searchKeystrokeMs.p95 < KEYSTROKE_BUDGET_MS,
          exportWithin: slowestExport < EXPORT_BUDGET_MS,
        },
      },
    };
  } finally {
    await session.close();
    rmSync(dist, { recursive: true, force: true });
  }
}
