// The page never sees or drives the library, in Chromium with the built extension: Paperlight's UI sits in
// closed shadow roots, the page's DOM carries nothing about what is saved, no performance entries are left in
// the page's timeline, and events the page's scripts dispatch do nothing; real input (the mouse at a control's
// coordinates, real key presses) does what it says. The page report, asked from an extension page, is how
// these tests read a card's saved state.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SavedPaper } from '../../src/core/paper';
import { exactUrl, launchChromium, readFixture, routeFixtures, routeHtml, sendFromExtensionPage, type ChromiumSession } from './harness';
import { openClosedUi, type ClosedUi } from './closed-ui';
import { frames, openWithCards, waitForCards } from './page-tools';
import { savedStateOf, settledReport } from './page-report';

const HF_DAILY = { url: 'https://huggingface.co/papers/date/2025-12-11', file: 'huggingface/daily-2025-12-11.html' };
const ARXIV_NEW = { url: 'https://arxiv.org/list/astro-ph.SR/new', file: 'arxiv/list-new-astro-ph.SR.html' };
const SCHOLAR = { url: 'https://scholar.google.com/scholar?q=relay+selection', file: 'scholar/results-relay-selection.html' };

declare const chrome: {
  storage: { local: { set(items: object): Promise<void> } };
  tabs: { query(q: object): Promise<Array<{ id?: number }>>; sendMessage(id: number, m: unknown): Promise<unknown> };
};

let session: ChromiumSession;
let extensionPage: Page;

async function open(fixture: { url: string }, count: number): Promise<{ page: Page; ui: ClosedUi }> {
  const page = await openWithCards(session.context, fixture.url, count);
  await settledReport(extensionPage, page);
  return { page, ui: await openClosedUi(session.context, page) };
}

async function library(): Promise<SavedPaper[]> {
  const reply = await sendFromExtensionPage<{ ok: boolean; papers: SavedPaper[] }>(extensionPage, { type: 'getAll' });
  return reply.papers;
}

async function forget(keys: string[]): Promise<void> {
  for (const key of keys) await sendFromExtensionPage(extensionPage, { type: 'remove', key });
}

/** The page's own DOM as its scripts can serialise it (shadow roots are not part of it), toolbar hosts left out. */
async function pageDom(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.outerHTML.replaceAll('<paperlight-card></paperlight-card>', ''));
}

/** Saves the card's paper with a real click on its toolbar's save button. */
async function saveByClick(page: Page, ui: ClosedUi, key: string): Promise<void> {
  await ui.click(await ui.inToolbar(key, { tag: 'button', cls: 'save' }));
  await expect.poll(async () => (await savedStateOf(extensionPage, page, key))?.saved).toBe(true);
}

beforeAll(async () => {
  session = await launchChromium();
  await routeFixtures(session.context, [HF_DAILY, ARXIV_NEW, SCHOLAR].map(({ url, file }) => ({ url: exactUrl(url), file })));
  extensionPage = await session.openExtensionPage('src/popup/index.html');
});
afterAll(() => session?.close());
// Each test starts from an empty library and an empty Trash.
afterEach(async () => {
  await forget((await library()).map((p) => p.key));
  await sendFromExtensionPage(extensionPage, { type: 'emptyTrash' });
});

