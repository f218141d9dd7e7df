// OpenReview adapter beyond the fixture loop: URL forms, the legacy webfield markup, a note expanded
// after it was read, author-list variants, forum replies, a forum page without meta, missing fields.
// The snippets below are synthetic (hand-written from openreview-web's components, as described at the top
// of src/sites/openreview.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../../src/sites';
import { openreview } from '../../../src/sites/openreview';
import { withCodeFindings } from './code-findings';
import { loadPage } from './load-page';

const VENUE = 'https://openreview.net/group?id=ICLR.cc/2021/Conference#accept-poster';
const fixture = (name: string, url: string) =>
  loadPage(readFileSync(path.resolve(import.meta.dirname, '../../fixtures/openreview', name), 'utf8'), url);

describe('openreview URLs', () => {
  it.each(['https://openreview.net/group?id=ICLR.cc/2025/Conference', 'https://openreview.net/forum?id=rkgpv2VFvr', 'https://openreview.net/forum?noteId=abc&id=GiHo83ozsF'])(
    'claims %s',
    (url) => {
      expect(adapterFor(url)?.id).toBe('openreview');
    },
  );

  it.each(['https://openreview.net/', 'https://openreview.net/profile?id=~Ann_Lee1', 'https://openreview.net/pdf?id=GiHo83ozsF', 'https://openreview.net/venues'])(
    'leaves %s alone',
    (url) => {
      expect(adapterFor(url)).toBeUndefined();
    },
  );
});

describe('openreview legacy webfield markup (2020–2022)', () => {
  const legacy = `<div id="accept-poster" class="tab-pane active"><ul class="list-unstyled submissions-list">
    <li class="note" data-id="rkgpv2VFvr" data-number="22">
      <h4><a href="/forum?id=rkgpv2VFvr">Legacy Title: Sparse Things</a> <a href="/pdf?id=rkgpv2VFvr" class="pdf-link" title="Download PDF"><img></a></h4>
      <div class="note-authors"><a href="/profile?id=~Ann_Lee1" class="profile-link" title="~Ann_Lee1">Ann Lee</a>, <a href="/profile?email=bo%40uni.edu" class="profile-link" title="bo@uni.edu">Bo Chen</a></div>
      <div class="note-meta-info"><span class="date">28 Sept 2020 (modified: 11 Mar 2021)</span><span class="item">ICLR 2021 Poster</span><span class="readers">Readers: Everyone</span><span>8 Replies</span></div>
      <a href="#rkgpv2VFvr-details" class="note-contents-toggle" data-toggle="collapse">Show details</a>
      <div class="collapse" id="rkgpv2VFvr-details"><div class="note-contents-collapse"><ul class="list-unstyled note-content">
        <li><strong class="note-content-field">Keywords:</strong> <span class="note-content-value">sparsity</span></li>
        <li><strong class="note-content-field">Abstract:</strong> <span class="note-content-value">We prune 90% of the weights.
          Code: https://github.com/annlee/sparse-things</span></li>
        <li><strong class="note-content-field">Code:</strong> <span class="note-content-value"><a href="https://gitlab.com/annlee/sparse-things-mirror">https://gitlab.com/annlee/sparse-things-mirror</a></span></li>
      </ul></div></div>
    </li></ul></div>`;

  it('reads the abstract that sits collapsed in the DOM, and its element', () => {
    const document = loadPage(legacy, VENUE);
    const cards = openreview.findCards(document);
    expect(cards).toHaveLength(1);
    const card = openreview.readCard(cards[0]!, VENUE)!;
    expect(withCodeFindings(card)).toMatchObject({
      key: 'openreview:rkgpv2VFvr',
      title: 'Legacy Title: Sparse Things',
      url: 'https://openreview.net/forum?id=rkgpv2VFvr',
      authors: ['Ann Lee', 'Bo Chen'],
      abstract: 'We prune 90% of the weights. Code: https://github.com/annlee/sparse-things',
      codeLinks: ['https://github.com/annlee/sparse-things', 'https://gitlab.com/annlee/sparse-things-mirror'],
      published: '2020-09-28',
    });
    expect(card.abstractEl?.textContent).toMatch(/^We prune/);
  });
});

