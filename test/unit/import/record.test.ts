// Entries made records: title keys, links, bounds and the checks every record passes.
import { describe, expect, it } from 'vitest';
import type { ImportEntry } from '../../../src/core/import/entry';
import { searchUrl, titleKey, toRecord } from '../../../src/core/import/record';
import { NOW, imported } from './samples';

function entry(given: Partial<ImportEntry>): ImportEntry {
  return { label: 'e1', title: 'A Title', authors: [], abstract: '', ids: [], tags: [], note: '', codeLinks: [], ...given };
}

describe('titleKey', () => {
  it.each([
    ['Attention Is All You Need', [], 'title:attention-is-all-you-need'],
    ['Attention is all you need.', ['Vaswani, Ashish'], 'title:attention-is-all-you-need/vaswani'],
    ['Deep Learning', ['Yann LeCun', 'Yoshua Bengio'], 'title:deep-learning/lecun'],
    ['Visualizing Data using {t-SNE}', ['Laurens van der Maaten'], 'title:visualizing-data-using-tsne/maaten'],
    ['Visualizing Data using t-SNE', ['van der Maaten, Laurens'], 'title:visualizing-data-using-tsne/van-der-maaten'],
    ['Gröbner bases — an introduction', ['Müller, Jörg'], 'title:grobner-bases-an-introduction/muller'],
    ['?!', ['Anyone'], undefined],
  ])('%j by %j', (title, authors, key) => {
    expect(titleKey(title, authors)).toBe(key);
  });

  it('keeps the whole words that fit in 200 characters', () => {
    const key = titleKey('word '.repeat(100), []);
    expect(key).toBe(`title:${Array.from({ length: 40 }, () => 'word').join('-')}`);
  });
});

describe('toRecord', () => {
  const context = { now: NOW, site: 'bibtex' };

  it('a paper known only by its title gets a title key and a search link', () => {
    expect(toRecord(entry({ title: 'Lecture notes on optimal transport', authors: ['Jane Doe'] }), context)).toEqual({
      ok: true,
      imported: {
        label: 'e1',
        paper: imported({
          key: 'title:lecture-notes-on-optimal-transport/doe', title: 'Lecture notes on optimal transport',
          url: searchUrl('Lecture notes on optimal transport'), authors: ['Jane Doe'], site: 'bibtex',
        }),
      },
      notices: [],
    });
    expect(searchUrl('a & b')).toBe('https://scholar.google.com/scholar?q=a%20%26%20b');
  });

  it('a keyword too long to be a tag is kept in the note', () => {
    const long = 'k'.repeat(101);
    const result = toRecord(entry({ ids: ['arXiv:2006.11239'], tags: ['short', long], note: 'Mine.' }), context);
    expect(result).toMatchObject({ ok: true, imported: { paper: { tags: ['short'], note: `Mine.\n\nKeywords: ${long}` } } });
  });

  it('rejects a title past 2,000 characters and an entry with nothing to identify it by', () => {
    expect(toRecord(entry({ title: 't'.repeat(2001) }), context)).toEqual({ ok: false, rejection: { entry: 'e1', reason: 'the title is longer than 2,000 characters' } });
    expect(toRecord(entry({ title: '***' }), context)).toEqual({ ok: false, rejection: { entry: 'e1', reason: 'no id, link or title with letters or digits to identify the paper by' } });
  });

  it('keeps a source\'s save time and status, and records the import as the last edit', () => {
    const result = toRecord(entry({ ids: ['arXiv:2006.11239'], status: 'read', savedAt: NOW - 1000 }), context);
    expect(result).toMatchObject({ ok: true, imported: { paper: { status: 'read', savedAt: NOW - 1000, updatedAt: NOW } } });
  });
});