describe('the page sees nothing of Paperlight or the library', () => {
  it('keeps every toolbar and the page layer in closed shadow roots', async () => {
    const { page, ui } = await open(HF_DAILY, 16);
    await page.waitForFunction(() => document.querySelectorAll('paperlight-card').length >= 3);
    const seenByPage = await page.evaluate(() =>
      [...document.querySelectorAll('paperlight-card, paperlight-page')].map((host) => ({ host: host.localName, root: host.shadowRoot })));
    expect(seenByPage.length).toBeGreaterThan(3);
    expect(seenByPage.filter((h) => h.host === 'paperlight-page')).toEqual([{ host: 'paperlight-page', root: null }]);
    expect(seenByPage.every((h) => h.root === null)).toBe(true);
    // The roots exist (the protocol sees them) and are closed.
    const roots = await ui.rootTypes();
    expect(roots.length).toBe(seenByPage.length);
    expect(new Set(roots.map((r) => r.type))).toEqual(new Set(['closed']));
    await ui.close();
    await page.close();
  });

  it('writes nothing about the library into the page: saving and tagging a card leaves its DOM as it was', async () => {
    const key = 'arxiv:2305.18323';
    const { page, ui } = await open(HF_DAILY, 16);
    const before = await pageDom(page);
    await saveByClick(page, ui, key);
    await ui.click(await ui.inToolbar(key, { tag: 'button', text: '+ tag' }));
    await ui.inToolbar(key, { tag: 'input' });
    await page.keyboard.type('private');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await savedStateOf(extensionPage, page, key))?.tags).toEqual(['private']);
    await frames(page);
    expect(await pageDom(page)).toBe(before);
    expect(await page.evaluate(() => document.querySelectorAll('[data-paperlight-saved]').length)).toBe(0);
    expect(await page.evaluate(() => performance.getEntries().map((e) => e.name).filter((n) => /paperlight/i.test(n)))).toEqual([]);
    await ui.close();
    await page.close();
  });

  it('writes performance entries into the page only with the debug setting on', async () => {
    const entries = (page: Page) => page.evaluate(() => performance.getEntries().filter((e) => e.name.startsWith('paperlight:')).length);
    const quiet = await session.context.newPage();
    await quiet.goto(ARXIV_NEW.url);
    await waitForCards(quiet, 25);
    await frames(quiet);
    expect(await entries(quiet)).toBe(0);
    await extensionPage.evaluate(() => chrome.storage.local.set({ 'paperlight:settings': { debug: true } }));
    const debug = await session.context.newPage();
    await debug.goto(ARXIV_NEW.url);
    await waitForCards(debug, 25);
    await expect.poll(() => entries(debug)).toBeGreaterThan(0);
    await extensionPage.evaluate(() => chrome.storage.local.set({ 'paperlight:settings': {} }));
    await quiet.close();
    await debug.close();
  });
});

describe('a page that defines Paperlight\'s host names as its own custom elements', () => {
  // The page's own class for each host name takes the element's internals when it is made or upgraded:
  // `internals.shadowRoot` gives a custom element's shadow root even when it is closed, if the root was attached
  // while the page's class was on the element.
  const SPY = `<script>
    window.spied = [];
    window.defineSpies = () => ['paperlight-card', 'paperlight-page', 'paperlight-stub'].forEach((name) =>
      customElements.define(name, class extends HTMLElement {
        constructor() { super(); try { window.spied.push(this.attachInternals()); } catch {} }
      }));
    if (location.search.includes('spy=now')) defineSpies();
    // "later": as soon as the first toolbar host is in the page (most of the first ones then only hold the place of
    // a toolbar built in idle time).
    if (location.search.includes('spy=later')) {
      const watch = new MutationObserver(() => {
        if (!document.querySelector('paperlight-card')) return;
        watch.disconnect();
        defineSpies();
      });
      watch.observe(document, { childList: true, subtree: true });
    }
  </script>`;
  const spyPage = async (when: 'now' | 'later') => {
    const url = `${ARXIV_NEW.url}?spy=${when}`;
    await routeHtml(session.context, exactUrl(url), (await readFixture(ARXIV_NEW.file)).replace('<head>', `<head>${SPY}`));
    return open({ url }, 25);
  };
  /** How many hosts the page's classes ran on, and the text of every root they can read through the internals. */
  const spied = (page: Page) => page.evaluate(() => {
    const internals = (window as unknown as { spied: ElementInternals[] }).spied;
    return { count: internals.length, read: internals.map((i) => i.shadowRoot?.textContent ?? null).filter((t) => t !== null) };
  });

  it('defined before Paperlight came: the page reads no root, and the toolbars work', async () => {
    const key = 'arxiv:2303.00787';
    const { page, ui } = await spyPage('now');
    await saveByClick(page, ui, key);
    expect((await ui.inToolbar(key, { tag: 'button', cls: 'save' })).text).toBe('★ Saved');
    const { count, read } = await spied(page);
    expect(count).toBeGreaterThan(0);
    expect(read).toEqual([]);
    await ui.close();
    await page.close();
  });

  it('defined as the first toolbar hosts arrive: the page reads no root, and every toolbar works', async () => {
    const { page, ui } = await spyPage('later');
    const cards = await page.evaluate(() => [...document.querySelectorAll('[data-paperlight-id]')].map((c) => c.getAttribute('data-paperlight-id')!));
    // The first card's toolbar held its place when the page's class came; the last one's was built after.
    for (const key of [cards[0]!, cards.at(-1)!]) await saveByClick(page, ui, key);
    const { count, read } = await spied(page);
    expect(count).toBeGreaterThan(0);
    expect(read).toEqual([]);
    await ui.close();
    await page.close();
  });
});

