// When the popup asks its tab again what the page shows (src/popup/report-polling.ts).
import { describe, expect, it } from 'vitest';
import { askPageAgain } from '../../../src/popup/report-polling';
import type { PageReport } from '../../../src/shared/page-report';

const card = (key: string) => ({ key, aliases: [], title: key, authors: [], metrics: [], codeLinks: [], saved: false }) as unknown as PageReport['cards'][number];
const report = (over: Partial<PageReport>): PageReport => ({ ok: true, adapter: 'semanticscholar', url: 'https://www.semanticscholar.org/search?q=x', settled: true, cards: [], health: 'ok', ...over }) as PageReport;

describe('askPageAgain', () => {
  it('asks again while the tab reads its page, or has no card and says no reason, or its count moved', () => {
    expect(askPageAgain(report({ settled: false, cards: [card('a')] }), undefined)).toBe(true);
    expect(askPageAgain(report({ health: 'no-cards' }), undefined)).toBe(true);
    expect(askPageAgain(report({ cards: [card('a'), card('b')] }), report({ cards: [card('a')] }))).toBe(true);
  });

  it('stops once the cards stay, when the page says why it is empty, or when no tab answers', () => {
    expect(askPageAgain(report({ cards: [card('a')] }), undefined)).toBe(false);
    expect(askPageAgain(report({ cards: [card('a')] }), report({ cards: [card('b')] }))).toBe(false);
    expect(askPageAgain(report({ health: 'empty', emptyReason: 'no results' }), undefined)).toBe(false);
    expect(askPageAgain(null, report({ cards: [card('a')] }))).toBe(false);
  });
});
