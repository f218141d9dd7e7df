// The in-page annotation in Chromium with the built extension, on fixture pages fulfilled under the
// URLs they stand for (docs/fixtures.md): the DOM contract, the metrics each card states highlighted,
// hover readings, saving and tagging from the card, saved state across pages and tabs, hostile text,
// copy, dynamic pages. What each page should show is written out in page-readings.ts. Paperlight's UI is in
// closed shadow roots: the tests reach it through the DevTools protocol and click it with the real mouse
// (closed-ui.ts), and read a card's saved state from the page report (page-report.ts).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SavedPaper } from '../../src/core/paper';
import { ARTIFACTS, exactUrl, launchChromium, readFixture, routeFixtures, routeHtml, sendFromExtensionPage, type ChromiumSession } from './harness';
import { openClosedUi, type ClosedUi } from './closed-ui';
import { savedStateOf } from './page-report';
import { frames, openWithCards, shownCards, waitForCards } from './page-tools';
import { ACL_VOLUME, ARXIV_NEW, CVF, HF_DAILY, HF_DAILY_GROUPS, HF_PAPER, SCHOLAR, metricsOf } from './page-readings';

const PAGES = [HF_DAILY, HF_PAPER, ARXIV_NEW, SCHOLAR, CVF, ACL_VOLUME];

declare const chrome: {
  storage: { local: { set(items: object): Promise<void> } };
  tabs: { query(q: object): Promise<Array<{ id?: number }>>; sendMessage(id: number, m: unknown): Promise<unknown> };
};

let session: ChromiumSession;
let extensionPage: Page;

const open = (fixture: { url: string }, count: number): Promise<Page> => openWithCards(session.context, fixture.url, count);

/** The card's saved state as the tab reports it: `saved`, `status`, `tags`. */
async function stateOf(page: Page, key: string) {
  return savedStateOf(extensionPage, page, key);
}

async function isSaved(page: Page, key: string): Promise<boolean | undefined> {
  return (await stateOf(page, key))?.saved;
}

async function ui(page: Page): Promise<ClosedUi> {
  return openClosedUi(session.context, page);
}

async function library(): Promise<SavedPaper[]> {
  const reply = await sendFromExtensionPage<{ ok: boolean; papers: SavedPaper[] }>(extensionPage, { type: 'getAll' });
  return reply.papers;
}

beforeAll(async () => {
  session = await launchChromium();
  await routeFixtures(session.context, PAGES.map(({ url, file }) => ({ url: exactUrl(url), file })));
  extensionPage = await session.openExtensionPage('src/popup/index.html');
});
afterAll(() => session?.close());

