// @vitest-environment node
// Several requests in one runtime message: each is checked and answered as if it had come alone.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDbOpener, type DbOpener } from '../../../src/background/db';
import { createMessageHandler, type Sender } from '../../../src/background/handler';
import { card, uniqueDbName } from './helpers';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${EXTENSION_ID}/`;
const POPUP: Sender = { id: EXTENSION_ID, url: `${BASE}src/popup/index.html` };
const CONTENT: Sender = { id: EXTENSION_ID, url: 'https://huggingface.co/papers/date/2025-12-11', tab: { id: 7 } };

let opener: DbOpener;
let handle: ReturnType<typeof createMessageHandler>;

beforeEach(() => {
  opener = createDbOpener(uniqueDbName());
  handle = createMessageHandler({
    db: opener, extensionId: EXTENSION_ID, extensionBaseUrl: BASE, appVersion: '0.1.0', broadcast: () => {}, now: () => 1_750_000_000_000,
  });
});
afterEach(async () => (await opener.get()).close());

const SAVED = card();
const ANALYSE = { type: 'analyseCards', cards: [{ title: 'T', abstract: 'We reach a 2.5x speedup.', codeLinks: [] }] };
const LOOKUP = { type: 'lookup', keys: [], cards: [{ key: SAVED.key, aliases: [], title: SAVED.title, authors: SAVED.authors }] };

describe('batch', () => {
  it('answers each request in order, as it would alone', async () => {
    await handle({ type: 'save', paper: SAVED }, POPUP);
    const reply = await handle({ type: 'batch', requests: [ANALYSE, LOOKUP] }, CONTENT);
    expect(reply).toMatchObject({ ok: true, replies: [
      { ok: true, results: [{ abstract: [{ text: '2.5x', kind: 'speedup' }] }] },
      { ok: true, found: [{ key: SAVED.key, paper: { key: SAVED.key, title: SAVED.title } }] },
    ] });
    expect(await handle(ANALYSE, CONTENT)).toEqual((reply as { replies: unknown[] }).replies[0]);
  });

  it('checks every request against its sender: a page cannot slip an extension-only request in', async () => {
    await handle({ type: 'save', paper: SAVED }, POPUP);
    const reply = await handle({ type: 'batch', requests: [LOOKUP, { type: 'clearAll' }, { type: 'getAll' }] }, CONTENT);
    expect(reply).toMatchObject({ ok: true, replies: [
      { ok: true, found: [{ key: SAVED.key }] },
      { ok: false, error: '"clearAll" can only be sent from Paperlight\'s own pages (popup or options), not from a web page.' },
      { ok: false, error: '"getAll" can only be sent from Paperlight\'s own pages (popup or options), not from a web page.' },
    ] });
    // Nothing was cleared.
    expect(await handle(LOOKUP, CONTENT)).toMatchObject({ ok: true, found: [{ key: SAVED.key }] });
  });

  it('gives a malformed request its own error and answers the others', async () => {
    const reply = await handle({ type: 'batch', requests: [{ type: 'analyseCards', cards: 'no' }, ANALYSE, { type: 'nope' }] }, CONTENT);
    expect(reply).toMatchObject({ ok: true, replies: [
      { ok: false, error: 'Invalid "analyseCards" message: cards: expected a list.' },
      { ok: true, results: [{ abstract: [{ text: '2.5x' }] }] },
      { ok: false, error: 'Unknown message type: "nope"' },
    ] });
  });

  it('never holds a batch, nor more than eight requests, nor other fields', async () => {
    expect(await handle({ type: 'batch', requests: [{ type: 'batch', requests: [ANALYSE] }] }, CONTENT))
      .toEqual({ ok: true, replies: [{ ok: false, error: 'Unknown message type: "batch"' }] });
    expect(await handle({ type: 'batch', requests: Array(9).fill(ANALYSE) }, CONTENT))
      .toEqual({ ok: false, error: 'Invalid "batch" message: requests: too many entries (9; at most 8).' });
    expect(await handle({ type: 'batch', requests: [ANALYSE], tab: 3 }, CONTENT))
      .toEqual({ ok: false, error: 'Invalid "batch" message: message: unknown field "tab".' });
    expect(await handle({ type: 'batch', requests: {} }, CONTENT))
      .toEqual({ ok: false, error: 'Invalid "batch" message: requests: expected a list.' });
  });

  it('answers no one but the extension\'s own pages and content scripts', async () => {
    const stranger: Sender = { id: 'someoneelse', url: 'https://evil.example/', tab: { id: 1 } };
    expect(await handle({ type: 'batch', requests: [ANALYSE] }, stranger)).toEqual({
      ok: true, replies: [{ ok: false, error: 'Paperlight only answers its own pages and content scripts.' }],
    });
  });
});
