// Reading a file: format detection, files that are not libraries, and the text rules every field follows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseBibtexValue } from '@citation-js/plugin-bibtex/lib-mjs/input/value.js';
import { MAX_IMPORT_CHARS, detectFormat, readLibraryFile } from '../../../src/core/import';
import { readBibtex } from '../../../src/core/import/bibtex';
import { cleanLine } from '../../../src/core/import/text';
import { NOW, sample } from './samples';

describe('format detection', () => {
  it.each([
    ['zotero.bib', 'bibtex'], ['jabref.bib', 'bibtex'], ['mendeley.bib', 'bibtex'], ['latex-project.bib', 'bibtex'],
    ['zotero.ris', 'ris'], ['endnote.ris', 'ris'], ['scopus.ris', 'ris'],
    ['papermemory.json', 'papermemory'], ['papermemory-tags.json', 'papermemory'], ['paperlight-backup.json', 'paperlight'],
  ])('%s is %s', (name, format) => {
    const text = sample(name);
    const json = name.endsWith('.json') ? JSON.parse(text) : undefined;
    expect(detectFormat(text, json)).toBe(format);
  });

  it('names nothing for other text and other JSON', () => {
    expect(detectFormat('Dear committee, please find attached…')).toBe(null);
    expect(detectFormat('{"name":"paperlight","version":"1.0.0"}', { name: 'paperlight', version: '1.0.0' })).toBe(null);
  });
});

describe('files that are not libraries change nothing and say why', () => {
  it.each([
    ['', 'This file is empty.'],
    ['Dear committee,\nplease find my CV attached.', 'This file is not a library Paperlight can read: choose a BibTeX (.bib) or RIS (.ris) file, a PaperMemory export or a Paperlight backup (.json).'],
    ['{"name": "paperlight", "private": true}', 'This file is not a library Paperlight can read: choose a BibTeX (.bib) or RIS (.ris) file, a PaperMemory export or a Paperlight backup (.json).'],
    ['{"papers": [', 'This file is not valid JSON (Unexpected end of JSON input).'],
  ])('%j', (text, error) => {
    expect(readLibraryFile(text, undefined, NOW)).toEqual({ ok: false, error });
  });

  it('binary junk (a PNG header and bytes as a text decoder gives them)', () => {
    const png = '\uFFFDPNG\r\n\u001A\n\u0000\u0000\u0000\rIHDR' + '\uFFFD\u0003\u0010'.repeat(200);
    expect(readLibraryFile(png, undefined, NOW)).toEqual({
      ok: false,
      error: 'This file is not a library Paperlight can read: choose a BibTeX (.bib) or RIS (.ris) file, a PaperMemory export or a Paperlight backup (.json). It holds binary data, not text.',
    });
  });

  it('a file over 50 MB is refused unread', () => {
    const text = '@misc{a, title={x}}\n'.padEnd(MAX_IMPORT_CHARS + 1, ' ');
    expect(readLibraryFile(text, undefined, NOW)).toEqual({ ok: false, error: 'This file is too large to import (50.0 MB; the limit is 50.0 MB).' });
  });

  it('a format the user chose that the file is not', () => {
    expect(readLibraryFile(sample('zotero.bib'), 'papermemory', NOW)).toEqual({ ok: false, error: 'This file is not a PaperMemory export.' });
    expect(readLibraryFile(sample('zotero.bib'), 'ris', NOW)).toEqual({ ok: false, error: 'No papers were found in this RIS file.' });
    expect(readLibraryFile(sample('papermemory.json'), 'paperlight', NOW)).toEqual({
      ok: false,
      error: 'This backup cannot be imported: it is not a Paperlight backup (no "format": "paperlight-backup").',
    });
  });

  it('an RIS file written with one space after its tags says so', () => {
    expect(readLibraryFile('TY - JOUR\nTI - A title\nER - \n', undefined, NOW)).toEqual({
      ok: true,
      format: 'ris',
      papers: [],
      rejected: [{ entry: 'the file', reason: 'its tags are written "TY - " with one space; RIS writes two ("TY  - JOUR")' }],
      notices: [],
    });
  });

  it('a line of a value that opens with @ (a handle, not an entry) does not cut its entry when a broken entry makes the import read piece by piece', () => {
    const bib = [
      '@article{broken, title = {Never closed,', '  year = {2020}', '',
      '@Article{Kingma2015,', '  title = {Adam},', '  author = {Kingma, Diederik},', '  year = {2015},',
      '  comment = {From the reading group:', '@alice: read section 3 first}', '}', '',
    ].join('\n');
    const read = readLibraryFile(bib, 'bibtex', NOW);
    if (!read.ok) throw new Error(read.error);
    expect(read.papers.map(({ label, paper: { note } }) => ({ label, note }))).toEqual([{ label: 'Kingma2015', note: 'From the reading group: @alice: read section 3 first' }]);
    expect(read.rejected).toEqual([{ entry: '@article{broken, title = {Never closed, (line 1)', reason: 'not well-formed BibTeX: a brace or quote is never closed (line 4)' }]);
  });

  it('a BibTeX file whose every entry is broken imports nothing and lists each', () => {
    expect(readLibraryFile('@article{a,\n  title = {Open\n\n@article{b, title = {x} author = {y}}\n', undefined, NOW)).toEqual({
      ok: true,
      format: 'bibtex',
      papers: [],
      rejected: [
        { entry: '@article{a, (line 1)', reason: 'not well-formed BibTeX: a brace or quote is never closed (line 4)' },
        { entry: '@article{b, title = {x} author = {y}} (line 4)', reason: 'not well-formed BibTeX: expected "}", got a field name (line 4)' },
      ],
      notices: [],
    });
  });
});

