// Asking a tab for its page report from an extension page, as the popup does (`tabs.sendMessage`), in Chromium.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { PageReport } from '../../src/shared/page-report';

declare const chrome: {
  tabs: {
    query(q: object): Promise<Array<{ id?: number; url?: string }>>;
    sendMessage(id: number, m: unknown): Promise<unknown>;
  };
};

/** The report of the tab showing `url` (the most recently opened one), or the error text if it did not answer. */
export async function askPageReport(extensionPage: Page, url: string): Promise<PageReport | { error: string }> {
  return extensionPage.evaluate(async (href) => {
    const tabs = (await chrome.tabs.query({})).filter((tab) => tab.url === href);
    const tab = tabs.sort((a, b) => (a.id ?? 0) - (b.id ?? 0)).at(-1);
    if (tab?.id === undefined) return { error: `no tab shows ${href}` };
    try {
      return (await chrome.tabs.sendMessage(tab.id, { type: 'pageReport' })) as PageReport;
    } catch (error) {
      return { error: String(error) };
    }
  }, url);
}

/** Waits for the tab's report to be settled and returns it. */
export async function settledReport(extensionPage: Page, page: Page): Promise<PageReport> {
  let report: PageReport | undefined;
  await expect.poll(async () => {
    const reply = await askPageReport(extensionPage, page.url());
    report = 'cards' in reply ? reply : undefined;
    return report?.settled;
  }, { timeout: 15_000 }).toBe(true);
  return report!;
}

/** The saved state the report gives for one card. */
export async function savedStateOf(extensionPage: Page, page: Page, key: string) {
  const report = await askPageReport(extensionPage, page.url());
  if (!('cards' in report)) throw new Error(report.error);
  const card = report.cards.find((c) => c.key === key);
  return card && { saved: card.saved, status: card.status, tags: card.tags };
}
