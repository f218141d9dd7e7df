// Firefox ESR harness: puppeteer-core drives stock firefox-esr over WebDriver BiDi and installs
// dist-firefox/ as a temporary add-on. Fixtures are fulfilled under their real URLs by request
// interception, and every other request is aborted.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page, type HTTPRequest } from 'puppeteer-core';
import { expect } from 'vitest';
import type { PageReport } from '../../src/shared/page-report';
import { FIREFOX_DIST, FIREFOX_PATH, GECKO_ID, readFixture } from './harness';

export interface FirefoxRoute {
  /** Matches the request URL. */
  url: RegExp;
  /** Path under test/fixtures/, or an inline body. */
  file?: string;
  body?: string;
  contentType?: string;
}

export interface FirefoxSession {
  browser: Browser;
  uuid: string;
  /** A new tab whose requests are served from `routes` (the first match wins). */
  newPage(routes: FirefoxRoute[]): Promise<Page>;
  /** Opens an extension page and returns once it has loaded (BiDi never reports the navigation done). */
  openExtensionPage(pagePath: string): Promise<Page>;
  close(): Promise<void>;
}

/** `prefs`: more Firefox preferences (a downloads folder, say). */
export async function launchFirefox(options: { prefs?: Record<string, unknown> } = {}): Promise<FirefoxSession> {
  if (!existsSync(path.join(FIREFOX_DIST, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${FIREFOX_DIST}: run \`npm run build:firefox\` first.`);
  }
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // Without this, BiDi refuses to navigate to moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // Pin the moz-extension:// host so extension pages have a known URL.
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      'network.dns.disableIPv6': true,
      ...options.prefs,
    },
  });
  await browser.installExtension(FIREFOX_DIST);
  return {
    browser,
    uuid,
    async newPage(routes) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      const bodies = await Promise.all(routes.map(async (r) => r.body ?? (r.file ? await readFixture(r.file) : '')));
      await page.setRequestInterception(true);
      page.on('request', (request: HTTPRequest) => {
        const url = request.url();
        if (!/^https?:/.test(url)) return void request.continue();
        const index = routes.findIndex((r) => r.url.test(url));
        if (index < 0) return void request.abort('internetdisconnected');
        void request.respond({
          status: 200,
          contentType: routes[index]!.contentType ?? 'text/html; charset=utf-8',
          body: bodies[index]!,
        });
      });
      return page;
    },
    async openExtensionPage(pagePath) {
      const page = await browser.newPage();
      const url = `moz-extension://${uuid}/${pagePath}`;
      page.goto(url).catch(() => {});
      await untilLoaded(page, url);
      return page;
    },
    async close() {
      await browser.close();
    },
  };
}

/**
 * Polls the page until it shows `url`, fully loaded. Asking while the tab leaves about:blank can
 * meet a realm that is being replaced, which BiDi reports as a protocol error, not as a retry
 * (a waitForFunction started at once failed that way in CI): such an answer is asked again.
 */
async function untilLoaded(page: Page, url: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const state = await page.evaluate(() => [location.href, document.readyState]);
      if (state[0] === url && state[1] === 'complete') return;
    } catch {
      // The realm went away mid-question: the navigation is still under way.
    }
    if (Date.now() > deadline) throw new Error(`${url} did not load within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What an extension page of the Firefox build reaches as `browser` (the part these tests use). */
export interface ExtensionApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>>; sendMessage(id: number, m: unknown): Promise<unknown> };
}

/** Whether the tab showing `url` reports the card as saved (asked from an extension page, as the popup asks it). */
export async function savedInTab(extensionPage: Page, url: string, key: string): Promise<boolean | undefined> {
  const report = await extensionPage.evaluate(async (href) => {
    const api = (globalThis as unknown as { browser: ExtensionApi }).browser;
    const [tab] = (await api.tabs.query({})).filter((t) => t.url === href);
    return tab?.id === undefined ? null : ((await api.tabs.sendMessage(tab.id, { type: 'pageReport' })) as PageReport);
  }, url);
  return report?.cards.find((c) => c.key === key)?.saved;
}

/** Reads every 100 ms until `read` gives `expected` or `timeout` ms have passed, then asserts it. */
export async function until<T>(read: () => Promise<T>, expected: T, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  let value = await read();
  while (value !== expected && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  expect(value).toBe(expected);
}
