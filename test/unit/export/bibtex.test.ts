// BibTeX: the golden file and generated entries are read back with @retorquere/bibtex-parser (the parser of
// Better BibTeX for Zotero) and must give back every field as the paper has it.
import { parse, type Creator, type Entry } from '@retorquere/bibtex-parser';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseCitationKey, citationKeys, escapeLatex, toBibtex } from '../../../src/core/export';
import { readLibraryFile } from '../../../src/core/import';
import type { SavedPaper } from '../../../src/core/paper';
import { asOneLine, factsOf, noteLines } from './golden-facts';
import { GOLDEN_DIR, goldenLibrary, goldenPaper, makePaper } from './library';

/** Fields exactly as written: no sentence-casing, no case-protection markup. */
const AS_WRITTEN = { english: false } as const;

function parseOne(bib: string, options = AS_WRITTEN): Entry {
  const library = parse(bib, options);
  expect(library.errors).toEqual([]);
  expect(library.entries).toHaveLength(1);
  return library.entries[0];
}

/** A parsed person back in reading order: "Guido van Rossum", "Martin Luther King Jr.", or the literal name. */
function readingOrder(creator: Creator): string {
  if (creator.name !== undefined) return creator.name;
  return [creator.firstName, creator.prefix, creator.lastName, creator.suffix].filter(Boolean).join(' ');
}

/**
 * A note as Better BibTeX's parser gives back a field of several lines and paragraphs: a line break (`\\`) as
 * `<br>` and the line end after it as a space, a blank line as `<p>`.
 */
function asParsedNote(note: string): string | undefined {
  const paragraphs = note.split(/(?:\r\n|\r(?!\n)|\n|\u2028|\u2029)[^\S\r\n\u2028\u2029]*(?:\r\n|\r(?!\n)|\n|\u2028|\u2029)\s*/).map(noteLines).filter((lines) => lines.length > 0);
  return paragraphs.length ? paragraphs.map((lines) => lines.join('<br> ')).join('<p>') : undefined;
}

/** Golden authors written family first; every other name reads back as written. */
const READING_ORDER: Record<string, string> = { 'Smith, John': 'John Smith' };

/** Golden tags that BibTeX writes escaped, or with their separators made spaces (a tag stays one keyword). */
const KEYWORDS: Record<string, string> = {
  'cost & accuracy': 'cost \\& accuracy',
  'a_b {x}': 'a\\_b \\textbraceleft{}x\\textbraceright{}',
  'odd;tag': 'odd tag',
  'x, y': 'x y',
};

describe('the golden .bib file', () => {
  const papers = goldenLibrary();
  const bib = readFileSync(path.join(GOLDEN_DIR, 'library.bib'), 'utf8');
  const library = parse(bib, AS_WRITTEN);

  it('parses without errors, one entry per paper, keys unique', () => {
    expect(library.errors).toEqual([]);
    expect(library.entries).toHaveLength(papers.length);
    const keys = library.entries.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9]+$/);
  });

  it.each(papers.map((p, i) => [p.key, i] as const))('gives back every field of %s', (_key, i) => {
    const paper: SavedPaper = papers[i];
    const { fields } = library.entries[i];
    const facts = factsOf(paper.key);
    expect(fields.title).toBe(asOneLine(paper.title));
    expect((fields.author ?? []).map(readingOrder)).toEqual(paper.authors.map((a) => READING_ORDER[a] ?? a));
    expect(fields.abstract).toBe(paper.abstract.trim() ? asOneLine(paper.abstract) : undefined);
    expect(fields.annote).toBe(asParsedNote(paper.note));
    expect(fields.readstatus).toBe({ read: 'read', reading: 'skimmed' }[paper.status as string]);
    expect(fields.doi).toBe(facts.doi);
    expect(fields.eprint).toBe(facts.arxiv);
    expect(fields.url).toBe(facts.linkField);
    if (facts.venue) {
      expect(library.entries[i]!.type).toBe('inproceedings');
      expect(fields.booktitle).toBe(facts.venue.booktitle);
      expect(fields.year).toBe(facts.venue.year);
      expect(fields.series).toBe(facts.venue.series);
      expect(fields.volume).toBe(facts.venue.volume);
      // The arXiv version stays citable beside the published one.
      expect(fields.archiveprefix).toBe('arXiv');
    }
    // Keywords come back LaTeX-escaped (the parser reads them verbatim) and sorted, one per tag.
    expect([...(fields.keywords ?? [])].sort()).toEqual(paper.tags.map((t) => KEYWORDS[t] ?? t).sort());
  });

  it('keeps the capitals of acronyms when a style sentence-cases titles', () => {
    const sentenceCased = parse(bib); // English entries: Better BibTeX's sentence-casing applies
    expect(sentenceCased.errors).toEqual([]);
    const resnet = sentenceCased.entries.find((e) => e.key === 'smith2023resnet');
    expect(resnet?.fields.title).toContain('ResNet-X: Deep 3D residual networks for ImageNet');
  });
});

