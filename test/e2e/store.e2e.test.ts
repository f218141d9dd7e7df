// The store in the built extension, in Chromium: writes survive the service worker being stopped between them,
// tag edits from five tabs at once (four extension pages and one page's content script) all land and reach
// every tab, a tab's content script is told only what its cards show (never a note), a content script is refused
// the requests only extension pages may send, and a backup file handed over as a blob: URL imports back
// identically.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page, Worker } from 'playwright-core';
import { launchChromium, routeFixtures, routeHtml, sendFromExtensionPage, type ChromiumSession } from './harness';
import { openContentWorld } from './content-world';

const HF_DAILY = 'https://huggingface.co/papers/date/2025-12-11';
const POPUP = 'src/popup/index.html';

function card(key: string, tags: string[] = []) {
  return {
    key,
    aliases: [],
    title: `Paper ${key}`,
    url: `https://arxiv.org/abs/${key.slice('arxiv:'.length)}`,
    authors: ['Ada Lovelace'],
    abstract: 'We report a 2.4x speedup.',
    metrics: [{ text: '2.4x', kind: 'speedup', value: 2.4, unit: 'x', label: 'speedup' }],
    codeLinks: [],
    site: 'arxiv',
    tags,
  };
}

interface Reply { ok: boolean; error?: string; [field: string]: unknown }
interface StoredPaper { key: string; tags: string[]; seenUrls: string[] }

let session: ChromiumSession;
let popup: Page;
let devtools: CDPSession;
/** Running status of the extension's service worker, as DevTools reports it ('running', 'stopped', …). */
let workerStatus = 'unknown';

const send = <T = Reply>(message: unknown, page: Page = popup) => sendFromExtensionPage<T>(page, message);

beforeAll(async () => {
  session = await launchChromium();
  await routeFixtures(session.context, [{ url: 'https://huggingface.co/papers**', file: 'huggingface/daily-2025-12-11.html' }]);
  popup = await session.openExtensionPage(POPUP);
  // The popup asks for its first page, the tag list and then the whole library after it opens; those requests
  // would wake a worker the first test has just stopped. It is left to finish (MARKS.libraryLoaded).
  await popup.waitForFunction(() => performance.getEntriesByName('paperlight:library-loaded').length > 0);
  devtools = await session.context.newCDPSession(popup);
  const ourScope = `chrome-extension://${session.extensionId}/`;
  devtools.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: Array<{ scriptURL: string; runningStatus: string }> }) => {
    for (const version of versions) if (version.scriptURL.startsWith(ourScope)) workerStatus = version.runningStatus;
  });
  await devtools.send('ServiceWorker.enable');
});
afterAll(() => session?.close());

/**
 * Stops the extension's service worker as the browser does when it idles out (DevTools' "Stop" button), and
 * waits until DevTools reports it stopped. A marker is left in the worker's global scope first: the worker that
 * answers the next message must not have it (`markerOfRunningWorker`), which proves it is a new instance.
 */
async function stopServiceWorker(): Promise<void> {
  const worker = await session.serviceWorker();
  await worker.evaluate(() => {
    (globalThis as { stopMarker?: string }).stopMarker = 'set before the stop';
  });
  expect(workerStatus).toBe('running');
  await devtools.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => workerStatus, { timeout: 10_000 }).toBe('stopped');
}

/** The marker in the worker now running (Playwright keeps one Worker object: Chromium reuses the target id). */
async function markerOfRunningWorker(): Promise<unknown> {
  expect(workerStatus).toBe('running');
  const worker: Worker = await session.serviceWorker();
  return worker.evaluate(() => (globalThis as { stopMarker?: string }).stopMarker ?? null);
}