describe('openreview current markup', () => {
  const collapsed = `<div class="tab-pane fade active in" id="accept-poster"><div class="submissions-list"><ul class="list-unstyled list-paginated"><li>
    <div class="note   undefined"><h4><a href="/forum?id=AbCdE12345">Many Authors</a></h4>
    <div class="note-authors"><span>${Array.from({ length: 20 }, (_, i) => `<a href="/profile?id=~Author_${i}1">Author ${i}</a>`).join(', ')}
      <a href="#" title="Expand list" role="button" class="show-all">et al. (3 additional authors not shown)</a> <span class="glyphicon glyphicon-eye-open private-contents-icon"></span></span></div>
    <ul class="note-meta-info list-inline"><li>Published: 16 Jan 2024, Last Modified: 15 Mar 2024</li><li>ICLR 2024 poster</li></ul>
    <div class="collapse-widget "><a data-toggle="collapse" href="#x1" aria-expanded="false">Show details</a></div></div></li>
    <li><div class="note   undefined"><h4><a href="/forum?id=FgHiJ67890">Plain and Institutional Authors</a></h4>
    <div class="note-authors"><span><span>No Profile</span>, <span class="note-author-with-institutions"><a href="/profile?id=~Inst_Author1">Inst Author</a><sup>1,2</sup></span>, <a href="https://dblp.org/pid/00/1" title="https://dblp.org/pid/00/1">Dblp Person</a></span></div>
    </div></li></ul></div></div>`;

  it('reads shown authors only: no "et al." link, icons, institution numbers; plain names kept', () => {
    const document = loadPage(collapsed, 'https://openreview.net/group?id=ICLR.cc/2024/Conference');
    const [many, plain] = openreview.findCards(document).map((c) => openreview.readCard(c, 'https://openreview.net/group?id=ICLR.cc/2024/Conference')!);
    expect(many!.authors).toHaveLength(20);
    expect(many!.authors.at(-1)).toBe('Author 19');
    expect(many!.abstract).toBe('');
    expect(many!.abstractEl).toBeUndefined();
    expect(many!.published).toBe('2024-01-16');
    expect(plain!.authors).toEqual(['No Profile', 'Inst Author', 'Dblp Person']);
    expect(plain!.published).toBeUndefined();
  });

  it('reads the abstract once "Show details" rendered it (the re-read after the mutation)', () => {
    const document = loadPage(collapsed, 'https://openreview.net/group?id=ICLR.cc/2024/Conference');
    const note = openreview.findCards(document)[0]!;
    note.querySelector('.collapse-widget')!.insertAdjacentHTML(
      'beforeend',
      `<div class="collapse collapse-indent in"><div class="note-content"><div><strong class="note-content-field">TL;DR:</strong> <span class="note-content-value">Short.</span></div>
       <div><strong class="note-content-field">Abstract:</strong> <div class="note-content-value markdown-rendered"><p>First paragraph.</p><p>Second, with <em>emphasis</em> and 2.4x speed.</p></div></div></div></div>`,
    );
    const card = openreview.readCard(note, 'https://openreview.net/group?id=ICLR.cc/2024/Conference')!;
    expect(card.abstract).toBe('First paragraph. Second, with emphasis and 2.4x speed.');
    expect(card.abstractEl?.matches('.note-content-value')).toBe(true);
  });
});

describe('openreview forum page', () => {
  it('counts the paper once, not its replies, and falls back to the page when the meta are gone', () => {
    const url = 'https://openreview.net/forum?id=GiHo83ozsF';
    const document = fixture('forum-GiHo83ozsF.html', url);
    for (const meta of document.querySelectorAll('meta[name^="citation_"]')) meta.remove();
    const cards = openreview.findCards(document);
    expect(cards).toHaveLength(1);
    const card = openreview.readCard(cards[0]!, url)!;
    expect(card).toMatchObject({
      key: 'openreview:GiHo83ozsF',
      title: 'Bayesian Uncertainty for Gradient Aggregation in Multi-Task Learning',
      authors: ['Idan Achituve', 'Idit Diamant', 'Arnon Netzer', 'Gal Chechik', 'Ethan Fetaya'],
      published: '2024-05-02',
    });
    expect(card.abstract).toMatch(/^As machine learning becomes more prominent .* induce a distribution over the gradients/);
  });

  it('keys a forum that carries a DOI by its OpenReview id, with the DOI as alias', () => {
    const url = 'https://openreview.net/forum?id=GiHo83ozsF';
    const document = fixture('forum-GiHo83ozsF.html', url);
    document.head.insertAdjacentHTML('beforeend', '<meta name="citation_doi" content="10.5555/3692070.3692071">');
    const card = openreview.readCard(openreview.findCards(document)[0]!, url)!;
    expect(card.key).toBe('openreview:GiHo83ozsF');
    expect(card.aliases).toEqual(['doi:10.5555/3692070.3692071']);
  });
});

describe('openreview activity list', () => {
  it('does not count "Recent Activity" entries (reviews, comments, edits) as papers', () => {
    const document = loadPage(
      `<div id="recent-activity" class="tab-pane"><ul class="list-unstyled submissions-list activity-list">
       <li class="note note-activity"><div class="meta"><h4><a href="/forum?id=GiHo83ozsF&amp;noteId=Zp0sE6dKa1">Official Review of Submission5317</a></h4></div></li></ul></div>`,
      'https://openreview.net/group?id=ICML.cc/2024/Conference#tab-recent-activity',
    );
    expect(openreview.findCards(document)).toHaveLength(0);
  });
});

