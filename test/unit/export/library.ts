// The shared golden library (test/data/export-golden/library.json), read through the store's own record
// check so that every paper in it is one the store could really hold; and a maker of single papers.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readSavedPaper } from '../../../src/core/paper-record';
import type { SavedPaper } from '../../../src/core/paper';

export const GOLDEN_DIR = path.resolve(import.meta.dirname, '../../data/export-golden');

export function goldenLibrary(): SavedPaper[] {
  const raw: unknown = JSON.parse(readFileSync(path.join(GOLDEN_DIR, 'library.json'), 'utf8'));
  if (!Array.isArray(raw)) throw new Error('library.json must hold a list of papers');
  return raw.map((item, i) => readSavedPaper(item, `library[${i}]`));
}

export function goldenPaper(key: string): SavedPaper {
  const paper = goldenLibrary().find((p) => p.key === key);
  if (!paper) throw new Error(`no paper ${key} in library.json`);
  return paper;
}

/** A plain saved paper; `fields` override the defaults. */
export function makePaper(fields: Partial<SavedPaper> & { key: string }): SavedPaper {
  return {
    aliases: [],
    title: 'A Title',
    url: 'https://example.org/paper',
    authors: [],
    abstract: '',
    venues: [],
    metrics: [],
    codeLinks: [],
    site: 'generic',
    tags: [],
    status: 'to-read',
    note: '',
    savedAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    seenUrls: [],
    ...fields,
  };
}
