// The popup's first frame is styled by its own small stylesheet (src/popup/first-frame.css, linked from the page);
// the rest of the popup's styles (popup.css) load with the app's code. In Chromium with the built extension: every
// element of the header and of the rows drawn, once the app has taken over (the same elements the entry's frame
// draws: test/unit/popup/first-frame.test.tsx), has the same computed style, every property, with the page's
// first stylesheet alone as with all of them; so the first frame looks as the settled popup does, and nothing of
// it moves or changes colour when the rest arrives. As the toolbar popup and in a tab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serialiseBackup } from '../../src/core/backup';
import type { MetricKind } from '../../src/core/metric-types';
import type { ReadingStatus } from '../../src/core/paper';
import { sampleLibrary } from '../unit/popup/sample-library';
import { launchChromium, sendFromExtensionPage, type ChromiumSession } from './harness';

/** The newest papers show every status and every kind of metric chip, so that each of their rules is compared. */
const STATUSES: ReadingStatus[] = ['to-read', 'reading', 'read', 'skip'];
const KINDS: MetricKind[] = ['speedup', 'accuracy', 'size', 'compute', 'data', 'other'];
const library = [...sampleLibrary(30)].sort((a, b) => b.savedAt - a.savedAt).map((paper, i) => ({
  ...paper,
  status: STATUSES[i % STATUSES.length]!,
  metrics: paper.metrics.map((metric, j) => ({ ...metric, kind: KINDS[(i + j) % KINDS.length]! })),
}));

let session: ChromiumSession;

beforeAll(async () => {
  session = await launchChromium();
  const sender = await session.openExtensionPage('src/options/index.html');
  const reply = await sendFromExtensionPage<{ ok: boolean; error?: string }>(sender,
    { type: 'importBackup', text: serialiseBackup(library, new Date()), mode: 'replace' });
  if (!reply.ok) throw new Error(reply.error);
}, 60_000);
afterAll(() => session?.close());

interface Styles {
  /** How many stylesheets the page has, and whether the first one holds the rows' rule. */
  sheets: number;
  firstHoldsRows: boolean;
  /** Per element (a path of tag and classes), every computed property that differs with the first sheet alone. */
  differences: Record<string, Record<string, [full: string, firstOnly: string]>>;
  elements: number;
  classes: string[];
}

/** Opens the popup, waits until the app has taken over, and compares the frame's styles with and without the rest. */
async function compareStyles(query: string, size: { width: number; height: number }): Promise<Styles> {
  const page: Page = await session.context.newPage();
  await page.setViewportSize(size);
  await page.goto(`chrome-extension://${session.extensionId}/src/popup/index.html${query}`);
  await page.waitForFunction(() => performance.getEntriesByName('paperlight:summaries-loaded').length > 0, null, { timeout: 15_000 });
  const styles = await page.evaluate(() => {
    // What the app shows beside the frame (here the backup notice, announced once, between the header and the
    // list) is styled by the rest alone, and its height would change the list's: it is not part of the frame.
    for (const extra of document.querySelectorAll('.app > :not(header, main.content)')) extra.remove();
    const frame = [document.documentElement, document.body, ...document.querySelectorAll('#app, .app, .app > header, .app > header *, .content, .list-area, .list, .list-spacer, .row, .row *')];
    const path = (element: Element) => {
      const parts: string[] = [];
      for (let node: Element | null = element; node; node = node.parentElement) {
        const index = node.parentElement ? [...node.parentElement.children].indexOf(node) : 0;
        parts.unshift(`${node.tagName.toLowerCase()}${[...node.classList].map((name) => `.${name}`).join('')}:${index}`);
      }
      return parts.join(' > ');
    };
    const read = () => frame.map((element) => {
      const style = getComputedStyle(element);
      return Object.fromEntries([...style].map((name) => [name, style.getPropertyValue(name)]));
    });
    const full = read();
    const sheets = [...document.styleSheets];
    for (const sheet of sheets.slice(1)) sheet.disabled = true;
    const firstOnly = read();
    for (const sheet of sheets.slice(1)) sheet.disabled = false;
    const differences: Record<string, Record<string, [string, string]>> = {};
    frame.forEach((element, i) => {
      for (const [name, value] of Object.entries(full[i]!)) {
        if (firstOnly[i]![name] !== value) (differences[path(element)] ??= {})[name] = [value, firstOnly[i]![name]!];
      }
    });
    return {
      sheets: sheets.length,
      firstHoldsRows: [...sheets[0]!.cssRules].some((rule) => rule instanceof CSSStyleRule && rule.selectorText === '.row-title'),
      differences,
      elements: frame.length,
      classes: [...new Set(frame.flatMap((element) => [...element.classList]))].sort(),
    };
  });
  await page.close();
  return styles;
}

describe('Chromium: the popup\'s first stylesheet gives the first frame the styles of the whole popup', () => {
  for (const [where, query, size] of [
    ['the toolbar popup', '', { width: 540, height: 580 }],
    ['a tab', '?tab', { width: 1280, height: 800 }],
  ] as const) {
    it(`as ${where}: every property of the header and the rows, with the first stylesheet alone as with all`, async () => {
      const styles = await compareStyles(query, size);
      // The page links the first stylesheet; the app's code brought the rest.
      expect(styles.sheets).toBe(2);
      expect(styles.firstHoldsRows).toBe(true);
      // Every status and every kind of metric was drawn, so each of their rules was compared.
      expect(styles.classes).toEqual(expect.arrayContaining([
        'status-to-read', 'status-reading', 'status-read', 'status-skip', 'metric-speed', 'metric-quality',
        'metric-size', 'metric-compute', 'metric-data', 'metric-other', 'code-badge', 'row-check', 'active',
      ]));
      expect(styles.elements).toBeGreaterThan(150);
      expect(styles.differences).toEqual({});
    });
  }
});
