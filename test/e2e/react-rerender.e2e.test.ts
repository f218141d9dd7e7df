// A React app re-rendering its cards under Paperlight, in Chromium with the built extension: the synthetic
// Semantic-Scholar-style page of test/fixtures/react (React from npm) is served under a real Semantic Scholar
// search URL and goes through 100 rounds of re-renders, reorders, removals, additions, replaced rows, expanded
// abstracts and remounts, half of them from a real click on the page's "Next round" button and half from a
// timer, then a burst of 20 rounds without pause. After each round: no error from the page, every row marked
// once with its own key, one toolbar per row naming its paper, the metrics each abstract states highlighted
// (written out beside the page's data), the code link in the text highlighted and left as text (React owns
// that text node), and a paper saved midway shown as saved whichever element shows it.
import path from 'node:path';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FIXTURES, exactUrl, launchChromium, routeHtml, sendFromExtensionPage, type ChromiumSession } from './harness';
import { openClosedUi, type ClosedUi } from './closed-ui';
import { askPageReport } from './page-report';

const URL = 'https://www.semanticscholar.org/search?q=synthetic%20react%20cards&sort=relevance';
const SCRIPT_URL = 'https://www.semanticscholar.org/_synthetic/s2-cards.js';
const SHELL = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>synthetic react cards | Semantic Scholar</title>
<style>
body { font: 14px/1.4 sans-serif; margin: 0; }
.result-page { max-width: 900px; margin: 0 auto; padding: 8px; }
.cl-paper-row { margin: 6px 0; padding: 6px 12px; border: 1px solid #ddd; }
.cl-paper-title { font-size: 16px; margin: 0; }
.cl-paper__bulleted-row { list-style: none; display: flex; gap: 8px; margin: 2px 0; padding: 0; font-size: 12px; }
.cl-paper-abstract { margin: 2px 0; }
</style></head>
<body><div id="app"></div><script src="/_synthetic/s2-cards.js"></script></body></html>`;

interface PageRow {
  key: string;
  title: string;
  metrics: string[];
  code: string[];
}

declare const s2Synthetic: { later(ms: number): void; state(): PageRow[]; kinds(): string[] };

/** The page script and React, bundled now (development builds: React reports more of what goes wrong). */
async function bundlePage(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': JSON.stringify('development') },
    build: {
      write: false,
      minify: false,
      lib: { entry: path.join(FIXTURES, 'react/s2-cards-synthetic.js'), formats: ['iife'], name: 'S2Synthetic', fileName: 's2-cards' },
    },
  });
  const [output] = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  return output!.output[0].code;
}

/** Per marked card, in page order: the texts of its metric highlights and of its code-link highlights, and links inside its abstract. */
function readMarks() {
  const byName = (wanted: (name: string) => boolean) => {
    const ranges: Range[] = [];
    for (const [name, highlight] of CSS.highlights) if (wanted(name)) ranges.push(...([...(highlight as Highlight)] as Range[]));
    return ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  };
  const metrics = byName((name) => name.startsWith('paperlight-') && name !== 'paperlight-code-link');
  const links = byName((name) => name === 'paperlight-code-link');
  return [...document.querySelectorAll('[data-paperlight-id]')].map((card) => ({
    key: card.getAttribute('data-paperlight-id')!,
    metrics: metrics.filter((r) => card.contains(r.startContainer)).map((r) => r.toString()),
    code: links.filter((r) => card.contains(r.startContainer)).map((r) => r.toString()),
    anchorsInAbstract: card.querySelectorAll('.cl-paper-abstract a').length,
  }));
}

let session: ChromiumSession;
let extensionPage: Page;

beforeAll(async () => {
  const script = await bundlePage();
  session = await launchChromium();
  await routeHtml(session.context, exactUrl(URL), SHELL);
  await session.context.route(exactUrl(SCRIPT_URL), (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: script }));
  extensionPage = await session.openExtensionPage('src/popup/index.html');
});
afterAll(() => session?.close());

/** What differs between the page's rows and Paperlight's marks, toolbars and report ('' when nothing does). */
async function differences(page: Page, ui: ClosedUi, savedKey: string | null): Promise<string> {
  const rows = await page.evaluate(() => s2Synthetic.state());
  const marks = await page.evaluate(readMarks);
  const expectedMarks = rows.map((row) => ({ key: row.key, metrics: row.metrics, code: row.code, anchorsInAbstract: 0 }));
  if (JSON.stringify(marks) !== JSON.stringify(expectedMarks)) return `marks ${JSON.stringify(marks)} ≠ ${JSON.stringify(expectedMarks)}`;
  const toolbars = await ui.cardToolbars();
  const expectedToolbars = rows.map((row) => ({
    key: row.key,
    toolbars: [{ label: `Paperlight: ${row.title}`, save: row.key === savedKey ? '★ Saved' : '☆ Save' }],
  }));
  if (JSON.stringify(toolbars) !== JSON.stringify(expectedToolbars)) return `toolbars ${JSON.stringify(toolbars)}`;
  const report = await askPageReport(extensionPage, page.url());
  if (!('cards' in report)) return report.error;
  const reported = report.cards.map((c) => `${c.key}${c.saved ? '*' : ''}`);
  const expectedReport = rows.map((row) => `${row.key}${row.key === savedKey ? '*' : ''}`);
  if (JSON.stringify(reported) !== JSON.stringify(expectedReport)) return `report ${reported} ≠ ${expectedReport}`;
  return '';
}

describe('a React page re-rendering its cards', () => {
  it('stays annotated exactly once, correctly, through 100 rounds and a burst, with no error from the page', async () => {
    const page = await session.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
    });
    await page.goto(URL);
    const ui = await openClosedUi(session.context, page);
    const settle = async (savedKey: string | null, round: number) =>
      expect.poll(() => differences(page, ui, savedKey), { timeout: 10_000, message: `round ${round}` }).toBe('');
    await settle(null, 0);

    let savedKey: string | null = null;
    for (let round = 1; round <= 100; round++) {
      if (round % 2) await page.click('#next-round');
      else await page.evaluate(() => s2Synthetic.later(5));
      await page.waitForFunction((n) => document.querySelector('.result-page')?.getAttribute('data-round') === String(n), round);
      if (round === 50) {
        // Saved midway by a real click; every later element showing that paper shows it saved.
        const [first] = await page.evaluate(() => s2Synthetic.state());
        savedKey = first!.key;
        await ui.click(await ui.inToolbar(savedKey, { tag: 'button', cls: 'save' }));
      }
      await settle(savedKey, round);
    }

    await page.evaluate(() => {
      for (let i = 1; i <= 20; i++) s2Synthetic.later(i * 3);
    });
    await page.waitForFunction(() => document.querySelector('.result-page')?.getAttribute('data-round') === '120');
    await settle(savedKey, 120);
    expect(errors).toEqual([]);
    // Every kind of change happened, several times.
    const kinds = await page.evaluate(() => s2Synthetic.kinds());
    expect(kinds.length).toBe(120);
    const counts = Object.fromEntries(['rerender', 'reorder', 'remove', 'add', 'replace', 'expand', 'remount', 'reload', 'rewrite']
      .map((kind) => [kind, kinds.filter((k) => k === kind).length >= 3]));
    expect(counts).toEqual({ rerender: true, reorder: true, remove: true, add: true, replace: true, expand: true, remount: true, reload: true, rewrite: true });
    const library = await sendFromExtensionPage<{ papers: Array<{ key: string }> }>(extensionPage, { type: 'getAll' });
    expect(library.papers.map((p) => p.key)).toEqual([savedKey]);
    await ui.close();
    await page.close();
  });
});
