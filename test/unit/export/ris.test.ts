// RIS: every line of the file is a tag line or the blank line between records, whatever the papers hold,
// and the values read back from those lines are the papers' own.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toRis } from '../../../src/core/export';
import { readLibraryFile } from '../../../src/core/import';
import { asOneLine, factsOf, noteLines } from './golden-facts';
import { goldenLibrary, goldenPaper, makePaper } from './library';

const TAG_LINE = /^([A-Z][A-Z0-9]) {2}- (.*)$/;

/** The records of a RIS file as lists of [tag, value]; throws on any line that is not RIS. */
function readRis(text: string): [string, string][][] {
  expect(text.endsWith('\r\n')).toBe(true);
  const lines = text.slice(0, -2).split('\r\n');
  const records: [string, string][][] = [];
  let record: [string, string][] | undefined;
  for (const line of lines) {
    if (line === '' && record === undefined) continue;
    const match = TAG_LINE.exec(line);
    if (!match) throw new Error(`not a RIS line: ${JSON.stringify(line)}`);
    const [, tag, value] = match;
    if (tag === 'TY') record = [];
    if (!record) throw new Error(`${tag} outside a record`);
    record.push([tag, value]);
    if (tag === 'ER') {
      records.push(record);
      record = undefined;
    }
  }
  if (record) throw new Error('a record has no ER line');
  return records;
}

const values = (record: [string, string][], tag: string) => record.filter(([t]) => t === tag).map(([, v]) => v);

describe('the golden library as RIS', () => {
  const papers = goldenLibrary();
  const records = readRis(toRis(papers));

  it('has one record per paper, each from TY to ER', () => {
    expect(records).toHaveLength(papers.length);
    for (const record of records) {
      expect(record[0][0]).toBe('TY');
      expect(record[record.length - 1]).toEqual(['ER', '']);
    }
  });

  it('gives back each paper on one line per field', () => {
    papers.forEach((paper, i) => {
      const record = records[i];
      const facts = factsOf(paper.key);
      expect(values(record, 'TI')).toEqual([asOneLine(paper.title)]);
      expect(values(record, 'AU')).toHaveLength(paper.authors.length);
      expect(values(record, 'KW')).toEqual(paper.tags.map((t) => t.replace(/;/g, ',')));
      expect(values(record, 'AB')).toEqual(paper.abstract.trim() ? [asOneLine(paper.abstract)] : []);
      expect(values(record, 'N1')).toEqual(noteLines(paper.note));
      expect(values(record, 'DO')).toEqual(facts.doi ? [facts.doi] : []);
      // A paper cited as its published version links its arXiv abstract page too (its `landing`).
      const preprintLink = facts.arxiv !== undefined && facts.linkField !== facts.landing ? [facts.landing] : [];
      expect(values(record, 'UR')).toEqual([facts.linkField, ...preprintLink]);
      if (facts.venue) {
        expect(values(record, 'T2')).toEqual([facts.venue.booktitle]);
        expect(values(record, 'PY')).toEqual([facts.venue.year]);
      }
    });
  });

  it("is read back by the library import with each paper's arXiv id, where a published version is cited too", () => {
    const withArxiv = papers.filter((paper) => factsOf(paper.key).arxiv !== undefined);
    expect(withArxiv.some((paper) => factsOf(paper.key).venue)).toBe(true);
    for (const paper of withArxiv) {
      const read = readLibraryFile(toRis([paper]), 'ris', Date.UTC(2026, 11, 7));
      if (!read.ok) throw new Error(read.error);
      const [back] = read.papers;
      expect([back!.paper.key, ...back!.paper.aliases], paper.key).toContain(`arxiv:${factsOf(paper.key).arxiv}`);
    }
  });

  it("writes a note's lines as one N1 each (RIS has no line break inside a value), which the import reads back as paragraphs", () => {
    const paper = makePaper({ key: 'arxiv:2412.01234', note: 'First line\nsecond line\n\n\nSecond paragraph\r\nER  - not an end' });
    const ris = toRis([paper]);
    const [record] = readRis(ris);
    expect(values(record, 'N1')).toEqual(['First line', 'second line', 'Second paragraph', 'ER - not an end']);
    const read = readLibraryFile(ris, 'ris', Date.UTC(2026, 11, 7));
    if (!read.ok) throw new Error(read.error);
    expect(read.papers[0]!.paper.note).toBe('First line\n\nsecond line\n\nSecond paragraph\n\nER - not an end');
  });

  it('types records by what the paper is', () => {
    expect(records.map((r) => values(r, 'TY')[0])).toEqual(goldenLibrary().map((p) => factsOf(p.key).risType));
  });
});

describe('records', () => {
  // Spelled out by hand (the RIS specification) so that a format change shows here, not only in the golden file.
  it('writes a paper with authors split, RIS dates, keywords and notes', () => {
    const paper = goldenPaper('doi:10.1145/3580305.3599000');
    expect(toRis([paper])).toBe(
      'TY  - JOUR\r\n' +
        'ID  - muller2023cost\r\n' +
        'TI  - Cost & Accuracy: 100% of $O(n^2)$ #1 a_b {x} ~y \\z ^w — Trade-offs\r\n' +
        'AU  - Müller, Jörg\r\n' +
        'AU  - Álvarez-García, José\r\n' +
        'AU  - de la Fontaine, Jean\r\n' +
        'AU  - King, Martin Luther, Jr.\r\n' +
        'PY  - 2023\r\n' +
        'DA  - 2023/08/06/\r\n' +
        'DO  - 10.1145/3580305.3599000\r\n' +
        'UR  - https://dl.acm.org/doi/10.1145/3580305.3599000\r\n' +
        'KW  - cost & accuracy\r\n' +
        'KW  - a_b {x}\r\n' +
        'AB  - Costs {rise} 50% & fall; see \\cite{x} and $x_1$.\r\n' +
        'N1  - Read § 3 first & check 100% claim.\r\n' +
        'ER  - \r\n',
    );
  });

  it('writes partial dates with all three slashes', () => {
    const [record] = readRis(toRis([makePaper({ key: 'arxiv:2412.01234' })]));
    expect(values(record, 'DA')).toEqual(['2024/12//']);
    const [yearOnly] = readRis(toRis([makePaper({ key: 'url:https://x.org', published: '1998' })]));
    expect(values(yearOnly, 'DA')).toEqual(['1998///']);
  });

  it('puts a conference paper\'s proceedings in T2', () => {
    const [record] = readRis(toRis([goldenPaper('url:https://proceedings.neurips.cc/paper_files/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html')]));
    expect(values(record, 'T2')).toEqual(['Advances in Neural Information Processing Systems']);
  });

  it('never lets a value break a line, whatever it holds', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r', '\t', '\u2028', '\u0085', '\u0000', 'ER  - ', 'TY  - ', ';') });
    fc.assert(
      fc.property(text, text, text, (title, note, tag) => {
        const paper = makePaper({ key: 'arxiv:2401.00001', title, note, abstract: note, authors: [title], tags: [tag] });
        const [record, ...rest] = readRis(toRis([paper, paper]));
        expect(rest).toHaveLength(1);
        expect(values(record, 'N1')).toEqual(noteLines(note));
      }),
      { numRuns: 300 },
    );
  });
});