describe('highlights and the DOM contract', () => {
  it.each(PAGES)('$url: every card is marked, with the count of the metrics it states, each highlighted', async (fixture) => {
    const page = await open(fixture, fixture.keys.length);
    await frames(page);
    const shown = await shownCards(page);
    expect(shown.map((c) => c.key)).toEqual(fixture.keys);
    for (const card of shown) {
      expect(card.metrics, card.key).toBe(metricsOf(fixture, card.key).length);
      expect(card.highlighted, `${card.key} highlights`).toEqual(metricsOf(fixture, card.key));
    }
    await page.close();
  });

  it('adds no attribute to the page other than the four of the DOM contract', async () => {
    expect(await readFixture(HF_DAILY.file)).not.toContain('paperlight');
    const page = await open(HF_DAILY, 16);
    await frames(page);
    const names = await page.evaluate(() => [...new Set(
      [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => n.startsWith('data-paperlight')),
    )].sort());
    expect(names).toEqual(['data-paperlight-code', 'data-paperlight-id', 'data-paperlight-metrics']);
    const foreign = await page.evaluate(() =>
      [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('paperlight-')).map((e) => e.localName));
    expect(new Set(foreign)).toEqual(new Set(['paperlight-card', 'paperlight-page']));
    await page.close();
  });

  it('shows what was read when the pointer rests on a highlight', async () => {
    const page = await open(HF_DAILY, 16);
    await frames(page);
    const target = await page.evaluate(() => {
      const highlight = CSS.highlights.get('paperlight-speed') as Highlight;
      const range = [...highlight][0] as Range;
      const rect = range.getBoundingClientRect();
      return { text: range.toString(), x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    // The first speed highlight: "… with ~2x speedup on A100 …" in the first card's abstract.
    expect(target.text).toBe('~2x');
    await page.mouse.move(target.x, target.y);
    const layer = await ui(page);
    const tooltips = async () => (await layer.allInPageLayer({ cls: 'tooltip' })).map((t) => t.text);
    await expect.poll(tooltips).toEqual(['~2x · speedup · speedup on A100']);
    await page.mouse.move(5, 5);
    await expect.poll(tooltips).toEqual([]);
    await layer.close();
    await page.close();
  });
});

describe('saving and tagging from the card', () => {
  it('saves and tags a paper from its card; the database has it and the page shows it saved', async () => {
    const key = 'arxiv:2305.18323';
    const page = await open(HF_DAILY, 16);
    const toolbar = await ui(page);
    await toolbar.click(await toolbar.inToolbar(key, { tag: 'button', cls: 'save' }));
    await expect.poll(() => isSaved(page, key)).toBe(true);
    await toolbar.click(await toolbar.inToolbar(key, { tag: 'button', text: '+ tag' }));
    await toolbar.inToolbar(key, { tag: 'input' });
    await page.keyboard.type('efficient inference');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await toolbar.allInToolbar(key, { cls: 'tag' })).map((t) => t.text)).toEqual(['efficient inference×']);
    // The status select, focused with the mouse and changed with the keyboard.
    await toolbar.click(await toolbar.inToolbar(key, { tag: 'select' }));
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await library()).find((p) => p.key === key)?.status).toBe('reading');
    // The page learns it from the write's answer, which may come a moment after the database has it.
    await expect.poll(() => stateOf(page, key)).toEqual({ saved: true, status: 'reading', tags: ['efficient inference'] });
    await toolbar.close();
    const saved = (await library()).find((p) => p.key === 'arxiv:2305.18323')!;
    expect(saved).toMatchObject({ tags: ['efficient inference'], status: 'reading', site: 'huggingface' });
    expect(saved.title).toBe('ReWOO: Decoupling Reasoning from Observations for Efficient Augmented Language Models');
    expect(saved.metrics.map((m) => m.text)).toEqual(metricsOf(HF_DAILY, 'arxiv:2305.18323'));
    // And the toolbar popup lists it, with its tag.
    const popup = await session.openExtensionPage('src/popup/index.html');
    const row = popup.getByRole('option').filter({ hasText: saved.title });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('efficient inference');
    await popup.close();
    await page.close();
  });

  it('shows the saved state on another page of the same paper, and live in an open tab', async () => {
    const paperPage = await open(HF_PAPER, 1);
    await expect.poll(() => isSaved(paperPage, 'arxiv:2305.18323')).toBe(true);
    // Unsave from the popup's side: the open tab follows without a reload.
    await sendFromExtensionPage(extensionPage, { type: 'remove', key: 'arxiv:2305.18323' });
    await expect.poll(() => isSaved(paperPage, 'arxiv:2305.18323')).toBe(false);
    await paperPage.close();
  });

  it('shows a paper saved on one site as saved on another site (Scholar, then CVF)', async () => {
    const key = 'arxiv:0704.0217';
    const scholar = await open(SCHOLAR, 5);
    const scholarUi = await ui(scholar);
    await scholarUi.click(await scholarUi.inToolbar(key, { tag: 'button', cls: 'save' }));
    await expect.poll(() => isSaved(scholar, key)).toBe(true);
    const cvf = await open(CVF, 10);
    await expect.poll(() => isSaved(cvf, key)).toBe(true);
    const cvfUi = await ui(cvf);
    await expect.poll(async () => (await cvfUi.inToolbar(key, { tag: 'button', cls: 'save' })).attributes['aria-pressed']).toBe('true');
    await scholarUi.close();
    await cvfUi.close();
    await scholar.close();
    await cvf.close();
  });

  it('saves the focused card with the keyboard', async () => {
    const page = await open(ARXIV_NEW, 20);
    const key = (await page.locator('[data-paperlight-id]').nth(2).getAttribute('data-paperlight-id'))!;
    const toolbar = await ui(page);
    await toolbar.inToolbar(key, { tag: 'button', cls: 'save' }); // mounted
    // Tab from the card's last control reaches its toolbar's first button, "Save".
    await page.evaluate((k) => {
      const card = document.querySelector(`[data-paperlight-id="${k}"]`)!;
      [...card.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')].at(-1)!.focus();
    }, key);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => isSaved(page, key)).toBe(true);
    expect((await library()).some((p) => p.key === key)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => isSaved(page, key)).toBe(false);
    await toolbar.close();
    await page.close();
  });
});