describe('only real input drives Paperlight', () => {
  it('ignores synthetic clicks and keys on every element of every card, and synthetic keys on the document', async () => {
    const key = 'arxiv:0704.0217';
    const { page, ui } = await open(SCHOLAR, 5);
    await saveByClick(page, ui, key); // its toolbar now has every control: status, tags, note
    const before = await library();
    const reportBefore = await settledReport(extensionPage, page);
    const dispatched = await page.evaluate(() => {
      // Links must not navigate away while everything is clicked.
      document.addEventListener('click', (event) => event.preventDefault(), true);
      let count = 0;
      const targets = [...document.querySelectorAll('[data-paperlight-id], [data-paperlight-id] *, paperlight-page')];
      for (const element of targets) {
        if (element instanceof HTMLElement) element.click();
        for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'dblclick']) {
          element.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, cancelable: true }));
        }
        for (const key of ['Enter', ' ', 'Escape', 'Delete']) {
          element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
        }
        element.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
        count++;
      }
      for (const init of [
        { key: 'S', code: 'KeyS', altKey: true, shiftKey: true },
        { key: 's' }, { key: 'x' }, { key: 'Delete' }, { key: 'Enter' }, { key: 'u' }, { key: 'z', ctrlKey: true },
      ]) {
        for (const type of ['keydown', 'keypress', 'keyup']) document.dispatchEvent(new KeyboardEvent(type, { ...init, bubbles: true }));
      }
      return count;
    });
    expect(dispatched).toBeGreaterThan(50);
    await frames(page, 4);
    await page.waitForTimeout(500);
    expect(await library()).toEqual(before);
    expect((await settledReport(extensionPage, page)).cards).toEqual(reportBefore.cards);
    await ui.close();
    await page.close();
  });

  it('a synthetic focus does not choose the card the keyboard command saves', async () => {
    const page = await session.context.newPage();
    await page.goto(ARXIV_NEW.url);
    await waitForCards(page, 25);
    const [focusedKey, decoyKey] = await page.evaluate(() => {
      const cards = [...document.querySelectorAll('[data-paperlight-id]')];
      (cards[3]!.querySelector('a') as HTMLElement).focus(); // a real focus move, as a click would make
      cards[7]!.querySelector('a')!.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
      return [cards[3]!.getAttribute('data-paperlight-id')!, cards[7]!.getAttribute('data-paperlight-id')!];
    });
    const worker = await session.serviceWorker();
    await worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
      await chrome.tabs.sendMessage(tab!.id!, { type: 'paperlight:command', command: 'save-focused-card' });
    });
    await expect.poll(async () => (await savedStateOf(extensionPage, page, focusedKey))?.saved).toBe(true);
    expect((await savedStateOf(extensionPage, page, decoyKey))?.saved).toBe(false);
    expect((await library()).map((p) => p.key)).toEqual([focusedKey]);
    await page.close();
  });

  it('unsaving from the card offers "Removed · Undo"; Undo gives the record back exactly, and the offer expires', async () => {
    const key = 'arxiv:2306.01685';
    const { page, ui } = await open(HF_DAILY, 16);
    await saveByClick(page, ui, key);
    await sendFromExtensionPage(extensionPage, { type: 'update', key, set: { status: 'read', note: 'Keep the appendix.' }, addTags: ['optimisers'] });
    await expect.poll(async () => (await savedStateOf(extensionPage, page, key))?.tags).toEqual(['optimisers']);
    const [original] = await library();
    expect(original).toMatchObject({ key, status: 'read', note: 'Keep the appendix.', tags: ['optimisers'] });

    // A click on "★ Saved": the paper goes to the Trash as it was, and the card offers Undo.
    await ui.click(await ui.inToolbar(key, { tag: 'button', cls: 'save' }));
    const undo = await ui.inToolbar(key, { tag: 'button', text: 'Undo' });
    expect((await ui.inToolbar(key, { cls: 'notice' })).text).toBe('Removed · Undo');
    expect(await library()).toEqual([]);
    const trash = await sendFromExtensionPage<{ papers: Array<SavedPaper & { removedAt: number }> }>(extensionPage, { type: 'trash' });
    expect(trash.papers.map(({ removedAt: _, ...paper }) => paper)).toEqual([original]);
    await ui.click(undo);
    await expect.poll(library).toEqual([original]);
    await expect.poll(async () => (await ui.allInToolbar(key, { text: 'Undo' })).length).toBe(0);
    expect(await savedStateOf(extensionPage, page, key)).toEqual({ saved: true, status: 'read', tags: ['optimisers'] });

    // The keyboard command unsaves the focused card the same way; left alone, the offer goes after a few seconds.
    await page.evaluate((k) => (document.querySelector(`[data-paperlight-id="${k}"] a`) as HTMLElement).focus(), key);
    const worker = await session.serviceWorker();
    await worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
      await chrome.tabs.sendMessage(tab!.id!, { type: 'paperlight:command', command: 'save-focused-card' });
    });
    await ui.inToolbar(key, { tag: 'button', text: 'Undo' });
    await expect.poll(async () => (await ui.allInToolbar(key, { text: 'Undo' })).length, { timeout: 15_000 }).toBe(0);
    expect(await library()).toEqual([]);
    await ui.close();
    await page.close();
  });

  it('real clicks and keys do what they say: save, tag, status, note', async () => {
    const key = 'arxiv:2411.18933';
    const { page, ui } = await open(HF_DAILY, 16);
    await saveByClick(page, ui, key);
    expect((await ui.inToolbar(key, { tag: 'button', cls: 'save' })).text).toBe('★ Saved');

    await ui.click(await ui.inToolbar(key, { tag: 'button', text: '+ tag' }));
    await ui.inToolbar(key, { tag: 'input' });
    await page.keyboard.type('tracking');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await ui.allInToolbar(key, { cls: 'tag' })).map((t) => t.text)).toEqual(['tracking×']);

    // The status: focused with the mouse, changed with the arrow keys (as a keyboard user does).
    const status = await ui.inToolbar(key, { tag: 'select' });
    await ui.click(status);
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await savedStateOf(extensionPage, page, key))?.status).toBe('reading');

    await ui.click(await ui.inToolbar(key, { tag: 'button', text: '✎ Note' }));
    const note = await ui.inToolbar(key, { tag: 'textarea' });
    await expect.poll(async () => (await ui.inToolbar(key, { tag: 'textarea' })).attributes.disabled).toBeUndefined();
    await ui.click(note);
    await page.keyboard.type('Compare with SAM 2 on long videos.');
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await library()).find((p) => p.key === key)?.note).toBe('Compare with SAM 2 on long videos.');

    expect(await savedStateOf(extensionPage, page, key)).toEqual({ saved: true, status: 'reading', tags: ['tracking'] });
    await ui.close();
    await page.close();
  });

  it('a note typed and left by reloading or closing the page is kept', async () => {
    const key = 'arxiv:2411.18933';
    // 'closed by the reader': the tab asks the page first, as Ctrl+W does (beforeunload, then pagehide).
    for (const leave of ['reload', 'close', 'closed by the reader'] as const) {
      const { page, ui } = await open(HF_DAILY, 16);
      if (!(await savedStateOf(extensionPage, page, key))?.saved) await saveByClick(page, ui, key);
      await ui.click(await ui.inToolbar(key, { tag: 'button', text: '✎ Note' }));
      await expect.poll(async () => (await ui.inToolbar(key, { tag: 'textarea' })).attributes.disabled).toBeUndefined();
      await ui.click(await ui.inToolbar(key, { tag: 'textarea' }));
      await page.keyboard.press('Control+A'); // the note the round before kept, replaced
      await page.keyboard.type(`Typed, then ${leave}.`);
      await ui.close();
      if (leave === 'reload') await page.reload();
      else await page.close({ runBeforeUnload: leave !== 'close' });
      await expect.poll(async () => (await library()).find((p) => p.key === key)?.note).toBe(`Typed, then ${leave}.`);
      if (!page.isClosed()) await page.close();
    }
  });

  it('a note typed and the card unsaved at once by the keyboard command goes to the Trash with the paper', async () => {
    const key = 'arxiv:2411.18933';
    const { page, ui } = await open(HF_DAILY, 16);
    if (!(await savedStateOf(extensionPage, page, key))?.saved) await saveByClick(page, ui, key);
    await ui.click(await ui.inToolbar(key, { tag: 'button', text: '✎ Note' }));
    await expect.poll(async () => (await ui.inToolbar(key, { tag: 'textarea' })).attributes.disabled).toBeUndefined();
    await ui.click(await ui.inToolbar(key, { tag: 'textarea' }));
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Typed, then unsaved by the command.');
    const worker = await session.serviceWorker();
    await worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
      await chrome.tabs.sendMessage(tab!.id!, { type: 'paperlight:command', command: 'save-focused-card' });
    });
    await expect.poll(async () => (await sendFromExtensionPage<{ papers: Array<{ key: string; note: string }> }>(extensionPage, { type: 'trash' }))
      .papers.find((p) => p.key === key)?.note).toBe('Typed, then unsaved by the command.');
    expect(await ui.allInToolbar(key, { cls: 'error' })).toEqual([]);
    await ui.close();
    await page.close();
  });

  it('one click on "✎ Note" just after adding a tag opens the note: the open tag field does not slide it from under the pointer', async () => {
    const key = 'arxiv:2411.18933';
    const { page, ui } = await open(HF_DAILY, 16);
    await saveByClick(page, ui, key);
    await ui.click(await ui.inToolbar(key, { tag: 'button', text: '+ tag' }));
    await ui.inToolbar(key, { tag: 'input' });
    await page.keyboard.type('tracking');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await ui.allInToolbar(key, { cls: 'tag' })).map((t) => t.text)).toEqual(['tracking×']);
    // The tag field is still open and focused (more tags may follow); the reader moves straight on to the note,
    // with one press and release of the mouse where "✎ Note" is drawn.
    expect(await ui.allInToolbar(key, { tag: 'input' })).toHaveLength(1);
    await ui.click(await ui.inToolbar(key, { tag: 'button', text: '✎ Note' }));
    const note = await ui.inToolbar(key, { tag: 'textarea' });
    await expect.poll(async () => (await ui.inToolbar(key, { tag: 'textarea' })).attributes.disabled).toBeUndefined();
    // The note takes what is typed, and the tag field, left, closes.
    await ui.click(note);
    await page.keyboard.type('Read section 4.');
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await library()).find((p) => p.key === key)?.note).toBe('Read section 4.');
    expect(await ui.allInToolbar(key, { tag: 'input' })).toHaveLength(0);
    expect((await library()).find((p) => p.key === key)?.tags).toEqual(['tracking']);
    await ui.close();
    await page.close();
  });

  it('a tag typed and not confirmed is kept when the reader clicks away, as Enter would; Escape drops it', async () => {
    const key = 'arxiv:2411.18933';
    const { page, ui } = await open(HF_DAILY, 16);
    if (!(await savedStateOf(extensionPage, page, key))?.saved) await saveByClick(page, ui, key);
    const tagsBefore = (await library()).find((p) => p.key === key)!.tags;
    await ui.click(await ui.inToolbar(key, { tag: 'button', text: '+ tag' }));
    await ui.inToolbar(key, { tag: 'input' });
    await page.keyboard.type('clicked away');
    await page.mouse.click(3, 3); // the page's margin, away from every card
    await expect.poll(async () => (await library()).find((p) => p.key === key)?.tags).toEqual([...tagsBefore, 'clicked away']);
    await expect.poll(async () => (await ui.allInToolbar(key, { tag: 'input' })).length).toBe(0);

    await ui.click(await ui.inToolbar(key, { tag: 'button', text: '+ tag' }));
    await ui.inToolbar(key, { tag: 'input' });
    await page.keyboard.type('escaped');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await ui.allInToolbar(key, { tag: 'input' })).length).toBe(0);
    await page.mouse.click(3, 3);
    await frames(page);
    expect((await library()).find((p) => p.key === key)?.tags).toEqual([...tagsBefore, 'clicked away']);
    await ui.close();
    await page.close();
  });
});

