// Where each code link came from, as the store keeps it: checked on the way in, kept through re-saves, merges and
// backups, and absent (read as before) on records written before it was recorded.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBackup } from '../../../src/background/library-operations';
import { savePaper } from '../../../src/background/paper-operations';
import type { PaperlightDatabase } from '../../../src/background/schema';
import { parseBackup } from '../../../src/core/backup';
import { canonicalPaper, readSavedPaper } from '../../../src/core/paper-record';
import { ShapeError } from '../../../src/core/validate';
import { parseRequest } from '../../../src/shared/messages';
import { card, freshDb, paper } from './helpers';

const REPO = 'https://github.com/example/specdec';
const PAGE = 'https://example.github.io/specdec';

describe('reading a record', () => {
  it('keeps the sources of its code links, in their order', () => {
    const record = { ...paper(1), codeLinks: [REPO, PAGE], codeSources: { [PAGE]: 'site-data', [REPO]: 'abstract' } };
    expect(Object.entries(readSavedPaper(record, 'paper').codeSources!)).toEqual([[REPO, 'abstract'], [PAGE, 'site-data']]);
  });

  it('reads a record without sources as before', () => {
    const old = readSavedPaper({ ...paper(1), codeLinks: [REPO] }, 'paper');
    expect(old).not.toHaveProperty('codeSources');
    expect(old.codeLinks).toEqual([REPO]);
  });

  it('refuses an unknown source, a link the record does not have, and a source that is not an object', () => {
    expect(() => readSavedPaper({ ...paper(1), codeLinks: [REPO], codeSources: { [REPO]: 'twitter' } }, 'paper'))
      .toThrow('paper.codeSources["https://github.com/example/specdec"]: expected one of card-link, abstract, site-data, comments');
    expect(() => readSavedPaper({ ...paper(1), codeLinks: [REPO], codeSources: { [PAGE]: 'abstract' } }, 'paper'))
      .toThrow('paper.codeSources: unknown field "https://example.github.io/specdec"');
    expect(() => readSavedPaper({ ...paper(1), codeLinks: [REPO], codeSources: ['abstract'] }, 'paper')).toThrow(ShapeError);
  });

  it('drops, in the canonical form, the sources of links the record no longer has', () => {
    const canonical = canonicalPaper({ ...paper(1), codeLinks: [REPO], codeSources: { [REPO]: 'card-link', [PAGE]: 'abstract' } });
    expect(canonical.codeSources).toEqual({ [REPO]: 'card-link' });
    expect(canonicalPaper({ ...paper(1), codeLinks: [], codeSources: { [PAGE]: 'abstract' } })).not.toHaveProperty('codeSources');
  });

  it('checks a card\'s sources in a save message', () => {
    const paperWith = (codeSources: unknown) => ({ type: 'save', paper: { ...card(), codeSources } });
    expect(parseRequest(paperWith({ [REPO]: 'abstract' }))).toMatchObject({ ok: true, request: { paper: { codeSources: { [REPO]: 'abstract' } } } });
    expect(parseRequest(paperWith({ [REPO]: 'everywhere' }))).toMatchObject({ ok: false });
    expect(parseRequest(paperWith(JSON.parse('{"__proto__": "abstract"}')))).toMatchObject({ ok: false });
  });
});

describe('in the store', () => {
  let db: PaperlightDatabase;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  it('saves the sources, takes a re-save\'s over the old ones, and carries them through a backup', async () => {
    const first = await savePaper(db, card({ codeLinks: [REPO], codeSources: { [REPO]: 'card-link' } }), 1000);
    expect(first.result.paper.codeSources).toEqual({ [REPO]: 'card-link' });
    const again = await savePaper(db, card({ codeLinks: [REPO, PAGE], codeSources: { [REPO]: 'abstract', [PAGE]: 'site-data' } }), 2000);
    expect(again.result.paper.codeSources).toEqual({ [REPO]: 'abstract', [PAGE]: 'site-data' });
    const { text } = await exportBackup(db, 3000);
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.backup.papers[0]!.codeSources).toEqual({ [REPO]: 'abstract', [PAGE]: 'site-data' });
  });

  it('keeps what it knew when a re-save knows nothing of sources', async () => {
    await savePaper(db, card({ codeLinks: [REPO], codeSources: { [REPO]: 'comments' } }), 1000);
    const again = await savePaper(db, card({ codeLinks: [REPO] }), 2000);
    expect(again.result.paper.codeSources).toEqual({ [REPO]: 'comments' });
  });
});
