// extractCodeLinks on every mangled form links take in abstracts (the seeds hold most of them; the rest
// are written here in the same style), canonicalGitHubRepo, sortCodeLinks and links given as hrefs.
import { describe, expect, it } from 'vitest';
import { canonicalGitHubRepo, extractCodeLinks, sortCodeLinks, type CodeLink } from '../../../src/core/links';

/** text → [kind, url, the clean link text, path?] for each expected link. */
type Row = [text: string, links: Array<[CodeLink['kind'], string, string, string?]>];

const FORMS: Row[] = [
  ['Code: https://github.com/a/b.', [['github', 'https://github.com/a/b', 'https://github.com/a/b']]],
  ['Code: https://github.com/a/b, and more', [['github', 'https://github.com/a/b', 'https://github.com/a/b']]],
  ['(code at https://github.com/a/b)', [['github', 'https://github.com/a/b', 'https://github.com/a/b']]],
  ['[https://github.com/a/b]', [['github', 'https://github.com/a/b', 'https://github.com/a/b']]],
  ['(see https://github.com/a/b).', [['github', 'https://github.com/a/b', 'https://github.com/a/b']]],
  ['at https://github.com/a/b.git', [['github', 'https://github.com/a/b', 'https://github.com/a/b']]],
  ['at https://github.com/a/b.git.', [['github', 'https://github.com/a/b', 'https://github.com/a/b']]],
  ['at https://github.com/a/b.git{https://github.com/a/b}.', [['github', 'https://github.com/a/b', 'https://github.com/a/b']]],
  ['available \\href{https://github.com/a/b}{here}.', [['github', 'https://github.com/a/b', 'https://github.com/a/b']]],
  ['available at https://github.com/a/b{here}.', [['github', 'https://github.com/a/b', 'https://github.com/a/b']]],
  ['\\url{https://github.com/a/b}', [['github', 'https://github.com/a/b', 'https://github.com/a/b']]],
  ['released at github.com/facebookresearch/encodec.', [['github', 'https://github.com/facebookresearch/encodec', 'github.com/facebookresearch/encodec']]],
  ['at www.github.com/a/b', [['github', 'https://github.com/a/b', 'www.github.com/a/b']]],
  ['at HTTPS://GitHub.com/a/b', [['github', 'https://github.com/a/b', 'HTTPS://GitHub.com/a/b']]],
  ['at http://github.com/a/b', [['github', 'https://github.com/a/b', 'http://github.com/a/b']]],
  ['at https://github.com/a/b/', [['github', 'https://github.com/a/b', 'https://github.com/a/b/']]],
  ['at https://github.com/a/b/tree/main/x.', [['github', 'https://github.com/a/b', 'https://github.com/a/b/tree/main/x', '/tree/main/x']]],
  ['at https://github.com/a/b/blob/main/README.md', [['github', 'https://github.com/a/b', 'https://github.com/a/b/blob/main/README.md', '/blob/main/README.md']]],
  ['at https://github.com/a/b#readme', [['github', 'https://github.com/a/b', 'https://github.com/a/b#readme', '#readme']]],
  ['at https://github.com/a/socket.io.', [['github', 'https://github.com/a/socket.io', 'https://github.com/a/socket.io']]],
  ['at https://github.com/a/my\\_repo.', [['github', 'https://github.com/a/my_repo', 'https://github.com/a/my\\_repo']]],
  ['at~https://github.com/a/b.', [['github', 'https://github.com/a/b', 'https://github.com/a/b']]],
  ['代码：https://github.com/a/b。', [['github', 'https://github.com/a/b', 'https://github.com/a/b']]],
  // other code hosts, models, project pages: verbatim without trailing punctuation
  ['at https://gitlab.com/ones-ai/q-hyvit.', [['gitlab', 'https://gitlab.com/ones-ai/q-hyvit', 'https://gitlab.com/ones-ai/q-hyvit']]],
  ['at gitlab.com/group/sub/project', [['gitlab', 'https://gitlab.com/group/sub/project', 'gitlab.com/group/sub/project']]],
  ['at https://gitee.com/mindspore/models/tree/master/x.', [['gitee', 'https://gitee.com/mindspore/models/tree/master/x', 'https://gitee.com/mindspore/models/tree/master/x']]],
  ['at https://bitbucket.org/team/repo,', [['bitbucket', 'https://bitbucket.org/team/repo', 'https://bitbucket.org/team/repo']]],
  ['weights: https://huggingface.co/org/model.', [['huggingface', 'https://huggingface.co/org/model', 'https://huggingface.co/org/model']]],
  ['weights: huggingface.co/org/model', [['huggingface', 'https://huggingface.co/org/model', 'huggingface.co/org/model']]],
  ['weights: https://hf.co/org/model', [['huggingface', 'https://hf.co/org/model', 'https://hf.co/org/model']]],
  ['data: https://huggingface.co/datasets/org/set).', [['huggingface', 'https://huggingface.co/datasets/org/set', 'https://huggingface.co/datasets/org/set']]],
  ['mirror: https://hf.barry1.top/org/model.', [['huggingface', 'https://hf.barry1.top/org/model', 'https://hf.barry1.top/org/model']]],
  ['mirror: https://hf-mirror.com/org/model', [['huggingface', 'https://hf-mirror.com/org/model', 'https://hf-mirror.com/org/model']]],
  ['page: https://user.github.io/proj/.', [['project', 'https://user.github.io/proj/', 'https://user.github.io/proj/']]],
  ['page: user.github.io/proj', [['project', 'https://user.github.io/proj', 'user.github.io/proj']]],
  ['page: https://aka.ms/MInference.', [['project', 'https://aka.ms/MInference', 'https://aka.ms/MInference']]],
  ['page: www.example.org/project', [['project', 'https://www.example.org/project', 'www.example.org/project']]],
  ['a page (https://en.wikipedia.org/wiki/Foo_(bar)).', [['project', 'https://en.wikipedia.org/wiki/Foo_(bar)', 'https://en.wikipedia.org/wiki/Foo_(bar)']]],
  // order of appearance, de-duplication by canonical URL
  [
    'https://github.com/a/b and https://user.github.io/p and github.com/A/B/tree/x and https://github.com/c/d.',
    [
      ['github', 'https://github.com/a/b', 'https://github.com/a/b'],
      ['project', 'https://user.github.io/p', 'https://user.github.io/p'],
      ['github', 'https://github.com/c/d', 'https://github.com/c/d'],
    ],
  ],
  // user and organisation pages are not repositories
  ['lab: https://github.com/facebookresearch.', [['project', 'https://github.com/facebookresearch', 'https://github.com/facebookresearch']]],
  // nothing to find
  ['released at Github.', []],
  ['on our GitHub repository', []],
  ['github.com', []],
  ['see https://github.com and https://github.com/', []],
  ['https://github.com/features/copilot and https://github.com/topics/llm and https://github.com/sponsors/x', []],
  ['write to someone@github.com or me@user.github.io', []],
  ['version 1.2.3 of v2.0, arXiv 1234.5678', []],
  ['the paper https://arxiv.org/abs/2412.01234 and https://doi.org/10.1/x', []],
  ['the page https://huggingface.co/papers/2412.01234', []],
  ['mygithub.com/a/b and notgitlab.com/x', []],
  ['http://', []],
];

