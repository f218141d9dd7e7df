import { afterEach, describe, expect, it } from 'vitest';
import { observeMutations, type MutationBatch } from '../../../src/content/observer';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('observeMutations', () => {
  const controller = new AbortController();
  afterEach(() => {
    document.body.textContent = '';
  });

  function setup(cards: Set<Element>, ignore?: (node: Node) => boolean) {
    const batches: MutationBatch[] = [];
    const queue: Array<() => void> = [];
    observeMutations({
      root: document.body,
      isCard: (el) => cards.has(el),
      ignore,
      onBatch: (batch) => batches.push(batch),
      signal: controller.signal,
      schedule: (callback) => queue.push(callback),
    });
    const frame = () => queue.splice(0).forEach((callback) => callback());
    return { batches, frame };
  }

  it('coalesces many insertions into one batch per frame', async () => {
    const { batches, frame } = setup(new Set());
    const articles = Array.from({ length: 100 }, () => document.createElement('article'));
    for (const article of articles) document.body.append(article);
    await tick();
    frame();
    expect(batches).toHaveLength(1);
    expect(batches[0]!.added).toBe(true);
    expect(batches[0]!.addedElements).toEqual(articles);
  });

  it('reports the processed card around a change, and ignores our own nodes', async () => {
    const card = document.createElement('article');
    const abstract = document.createElement('p');
    abstract.textContent = 'short';
    card.append(abstract);
    document.body.append(card);
    const ours = new WeakSet<Node>();
    const { batches, frame } = setup(new Set([card]), (n) => ours.has(n));
    await tick();
    abstract.textContent = 'the full abstract';
    const widget = document.createElement('paperlight-card');
    card.append(widget);
    const link = document.createElement('a');
    ours.add(link);
    abstract.append(link);
    await tick();
    frame();
    expect(batches).toHaveLength(1);
    expect([...batches[0]!.changedCards]).toEqual([card]);
    expect(batches[0]!.added).toBe(false);
    expect(batches[0]!.addedElements).toEqual([]);
  });

  it('says when the page took one of our elements out, and only then', async () => {
    const card = document.createElement('article');
    const title = document.createElement('h3');
    const host = document.createElement('paperlight-card');
    card.append(title, host);
    document.body.append(card);
    const { batches, frame } = setup(new Set([card]));
    await tick();
    title.remove(); // a re-render of the page's own nodes
    await tick();
    frame();
    expect(batches.map((b) => b.lostOurs)).toEqual([false]);
    host.remove(); // a framework clearing the card's children
    await tick();
    frame();
    expect(batches.map((b) => b.lostOurs)).toEqual([false, true]);
    expect([...batches[1]!.changedCards]).toEqual([]);
  });

  it('stops when aborted', async () => {
    const local = new AbortController();
    const batches: MutationBatch[] = [];
    observeMutations({ root: document.body, isCard: () => false, onBatch: (b) => batches.push(b), signal: local.signal, schedule: (c) => c() });
    local.abort();
    document.body.append(document.createElement('div'));
    await tick();
    expect(batches).toHaveLength(0);
  });
});