describe('entries', () => {
  // Spelled out by hand (arXiv's and the proceedings' BibTeX) so that a format change shows here, not only in the golden file.
  it('writes an old-style arXiv preprint as arXiv does, with its archive as primaryClass', () => {
    expect(toBibtex([goldenPaper('arxiv:hep-th/9901001')])).toBe(
      '@misc{witten1999img,\n' +
        '  title = {\\textless{}img src=x onerror=alert(1)\\textgreater{} and \\textless{}/style\\textgreater{}' +
        '\\textless{}script\\textgreater{}alert("x")\\textless{}/script\\textgreater{} in a title},\n' +
        '  author = {Witten, Edward},\n' +
        '  year = {1999},\n' +
        '  month = jan,\n' +
        '  eprint = {hep-th/9901001},\n' +
        '  archivePrefix = {arXiv},\n' +
        '  primaryClass = {hep-th},\n' +
        '  url = {https://arxiv.org/abs/hep-th/9901001},\n' +
        '  keywords = {physics},\n' +
        '  readstatus = {read},\n' +
        '  abstract = {String theory \\& \\textless{}b\\textgreater{}bold\\textless{}/b\\textgreater{} claims.}\n' +
        '}\n',
    );
  });

  it('writes a PMLR paper as @inproceedings with its series and volume', () => {
    expect(toBibtex([goldenPaper('url:https://proceedings.mlr.press/v202/reddi23a.html')])).toBe(
      '@inproceedings{reddi2023convergence,\n' +
        "  title = {On the Convergence of Adam -{}- and Beyond'{}'},\n" +
        '  author = {Reddi, Sashank J. and Kale, Satyen and Kumar, Sanjiv},\n' +
        '  series = {Proceedings of Machine Learning Research},\n' +
        '  volume = {202},\n' +
        '  year = {2023},\n' +
        '  url = {https://proceedings.mlr.press/v202/reddi23a.html},\n' +
        '  keywords = {optimization},\n' +
        '  readstatus = {read},\n' +
        '  abstract = {Adam may not converge.}\n' +
        '}\n',
    );
  });

  it('writes an arXiv paper recognised at a venue as @inproceedings of that venue, keeping its eprint', () => {
    expect(toBibtex([goldenPaper('arxiv:1706.03762')])).toBe(
      '@inproceedings{vaswani2017attention,\n' +
        '  title = {Attention Is All You Need},\n' +
        '  author = {Vaswani, Ashish and Shazeer, Noam},\n' +
        '  booktitle = {{NeurIPS} 2017},\n' +
        '  year = {2017},\n' +
        '  month = jun,\n' +
        '  eprint = {1706.03762},\n' +
        '  archivePrefix = {arXiv},\n' +
        '  url = {https://proceedings.neurips.cc/paper_files/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html},\n' +
        '  keywords = {transformers},\n' +
        '  readstatus = {read},\n' +
        '  abstract = {The Transformer, on arXiv.}\n' +
        '}\n',
    );
  });

  it('cites the year of the venue, not the preprint\'s month of another year', () => {
    const venue = { name: 'ICLR 2025', year: 2025, url: 'https://openreview.net/forum?id=Xy1', key: 'openreview:Xy1', decision: 'oral' as const };
    const paper = makePaper({ key: 'arxiv:2410.00001', title: 'A Paper Accepted a Year Later', venues: [venue] });
    const { fields, type } = parseOne(toBibtex([paper]));
    expect(type).toBe('inproceedings');
    expect(fields).toMatchObject({ booktitle: 'ICLR 2025', year: '2025', eprint: '2410.00001', url: 'https://openreview.net/forum?id=Xy1' });
    expect(fields.month).toBeUndefined();
  });

  it('does not invent a primaryClass for new-style ids', () => {
    const entry = parseOne(toBibtex([makePaper({ key: 'arxiv:2412.01234' })]));
    expect(entry.type).toBe('misc');
    expect(entry.fields.eprint).toBe('2412.01234');
    expect(entry.fields.archiveprefix).toBe('arXiv');
    expect(entry.fields.primaryclass).toBeUndefined();
  });

  it.each([
    [{ key: 'arxiv:2412.01234', site: 'huggingface' }, 'misc'],
    [{ key: 'arxiv:2412.01234', aliases: ['doi:10.1000/x'] }, 'article'],
    [{ key: 'doi:10.1000/x', site: 'scholar' }, 'article'],
    [{ key: 'acl:2023.acl-long.1', site: 'scholar' }, 'inproceedings'],
    [{ key: 'openreview:abc', site: 'openreview' }, 'inproceedings'],
    [{ key: 'arxiv:2412.01234', site: 'openreview' }, 'inproceedings'],
    [{ key: 'url:https://proceedings.neurips.cc/x', site: 'neurips' }, 'inproceedings'],
    [{ key: 'url:https://example.org/x', site: 'generic' }, 'misc'],
  ] as const)('types %o as @%s', (fields, type) => {
    expect(parseOne(toBibtex([makePaper({ ...fields, aliases: [...('aliases' in fields ? fields.aliases : [])] })])).type).toBe(type);
  });

  it('writes year and month from the published date, else from the arXiv id', () => {
    const published = parseOne(toBibtex([makePaper({ key: 'arxiv:2412.01234', published: '2025-03-04' })]));
    expect([published.fields.year, published.fields.month]).toEqual(['2025', '3']);
    const fromId = parseOne(toBibtex([makePaper({ key: 'arxiv:2412.01234' })]));
    expect([fromId.fields.year, fromId.fields.month]).toEqual(['2024', '12']);
    const none = parseOne(toBibtex([makePaper({ key: 'url:https://example.org/x' })]));
    expect(none.fields.year).toBeUndefined();
  });

  it('reads the CVF conference from the URL, workshops included', () => {
    const cvf = (url: string) => parseOne(toBibtex([makePaper({ key: `url:${url}`, url, site: 'cvf' })])).fields.booktitle;
    expect(cvf('https://openaccess.thecvf.com/content/ICCV2023/html/X_ICCV_2023_paper.html')).toBe(
      'Proceedings of the IEEE/CVF International Conference on Computer Vision (ICCV)',
    );
    expect(cvf('https://openaccess.thecvf.com/content/CVPR2024W/html/X_CVPRW_2024_paper.html')).toMatch(/\(CVPR\) Workshops$/);
    expect(cvf('https://openaccess.thecvf.com/content_cvpr_2018/html/X_CVPR_2018_paper.html')).toMatch(/\(CVPR\)$/);
    expect(cvf('https://openaccess.thecvf.com/menu')).toBeUndefined();
  });

  it("keeps a note's lines and paragraphs: a line ends with \\\\, a blank line parts paragraphs; both parsers read them back", () => {
    const note = 'First line 50%\nsecond line & more\n\n\n  Second paragraph\r\nits last line';
    const paper = makePaper({ key: 'arxiv:2412.01234', note });
    const bib = toBibtex([paper]);
    expect(bib).toContain('  annote = {First line 50\\%\\\\\nsecond line \\& more\n\nSecond paragraph\\\\\nits last line}\n');
    expect(parseOne(bib).fields.annote).toBe('First line 50%<br> second line & more<p>Second paragraph<br> its last line');
    const read = readLibraryFile(bib, 'bibtex', Date.UTC(2026, 11, 7));
    if (!read.ok) throw new Error(read.error);
    expect(read.papers[0]!.paper.note).toBe('First line 50%\nsecond line & more\n\nSecond paragraph\nits last line');
  });

  it("a note line that starts with @ does not start an entry, even where a broken entry makes the import read the file piece by piece", () => {
    const note = 'Asked about it:\n@bob says see @inproceedings{x, in his notes';
    const bib = `${toBibtex([makePaper({ key: 'arxiv:2412.01234', note })])}\n@article{broken, title = {Never closed\n`;
    const read = readLibraryFile(bib, 'bibtex', Date.UTC(2026, 11, 7));
    if (!read.ok) throw new Error(read.error);
    expect(read.papers.map(({ paper }) => paper.note)).toEqual([note]);
    expect(read.rejected.map(({ entry }) => entry)).toEqual(['@article{broken, title = {Never closed (line 12)']);
  });

  it('writes "read" and "reading" as JabRef\'s readstatus (read, skimmed), which the import reads back; to-read and skip write nothing', () => {
    const statuses = ['read', 'reading', 'to-read', 'skip'] as const;
    const papers = statuses.map((status, i) => makePaper({ key: `arxiv:2412.0123${i}`, status }));
    const bib = toBibtex(papers);
    const parsed = parse(bib, AS_WRITTEN);
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries.map((e) => e.fields.readstatus)).toEqual(['read', 'skimmed', undefined, undefined]);
    const read = readLibraryFile(bib, 'bibtex', Date.UTC(2026, 11, 7));
    if (!read.ok) throw new Error(read.error);
    expect(read.papers.map(({ paper }) => paper.status)).toEqual(['read', 'reading', 'to-read', 'to-read']);
  });

  it('leaves the note out of `note` (styles print it) and puts it in `annote`', () => {
    const entry = parseOne(toBibtex([makePaper({ key: 'arxiv:2412.01234', note: 'my private thought' })]));
    expect(entry.fields.note).toBeUndefined();
    expect(entry.fields.annote).toBe('my private thought');
  });

  it('keeps each tag one keyword, whatever separators it holds', () => {
    const entry = parseOne(toBibtex([makePaper({ key: 'arxiv:2412.01234', tags: ['a, b', 'c;d', '#toread', '100%'] })]));
    expect([...(entry.fields.keywords ?? [])].sort()).toEqual(['100\\%', '\\#toread', 'a b', 'c d'].sort());
  });

  it('percent-encodes braces and spaces in URLs so that BibTeX stays balanced', () => {
    const url = 'https://example.org/{a}/b c}';
    const entry = parseOne(toBibtex([makePaper({ key: 'url:https://example.org/x', url })]));
    expect(entry.fields.url).toBe('https://example.org/%7Ba%7D/b%20c%7D');
  });
});

