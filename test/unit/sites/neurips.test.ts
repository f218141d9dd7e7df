// NeurIPS proceedings beyond the fixture page: URL forms, the older `li > a + i` listing (≤ 2022) with
// both old link forms, the papers.nips.cc host, and odd items that must not throw. Snippets are hand-made
// (synthetic), following the two listing markups described at the top of src/sites/neurips.ts.
import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../../src/sites';
import { neurips } from '../../../src/sites/neurips';
import { loadPage } from './load-page';

describe('neurips URLs', () => {
  it.each(['https://proceedings.neurips.cc/paper_files/paper/2024', 'https://papers.nips.cc/paper/2019'])('claims %s', (url) =>
    expect(adapterFor(url)?.id).toBe('neurips'),
  );
  it.each(['https://proceedings.neurips.cc/', 'https://neurips.cc/virtual/2023/papers.html', 'https://nips.cc/Conferences/2023'])(
    'leaves %s alone',
    (url) => expect(adapterFor(url)).toBeUndefined(),
  );
});

describe('neurips items', () => {
  it('reads the older listing on papers.nips.cc, keyed on the proceedings host', () => {
    const page = 'https://papers.nips.cc/paper/2017';
    const document = loadPage(
      `<div class="container-fluid"><ul>
        <li><a href="/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html">Attention is All you Need</a> <i>Ashish Vaswani, Noam Shazeer, Niki Parmar, Jakob Uszkoreit, Llion Jones, Aidan N. Gomez, Łukasz Kaiser, Illia Polosukhin</i></li>
        <li><a href="/paper/6931-dynamic-routing-between-capsules">Dynamic Routing Between Capsules</a> <i>Sara Sabour, Nicholas Frosst, Geoffrey E. Hinton</i></li>
        <li><a href="/book/advances-in-neural-information-processing-systems-30-2017">Book</a></li>
      </ul></div>`,
      page,
    );
    const records = neurips.findCards(document).map((item) => neurips.readCard(item, page));
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({
      key: 'url:https://proceedings.neurips.cc/paper_files/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html',
      title: 'Attention is All you Need',
      url: 'https://papers.nips.cc/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html',
      authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Jakob Uszkoreit', 'Llion Jones', 'Aidan N. Gomez', 'Łukasz Kaiser', 'Illia Polosukhin'],
    });
    expect(records[1]).toMatchObject({
      key: 'url:https://proceedings.neurips.cc/paper/6931-dynamic-routing-between-capsules',
      authors: ['Sara Sabour', 'Nicholas Frosst', 'Geoffrey E. Hinton'],
    });
  });

  it('reads an item without authors without throwing', () => {
    const page = 'https://proceedings.neurips.cc/paper_files/paper/2023';
    const document = loadPage('<ul><li><a href="/paper_files/paper/2023/hash/00000000000000000000000000000000-Abstract-Conference.html"></a></li></ul>', page);
    const [item] = neurips.findCards(document);
    expect(neurips.readCard(item!, page)).toMatchObject({ title: '', authors: [] });
  });
});
