// A web page learns nothing of the extension from its files: the built extension lists none of them as
// web-accessible (scripts/build-plugins/no-page-resources.ts), so a page cannot fetch any to tell that Paperlight is
// installed, while the generic fallback's script, which the background registers at run time, still runs where
// it is registered (the browser injects a registered script from the extension itself).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROME_DIST, FIREFOX_DIST, FIXTURES, exactUrl, launchChromium, routeHtml, type ChromiumSession } from './harness';
import { settledReport } from './page-report';
import { SETTINGS_KEY } from '../../src/shared/settings';

declare const chrome: {
  scripting: { getRegisteredContentScripts(): Promise<Array<{ js?: string[]; runAt?: string }>> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
};

/** Every file of the build, as a path relative to its root. */
function builtFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => entry.isDirectory()
    ? builtFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
    : [`${prefix}${entry.name}`]);
}

/** How many of `urls` a page's own `fetch` can read. */
function readable(page: Page, urls: readonly string[]): Promise<number> {
  return page.evaluate(async (list) => {
    const results = await Promise.all(list.map((url) => fetch(url).then((response) => response.ok, () => false)));
    return results.filter(Boolean).length;
  }, urls);
}

const PROBE_URL = 'https://arxiv.org/paperlight-test/probe';
/** A path of an origin the extension may read, which no site adapter claims: only the generic script runs there. */
const LAB_URL = 'https://arxiv.org/paperlight-test/lab/publications';
const GENERIC_SCRIPT = 'src/content/generic-entry.js';
const SHIELD_SCRIPT = 'src/content/shield-entry.js';

let session: ChromiumSession;
beforeAll(async () => {
  session = await launchChromium();
});
afterAll(() => session?.close());

describe('the files of the extension', () => {
  it('are listed as web-accessible in neither build', () => {
    for (const dist of [CHROME_DIST, FIREFOX_DIST]) {
      const manifest = JSON.parse(readFileSync(path.join(dist, 'manifest.json'), 'utf8')) as Record<string, unknown>;
      expect(manifest).not.toHaveProperty('web_accessible_resources');
    }
  });

  it('cannot be fetched by a web page, though the extension itself reads every one', async () => {
    const files = builtFiles(CHROME_DIST);
    expect(files).toContain(GENERIC_SCRIPT);
    const urls = files.map((file) => `chrome-extension://${session.extensionId}/${file}`);
    const own = await session.openExtensionPage('src/popup/index.html');
    expect(await readable(own, urls)).toBe(urls.length);
    await routeHtml(session.context, exactUrl(PROBE_URL), '<!doctype html><title>probe</title><p>A page that looks for extensions.</p>');
    const page = await session.context.newPage();
    await page.goto(PROBE_URL);
    expect(await readable(page, urls)).toBe(0);
    await Promise.all([page.close(), own.close()]);
  });

  it('still run the generic script where the background registers it', async () => {
    // The user enables the generic fallback on an origin the extension may read (a test profile cannot grant
    // another): the background registers the script there itself (background/generic-sites.ts).
    const extensionPage = await session.openExtensionPage('src/popup/index.html');
    await extensionPage.evaluate(async ([key, origin]) => {
      const stored = await chrome.storage.local.get(key);
      await chrome.storage.local.set({ [key]: { ...(stored[key] as object | undefined), genericOrigins: [origin] } });
    }, [SETTINGS_KEY, new URL(LAB_URL).origin] as const);
    const worker = await session.serviceWorker();
    // The shield with it, at document_start (src/content/shield/shield.ts).
    await expect.poll(() => worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((script) => [script.js, script.runAt])))
      .toEqual([[[SHIELD_SCRIPT], 'document_start'], [[GENERIC_SCRIPT], 'document_idle']]);
    const fixture = path.join(FIXTURES, 'generic', 'lab-publications.synthetic');
    const expected = JSON.parse(readFileSync(`${fixture}.expected.json`, 'utf8')) as { cardCount: number; cards: Array<{ key: string }> };
    await routeHtml(session.context, exactUrl(LAB_URL), readFileSync(`${fixture}.html`, 'utf8'));
    const page = await session.context.newPage();
    await page.goto(LAB_URL);
    const report = await settledReport(extensionPage, page);
    expect(report.adapter).toBe('generic');
    expect(report.cards).toHaveLength(expected.cardCount);
    expect(report.cards.map((card) => card.key)).toEqual(expect.arrayContaining(expected.cards.map((card) => card.key)));
    await Promise.all([page.close(), extensionPage.close()]);
  });
});
