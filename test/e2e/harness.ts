// Real-browser harness: the built extension loaded into Debian Chromium (playwright-core) or
// Firefox ESR (puppeteer-core over WebDriver BiDi). Pages are never fetched from the network:
// fixtures are fulfilled under their real URLs so the manifest's match patterns apply.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const ROOT = path.resolve(import.meta.dirname, '../..');
// PAPERLIGHT_DIST lets several builds be tested side by side (e.g. `vite build --outDir /tmp/x`).
export const CHROME_DIST = process.env.PAPERLIGHT_DIST ?? path.join(ROOT, 'dist');
export const FIREFOX_DIST = process.env.PAPERLIGHT_DIST_FIREFOX ?? path.join(ROOT, 'dist-firefox');
export const FIXTURES = path.join(ROOT, 'test/fixtures');
export const ARTIFACTS = path.join(ROOT, 'test-results');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const GECKO_ID = 'paperlight@paperlight.dev';

/** A fixture page served under a real URL pattern. */
export interface FixtureRoute {
  /** As playwright's `context.route` takes it: a glob (`https://huggingface.co/papers**`), a RegExp or a predicate. */
  url: string | RegExp | ((url: URL) => boolean);
  /** Path under test/fixtures/. */
  file: string;
  contentType?: string;
}

export function fixturePath(file: string): string {
  return path.join(FIXTURES, file);
}

export async function readFixture(file: string): Promise<string> {
  return readFile(fixturePath(file), 'utf8');
}

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  serviceWorker(): Promise<Worker>;
  /** Opens an extension page such as `src/popup/index.html`. */
  openExtensionPage(pagePath: string): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  /** Re-use a profile (to test persistence across restarts); a fresh one otherwise. */
  userDataDir?: string;
  dist?: string;
  viewport?: { width: number; height: number } | null;
  /** Allow requests that match no route instead of aborting them (`npm start`). */
  allowUnrouted?: boolean;
  colorScheme?: 'light' | 'dark';
}

export async function launchChromium(options: LaunchOptions = {}): Promise<ChromiumSession> {
  const dist = options.dist ?? CHROME_DIST;
  if (!existsSync(path.join(dist, 'manifest.json'))) {
    throw new Error(`No built extension at ${dist}: run \`npm run build\` first.`);
  }
  const ownsProfile = !options.userDataDir;
  const userDataDir = options.userDataDir ?? (await mkdtemp(path.join(tmpdir(), 'paperlight-chromium-')));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    viewport: options.viewport === undefined ? { width: 1280, height: 900 } : options.viewport,
    colorScheme: options.colorScheme,
    args: [
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  if (!options.allowUnrouted) await blockNetwork(context);
  const serviceWorker = async (): Promise<Worker> => {
    const [existing] = context.serviceWorkers();
    return existing ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  };
  const extensionId = new URL((await serviceWorker()).url()).host;
  return {
    context,
    extensionId,
    userDataDir,
    serviceWorker,
    async openExtensionPage(pagePath: string) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${pagePath}`);
      return page;
    },
    async close() {
      await context.close();
      if (ownsProfile) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Any request no test routed is aborted: tests never touch the network. */
async function blockNetwork(context: BrowserContext): Promise<void> {
  await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
}

/** A route matcher for exactly one URL (query strings included, no glob surprises; requests carry no fragment). */
export function exactUrl(href: string): (url: URL) => boolean {
  const target = href.split('#')[0];
  return (url) => url.href === target;
}

/** Serves fixture files under their real URLs (routes added later take precedence). */
export async function routeFixtures(context: BrowserContext, routes: FixtureRoute[]): Promise<void> {
  for (const { url, file, contentType } of routes) {
    const body = await readFixture(file);
    await context.route(url, (route) =>
      route.fulfill({ status: 200, contentType: contentType ?? 'text/html; charset=utf-8', body }),
    );
  }
}

/** Serves an HTML string under a URL pattern (synthetic pages built inside a test). */
export async function routeHtml(context: BrowserContext, url: FixtureRoute['url'], body: string): Promise<void> {
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
}

/** Sends a message to the background from an extension page, as the popup would. */
export async function sendFromExtensionPage<T = unknown>(page: Page, message: unknown): Promise<T> {
  return page.evaluate((msg) => chrome.runtime.sendMessage(msg), message) as Promise<T>;
}

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
