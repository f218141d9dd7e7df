// The store in the Firefox build (an event-page background, not a service worker): requests from an extension
// page are answered there as in Chromium, tags merge case-insensitively, a removed paper goes to the Trash and
// comes back exactly, and a backup (the Trash included) round-trips identically, as text or as a file handed
// over by URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxSession } from './firefox';

let session: FirefoxSession;
let popup: Page;

beforeAll(async () => {
  session = await launchFirefox();
  popup = await session.openExtensionPage('src/popup/index.html');
  await popup.waitForFunction(() => typeof (globalThis as { browser?: unknown }).browser === 'object', { timeout: 15_000 });
});
afterAll(() => session?.close());

interface Reply { ok: boolean; error?: string; [field: string]: unknown }

function send<T = Reply>(message: unknown): Promise<T> {
  return popup.evaluate(
    (m) => (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser.runtime.sendMessage(m),
    message,
  ) as Promise<T>;
}

function card(key: string, tags: string[]) {
  return {
    key, aliases: [], title: `Paper ${key}`, url: `https://arxiv.org/abs/${key.slice(6)}`, authors: ['Ada Lovelace'],
    abstract: 'A 2.4x speedup.', metrics: [], codeLinks: ['https://github.com/example/repo'], site: 'arxiv', tags,
  };
}

describe('Firefox ESR: the store', () => {
  it('saves, tags, lists, and round-trips a backup', async () => {
    expect(await send({ type: 'save', paper: card('arxiv:2501.00001', ['Firefox']) })).toMatchObject({ ok: true, created: true });
    expect(await send({ type: 'save', paper: card('arxiv:2501.00002', ['firefox', 'second']) })).toMatchObject({
      ok: true, paper: { tags: ['Firefox', 'second'] },
    });
    expect(await send({ type: 'update', key: 'arxiv:2501.00001', addTags: ['edited'] })).toMatchObject({ ok: true });
    const page = await send<{ items: Array<{ key: string }>; total: number }>({ type: 'query', filter: { tags: ['FIREFOX'] } });
    expect(page.total).toBe(2);
    expect(page.items.map((p) => p.key)).toEqual(['arxiv:2501.00002', 'arxiv:2501.00001']);

    const before = await send<{ papers: unknown[] }>({ type: 'getAll' });
    const { text } = await send<{ text: string }>({ type: 'exportBackup' });
    expect(await send({ type: 'clearAll' })).toMatchObject({ ok: true, removed: 2 });
    expect(await send({ type: 'importBackup', text, mode: 'replace' })).toMatchObject({ ok: true, added: 2 });
    expect((await send<{ papers: unknown[] }>({ type: 'getAll' })).papers).toEqual(before.papers);
  });

  it('imports a backup file the page hands over as a blob: URL', async () => {
    const before = await send<{ papers: unknown[] }>({ type: 'getAll' });
    const { text } = await send<{ text: string }>({ type: 'exportBackup' });
    const file = await popup.evaluate((backup) => URL.createObjectURL(new Blob([backup], { type: 'application/json' })), text);
    expect(file).toMatch(/^blob:moz-extension:\/\//);
    expect(await send({ type: 'clearAll' })).toMatchObject({ ok: true, removed: before.papers.length });
    expect(await send({ type: 'importBackup', file, mode: 'merge' })).toMatchObject({ ok: true, added: before.papers.length });
    expect((await send<{ papers: unknown[] }>({ type: 'getAll' })).papers).toEqual(before.papers);
    // Brought back, they are no longer also in the Trash where clearing put them.
    expect((await send<{ papers: unknown[] }>({ type: 'trash' })).papers).toEqual([]);
  });

  it('moves a removed paper to the Trash, carries the Trash through a backup, and restores it exactly', async () => {
    // The tests above cleared the library twice, and a replace and a merge brought the papers back out of the Trash.
    expect(await send({ type: 'emptyTrash' })).toMatchObject({ ok: true, deleted: 0 });
    const { papers: before } = await send<{ papers: Array<{ key: string }> }>({ type: 'getAll' });
    const target = before[0]!;
    const { removed } = await send<{ removed: { key: string } }>({ type: 'remove', key: target.key });
    expect(removed).toEqual(target);
    const { papers: trash } = await send<{ papers: Array<{ key: string; removedAt: number }> }>({ type: 'trash' });
    expect(trash.map((p) => p.key)).toEqual([target.key]);

    const { text } = await send<{ text: string }>({ type: 'exportBackup' });
    expect(JSON.parse(text)).toMatchObject({ version: 2, trash: [{ key: target.key, removedAt: new Date(trash[0]!.removedAt).toISOString() }] });
    expect(await send({ type: 'emptyTrash' })).toMatchObject({ ok: true, deleted: 1 });
    expect(await send({ type: 'importBackup', text, mode: 'replace' })).toMatchObject({ ok: true, trash: { added: 1 } });
    expect((await send<{ papers: unknown[] }>({ type: 'trash' })).papers).toEqual(trash);

    expect(await send({ type: 'restoreTrashed', keys: [target.key] })).toMatchObject({ ok: true, restored: [target] });
    expect((await send<{ papers: unknown[] }>({ type: 'getAll' })).papers).toEqual(before);
  });
});
