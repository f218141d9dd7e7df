// The reading helpers every adapter shares: the one text walker (src/sites/lib/text.ts) and the head
// metadata readers (src/sites/lib/meta.ts), and the last step to a PaperCard (`toCard`). The snippets are hand-made.
import { describe, expect, it } from 'vitest';
import { isoFromMeta, meta, metaAll } from '../../../src/sites/lib/meta';
import { toCard } from '../../../src/sites/lib/read';
import { normalizeSpace, textOf } from '../../../src/sites/lib/text';
import { loadPage } from './load-page';

const PAGE = 'https://example.org/';
const element = (html: string) => loadPage(`<body>${html}</body>`, PAGE).body.firstElementChild!;

describe('normalizeSpace', () => {
  it('collapses runs of spaces, tabs, newlines and no-break spaces to one space and trims', () => {
    expect(normalizeSpace('  Deep\u00a0 residual\n\tlearning ')).toBe('Deep residual learning');
  });
});

describe('textOf', () => {
  it('reads an absent element as the empty string', () => {
    expect(textOf(null)).toBe('');
    expect(textOf(undefined, { skip: 'b' })).toBe('');
  });

  it('without options is the textContent, whitespace collapsed', () => {
    expect(textOf(element('<p> A <b>bold</b>\n claim </p>'))).toBe('A bold claim');
  });

  it('leaves out what `skip` matches, and scripts and styles', () => {
    const p = element('<p><span class="tag">[PDF]</span> Attention Is <script>track()</script><style>p{}</style>All You Need</p>');
    expect(textOf(p, { skip: '.tag' })).toBe('Attention Is All You Need');
  });

  it('reads what `replace` gives in place of an element and its contents', () => {
    const p = element('<p>Error of <span class="math">x</span> and <i>y</i></p>');
    expect(textOf(p, { replace: (el) => (el.classList.contains('math') ? '$x^2$' : undefined) })).toBe('Error of $x^2$ and y');
  });

  it('puts a space after block elements with separate: blocks, so paragraphs do not run together', () => {
    const div = element('<div><p>First paragraph.</p><p>Second<em>ly</em>.</p><ul><li>one</li><li>two</li></ul></div>');
    expect(textOf(div)).toBe('First paragraph.Secondly.onetwo');
    expect(textOf(div, { separate: 'blocks' })).toBe('First paragraph. Secondly. one two');
  });

  it('puts a space between all text nodes with separate: nodes, so sibling inline elements stay apart', () => {
    const div = element('<div><span>Efficient Track Anything</span><span>Nov 28, 2024</span></div>');
    expect(textOf(div)).toBe('Efficient Track AnythingNov 28, 2024');
    expect(textOf(div, { separate: 'nodes' })).toBe('Efficient Track Anything Nov 28, 2024');
  });
});

describe('meta, metaAll, isoFromMeta', () => {
  const doc = loadPage(`<html><head>
    <meta name="citation_title" content="  SwinIR: Image Restoration Using Swin Transformer ">
    <meta name="citation_doi" content="  ">
    <meta property="og:title" content="SwinIR | alphaXiv">
    <meta name="citation_author" content="Liang, Jingyun">
    <meta name="citation_author" content="">
    <meta name="citation_author" content="Van  Gool, Luc">
    <meta name="citation_date" content="2021/08/23">
  </head><body></body></html>`, PAGE);

  it('reads a named or Open Graph tag, trimmed; an absent or empty one is undefined', () => {
    expect(meta(doc, 'citation_title')).toBe('SwinIR: Image Restoration Using Swin Transformer');
    expect(meta(doc, 'og:title')).toBe('SwinIR | alphaXiv');
    expect(meta(doc, 'citation_doi')).toBeUndefined();
    expect(meta(doc, 'citation_abstract')).toBeUndefined();
  });

  it('reads every repeated tag in page order, without empty ones', () => {
    expect(metaAll(doc, 'citation_author')).toEqual(['Liang, Jingyun', 'Van Gool, Luc']);
    expect(metaAll(doc, 'citation_editor')).toEqual([]);
  });

  it('turns citation dates with slashes or dashes into ISO dates, and a partial date into undefined', () => {
    expect(isoFromMeta(meta(doc, 'citation_date'))).toBe('2021-08-23');
    expect(isoFromMeta('2024-05-02')).toBe('2024-05-02');
    expect(isoFromMeta('2021')).toBeUndefined();
    expect(isoFromMeta(undefined)).toBeUndefined();
  });
});

describe('toCard', () => {
  const fields = { ids: ['arxiv:2108.10257'], title: 'T', url: 'https://arxiv.org/abs/2108.10257', authors: [], abstract: 'Code: github.com/a/b' };

  it('gives the code links as the card gives them, each once with the first place it was found, and none of the abstract', () => {
    const card = toCard({
      ...fields,
      codeHrefs: [
        { url: 'https://github.com/Org/Repo', source: 'site-data' },
        'https://github.com/Org/Repo/tree/main',
        'https://github.com/Org/Repo',
        'https://org.github.io/page',
      ],
      codeSource: 'comments',
    });
    expect(card?.codeLinks).toEqual(['https://github.com/Org/Repo', 'https://github.com/Org/Repo/tree/main', 'https://org.github.io/page']);
    expect(card?.codeSources).toEqual({
      'https://github.com/Org/Repo': 'site-data',
      'https://github.com/Org/Repo/tree/main': 'comments',
      'https://org.github.io/page': 'comments',
    });
  });

  it('leaves out a link longer than a message takes, and sets no sources on a card without code links', () => {
    const long = `https://github.com/a/${'b'.repeat(5000)}`;
    const card = toCard({ ...fields, codeHrefs: [long] });
    expect(card?.codeLinks).toEqual([]);
    expect(card && 'codeSources' in card).toBe(false);
  });
});
