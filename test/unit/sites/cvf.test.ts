// CVF Open Access beyond the fixture page: URL forms, entries without the author-search forms (older
// pages, UNCONFIRMED form), code links, and odd entries that must not throw. Snippets are hand-made
// (synthetic), following the listing markup described at the top of src/sites/cvf.ts.
import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../../src/sites';
import { cvf } from '../../../src/sites/cvf';
import { withCodeFindings } from './code-findings';
import { loadPage } from './load-page';

describe('cvf URLs', () => {
  it.each([
    'https://openaccess.thecvf.com/ICCV2023?day=2023-10-04',
    'https://openaccess.thecvf.com/WACV2024_workshops/RWS',
    'https://openaccess.thecvf.com/content/CVPR2024/html/Streinu_Sparsity-certifying_Graph_Decompositions_CVPR_2024_paper.html',
  ])('claims %s', (url) => expect(adapterFor(url)?.id).toBe('cvf'));
  it.each([
    'https://openaccess.thecvf.com/menu',
    'https://cvpr.thecvf.com/Conferences/2024',
  ])('leaves %s alone', (url) => expect(adapterFor(url)).toBeUndefined());
});

const PAGE = 'https://openaccess.thecvf.com/CVPR2019?day=2019-06-18';

describe('cvf entries', () => {
  it('reads plain-text authors and code links, and keys by the paper page without [arXiv]', () => {
    const document = loadPage(
      `<div id="content"><dl>
      <dt class="ptitle"><br><a href="content_CVPR_2019/html/Tan_MnasNet_Platform-Aware_Neural_Architecture_Search_for_Mobile_CVPR_2019_paper.html">MnasNet: Platform-Aware Neural Architecture Search for Mobile</a></dt>
      <dd><a href="#">Mingxing Tan</a>, <a href="#">Bo Chen</a>, <a href="#">Ruoming Pang</a>, Vijay Vasudevan, Mark Sandler, Andrew Howard, Quoc V. Le</dd>
      <dd>[<a href="content_CVPR_2019/papers/Tan_MnasNet_Platform-Aware_Neural_Architecture_Search_for_Mobile_CVPR_2019_paper.pdf">pdf</a>]
      [<a href="https://github.com/tensorflow/tpu/tree/master/models/official/mnasnet">code</a>]</dd>
      </dl></div>`,
      PAGE,
    );
    const [card] = cvf.findCards(document);
    const page = 'https://openaccess.thecvf.com/content_CVPR_2019/html/Tan_MnasNet_Platform-Aware_Neural_Architecture_Search_for_Mobile_CVPR_2019_paper.html';
    expect(withCodeFindings(cvf.readCard(card!, PAGE)!)).toMatchObject({
      key: `url:${page}`,
      title: 'MnasNet: Platform-Aware Neural Architecture Search for Mobile',
      url: page,
      authors: ['Mingxing Tan', 'Bo Chen', 'Ruoming Pang', 'Vijay Vasudevan', 'Mark Sandler', 'Andrew Howard', 'Quoc V. Le'],
      abstract: '',
      codeLinks: ['https://github.com/tensorflow/tpu'],
    });
  });

  it('never throws on an entry without its details', () => {
    const document = loadPage('<dl><dt class="ptitle"><a href="/content/X/html/A_paper.html">A</a></dt><dt><a href="x_paper.html"></a></dt></dl>', PAGE);
    const records = cvf.findCards(document).map((card) => cvf.readCard(card, PAGE));
    expect(records.map((r) => r?.authors)).toEqual([[], []]);
    expect(records[0]!.key).toBe('url:https://openaccess.thecvf.com/content/X/html/A_paper.html');
  });
});
