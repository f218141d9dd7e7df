// Site health on the page side: every adapter names its selectors, a page whose markup was renamed finds no card
// and gives no reason, a page that says it has no results is told apart, and the health, badge and diagnostic
// follow from that.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapters } from '../../../src/sites';
import { acl } from '../../../src/sites/acl';
import { arxiv } from '../../../src/sites/arxiv';
import { biorxiv } from '../../../src/sites/biorxiv';
import { cvf } from '../../../src/sites/cvf';
import { dblp } from '../../../src/sites/dblp';
import { huggingface } from '../../../src/sites/huggingface';
import { openreview } from '../../../src/sites/openreview';
import { scholar } from '../../../src/sites/scholar';
import { pageHealth, type PageReport } from '../../../src/shared/page-report';
import { badgeFor } from '../../../src/background/badge';
import { diagnosticText, withoutQuery } from '../../../src/popup/diagnostic';
import { loadPage } from './load-page';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
const fixture = (file: string, url: string) => loadPage(readFileSync(path.join(FIXTURES, file), 'utf8'), url);

describe('adapter selectors', () => {
  it.each(adapters.map((adapter) => [adapter.id, adapter] as const))('%s names at least one selector, each valid CSS', (_id, adapter) => {
    const entries = Object.entries(adapter.selectors);
    expect(entries.length).toBeGreaterThan(0);
    const doc = loadPage('<main></main>', 'https://example.org/');
    for (const [name, selector] of entries) {
      expect(name).toMatch(/^[a-z][A-Za-z]*$/);
      expect(() => doc.querySelectorAll(selector)).not.toThrow();
    }
  });

  it('counts what each arXiv selector matches on an ordinary listing and on its renamed copy', () => {
    const url = 'https://arxiv.org/list/astro-ph.EP/recent';
    const counts = (doc: Document) => Object.fromEntries(Object.entries(arxiv.selectors).map(([name, s]) => [name, doc.querySelectorAll(s).length]));
    const ordinary = fixture('arxiv/list-recent-astro-ph.EP.html', url);
    const renamed = fixture('health/arxiv-list-renamed.html', url);
    expect(arxiv.findCards(ordinary)).toHaveLength(37);
    expect(counts(ordinary)).toMatchObject({ listingEntry: 37, listingTitle: 37, searchResult: 0, abstractPage: 0 });
    expect(arxiv.findCards(renamed)).toHaveLength(0);
    expect(counts(renamed)).toMatchObject({ listingEntry: 0, listingTitle: 0, searchResult: 0, abstractPage: 0 });
    expect(arxiv.emptyReason?.(renamed)).toBeUndefined();
  });
});