describe('screenshots for a person to look at (test-results/)', () => {
  it('an annotated Hugging Face listing: a saved, tagged card, the filter strip and a hover reading', async () => {
    const key = 'arxiv:2411.18933';
    const page = await open(HF_DAILY, 16);
    const toolbar = await ui(page);
    await toolbar.click(await toolbar.inToolbar(key, { tag: 'button', cls: 'save' }));
    await toolbar.click(await toolbar.inToolbar(key, { tag: 'button', text: '+ tag' }));
    await toolbar.inToolbar(key, { tag: 'input' });
    await page.keyboard.type('segmentation');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await toolbar.allInToolbar(key, { cls: 'tag' })).length).toBe(1);
    const [filters] = await toolbar.allInPageLayer({ tag: 'button', text: 'Filters' });
    await toolbar.click(filters!);
    const point = await page.evaluate(() => {
      const range = [...(CSS.highlights.get('paperlight-speed') as Highlight)][0] as Range;
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.move(point.x, point.y);
    await expect.poll(async () => (await toolbar.allInPageLayer({ cls: 'tooltip' })).length).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'annotated-hf-daily.png') });
    await sendFromExtensionPage(extensionPage, { type: 'remove', key });
    await toolbar.close();
    await page.close();
  });

  it('an ACL volume with collapsed abstracts: metric chips on the card, highlights once opened', async () => {
    // The one rule of the site's Bootstrap CSS that matters here (the real stylesheet is not in the fixture).
    await session.context.route(/^https:\/\/aclanthology\.org\/css\//, (route) =>
      route.fulfill({ contentType: 'text/css', body: '.collapse:not(.show) { display: none; }' }));
    const page = await open(ACL_VOLUME, 20);
    const withChips = page.locator('[data-paperlight-id="acl:2023.alta-1.1"]');
    const toolbar = await ui(page);
    await toolbar.inToolbar('acl:2023.alta-1.1', { tag: 'button', cls: 'save' }); // mounted, scrolled into view
    // The abstract is collapsed, so its three metrics ("15,056 labeled and 65,406 unlabeled news headlines …
    // a total of 1 million") are chips on the card.
    await expect.poll(async () => (await toolbar.allInToolbar('acl:2023.alta-1.1', { tag: 'button', cls: 'metric' })).map((b) => b.text))
      .toEqual(['15,056', '65,406', '1 million']);
    await toolbar.close();
    await page.evaluate(() => window.scrollBy(0, -80));
    await page.screenshot({ path: path.join(ARTIFACTS, 'annotated-acl-volume.png') });
    // The reader opens the abstract ("abs"): its metrics are highlighted where they stand.
    const visible = await withChips.evaluate((entry) => {
      entry.nextElementSibling!.classList.add('show');
      const ranges = [...CSS.highlights].flatMap(([, h]) => [...(h as Highlight)]) as Range[];
      return ranges.filter((r) => entry.nextElementSibling!.contains(r.startContainer) && r.getClientRects().length > 0).length;
    });
    expect(visible).toBe(3);
    await page.close();
  });
});

