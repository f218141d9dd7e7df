// The page run marks a card with the findings the background gave for what the card said when it was read: a
// card whose markup is as it was is marked without a second read, and one that changed while its text was with
// the background (its text, or only a link's target) is read again and asked about anew.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PaperCard, SiteAdapter } from '../../../src/sites/types';

const runtime = vi.hoisted(() => ({ sendMessage: vi.fn() }));

vi.mock('../../../src/shared/extension-api', () => ({
  extensionApi: { runtime: { sendMessage: runtime.sendMessage, onMessage: { addListener() {}, removeListener() {} } } },
}));

const { PageRun } = await import('../../../src/content/page-run');
const { HighlightLayer } = await import('../../../src/content/highlights');

/** Every element observed is on screen, answered in a later task as the browser does. */
class OnScreen {
  constructor(private readonly callback: (records: Array<{ target: Element; isIntersecting: boolean }>) => void) {}
  private readonly targets: Element[] = [];
  observe(target: Element) {
    if (this.targets.push(target) === 1) setTimeout(() => this.callback(this.targets.map((t) => ({ target: t, isIntersecting: true }))));
  }
  disconnect() {}
}

/** Every element observed is on screen but those of class `far`, answered in a later task. */
class SomeOnScreen {
  constructor(private readonly callback: (records: Array<{ target: Element; isIntersecting: boolean }>) => void) {}
  private readonly targets: Element[] = [];
  observe(target: Element) {
    if (this.targets.push(target) === 1) {
      setTimeout(() => this.callback(this.targets.map((t) => ({ target: t, isIntersecting: !t.classList.contains('far') }))));
    }
  }
  disconnect() {}
}

/** An adapter for `<div class="card"><h3>title</h3><a href="…/abs/ID">…</a><p>abstract</p></div>`, counting its reads. */
function testAdapter() {
  const reads: string[] = [];
  const adapter: SiteAdapter = {
    id: 'test',
    name: 'Test',
    matches: [],
    selectors: {},
    findCards: (root) => [...root.querySelectorAll('.card')],
    readCard(card): PaperCard | undefined {
      const id = /abs\/(\d{4}\.\d{5})$/.exec(card.querySelector('a')?.getAttribute('href') ?? '')?.[1];
      if (!id) return undefined;
      const titleEl = card.querySelector('h3') ?? undefined;
      const abstractEl = card.querySelector('p') ?? undefined;
      reads.push(id);
      return {
        key: `arxiv:${id}`, title: titleEl?.textContent ?? '', url: `https://arxiv.org/abs/${id}`, authors: [],
        abstract: abstractEl?.textContent ?? '', codeLinks: [], ...(titleEl && { titleEl }), ...(abstractEl && { abstractEl }),
      };
    },
  };
  return { adapter, reads };
}

/** The analyseCards requests sent so far, each answered only when the test says so. */
function background() {
  const asked: Array<{ titles: string[]; answer(): void }> = [];
  runtime.sendMessage.mockImplementation((message: { type: string; cards?: Array<{ title: string }>; packed?: string }) => {
    const requests = message.type === 'batch' ? (JSON.parse(message.packed!) as Array<typeof message>) : [message];
    return new Promise((resolve) => {
      const replies = requests.map((request) => request.type === 'analyseCards'
        ? { ok: true, results: request.cards!.map(() => ({ title: [], abstract: [], codeLinks: [], textLinks: [] })) }
        : { ok: false, error: 'not in this test' });
      const analyse = requests.find((request) => request.type === 'analyseCards');
      asked.push({
        titles: analyse?.cards?.map((card) => card.title) ?? [],
        answer: () => resolve(message.type === 'batch' ? { ok: true, replies } : replies[0]),
      });
    });
  });
  return asked;
}

function runOn(adapter: SiteAdapter) {
  const run = new PageRun(adapter, {
    highlights: new HighlightLayer({} as ConstructorParameters<typeof HighlightLayer>[0]),
    onCards: () => {},
    onCardGone: () => {},
    debug: false,
  });
  run.start();
  return run;
}

