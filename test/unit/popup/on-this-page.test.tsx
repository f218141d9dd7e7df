// "On this page": reading the tab's page report (checked like any message), asking only the tab the popup was
// opened over and only when it is a web page, keeping the page's cards current as papers are saved and deleted,
// and the line and list a person sees, with one click (or Enter) to save a card. A fake tab stands for the content
// script; the background is the real handler on fake-indexeddb.
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SavedPaper } from '../../../src/core/paper';
import { App } from '../../../src/popup/App';
import { PopupController } from '../../../src/popup/controller';
import { arrivalsNamedByNoCard, pageCardsAfter } from '../../../src/popup/page-cards';
import { activePageTab, readPageReport, readSaveCardReply } from '../../../src/popup/page-tab';
import type { PageReportCard as PageCard } from '../../../src/shared/page-report';
import { createStateContainer } from '../../../src/popup/state';
import type { CardData } from '../../../src/shared/messages';
import { card, paper } from '../store/helpers';
import { fakeBackground } from './fake-background';
import { fakeTab } from './fake-tab';

const PAGE = 'https://arxiv.org/list/cs.LG/new';
/** Three cards of an arXiv listing; the second is listed under its DOI, with its arXiv id as an alias. */
const cards: CardData[] = [
  card({ key: 'arxiv:2501.00001', aliases: [], title: 'Sparse Mixtures at Scale', site: 'arxiv' }),
  card({ key: 'doi:10.1000/xyz', aliases: ['arxiv:2501.00002'], title: 'Latent Reasoning Traces', site: 'arxiv' }),
  card({ key: 'arxiv:2501.00003', aliases: [], title: 'A Benchmark of Benchmarks', site: 'arxiv', metrics: [], codeLinks: [] }),
];

function reportCard(overrides: Partial<PageCard> = {}): PageCard {
  return { key: 'arxiv:2501.00001', aliases: [], title: 'T', saved: false, status: null, tags: [], metrics: 0, code: 0, venue: null, ...overrides };
}

describe('readPageReport', () => {
  const report = { ok: true, adapter: 'arxiv', url: PAGE, settled: true, cards: [reportCard({ saved: true, status: 'read', tags: ['x'], metrics: 2, code: 1 })] };

  it('reads a report as the contract gives it, ignoring fields of later versions', () => {
    const later = { ...report, health: 'ok', cards: [{ ...report.cards[0], seen: '2026-01-01', hidden: false, dimmed: false }] };
    expect(readPageReport(later)).toEqual({ ok: true, adapter: 'arxiv', url: PAGE, settled: true, health: 'ok', cards: report.cards });
  });

  it('reads the key of the record a saved card shows, and drops it from an unsaved card', () => {
    const withPaper = { ...report, cards: [{ ...report.cards[0], paperKey: 'arxiv:2501.00009' }, reportCard({ key: 'arxiv:2501.00002', paperKey: 'arxiv:2501.00009' })] };
    const read = readPageReport(withPaper)!;
    expect(read.cards.map((c) => c.paperKey)).toEqual(['arxiv:2501.00009', undefined]);
    expect(readPageReport({ ...report, cards: [{ ...report.cards[0], paperKey: 'not a key' }] })).toBeUndefined();
  });

  it('reads a card\'s venue name, and a report from before venues as having none', () => {
    const withVenue = { ...report, cards: [{ ...report.cards[0], venue: 'ICLR 2026' }] };
    expect(readPageReport(withVenue)?.cards[0]?.venue).toBe('ICLR 2026');
    const { venue: _venue, ...older } = report.cards[0]!;
    expect(readPageReport({ ...report, cards: [older] })?.cards[0]?.venue).toBeNull();
  });

  it.each([
    ['no answer', undefined],
    ['an error reply', { ok: false, error: 'x' }],
    ['a card without a key', { ...report, cards: [{ ...reportCard(), key: undefined }] }],
    ['a key that is not a paper key', { ...report, cards: [reportCard({ key: '<img src=x>' })] }],
    ['a status that is not one', { ...report, cards: [reportCard({ saved: true, status: 'hacked' as never })] }],
    ['a negative count', { ...report, cards: [reportCard({ metrics: -1 })] }],
    ['cards that are not a list', { ...report, cards: {} }],
    ['a title past the limit', { ...report, cards: [reportCard({ title: 'x'.repeat(3000) })] }],
    ['a venue that is not a name', { ...report, cards: [reportCard({ venue: { name: 'ICLR 2026' } as never })] }],
  ])('takes %s as no report', (_name, raw) => {
    expect(readPageReport(raw)).toBeUndefined();
  });

  it('reads a saveCard reply, and turns its error into an Error with the page\'s words', () => {
    expect(readSaveCardReply({ ok: true, paper: paper(1) })).toEqual(paper(1));
    expect(() => readSaveCardReply({ ok: false, error: 'This card is gone from the page.' })).toThrow('This card is gone from the page.');
    expect(() => readSaveCardReply(undefined)).toThrow(/did not answer/);
    expect(() => readSaveCardReply({ ok: true, paper: { ...paper(1), url: 'javascript:alert(1)' } })).toThrow(/not one/);
  });
});