describe('settings and commands', () => {
  async function setSettings(settings: unknown): Promise<void> {
    await extensionPage.evaluate((value) => chrome.storage.local.set({ 'paperlight:settings': value }), settings);
  }

  it('hides a colour when its kind is switched off, and leaves a switched-off site alone, live', async () => {
    const page = await open(HF_DAILY, 16);
    const speedRanges = () => page.evaluate(() => (CSS.highlights.get('paperlight-speed') as Highlight | undefined)?.size ?? 0);
    expect(await speedRanges()).toBe(HF_DAILY_GROUPS.speed);
    await setSettings({ highlight: { speed: false } });
    await expect.poll(speedRanges).toBe(0);
    expect(await page.evaluate(() => (CSS.highlights.get('paperlight-quality') as Highlight).size)).toBe(HF_DAILY_GROUPS.quality);
    await setSettings({ sites: { huggingface: false } });
    await expect.poll(() => page.locator('[data-paperlight-id]').count()).toBe(0);
    expect(await page.locator('paperlight-card, paperlight-page').count()).toBe(0);
    await setSettings({});
    await expect.poll(() => page.locator('[data-paperlight-id]').count()).toBe(16);
    await page.close();
  });

  it('saves the card holding the focus when the save-focused-card command arrives', async () => {
    const page = await open(ARXIV_NEW, 20);
    const card = page.locator('[data-paperlight-id]').nth(4);
    const key = (await card.getAttribute('data-paperlight-id'))!;
    await card.locator('a').first().focus(); // element.focus(): a real focus move, trusted
    // What the background does on the keyboard command: tell the active tab.
    const worker = await session.serviceWorker();
    await worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
      await chrome.tabs.sendMessage(tab!.id!, { type: 'paperlight:command', command: 'save-focused-card' });
    });
    await expect.poll(() => isSaved(page, key)).toBe(true);
    expect((await library()).some((p) => p.key === key)).toBe(true);
    await sendFromExtensionPage(extensionPage, { type: 'remove', key });
    await page.close();
  });

  it('the command given twice before the save\'s answer saves, then unsaves (not two saves of the card)', async () => {
    const page = await open(ARXIV_NEW, 20);
    const card = page.locator('[data-paperlight-id]').nth(5);
    const key = (await card.getAttribute('data-paperlight-id'))!;
    await card.locator('a').first().focus();
    const worker = await session.serviceWorker();
    await worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
      const command = { type: 'paperlight:command', command: 'save-focused-card' };
      await Promise.all([chrome.tabs.sendMessage(tab!.id!, command), chrome.tabs.sendMessage(tab!.id!, command)]);
    });
    await expect.poll(async () => (await sendFromExtensionPage<{ papers: Array<{ key: string }> }>(extensionPage, { type: 'trash' })).papers
      .filter((p) => p.key === key).length).toBe(1);
    expect(await isSaved(page, key)).toBe(false);
    expect((await library()).some((p) => p.key === key)).toBe(false);
    await sendFromExtensionPage(extensionPage, { type: 'emptyTrash' });
    await page.close();
  });
});

