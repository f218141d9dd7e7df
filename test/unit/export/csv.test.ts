// CSV: read back with a strict RFC 4180 reader written here, every cell equals the paper's value (after the
// formula guard), and no cell that a spreadsheet would run as a formula survives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_HEADER, csvCell, toCsv } from '../../../src/core/export';
import { goldenLibrary, goldenPaper, makePaper } from './library';

/** RFC 4180, strictly: records end in CRLF, quoted fields double their quotes, nothing else is allowed. */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) throw new Error('unterminated quoted field');
        cell += text.slice(i, quote);
        i = quote + 1;
        if (text[i] !== '"') break;
        cell += '"';
        i++;
      }
    } else {
      const end = text.slice(i).search(/[,\r\n"]/);
      cell = end < 0 ? text.slice(i) : text.slice(i, i + end);
      i += cell.length;
    }
    record.push(cell);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  if (record.length) throw new Error('last record does not end in CRLF');
  return records;
}

const FORMULA_START = /^[=+\-@\t\r]/;

describe('the golden library as CSV', () => {
  const papers = goldenLibrary();
  const rows = readCsv(toCsv(papers));

  it('is a header row and one record per paper, all of the same width', () => {
    expect(rows[0]).toEqual(CSV_HEADER);
    expect(rows).toHaveLength(papers.length + 1);
    for (const row of rows) expect(row).toHaveLength(CSV_HEADER.length);
  });

  it('starts no cell with a formula character', () => {
    for (const cell of rows.flat()) expect(cell).not.toMatch(FORMULA_START);
    const injection = rows[papers.findIndex((p) => p.key === 'url:https://example.org/papers/injection') + 1];
    expect(injection[CSV_HEADER.indexOf('title')]).toBe("'=cmd|' /C calc'!A0");
    expect(injection[CSV_HEADER.indexOf('note')]).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(injection[CSV_HEADER.indexOf('tags')]).toBe("'-minus; @at; +plus; =equals");
  });

  it('gives back titles, notes and abstracts as written (line breaks as CRLF)', () => {
    papers.forEach((paper, i) => {
      const row = rows[i + 1];
      const unguard = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
      expect(unguard(row[CSV_HEADER.indexOf('title')])).toBe(paper.title.replace(/\s+/g, ' ').trim());
      expect(unguard(row[CSV_HEADER.indexOf('note')])).toBe(paper.note.replace(/\r\n?|\n/g, '\r\n'));
      expect(unguard(row[CSV_HEADER.indexOf('abstract')])).toBe(paper.abstract.replace(/\r\n?|\n/g, '\r\n'));
      expect(row[CSV_HEADER.indexOf('key')]).toBe(paper.key);
    });
  });
});

describe('rows', () => {
  // Spelled out by hand (RFC 4180 and the column list) so that a format change shows here, not only in the golden file.
  it('writes a paper as one record', () => {
    const paper = goldenPaper('url:https://proceedings.mlr.press/v202/reddi23a.html');
    expect(toCsv([{ ...paper, note: 'Say "no", twice' }]).split('\r\n')[1]).toBe(
      "On the Convergence of Adam -- and Beyond'',Sashank J. Reddi; Satyen Kale; Sanjiv Kumar,2023,2023,read,optimization," +
        '"Say ""no"", twice",https://proceedings.mlr.press/v202/reddi23a.html,,,,,,,url:https://proceedings.mlr.press/v202/reddi23a.html,' +
        'pmlr,https://proceedings.mlr.press/v202/reddi23a.html,2025-12-02T12:13:20.000Z,2025-12-02T12:13:20.000Z,Adam may not converge.,,',
    );
  });

  it('names the published version and links its page in the last two columns', () => {
    const rows = toCsv([goldenPaper('arxiv:1706.03762')]).split('\r\n');
    expect(rows[0]!.split(',').slice(-2)).toEqual(['venue', 'venue_url']);
    expect(rows[1]!.endsWith(
      ',NeurIPS 2017,https://proceedings.neurips.cc/paper_files/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html',
    )).toBe(true);
  });

  it('ends every record, the last included, with CRLF', () => {
    const csv = toCsv([makePaper({ key: 'arxiv:2401.00001' })]);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('starts with a byte-order mark only when asked', () => {
    expect(toCsv([]).charCodeAt(0)).toBe('t'.charCodeAt(0));
    expect(toCsv([], { bom: true }).charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(toCsv([], { bom: true }), 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});

describe('cells', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', '"\'\rx"'],
    ['=A1,"x"', '"\'=A1,""x"""'],
    ['a=b', 'a=b'],
  ])('%j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('reads back any text, guarded against formulas', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (value) => {
        const [[cell]] = readCsv(`${csvCell(value)}\r\n`);
        expect(cell).not.toMatch(FORMULA_START);
        expect(FORMULA_START.test(value) ? `'${value}` : value).toBe(cell);
      }),
      { numRuns: 500 },
    );
  });
});
