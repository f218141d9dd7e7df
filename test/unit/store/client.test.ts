// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';

const runtime = vi.hoisted(() => ({
  sendMessage: vi.fn(),
  listeners: new Set<(message: unknown) => unknown>(),
}));

vi.mock('../../../src/shared/extension-api', () => ({
  extensionApi: {
    runtime: {
      sendMessage: runtime.sendMessage,
      onMessage: {
        addListener: (listener: (message: unknown) => unknown) => runtime.listeners.add(listener),
        removeListener: (listener: (message: unknown) => unknown) => runtime.listeners.delete(listener),
      },
    },
  },
}));

const { onChange, onTabChange, send, sendTogether, sendWaiting } = await import('../../../src/shared/client');

beforeEach(() => {
  runtime.sendMessage.mockReset();
  runtime.listeners.clear();
});

describe('send', () => {
  it('resolves to the success reply', async () => {
    runtime.sendMessage.mockResolvedValue({ ok: true, tags: [{ name: 'llm', count: 2 }] });
    const reply = await send({ type: 'tags' });
    expect(reply.tags).toEqual([{ name: 'llm', count: 2 }]);
    expect(runtime.sendMessage).toHaveBeenCalledWith({ type: 'tags' });
  });

  it('throws the background\'s error text as an Error', async () => {
    runtime.sendMessage.mockResolvedValue({ ok: false, error: '"clearAll" can only be sent from Paperlight\'s own pages' });
    await expect(send({ type: 'clearAll' })).rejects.toThrow('"clearAll" can only be sent from Paperlight\'s own pages');
  });

  it('explains a missing answer and a reloaded extension', async () => {
    runtime.sendMessage.mockResolvedValue(undefined);
    await expect(send({ type: 'ping' })).rejects.toThrow(/did not answer/);
    runtime.sendMessage.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(send({ type: 'ping' })).rejects.toThrow(/did not answer.*Receiving end/);
    runtime.sendMessage.mockRejectedValue(new Error('Extension context invalidated.'));
    await expect(send({ type: 'ping' })).rejects.toThrow(/reload this page/);
  });
});

describe('sendTogether', () => {
  it('sends the requests made in the same task in one batch message, and gives each its own answer or error', async () => {
    runtime.sendMessage.mockResolvedValue({ ok: true, replies: [
      { ok: true, tags: [] },
      { ok: false, error: 'Invalid "lookup" message: keys: expected a list.' },
      { ok: true, version: '1.0.0', protocol: 1 },
    ] });
    const tags = sendTogether({ type: 'tags' });
    const lookup = sendTogether({ type: 'lookup', keys: [] });
    const ping = sendTogether({ type: 'ping' });
    await expect(tags).resolves.toEqual({ ok: true, tags: [] });
    await expect(lookup).rejects.toThrow('Invalid "lookup" message: keys: expected a list.');
    await expect(ping).resolves.toEqual({ ok: true, version: '1.0.0', protocol: 1 });
    expect(runtime.sendMessage).toHaveBeenCalledTimes(1);
    expect(runtime.sendMessage).toHaveBeenCalledWith({ type: 'batch', requests: [{ type: 'tags' }, { type: 'lookup', keys: [] }, { type: 'ping' }] });
  });

  it('sends a request alone as itself, and requests of later tasks in messages of their own', async () => {
    runtime.sendMessage.mockResolvedValue({ ok: true, tags: [] });
    await sendTogether({ type: 'tags' });
    await sendTogether({ type: 'tags' });
    expect(runtime.sendMessage.mock.calls).toEqual([[{ type: 'tags' }], [{ type: 'tags' }]]);
  });

  it('sends what it holds at once when asked to, and nothing twice', async () => {
    runtime.sendMessage.mockResolvedValue({ ok: true, replies: [{ ok: true, tags: [] }, { ok: true, tags: [] }] });
    const both = [sendTogether({ type: 'tags' }), sendTogether({ type: 'tags' })];
    sendWaiting();
    expect(runtime.sendMessage).toHaveBeenCalledTimes(1);
    await Promise.all(both);
    sendWaiting();
    expect(runtime.sendMessage).toHaveBeenCalledTimes(1);
  });

  it('splits more than eight requests into batches of eight', async () => {
    runtime.sendMessage.mockImplementation(async (message: { requests: unknown[] }) => ({ ok: true, replies: message.requests.map(() => ({ ok: true, tags: [] })) }));
    await Promise.all(Array.from({ length: 10 }, () => sendTogether({ type: 'tags' })));
    expect(runtime.sendMessage.mock.calls.map(([message]) => (message as { requests: unknown[] }).requests.length)).toEqual([8, 2]);
  });

  it('fails every request of a batch that got no answer, or an answer of the wrong length', async () => {
    runtime.sendMessage.mockRejectedValue(new Error('Extension context invalidated.'));
    const both = [sendTogether({ type: 'tags' }), sendTogether({ type: 'ping' })];
    for (const request of both) await expect(request).rejects.toThrow(/reload this page/);
    runtime.sendMessage.mockResolvedValue({ ok: true, replies: [{ ok: true, tags: [] }] });
    const short = [sendTogether({ type: 'tags' }), sendTogether({ type: 'ping' })];
    for (const request of short) await expect(request).rejects.toThrow(/did not answer/);
  });
});

describe('onChange', () => {
  it('passes change events on, ignores everything else, answers nothing, and unsubscribes', () => {
    const seen: unknown[] = [];
    const stop = onChange((event) => seen.push(event));
    const [listener] = runtime.listeners;
    expect(listener!({ type: 'paperlight:changed', reset: true })).toBeUndefined();
    // Another page's request to the background: must not be answered from here.
    expect(listener!({ type: 'clearAll' })).toBeUndefined();
    listener!({ type: 'paperlight:changed', changes: [{ key: 'arxiv:1', paper: null }] });
    expect(seen).toEqual([
      { type: 'paperlight:changed', reset: true },
      { type: 'paperlight:changed', changes: [{ key: 'arxiv:1', paper: null }] },
    ]);
    stop();
    expect(runtime.listeners.size).toBe(0);
  });
});

describe('onTabChange', () => {
  it('passes a tab\'s change events on, answers nothing, and unsubscribes', () => {
    const seen: unknown[] = [];
    const stop = onTabChange((event) => seen.push(event));
    const [listener] = runtime.listeners;
    const change = { key: 'arxiv:2401.00001', paper: { key: 'arxiv:2401.00001', aliases: [], status: 'to-read', tags: ['x'] } };
    expect(listener!({ type: 'paperlight:changed', changes: [change] })).toBeUndefined();
    expect(listener!({ type: 'pageReport' })).toBeUndefined();
    expect(seen).toEqual([{ type: 'paperlight:changed', changes: [change] }]);
    stop();
    expect(runtime.listeners.size).toBe(0);
  });
});
