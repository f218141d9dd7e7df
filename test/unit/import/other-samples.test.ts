// The RIS, PaperMemory and Paperlight samples read to complete records, expectations written from the files.
import { describe, expect, it } from 'vitest';
import { readLibraryFile } from '../../../src/core/import';
import { NOW, imported, sample } from './samples';

function read(name: string) {
  const result = readLibraryFile(sample(name), undefined, NOW);
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('RIS samples', () => {
  it('zotero.ris: a GEN preprint with its arXiv DOI, a CONF paper, a Zotero note read from its HTML', () => {
    expect(read('zotero.ris')).toEqual({
      ok: true,
      format: 'ris',
      papers: [
        {
          label: 'record 1',
          paper: imported({
            key: 'arxiv:1706.03762',
            title: 'Attention Is All You Need',
            url: 'http://arxiv.org/abs/1706.03762',
            authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Jakob Uszkoreit', 'Llion Jones', 'Aidan N. Gomez', 'Łukasz Kaiser', 'Illia Polosukhin'],
            abstract:
              'The dominant sequence transduction models are based on complex recurrent or convolutional neural networks. We propose a new simple network architecture, the Transformer, based solely on attention mechanisms.',
            published: '2023-08-01',
            site: 'ris',
            tags: ['Computer Science - Computation and Language', 'Computer Science - Machine Learning'],
            note: 'Comment: 15 pages, 5 figures',
          }),
        },
        {
          label: 'record 2',
          paper: imported({
            key: 'doi:10.1109/cvpr.2016.90',
            aliases: ['url:https://ieeexplore.ieee.org/document/7780459'],
            title: 'Deep Residual Learning for Image Recognition',
            url: 'http://ieeexplore.ieee.org/document/7780459/',
            authors: ['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren', 'Jian Sun'],
            published: '2016-06',
            site: 'ris',
            tags: ['vision', 'to-reproduce'],
          }),
          venue: { name: '2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)', year: 2016 },
        },
      ],
      rejected: [],
      notices: [],
    });
  });

  it('endnote.ris: byte-order mark, CRLF, old tags, a title continued on an untagged line, research notes', () => {
    expect(read('endnote.ris').papers).toEqual([
      {
        label: '12 (record 1)',
        paper: imported({
          key: 'doi:10.1038/nature14539',
          title: 'Deep learning',
          url: 'https://doi.org/10.1038/nature14539',
          authors: ['Yann LeCun', 'Yoshua Bengio', 'Geoffrey Hinton'],
          abstract: 'Deep learning allows computational models that are composed of multiple processing layers to learn representations of data with multiple levels of abstraction.',
          published: '2015-05-28',
          site: 'ris',
          tags: ['review'],
          note: 'Assigned in the reading group, week 2.',
        }),
        venue: { name: 'Nature 2015', year: 2015 },
      },
      {
        label: '13 (record 2)',
        paper: imported({
          key: 'doi:10.1162/neco.1997.9.8.1735',
          title: 'Long Short-Term Memory: a recurrent network that remembers',
          url: 'https://doi.org/10.1162/neco.1997.9.8.1735',
          authors: ['Sepp Hochreiter', 'Jürgen Schmidhuber'],
          published: '1997',
          site: 'ris',
        }),
        venue: { name: 'Neural Computation 1997', year: 1997 },
      },
    ]);
  });

  it('mendeley.ris: arXiv from the link, a journal page as a url key', () => {
    expect(read('mendeley.ris').papers).toEqual([
      {
        label: 'Kingma2013 (record 1)',
        paper: imported({
          key: 'arxiv:1312.6114', title: 'Auto-Encoding Variational Bayes', url: 'http://arxiv.org/abs/1312.6114',
          authors: ['Diederik P. Kingma', 'Max Welling'], published: '2013', site: 'ris',
          tags: ['generative models', 'variational inference'], note: 'Published at ICLR 2014',
        }),
      },
      {
        label: 'Srivastava2014 (record 2)',
        paper: imported({
          key: 'url:https://jmlr.org/papers/v15/srivastava14a.html',
          title: 'Dropout: A Simple Way to Prevent Neural Networks from Overfitting',
          url: 'http://jmlr.org/papers/v15/srivastava14a.html',
          authors: ['Nitish Srivastava', 'Geoffrey Hinton', 'Alex Krizhevsky', 'Ilya Sutskever', 'Ruslan Salakhutdinov'],
          published: '2014', site: 'ris', tags: ['regularization'],
        }),
        venue: { name: 'Journal of Machine Learning Research 2014', year: 2014 },
      },
    ]);
  });

  it('web-of-science.ris: the date from DA written "AUG 26 2021"', () => {
    expect(read('web-of-science.ris').papers).toEqual([
      {
        label: 'record 1',
        paper: imported({
          key: 'doi:10.1038/s41586-021-03819-2',
          title: 'Highly accurate protein structure prediction with AlphaFold',
          url: 'https://doi.org/10.1038/s41586-021-03819-2',
          authors: ['John Jumper', 'Richard Evans', 'Alexander Pritzel', 'Demis Hassabis'],
          published: '2021-08-26',
          site: 'ris',
        }),
        venue: { name: 'NATURE 2021', year: 2021 },
      },
    ]);
  });

  it('scopus.ris: a record without a title is rejected, the other imported with its notes', () => {
    expect(read('scopus.ris')).toEqual({
      ok: true,
      format: 'ris',
      papers: [
        {
          label: 'record 1',
          paper: imported({
            key: 'doi:10.1038/nature16961',
            aliases: ['url:https://www.scopus.com/inward/record.uri?eid=2-s2.0-84957553329&doi=10.1038%2fnature16961&partnerID=40&md5=abc'],
            title: 'Mastering the game of Go with deep neural networks and tree search',
            url: 'https://www.scopus.com/inward/record.uri?eid=2-s2.0-84957553329&doi=10.1038%2fnature16961&partnerID=40&md5=abc',
            authors: ['D. Silver', 'A. Huang', 'C.J. Maddison'],
            published: '2016',
            site: 'ris',
            note: 'Cited By :12345\n\nExport Date: 13 July 2022',
          }),
          venue: { name: 'Nature 2016', year: 2016 },
        },
      ],
      rejected: [{ entry: 'record 2', reason: 'no title' }],
      notices: [],
    });
  });

  it('huge-abstract.ris: an abstract longer than a record keeps is cut, and the user is told', () => {
    const result = read('huge-abstract.ris');
    const sentence = 'We measure how the loss of a language model falls with its size, its data and its compute.';
    expect(result.papers).toHaveLength(1);
    const { paper } = result.papers[0];
    expect(paper.abstract).toHaveLength(100_000);
    expect(paper.abstract.startsWith(`${sentence} ${sentence} `)).toBe(true);
    expect(paper.key).toBe('arxiv:2001.08361');
    expect(result.notices).toEqual([{ entry: 'record 1', message: 'the abstract was cut to 100,000 characters' }]);
  });

  it('a title with Zotero\'s rich-text markup (italics, sub- and superscripts, small capitals, nocase) reads as its text; other angle brackets stay', () => {
    const titles = [
      'Acoustic scattering of Antarctic krill <i>Euphausia superba</i>: H<sub>2</sub>O, 10<sup>6</sup> and <span style="font-variant:small-caps;">Nasa</span> <b>data</b>',
      'Why the <span class="nocase">iPhone</span> matters',
      'The <b> tag and a < b > c considered',
    ];
    const ris = titles.map((title) => `TY  - JOUR\nTI  - ${title}\nAU  - Doe, Jane\nPY  - 2020\nER  - \n`).join('\n');
    const result = readLibraryFile(ris, 'ris', NOW);
    if (!result.ok) throw new Error(result.error);
    expect(result.papers.map(({ paper }) => paper.title)).toEqual([
      'Acoustic scattering of Antarctic krill Euphausia superba: H2O, 106 and Nasa data',
      'Why the iPhone matters',
      'The <b> tag and a < b > c considered',
    ]);
  });

  it("a Zotero note (HTML in N1, its lines continued on untagged lines) reads as text: paragraphs, list items, links with their address, entities decoded", () => {
    const ris = [
      'TY  - JOUR', 'TI  - Noted paper', 'AU  - Doe, Jane', 'PY  - 2020',
      'N1  - <div data-schema-version="8"><p>First paragraph with <strong>bold</strong> &amp; a <a href="https://github.com/x/y">code link</a></p>',
      '<ul>', '<li>point one</li>', '<li>point two<br>continued</li>', '</ul>', '<p>Last &lt;b&gt; line &#8211; done</p>', '</div>',
      'N1  - A plain note that mentions <p> as text',
      'ER  - ', '',
    ].join('\r\n');
    const result = readLibraryFile(ris, 'ris', NOW);
    if (!result.ok) throw new Error(result.error);
    expect(result.papers[0]!.paper.note).toBe(
      'First paragraph with bold & a code link (https://github.com/x/y)\n\n- point one\n- point two\ncontinued\n\nLast <b> line – done\n\nA plain note that mentions <p> as text',
    );
  });

  it('a Zotero note\'s links: one without an address or never closed is its text, one inside another\'s text is read on its own', () => {
    const note = (html: string) => {
      const result = readLibraryFile(['TY  - JOUR', 'TI  - Noted paper', 'PY  - 2020', `N1  - ${html}`, 'ER  - ', ''].join('\r\n'), 'ris', NOW);
      if (!result.ok) throw new Error(result.error);
      return result.papers[0]!.paper.note;
    };
    expect(note('<p>see <a name="top">the top</a> and <a href="https://a.org/x">this</a></p>')).toBe('see the top and this (https://a.org/x)');
    expect(note('<p>never closed <a href="https://a.org/x">link text</p>')).toBe('never closed link text');
    expect(note('<p><a href="https://a.org/outer">outer <a href="https://a.org/inner">inner</a></p>')).toBe('outer inner (https://a.org/inner)');
    expect(note('<p>spaced   out\n  lines</p>')).toBe('spaced out lines'); // RIS runs spaces together; a continued line joins with one
  });

  it('names-and-dates.ris: van der, de la, a suffix, a corporate author, a partial date, EndNote\'s free-text date', () => {
    const result = read('names-and-dates.ris');
    expect(result.papers.map(({ label, paper: { key, aliases, authors, published, tags, note }, venue }) => ({ label, key, aliases, authors, published, tags, note, venue }))).toEqual([
      {
        label: 'Maaten2008 (record 1)', key: 'url:https://jmlr.org/papers/v9/vandermaaten08a.html', aliases: [],
        authors: ['Laurens van der Maaten', 'Martin Luther King Jr.', 'World Health Organization', 'Fernando de la Torre'],
        published: '2008-11', tags: ['visualization', 'embedding', 't-SNE'], note: 'Cited for the perplexity heuristic',
        venue: { name: 'Journal of Machine Learning Research 2008', year: 2008 },
      },
      {
        label: 'record 2', key: 'url:https://proceedings.neurips.cc/paper_files/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html', aliases: [],
        authors: ['A. Vaswani', 'Ł. Kaiser'], published: '2017-12-04', tags: [], note: 'Read for the reading group',
        venue: { name: 'Advances in Neural Information Processing Systems 2017', year: 2017 },
      },
    ]);
    expect(result.rejected).toEqual([]);
  });

  it('the fullest of DA, PY and Y1 gives the date, as Zotero, EndNote, Mendeley, Scholar and Web of Science write them; Y2 (the access date) never does', () => {
    const dates: [lines: string[], published: string][] = [
      [['PY  - 2017/05/12/', 'DA  - 2017///'], '2017-05-12'], // EndNote: the full date in PY, the year alone in DA
      [['PY  - 2017', 'DA  - 2017/06/12/'], '2017-06-12'], // Zotero
      [['DA  - 2016/06//', 'PY  - 2016'], '2016-06'], // Zotero, a month
      [['Y1  - 2015/05/28/', 'PY  - 2015'], '2015-05-28'], // old EndNote tags
      [['Y1  - 2019///Spring'], '2019'], // old RIS: other date information after the third slash
      [['PY  - 2021', 'DA  - AUG 26 2021'], '2021-08-26'], // Web of Science
      [['PY  - 2019', 'DA  - Jun 12'], '2019-06-12'], // EndNote's free-text date of a year given in PY
      [['PY  - 2020', 'DA  - 2020-03-04'], '2020-03-04'], // Mendeley
      [['PY  - 2018', 'Y2  - 2024/01/15/09:12:44'], '2018'], // Zotero's access date
    ];
    const ris = dates.map(([lines], i) => ['TY  - JOUR', `TI  - Dated paper ${i}`, 'AU  - Doe, Jane', ...lines, 'ER  - ', ''].join('\n')).join('\n');
    const result = readLibraryFile(ris, 'ris', NOW);
    if (!result.ok) throw new Error(result.error);
    expect(result.papers.map(({ paper }) => paper.published)).toEqual(dates.map(([, published]) => published));
  });

  it('a UR line holding several links (a semicolon or spaces between them): the first is the link, each names the paper', () => {
    const ris = [
      'TY  - CONF', 'TI  - Kernel PCA', 'AU  - Schölkopf, B.', 'PY  - 1998',
      'UR  - https://proceedings.neurips.cc/paper/1998/hash/226d1f15-Abstract.html; https://arxiv.org/abs/1706.03762', 'ER  - ', '',
    ].join('\n');
    const result = readLibraryFile(ris, 'ris', NOW);
    if (!result.ok) throw new Error(result.error);
    const { key, url, aliases } = result.papers[0]!.paper;
    expect({ key, url, aliases }).toEqual({
      key: 'arxiv:1706.03762',
      url: 'https://proceedings.neurips.cc/paper/1998/hash/226d1f15-Abstract.html',
      // The proceedings page's key is its canonical address (docs/paper-keys.md).
      aliases: ['url:https://proceedings.neurips.cc/paper_files/paper/1998/hash/226d1f15-Abstract.html'],
    });
  });
});

describe('PaperMemory samples', () => {
  it('papermemory.json: ids from PaperMemory ids and pdf links, favourites as a tag, dates kept, code links', () => {
    expect(read('papermemory.json')).toEqual({
      ok: true,
      format: 'papermemory',
      papers: [
        {
          label: 'Arxiv-2106.09685',
          paper: imported({
            key: 'arxiv:2106.09685',
            title: 'LoRA: Low-Rank Adaptation of Large Language Models',
            url: 'https://arxiv.org/pdf/2106.09685.pdf',
            authors: ['Edward J. Hu', 'Yelong Shen', 'Phillip Wallis', 'Zeyuan Allen-Zhu', 'Yuanzhi Li', 'Shean Wang', 'Lu Wang', 'Weizhu Chen'],
            published: '2021',
            codeLinks: ['https://github.com/microsoft/LoRA'],
            site: 'papermemory',
            tags: ['llm', 'fine-tuning', 'favorite'],
            note: 'rank 4 is enough for GPT-3 in their table 6',
            savedAt: Date.UTC(2023, 2, 14, 9, 26, 53, 589),
          }),
        },
        {
          label: 'OR-ICLR-2021_YicbFdNTTy',
          paper: imported({
            key: 'openreview:YicbFdNTTy',
            title: 'An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale',
            url: 'https://openreview.net/pdf?id=YicbFdNTTy',
            authors: ['Alexey Dosovitskiy', 'Lucas Beyer', 'Alexander Kolesnikov', 'Dirk Weissenborn', 'Xiaohua Zhai', 'Thomas Unterthiner', 'Mostafa Dehghani', 'Matthias Minderer', 'Georg Heigold', 'Sylvain Gelly', 'Jakob Uszkoreit', 'Neil Houlsby'],
            published: '2021',
            site: 'papermemory',
            tags: ['vision'],
            note: 'Accepted @ ICLR 2021 (Oral)',
            savedAt: Date.UTC(2022, 10, 2, 15, 0, 0),
          }),
          venue: { name: 'ICLR 2021', year: 2021 },
        },
        {
          label: 'ACL-EMNLP-2020_2020.emnlp-demos.6',
          paper: imported({
            key: 'acl:2020.emnlp-demos.6',
            title: 'Transformers: State-of-the-Art Natural Language Processing',
            url: 'https://aclanthology.org/2020.emnlp-demos.6.pdf',
            authors: ['Thomas Wolf', 'Lysandre Debut', 'Victor Sanh', 'Julien Chaumond'],
            published: '2020',
            codeLinks: ['https://github.com/huggingface/transformers'],
            site: 'papermemory',
            note: 'Accepted @ EMNLP (2020)',
            savedAt: Date.UTC(2021, 5, 30, 12, 0, 0),
          }),
          venue: { name: 'EMNLP 2020', year: 2020 },
        },
        {
          label: 'NeurIPS-2020_1457c0d6',
          paper: imported({
            key: 'url:https://proceedings.neurips.cc/paper_files/paper/2020/hash/1457c0d6bfcb4967418bfb8ac142f64a-Abstract.html',
            title: 'Language Models are Few-Shot Learners',
            url: 'https://proceedings.neurips.cc/paper/2020/file/1457c0d6bfcb4967418bfb8ac142f64a-Paper.pdf',
            authors: ['Tom Brown', 'Benjamin Mann', 'Nick Ryder', 'Melanie Subbiah'],
            published: '2020',
            site: 'papermemory',
            tags: ['llm'],
            note: 'Accepted @ NeurIPS (2020)',
            savedAt: Date.UTC(2020, 11, 10, 8, 0, 0),
          }),
          venue: { name: 'NeurIPS 2020', year: 2020 },
        },
      ],
      rejected: [{ entry: 'Arxiv-2001.08361', reason: 'no title' }],
      notices: [],
    });
  });

  it('papermemory-tags.json: the export by tag', () => {
    expect(read('papermemory-tags.json').papers).toEqual([
      {
        label: 'paper 1',
        paper: imported({
          key: 'arxiv:2106.09685', title: 'LoRA: Low-Rank Adaptation of Large Language Models', url: 'https://arxiv.org/pdf/2106.09685.pdf',
          authors: [], codeLinks: ['https://github.com/microsoft/LoRA'], site: 'papermemory', tags: ['llm', 'fine-tuning'],
        }),
      },
      {
        label: 'paper 2',
        paper: imported({
          key: 'url:https://proceedings.neurips.cc/paper_files/paper/2020/hash/1457c0d6bfcb4967418bfb8ac142f64a-Abstract.html',
          title: 'Language Models are Few-Shot Learners',
          url: 'https://proceedings.neurips.cc/paper/2020/file/1457c0d6bfcb4967418bfb8ac142f64a-Paper.pdf',
          authors: [], site: 'papermemory', tags: ['llm'],
        }),
      },
    ]);
  });
});

describe('Paperlight backup sample', () => {
  it('paperlight-backup.json: each record checked on its own; the bad one rejected with its reason', () => {
    expect(read('paperlight-backup.json')).toEqual({
      ok: true,
      format: 'paperlight',
      papers: [
        {
          label: 'arxiv:2106.09685',
          paper: {
            key: 'arxiv:2106.09685', aliases: [], title: 'LoRA: Low-Rank Adaptation of Large Language Models', url: 'https://arxiv.org/abs/2106.09685',
            authors: ['Edward J. Hu', 'Yelong Shen'], abstract: 'We propose Low-Rank Adaptation, or LoRA, which freezes the pre-trained model weights.',
            published: '2021-06-17', venues: [], metrics: [], codeLinks: ['https://github.com/microsoft/LoRA'], site: 'arxiv', tags: ['llm'], status: 'read',
            note: 'Compare with adapters.', savedAt: 1767000000000, updatedAt: 1767100000000, seenUrls: ['https://arxiv.org/list/cs.CL/recent'],
          },
        },
      ],
      rejected: [{ entry: 'url:https://example.org/evil', reason: 'papers[1].url: only http and https links are kept' }],
      notices: [],
    });
  });
});