describe('authors', () => {
  it.each([
    ['Ada Lovelace', { firstName: 'Ada', lastName: 'Lovelace' }],
    ['Jean de la Fontaine', { firstName: 'Jean', prefix: 'de la', lastName: 'Fontaine' }],
    ['Guido van Rossum', { firstName: 'Guido', prefix: 'van', lastName: 'Rossum' }],
    ['Martin Luther King Jr.', { firstName: 'Martin Luther', lastName: 'King', suffix: 'Jr.' }],
    ['King, Jr., Martin', { name: 'King, Jr., Martin' }],
    ['Smith, John', { firstName: 'John', lastName: 'Smith' }],
    ['Jörg Müller', { firstName: 'Jörg', lastName: 'Müller' }],
    ['Plato', { lastName: 'Plato' }],
    ['张伟', { name: '张伟' }],
    ['محمد علي', { name: 'محمد علي' }],
    ['Research and Development Team', { name: 'Research and Development Team' }],
    ['ATLAS Collaboration', { name: 'ATLAS Collaboration' }],
    ['R2-D2 {Droid}', { name: 'R2-D2 {Droid}' }],
    ['A_B & C%', { name: 'A_B & C%' }],
    ['Mary-Jane O\'Neil', { firstName: 'Mary-Jane', lastName: 'O\'Neil' }],
  ])('%s', (raw, creator) => {
    const entry = parseOne(toBibtex([makePaper({ key: 'arxiv:2412.01234', authors: [raw] })]));
    expect(entry.fields.author).toEqual([creator]);
  });

  it('leaves out empty names and joins the rest with "and"', () => {
    const entry = parseOne(toBibtex([makePaper({ key: 'arxiv:2412.01234', authors: ['A One', ' ', 'B Two'] })]));
    expect(entry.fields.author?.map(readingOrder)).toEqual(['A One', 'B Two']);
  });
});