describe('every site\'s fixture pages, as saved and with their markup renamed', () => {
  // Synthetic copies made here of each fixture page (docs/fixtures.md): every class and id renamed (`class="x y"` to
  // `class="renamed-x renamed-y"`), as a redesign that renames its markup would. Such a page warns unless the adapter still
  // reads its cards from what is left (links, attributes); it is never taken for a page that has no papers.
  const pages = adapters.filter((adapter) => adapter.matches.length > 0).flatMap((adapter) => {
    const dir = path.join(FIXTURES, adapter.id);
    if (!existsSync(dir)) return [];
    return readdirSync(dir).filter((f) => f.endsWith('.expected.json')).map((f) => {
      const { url, cardCount } = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { url: string; cardCount: number };
      return { adapter, file: `${adapter.id}/${f.replace(/\.expected\.json$/, '.html')}`, url, cardCount };
    });
  });
  const healthOf = (adapter: (typeof adapters)[number], doc: Document, url: string) => {
    const read = adapter.findCards(doc).filter((card) => adapter.readCard(card, url) !== undefined).length;
    return pageHealth(read, read > 0 ? undefined : adapter.emptyReason?.(doc), true);
  };

  it.each(pages.map((page) => [page.file, page] as const))('%s', (_file, { adapter, file, url, cardCount }) => {
    const html = readFileSync(path.join(FIXTURES, file), 'utf8');
    expect(healthOf(adapter, loadPage(html, url), url)).toBe(cardCount > 0 ? 'ok' : 'empty');
    // Every class of a list renamed, not only the first (a check on a later class, `ul.list-unstyled.venues-list`,
    // must not survive the renaming), and values in single quotes or none too (arXiv's `id='dlpage'`, the ACL
    // Anthology's minified `id=title`).
    const renamed = html.replace(/\b(class|id)=(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g, (_all, name: string, double?: string, single?: string, bare?: string) =>
      `${name}="${(double ?? single ?? bare!).replace(/\S+/g, (token) => `renamed-${token}`)}"`);
    expect(healthOf(adapter, loadPage(renamed, url), url)).not.toBe('empty');
  });
});

describe('pages with legitimately no papers', () => {
  it('an arXiv search without results says so', () => {
    const doc = fixture('health/arxiv-search-no-results.html', 'https://arxiv.org/search/?query=zzqxv+photonic+lattice&searchtype=all&source=header');
    expect(arxiv.findCards(doc)).toHaveLength(0);
    expect(arxiv.emptyReason?.(doc)).toBe('no results');
  });

  it('an arXiv search with results gives no reason', () => {
    const doc = fixture('arxiv/search-dark-matter.html', 'https://arxiv.org/search/?query=dark+matter&searchtype=all&source=header');
    expect(arxiv.emptyReason?.(doc)).toBeUndefined();
  });

  it('arXiv\'s search forms (advanced search, a search with no query) list no paper: not a layout change; results renamed away are', () => {
    // Synthetic, from the real results page: its result list taken out, served where arXiv shows its search forms.
    const results = readFileSync(path.join(FIXTURES, 'arxiv/search-dark-matter.html'), 'utf8');
    const noList = results.replace(/<ol class="breathe-horizontal"[\s\S]*?<\/ol>/, '');
    for (const url of ['https://arxiv.org/search/advanced', 'https://arxiv.org/search/', 'https://arxiv.org/search/?query=&searchtype=all', 'https://arxiv.org/search/cs']) {
      const form = loadPage(noList, url);
      expect(arxiv.findCards(form)).toHaveLength(0);
      expect(arxiv.emptyReason?.(form)).toBe('search form');
    }
    for (const url of ['https://arxiv.org/search/?query=dark+matter&searchtype=all&source=header', 'https://arxiv.org/search/advanced?advanced=&terms-0-term=dark+matter&terms-0-field=title']) {
      expect(arxiv.emptyReason?.(loadPage(noList, url))).toBeUndefined();
    }
  });

  it('an arXiv listing with nothing announced for its period says so; a list emptied beside lists renamed away does not', () => {
    const month = fixture('arxiv/list-hep-lat-2024-01-no-updates.synthetic.html', 'https://arxiv.org/list/hep-lat/2024-01');
    expect(arxiv.emptyReason?.(month)).toBe('no updates');
    const quietDay = fixture('arxiv/list-new-hep-lat-no-updates.synthetic.html', 'https://arxiv.org/list/hep-lat/new');
    expect(arxiv.emptyReason?.(quietDay)).toBe('no updates');
    // A recent listing whose first day says it had nothing, and whose other day's entries are no longer dt/dd.
    month.getElementById('dlpage')!.insertAdjacentHTML('beforeend', "<dl id='articles'><h3>Mon, 31 Jan 2024</h3><div class='entry'><a href='/abs/2401.00001'>arXiv:2401.00001</a></div></dl>");
    expect(arxiv.findCards(month)).toHaveLength(0);
    expect(arxiv.emptyReason?.(month)).toBeUndefined();
    expect(arxiv.emptyReason?.(fixture('arxiv/list-new-astro-ph.SR.html', 'https://arxiv.org/list/astro-ph.SR/new'))).toBeUndefined();
  });

  it('a bioRxiv search without results says so; one with results gives no reason', () => {
    const empty = fixture('biorxiv/search-no-results.html', 'https://www.biorxiv.org/search/zzyzx%20quantum%20sourdough');
    expect(biorxiv.findCards(empty)).toHaveLength(0);
    expect(biorxiv.emptyReason?.(empty)).toBe('no results');
    const full = fixture('biorxiv/search-protein-language-model.html', 'https://www.biorxiv.org/search/protein%20language%20model');
    expect(biorxiv.findCards(full)).toHaveLength(4);
    expect(biorxiv.emptyReason?.(full)).toBeUndefined();
  });

  it('a Hugging Face search without results (synthetic: the real search page emptied) says so; a listing gives no reason', () => {
    const empty = fixture('health/huggingface-search-no-results.synthetic.html', 'https://huggingface.co/papers?q=zzqxv+photonic+sourdough');
    expect(huggingface.findCards(empty)).toHaveLength(0);
    expect(huggingface.emptyReason?.(empty)).toBe('no results');
    const search = fixture('huggingface/search-computation-efficiency.html', 'https://huggingface.co/papers?q=computation+efficiency');
    expect(huggingface.emptyReason?.(search)).toBeUndefined();
    const daily = fixture('huggingface/daily-2025-12-11.html', 'https://huggingface.co/papers/date/2025-12-11');
    expect(huggingface.emptyReason?.(daily)).toBeUndefined();
    // A renamed page whose props cannot be read is no reason either: it warns.
    expect(huggingface.emptyReason?.(loadPage('<div data-target="DailyPapers" data-props="{broken"></div>', 'https://huggingface.co/papers?q=x'))).toBeUndefined();
  });

  it('a dblp search without matches says so (its "no matches" follows the hidden "searching the database" with no space); one with matches gives no reason', () => {
    const empty = fixture('dblp/search-no-matches.html', 'https://dblp.org/search?q=zzyzx+quantum+sourdough');
    expect(dblp.findCards(empty)).toHaveLength(0);
    expect(dblp.emptyReason?.(empty)).toBe('no results');
    const full = fixture('dblp/search-sparsity-certifying.html', 'https://dblp.org/search?q=Sparsity-certifying+Graph+Decompositions');
    expect(dblp.findCards(full)).toHaveLength(2);
    expect(dblp.emptyReason?.(full)).toBeUndefined();
  });

  it('a dblp series index (its volumes, each an editorship) and a journal index (links to its volumes) list no paper: not a layout change; a renamed table of contents is', () => {
    // Synthetic, from the real table of contents: the ICML 2024 page with its papers taken out leaves the volume's
    // editorship entry, which is what a series index (/db/conf/icml/index.html) lists, one per year (public
    // scrapers of dblp read `li.entry.editor.toc` there). A journal index lists its volumes as plain links.
    const toc = readFileSync(path.join(FIXTURES, 'dblp/db-conf-icml-icml2024.html'), 'utf8');
    const volumesOnly = toc.replace(/<li class="entry inproceedings toc"[\s\S]*?<\/li>(?=\n|<li class="entry)/g, '');
    for (const url of ['https://dblp.org/db/conf/icml/index.html', 'https://dblp.org/db/conf/icml/', 'https://dblp.uni-trier.de/db/conf/']) {
      const index = loadPage(volumesOnly, url);
      expect(index.querySelectorAll('li.entry.editor')).toHaveLength(1);
      expect(dblp.findCards(index)).toHaveLength(0);
      expect(dblp.emptyReason?.(index)).toBe('index of volumes');
    }
    const journal = loadPage('<header id="headline"><h1>ACM Transactions on Database Systems (TODS)</h1></header><div id="main"><ul><li><a href="tods49.html">Volume 49: 2024</a></li><li><a href="tods48.html">Volume 48: 2023</a></li></ul></div>', 'https://dblp.org/db/journals/tods/index.html');
    expect(dblp.emptyReason?.(journal)).toBe('index of volumes');
    // A volume's own table of contents whose entries were renamed warns.
    const renamed = loadPage(toc.replaceAll('class="entry ', 'class="publ-entry '), 'https://dblp.org/db/conf/icml/icml2024.html');
    expect(dblp.findCards(renamed)).toHaveLength(0);
    expect(dblp.emptyReason?.(renamed)).toBeUndefined();
  });

  it('a CVF conference\'s landing (links to its days) and its workshops\' menu list no paper: not a layout change; a renamed day listing is', () => {
    // Synthetic, from the real listing's page: its definition list of papers replaced by what public CVF scrapers
    // read on https://openaccess.thecvf.com/CVPR2024 (one link per day, `?day=2024-06-19`, then `?day=all` "All
    // Papers") and on /CVPR2023_workshops/menu (one link per workshop's listing).
    const listing = readFileSync(path.join(FIXTURES, 'cvf/CVPR2024-day-all.html'), 'utf8');
    const withList = (items: string) => listing.replace(/<dl>[\s\S]*<\/dl>/, `<dl>${items}</dl>`);
    const landing = loadPage(withList(['2024-06-19', '2024-06-20', '2024-06-21'].map((day, i) => `<dd><a href="/CVPR2024?day=${day}">Day ${i + 1}: ${day}</a></dd>`).join('')
      + '<dd><a href="/CVPR2024?day=all">All Papers</a></dd>'), 'https://openaccess.thecvf.com/CVPR2024');
    expect(cvf.findCards(landing)).toHaveLength(0);
    expect(cvf.emptyReason?.(landing)).toBe('menu of listings');
    const menu = loadPage(withList('<dd><a href="/CVPR2023_workshops/CLVision">CLVision</a></dd><dd><a href="/CVPR2023_workshops/EarthVision">EarthVision</a></dd>'),
      'https://openaccess.thecvf.com/CVPR2023_workshops/menu');
    expect(cvf.emptyReason?.(menu)).toBe('menu of listings');
    // The day listing itself, its paper links renamed away, warns.
    const renamed = loadPage(listing.replaceAll('_paper.html', '_paper'), 'https://openaccess.thecvf.com/CVPR2024?day=all');
    expect(cvf.findCards(renamed)).toHaveLength(0);
    expect(cvf.emptyReason?.(renamed)).toBeUndefined();
    expect(cvf.emptyReason?.(loadPage(listing, 'https://openaccess.thecvf.com/CVPR2024?day=all'))).toBeUndefined();
  });

  it('an ACL Anthology address with no page shows the Anthology\'s 404 page: not found; a paper page gives no reason', () => {
    const missing = fixture('acl/not-found-2023.alta-1.99.synthetic.html', 'https://aclanthology.org/2023.alta-1.99/');
    expect(acl.findCards(missing)).toHaveLength(0);
    expect(acl.emptyReason?.(missing)).toBe('not found');
    expect(acl.emptyReason?.(fixture('acl/paper-2023.alta-1.1.html', 'https://aclanthology.org/2023.alta-1.1/'))).toBeUndefined();
    expect(acl.emptyReason?.(fixture('acl/volume-2023.alta-1.html', 'https://aclanthology.org/volumes/2023.alta-1/'))).toBeUndefined();
  });

  it('a Scholar captcha page (synthetic snippet, ids as Scholar names them) is a captcha', () => {
    const doc = loadPage('<form id="gs_captcha_f"><h1>Please show you\'re not a robot</h1></form>', 'https://scholar.google.com/scholar?q=x');
    expect(scholar.emptyReason?.(doc)).toBe('captcha');
  });
});

describe('page health and the badge', () => {
  it('OpenReview: a venue whose every list shows the empty message has no papers; one list of renamed notes is a layout change', () => {
    const url = 'https://openreview.net/group?id=ICLR.cc/2027/Conference';
    const empty = fixture('health/openreview-venue-empty.synthetic.html', url);
    expect(openreview.findCards(empty)).toHaveLength(0);
    expect(openreview.emptyReason?.(empty)).toBe('no papers');
    const full = fixture('openreview/venue-ICML2024-accept-poster.html', 'https://openreview.net/group?id=ICML.cc/2024/Conference#tab-accept-poster');
    expect(openreview.findCards(full)).toHaveLength(34);
    expect(openreview.emptyReason?.(full)).toBeUndefined();
    // One tab empty, another holding notes the adapter cannot read (their class renamed): not "no papers".
    const renamed = fixture('health/openreview-venue-empty.synthetic.html', url);
    const list = renamed.querySelector('#accept-poster .submissions-list ul')!;
    list.innerHTML = '<li><div class="paper-card"><h4><a href="/forum?id=yzNEkTmcoF">Triple Changes Estimator for Targeted Policies</a></h4></div></li>';
    expect(openreview.findCards(renamed)).toHaveLength(0);
    expect(openreview.emptyReason?.(renamed)).toBeUndefined();
    // A page with no note list at all (a group page that is not a venue, or a list renamed away) gives no reason.
    expect(openreview.emptyReason?.(loadPage('<main><p class="empty-message">Nothing</p></main>', url))).toBeUndefined();
  });

  it('OpenReview: a group that is not a venue lists its child groups, a missing group shows the error page; neither warns', () => {
    const top = fixture('openreview/group-ICLR-directory.synthetic.html', 'https://openreview.net/group?id=ICLR.cc');
    expect(openreview.findCards(top)).toHaveLength(0);
    expect(openreview.emptyReason?.(top)).toBe('group directory');
    const workshops = fixture('openreview/group-ICLR2024-workshops-directory.synthetic.html', 'https://openreview.net/group?id=ICLR.cc/2024/Workshop');
    expect(openreview.emptyReason?.(workshops)).toBe('group directory');
    const missing = fixture('openreview/group-not-found.synthetic.html', 'https://openreview.net/group?id=ICLR.cc/2099/Conference');
    expect(openreview.emptyReason?.(missing)).toBe('error page');
    // A forum whose note does not exist is answered the same way (app/forum/page.js: "The Note <id> was not found").
    const html = readFileSync(path.join(FIXTURES, 'openreview/group-not-found.synthetic.html'), 'utf8').replace('The Group ICLR.cc/2099/Conference', 'The Note zzNoSuchNote');
    expect(openreview.emptyReason?.(loadPage(html, 'https://openreview.net/forum?id=zzNoSuchNote'))).toBe('error page');
    // A list of that class holding anything but links to groups or profiles is no directory.
    top.querySelector('ul.venues-list')!.insertAdjacentHTML('beforeend', '<li><div class="paper-card"><h4><a href="/forum?id=yzNEkTmcoF">Triple Changes Estimator</a></h4></div></li>');
    expect(openreview.emptyReason?.(top)).toBeUndefined();
  });

  it('is ok with cards, empty when the page says why, no-cards otherwise', () => {
    expect(pageHealth(3, undefined, true)).toBe('ok');
    expect(pageHealth(0, 'no results', true)).toBe('empty');
    expect(pageHealth(0, undefined, true)).toBe('no-cards');
    // The generic fallback claims no URL: no warning there.
    expect(pageHealth(0, undefined, false)).toBe('empty');
  });

  it('shows the count, "!" for a page without the cards it should have, nothing for an empty page', () => {
    expect(badgeFor({ cards: 37, health: 'ok' }).text).toBe('37');
    expect(badgeFor({ cards: 1500, health: 'ok' }).text).toBe('999+');
    expect(badgeFor({ cards: 0, health: 'no-cards' }).text).toBe('!');
    expect(badgeFor({ cards: 0, health: 'empty' }).text).toBe('');
    // A page with no card yet that may still be rendering them: no warning until it has had time to.
    expect(badgeFor({ cards: 0, health: 'no-cards', healthPending: true }).text).toBe('');
  });
});

describe('the diagnostic', () => {
  it('names the adapter, the version, the URL without its query and each selector\'s count', () => {
    const report: PageReport = {
      ok: true, adapter: 'arxiv', url: 'https://arxiv.org/list/cs.LG/recent?skip=0&show=50#top', settled: true, cards: [], health: 'no-cards',
      selectors: [{ name: 'listingEntry', selector: 'dl > dt', count: 0 }, { name: 'odd', selector: 'a[', count: -1 }],
    };
    expect(diagnosticText(report, '0.1.0')).toBe([
      'Paperlight site-health diagnostic',
      'adapter: arxiv',
      'version: 0.1.0',
      'url: https://arxiv.org/list/cs.LG/recent',
      'cards recognised: 0',
      'selectors (elements matched):',
      '  listingEntry: 0  dl > dt',
      '  odd: invalid selector  a[',
      '',
    ].join('\n'));
    expect(withoutQuery('https://huggingface.co/papers?q=secret')).toBe('https://huggingface.co/papers');
  });
});