describe('Chromium: the store', () => {
  it('finds every write after the service worker was stopped between writes', async () => {
    const keys = Array.from({ length: 6 }, (_, i) => `arxiv:2501.0000${i}`);
    for (const [i, key] of keys.entries()) {
      const reply = await send({ type: 'save', paper: card(key, [`round-${i}`]) });
      expect(reply).toMatchObject({ ok: true, created: true });
      await stopServiceWorker();
      // The next message wakes a fresh worker, which re-opens the database on demand.
      const lookup = await send({ type: 'lookup', keys: keys.slice(0, i + 1) });
      expect((lookup.found as unknown[]).length).toBe(i + 1);
      expect(await markerOfRunningWorker()).toBeNull();
    }
    const { papers } = await send<{ papers: StoredPaper[] }>({ type: 'getAll' });
    expect(papers.map((p) => p.key).sort()).toEqual(keys);
    expect(papers.find((p) => p.key === keys[3])!.tags).toEqual(['round-3']);
  });

  it('keeps every acknowledged write when the worker is stopped while writes are in flight', async () => {
    const keys = Array.from({ length: 40 }, (_, i) => `arxiv:2504.${String(i).padStart(5, '0')}`);
    const saves = `Promise.all(${JSON.stringify(keys.map((key) => ({ type: 'save', paper: card(key) })))}.map((m, i) =>
      new Promise((r) => setTimeout(r, i * 5)).then(() => chrome.runtime.sendMessage(m))
        .then((reply) => reply && reply.ok ? m.paper.key : null, () => null)))`;
    const inFlight = popup.evaluate(saves) as Promise<Array<string | null>>;
    await new Promise((resolve) => setTimeout(resolve, 60));
    await devtools.send('ServiceWorker.stopAllWorkers');
    const acknowledged = (await inFlight).filter((key): key is string => key !== null);
    const { found } = await send<{ found: Array<{ key: string }> }>({ type: 'lookup', keys });
    const stored = found.map((f) => f.key);
    for (const key of acknowledged) expect(stored).toContain(key);
    expect(acknowledged.length).toBeGreaterThan(0);
  });

  it('keeps the union of 200 concurrent tag edits from 5 tabs, and tells every tab', async () => {
    const key = 'arxiv:2502.00001';
    expect(await send({ type: 'save', paper: card(key) })).toMatchObject({ ok: true });
    const pages = [popup, ...(await Promise.all([1, 2, 3].map(() => session.openExtensionPage(POPUP))))];
    const page = await session.context.newPage();
    await page.goto(HF_DAILY);
    const world = await openContentWorld(session.context, page);

    // Every tab records the change events it receives.
    const listen = `(() => { globalThis.changes = []; chrome.runtime.onMessage.addListener((m) => {
      if (m && m.type === 'paperlight:changed') globalThis.changes.push(m); }); return true; })()`;
    await Promise.all(pages.map((p) => p.evaluate(listen)));
    await world.evaluate(listen);

    const edits = (tab: number) => Array.from({ length: 40 }, (_, i) => ({ type: 'update', key, addTags: [`tab${tab}-edit${i}`] }));
    const fire = (messages: unknown[]) =>
      `Promise.all(${JSON.stringify(messages)}.map((m) => chrome.runtime.sendMessage(m)))`;
    const replies = (await Promise.all([
      ...pages.map((p, tab) => p.evaluate(fire(edits(tab)))),
      world.evaluate(fire(edits(4))),
    ])) as Reply[][];
    expect(replies.flat().filter((r) => !r.ok)).toEqual([]);
    expect(replies.flat()).toHaveLength(200);

    const all = [0, 1, 2, 3, 4].flatMap((tab) => edits(tab).map((e) => e.addTags[0]!)).sort();
    const { papers } = await send<{ papers: StoredPaper[] }>({ type: 'getAll' });
    expect(papers.find((p) => p.key === key)!.tags.slice().sort()).toEqual(all);
    const { tags } = await send<{ tags: Array<{ name: string; count: number }> }>({ type: 'tags' });
    expect(tags.filter((t) => t.name.includes('-edit'))).toHaveLength(200);

    // Each tab, content script included, is told about every change in commit order: its last event is the final state.
    const lastEventIsFinal = `new Promise((resolve) => { const check = () => {
      const last = globalThis.changes.at(-1); const paper = last && last.changes && last.changes[0].paper;
      paper && paper.tags.length === 200 ? resolve(globalThis.changes.length) : setTimeout(check, 50); }; check(); })`;
    const received = (await Promise.all([...pages.map((p) => p.evaluate(lastEventIsFinal)), world.evaluate(lastEventIsFinal)])) as number[];
    for (const count of received) expect(count).toBe(200);
    await world.close();
    await page.close();
  });

  it('lets a content script save and edit, with its page recorded, and refuses it the destructive requests', async () => {
    const page = await session.context.newPage();
    await page.goto(HF_DAILY);
    const world = await openContentWorld(session.context, page);
    const saved = await world.send<Reply>({ type: 'save', paper: card('arxiv:2503.00001', ['from-page']) });
    expect(saved).toMatchObject({ ok: true, paper: { seenUrls: [HF_DAILY] } });
    const before = (await send<{ papers: unknown[] }>({ type: 'getAll' })).papers.length;

    for (const message of [
      { type: 'clearAll' },
      { type: 'importBackup', text: JSON.stringify({ format: 'paperlight-backup', version: 1, exportedAt: new Date().toISOString(), papers: [] }), mode: 'replace' },
      { type: 'bulk', keys: ['arxiv:2503.00001'], delete: true },
      { type: 'getAll' },
    ]) {
      const reply = await world.send<Reply>(message);
      expect(reply.ok).toBe(false);
      expect(reply.error).toMatch(new RegExp(`"${message.type}" can only be sent from Paperlight's own pages`));
    }
    const hostile = JSON.parse('{"type":"update","key":"arxiv:2503.00001","set":{"__proto__":{"status":"read"}}}');
    expect(await world.send<Reply>(hostile)).toMatchObject({ ok: false, error: expect.stringMatching(/"__proto__" is not allowed/) });
    expect(await world.send<Reply>({ type: 'save', paper: card('arxiv:2503.00002', ['x'.repeat(1000)]) }))
      .toMatchObject({ ok: false, error: expect.stringMatching(/tags\[0\]: too long/) });

    expect((await send<{ papers: unknown[] }>({ type: 'getAll' })).papers.length).toBe(before);
    await world.close();
    await page.close();
  });

  it('tells a tab\'s content script only what its cards show (ids, status, tags), never a note or the Trash', async () => {
    const page = await session.context.newPage();
    await page.goto(HF_DAILY);
    const world = await openContentWorld(session.context, page);
    const listen = `(() => { globalThis.told = []; chrome.runtime.onMessage.addListener((m) => {
      if (m && m.type === 'paperlight:changed') globalThis.told.push(m); }); return true; })()`;
    await world.evaluate(listen);
    await popup.evaluate(listen);
    const key = 'arxiv:2505.00001';
    const note = 'Private: referee report due Friday, do not cite yet.';
    const saved = await send<{ paper: StoredPaper }>({ type: 'save', paper: { ...card(key, ['reading-group']), status: 'reading', note } });
    await send({ type: 'update', key, set: { note: `${note} (second thoughts)` } });
    await send({ type: 'remove', key });
    await send({ type: 'emptyTrash' });

    const tabPaper = { key, aliases: [], status: 'reading', tags: ['reading-group'], venues: [] };
    const shown = { type: 'paperlight:changed', changes: [{ key, paper: tabPaper }] };
    await expect.poll(() => world.evaluate('globalThis.told.length')).toBe(3);
    expect(await world.evaluate('globalThis.told')).toEqual([shown, shown, { type: 'paperlight:changed', changes: [{ key, paper: null }] }]);
    // The extension page, by contrast, is told everything, the Trash included.
    await expect.poll(() => popup.evaluate('globalThis.told.length')).toBe(4);
    const pageEvents = await popup.evaluate('globalThis.told') as Array<{ changes: Array<{ paper: StoredPaper | null }>; trash?: true }>;
    expect(pageEvents[0]!.changes[0]!.paper).toEqual(saved.paper);
    expect(pageEvents.map((event) => event.trash ?? false)).toEqual([false, false, true, true]);
    expect(JSON.stringify(await world.evaluate('globalThis.told'))).not.toContain('Private');
    await world.close();
    await page.close();
  });

  it('broadcasts without errors when tabs lack the content script, and replies to extension pages with the change', async () => {
    await routeHtml(session.context, 'https://example.org/**', '<!doctype html><title>Not a paper site</title><p>Hello</p>');
    const other = await session.context.newPage();
    await other.goto('https://example.org/');
    await popup.evaluate(`(() => { globalThis.changes = []; chrome.runtime.onMessage.addListener((m) => {
      if (m && m.type === 'paperlight:changed') globalThis.changes.push(m); }); })()`);
    const options = await session.openExtensionPage('src/options/index.html');
    const reply = await sendFromExtensionPage<Reply>(options, { type: 'remove', key: 'arxiv:2503.00001' });
    expect(reply).toMatchObject({ ok: true, removed: { key: 'arxiv:2503.00001' } });
    await expect.poll(() => popup.evaluate('globalThis.changes')).toContainEqual({
      type: 'paperlight:changed', changes: [{ key: 'arxiv:2503.00001', paper: null }], trash: true,
    });
    expect(await other.locator('p').textContent()).toBe('Hello');
    await other.close();
    await options.close();
  });

  it('imports a backup file an extension page hands over as a blob: URL, identical to what was exported', async () => {
    const before = await send<{ papers: unknown[] }>({ type: 'getAll' });
    expect(before.papers.length).toBeGreaterThan(0);
    const { text } = await send<{ text: string }>({ type: 'exportBackup' });
    const file = await popup.evaluate((backup) => URL.createObjectURL(new Blob([backup], { type: 'application/json' })), text);
    expect(file.startsWith(`blob:chrome-extension://${session.extensionId}/`)).toBe(true);
    expect(await send({ type: 'clearAll' })).toMatchObject({ ok: true });
    expect(await send({ type: 'importBackup', file, mode: 'replace', dryRun: true })).toMatchObject({ ok: true, added: before.papers.length, dryRun: true });
    expect(await send({ type: 'importBackup', file, mode: 'replace' })).toMatchObject({ ok: true, added: before.papers.length, removed: 0 });
    expect((await send<{ papers: unknown[] }>({ type: 'getAll' })).papers).toEqual(before.papers);

    await popup.evaluate((url) => URL.revokeObjectURL(url), file);
    expect(await send({ type: 'importBackup', file, mode: 'replace' })).toMatchObject({ ok: false, error: expect.stringMatching(/choose the file again/) });
    expect((await send<{ papers: unknown[] }>({ type: 'getAll' })).papers).toEqual(before.papers);
  });
});
