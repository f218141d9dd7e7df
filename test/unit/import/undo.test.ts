// Undoing an import after the person went on working: what each kind of paper becomes (src/core/import/undo.ts).
import { describe, expect, it } from 'vitest';
import { planUndo, type ImportedFields } from '../../../src/core/import/undo';
import type { SavedPaper } from '../../../src/core/paper';
import { describeUndo } from '../../../src/options/ImportSection';
import { paper } from '../store/helpers';

const IMPORTED_AT = 1_800_000_000_000;
const LATER = IMPORTED_AT + 3_600_000;

/** A saved paper as it was before the import, the import's merge of it, and what the import wrote of it. */
const before = paper(1, { tags: ['Vision'], status: 'to-read', note: 'Mine.', updatedAt: IMPORTED_AT - 5000 });
const merged: SavedPaper = { ...before, tags: ['Vision', 'resnet'], status: 'read', note: 'Mine.\n\nFrom the file.', abstract: 'Filled by the file.', updatedAt: IMPORTED_AT };
const wrote: ImportedFields = { key: merged.key, tags: merged.tags, status: merged.status, note: merged.note };
const added = paper(2, { savedAt: IMPORTED_AT, updatedAt: IMPORTED_AT });

function plan(now: SavedPaper[], withWrote = true) {
  const library = new Map(now.map((p) => [p.key, p]));
  return planUndo(
    { createdAt: IMPORTED_AT, added: [added.key], before: [before], ...(withWrote && { wrote: [wrote] }) },
    (key) => library.get(key),
  );
}

describe('planUndo', () => {
  it('nothing edited since: the added paper is deleted and the changed one put back as it was', () => {
    expect(plan([merged, added])).toEqual({ remove: [added.key], trash: [], put: [before], editsKept: 0 });
  });

  it('an added paper edited since goes to the Trash as it is now', () => {
    const edited = { ...added, note: 'My reading notes.', updatedAt: LATER };
    expect(plan([merged, edited])).toMatchObject({ remove: [], trash: [edited] });
  });

  it('a changed paper edited since comes back as before with the edits: tags added and removed, status, note', () => {
    // The person removed the tag they had before, tagged it 'to-cite' (a tag the import wrote in other letters
    // stays the import's), and set the status back: only what they changed after the import is kept.
    const edited = { ...merged, tags: ['RESNET', 'to-cite'], status: 'reading' as const, updatedAt: LATER };
    expect(plan([edited, added]).put).toEqual([{ ...before, tags: ['to-cite'], status: 'reading', updatedAt: LATER }]);
    const noted = { ...merged, note: 'Mine.\n\nFrom the file.\n\nAnd my new thought.', updatedAt: LATER };
    expect(plan([noted, added])).toMatchObject({
      put: [{ ...before, note: noted.note, updatedAt: LATER }],
      editsKept: 1,
    });
  });

  it('an undo entry from before the import fields were kept leaves an edited paper as it is', () => {
    const edited = { ...merged, status: 'reading' as const, updatedAt: LATER };
    expect(plan([edited, added], false)).toEqual({ remove: [added.key], trash: [], put: [], editsKept: 1 });
  });

  it('papers removed since stay removed (they wait in the Trash)', () => {
    expect(plan([])).toEqual({ remove: [], trash: [], put: [], editsKept: 0 });
  });

  it('a paper whose own edit time was ahead of the import clock counts as edited only past that time', () => {
    const ahead = { ...before, updatedAt: IMPORTED_AT + 10_000 };
    const library = new Map([[ahead.key, { ...merged, updatedAt: ahead.updatedAt }]]);
    expect(planUndo({ createdAt: IMPORTED_AT, added: [], before: [ahead], wrote: [wrote] }, (key) => library.get(key)).put).toEqual([ahead]);
  });
});

describe('describeUndo', () => {
  it('says where the work done since the import went', () => {
    expect(describeUndo({ ok: true, trashed: 0, editsKept: 0 })).toBe('The import was undone: the library is as it was before.');
    expect(describeUndo({ ok: true, trashed: 2, editsKept: 1 })).toBe(
      'The import was undone: 2 imported papers you edited since are in the Trash, and 1 paper saved before keeps your edits made since.',
    );
  });
});
