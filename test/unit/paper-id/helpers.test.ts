// keyFor (one card, several ids), normalizePaperUrl (url: keys) and urlForKey.
import { describe, expect, it } from 'vitest';
import { keyFor, normalizePaperUrl, urlForKey } from '../../../src/core/paper-id';

describe('keyFor', () => {
  it('prefers arXiv over a publisher DOI (Scholar: publisher title link + arXiv [PDF] link)', () => {
    expect(keyFor(['https://dl.acm.org/doi/10.1145/3581783.3611962', 'https://arxiv.org/pdf/2412.01234v2'])).toEqual({
      key: 'arxiv:2412.01234',
      aliases: ['doi:10.1145/3581783.3611962'],
    });
  });

  it('prefers arXiv over a proceedings page (CVF page + [arXiv] link)', () => {
    expect(
      keyFor(['https://openaccess.thecvf.com/content/CVPR2024/html/Li_X_CVPR_2024_paper.html', 'http://arxiv.org/abs/2312.00001']),
    ).toEqual({
      key: 'arxiv:2312.00001',
      aliases: ['url:https://openaccess.thecvf.com/content/CVPR2024/html/Li_X_CVPR_2024_paper.html'],
    });
  });

  it('orders arXiv, ACL, OpenReview, DOI, URL whatever the input order', () => {
    const ids = [
      'https://proceedings.mlr.press/v235/abad-rocamora24a.html',
      '10.1145/3581783.3611962',
      'https://openreview.net/forum?id=GiHo83ozsF',
      '2023.acl-long.1',
    ];
    expect(keyFor(ids)?.key).toBe('acl:2023.acl-long.1');
    expect(keyFor(ids.slice(0, 3))?.key).toBe('openreview:GiHo83ozsF');
    expect(keyFor(ids.slice(0, 2))?.key).toBe('doi:10.1145/3581783.3611962');
    expect(keyFor(ids.slice(0, 1))?.key).toBe('url:https://proceedings.mlr.press/v235/abad-rocamora24a.html');
    expect(keyFor(ids)?.aliases).toEqual([
      'url:https://proceedings.mlr.press/v235/abad-rocamora24a.html',
      'doi:10.1145/3581783.3611962',
      'openreview:GiHo83ozsF',
    ]);
  });

  it('maps an ACL DOI to its Anthology key and folds duplicates', () => {
    expect(keyFor(['https://doi.org/10.18653/v1/2023.acl-long.1', 'https://aclanthology.org/2023.acl-long.1.pdf'])).toEqual({
      key: 'acl:2023.acl-long.1',
      aliases: [],
    });
  });

  it('ignores what is not a paper id, and gives null when nothing is', () => {
    expect(keyFor(['https://github.com/a/b', '', 'not an id', '2412.01234'])).toEqual({ key: 'arxiv:2412.01234', aliases: [] });
    expect(keyFor(['https://github.com/a/b', 'GiHo83ozsF'])).toBeNull();
    expect(keyFor([])).toBeNull();
  });

  it('keeps a dblp record key as an alias after the ids of the paper itself (a dblp entry and its electronic editions)', () => {
    expect(keyFor(['https://dblp.org/rec/conf/icml/AchituveDNCF24', 'https://openreview.net/forum?id=GiHo83ozsF'])).toEqual({
      key: 'openreview:GiHo83ozsF',
      aliases: ['dblp:conf/icml/AchituveDNCF24'],
    });
    expect(keyFor(['dblp:journals/biorxiv/X21', 'https://doi.org/10.1101/2021.08.03.454978'])?.key).toBe('doi:10.1101/2021.08.03.454978');
    expect(keyFor(['dblp:journals/biorxiv/X21'])).toEqual({ key: 'dblp:journals/biorxiv/X21', aliases: [] });
  });

  it('keeps the first of two ids of the same kind as the key', () => {
    expect(keyFor(['10.1000/first', '10.1000/second'])).toEqual({ key: 'doi:10.1000/first', aliases: ['doi:10.1000/second'] });
  });
});

describe('normalizePaperUrl', () => {
  it.each([
    ['http://Example.org/a/b/', 'https://example.org/a/b'],
    ['https://EXAMPLE.org:443/a?utm_source=x&utm_medium=y', 'https://example.org/a'],
    ['https://example.org/a?b=1&gclid=2&c=3#frag', 'https://example.org/a?b=1&c=3'],
    ['example.org/paper.html', 'https://example.org/paper.html'],
    ['https://proceedings.mlr.press/v235/x24a/x24a.pdf', 'https://proceedings.mlr.press/v235/x24a.html'],
    ['https://proceedings.mlr.press/v235/x24a/x24a-supp.pdf', 'https://proceedings.mlr.press/v235/x24a.html'],
    ['http://proceedings.mlr.press/v37/ioffe15-supp.pdf', 'https://proceedings.mlr.press/v37/ioffe15.html'],
    ['https://openaccess.thecvf.com/content/ICCV2023W/VCL/papers/A_B_ICCVW_2023_paper.pdf', 'https://openaccess.thecvf.com/content/ICCV2023W/VCL/html/A_B_ICCVW_2023_paper.html'],
    ['https://openaccess.thecvf.com/content/CVPR2024/supplemental/A_B_CVPR_2024_supplemental.pdf', 'https://openaccess.thecvf.com/content/CVPR2024/supplemental/A_B_CVPR_2024_supplemental.pdf'],
  ])('%s → %s', (input, expected) => expect(normalizePaperUrl(input)).toBe(expected));

  it('is idempotent', () => {
    for (const url of [
      'https://papers.nips.cc/paper/2020/file/1457c0d6bfcb4967418bfb8ac142f64a-Paper.pdf',
      'https://openaccess.thecvf.com/content/CVPR2024/papers/A_CVPR_2024_paper.pdf',
      'https://example.org/a/?utm_source=x',
    ]) {
      const once = normalizePaperUrl(url)!;
      expect(normalizePaperUrl(once)).toBe(once);
    }
  });

  it.each(['', 'not a url', 'mailto:a@b.org', 'ftp://example.org/x', 'javascript:alert(1)'])('%j → null', (input) =>
    expect(normalizePaperUrl(input)).toBeNull(),
  );
});

describe('urlForKey', () => {
  it.each([
    ['arxiv:2412.01234', 'https://arxiv.org/abs/2412.01234'],
    ['arxiv:hep-th/9901001', 'https://arxiv.org/abs/hep-th/9901001'],
    ['doi:10.1145/3581783.3611962', 'https://doi.org/10.1145/3581783.3611962'],
    ['openreview:GiHo83ozsF', 'https://openreview.net/forum?id=GiHo83ozsF'],
    ['acl:P18-1007', 'https://aclanthology.org/P18-1007/'],
    ['dblp:conf/icml/AchituveDNCF24', 'https://dblp.org/rec/conf/icml/AchituveDNCF24.html'],
    ['doi:10.1101/2021.08.03.454978', 'https://doi.org/10.1101/2021.08.03.454978'],
    ['url:https://proceedings.mlr.press/v235/x24a.html', 'https://proceedings.mlr.press/v235/x24a.html'],
  ])('%s → %s', (key, url) => expect(urlForKey(key)).toBe(url));

  it('refuses what is not a canonical key', () => {
    expect(urlForKey('arXiv:2412.01234v2')).toBeNull();
    expect(urlForKey('https://arxiv.org/abs/2412.01234')).toBeNull();
    expect(urlForKey('nonsense')).toBeNull();
  });
});