describe('a page whose script takes Paperlight\'s hosts out', () => {
  /** A page script that takes out every `paperlight-*` element it sees arrive, counting them (window.takenOut). */
  const REMOVER = `<script>
    window.takenOut = 0;
    new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) {
        if (node.nodeType === 1 && node.localName.startsWith('paperlight-')) { node.remove(); window.takenOut++; }
      }
    }).observe(document, { childList: true, subtree: true });
  </script>`;
  /** A page script that takes every toolbar host out every 400 ms, as a page re-rendering its cards on a timer might. */
  const RERENDER = `<script>
    window.rounds = 0;
    const timer = setInterval(() => {
      document.querySelectorAll('paperlight-card').forEach((host) => host.remove());
      if (++window.rounds === 10) clearInterval(timer);
    }, 400);
  </script>`;
  const pageWith = async (name: string, script: string) => {
    const url = `${ARXIV_NEW.url}?${name}`;
    await routeHtml(session.context, exactUrl(url), (await readFixture(ARXIV_NEW.file)).replace('<head>', `<head>${script}`));
    const page = await openWithCards(session.context, url, 25);
    return { page, report: await settledReport(extensionPage, page) };
  };
  const takenOut = (page: Page) => page.evaluate(() => (window as unknown as { takenOut: number }).takenOut);
  /** How many of our hosts the page took out in the next half second. */
  const takenInHalfASecond = async (page: Page) => {
    const before = await takenOut(page);
    await page.waitForTimeout(500);
    return (await takenOut(page)) - before;
  };

  it('stops putting back a host the page keeps taking out, and says so in the page report', async () => {
    const { page } = await pageWith('remover', REMOVER);
    // Each host goes back a few times, then stays out: the page soon has nothing more to take out (before, the
    // hosts went back on every frame, and the page took out ~150 a second for as long as it was open).
    await expect.poll(() => takenInHalfASecond(page), { timeout: 15_000 }).toBe(0);
    const report = await settledReport(extensionPage, page);
    const cards = report.cards.map((card) => card.key);
    expect(cards).toHaveLength(25); // the page is still read: only the hosts stay out
    expect(report.leftOut!.pageLayer).toBe(true);
    expect(report.leftOut!.toolbars.length).toBeGreaterThan(0);
    expect(cards).toEqual(expect.arrayContaining(report.leftOut!.toolbars));
    // Each host was put back at most ten times (put-back.ts), the page layer and every card's toolbar.
    expect(await takenOut(page)).toBeLessThanOrEqual(11 * (1 + report.leftOut!.toolbars.length));
    await page.close();
  });

  it('stops putting back a rule\'s "hidden" line the page keeps taking out, and says so in the page report', async () => {
    const rules = [{ match: 'phrase', pattern: 'magnetic', field: 'any', action: 'hide' }];
    await extensionPage.evaluate((r) => chrome.storage.local.set({ 'paperlight:settings': { rules: r } }), rules);
    try {
      const { page } = await pageWith('remover-rules', REMOVER);
      await expect.poll(async () => (await settledReport(extensionPage, page)).leftOut?.stubs.length ?? 0, { timeout: 15_000 }).toBeGreaterThan(0);
      await expect.poll(() => takenInHalfASecond(page), { timeout: 15_000 }).toBe(0);
      const report = await settledReport(extensionPage, page);
      const hidden = report.cards.filter((card) => card.hidden).map((card) => card.key);
      expect(hidden.length).toBeGreaterThan(0); // the rule still hides its cards: only its line stays out
      expect(hidden).toEqual(expect.arrayContaining(report.leftOut!.stubs));
      await page.close();
    } finally {
      await extensionPage.evaluate(() => chrome.storage.local.set({ 'paperlight:settings': {} }));
    }
  });

  it('keeps putting back the hosts of a page that takes them out now and then (a re-render on a timer)', async () => {
    const { page, report } = await pageWith('rerender', RERENDER);
    await expect.poll(() => page.evaluate(() => (window as unknown as { rounds: number }).rounds), { timeout: 10_000 }).toBe(10);
    await frames(page);
    const hosts = await page.evaluate(() => [...document.querySelectorAll('[data-paperlight-id]')]
      .filter((card) => card.querySelector('paperlight-card')).length);
    expect(hosts).toBeGreaterThan(0);
    expect((await settledReport(extensionPage, page)).leftOut).toBeUndefined();
    expect(report.leftOut).toBeUndefined();
    const ui = await openClosedUi(session.context, page);
    await saveByClick(page, ui, report.cards[0]!.key);
    await ui.close();
    await page.close();
  });
});