function startRun() {
  document.body.innerHTML = '<div class="card"><h3>Sparse attention at scale</h3>' +
    '<a href="https://arxiv.org/abs/2401.00001">abs</a><p>We reach a 2.5x speedup.</p></div>';
  const { adapter, reads } = testAdapter();
  return { run: runOn(adapter), reads, card: document.querySelector('.card')! };
}

let asked: ReturnType<typeof background>;

beforeEach(() => {
  vi.stubGlobal('IntersectionObserver', OnScreen);
  runtime.sendMessage.mockReset();
  asked = background();
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('page run: a card is marked with the findings for what it says', () => {
  it('marks a card whose markup did not change with one read', async () => {
    const { run, reads, card } = startRun();
    await vi.waitFor(() => expect(asked).toHaveLength(1));
    asked[0]!.answer();
    await vi.waitFor(() => expect(card.getAttribute('data-paperlight-id')).toBe('arxiv:2401.00001'));
    expect(reads).toEqual(['2401.00001']);
    expect(asked).toHaveLength(1);
    run.stop();
  });

  it('reads again and asks again for a card whose text changed while it was with the background', async () => {
    const { run, card } = startRun();
    await vi.waitFor(() => expect(asked).toHaveLength(1));
    card.querySelector('h3')!.firstChild!.nodeValue = 'Dense attention at scale';
    asked[0]!.answer();
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    expect(asked.map((a) => a.titles)).toEqual([['Sparse attention at scale'], ['Dense attention at scale']]);
    asked[1]!.answer();
    await vi.waitFor(() => expect(card.getAttribute('data-paperlight-id')).toBe('arxiv:2401.00001'));
    expect(run.entries.get(card)?.analysis.card.title).toBe('Dense attention at scale');
    run.stop();
  });

  it('reads again a card whose link now names another paper, its text unchanged', async () => {
    const { run, reads, card } = startRun();
    await vi.waitFor(() => expect(asked).toHaveLength(1));
    card.querySelector('a')!.setAttribute('href', 'https://arxiv.org/abs/2401.00002');
    asked[0]!.answer();
    // Another paper: its findings are asked for, and the card is marked when they come.
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    expect(card.hasAttribute('data-paperlight-id')).toBe(false);
    asked[1]!.answer();
    await vi.waitFor(() => expect(card.getAttribute('data-paperlight-id')).toBe('arxiv:2401.00002'));
    expect(reads).toEqual(['2401.00001', '2401.00002', '2401.00002']);
    run.stop();
  });

  it('reads again a card whose title element was replaced by one with the same text (highlights go over the new one)', async () => {
    const { run, reads, card } = startRun();
    await vi.waitFor(() => expect(asked).toHaveLength(1));
    const before = card.querySelector('h3')!;
    before.replaceWith(before.cloneNode(true));
    asked[0]!.answer();
    await vi.waitFor(() => expect(card.getAttribute('data-paperlight-id')).toBe('arxiv:2401.00001'));
    expect(reads).toEqual(['2401.00001', '2401.00001']);
    expect(run.entries.get(card)?.analysis.card.titleEl).toBe(card.querySelector('h3'));
    expect(asked).toHaveLength(1);
    run.stop();
  });
});

/** A card of the test adapter's markup: "Paper <id>", its link, its abstract. */
function cardElement(id: string, abstract: string): Element {
  const card = document.createElement('div');
  card.className = 'card';
  const title = document.createElement('h3');
  title.textContent = `Paper ${id}`;
  const link = document.createElement('a');
  link.href = `https://arxiv.org/abs/${id}`;
  link.textContent = 'abs';
  const text = document.createElement('p');
  text.textContent = abstract;
  card.append(title, link, text);
  return card;
}

describe('page run: messages and cards added later', () => {
  it('sends the text of many long cards in several messages of about ten abstracts, and marks every card', async () => {
    const abstract = 'A long abstract that states a 2.5x speedup. '.repeat(40); // 1,760 characters
    const ids = Array.from({ length: 25 }, (_, i) => `2401.${String(10000 + i)}`);
    document.body.append(...ids.map((id) => cardElement(id, abstract)));
    // A slice that runs out of time sends what it has read (fewer cards a message): the clock is held still here, so
    // the messages are cut by their size alone however slowly the cards are read (a loaded machine read 1 in 30 ms).
    const clock = vi.spyOn(performance, 'now').mockReturnValue(1000);
    const run = runOn(testAdapter().adapter);
    try {
      // 16,000 characters a message: 9 cards of 1,776 (abstract and title) each, then 9, then the 7 left.
      await vi.waitFor(() => expect(asked.map((a) => a.titles.length)).toEqual([9, 9, 7]));
    } finally {
      clock.mockRestore();
    }
    expect(asked.flatMap((a) => a.titles)).toEqual(ids.map((id) => `Paper ${id}`));
    for (const a of asked) a.answer();
    await vi.waitFor(() => expect(document.querySelectorAll('[data-paperlight-id]')).toHaveLength(25));
    run.stop();
  });

  it('after the first scan, finds the cards among the added elements when the adapter can, without scanning the page', async () => {
    document.body.append(cardElement('2401.00001', 'first'));
    const { adapter } = testAdapter();
    const findCards = vi.spyOn(adapter, 'findCards');
    const added: Element[][] = [];
    adapter.findAddedCards = (elements) => {
      added.push([...elements]);
      return elements.filter((e) => e.matches('.card'));
    };
    const run = runOn(adapter);
    await vi.waitFor(() => expect(asked).toHaveLength(1));
    asked[0]!.answer();
    const card = cardElement('2401.00002', 'second');
    document.body.append(card);
    run.handleBatch({ added: true, addedElements: [card], removed: false, changedCards: new Set(), lostOurs: false });
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    expect(asked[1]!.titles).toEqual(['Paper 2401.00002']);
    expect(added).toEqual([[card]]);
    expect(findCards).toHaveBeenCalledTimes(1); // the first scan only
    asked[1]!.answer();
    await vi.waitFor(() => expect(card.getAttribute('data-paperlight-id')).toBe('arxiv:2401.00002'));
    run.stop();
  });

  it('reads the added cards near the viewport at once and leaves the ones out of sight for idle time', async () => {
    document.body.append(cardElement('2401.00001', 'first'));
    const idle: Array<() => void> = [];
    vi.stubGlobal('requestIdleCallback', (callback: (deadline: { timeRemaining(): number; didTimeout: boolean }) => void) => {
      idle.push(() => callback({ timeRemaining: () => 20, didTimeout: false }));
      return idle.length;
    });
    vi.stubGlobal('IntersectionObserver', SomeOnScreen);
    const run = runOn(testAdapter().adapter);
    await vi.waitFor(() => expect(asked).toHaveLength(1));
    asked[0]!.answer();
    await vi.waitFor(() => expect(document.querySelectorAll('[data-paperlight-id]')).toHaveLength(1));
    const near = cardElement('2401.00002', 'near');
    const far = cardElement('2401.00003', 'far');
    far.classList.add('far');
    document.body.append(near, far);
    run.handleBatch({ added: true, addedElements: [near, far], removed: false, changedCards: new Set(), lostOurs: false });
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    expect(asked[1]!.titles).toEqual(['Paper 2401.00002']);
    asked[1]!.answer();
    await vi.waitFor(() => expect(near.getAttribute('data-paperlight-id')).toBe('arxiv:2401.00002'));
    expect(asked).toHaveLength(2);
    // The browser's idle period comes: the card out of sight is read, asked about and marked then.
    while (idle.length) idle.shift()!();
    await vi.waitFor(() => expect(asked).toHaveLength(3));
    expect(asked[2]!.titles).toEqual(['Paper 2401.00003']);
    asked[2]!.answer();
    await vi.waitFor(() => expect(idle.length).toBeGreaterThan(0));
    while (idle.length) idle.shift()!();
    await vi.waitFor(() => expect(far.getAttribute('data-paperlight-id')).toBe('arxiv:2401.00003'));
    run.stop();
  });
});