describe('LaTeX escaping', () => {
  it.each([
    ['&', '\\&'], ['%', '\\%'], ['$', '\\$'], ['#', '\\#'], ['_', '\\_'], ['{', '\\textbraceleft{}'],
    ['}', '\\textbraceright{}'], ['~', '\\textasciitilde{}'], ['^', '\\textasciicircum{}'], ['\\', '\\textbackslash{}'],
    ['<', '\\textless{}'], ['>', '\\textgreater{}'], ['|', '\\textbar{}'], ['`', '{`}'], ['--', '-{}-'], ["''", "'{}'"],
  ])('%s → %s', (text, escaped) => {
    expect(escapeLatex(text)).toBe(escaped);
  });

  it('protects words with inner capitals in titles only', () => {
    expect(escapeLatex('A BERT and GPT-4 on ImageNet in 3D, Deep Models for Q-Learning', { protectCapitals: true })).toBe(
      'A {BERT} and {GPT}-4 on {ImageNet} in {3D}, Deep Models for {Q}-Learning',
    );
    expect(escapeLatex('BERT')).toBe('BERT');
  });

  it('leaves words that name object properties alone', () => {
    const title = 'constructor toString __proto__ hasOwnProperty';
    expect(parseOne(toBibtex([makePaper({ key: 'arxiv:2412.01234', title })])).fields.title).toBe(title);
  });

  it('round-trips any title, author and abstract through an independent parser', () => {
    // Printable text of every kind, with the characters LaTeX and BibTeX treat specially made frequent.
    const special = fc.constantFrom(...'\\{}&%$#_~^<>|`\'",-@=[]*()!?:;. '.split(''));
    const text = fc.array(fc.oneof(special, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 })), { maxLength: 40 }).map((parts) => parts.join(''));
    // Without a comma a name is written in reading order, and must read back as written ("Family, Given"
    // names are checked one by one under "authors").
    const author = text.map((name) => name.replaceAll(',', ''));
    fc.assert(
      fc.property(text, author, text, (title, author, abstract) => {
        const paper = makePaper({ key: 'arxiv:2412.01234', title, authors: [author], abstract });
        const library = parse(toBibtex([paper]), AS_WRITTEN);
        expect(library.errors).toEqual([]);
        const { fields } = library.entries[0];
        expect(fields.title ?? '').toBe(asOneLine(title));
        expect(fields.abstract).toBe(asOneLine(abstract) || undefined);
        expect((fields.author ?? []).map(readingOrder)).toEqual(asOneLine(author) ? [asOneLine(author)] : []);
      }),
      { numRuns: 300 },
    );
  });
});

