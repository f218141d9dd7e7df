// @vitest-environment node
// Backup version 2's reading memory and rules, through the message handler (the rules live in the settings, the
// memory in the database): round trips, `replace` and `merge`, a file with a rule that does not compile refused
// whole with nothing changed, and version 1 files imported as before.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDbOpener, type DbOpener } from '../../../src/background/db';
import { createMessageHandler, type Sender } from '../../../src/background/handler';
import { memorySettingsStore } from '../../../src/background/settings';
import { BACKUP_FORMAT, parseBackup, serialiseBackup } from '../../../src/core/backup';
import type { SeenEntry } from '../../../src/core/reading-memory';
import { ruleProblem } from '../../../src/core/rules/matcher';
import type { Rule } from '../../../src/core/rules/rule';
import type { AnyReply, SeenCard } from '../../../src/shared/messages';
import { paper, seenWithoutIds, storedSeen, uniqueDbName } from './helpers';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${EXTENSION_ID}/`;
const OPTIONS: Sender = { id: EXTENSION_ID, url: `${BASE}src/options/index.html` };
const TAB: Sender = { id: EXTENSION_ID, url: 'https://arxiv.org/list/cs.LG/new', tab: { id: 4 } };
const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 10, 1, 8, 30, 0, 7);
const NONE = { added: 0, updated: 0, unchanged: 0, removed: 0 };

const rule = (pattern: string, fields: Partial<Rule> = {}): Rule => ({ match: 'phrase', pattern, field: 'title', action: 'hide', ...fields });
const entry = (i: number, fields: Partial<SeenEntry> = {}): SeenEntry => ({
  key: `arxiv:2411.${String(i).padStart(5, '0')}`, aliases: [], authors: [], firstSeen: T0 + i * DAY, lastSeen: T0 + (i + 1) * DAY, site: 'arxiv', ...fields,
});

let opener: DbOpener;
let clock: number;
let settings: ReturnType<typeof memorySettingsStore>;
let handle: (raw: unknown, sender: Sender) => Promise<AnyReply>;

beforeEach(() => {
  opener = createDbOpener(uniqueDbName());
  clock = T0 + 40 * DAY;
  settings = memorySettingsStore();
  handle = createMessageHandler({
    db: opener, extensionId: EXTENSION_ID, extensionBaseUrl: BASE, appVersion: '0.1.0',
    broadcast: () => undefined, now: () => clock, settings, schedule: () => undefined,
  });
});
afterEach(async () => (await opener.get()).close());

async function ok<T = Record<string, unknown>>(raw: unknown, sender: Sender = OPTIONS): Promise<T> {
  const reply = await handle(raw, sender);
  if (!reply.ok) throw new Error(reply.error);
  return reply as T;
}
const importText = (text: string, mode: 'merge' | 'replace', dryRun = false) => ok<Record<string, unknown>>({ type: 'importBackup', text, mode, dryRun });
const exportText = async () => (await ok<{ text: string }>({ type: 'exportBackup' })).text;
const memory = async () => seenWithoutIds(await (await opener.get()).getAll('seen'));
const putMemory = async (entries: SeenEntry[]) => {
  const db = await opener.get();
  const tx = db.transaction('seen', 'readwrite');
  await Promise.all([...entries.map((e) => tx.store.put(storedSeen(e))), tx.done]);
};
const seenCard = (i: number, fields: Partial<SeenCard> = {}): SeenCard => ({
  key: entry(i).key, aliases: [], title: `A careful study of topic number ${i}`, authors: ['Grace Hopper'], ...fields,
});

describe('the sections in the file', () => {
  it('are written with ISO times, aliases only when there are any, rules field by field, and read back the same', () => {
    const memoryEntries = [entry(1, { aliases: ['doi:10.48550/arxiv.2411.00001'], fingerprint: 'kept out of files', authors: ['Grace Hopper'] }), entry(2)];
    const rules = [rule('diffusion'), rule('gan\\b', { match: 'regex', field: 'any', action: 'dim' })];
    const text = serialiseBackup([], new Date(T0), { readingMemory: memoryEntries, rules });
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(file.readingMemory).toEqual([
      { key: 'arxiv:2411.00001', firstSeen: '2026-11-02T08:30:00.007Z', lastSeen: '2026-11-03T08:30:00.007Z', site: 'arxiv', aliases: ['doi:10.48550/arxiv.2411.00001'] },
      { key: 'arxiv:2411.00002', firstSeen: '2026-11-03T08:30:00.007Z', lastSeen: '2026-11-04T08:30:00.007Z', site: 'arxiv' },
    ]);
    expect(file.rules).toEqual(rules);
    const parsed = parseBackup(text, ruleProblem);
    expect(parsed.ok && parsed.backup.readingMemory).toEqual(memoryEntries.map(({ key, aliases, firstSeen, lastSeen, site }) => ({ key, aliases, firstSeen, lastSeen, site })));
    expect(parsed.ok && parsed.backup.rules).toEqual(rules);
  });

  it('refuse a file whose entries are wrong, saying where', () => {
    const header = { format: BACKUP_FORMAT, version: 2, exportedAt: new Date(T0).toISOString() };
    const withMemory = (readingMemory: unknown[]) => parseBackup(JSON.stringify({ ...header, readingMemory }));
    const good = { key: 'arxiv:2411.00001', firstSeen: '2026-11-02T08:30:00.000Z', lastSeen: '2026-11-03T08:30:00.000Z', site: 'arxiv' };
    expect(withMemory([good, { ...good }])).toEqual({ ok: false, error: 'This backup cannot be imported: readingMemory[1].key: "arxiv:2411.00001" appears twice.' });
    expect(withMemory([{ ...good, lastSeen: '2026-11-01T00:00:00.000Z' }])).toEqual({ ok: false, error: 'This backup cannot be imported: readingMemory[0].lastSeen: earlier than firstSeen.' });
    expect(withMemory([{ ...good, firstSeen: 1_700_000_000_000 }])).toMatchObject({ ok: false, error: expect.stringContaining('readingMemory[0].firstSeen: expected a string') });
    expect(withMemory([{ ...good, fingerprint: 'x' }])).toEqual({ ok: false, error: 'This backup cannot be imported: readingMemory[0]: unknown field "fingerprint".' });
    expect(parseBackup(JSON.stringify({ ...header, rules: [rule('a'), broken] }), ruleProblem)).toEqual({
      ok: false,
      error: 'This backup cannot be imported: rules[1].pattern "diff(usion": This regular expression does not compile: missing closing ): `diff(usion`. Paperlight reads RE2 syntax, which runs in linear time: no lookahead, lookbehind or backreferences.',
    });
  });
});

const broken: Rule = { match: 'regex', pattern: 'diff(usion', field: 'title', action: 'hide' };

describe('importing the reading memory and the rules', () => {
  it('round-trips both exactly: export, replace into an empty profile, export again', async () => {
    await ok({ type: 'restore', papers: [paper(1)] });
    clock = T0;
    await ok({ type: 'markSeen', site: 'arxiv', cards: [seenCard(1, { aliases: ['doi:10.48550/arxiv.2411.00001'] }), seenCard(2)] }, TAB);
    clock = T0 + 3 * DAY;
    await ok({ type: 'markSeen', site: 'huggingface', cards: [seenCard(2), seenCard(3)] }, TAB);
    await settings.save({ ...settings.current(), rules: [rule('diffusion'), rule('gan', { action: 'dim', field: 'any' })] });
    const text = await exportText();
    const before = await memory();

    await ok({ type: 'clearReadingMemory' });
    await settings.save({ ...settings.current(), rules: [] });
    const reply = await importText(text, 'replace');
    expect(reply).toMatchObject({ readingMemory: { ...NONE, added: 3 }, rules: { ...NONE, added: 2 } });
    expect(settings.current().rules).toEqual([rule('diffusion'), rule('gan', { action: 'dim', field: 'any' })]);
    // What a file carries comes back exactly; the title fingerprints are learned again as cards are seen.
    const strip = ({ key, aliases, firstSeen, lastSeen, site }: SeenEntry) => ({ key, aliases, firstSeen, lastSeen, site });
    expect((await memory()).map(strip)).toEqual(before.map(strip));
    expect(await exportText()).toBe(text);
  });

  it('replace makes memory and rules exactly the file\'s, keeping what it knew of a paper it keeps', async () => {
    await putMemory([entry(1, { fingerprint: 'a careful study of topic number 1', authors: ['Grace Hopper'] }), entry(2)]);
    await settings.save({ ...settings.current(), rules: [rule('mine')] });
    const text = serialiseBackup([], new Date(T0), { readingMemory: [entry(1), entry(3)], rules: [rule('theirs')] });
    expect(await importText(text, 'replace', true)).toMatchObject({ dryRun: true, readingMemory: { added: 1, updated: 0, unchanged: 1, removed: 1 }, rules: { added: 1, updated: 0, unchanged: 0, removed: 1 } });
    expect(await memory()).toHaveLength(2);
    expect(settings.current().rules).toEqual([rule('mine')]);

    await importText(text, 'replace');
    expect(await memory()).toEqual([entry(1, { fingerprint: 'a careful study of topic number 1', authors: ['Grace Hopper'] }), entry(3)]);
    expect(settings.current().rules).toEqual([rule('theirs')]);
  });

  it('merge unites the memory (earliest first sighting, latest last one) and adds only rules not already there', async () => {
    const mine = entry(1, { aliases: ['openreview:Abc1'], firstSeen: T0 + 5 * DAY, lastSeen: T0 + 6 * DAY, site: 'openreview', fingerprint: 'a careful study', authors: ['Ada Lovelace'] });
    await putMemory([mine, entry(2)]);
    await settings.save({ ...settings.current(), rules: [rule('mine'), rule('shared')] });
    const theirs = [
      // The same paper, met by another id, earlier and last seen earlier.
      { key: 'doi:10.48550/arxiv.2411.00001', aliases: ['openreview:Abc1'], firstSeen: T0, lastSeen: T0 + DAY, site: 'huggingface' },
      entry(4),
    ];
    const text = serialiseBackup([], new Date(T0), { readingMemory: theirs, rules: [rule('shared'), rule('theirs')] });
    const reply = await importText(text, 'merge');
    expect(reply).toMatchObject({ readingMemory: { added: 2, updated: 0, unchanged: 0, removed: 1 }, rules: { added: 1, updated: 0, unchanged: 2, removed: 0 } });
    const byKey = new Map((await memory()).map((e) => [e.key, e]));
    expect([...byKey.keys()].sort()).toEqual(['arxiv:2411.00002', 'arxiv:2411.00004', 'doi:10.48550/arxiv.2411.00001']);
    expect(byKey.get('doi:10.48550/arxiv.2411.00001')).toEqual({
      key: 'doi:10.48550/arxiv.2411.00001', aliases: ['openreview:Abc1', 'arxiv:2411.00001'], fingerprint: 'a careful study', authors: ['Ada Lovelace'],
      firstSeen: T0, lastSeen: T0 + 6 * DAY, site: 'huggingface',
    });
    expect(settings.current().rules).toEqual([rule('mine'), rule('shared'), rule('theirs')]);
    // Importing the same file again changes nothing.
    expect(await importText(text, 'merge')).toMatchObject({ readingMemory: { added: 0, updated: 0, unchanged: 2, removed: 0 }, rules: { ...NONE, unchanged: 3 } });
  });

  it('refuses a file with a rule that does not compile whole, changing nothing anywhere', async () => {
    await ok({ type: 'restore', papers: [paper(1)] });
    await putMemory([entry(1)]);
    await settings.save({ ...settings.current(), rules: [rule('mine')] });
    const text = serialiseBackup([paper(2)], new Date(T0), { readingMemory: [entry(5)], rules: [rule('fine'), broken] });
    for (const mode of ['merge', 'replace'] as const) {
      const reply = await handle({ type: 'importBackup', text, mode }, OPTIONS);
      expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^This backup cannot be imported: rules\[1\]\.pattern "diff\(usion": This regular expression does not compile/) });
    }
    expect((await ok<{ papers: Array<{ key: string }> }>({ type: 'getAll' })).papers.map((p) => p.key)).toEqual([paper(1).key]);
    expect(await memory()).toEqual([entry(1)]);
    expect(settings.current().rules).toEqual([rule('mine')]);
  });

  it('refuses a merge that would leave more than 200 rules, changing nothing', async () => {
    await settings.save({ ...settings.current(), rules: Array.from({ length: 150 }, (_, i) => rule(`mine ${i}`)) });
    const text = serialiseBackup([paper(2)], new Date(T0), { rules: Array.from({ length: 60 }, (_, i) => rule(`theirs ${i}`)) });
    expect(await handle({ type: 'importBackup', text, mode: 'merge' }, OPTIONS)).toEqual({
      ok: false,
      error: 'This backup cannot be imported: with its rules you would have 210 rules, and Paperlight keeps at most 200. Remove some rules first, or replace them with the file\'s.',
    });
    expect(settings.current().rules).toHaveLength(150);
    expect((await ok<{ papers: unknown[] }>({ type: 'getAll' })).papers).toEqual([]);
  });

  it('leaves memory and rules as they are for a file without those sections, version 1 included', async () => {
    await putMemory([entry(1)]);
    await settings.save({ ...settings.current(), rules: [rule('mine')] });
    const versionOne = JSON.stringify({ format: BACKUP_FORMAT, version: 1, exportedAt: new Date(T0).toISOString(), papers: [paper(3)] });
    for (const text of [versionOne, serialiseBackup([paper(4)], new Date(T0))]) {
      expect(await importText(text, 'replace')).toMatchObject({ added: 1, readingMemory: NONE, rules: NONE });
    }
    expect(await memory()).toEqual([entry(1)]);
    expect(settings.current().rules).toEqual([rule('mine')]);
  });

  it('learns an imported entry\'s title fingerprint the next time a card with one of its ids is seen', async () => {
    await importText(serialiseBackup([], new Date(T0), { readingMemory: [entry(1)] }), 'merge');
    clock = T0 + 50 * DAY;
    await ok({ type: 'markSeen', site: 'arxiv', cards: [seenCard(1)] }, TAB);
    expect(await memory()).toEqual([{ ...entry(1), fingerprint: 'a careful study of topic number 1', authors: ['Grace Hopper'], lastSeen: T0 + 50 * DAY }]);
    // And from then on knows the paper on another site by its title.
    const elsewhere = { key: 'acl:2026.main.1', aliases: [], title: 'A Careful Study of Topic Number 1', authors: ['G. Hopper'] };
    expect(await ok({ type: 'markSeen', site: 'acl', cards: [elsewhere] }, TAB)).toEqual({ ok: true, seen: [{ key: elsewhere.key, firstSeen: entry(1).firstSeen }], now: T0 + 50 * DAY });
  });
});
