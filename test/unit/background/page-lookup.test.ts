// @vitest-environment node
// A page's lookup of many cards, built like the identity bench's page (`npm run bench identity`: lookup600) with
// the titles sites print (typographic quotes and dashes, TeX, capitals): each card's answer is known from how the
// page was made, not from the code under test. Cards found by their key, by an alias, by their title in capitals
// with a final period (authors written alike or "Family, Given"), and cards that are not saved (another title, or
// the title with other authors).
import { describe, expect, it } from 'vitest';
import { putPaper } from '../../../src/background/fingerprint-filter';
import { lookupPage } from '../../../src/background/page-lookup';
import { writeTransaction } from '../../../src/background/transactions';
import type { LookupCard } from '../../../src/shared/messages';
import { freshDb, paper } from '../store/helpers';

/** Words as sites print them: the plain path of the title normaliser, its full path (TeX, other letters), and `&`. */
const WORDS = [
  'Learning', 'Sparse', 'Attention', 'for', 'Long', 'Context', 'Models', 'GPT-4’s', '“Quoted”', 'Earth–Moon',
  'Self-Supervised', 'Don\'t', '&', '$\\alpha$-Nets', '$\\mathrm{SE}(3)$', 'Gröbner', 'Vision—Language', 'C++',
];
const SAVED = 120;

/** The saved library: each title distinct (it ends with its number), authors made up. */
const library = Array.from({ length: SAVED }, (_, i) => paper(i, {
  title: `${Array.from({ length: 5 }, (_, j) => WORDS[(i * 7 + j * 5) % WORDS.length]).join(' ')} Study ${i}`,
  authors: [`Given${i} Family${i}`, `Other${i % 9} Surname${i % 13}`],
}));

/** The title in capitals (TeX left as written), with a final period: how a proceedings page may print it. */
const shout = (title: string) => `${title.split(' ').map((w) => (/[\\$]/.test(w) ? w : w.toUpperCase())).join(' ')}.`;

type Kind = 'own key' | 'alias' | 'title, names alike' | 'title, "Family, Given"' | 'another title' | 'title, other authors';
const KINDS: readonly Kind[] = [
  'own key', 'alias', 'title, names alike', 'title, "Family, Given"', 'another title', 'title, other authors',
];

/** The page: card i shows saved paper (i * 7) % SAVED in the way KINDS[i % 6] says. */
function page(cards: number): Array<LookupCard & { kind: Kind; paperKey: string }> {
  return Array.from({ length: cards }, (_, i) => {
    const saved = library[(i * 7) % SAVED]!;
    const kind = KINDS[i % KINDS.length]!;
    const other = `url:https://proceedings.example/${i}`;
    const base = { kind, paperKey: saved.key };
    switch (kind) {
      case 'own key':
        return { ...base, key: saved.key, title: saved.title, authors: saved.authors };
      case 'alias':
        return { ...base, key: other, aliases: [saved.aliases[0]!], title: `Untitled ${i}`, authors: [] };
      case 'title, names alike':
        return { ...base, key: other, title: shout(saved.title), authors: saved.authors };
      case 'title, "Family, Given"':
        return { ...base, key: other, title: shout(saved.title), authors: [`Surname${i}, X.`, `Family${(i * 7) % SAVED}, G.`] };
      case 'another title':
        return { ...base, key: other, title: `${saved.title} revisited`, authors: saved.authors };
      case 'title, other authors':
        return { ...base, key: other, title: saved.title, authors: ['Nobody Related', 'Someone Else'] };
    }
  });
}

/** What each card should find, from how it was made: the saved paper's key, or nothing. */
function expected(cards: ReturnType<typeof page>): Record<string, string> {
  const found = cards.filter((card) => !['another title', 'title, other authors'].includes(card.kind));
  return Object.fromEntries(found.map((card) => [card.key, card.paperKey]));
}

async function savedLibrary() {
  const db = await freshDb();
  const tx = writeTransaction(db);
  await Promise.all([...library.map((saved) => putPaper(tx.objectStore('papers'), saved)), tx.done]);
  return db;
}

describe('a page lookup like the bench\'s', () => {
  it('finds each card by its key or its title as the page was made, through the title filter (a large page)', async () => {
    const db = await savedLibrary();
    const cards = page(200);
    const { result } = await lookupPage(db, [], cards.map(({ key, aliases, title, authors }) => ({ key, aliases, title, authors })));
    const found = Object.fromEntries(result.found.map(({ key, paper: saved }) => [key, saved.key]));
    expect(found).toEqual(expected(cards));
    // Every way is exercised: 34 cards under a key never saved are found by an alias, 66 by title.
    expect(Object.keys(found).filter((key) => key.startsWith('url:'))).toHaveLength(100);
    // The answer carries the saved record as it is: the title the user saved, not the card's.
    const byTitle = result.found.find(({ key }) => key === cards[2]!.key)!;
    expect(byTitle.paper).toEqual(library[14]);
    db.close();
  });

  it('finds the same without the filter (a slice of a page asks the index about each title)', async () => {
    const db = await savedLibrary();
    for (let start = 0; start < 60; start += 10) {
      const cards = page(60).slice(start, start + 10);
      const { result } = await lookupPage(db, [], cards);
      expect(Object.fromEntries(result.found.map(({ key, paper: saved }) => [key, saved.key]))).toEqual(expected(cards));
    }
    db.close();
  });
});
