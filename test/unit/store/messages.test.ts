// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  CHANGE_EVENT_TYPE,
  CONTENT_SCRIPT_REQUESTS,
  allowedFrom,
  parseChangeEvent,
  parseRequest,
  parseTabChangeEvent,
  tabEventOf,
  type ChangeEvent,
  type Request,
  type RequestType,
} from '../../../src/shared/messages';
import { card, paper } from './helpers';

function accepted(raw: unknown): Request {
  const result = parseRequest(raw);
  if (!result.ok) throw new Error(`refused: ${result.error}`);
  return result.request;
}

function refusal(raw: unknown): string {
  const result = parseRequest(raw);
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.request).slice(0, 200)}`);
  return result.error;
}

const TEN_MB = 'x'.repeat(10 * 1024 * 1024);
const MILLION = Array.from({ length: 1_000_000 }, () => 'arxiv:2401.00001');

describe('parseRequest: well-formed requests', () => {
  it.each<[string, Request]>([
    ['ping', { type: 'ping' }],
    ['lookup', { type: 'lookup', keys: ['arxiv:2412.01234', 'doi:10.1145/3581783.3611962'] }],
    ['lookup of cards, recording them as seen', { type: 'lookup', keys: [], cards: [{ key: 'arxiv:2412.01234', aliases: [], title: 'T', authors: ['A'] }], seenOn: 'arxiv' }],
    ['update with every part', { type: 'update', key: 'arxiv:2412.01234', set: { status: 'read', note: 'n', tags: ['a'] }, addTags: ['b'], removeTags: ['c'] }],
    ['remove', { type: 'remove', key: 'url:https://proceedings.mlr.press/v202/x23a.html' }],
    ['tags', { type: 'tags' }],
    ['query with defaults', { type: 'query' }],
    ['query with everything', { type: 'query', sort: 'title', direction: 'asc', offset: 100, limit: 50, filter: { tags: ['llm'], status: 'to-read', site: 'arxiv', hasCode: true } }],
    ['getAll', { type: 'getAll' }],
    ['restore', { type: 'restore', papers: [paper(1), paper(2)] }],
    ['bulk tags and status', { type: 'bulk', keys: ['arxiv:2401.00001'], addTags: ['x'], removeTags: ['y'], status: 'read' }],
    ['bulk delete', { type: 'bulk', keys: ['arxiv:2401.00001'], delete: true }],
    ['exportBackup', { type: 'exportBackup' }],
    ['importBackup', { type: 'importBackup', text: '{}', mode: 'merge', dryRun: true }],
    ['importBackup of a file', { type: 'importBackup', file: 'blob:chrome-extension://abc/0f2e7d6a-1c3b-4a5e-9f80-123456789abc', mode: 'replace' }],
    ['clearAll', { type: 'clearAll' }],
    ['restoreTrashed', { type: 'restoreTrashed', keys: ['arxiv:2401.00001', 'doi:10.1000/p00002'] }],
    ['trash', { type: 'trash' }],
    ['deleteTrashed', { type: 'deleteTrashed', keys: ['arxiv:2401.00001'] }],
    ['emptyTrash', { type: 'emptyTrash' }],
    ['markSeen', { type: 'markSeen', site: 'arxiv', cards: [{ key: 'arxiv:2401.00001', aliases: ['doi:10.1000/p00001'], title: 'T', authors: ['A B'] }] }],
    ['clearReadingMemory', { type: 'clearReadingMemory' }],
    ['readingMemoryStats', { type: 'readingMemoryStats' }],
    ['matchRules', { type: 'matchRules', cards: [{ key: 'arxiv:2401.00001', title: 'T', abstract: '', authors: [] }] }],
    ['a skip status', { type: 'update', key: 'arxiv:2412.01234', set: { status: 'skip' } }],
    ['analyseCards', { type: 'analyseCards', cards: [{ title: 'T', abstract: 'A 2x speedup.', codeLinks: [] }] }],
    ['analyseCards with code links and where they were found', {
      type: 'analyseCards',
      cards: [{ title: 'T', abstract: 'Code: github.com/a/b', codeLinks: ['https://github.com/a/b'], codeSources: { 'https://github.com/a/b': 'abstract' } }],
    }],
  ])('accepts %s as sent', (_name, request) => {
    expect(accepted(request)).toEqual(request);
  });

  it('accepts a save of card data and drops the extractor-only fields of its metrics', () => {
    const metric = { start: 10, end: 15, text: '~2.4x', kind: 'speedup', value: 2.4, unit: 'x', label: 'speedup', upTo: false, qualifier: '~', rangeLow: null };
    const request = accepted({ type: 'save', paper: card({ metrics: [metric] as never, tags: [' LLM ', 'llm', 'Vision'], status: 'reading', note: 'read §3' }) });
    expect(request).toEqual({
      type: 'save',
      paper: card({ metrics: [{ text: '~2.4x', kind: 'speedup', value: 2.4, unit: 'x', label: 'speedup' }], tags: ['LLM', 'Vision'], status: 'reading', note: 'read §3' }),
    });
  });

  it('returns fresh objects, so later changes to the message cannot reach the store', () => {
    const message = { type: 'save', paper: card({ tags: ['a'] }) };
    const request = accepted(message) as Extract<Request, { type: 'save' }>;
    message.paper.tags!.push('b');
    expect(request.paper.tags).toEqual(['a']);
  });
});

describe('parseRequest: hostile or broken messages', () => {
  it.each<[string, unknown, RegExp]>([
    ['null', null, /must be an object/],
    ['a string', 'ping', /must be an object/],
    ['an array', [{ type: 'ping' }], /must be an object/],
    ['no type', {}, /Unknown message type/],
    ['an unknown type', { type: 'drop-database' }, /Unknown message type: "drop-database"/],
    ['an inherited type name', { type: 'toString' }, /Unknown message type: "toString"/],
    ['a numeric type', { type: 7 }, /Unknown message type/],
    ['an unknown field', { type: 'ping', force: true }, /Invalid "ping" message: message: unknown field "force"/],
    ['a misspelt tag delta', { type: 'update', key: 'arxiv:1', addTag: ['x'] }, /unknown field "addTag"/],
    ['keys that are not a list', { type: 'lookup', keys: 'arxiv:1' }, /keys: expected a list/],
    ['a key that is not a key', { type: 'lookup', keys: ['hello world'] }, /keys\[0\]: "hello world" is not a paper key/],
    ['a million keys', { type: 'lookup', keys: MILLION }, /keys: too many entries \(1000000; at most 2000\)/],
    ['a lookup seen on no site', { type: 'lookup', keys: [], seenOn: '' }, /seenOn: must not be empty/],
    ['a million bulk keys', { type: 'bulk', keys: MILLION, delete: true }, /keys: too many entries \(1000000; at most 100000\)/],
    ['a 10 MB title', { type: 'save', paper: card({ title: TEN_MB }) }, /paper\.title: too long \(10485760 characters; at most 2000\)/],
    ['a 10 MB note', { type: 'update', key: 'arxiv:1', set: { note: TEN_MB } }, /set\.note: too long/],
    ['a 10 MB tag', { type: 'update', key: 'arxiv:1', addTags: [TEN_MB] }, /addTags\[0\]: too long/],
    ['a 10 MB key', { type: 'remove', key: `arxiv:${TEN_MB}` }, /key: too long/],
    ['a million tags', { type: 'update', key: 'arxiv:1', addTags: MILLION }, /addTags: too many entries/],
    ['a numeric title', { type: 'save', paper: card({ title: 5 as never }) }, /paper\.title: expected a string/],
    ['a javascript: URL', { type: 'save', paper: card({ url: 'javascript:alert(1)' }) }, /paper\.url: only http and https links/],
    ['a NaN metric', { type: 'save', paper: card({ metrics: [{ text: 'x', kind: 'speedup', value: NaN, unit: 'x', label: '' }] }) }, /metrics\[0\]\.value: expected a finite number/],
    ['a bad status', { type: 'update', key: 'arxiv:1', set: { status: 'done' } }, /set\.status: expected one of/],
    ['a fractional limit', { type: 'query', limit: 2.5 }, /limit: expected a whole number from 1 to 1000/],
    ['a NaN offset', { type: 'query', offset: NaN }, /offset: expected a whole number/],
    ['a huge page', { type: 'query', limit: 1_000_000 }, /limit: expected a whole number from 1 to 1000/],
    ['an unknown sort', { type: 'query', sort: 'votes' }, /sort: expected one of savedAt, updatedAt, title, metrics/],
    ['a filter with a stray field', { type: 'query', filter: { year: 2024 } }, /filter: unknown field "year"/],
    ['a NaN save date in a restore', { type: 'restore', papers: [paper(1, { savedAt: NaN })] }, /papers\[0\]\.savedAt: expected a time/],
    ['an infinite date in a restore', { type: 'restore', papers: [paper(1, { updatedAt: Infinity })] }, /papers\[0\]\.updatedAt: expected a time/],
    ['a Date object as a date', { type: 'restore', papers: [paper(1, { savedAt: new Date() as never })] }, /savedAt: expected a time/],
    ['bulk delete together with tag edits', { type: 'bulk', keys: ['arxiv:1'], delete: true, addTags: ['x'] }, /either delete the papers or change them/],
    ['bulk delete together with a status', { type: 'bulk', keys: ['arxiv:1'], delete: true, status: 'read' }, /either delete the papers or change them/],
    ['an import mode that does not exist', { type: 'importBackup', text: '{}', mode: 'overwrite' }, /mode: expected one of merge, replace/],
    ['an import of nothing', { type: 'importBackup', mode: 'merge' }, /give the backup as "text" or as "file", not both/],
    ['an import of both a text and a file', { type: 'importBackup', text: '{}', file: 'blob:chrome-extension://abc/x', mode: 'merge' }, /not both/],
    ['an import of a web address', { type: 'importBackup', file: 'https://example.com/backup.json', mode: 'merge' }, /file: expected a blob: URL/],
    ['an import of a 10 MB file name', { type: 'importBackup', file: `blob:${TEN_MB}`, mode: 'merge' }, /file: too long/],
    ['a class instance instead of an object', { type: 'save', paper: new (class Card {})() }, /paper: expected a plain object/],
    ['a page of a million cards', { type: 'markSeen', site: 'arxiv', cards: MILLION }, /Invalid "markSeen" message: cards: too many entries \(1000000; at most 2000\)/],
    ['a seen card with a stray field', { type: 'markSeen', site: 'arxiv', cards: [{ key: 'arxiv:1', aliases: [], title: '', authors: [], seen: true }] }, /cards\[0\]: unknown field "seen"/],
    ['a seen card with a 10 MB title', { type: 'markSeen', site: 'arxiv', cards: [{ key: 'arxiv:1', aliases: [], title: TEN_MB, authors: [] }] }, /cards\[0\]\.title: too long/],
    ['markSeen without a site', { type: 'markSeen', cards: [] }, /Invalid "markSeen" message: site: expected a string/],
    ['a rule card without its abstract', { type: 'matchRules', cards: [{ key: 'arxiv:1', title: '', authors: [] }] }, /cards\[0\]\.abstract: expected a string/],
    ['a rule card with a 10 MB title', { type: 'matchRules', cards: [{ key: 'arxiv:1', title: TEN_MB, abstract: '', authors: [] }] }, /cards\[0\]\.title: too long/],
    ['rules sent by the page', { type: 'matchRules', cards: [], rules: [] }, /unknown field "rules"/],
    ['a field on clearReadingMemory', { type: 'clearReadingMemory', all: true }, /unknown field "all"/],
    ['a million cards to analyse', { type: 'analyseCards', cards: MILLION }, /Invalid "analyseCards" message: cards: too many entries \(1000000; at most 2000\)/],
    ['a card to analyse with a 10 MB abstract', { type: 'analyseCards', cards: [{ title: '', abstract: TEN_MB, codeLinks: [] }] }, /cards\[0\]\.abstract: too long/],
    ['a card to analyse without its code links', { type: 'analyseCards', cards: [{ title: '', abstract: '' }] }, /cards\[0\]\.codeLinks: expected a list/],
    ['a source for a code link the card does not have', { type: 'analyseCards', cards: [{ title: '', abstract: '', codeLinks: [], codeSources: { 'https://x.org': 'abstract' } }] }, /cards\[0\]\.codeSources: unknown field "https:\/\/x\.org"/],
    ['a code link source that does not exist', { type: 'analyseCards', cards: [{ title: '', abstract: '', codeLinks: ['https://x.org'], codeSources: { 'https://x.org': 'rumour' } }] }, /codeSources\["https:\/\/x\.org"\]: expected one of/],
  ])('refuses %s with a clear error', (_name, raw, message) => {
    expect(refusal(raw)).toMatch(message);
  });

  it.each([
    ['top level', '{"type":"ping","__proto__":{"polluted":true}}'],
    ['the card', '{"type":"save","paper":{"__proto__":{"polluted":true}}}'],
    ['the card, as constructor', '{"type":"save","paper":{"constructor":{"prototype":{"polluted":true}}}}'],
    ['update.set', '{"type":"update","key":"arxiv:1","set":{"__proto__":{"status":"read"}}}'],
    ['a metric', `{"type":"save","paper":${JSON.stringify(card()).replace('{"text"', '{"__proto__":{},"text"')}}`],
    ['the query filter', '{"type":"query","filter":{"prototype":{}}}'],
    ['a seen card', '{"type":"markSeen","site":"arxiv","cards":[{"__proto__":{"key":"arxiv:1"}}]}'],
    ['a rule card', '{"type":"matchRules","cards":[{"constructor":{}}]}'],
  ])('refuses prototype-pollution keys in %s', (_name, json) => {
    expect(refusal(JSON.parse(json))).toMatch(/the key "(__proto__|constructor|prototype)" is not allowed/);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses an oversized list without reading a single entry', () => {
    const keys = new Array<string>(1_000_000).fill('arxiv:2401.00001');
    let read = false;
    Object.defineProperty(keys, 0, { get: () => ((read = true), 'arxiv:2401.00001') });
    expect(refusal({ type: 'lookup', keys })).toMatch(/too many entries/);
    expect(read).toBe(false);
  });
});

describe('who may send what', () => {
  it('lets content scripts send only what a page needs', () => {
    expect([...CONTENT_SCRIPT_REQUESTS].sort()).toEqual(['analyseCards', 'lookup', 'markSeen', 'matchRules', 'pageStatus', 'ping', 'remove', 'restoreTrashed', 'save', 'tags', 'update']);
    const pageOnly: RequestType[] = [
      'query', 'getAll', 'restore', 'bulk', 'exportBackup', 'importBackup', 'clearAll', 'trash', 'deleteTrashed', 'emptyTrash',
      'clearReadingMemory', 'readingMemoryStats', 'backupNow', 'backupStatus',
    ];
    for (const type of pageOnly) {
      expect(allowedFrom(type, 'content-script')).toBe(false);
      expect(allowedFrom(type, 'extension-page')).toBe(true);
    }
    expect(allowedFrom('save', 'content-script')).toBe(true);
  });
});

describe('parseChangeEvent', () => {
  it('recognises change lists and resets, with the Trash flag', () => {
    const changes = [{ key: 'arxiv:2401.00001', paper: paper(1) }, { key: 'arxiv:2401.00002', paper: null }];
    expect(parseChangeEvent({ type: CHANGE_EVENT_TYPE, changes })).toEqual({ type: CHANGE_EVENT_TYPE, changes });
    expect(parseChangeEvent({ type: CHANGE_EVENT_TYPE, reset: true })).toEqual({ type: CHANGE_EVENT_TYPE, reset: true });
    expect(parseChangeEvent({ type: CHANGE_EVENT_TYPE, changes: [], trash: true })).toEqual({ type: CHANGE_EVENT_TYPE, changes: [], trash: true });
    expect(parseChangeEvent({ type: CHANGE_EVENT_TYPE, reset: true, trash: true })).toEqual({ type: CHANGE_EVENT_TYPE, reset: true, trash: true });
    expect(parseChangeEvent({ type: CHANGE_EVENT_TYPE, reset: true, trash: 'yes' })).toEqual({ type: CHANGE_EVENT_TYPE, reset: true });
  });

  it.each([
    ['a request', { type: 'save', paper: card() }],
    ['a change list with a bad entry', { type: CHANGE_EVENT_TYPE, changes: [{ key: 1, paper: null }] }],
    ['no changes and no reset', { type: CHANGE_EVENT_TYPE }],
    ['null', null],
  ])('ignores %s', (_name, raw) => {
    expect(parseChangeEvent(raw)).toBeUndefined();
  });
});

describe('what a tab is told', () => {
  const saved = paper(1, { note: 'Private: reviewing this for a rival lab.', tags: ['secret-project'], status: 'reading' });

  it('keeps only ids, status and tags of each paper: no note, abstract, title, URL or dates', () => {
    const event = tabEventOf({ type: CHANGE_EVENT_TYPE, changes: [{ key: saved.key, paper: saved }, { key: 'arxiv:2401.00002', paper: null }], trash: true });
    expect(event).toEqual({
      type: CHANGE_EVENT_TYPE,
      changes: [
        { key: saved.key, paper: { key: saved.key, aliases: saved.aliases, status: 'reading', tags: ['secret-project'], venues: [] } },
        { key: 'arxiv:2401.00002', paper: null },
      ],
    });
    expect(JSON.stringify(event)).not.toContain('Private');
    expect(JSON.stringify(event)).not.toContain(saved.abstract);
  });

  it('passes resets on, and tells tabs nothing when only the Trash changed', () => {
    expect(tabEventOf({ type: CHANGE_EVENT_TYPE, reset: true, trash: true })).toEqual({ type: CHANGE_EVENT_TYPE, reset: true });
    expect(tabEventOf({ type: CHANGE_EVENT_TYPE, changes: [], trash: true })).toBeUndefined();
  });

  it('parseTabChangeEvent recognises the tabs\' events', () => {
    const changes = [{ key: saved.key, paper: { key: saved.key, aliases: [], status: 'read', tags: [], venues: [] } }];
    expect(parseTabChangeEvent({ type: CHANGE_EVENT_TYPE, changes })).toEqual({ type: CHANGE_EVENT_TYPE, changes });
    expect(parseTabChangeEvent({ type: CHANGE_EVENT_TYPE, reset: true })).toEqual({ type: CHANGE_EVENT_TYPE, reset: true });
    expect(parseTabChangeEvent({ type: 'pageReport' })).toBeUndefined();
  });

  it('tells tabs that the reading memory was emptied, and the flag survives parsing on both sides', () => {
    const cleared: ChangeEvent = { type: CHANGE_EVENT_TYPE, changes: [], memoryCleared: true };
    expect(tabEventOf(cleared)).toEqual(cleared);
    expect(parseTabChangeEvent(cleared)).toEqual(cleared);
    expect(parseChangeEvent(cleared)).toEqual(cleared);
    expect(parseTabChangeEvent({ type: CHANGE_EVENT_TYPE, changes: [], memoryCleared: 'yes' })).toEqual({ type: CHANGE_EVENT_TYPE, changes: [] });
  });

  it('tells tabs that an import rewrote the reading memory, and the flag survives parsing on both sides', () => {
    const changed: ChangeEvent = { type: CHANGE_EVENT_TYPE, changes: [], memoryChanged: true };
    expect(tabEventOf(changed)).toEqual(changed);
    expect(parseTabChangeEvent(changed)).toEqual(changed);
    expect(parseChangeEvent(changed)).toEqual(changed);
    expect(parseChangeEvent({ type: CHANGE_EVENT_TYPE, changes: [], memoryChanged: 1 })).toEqual({ type: CHANGE_EVENT_TYPE, changes: [] });
  });
});