describe('citation keys', () => {
  const papers = goldenLibrary();

  it('are family name + year + first significant title word, folded to ASCII', () => {
    expect(baseCitationKey(goldenPaper('doi:10.1145/3580305.3599000'))).toBe('muller2023cost');
    expect(baseCitationKey(goldenPaper('arxiv:2310.12345'))).toBe('smith2023study');
    expect(baseCitationKey(makePaper({ key: 'arxiv:2412.01234', authors: ['Łukasz Kaiser'], title: 'On the Ærodynamics' }))).toBe(
      'kaiser2024aerodynamics',
    );
    expect(baseCitationKey(makePaper({ key: 'url:https://x.org/a', authors: [], title: '' }))).toBe('anon');
  });

  it('are the same whatever the order or the other papers of the export', () => {
    const keys = citationKeys(papers);
    const reversed = citationKeys([...papers].reverse());
    expect(reversed).toEqual(keys);
    // A paper saved later than both "Attention Is All You Need" papers does not move their keys.
    const later = makePaper({ key: 'arxiv:1706.99999', authors: ['Ashish Vaswani'], title: 'Attention', published: '2017', savedAt: 2e12 });
    const withLater = citationKeys([later, ...papers]);
    for (const [paperKey, citeKey] of keys) expect(withLater.get(paperKey)).toBe(citeKey);
    expect(withLater.get(later.key)).toBe('vaswani2017attentionb');
  });

  it('are unique, with a, b, c … z, aa … in order of saving', () => {
    const same = Array.from({ length: 30 }, (_, i) =>
      makePaper({ key: `arxiv:2412.${String(10000 + i)}`, authors: ['Ann Lee'], title: 'Same', savedAt: 1000 + i }),
    );
    const keys = [...citationKeys(same).values()];
    expect(new Set(keys).size).toBe(30);
    expect(keys.slice(0, 3)).toEqual(['lee2024same', 'lee2024samea', 'lee2024sameb']);
    expect(keys.slice(26, 29)).toEqual(['lee2024samez', 'lee2024sameaa', 'lee2024sameab']);
  });
});
