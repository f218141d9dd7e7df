// The registry the popup uses: every format listed once, each serialising the library, file names dated.
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportFileName, exportFormat, exportPapers, parseBackup } from '../../../src/core/export';
import { goldenLibrary } from './library';

describe('export formats', () => {
  it('lists Markdown, BibTeX, CSV, RIS and the JSON backup, each once', () => {
    expect(EXPORT_FORMATS.map((f) => [f.id, f.extension])).toEqual([
      ['markdown', 'md'],
      ['bibtex', 'bib'],
      ['csv', 'csv'],
      ['ris', 'ris'],
      ['json', 'json'],
    ]);
    for (const format of EXPORT_FORMATS) {
      expect(format.label).not.toBe('');
      expect(format.mimeType).toMatch(/^[a-z]+\/[a-z0-9.+-]+(;charset=utf-8)?$/);
    }
  });

  it('serialise the library, and nothing at all, without throwing', () => {
    const papers = goldenLibrary();
    for (const format of EXPORT_FORMATS) {
      expect(format.serialize(papers, { now: new Date(0) }).length).toBeGreaterThan(0);
      expect(typeof format.serialize([], { now: new Date(0) })).toBe('string');
    }
  });

  it('writes the store\'s own backup, which reads back to the same papers', () => {
    const papers = goldenLibrary();
    const result = parseBackup(exportFormat('json').serialize(papers, { now: new Date(Date.UTC(2026, 10, 23)) }));
    expect(result.ok && result.backup.papers).toEqual(papers);
    expect(result.ok && result.backup.exportedAt).toBe('2026-11-23T00:00:00.000Z');
  });

  it('passes the Markdown grouping and the CSV byte-order mark through', () => {
    const papers = goldenLibrary();
    expect(exportFormat('markdown').serialize(papers, { groupBy: 'status' })).toContain('## To read');
    expect(exportFormat('csv').serialize(papers, { bom: true }).startsWith('\uFEFFtitle,')).toBe(true);
  });
});

describe('file names', () => {
  const day = new Date(2026, 10, 23, 23, 59); // local time: the user's calendar day

  it('are dated with the local day, scoped when not the whole library', () => {
    expect(exportFileName('bibtex', day)).toBe('paperlight-2026-11-23.bib');
    expect(exportFileName('bibtex', day, 'library')).toBe('paperlight-2026-11-23.bib');
    expect(exportFileName('markdown', day, 'selection')).toBe('paperlight-selection-2026-11-23.md');
    expect(exportFileName(exportFormat('json'), new Date(2026, 0, 5))).toBe('paperlight-2026-01-05.json');
  });

  it('turn any scope into a short, safe part', () => {
    expect(exportFileName('csv', day, 'Tag: Vision & Robotics')).toBe('paperlight-tag-vision-robotics-2026-11-23.csv');
    expect(exportFileName('csv', day, '../../etc/passwd')).toBe('paperlight-etc-passwd-2026-11-23.csv');
    expect(exportFileName('csv', day, 'Évaluation')).toBe('paperlight-evaluation-2026-11-23.csv');
    expect(exportFileName('csv', day, '效率')).toBe('paperlight-2026-11-23.csv');
    expect(exportFileName('ris', day, 'x'.repeat(200))).toBe(`paperlight-${'x'.repeat(40)}-2026-11-23.ris`);
  });
});

describe('exportPapers', () => {
  it('gives the popup a file name, a type and the text', () => {
    const now = new Date(2026, 10, 23, 12);
    const file = exportPapers('markdown', goldenLibrary().slice(0, 2), { now, scope: 'selection', groupBy: 'status' });
    expect(file.fileName).toBe('paperlight-selection-2026-11-23.md');
    expect(file.mimeType).toBe('text/markdown;charset=utf-8');
    expect(file.text).toContain('2 papers · grouped by status · exported 2026-11-23');
  });
});
