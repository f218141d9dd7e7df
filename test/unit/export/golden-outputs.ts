// The golden exports: each committed file in test/data/export-golden/ and how it is made from library.json.
// golden.test.ts compares against the files; test/data/export-golden/regenerate.ts (run by hand, never by a
// test) writes them after a deliberate format change.
import { exportFormat, toMarkdown } from '../../../src/core/export';
import type { SavedPaper } from '../../../src/core/paper';

/** Noon UTC: the backup's time stamp is the same text in every time zone. */
const NOW = new Date(Date.UTC(2026, 10, 23, 12));

export const GOLDEN_OUTPUTS: ReadonlyArray<[file: string, render: (papers: SavedPaper[]) => string]> = [
  // The Markdown date is passed as text: the registry would use the local day, which differs across zones.
  ['library.md', (papers) => toMarkdown(papers, { groupBy: 'tag', date: '2026-11-23' })],
  ['library-by-status.md', (papers) => toMarkdown(papers, { groupBy: 'status', date: '2026-11-23' })],
  ['library.bib', (papers) => exportFormat('bibtex').serialize(papers, { now: NOW })],
  ['library.csv', (papers) => exportFormat('csv').serialize(papers, { now: NOW })],
  ['library.ris', (papers) => exportFormat('ris').serialize(papers, { now: NOW })],
  ['library.backup.json', (papers) => exportFormat('json').serialize(papers, { now: NOW })],
];