describe('openreview never throws', () => {
  it('skips notes without a forum link and empty notes', () => {
    const document = loadPage('<div class="note"><h4>Untitled</h4></div><div class="note" id="bare"></div>', VENUE);
    expect(openreview.findCards(document)).toHaveLength(0);
    expect(openreview.readCard(document.getElementById('bare')!, VENUE)).toBeUndefined();
    const forum = loadPage('<div class="forum-container"><div class="forum-note"></div></div>', 'https://openreview.net/forum');
    expect(openreview.readCard(openreview.findCards(forum)[0]!, 'https://openreview.net/forum')).toBeUndefined();
  });
});

describe('openreview venues', () => {
  const note = (forum: string, label: string) =>
    `<div class="note"><h4><a href="/forum?id=${forum}">A Title</a></h4><ul class="note-meta-info list-inline"><li>Published: 02 May 2024</li><li>${label}</li></ul></div>`;
  const page = 'https://openreview.net/group?id=ICLR.cc/2024/Conference';

  it('gives a rejected or withdrawn paper no venue, whatever its tab', () => {
    const document = loadPage(
      `<div id="reject" class="tab-pane">${note('abcdEFGH12', 'Submitted to ICLR 2024')}</div>
       <div id="withdrawn-submissions" class="tab-pane">${note('bcdeFGHI23', 'ICLR 2024 Conference Withdrawn Submission')}</div>`,
      page,
    );
    expect(openreview.findCards(document).map((card) => openreview.readCard(card, page)?.venue)).toEqual([undefined, undefined]);
  });

  it('reads the venue from the label where the page has no tabs (a search, a profile list)', () => {
    const document = loadPage(note('cdefGHIJ34', 'NeurIPS 2023 spotlight'), 'https://openreview.net/group?id=NeurIPS.cc/2023/Conference');
    expect(openreview.readCard(openreview.findCards(document)[0]!, page)?.venue).toEqual({
      name: 'NeurIPS 2023',
      year: 2023,
      url: 'https://openreview.net/forum?id=cdefGHIJ34',
      key: 'openreview:cdefGHIJ34',
      decision: 'spotlight',
    });
  });
});

describe('openreview cards added to the page', () => {
  it('finds the cards among added elements as findCards finds them in the page, without the rest of the page', () => {
    const url = 'https://openreview.net/group?id=ICML.cc/2024/Conference';
    const document = fixture('venue-ICML2024-accept-poster.html', url);
    const notes = openreview.findCards(document);
    const list = notes[0]!.parentElement!;
    const before = new Set(notes);
    // A list rendered further (the next page of a tab): three notes appended.
    const added = notes.slice(0, 3).map((note) => note.cloneNode(true) as Element);
    list.append(...added);
    const appended = openreview.findCards(document).filter((card) => !before.has(card));
    expect(appended).toEqual(added);
    expect(openreview.findAddedCards!(added)).toEqual(appended);
    // A whole list added at once; an element added inside a note (its title link rendered) finds that note.
    const pane = document.createElement('ul');
    pane.append(...added.map((note) => note.cloneNode(true)));
    document.body.append(pane);
    expect(openreview.findAddedCards!([pane])).toEqual(openreview.findCards(pane));
    expect(openreview.findAddedCards!([pane.querySelector('h4 a')!])).toEqual([pane.firstElementChild]);
    // Replies in a forum, activity entries and notes without a forum link are no cards here either; nor is a gone one.
    const other = loadPage(
      `<div class="forum-container"><div class="forum-note" id="forum"><h4 id="forum-title"></h4></div><div class="note" id="reply"><h4><a href="/forum?id=a&amp;noteId=b">Review</a></h4></div></div>
       <ul><li class="note note-activity" id="activity"><h4><a href="/forum?id=GiHo83ozsF">Edit</a></h4></li><li class="note" id="bare"><h4>Untitled</h4></li></ul>`,
      'https://openreview.net/forum?id=a',
    );
    const ids = (cards: Element[]) => cards.map((card) => card.id);
    expect(ids(openreview.findAddedCards!([other.getElementById('reply')!, other.getElementById('activity')!, other.getElementById('bare')!]))).toEqual([]);
    expect(ids(openreview.findAddedCards!([other.querySelector('#reply a')!]))).toEqual([]);
    expect(ids(openreview.findAddedCards!([other.getElementById('forum-title')!]))).toEqual(ids(openreview.findCards(other)));
    expect(ids(openreview.findCards(other))).toEqual(['forum']);
    const gone = added[1]!;
    gone.remove();
    expect(openreview.findAddedCards!([gone])).toEqual([]);
  });
});
