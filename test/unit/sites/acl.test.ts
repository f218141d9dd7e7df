// ACL Anthology beyond the fixture pages: URL forms, the Bootstrap-4 entry markup (≤ 2023) with old-style
// ids, front matter of both id styles, code badges, and odd entries that must not throw. The snippets are
// hand-made (synthetic), following the Anthology's entry templates as described at the top of src/sites/acl.ts.
import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../../src/sites';
import { acl } from '../../../src/sites/acl';
import { loadPage } from './load-page';

describe('acl URLs', () => {
  it.each(['https://aclanthology.org/volumes/N19-1/', 'https://aclanthology.org/events/emnlp-2024/', 'https://aclanthology.org/2023.acl-long.1/'])(
    'claims %s',
    (url) => expect(adapterFor(url)?.id).toBe('acl'),
  );
  it.each([
    'https://aclanthology.org/',
    // Paper pages with a pre-2020 id: a match pattern cannot tell them from the site's other pages.
    'https://aclanthology.org/P18-1007/',
    'https://aclanthology.org/people/smaranda-muresan/',
    'https://aclanthology.org/venues/acl/',
  ])('leaves %s alone', (url) => expect(adapterFor(url)).toBeUndefined());
});

const PAGE = 'https://aclanthology.org/volumes/N19-1/';
const entry = (id: string, title: string, authors: string, extra = '') =>
  `<p class="d-sm-flex align-items-stretch"><span class="d-block mr-2 text-nowrap list-button-row">
    <a class="badge badge-primary align-middle mr-1" href="https://www.aclweb.org/anthology/${id}.pdf">pdf</a>
    <a class="badge badge-secondary align-middle mr-1" href="/anthology/${id}.bib">bib</a>${extra}
  </span><span class="d-block"><strong><a class="align-middle" href="/anthology/${id}/">${title}</a></strong><br>${authors}</span></p>`;

describe('acl entries', () => {
  it('reads the Bootstrap-4 markup with old-style ids, skipping front matter', () => {
    const document = loadPage(
      `<div id="N19-1">
      ${entry('N19-1000', 'Proceedings of the 2019 Conference of the North American Chapter', '<a href="/people/j/jill-burstein/">Jill Burstein</a>')}
      ${entry(
        'N19-1423',
        '<span class="acl-fixed-case">BERT</span>: Pre-training of Deep Bidirectional Transformers for Language Understanding',
        '<a href="/people/j/jacob-devlin/">Jacob Devlin</a> | <a href="/people/m/ming-wei-chang/">Ming-Wei Chang</a> | <a href="/people/k/kenton-lee/">Kenton Lee</a> | <a href="/people/k/kristina-toutanova/">Kristina Toutanova</a>',
        '<a class="badge badge-info align-middle mr-1" href="#abstract-N19-1423" data-toggle="collapse">abs</a><a class="badge badge-secondary align-middle mr-1" href="https://github.com/google-research/bert">code</a>',
      )}
      <div class="card bg-light mb-2 mb-lg-3 collapse abstract-collapse" id="abstract-N19-1423"><div class="card-body p-3 small">We introduce a new language representation model called BERT. It obtains new state-of-the-art results on eleven natural language processing tasks, including pushing the GLUE score to 80.5%.</div></div>
      ${entry('W19-0100', 'Proceedings of a workshop', '')}
      ${entry('W19-0101', 'A workshop paper without abstract', '<a href="/people/a/ana-garcía/">Ana García</a>')}
      </div>`,
      PAGE,
    );
    const records = acl.findCards(document).map((card) => acl.readCard(card, PAGE));
    expect(records.map((r) => r?.key)).toEqual(['acl:N19-1423', 'acl:W19-0101']);
    expect(records[0]).toMatchObject({
      title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
      url: 'https://aclanthology.org/N19-1423/',
      authors: ['Jacob Devlin', 'Ming-Wei Chang', 'Kenton Lee', 'Kristina Toutanova'],
      abstract:
        'We introduce a new language representation model called BERT. It obtains new state-of-the-art results on eleven natural language processing tasks, including pushing the GLUE score to 80.5%.',
      codeLinks: ['https://github.com/google-research/bert'],
    });
    // Collapsed until opened: highlighted all the same; the widget lists its metrics as chips meanwhile.
    expect(records[0]!.abstractEl?.id).toBe('abstract-N19-1423');
    expect(records[1]).toMatchObject({ title: 'A workshop paper without abstract', authors: ['Ana García'], abstract: '' });
  });

  it('never throws on an entry without a title link', () => {
    const document = loadPage('<div class="d-sm-flex"><div class="list-button-row"></div><span class="d-block"><strong>x</strong></span></div>', PAGE);
    expect(acl.findCards(document)).toEqual([]);
    const row = document.querySelector('.d-sm-flex')!;
    expect(acl.readCard(row, PAGE)).toBeUndefined();
  });
});

describe('acl paper pages', () => {
  const url = 'https://aclanthology.org/2021.naacl-main.208/';
  // A hand-made paper page (synthetic) in the Bootstrap-5 template's form, with a DOI and a software attachment.
  const page = `<section id=main><div><h2 id=title><a href=https://aclanthology.org/2021.naacl-main.208.pdf>A Paper Title</a></h2>
    <p class=lead><a href=/people/ann-lee/>Ann Lee</a>, <a href=/people/bo-chen/>Bo Chen</a></p></div><hr>
    <div class="row acl-paper-details"><div class="col col-lg-10 order-2">
    <div class="card bg-light mb-2 mb-lg-3"><div class="card-body acl-abstract"><h5 class=card-title>Abstract</h5><span>We reach 91.2% accuracy.</span></div></div>
    <dl><dt>Anthology ID:</dt><dd>2021.naacl-main.208</dd><dt>Venue:</dt><dd><a href=/venues/naacl/>NAACL</a></dd>
    <dt>DOI:</dt><dd><a href=https://doi.org/10.18653/v1/2021.naacl-main.208 title="To the current version of the paper by DOI">10.18653/v1/2021.naacl-main.208</a></dd>
    <dt class=acl-button-row>Software:</dt><dd class=acl-button-row><a href=https://github.com/ann-lee/repo class="btn btn-attachment btn-sm">repo</a></dd></dl></div></div></section>`;

  it('reads a paper page: its DOI is the same key, a software link is code, the venue comes from the id', () => {
    const document = loadPage(page, url);
    const cards = acl.findCards(document);
    expect(cards).toHaveLength(1);
    expect(acl.readCard(cards[0]!, url)).toMatchObject({
      key: 'acl:2021.naacl-main.208',
      title: 'A Paper Title',
      url,
      authors: ['Ann Lee', 'Bo Chen'],
      abstract: 'We reach 91.2% accuracy.',
      codeLinks: ['https://github.com/ann-lee/repo'],
      venue: { name: 'NAACL 2021', year: 2021, url, key: 'acl:2021.naacl-main.208' },
    });
    expect(acl.readCard(cards[0]!, url)?.aliases).toBeUndefined();
  });

  it('does not take a volume page, whose details name a volume, for a paper page', () => {
    const document = loadPage('<section id=main><h2 id=title>Proceedings</h2><dl><dt>Anthology ID:</dt><dd>2021.naacl-main</dd></dl></section>', 'https://aclanthology.org/volumes/2021.naacl-main/');
    expect(acl.findCards(document)).toEqual([]);
  });
});