describe('the page stays the page', () => {
  it('copying a highlighted abstract gives the original text', async () => {
    const page = await open(HF_DAILY, 16);
    await frames(page);
    const { copied, original } = await page.evaluate(() => {
      const card = document.querySelector('[data-paperlight-id="arxiv:2202.13514"]')!;
      const paragraph = [...card.querySelectorAll('p')].sort((a, b) => b.textContent!.length - a.textContent!.length)[0]!;
      getSelection()!.selectAllChildren(paragraph);
      return { copied: getSelection()!.toString(), original: paragraph.textContent };
    });
    expect(copied).toBe(original);
    const html = await readFixture(HF_DAILY.file);
    expect(html).toContain(copied.slice(0, 60));
    await page.close();
  });

  it('renders hostile titles and abstracts as text and runs nothing', async () => {
    const hostileTitle = '<img src=x onerror="window.__pwned=1"></style><script>window.__pwned=2</script> 3x faster';
    const hostileAbstract = 'We get 2.4x speedup. <img src=y onerror="window.__pwned=3"> Code: https://github.com/evil/"><svg/onload=window.__pwned=4>';
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    const base = await readFixture(ARXIV_NEW.file);
    const hostile = base
      .replace(/(<div class=['"]list-title mathjax['"]><span class=['"]descriptor['"]>Title:<\/span>)([^<]*)/, `$1${escape(hostileTitle)}`)
      .replace(/(<p class=['"]mathjax['"]>)([^<]*)/, `$1${escape(hostileAbstract)}`);
    expect(hostile).not.toBe(base);
    const url = 'https://arxiv.org/list/cs.CR/new';
    await routeHtml(session.context, exactUrl(url), hostile);
    const page = await session.context.newPage();
    await page.goto(url);
    await waitForCards(page, 20);
    const key = (await page.locator('[data-paperlight-id]').first().getAttribute('data-paperlight-id'))!;
    const closed = await ui(page);
    await closed.click(await closed.inToolbar(key, { tag: 'button', cls: 'save' }));
    await expect.poll(() => isSaved(page, key)).toBe(true);
    await frames(page);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    const toolbar = await closed.inToolbar(key, { attrs: { role: 'toolbar' } });
    expect(toolbar.attributes['aria-label']).toContain('<img src=x onerror="window.__pwned=1">');
    // Inside the closed roots too, the hostile text stayed text: no element came of it.
    for (const tag of ['img', 'script', 'svg']) {
      expect(await closed.allInToolbar(key, { tag }), tag).toEqual([]);
      expect(await closed.allInPageLayer({ tag }), tag).toEqual([]);
    }
    await closed.close();
    const stored = (await library()).find((p) => p.title.includes('onerror'));
    expect(stored?.title).toContain('</style><script>');
    await page.close();
  });
});

describe('dynamic pages', () => {
  // How fast they are marked is the benchmark's (`annotate.scroll100CardsMs`, against one frame), not a test's.
  it('recognises 100 cards inserted after load, each once', async () => {
    // Every card of the page first (the ones below the screen are annotated in idle time), then the 100 more.
    const page = await open(ARXIV_NEW, ARXIV_NEW.keys.length);
    const before = (await shownCards(page)).length;
    const added = await page.evaluate(() => {
      const list = document.querySelector('dl')!;
      const dt = list.querySelector('dt')!;
      const dd = list.querySelector('dd')!;
      for (let i = 0; i < 100; i++) {
        const id = `2303.${String(90000 + i)}`;
        const newDt = dt.cloneNode(true) as Element;
        const newDd = dd.cloneNode(true) as Element;
        newDt.querySelectorAll('paperlight-card').forEach((n) => n.remove());
        newDd.querySelectorAll('paperlight-card').forEach((n) => n.remove());
        for (const a of newDt.querySelectorAll('a[href]')) a.setAttribute('href', a.getAttribute('href')!.replace(/\d{4}\.\d{5}/, id));
        for (const a of newDt.querySelectorAll('a')) if (/arXiv:\d/.test(a.textContent!)) a.textContent = `arXiv:${id}`;
        for (const e of [newDt, newDd]) for (const name of [...e.attributes].map((x) => x.name)) if (name.startsWith('data-paperlight')) e.removeAttribute(name);
        list.append(newDt, newDd);
      }
      return 100;
    });
    await waitForCards(page, before + added);
    await frames(page, 2);
    const after = await shownCards(page);
    expect(after.length).toBe(before + added);
    expect(new Set(after.map((c) => c.key)).size).toBe(after.length);
    await page.close();
  });

  it('re-runs after an in-page navigation to another listing', async () => {
    const page = await open(HF_DAILY, 16);
    const paperHtml = await readFixture(HF_PAPER.file);
    await page.evaluate((html) => {
      const next = new DOMParser().parseFromString(html, 'text/html');
      history.pushState({}, '', '/papers/2305.18323');
      document.body.replaceWith(document.adoptNode(next.body));
    }, paperHtml);
    await expect.poll(async () => (await shownCards(page)).map((c) => c.key)).toEqual(['arxiv:2305.18323']);
    await page.close();
  });
});
