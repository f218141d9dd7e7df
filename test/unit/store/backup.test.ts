// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  MAX_BACKUP_CHARS,
  parseBackup,
  serialiseBackup,
} from '../../../src/core/backup';
import type { TrashedPaper } from '../../../src/core/paper';
import { cleanTag, normaliseTags, tagId } from '../../../src/core/tags';
import { paper } from './helpers';

const EXPORTED_AT = new Date('2026-11-23T10:00:00.000Z');

function backupWith(papers: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: EXPORTED_AT.toISOString(), papers, ...extra });
}

function errorOf(text: unknown): string {
  const result = parseBackup(text);
  if (result.ok) throw new Error('expected the backup to be refused');
  return result.error;
}

describe('backup format', () => {
  it('round-trips papers exactly, with and without optional fields', () => {
    const { published: _published, ...unpublished } = paper(2);
    const papers = [paper(1), unpublished, paper(3, { tags: [], note: 'Ünïcödé – "quoted" \\ note', metrics: [] })];
    const text = serialiseBackup(papers, EXPORTED_AT);
    const result = parseBackup(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.backup.papers).toEqual(papers);
    expect(result.backup.exportedAt).toBe(EXPORTED_AT.toISOString());
    expect('published' in result.backup.papers[1]!).toBe(false);
    expect(serialiseBackup(result.backup.papers, EXPORTED_AT)).toBe(text);
  });

  it('writes the same text whatever order the record fields were in', () => {
    const original = paper(4);
    const shuffled = Object.fromEntries(Object.entries(original).reverse()) as typeof original;
    expect(serialiseBackup([shuffled], EXPORTED_AT)).toBe(serialiseBackup([original], EXPORTED_AT));
    expect(JSON.parse(serialiseBackup([original], EXPORTED_AT))).toMatchObject({ format: 'paperlight-backup', version: 2 });
  });

  it.each([
    ['not a string', 42, /text of a JSON file/],
    ['not JSON', '{"format": "paperlight-backup", ', /not valid JSON/],
    ['a JSON array', '[1,2,3]', /not a Paperlight backup/],
    ['another program\'s JSON', '{"items": []}', /not a Paperlight backup/],
    ['a newer version', backupWith([], { version: 3, readingList: [] }), /newer Paperlight \(format version 3\)/],
    ['version 0', backupWith([], { version: 0 }), /file\.version: expected 1 or 2/],
    ['a version given as text', backupWith([], { version: '1' }), /file\.version: expected 1 or 2/],
    ['a Trash section in a version 1 file', backupWith([], { version: 1, trash: [] }), /unknown field "trash"/],
    ['a Trash section that is not a list', backupWith([], { trash: {} }), /trash: expected a list/],
    ['a bad export date', backupWith([], { exportedAt: 'yesterday' }), /exportedAt: expected an ISO date/],
    ['an unknown top-level field', backupWith([], { settings: {} }), /unknown field "settings"/],
    ['papers that are not a list', backupWith([]).replace('"papers":[]', '"papers":{}'), /papers: expected a list/],
  ])('refuses %s with a clear message', (_name, text, message) => {
    expect(errorOf(text)).toMatch(message);
  });

  it.each([
    ['a numeric title', { title: 42 }, /papers\[0\]\.title: expected a string/],
    ['a missing key', { key: undefined }, /papers\[0\]\.key: expected a string/],
    ['a key without a scheme', { key: '2401.00001' }, /is not a paper key/],
    ['an unknown status', { status: 'skimmed' }, /papers\[0\]\.status: expected one of to-read, reading, read/],
    ['a tag that is not text', { tags: ['ok', 7] }, /papers\[0\]\.tags\[1\]: expected a string/],
    ['a negative time', { savedAt: -5 }, /savedAt: expected a time/],
    ['a time given as text', { updatedAt: '2024-01-01' }, /updatedAt: expected a time/],
    ['a javascript: link', { url: 'javascript:alert(1)' }, /only http and https links/],
    ['a code link that is not a URL', { codeLinks: ['github.com/a/b'] }, /codeLinks\[0\]: "github.com\/a\/b" is not a URL/],
    ['an http link that does not parse', { url: 'https://exa mple.org/paper' }, /url: "https:\/\/exa mple.org\/paper" is not a URL/],
    ['an http link to a bad address', { seenUrls: ['http://[::1/list'] }, /seenUrls\[0\]: "http:\/\/\[::1\/list" is not a URL/],
    ['a javascript: link in capitals', { codeLinks: ['JAVASCRIPT:alert(1)'] }, /only http and https links/],
    ['a metric of an unknown kind', { metrics: [{ text: '1x', kind: 'magic', value: 1, unit: 'x', label: '' }] }, /metrics\[0\]\.kind/],
    ['a metric with a non-numeric value', { metrics: [{ text: '1x', kind: 'speedup', value: '1', unit: 'x', label: '' }] }, /metrics\[0\]\.value/],
    ['an oversized abstract', { abstract: 'x'.repeat(100_001) }, /abstract: too long \(100001 characters; at most 100000\)/],
    ['too many authors', { authors: Array.from({ length: 5001 }, () => 'A') }, /authors: too many entries/],
    ['an extra field', { rating: 5 }, /unknown field "rating"/],
  ])('refuses a paper with %s, naming where', (_name, change, message) => {
    const record = { ...paper(1), ...change } as Record<string, unknown>;
    for (const [field, value] of Object.entries(change)) if (value === undefined) delete record[field];
    expect(errorOf(backupWith([paper(0), record].reverse()))).toMatch(message);
  });

  it('keeps http(s) links however their scheme is written, exactly as written', () => {
    const links = ['HTTPS://Example.org/A', 'http://example.org:8080/x?q=1#f', 'Https://arxiv.org/abs/2401.00001'];
    const parsed = parseBackup(backupWith([{ ...paper(1), url: links[0]!, codeLinks: links.slice(1) }]));
    expect(parsed.ok && parsed.backup.papers[0]).toMatchObject({ url: links[0], codeLinks: links.slice(1) });
  });

  it.each([
    ['at the top level', '{"format":"paperlight-backup","version":1,"exportedAt":"2026-11-23T10:00:00.000Z","papers":[],"__proto__":{"polluted":true}}'],
    ['in a paper', backupWith([paper(1)]).replace('{"key"', '{"__proto__":{"polluted":true},"key"')],
    ['in a metric', backupWith([paper(3)]).replace('{"text"', '{"constructor":{"prototype":{"polluted":true}},"text"')],
    ['as "prototype"', backupWith([paper(1)]).replace('{"key"', '{"prototype":1,"key"')],
  ])('refuses prototype-pollution keys %s, and pollutes nothing', (_name, text) => {
    expect(errorOf(text)).toMatch(/the key "(__proto__|constructor|prototype)" is not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses two papers with the same key', () => {
    expect(errorOf(backupWith([paper(1), paper(2), paper(1)]))).toMatch(/papers\[2\]\.key: "arxiv:2401\.00001" appears twice/);
  });

  it('refuses 70 MB of junk before parsing it', () => {
    const parse = vi.spyOn(JSON, 'parse');
    expect(errorOf('x'.repeat(70 * 1024 * 1024))).toMatch(/too large.*70\.0 MB; the limit is 64\.0 MB/);
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
  });

  it('refuses large valid JSON of the wrong shape without reading it all', () => {
    const junk = JSON.stringify({ format: BACKUP_FORMAT, version: 1, exportedAt: EXPORTED_AT.toISOString(), papers: Array(200_000).fill('junk') });
    expect(junk.length).toBeLessThan(MAX_BACKUP_CHARS);
    expect(errorOf(junk)).toMatch(/papers: too many entries \(200000; at most 100000\)/);
    const small = JSON.stringify({ format: BACKUP_FORMAT, version: 1, exportedAt: EXPORTED_AT.toISOString(), papers: Array(50_000).fill('junk') });
    expect(errorOf(small)).toMatch(/papers\[0\]: expected an object/);
  });
});

describe('backup version 2', () => {
  const removed = (i: number, removedAt: number): TrashedPaper => ({ ...paper(i), removedAt });

  it('writes the Trash after the papers, each entry a paper plus its removal time in ISO 8601', () => {
    const trash = [removed(5, Date.UTC(2026, 10, 20, 8, 0, 0, 7)), removed(6, Date.UTC(2026, 9, 30))];
    const text = serialiseBackup([paper(1)], EXPORTED_AT, { trash });
    const json = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['format', 'version', 'exportedAt', 'papers', 'trash']);
    expect(json.trash).toEqual([
      { ...paper(5), removedAt: '2026-11-20T08:00:00.007Z' },
      { ...paper(6), removedAt: '2026-10-30T00:00:00.000Z' },
    ]);
    const parsed = parseBackup(text);
    expect(parsed).toEqual({ ok: true, backup: { format: BACKUP_FORMAT, version: 2, exportedAt: EXPORTED_AT.toISOString(), papers: [paper(1)], trash } });
  });

  it('reads removal times written with another offset, to the millisecond', () => {
    const text = backupWith([], { trash: [{ ...paper(5), removedAt: '2026-11-20T09:00:00.250+01:00' }] });
    const parsed = parseBackup(text);
    expect(parsed.ok && parsed.backup.trash).toEqual([removed(5, Date.UTC(2026, 10, 20, 8, 0, 0, 250))]);
  });

  it('takes every section as optional', () => {
    const parsed = parseBackup(JSON.stringify({ format: BACKUP_FORMAT, version: 2, exportedAt: EXPORTED_AT.toISOString() }));
    expect(parsed).toEqual({ ok: true, backup: { format: BACKUP_FORMAT, version: 2, exportedAt: EXPORTED_AT.toISOString(), papers: [] } });
  });

  it('reads a version 1 file as before (papers only)', () => {
    const text = JSON.stringify({ format: BACKUP_FORMAT, version: 1, exportedAt: EXPORTED_AT.toISOString(), papers: [paper(1), paper(2)] });
    expect(parseBackup(text)).toEqual({ ok: true, backup: { format: BACKUP_FORMAT, version: 1, exportedAt: EXPORTED_AT.toISOString(), papers: [paper(1), paper(2)] } });
    expect(errorOf(JSON.stringify({ format: BACKUP_FORMAT, version: 1, exportedAt: EXPORTED_AT.toISOString() }))).toMatch(/papers: expected a list/);
  });

  it.each([
    ['a date without a time', '2026-11-20'],
    ['a time without a zone', '2026-11-20T08:00:00'],
    ['words', 'yesterday'],
    ['an impossible date', '2026-13-45T08:00:00Z'],
  ])('refuses a removal time that is %s', (_name, removedAt) => {
    expect(errorOf(backupWith([], { trash: [{ ...paper(5), removedAt }] }))).toMatch(/trash\[0\]\.removedAt: expected an ISO 8601 time/);
  });

  it('refuses a Trash key twice, and an unknown field in a Trash entry', () => {
    const entry = { ...paper(5), removedAt: EXPORTED_AT.toISOString() };
    expect(errorOf(backupWith([], { trash: [entry, entry] }))).toMatch(/trash\[1\]\.key: "arxiv:2401\.00005" appears twice/);
    expect(errorOf(backupWith([], { trash: [{ ...entry, restoredAt: 1 }] }))).toMatch(/trash\[0\]: unknown field "restoredAt"/);
  });

  it('allows a paper both saved and in the Trash (a copy removed before it was saved again)', () => {
    const parsed = parseBackup(backupWith([paper(5)], { trash: [{ ...paper(5), removedAt: EXPORTED_AT.toISOString() }] }));
    expect(parsed.ok).toBe(true);
  });
});

describe('tags', () => {
  it('are trimmed, single-spaced and unique regardless of letter case, first spelling kept', () => {
    expect(cleanTag('  deep \t learning\n')).toBe('deep learning');
    expect(cleanTag('null\u0000byte\u0007')).toBe('null byte');
    expect(tagId(' Deep  Learning ')).toBe('deep learning');
    expect(normaliseTags(['LLM', 'llm', ' vision ', '', '   ', 'Vision', 'rl'])).toEqual(['LLM', 'vision', 'rl']);
  });

  it('compare composed and decomposed accents as equal', () => {
    expect(normaliseTags(['caf\u00e9', 'cafe\u0301'])).toEqual(['caf\u00e9']);
  });
});
