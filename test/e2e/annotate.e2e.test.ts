// The in-page annotation in Chromium with the built extension, on fixture pages fulfilled under the
// URLs they stand for (docs/fixtures.md): the DOM contract, the metrics each card states highlighted,
// hover readings, saving and tagging from the card, saved state across pages and tabs, hostile text,
// copy, dynamic pages. What each page should show is written out in page-readings.ts.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SavedPaper } from '../../src/core/paper';
import { ARTIFACTS, exactUrl, launchChromium, readFixture, routeFixtures, routeHtml, sendFromExtensionPage, type ChromiumSession } from './harness';
import { frames, shownCards, waitForCards } from './page-tools';
import { ACL_VOLUME, ARXIV_NEW, CVF, HF_DAILY, HF_DAILY_GROUPS, HF_PAPER, SCHOLAR, metricsOf } from './page-readings';

const PAGES = [HF_DAILY, HF_PAPER, ARXIV_NEW, SCHOLAR, CVF, ACL_VOLUME];

declare const chrome: {
  storage: { local: { set(items: object): Promise<void> } };
  tabs: { query(q: object): Promise<Array<{ id?: number }>>; sendMessage(id: number, m: unknown): Promise<unknown> };
};

let session: ChromiumSession;
let extensionPage: Page;

async function open(fixture: { url: string }, count: number): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(fixture.url);
  await waitForCards(page, count);
  return page;
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
    const tooltip = page.locator('paperlight-page .tooltip');
    await expect.poll(() => tooltip.textContent()).toBe('~2x · speedup · speedup on A100');
    await page.mouse.move(5, 5);
    await expect.poll(() => tooltip.count()).toBe(0);
    await page.close();
  });
});

describe('saving and tagging from the card', () => {
  it('saves and tags a paper from its card; the database has it and the page shows it saved', async () => {
    const page = await open(HF_DAILY, 16);
    const card = page.locator('[data-paperlight-id="arxiv:2305.18323"]');
    await card.scrollIntoViewIfNeeded();
    await card.locator('paperlight-card button.save').click();
    await expect.poll(() => card.getAttribute('data-paperlight-saved')).toBe('true');
    await card.locator('paperlight-card button', { hasText: '+ tag' }).click();
    await card.locator('paperlight-card .tag-field input').fill('efficient inference');
    await card.locator('paperlight-card .tag-field input').press('Enter');
    await expect.poll(() => card.locator('paperlight-card .tag').first().textContent()).toContain('efficient inference');
    await card.locator('paperlight-card select').selectOption('reading');
    await expect.poll(async () => (await library()).find((p) => p.key === 'arxiv:2305.18323')?.status).toBe('reading');
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
    const paperCard = paperPage.locator('[data-paperlight-id="arxiv:2305.18323"]');
    await expect.poll(() => paperCard.getAttribute('data-paperlight-saved')).toBe('true');
    // Unsave from the popup's side: the open tab follows without a reload.
    await sendFromExtensionPage(extensionPage, { type: 'remove', key: 'arxiv:2305.18323' });
    await expect.poll(() => paperCard.getAttribute('data-paperlight-saved')).toBeNull();
    await paperPage.close();
  });

  it('shows a paper saved on one site as saved on another site (Scholar, then CVF)', async () => {
    const key = 'arxiv:0704.0217';
    const scholar = await open(SCHOLAR, 5);
    const card = scholar.locator(`[data-paperlight-id="${key}"]`);
    await card.scrollIntoViewIfNeeded();
    await card.locator('paperlight-card button.save').click();
    await expect.poll(() => card.getAttribute('data-paperlight-saved')).toBe('true');
    const cvf = await open(CVF, 10);
    await expect.poll(() => cvf.locator(`[data-paperlight-id="${key}"]`).getAttribute('data-paperlight-saved')).toBe('true');
    await cvf.locator(`[data-paperlight-id="${key}"]`).scrollIntoViewIfNeeded();
    await expect.poll(() => cvf.locator(`[data-paperlight-id="${key}"] paperlight-card button.save`).getAttribute('aria-pressed')).toBe('true');
    await scholar.close();
    await cvf.close();
  });

  it('saves the focused card with the keyboard', async () => {
    const page = await open(ARXIV_NEW, 20);
    const card = page.locator('[data-paperlight-id]').nth(2);
    const key = (await card.getAttribute('data-paperlight-id'))!;
    await card.scrollIntoViewIfNeeded();
    await card.locator('paperlight-card button.save').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => card.getAttribute('data-paperlight-saved')).toBe('true');
    expect((await library()).some((p) => p.key === key)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => card.getAttribute('data-paperlight-saved')).toBeNull();
    await page.close();
  });
});