describe('extractCodeLinks forms', () => {
  for (const [text, expected] of FORMS) {
    it(JSON.stringify(text), () => {
      const links = extractCodeLinks(text);
      expect(links.map((l) => [l.kind, l.url, text.slice(l.start, l.end), ...(l.path === undefined ? [] : [l.path])])).toEqual(expected);
    });
  }
});

describe('extractCodeLinks with hrefs', () => {
  it('adds links only the page carries, after the text links, with -1 offsets', () => {
    const links = extractCodeLinks('Code: https://github.com/a/b.', [
      'https://github.com/A/B.git',
      'https://github.com/c/d/tree/main',
      'https://huggingface.co/org/model',
      'https://arxiv.org/abs/2412.01234',
      'not a link',
    ]);
    expect(links).toEqual([
      { url: 'https://github.com/a/b', kind: 'github', start: 6, end: 28, source: 'abstract' },
      { url: 'https://github.com/c/d', kind: 'github', start: -1, end: -1, path: '/tree/main' },
      { url: 'https://huggingface.co/org/model', kind: 'huggingface', start: -1, end: -1 },
    ]);
  });

  it('says where each link came from: the text, the source given with an href, or the default for plain hrefs', () => {
    const links = extractCodeLinks('Code: https://github.com/a/b.', [
      { url: 'https://github.com/a/b', source: 'site-data' },
      { url: 'https://github.com/e/f', source: 'site-data' },
      'https://gitlab.com/g/h',
    ], 'comments');
    expect(links.map((l) => [l.url, l.source])).toEqual([
      ['https://github.com/a/b', 'abstract'],
      ['https://github.com/e/f', 'site-data'],
      ['https://gitlab.com/g/h', 'comments'],
    ]);
  });

  it('reads hrefs as links, not as text to search', () => {
    expect(extractCodeLinks('', ['see https://github.com/a/b'])).toEqual([]);
  });
});

describe('canonicalGitHubRepo', () => {
  it.each([
    ['https://github.com/a/b', 'https://github.com/a/b'],
    ['http://www.github.com/a/b/', 'https://github.com/a/b'],
    ['github.com/a/b', 'https://github.com/a/b'],
    ['https://github.com/a/b.git', 'https://github.com/a/b'],
    ['https://github.com/a/b.git{https://github.com/a/b}.', 'https://github.com/a/b'],
    ['https://github.com/a/b{here}', 'https://github.com/a/b'],
    ['https://github.com/a/b/tree/main/src', 'https://github.com/a/b'],
    ['https://github.com/a/b/blob/main/x.py#L3', 'https://github.com/a/b'],
    ['https://github.com/a/b/issues/12', 'https://github.com/a/b'],
    ['https://github.com/a/b).', 'https://github.com/a/b'],
    ['  https://github.com/a/b  ', 'https://github.com/a/b'],
  ])('%s → %s', (input, expected) => expect(canonicalGitHubRepo(input)).toBe(expected));

  it.each([
    'https://github.com',
    'github.com',
    'https://github.com/facebookresearch',
    'https://github.com/features',
    'https://github.com/topics/transformers',
    'https://github.com/sponsors/someone',
    'https://github.com/orgs/x/repositories',
    'https://gitlab.com/a/b',
    'https://user.github.io/b',
    'see https://github.com/a/b',
    'someone@github.com',
    '',
  ])('%s → null', (input) => expect(canonicalGitHubRepo(input)).toBeNull());
});

describe('sortCodeLinks', () => {
  it('puts GitHub first and keeps the order within a kind', () => {
    const links = extractCodeLinks(
      'https://user.github.io/p https://huggingface.co/o/m https://github.com/a/b https://gitlab.com/g/p https://github.com/c/d',
    );
    expect(sortCodeLinks(links).map((l) => l.url)).toEqual([
      'https://github.com/a/b',
      'https://github.com/c/d',
      'https://gitlab.com/g/p',
      'https://huggingface.co/o/m',
      'https://user.github.io/p',
    ]);
    expect(links[0].kind).toBe('project'); // extractCodeLinks itself keeps order of appearance
  });
});
