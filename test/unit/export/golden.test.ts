// Every format's output for the shared library, compared byte for byte with the frozen files beside it.
// After a deliberate format change: UPDATE_GOLDEN=1 npx vitest run --project unit test/unit/export/golden.test.ts,
// then read the diff of test/data/export-golden/ before committing it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportFormat, toMarkdown } from '../../../src/core/export';
import { GOLDEN_DIR, goldenLibrary } from './library';

const papers = goldenLibrary();
/** Noon UTC: the backup's time stamp is the same text in every time zone. */
const now = new Date(Date.UTC(2026, 10, 23, 12));

const outputs: [file: string, render: () => string][] = [
  // The Markdown date is passed as text: the registry would use the local day, which differs across zones.
  ['library.md', () => toMarkdown(papers, { groupBy: 'tag', date: '2026-11-23' })],
  ['library-by-status.md', () => toMarkdown(papers, { groupBy: 'status', date: '2026-11-23' })],
  ['library.bib', () => exportFormat('bibtex').serialize(papers, { now })],
  ['library.csv', () => exportFormat('csv').serialize(papers, { now })],
  ['library.ris', () => exportFormat('ris').serialize(papers, { now })],
  ['library.backup.json', () => exportFormat('json').serialize(papers, { now })],
];

describe('golden exports of test/data/export-golden/library.json', () => {
  it('covers the hostile cases it is meant to', () => {
    const titles = papers.map((p) => p.title).join('\n');
    for (const hostile of ['[', ']', '*', '|', '`', '<img src=x onerror=alert(1)>', '</style>', '&', '%', '$', '#', '_', '{', '}', '~', '^', '\\', "=cmd|' /C calc'!A0", '\n', '🚀', '大规模', 'نموذج']) {
      expect(titles).toContain(hostile);
    }
    const keys = papers.map((p) => p.key.slice(0, p.key.indexOf(':')));
    expect(new Set(keys)).toEqual(new Set(['arxiv', 'doi', 'acl', 'openreview', 'url']));
    expect(papers.some((p) => p.key === 'arxiv:hep-th/9901001')).toBe(true);
    expect(papers.map((p) => p.authors.length)).toEqual(expect.arrayContaining([0, 1, 30]));
    expect(papers.map((p) => p.tags.length)).toEqual(expect.arrayContaining([0, 12]));
  });

  it.each(outputs)('%s is unchanged', (file, render) => {
    const actual = Buffer.from(render(), 'utf8');
    const goldenPath = path.join(GOLDEN_DIR, file);
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(goldenPath)) {
      if (process.env.UPDATE_GOLDEN !== '1') throw new Error(`${file} is missing: run with UPDATE_GOLDEN=1 and review it`);
      writeFileSync(goldenPath, actual);
    }
    expect(actual.equals(readFileSync(goldenPath))).toBe(true);
  });
});
