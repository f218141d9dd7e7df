// The page report's shared reader (what an extension page checks a tab's reply with) and the saveCard request.
import { describe, expect, it } from 'vitest';
import { ShapeError } from '../../../src/core/validate';
import { isPageReportRequest, readPageReport, readSaveCardRequest } from '../../../src/shared/page-report';

const card = (overrides: object = {}) => ({
  key: 'arxiv:2305.18323', aliases: ['doi:10.48550/arxiv.2305.18323'], title: 'ReWOO', saved: true, status: 'reading', tags: ['agents'],
  metrics: 2, code: 1, ...overrides,
});
const report = (cards: object[], extra: object = {}) => ({ ok: true, adapter: 'huggingface', url: 'https://huggingface.co/papers', settled: true, cards, ...extra });

describe('readPageReport', () => {
  it('reads a report field by field, in page order, leaving out fields this version does not know', () => {
    const read = readPageReport(report([
      card({ venue: 'NeurIPS 2023' }),
      card({ key: 'arxiv:2411.18933', aliases: [], saved: false, status: null, tags: [], seen: true }),
    ], { health: 'ok' }));
    expect(read).toEqual({
      ok: true, adapter: 'huggingface', url: 'https://huggingface.co/papers', settled: true, health: 'ok',
      cards: [
        { key: 'arxiv:2305.18323', aliases: ['doi:10.48550/arxiv.2305.18323'], title: 'ReWOO', saved: true, status: 'reading', tags: ['agents'], metrics: 2, code: 1, venue: 'NeurIPS 2023' },
        // A report from a content script older than venues reads as naming none.
        { key: 'arxiv:2411.18933', aliases: [], title: 'ReWOO', saved: false, status: null, tags: [], metrics: 2, code: 1, venue: null },
      ],
    });
  });

  it('reads the page\'s health, why it is empty and what the selectors matched', () => {
    const empty = readPageReport(report([], { health: 'empty', emptyReason: 'no results' }));
    expect([empty.health, empty.emptyReason, empty.selectors]).toEqual(['empty', 'no results', undefined]);
    const broken = readPageReport(report([], { health: 'no-cards', selectors: [{ name: 'paperRow', selector: '.cl-paper-row', count: 0 }] }));
    expect([broken.health, broken.selectors]).toEqual(['no-cards', [{ name: 'paperRow', selector: '.cl-paper-row', count: 0 }]]);
    // A page whose cards may still come: the warning case, held back; meaningless beside any other health.
    expect(readPageReport(report([], { health: 'no-cards', healthPending: true })).healthPending).toBe(true);
    expect(readPageReport(report([card()], { health: 'ok', healthPending: true })).healthPending).toBeUndefined();
    expect(readPageReport(report([], { health: 'no-cards', healthPending: 'yes' })).healthPending).toBeUndefined();
    // A report from before `health` was added: cards mean ok, none the warning.
    expect(readPageReport(report([card()])).health).toBe('ok');
    expect(() => readPageReport(report([], { health: 'fine' }))).toThrow('report.health: expected one of ok, empty, no-cards');
    expect(() => readPageReport(report([], { health: 'no-cards', selectors: [{ name: 'x', selector: 'a', count: 'many' }] })))
      .toThrow(/report\.selectors\[0\]\.count/);
  });

  it('gives an unsaved card no status and no tags, whatever it carries', () => {
    expect(readPageReport(report([card({ saved: false, status: 'read', tags: ['x'] })])).cards[0]).toMatchObject({ status: null, tags: [] });
  });

  it('refuses what is not a report, naming the place', () => {
    expect(() => readPageReport(null)).toThrow(ShapeError);
    expect(() => readPageReport({ ...report([]), ok: false })).toThrow('report.ok: expected true');
    expect(() => readPageReport(report([card({ key: 'not a key' })]))).toThrow(/report\.cards\[0\]\.key/);
    expect(() => readPageReport(report([card({ status: 'skimmed' })]))).toThrow(/report\.cards\[0\]\.status/);
    expect(() => readPageReport(report([card({ metrics: -1 })]))).toThrow(/report\.cards\[0\]\.metrics/);
    expect(() => readPageReport(report([card({ venue: 2023 })]))).toThrow(/report\.cards\[0\]\.venue/);
    expect(() => readPageReport(report([], { settled: 'yes' }))).toThrow('report.settled: expected true or false');
  });
});

describe('the requests a tab answers', () => {
  it('knows a page report request and a saveCard request, and nothing else', () => {
    expect(isPageReportRequest({ type: 'pageReport' })).toBe(true);
    expect(isPageReportRequest({ type: 'paperlight:changed' })).toBe(false);
    expect(isPageReportRequest('pageReport')).toBe(false);
    expect(readSaveCardRequest({ type: 'saveCard', key: 'arxiv:2305.18323' })).toEqual({ type: 'saveCard', key: 'arxiv:2305.18323' });
    expect(readSaveCardRequest({ type: 'saveCard', key: 42 })).toBeUndefined();
    expect(readSaveCardRequest({ type: 'saveCard', key: 'x'.repeat(5000) })).toBeUndefined();
    expect(readSaveCardRequest({ type: 'save', key: 'arxiv:2305.18323' })).toBeUndefined();
  });
});
