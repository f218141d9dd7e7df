// @vitest-environment node
// Importing a library through the message handler on fake-indexeddb: the dry run changes nothing, the import
// writes in one transaction and can be undone exactly (also after the database was closed and opened again),
// a file that is not a library changes nothing, and only extension pages may import.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDbOpener, type DbOpener } from '../../../src/background/db';
import { createMessageHandler, type Sender } from '../../../src/background/handler';
import { KEPT_UNDOS } from '../../../src/background/library-import';
import type { SavedPaper } from '../../../src/core/paper';
import type { AnyReply, ChangeEvent, ImportHistoryReply, ImportLibraryReply, TrashReply } from '../../../src/shared/messages';
import { sample } from '../import/samples';
import { paper, uniqueDbName } from './helpers';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${EXTENSION_ID}/`;
const OPTIONS: Sender = { id: EXTENSION_ID, url: `${BASE}src/options/index.html` };
const CONTENT: Sender = { id: EXTENSION_ID, url: 'https://arxiv.org/list/cs.LG/recent', tab: { id: 7 } };
const T0 = Date.UTC(2026, 0, 20, 9, 0, 0);

let name: string;
let opener: DbOpener;
let events: ChangeEvent[];
let handle: (raw: unknown, sender: Sender) => Promise<AnyReply>;

function makeHandler(db: DbOpener) {
  return createMessageHandler({
    db, extensionId: EXTENSION_ID, extensionBaseUrl: BASE, appVersion: '0.1.0', broadcast: (event) => events.push(event), now: () => T0,
  });
}

beforeEach(() => {
  name = uniqueDbName();
  opener = createDbOpener(name);
  events = [];
  handle = makeHandler(opener);
});
afterEach(async () => (await opener.get()).close());

async function ok<T = Record<string, unknown>>(raw: unknown, sender: Sender = OPTIONS): Promise<T> {
  const reply = await handle(raw, sender);
  if (!reply.ok) throw new Error(reply.error);
  return reply as T;
}

async function library(): Promise<SavedPaper[]> {
  return (await ok<{ papers: SavedPaper[] }>({ type: 'getAll' })).papers.sort((a, b) => (a.key < b.key ? -1 : 1));
}

const tagsAndCounts = async () => ({
  tags: (await ok<{ tags: unknown[] }>({ type: 'tags' })).tags,
  total: (await ok<{ total: number }>({ type: 'query', limit: 1 })).total,
});

/** A saved ResNet paper the latex-project sample merges into (by title identity), with a tag and a note. */
const resnet: SavedPaper = {
  ...paper(1),
  key: 'arxiv:1512.03385',
  aliases: [],
  title: 'Deep Residual Learning for Image Recognition',
  url: 'https://arxiv.org/abs/1512.03385',
  authors: ['Kaiming He', 'Jian Sun'],
  tags: ['Vision'],
  note: 'Saved from arXiv.',
};

describe('importLibrary', () => {
  it('a dry run says what would happen and changes nothing', async () => {
    await ok({ type: 'restore', papers: [resnet, paper(2)] });
    const before = await library();
    events.length = 0;
    const reply = await ok<ImportLibraryReply>({ type: 'importLibrary', text: sample('latex-project.bib'), dryRun: true });
    expect(reply).toMatchObject({ ok: true, dryRun: true, format: 'bibtex', added: 3, updated: 1, unchanged: 0 });
    expect(reply.undo).toBeUndefined();
    expect(reply.rejected.map((r) => r.entry)).toEqual(['@article{broken2019, (line 38)', '@article{neverclosed2021, (line 55)', 'untitled2020']);
    expect(reply.entries.map((e) => [e.entry, e.action, e.key, e.matchedBy ?? null])).toEqual([
      ['goodfellow2014gan', 'add', 'url:https://proceedings.neurips.cc/paper/5423-generative-adversarial-nets', null],
      ['he2015resnet', 'update', 'arxiv:1512.03385', 'id'],
      ['he2016resnet', 'duplicate', 'arxiv:1512.03385', 'title'],
      ['optimaltransportnotes', 'add', 'title:lecture-notes-on-optimal-transport-for-machine-learning', null],
      ['kingma2014autoencoding', 'add', 'arxiv:1312.6114', null],
    ]);
    expect(await library()).toEqual(before);
    expect(events).toEqual([]);
  });

  it('imports in one go, merging without loss, then undo puts back exactly the library before', async () => {
    await ok({ type: 'restore', papers: [resnet, paper(2)] });
    const before = await library();
    const countsBefore = await tagsAndCounts();
    events.length = 0;
    const reply = await ok<ImportLibraryReply>({ type: 'importLibrary', text: sample('latex-project.bib') });
    expect(reply).toMatchObject({ dryRun: false, format: 'bibtex', added: 3, updated: 1, unchanged: 0 });
    expect(reply.undo).toMatch(/^[0-9a-f-]{36}$/);
    expect(events).toEqual([{ type: 'paperlight:changed', reset: true }]);
    const after = await library();
    expect(after.map((p) => p.key)).toEqual([
      'arxiv:1312.6114', 'arxiv:1512.03385', 'arxiv:2401.00002', 'title:lecture-notes-on-optimal-transport-for-machine-learning',
      'url:https://proceedings.neurips.cc/paper/5423-generative-adversarial-nets',
    ]);
    expect(after.find((p) => p.key === 'arxiv:1512.03385')).toEqual({
      ...resnet,
      aliases: ['doi:10.1109/cvpr.2016.90'],
      published: resnet.published,
      tags: ['Vision', 'resnet'],
      note: 'Saved from arXiv.\n\nBest paper award.',
      updatedAt: T0,
    });
    expect((await tagsAndCounts()).total).toBe(5);

    // The worker may stop between the import and its undo: a new handler on a re-opened database undoes it.
    (await opener.get()).close();
    opener = createDbOpener(name);
    handle = makeHandler(opener);
    events.length = 0;
    expect(await ok({ type: 'undoImport', undo: reply.undo })).toEqual({ ok: true, trashed: 0, editsKept: 0 });
    expect(await library()).toEqual(before);
    expect(await tagsAndCounts()).toEqual(countsBefore);
    expect(events).toEqual([{ type: 'paperlight:changed', reset: true }]);
    expect(await handle({ type: 'undoImport', undo: reply.undo }, OPTIONS)).toEqual({
      ok: false,
      error: 'This import can no longer be undone: it was undone already, or later imports took its place.',
    });
  });

  it('undo after working on the papers: an imported paper edited since goes to the Trash, a saved one keeps the edits made since', async () => {
    let clock = T0;
    handle = createMessageHandler({
      db: opener, extensionId: EXTENSION_ID, extensionBaseUrl: BASE, appVersion: '0.1.0', broadcast: (event) => events.push(event), now: () => clock,
    });
    await ok({ type: 'restore', papers: [resnet, paper(2)] });
    const reply = await ok<ImportLibraryReply>({ type: 'importLibrary', text: sample('latex-project.bib') });
    expect(reply.undo).toBeDefined();
    // An hour of work: a note and a tag on an imported paper, a status and tags changed on the paper saved before
    // (the import had added 'resnet' to it; the person removes that tag and adds their own).
    clock = T0 + 3_600_000;
    await ok({ type: 'update', key: 'arxiv:1312.6114', set: { note: 'Read it: the reparametrisation trick.' }, addTags: ['VAE'] });
    await ok({ type: 'update', key: 'arxiv:1512.03385', set: { status: 'read' }, addTags: ['to-cite'], removeTags: ['resnet'] });
    const edited = (await library()).find((p) => p.key === 'arxiv:1312.6114')!;
    clock += 60_000;
    events.length = 0;

    expect(await ok({ type: 'undoImport', undo: reply.undo })).toEqual({ ok: true, trashed: 1, editsKept: 1 });
    // The file's papers are gone; the saved paper is as it was before the import, with the edits made since.
    expect(await library()).toEqual([
      { ...paper(2) },
      { ...resnet, tags: ['Vision', 'to-cite'], status: 'read', updatedAt: T0 + 3_600_000 },
    ].sort((a, b) => (a.key < b.key ? -1 : 1)));
    // The imported paper worked on is in the Trash as it was, and can be restored; the others were not kept.
    const trash = await ok<TrashReply>({ type: 'trash' });
    expect(trash.papers).toEqual([{ ...edited, removedAt: clock }]);
    expect(events).toEqual([{ type: 'paperlight:changed', reset: true, trash: true }]);
    await ok({ type: 'restoreTrashed', keys: ['arxiv:1312.6114'] });
    expect((await library()).find((p) => p.key === 'arxiv:1312.6114')).toEqual(edited);
  });

  it('a file that changes nothing gives no undo and writes nothing', async () => {
    await ok({ type: 'importLibrary', text: sample('mendeley.ris') });
    events.length = 0;
    const again = await ok<ImportLibraryReply>({ type: 'importLibrary', text: sample('mendeley.ris') });
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    expect(again.undo).toBeUndefined();
    expect(events).toEqual([]);
  });

  it('keeps the newest imports undoable', async () => {
    let clock = T0;
    handle = createMessageHandler({
      db: opener, extensionId: EXTENSION_ID, extensionBaseUrl: BASE, appVersion: '0.1.0', broadcast: () => undefined, now: () => (clock += 1000),
    });
    const undos: string[] = [];
    for (let i = 0; i <= KEPT_UNDOS; i++) {
      const text = `@misc{p${i}, title = {Paper number ${i} of a long series}, eprint = {2101.${String(10000 + i)}}, archivePrefix = {arXiv}}`;
      undos.push((await ok<ImportLibraryReply>({ type: 'importLibrary', text })).undo!);
    }
    expect(await handle({ type: 'undoImport', undo: undos[0] }, OPTIONS)).toMatchObject({ ok: false });
    expect(await ok({ type: 'undoImport', undo: undos[1] })).toEqual({ ok: true, trashed: 0, editsKept: 0 });
    expect((await library()).map((p) => p.key)).not.toContain('arxiv:2101.10001');
  });

  it('refuses files that are not libraries, with nothing changed', async () => {
    await ok({ type: 'restore', papers: [paper(2)] });
    const before = await library();
    expect(await handle({ type: 'importLibrary', text: '\u0000\u0001PK\u0003\u0004 binary' }, OPTIONS)).toEqual({
      ok: false,
      error: 'This file is not a library Paperlight can read: choose a BibTeX (.bib) or RIS (.ris) file, a PaperMemory export or a Paperlight backup (.json). It holds binary data, not text.',
    });
    expect(await handle({ type: 'importLibrary', text: 'Dear editor,' }, OPTIONS)).toMatchObject({ ok: false });
    expect(await library()).toEqual(before);
  });

  it('validates the message and takes it from extension pages only', async () => {
    expect(await handle({ type: 'importLibrary', text: 'x', format: 'endnote' }, OPTIONS)).toEqual({
      ok: false, error: 'Invalid "importLibrary" message: format: expected one of bibtex, ris, papermemory, paperlight.',
    });
    expect(await handle({ type: 'importLibrary', text: 'x', file: 'blob:x' }, OPTIONS)).toEqual({
      ok: false, error: 'Invalid "importLibrary" message: give the library as "text" or as "file", not both.',
    });
    expect(await handle({ type: 'importLibrary', file: 'https://example.org/lib.bib' }, OPTIONS)).toEqual({
      ok: false, error: 'Invalid "importLibrary" message: file: expected a blob: URL.',
    });
    expect(await handle({ type: 'undoImport', undo: '' }, OPTIONS)).toEqual({ ok: false, error: 'Invalid "undoImport" message: undo: must not be empty.' });
    expect(await handle({ type: 'importLibrary', text: sample('mendeley.ris') }, CONTENT)).toEqual({
      ok: false, error: '"importLibrary" can only be sent from Paperlight\'s own pages (popup or options), not from a web page.',
    });
    expect(await handle({ type: 'undoImport', undo: 'x' }, CONTENT)).toMatchObject({ ok: false });
  });

  it('writes the automatic backup before a replace import, and not before a merge', async () => {
    const calls: string[] = [];
    handle = createMessageHandler({
      db: opener, extensionId: EXTENSION_ID, extensionBaseUrl: BASE, appVersion: '0.1.0', broadcast: () => undefined, now: () => T0,
      beforeReplacingLibrary: async () => void calls.push('backup'),
    });
    const backup = (await ok<{ text: string }>({ type: 'exportBackup' })).text;
    await ok({ type: 'importBackup', text: backup, mode: 'merge' });
    await ok({ type: 'importBackup', text: backup, mode: 'replace', dryRun: true });
    expect(calls).toEqual([]);
    await ok({ type: 'importBackup', text: backup, mode: 'replace' });
    expect(calls).toEqual(['backup']);
  });
});

describe('importHistory', () => {
  const history = async () => (await ok<ImportHistoryReply>({ type: 'importHistory' })).imports;
  /** A handler whose clock moves a minute per request, so that imports have distinct times. */
  function ticking(): void {
    let clock = T0;
    handle = createMessageHandler({
      db: opener, extensionId: EXTENSION_ID, extensionBaseUrl: BASE, appVersion: '0.1.0', broadcast: (event) => events.push(event),
      now: () => (clock += 60_000),
    });
  }

  it('lists the imports that can still be undone, newest first, with their file, format and counts, and follows undos', async () => {
    ticking();
    expect(await history()).toEqual([]);
    await ok({ type: 'restore', papers: [resnet, paper(2)] });
    const bib = await ok<ImportLibraryReply>({ type: 'importLibrary', text: sample('latex-project.bib'), name: 'references.bib' });
    // A dry run and pasted text: the first leaves nothing to undo, the second has no file name.
    await ok({ type: 'importLibrary', text: sample('mendeley.ris'), name: 'mendeley.ris', dryRun: true });
    const ris = await ok<ImportLibraryReply>({ type: 'importLibrary', text: sample('mendeley.ris') });
    expect([bib, ris]).toMatchObject([{ added: 3, updated: 1 }, { added: 1, updated: 1 }]);
    expect(await history()).toEqual([
      { undo: ris.undo, importedAt: T0 + 3 * 60_000, format: 'ris', added: 1, merged: 1 },
      { undo: bib.undo, importedAt: T0 + 60_000, format: 'bibtex', name: 'references.bib', added: 3, merged: 1 },
    ]);
    await ok({ type: 'undoImport', undo: ris.undo });
    expect((await history()).map((entry) => entry.undo)).toEqual([bib.undo]);
    // Undone from the list's token, the import puts the library back as it does from the import's reply.
    await ok({ type: 'undoImport', undo: bib.undo });
    expect(await history()).toEqual([]);
    expect(await library()).toEqual([resnet, paper(2)].sort((a, b) => (a.key < b.key ? -1 : 1)));
  });

  it('lists only the newest imports, as many as can be undone', async () => {
    ticking();
    const undos: string[] = [];
    for (let i = 0; i <= KEPT_UNDOS; i++) {
      const text = `@misc{p${i}, title = {Paper number ${i} of a long series}, eprint = {2101.${String(10000 + i)}}, archivePrefix = {arXiv}}`;
      undos.push((await ok<ImportLibraryReply>({ type: 'importLibrary', text, name: `p${i}.bib` })).undo!);
    }
    const listed = await history();
    expect(listed.map((entry) => entry.undo)).toEqual(undos.slice(1).reverse());
    expect(listed.map((entry) => entry.name)).toEqual(undos.slice(1).map((_, i) => `p${i + 1}.bib`).reverse());
  });

  it('lists an import stored before file names and summaries were kept with what it has, and undoes it', async () => {
    await ok({ type: 'restore', papers: [resnet, paper(2)] });
    const before = await library();
    const reply = await ok<ImportLibraryReply>({ type: 'importLibrary', text: sample('latex-project.bib'), name: 'references.bib' });
    // The entry as the import wrote it before this list existed: no `name`, no `summary`.
    const db = await opener.get();
    const { name: _name, summary: _summary, ...older } = (await db.get('imports', reply.undo!))!;
    await db.put('imports', older);
    expect(await history()).toEqual([{ undo: reply.undo, importedAt: T0, format: 'bibtex', added: 3, merged: 1 }]);
    await ok({ type: 'undoImport', undo: reply.undo });
    expect(await library()).toEqual(before);
    expect(await history()).toEqual([]);
  });

  it('is answered to extension pages only, and the file name is checked like every field', async () => {
    expect(await handle({ type: 'importHistory' }, CONTENT)).toEqual({
      ok: false, error: '"importHistory" can only be sent from Paperlight\'s own pages (popup or options), not from a web page.',
    });
    expect(await handle({ type: 'importHistory', limit: 3 }, OPTIONS)).toMatchObject({ ok: false, error: expect.stringMatching(/^Invalid "importHistory" message: .*limit/) });
    expect(await handle({ type: 'importLibrary', text: 'x', name: 7 }, OPTIONS)).toEqual({
      ok: false, error: 'Invalid "importLibrary" message: name: expected a string.',
    });
    expect(await handle({ type: 'importLibrary', text: 'x', name: 'a'.repeat(256) }, OPTIONS)).toMatchObject({
      ok: false, error: expect.stringMatching(/^Invalid "importLibrary" message: name: too long/),
    });
  });
});
