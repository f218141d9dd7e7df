// Markdown: rendered with markdown-it (CommonMark, tables and strikethrough on, raw HTML allowed), every paper
// text must come back as plain text exactly as written, with no markup, HTML or stray link made from it.
import MarkdownIt from 'markdown-it';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, toMarkdown } from '../../../src/core/export';
import type { SavedPaper } from '../../../src/core/paper';
import { asOneLine, factsOf } from './golden-facts';
import { goldenLibrary, goldenPaper, makePaper } from './library';

const md = new MarkdownIt({ html: true });
type Token = ReturnType<typeof md.parse>[number];

function inlineTokens(markdown: string): Token[] {
  return md.parse(markdown, {}).flatMap((t) => (t.type === 'inline' ? (t.children ?? []) : [t]));
}

/** The text a reader sees, line breaks as "\n". */
function visibleText(tokens: Token[]): string {
  return tokens.map((t) => (t.type === 'text' ? t.content : t.type === 'hardbreak' || t.type === 'softbreak' ? '\n' : '')).join('');
}

/** Each link in the document: its target and its visible text. */
function links(markdown: string): { href: string; text: string }[] {
  const out: { href: string; text: string }[] = [];
  let current: { href: string; parts: Token[] } | undefined;
  for (const token of inlineTokens(markdown)) {
    if (token.type === 'link_open') current = { href: String(token.attrGet('href') ?? ''), parts: [] };
    else if (token.type === 'link_close' && current) {
      out.push({ href: current.href, text: visibleText(current.parts) });
      current = undefined;
    } else current?.parts.push(token);
  }
  return out;
}

const MARKUP = new Set(['html_inline', 'html_block', 'em_open', 'strong_open', 's_open', 'code_inline', 'code_block', 'fence', 'image', 'table_open', 'blockquote_open', 'hr', 'ordered_list_open']);

function markupIn(markdown: string): string[] {
  return inlineTokens(markdown).filter((t) => MARKUP.has(t.type)).map((t) => t.type);
}

describe('the golden library as Markdown', () => {
  const papers = goldenLibrary();

  it.each(['tag', 'status'] as const)('grouped by %s, renders every title as written, linked to its page', (groupBy) => {
    const markdown = toMarkdown(papers, { groupBy });
    expect(markupIn(markdown)).toEqual([]);
    const found = links(markdown);
    for (const paper of papers) {
      expect(found).toContainEqual({ href: md.normalizeLink(factsOf(paper.key).landing), text: asOneLine(paper.title) });
    }
  });

  it('shows authors, notes, tags and metrics as written', () => {
    const text = visibleText(inlineTokens(toMarkdown(papers, { groupBy: 'status' })));
    for (const paper of papers) {
      for (const author of paper.authors.slice(0, 10)) expect(text).toContain(author);
      for (const tag of paper.tags) expect(text).toContain(tag);
      for (const metric of paper.metrics) expect(text).toContain(metric.label);
      const note = paper.note.replace(/\r\n?/g, '\n').trim().split('\n').map(asOneLine).join('\n');
      if (note) expect(text).toContain(`Note: ${note}`);
    }
  });

  it('keeps the hostile note lines from becoming headings, lists or rules', () => {
    const markdown = toMarkdown([goldenPaper('arxiv:2412.01234')], { groupBy: 'status' });
    const blocks = md.parse(markdown, {}).map((t) => t.type);
    expect(blocks.filter((t) => t === 'heading_open')).toHaveLength(2); // the title and the one group
    expect(blocks.filter((t) => t === 'bullet_list_open')).toHaveLength(2); // the group's list and the item's details
  });
});

