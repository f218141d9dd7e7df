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

const { onChange, onTabChange, send } = await import('../../../src/shared/client');

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