describe('screenshots for a person to look at (test-results/)', () => {
  it('an annotated Hugging Face listing: a saved, tagged card, the filter strip and a hover reading', async () => {
    const page = await open(HF_DAILY, 16);
    const card = page.locator('[data-paperlight-id="arxiv:2411.18933"]');
    await card.locator('paperlight-card button.save').click();
    await card.locator('paperlight-card button', { hasText: '+ tag' }).click();
    await card.locator('paperlight-card .tag-field input').fill('segmentation');
    await card.locator('paperlight-card .tag-field input').press('Enter');
    await expect.poll(() => card.locator('paperlight-card .tag').count()).toBe(1);
    await page.locator('paperlight-page button', { hasText: 'Filters' }).click();
    const point = await page.evaluate(() => {
      const range = [...(CSS.highlights.get('paperlight-speed') as Highlight)][0] as Range;
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => page.locator('paperlight-page .tooltip').count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'annotated-hf-daily.png') });
    await sendFromExtensionPage(extensionPage, { type: 'remove', key: 'arxiv:2411.18933' });
    await page.close();
  });

  it('an ACL volume with collapsed abstracts: metric chips on the card, highlights once opened', async () => {
    // The one rule of the site's Bootstrap CSS that matters here (the real stylesheet is not in the fixture).
    await session.context.route(/^https:\/\/aclanthology\.org\/css\//, (route) =>
      route.fulfill({ contentType: 'text/css', body: '.collapse:not(.show) { display: none; }' }));
    const page = await open(ACL_VOLUME, 20);
    const withChips = page.locator('[data-paperlight-id="acl:2023.alta-1.1"]');
    await withChips.scrollIntoViewIfNeeded();
    // The abstract is collapsed, so its three metrics ("15,056 labeled and 65,406 unlabeled news headlines …
    // a total of 1 million") are chips on the card.
    await expect.poll(() => withChips.locator('paperlight-card button.metric').allTextContents()).toEqual(['15,056', '65,406', '1 million']);
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
    await card.locator('a').first().focus();
    // What the background does on the keyboard command: tell the active tab.
    const worker = await session.serviceWorker();
    await worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
      await chrome.tabs.sendMessage(tab!.id!, { type: 'paperlight:command', command: 'save-focused-card' });
    });
    await expect.poll(() => card.getAttribute('data-paperlight-saved')).toBe('true');
    expect((await library()).some((p) => p.key === key)).toBe(true);
    await sendFromExtensionPage(extensionPage, { type: 'remove', key });
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
    const card = page.locator('[data-paperlight-id]').first();
    await card.scrollIntoViewIfNeeded();
    await card.locator('paperlight-card button.save').click();
    await expect.poll(() => card.getAttribute('data-paperlight-saved')).toBe('true');
    await frames(page);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    const toolbar = await card.locator('paperlight-card [role="toolbar"]').getAttribute('aria-label');
    expect(toolbar).toContain('<img src=x onerror="window.__pwned=1">');
    expect(await page.evaluate(() => document.querySelectorAll('paperlight-card img, paperlight-page img, paperlight-card script').length)).toBe(0);
    const stored = (await library()).find((p) => p.title.includes('onerror'));
    expect(stored?.title).toContain('</style><script>');
    await page.close();
  });
});

describe('dynamic pages', () => {
  it('recognises 100 cards inserted after load by the next frame', async () => {
    const page = await open(ARXIV_NEW, 20);
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