describe('activePageTab', () => {
  function fakeTabsApi(tab: { id?: number; url?: string } | undefined, answer: (message: unknown) => Promise<unknown>) {
    const sent: Array<{ tabId: number; message: unknown }> = [];
    const api = {
      tabs: {
        query: vi.fn(async () => (tab ? [tab] : [])),
        sendMessage: vi.fn(async (tabId: number, message: unknown) => {
          sent.push({ tabId, message });
          return answer(message);
        }),
      },
    };
    return { api: api as never, sent, query: api.tabs.query };
  }
  const answer = { ok: true, adapter: 'arxiv', url: PAGE, settled: true, cards: [reportCard()] };

  it('asks the active tab of the popup\'s window, then saves through the same tab', async () => {
    const { api, sent, query } = fakeTabsApi({ id: 42, url: PAGE }, async (message) =>
      (message as { type: string }).type === 'pageReport' ? answer : { ok: true, paper: paper(1) });
    const tab = activePageTab(api);
    expect(await tab.report()).toMatchObject({ adapter: 'arxiv', cards: [{ key: 'arxiv:2501.00001' }] });
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(await tab.saveCard('arxiv:2501.00001')).toEqual(paper(1));
    expect(sent).toEqual([{ tabId: 42, message: { type: 'pageReport' } }, { tabId: 42, message: { type: 'saveCard', key: 'arxiv:2501.00001' } }]);
  });

  it('asks the tab that answered again, whichever tab is active now', async () => {
    const active = { id: 42, url: PAGE };
    const { api, sent } = fakeTabsApi(active, async () => answer);
    const tab = activePageTab(api);
    await tab.report();
    active.id = 7; // as when the popup is itself a tab brought to the front
    expect(await tab.report()).toMatchObject({ adapter: 'arxiv' });
    expect(sent.map((s) => s.tabId)).toEqual([42, 42]);
  });

  it.each([
    ['a tab whose URL Paperlight may not see', { id: 3 }],
    ['the popup opened as a tab of its own', { id: 3, url: 'chrome-extension://abc/src/popup/index.html?tab' }],
    ['no tab at all', undefined],
  ])('asks nothing of %s', async (_name, tab) => {
    const { api, sent } = fakeTabsApi(tab, async () => answer);
    expect(await activePageTab(api).report()).toBeNull();
    expect(sent).toEqual([]);
  });

  it('takes a page without a content script, or one that never answers, as not a supported page', async () => {
    const missing = fakeTabsApi({ id: 5, url: PAGE }, async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    expect(await activePageTab(missing.api).report()).toBeNull();
    await expect(activePageTab(missing.api).saveCard('arxiv:2501.00001')).rejects.toThrow(/did not answer/);
    vi.useFakeTimers();
    try {
      const silent = fakeTabsApi({ id: 6, url: PAGE }, () => new Promise(() => {}));
      const report = activePageTab(silent.api).report();
      await vi.advanceTimersByTimeAsync(3000);
      expect(await report).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('pageCardsAfter', () => {
  const onPage = [reportCard({ key: 'doi:10.1000/xyz', aliases: ['arxiv:2501.00002'] }), reportCard({ key: 'arxiv:2501.00003' })];

  it('marks a card saved when a record carrying one of its ids is saved, with its status and tags', () => {
    const record = paper(2, { key: 'arxiv:2501.00002', aliases: [], status: 'reading', tags: ['to-cite'] });
    const after = pageCardsAfter(onPage, [{ key: record.key, paper: record }], new Map());
    expect(after[0]).toMatchObject({ saved: true, status: 'reading', tags: ['to-cite'] });
    expect(after[1]).toBe(onPage[1]);
  });

  it('unsaves a card when its record is deleted, found through the record the library knew', () => {
    const record = paper(3, { key: 'openreview:abc', aliases: ['arxiv:2501.00003'] });
    const saved = pageCardsAfter(onPage, [{ key: record.key, paper: record }], new Map());
    expect(saved[1]!.saved).toBe(true);
    const removed = pageCardsAfter(saved, [{ key: record.key, paper: null }], new Map([[record.key, record]]));
    expect(removed[1]).toMatchObject({ saved: false, status: null, tags: [] });
  });

  it('follows a record the page matched by title alone (no shared id): by the record key the page reported', () => {
    const record = paper(4, { key: 'arxiv:2501.00004', aliases: [], status: 'to-read', tags: [] });
    const byTitle = [reportCard({ key: 'url:https://www.semanticscholar.org/paper/abc', saved: true, status: 'to-read', paperKey: record.key })];
    const edited = pageCardsAfter(byTitle, [{ key: record.key, paper: { ...record, status: 'read', tags: ['x'] } }], new Map([[record.key, record]]));
    expect(edited[0]).toMatchObject({ saved: true, status: 'read', tags: ['x'], paperKey: record.key });
    const removed = pageCardsAfter(edited, [{ key: record.key, paper: null }], new Map([[record.key, record]]));
    expect(removed[0]).toMatchObject({ saved: false, status: null, tags: [] });
    // Restored from the Trash (or by Undo): still no shared id, but the card keeps the key of the record it showed.
    const restored = pageCardsAfter(removed, [{ key: record.key, paper: record }], new Map());
    expect(restored[0]).toMatchObject({ saved: true, status: 'to-read', tags: [], paperKey: record.key });
  });

  it('names the papers brought into the library under no id of a card while a card shows unsaved', () => {
    const record = paper(5, { key: 'arxiv:2501.00005', aliases: ['doi:10.1000/five'] });
    const byId = paper(3, { key: 'openreview:abc', aliases: ['arxiv:2501.00003'] });
    const changes = [{ key: record.key, paper: record }, { key: byId.key, paper: byId }, { key: 'arxiv:2501.00006', paper: null }];
    expect(arrivalsNamedByNoCard(onPage, changes, new Map())).toEqual([record.key]);
    // An edit of a paper the library had is no arrival; nor is anything when every card shows saved.
    expect(arrivalsNamedByNoCard(onPage, changes, new Map([[record.key, record]]))).toEqual([]);
    expect(arrivalsNamedByNoCard(onPage.map((c) => ({ ...c, saved: true })), changes, new Map())).toEqual([]);
  });

  it('returns the same list when no card is touched', () => {
    expect(pageCardsAfter(onPage, [{ key: 'arxiv:9999.99999', paper: null }], new Map())).toBe(onPage);
  });
});

let root: HTMLElement | undefined;
beforeEach(() => localStorage.clear());
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = undefined;
});

async function setUp(saved: SavedPaper[] = []) {
  const background = fakeBackground();
  if (saved.length) await background.send({ type: 'restore', papers: saved });
  await new Promise((resolve) => setTimeout(resolve, 5));
  const tab = fakeTab(background, cards, PAGE);
  const container = createStateContainer();
  let painted!: () => void;
  const firstPaint = new Promise<void>((resolve) => (painted = resolve));
  const controller = new PopupController(container, {
    send: background.send, onChange: background.onChange, download: () => {}, openTab: async () => {},
    afterFirstPaint: () => firstPaint, pageTab: tab,
  });
  return { background, tab, container, controller, painted };
}

/** The second card's paper, saved earlier under its arXiv id (so the card, keyed by its DOI, is found by alias). */
const savedEarlier = () => paper(2, { key: 'arxiv:2501.00002', aliases: [], title: 'Latent Reasoning Traces', status: 'read', tags: ['llm'] });

describe('PopupController: the page under the popup', () => {
  it('asks the tab only after the first page is painted, then keeps its cards current', async () => {
    const { background, tab, container, controller, painted } = await setUp([savedEarlier()]);
    const started = controller.start();
    await vi.waitFor(() => expect(container.getState().phase).toBe('partial'));
    expect(tab.reports).toBe(0);
    painted();
    await started;
    await vi.waitFor(() => expect(container.getState().page?.cards.map((c) => c.saved)).toEqual([false, true, false]));
    expect(container.getState().page!.cards[1]).toMatchObject({ status: 'read', tags: ['llm'] });

    await controller.saveFromPage(cards[0]!.key);
    expect(tab.saved).toEqual([cards[0]!.key]);
    expect(container.getState().page!.cards[0]).toMatchObject({ saved: true, status: 'to-read' });
    expect(container.getState().papers.get(cards[0]!.key)).toMatchObject({ title: cards[0]!.title, seenUrls: [PAGE] });
    expect(container.getState().announcement!.text).toBe('Saved “Sparse Mixtures at Scale”.');

    // Deleting the paper saved earlier (keyed by its arXiv id) unsaves the card listed under its DOI.
    await controller.remove(['arxiv:2501.00002']);
    expect(container.getState().page!.cards.map((c) => c.saved)).toEqual([true, false, false]);
    // An import (a reset) asks the tab again.
    const reports = tab.reports;
    await background.send({ type: 'importBackup', text: (await background.send({ type: 'exportBackup' })).text, mode: 'replace' });
    await background.send({ type: 'clearAll' });
    await vi.waitFor(() => expect(tab.reports).toBeGreaterThan(reports));
    await vi.waitFor(() => expect(container.getState().page!.cards.map((c) => c.saved)).toEqual([false, false, false]));
    controller.stop();
  });

  it('asks the tab again when a paper restored from the Trash is named by no card: the tab may show it by title', async () => {
    // The third card's paper, saved under an id the card does not carry and found by the tab by title and authors.
    const byTitle = paper(7, { key: 'arxiv:2501.00007', aliases: [], title: cards[2]!.title, status: 'read', tags: [] });
    const other = paper(8, { key: 'arxiv:2501.00008', aliases: [], title: 'Not on this page' });
    const { background, tab, container, controller, painted } = await setUp([byTitle, other]);
    await background.send({ type: 'remove', key: byTitle.key });
    await background.send({ type: 'remove', key: other.key });
    const idReport = tab.report.bind(tab);
    tab.report = async () => {
      const report = (await idReport())!;
      const { papers } = await background.send({ type: 'getAll' });
      const found = papers.some((p) => p.key === byTitle.key);
      report.cards[2] = { ...report.cards[2]!, ...(found && { saved: true, status: 'read', paperKey: byTitle.key }) };
      return report;
    };
    painted();
    await controller.start();
    await vi.waitFor(() => expect(container.getState().page?.cards.map((c) => c.saved)).toEqual([false, false, false]));

    const asked = tab.reports;
    await controller.restoreTrashed([other.key]); // on no card: asked a few times, then left
    await vi.waitFor(() => expect(tab.reports).toBe(asked + 5), { timeout: 5_000 });
    expect(container.getState().page!.cards.map((c) => c.saved)).toEqual([false, false, false]);

    await controller.restoreTrashed([byTitle.key]);
    await vi.waitFor(() => expect(container.getState().page!.cards[2]).toMatchObject({ saved: true, status: 'read', paperKey: byTitle.key }));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(tab.reports).toBe(asked + 6); // the first answer showed it
    controller.stop();
  });

  it('asks a tab still reading its page again until it has read it', async () => {
    const { tab, container, controller, painted } = await setUp([savedEarlier()]);
    const settledReport = tab.report.bind(tab);
    let reading = 2;
    tab.report = async () => {
      const report = (await settledReport())!;
      // The first answers, while the page is read: not settled, and the saved card not known yet.
      return reading-- > 0 ? { ...report, settled: false, cards: report.cards.map((c) => ({ ...c, saved: false, status: null, tags: [] })) } : report;
    };
    painted();
    await controller.start();
    await vi.waitFor(() => expect(container.getState().page).toMatchObject({ settled: false }));
    await vi.waitFor(() => expect(container.getState().page).toMatchObject({ settled: true }), { timeout: 3_000 });
    expect(container.getState().page!.cards.map((c) => c.saved)).toEqual([false, true, false]);
    expect(tab.reports).toBe(3);
    controller.stop();
  });

  it('asks again a tab that has read its page but no card yet, until its cards arrived and stay', async () => {
    // A framework page (Semantic Scholar) renders its results after its data came: the first pass finds nothing.
    const { tab, container, controller, painted } = await setUp([savedEarlier()]);
    const withCards = tab.report.bind(tab);
    let empty = 2;
    tab.report = async () => {
      const report = (await withCards())!;
      return empty-- > 0 ? { ...report, cards: [], health: 'no-cards' } : report;
    };
    painted();
    await controller.start();
    await vi.waitFor(() => expect(container.getState().page?.cards).toHaveLength(3), { timeout: 3_000 });
    // Asked once more to see the count stay, then no more.
    await vi.waitFor(() => expect(tab.reports).toBe(4), { timeout: 2_000 });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(tab.reports).toBe(4);
    controller.stop();
  });

  it('asks again a tab that gave no answer while it was loading its page, and a tab not loading only once', async () => {
    const { tab, container, controller, painted } = await setUp([savedEarlier()]);
    const answer = tab.report.bind(tab);
    let asked = 0;
    let loading = true;
    tab.report = async () => {
      asked++;
      if (asked === 3) loading = false;
      // The content script starts once the page is idle: no answer while loading, nor at the first ask after it.
      return asked <= 3 ? null : answer();
    };
    tab.loading = async () => loading;
    painted();
    await controller.start();
    await vi.waitFor(() => expect(container.getState().page?.cards).toHaveLength(3), { timeout: 3_000 });

    const other = await setUp();
    let otherAsked = 0;
    other.tab.report = async () => (otherAsked++, null);
    other.tab.loading = async () => false;
    other.painted();
    await other.controller.start();
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(otherAsked).toBe(1);
    controller.stop();
    other.controller.stop();
  });

  it('does not ask again a page that says why it has no paper', async () => {
    const { tab, container, controller, painted } = await setUp();
    const withCards = tab.report.bind(tab);
    tab.report = async () => ({ ...(await withCards())!, cards: [], health: 'empty', emptyReason: 'no results' });
    painted();
    await controller.start();
    await vi.waitFor(() => expect(container.getState().page).toMatchObject({ emptyReason: 'no results' }));
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(tab.reports).toBe(1);
    controller.stop();
  });

  it('shows nothing for a tab that is not a supported page, and a refused save as a notice', async () => {
    const { container, controller, painted, tab } = await setUp();
    tab.report = async () => null;
    painted();
    await controller.start();
    expect(container.getState().page).toBeNull();
    tab.saveCard = async () => {
      throw new Error('No card on this page has that key any more.');
    };
    await controller.saveFromPage('arxiv:2501.00001');
    expect(container.getState().notice).toMatchObject({ kind: 'error', text: 'Could not save: No card on this page has that key any more.' });
    controller.stop();
  });
});

describe('the "On this page" line', () => {
  async function openPopup() {
    const set = await setUp([savedEarlier()]);
    root = document.createElement('div');
    document.body.append(root);
    render(<App container={set.container} controller={set.controller} inTab={false} siteNames={new Map()} openOptions={() => {}} openInTab={() => {}} onFirstPaint={set.painted} />, root);
    await set.controller.start();
    await vi.waitFor(() => expect(root!.querySelector('.on-page-summary')?.textContent).toBe('On this page: 3 papers · 1 saved'));
    return set;
  }
  const items = () => [...root!.querySelectorAll('.on-page-cards li')];

  it('lists the page\'s cards above the library, each not yet saved one click to save', async () => {
    const { background } = await openPopup();
    const section = root!.querySelector('section[aria-label="On this page"]')!;
    expect(section.compareDocumentPosition(root!.querySelector('[role="listbox"]')!)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    expect(items().map((li) => li.querySelector('.on-page-title')!.textContent)).toEqual(cards.map((c) => c.title));
    expect(items()[1]!.textContent).toContain('Saved, Read');
    expect(items()[1]!.querySelector('button')).toBeNull();

    const save = items()[2]!.querySelector('button')!;
    expect(save.getAttribute('aria-label')).toBe('Save “A Benchmark of Benchmarks”');
    save.click();
    await vi.waitFor(() => expect(root!.querySelector('.on-page-summary')!.textContent).toBe('On this page: 3 papers · 2 saved'));
    expect(items()[2]!.textContent).toContain('Saved, To read');
    const { found } = await background.send({ type: 'lookup', keys: [cards[2]!.key] });
    expect(found[0]!.paper).toMatchObject({ key: cards[2]!.key, title: cards[2]!.title, seenUrls: [PAGE] });
    await vi.waitFor(() => expect(root!.querySelector(`[role="option"][data-key="${cards[2]!.key}"]`)).not.toBeNull());
  });

  it('says the page is still being read while its tab holds back the layout warning, then shows the warning', async () => {
    const set = await setUp();
    const withCards = set.tab.report.bind(set.tab);
    // A page that has settled with no card, within the time its cards may still come; then past it.
    let held = 1;
    set.tab.report = async () => ({
      ...(await withCards())!, cards: [], health: 'no-cards', selectors: [], ...(held-- > 0 && { healthPending: true as const }),
    });
    root = document.createElement('div');
    document.body.append(root);
    render(<App container={set.container} controller={set.controller} inTab={false} siteNames={new Map()} openOptions={() => {}} openInTab={() => {}} onFirstPaint={set.painted} />, root);
    await set.controller.start();
    await vi.waitFor(() => expect(root!.querySelector('.on-page-summary')?.textContent).toBe('On this page: 0 papers · 0 saved'));
    expect(root!.querySelector('.on-page .loading-note')?.textContent).toBe('still reading the page…');
    expect(root!.querySelector('section[aria-label="Site health"]')).toBeNull();
    await vi.waitFor(() => expect(root!.querySelector('section[aria-label="Site health"]')).not.toBeNull(), { timeout: 3_000 });
    expect(root!.querySelector('.on-page .loading-note')).toBeNull();
    set.controller.stop();
  });

  it('folds to one line, and opens folded next time', async () => {
    await openPopup();
    const toggle = root!.querySelector<HTMLButtonElement>('.on-page-toggle')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    toggle.click();
    await vi.waitFor(() => expect(items()).toHaveLength(0));
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    render(null, root!);
    root!.remove();
    await openPopup();
    expect(root!.querySelector('.on-page-toggle')!.getAttribute('aria-expanded')).toBe('false');
    expect(items()).toHaveLength(0);
  });
});