describe('field text', () => {
  it('LaTeX is read into text: accents, math, commands, ligatures, and no markup is left', () => {
    const bib = String.raw`@misc{x, title = {On $D^{T}$ and \emph{Gr{\"o}bner} Bases {II} -- a \textbf{Note} on \url{https://x.org} at 50\% \& <b>more</b>}, author = {M{\"u}ller, J{\"o}rg and {World Health Organization} and van der Maaten, Laurens and others}}`;
    const [entry] = readBibtex(bib).entries;
    expect(entry.title).toBe('On DT and Gröbner Bases II – a Note on https://x.org at 50% & <b>more</b>');
    expect(entry.authors).toEqual(['Jörg Müller', 'World Health Organization', 'Laurens van der Maaten']);
  });

  it('the letters and logos LaTeX writes as commands that Zotero and other tools export: å and Å, the TeX logos, dots', () => {
    const bib = String.raw`@article{astrom, title = {{\AA}ngstr{\"o}m-scale {\aa}lesund data for \LaTeX{} and \TeX\ users\ldots{} and more\dots}, author = {{\AA}str{\"o}m, Karl Johan and Gr{\aa}n, Anna}, year = {1995}}`;
    const [entry] = readBibtex(bib).entries;
    expect(entry.title).toBe('Ångström-scale ålesund data for LaTeX and TeX users… and more…');
    expect(entry.authors).toEqual(['Karl Johan Åström', 'Anna Grån']);
  });

  it('a url field holding several links (space, comma or semicolon between them): the first is the link, each names the paper', () => {
    const bib = String.raw`@article{a, title = {Spaces}, author = {Doe, J}, url = {https://arxiv.org/abs/2101.00001 https://github.com/x/y}}
@article{b, title = {Commas}, author = {Doe, J}, url = {https://example.org/paper?ids=1,2, https://arxiv.org/abs/2101.00002}}
@article{c, title = {Semicolons}, author = {Doe, J}, url = {https://openreview.net/forum?id=abcDEF123;https://example.org/b}}`;
    const read = readLibraryFile(bib, 'bibtex', NOW);
    if (!read.ok) throw new Error(read.error);
    expect(read.papers.map(({ paper: { key, url, aliases } }) => ({ key, url, aliases }))).toEqual([
      { key: 'arxiv:2101.00001', url: 'https://arxiv.org/abs/2101.00001', aliases: [] },
      { key: 'arxiv:2101.00002', url: 'https://example.org/paper?ids=1,2', aliases: ['url:https://example.org/paper?ids=1,2'] },
      { key: 'openreview:abcDEF123', url: 'https://openreview.net/forum?id=abcDEF123', aliases: ['url:https://example.org/b'] },
    ]);
  });

  it('a link or DOI with LaTeX escapes, as dblp writes them (content\\_cvpr\\_2016, doku.php\\%3Fid=…), is the link without them', () => {
    const bib = String.raw`@inproceedings{a, title = {Underscores}, author = {He, Kaiming}, year = 2016,
  url = {https://openaccess.thecvf.com/content\_cvpr\_2016/html/He\_Deep\_Residual\_Learning\_CVPR\_2016\_paper.html}}
@proceedings{b, title = {Percent}, year = 2015, url = {https://iclr.cc/archive/www/doku.php\%3Fid=iclr2015:accepted-main.html}}
@article{c, title = {A DOI}, author = {Doe, Jane}, year = 1999, doi = {10.1175/1520-0469(1999)056\_0001:ADOI\_2.0.CO;2}}`;
    const read = readLibraryFile(bib, 'bibtex', NOW);
    if (!read.ok) throw new Error(read.error);
    expect(read.papers.map(({ paper: { key, url } }) => ({ key, url }))).toEqual([
      {
        key: 'url:https://openaccess.thecvf.com/content_cvpr_2016/html/He_Deep_Residual_Learning_CVPR_2016_paper.html',
        url: 'https://openaccess.thecvf.com/content_cvpr_2016/html/He_Deep_Residual_Learning_CVPR_2016_paper.html',
      },
      { key: 'url:https://iclr.cc/archive/www/doku.php%3Fid=iclr2015:accepted-main.html', url: 'https://iclr.cc/archive/www/doku.php%3Fid=iclr2015:accepted-main.html' },
      { key: 'doi:10.1175/1520-0469(1999)056_0001:adoi_2.0.co;2', url: 'https://doi.org/10.1175/1520-0469(1999)056_0001:adoi_2.0.co;2' },
    ]);
  });

  it('a year or date in braces, or with a letter or range after it, as hand-kept files write them, gives the year', () => {
    const bib = String.raw`@article{a, title = {Braced}, author = {Doe, Jane}, year = {{2017}}, month = {{jun}}}
@article{b, title = {Lettered}, author = {Doe, Jane}, year = {2017a}}
@article{c, title = {Range}, author = {Doe, Jane}, year = {2017--2018}}
@article{d, title = {Braced date}, author = {Doe, Jane}, date = {{2019-03-04}}}
@article{e, title = {In press}, author = {Doe, Jane}, year = {in press}}`;
    const read = readLibraryFile(bib, 'bibtex', NOW);
    if (!read.ok) throw new Error(read.error);
    expect(read.papers.map(({ paper }) => paper.published)).toEqual(['2017-06', '2017', '2017', '2019-03-04', undefined]);
  });

  it('an accent on a dotless i, as BibTeX writes í and ï ({\\\'\\i}, Google Scholar\'s Garc{\\\'\\i}a), gives the accented letter', () => {
    const bib = String.raw`@article{g, title = {Mart{\'\i}nez and na{\"\i}ve {\'\i}ndices}, author = {Garc{\'\i}a, Jos{\'e} and Garc\'{\i}a, Luis and Garc{\'i}a, Eva}, year = 2020}`;
    const [entry] = readBibtex(bib).entries;
    expect(entry.title).toBe('Martínez and naïve índices');
    expect(entry.authors).toEqual(['José García', 'Luis García', 'Eva García']);
    expect(cleanLine('Garc\u0131\u0301a ve \u0131\u015f\u0131k')).toBe('García ve ışık'); // a Turkish ı without a mark stays
  });

  it('math in titles reads as text a search finds: font commands give their letters, operators their names, symbols their characters, spaces as written', () => {
    const titles = [
      String.raw`Sorting in $\mathcal{O}(n \log n)$ Time`,
      String.raw`$\tilde{O}(\sqrt{T})$ Regret for $\epsilon \to 0$ and $\ell_1$ Norms`,
      String.raw`Embeddings in $\mathbb{R}^n$ with $\frac{1}{2}$ and $\frac{n+1}{2}$ Overlap, $\hat{x} \in \mathbf{X}$`,
      String.raw`A $2\times$ Faster $k$-NN for $p \leq 0.05$, $\alpha \geq \beta$ and $n \gg \infty$ via $\operatorname{softmax}$ and $\max_i \exp(x_i)$`,
      String.raw`\textit{Attention} $\left(\frac{QK^\top}{\sqrt{d}}\right)$ and $\mathcal{L}_\mathrm{CE}$`,
    ];
    const bib = titles.map((title, i) => `@article{k${i}, title = {${title}}, year = 2020}`).join('\n');
    expect(readBibtex(bib).entries.map((entry) => entry.title)).toEqual([
      'Sorting in O(n log n) Time',
      'Õ(√T) Regret for ϵ → 0 and ℓ₁ Norms',
      'Embeddings in Rⁿ with 1/2 and (n+1)/2 Overlap, x\u0302 ∈ X',
      'A 2× Faster k-NN for p ≤ 0.05, α ≥ β and n ≫ ∞ via softmax and maxᵢ exp(xᵢ)',
      // Inside a braced argument the reader sees no scripts: the caret stays as written, readable.
      'Attention (QK^⊤/√d) and LCE',
    ]);
  });

  it('commands with a braced argument: the known ones read, an unknown one kept as written with its braces, never glued to its argument', () => {
    const bib = String.raw`@article{k, title = {Deep Nets\footnote{Work done at X.} for \mbox{3D} \hbox{Shapes} with \ensuremath{\alpha}-\text{Nets} and 10\textsuperscript{th}-order H\textsubscript{2}O\thanks{Equal contribution}},
  abstract = {See \href{https://github.com/a/b}{our code} and \href{https://x.org}{https://x.org}, as in \cite{vaswani2017} and \citet{he2016}; \unknowncmd{arg}\ and \foo bar, \textcolor{red}{warm}.},
  note = {Read\,it\ \ twice\\then \emph{cite} it\@.}, year = 2020}`;
    const [entry] = readBibtex(bib).entries;
    expect(entry.title).toBe('Deep Nets (Work done at X.) for 3D Shapes with α-Nets and 10th-order H2O (Equal contribution)');
    expect(entry.abstract).toBe(
      'See our code (https://github.com/a/b) and https://x.org, as in \\cite{vaswani2017} and \\citet{he2016}; \\unknowncmd{arg} and \\foo bar, \\textcolor{red}{warm}.',
    );
    expect(entry.note).toBe('Read it twice\nthen cite it.');
  });

  it('a note reads as LaTeX does: a line end inside a paragraph is a space (a tool wrapped it), a blank line parts paragraphs, \\\\ breaks a line', () => {
    const bib = [
      '@article{w, title = {T}, note = {Plain note},',
      '  annote = {A long note wrapped',
      '    by a tool at its column.',
      '',
      '    Second paragraph with \\emph{emphasis}\\\\',
      '    and a forced line.}, year = 2020}',
    ].join('\n');
    const [entry] = readBibtex(bib).entries;
    expect(entry.note).toBe('Plain note\n\nA long note wrapped by a tool at its column.\n\nSecond paragraph with emphasis\nand a forced line.');
  });

  it('a value the LaTeX reader refuses (a command whose argument has no braces) is kept as written, with a notice; the other entries are read', () => {
    const bib = String.raw`@article{a, title = {An \emph word title}, author = {\textsc Smith, John and Doe, Jane}, keywords = {\emph x, y}, year = 2020}
@article{b, title = {Fine}, author = {Doe, Jane}, year = 2021}`;
    const read = readLibraryFile(bib, 'bibtex', NOW);
    if (!read.ok) throw new Error(read.error);
    expect(read.papers.map(({ paper: { title, authors, tags } }) => ({ title, authors, tags }))).toEqual([
      { title: 'An \\emph word title', authors: ['\\textsc Smith, John', 'Doe, Jane'], tags: ['\\emph x', 'y'] },
      { title: 'Fine', authors: ['Jane Doe'], tags: [] },
    ]);
    expect(read.rejected).toEqual([]);
    expect(read.notices).toEqual([{ entry: 'a', message: 'the LaTeX of its title, author, keywords could not be read; kept as written' }]);
  });

  it('control characters are dropped and white space made single spaces', () => {
    expect(cleanLine('  a\u0007b\u000Bc\t\td\u0000\n e\u00A0f ')).toBe('abc d e f');
  });

  it('a value without LaTeX reads the same through the shortcut as through the LaTeX reader', () => {
    const plain = fc.stringMatching(/^[A-Za-z0-9 .,:;!?()"'\-/<>éüØß\n]{0,80}$/).filter((s) => !/--|''/.test(s));
    fc.assert(
      fc.property(plain, (value) => {
        const [entry] = readBibtex(`@misc{k, title = {T}, abstract = {${value}}}`).entries;
        expect(entry.abstract).toBe(cleanLine(String(parseBibtexValue(value, 'abstract'))));
      }),
      { numRuns: 300 },
    );
  });
});