describe('layout', () => {
  // Spelled out by hand (the layout described in markdown.ts) so that a format change shows here, not only in the golden file.
  it('writes a paper as a linked title with facts, then code, metrics and note', () => {
    const paper = goldenPaper('url:https://openaccess.thecvf.com/content/CVPR2023/html/Smith_ResNet-X_CVPR_2023_paper.html');
    expect(toMarkdown([{ ...paper, note: 'Compare with *DETR*.' }], { groupBy: 'tag', date: '2026-11-23' })).toBe(
      '# Reading list\n' +
        '\n' +
        '1 paper · grouped by tag · exported 2026-11-23\n' +
        '\n' +
        '## vision (1)\n' +
        '\n' +
        '- [ResNet-X: Deep 3D Residual Networks for ImageNet](https://openaccess.thecvf.com/content/CVPR2023/html/Smith_ResNet-X_CVPR_2023_paper.html)' +
        " — John Smith, Mary-Jane O'Neil · 2023-06-18 · skipped\n" +
        '  - Code: [github.com/example/resnet-x](https://github.com/example/resnet-x), [gitlab.com/example/resnet-x](https://gitlab.com/example/resnet-x)\n' +
        '  - Metrics: 58.7 box AP · accuracy · on COCO; 1.6 ms · latency\n' +
        '  - Note: Compare with \\*DETR\\*.\n',
    );
  });

  it('lists a paper under each of its tags, tags alphabetically, untagged last', () => {
    const a = makePaper({ key: 'arxiv:2401.00001', title: 'A', tags: ['vision', 'Agents'], savedAt: 1 });
    const b = makePaper({ key: 'arxiv:2401.00002', title: 'B', tags: ['agents'], savedAt: 2 });
    const c = makePaper({ key: 'arxiv:2401.00003', title: 'C', tags: [], savedAt: 3 });
    const markdown = toMarkdown([a, b, c], { groupBy: 'tag' });
    const headings = markdown.split('\n').filter((l) => l.startsWith('## '));
    // "Agents" and "agents" are one tag; the group takes the spelling of its most recently saved paper.
    expect(headings).toEqual(['## agents (2)', '## vision (1)', '## Untagged (1)']);
    const agents = markdown.slice(markdown.indexOf('## agents'), markdown.indexOf('## vision'));
    expect(agents.indexOf('[B]')).toBeLessThan(agents.indexOf('[A]')); // newest first
  });

  it('groups by status in reading order, leaving out empty groups, ties by key', () => {
    const papers: SavedPaper[] = [
      makePaper({ key: 'arxiv:2401.00004', title: 'Four', status: 'skip', savedAt: 9 }),
      makePaper({ key: 'arxiv:2401.00002', title: 'Two', status: 'read', savedAt: 5 }),
      makePaper({ key: 'arxiv:2401.00001', title: 'One', status: 'read', savedAt: 5 }),
      makePaper({ key: 'arxiv:2401.00003', title: 'Three', status: 'to-read', savedAt: 1 }),
    ];
    const markdown = toMarkdown(papers, { groupBy: 'status' });
    expect(markdown.split('\n').filter((l) => l.startsWith('## '))).toEqual(['## To read (1)', '## Read (2)', '## Skipped (1)']);
    expect(markdown.indexOf('[One]')).toBeLessThan(markdown.indexOf('[Two]'));
  });

  it('shows at most ten authors, then "et al."', () => {
    const markdown = toMarkdown([goldenPaper('arxiv:2001.08361')]);
    expect(markdown).toContain('Author10 Family10 et al.');
    expect(markdown).not.toContain('Author11');
  });

  it('links only http(s) pages: a javascript: URL stays text', () => {
    const paper = makePaper({ key: 'url:https://example.org/x', url: 'javascript:alert(1)', codeLinks: ['javascript:alert(2)'] });
    const markdown = toMarkdown([paper]);
    expect(links(markdown)).toEqual([]);
    expect(markdown).toContain('javascript:alert(2)');
  });

  it('keeps URLs with parentheses, spaces, quotes and character references working', () => {
    for (const url of ['https://en.wikipedia.org/wiki/A_(b)', 'https://x.org/a b/(c', 'https://x.org/?a=1&amp;b="2"', 'https://x.org/a\\b)']) {
      const markdown = toMarkdown([makePaper({ key: 'url:https://x.org', url, title: 'T' })]);
      expect(links(markdown)).toEqual([{ href: md.normalizeLink(url), text: 'T' }]);
    }
  });

  it('says so when there is nothing to list', () => {
    expect(toMarkdown([])).toBe('# Reading list\n\n0 papers · grouped by tag\n');
  });
});

describe('escaping', () => {
  it('escapes syntax characters and turns <, >, & into character references', () => {
    expect(escapeMarkdown('a*b_c`d[e]f|g~h$i#j\\k<l>m&n')).toBe('a\\*b\\_c\\`d\\[e\\]f\\|g\\~h\\$i\\#j\\\\k&lt;l&gt;m&amp;n');
  });

  it('renders any title as written', () => {
    const syntax = fc.constantFrom(...'\\`*_[]()|~$#<>&!:-+=.{}^"\' \n'.split(''), '&amp;', '<img src=x>', '](', '![', 'http://x.org', '1.');
    const text = fc.array(fc.oneof(syntax, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 })), { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, text, (title, note) => {
        fc.pre(asOneLine(title) !== '');
        const markdown = toMarkdown([makePaper({ key: 'arxiv:2401.00001', url: 'https://x.org/', title, note, tags: [title] })]);
        expect(markupIn(markdown)).toEqual([]);
        expect(links(markdown).filter((l) => l.text === asOneLine(title))).not.toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
