// @vitest-environment node
// Title identity in the store, through the message handler as a content script reaches it: a card under other ids
// (a proceedings page of a paper saved from arXiv) finds the saved paper, saving it adds no second record, and a
// card that names its venue records that published version once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDbOpener, type DbOpener } from '../../../src/background/db';
import { createMessageHandler, type Sender } from '../../../src/background/handler';
import { serialiseBackup } from '../../../src/core/backup';
import type { SavedPaper, Venue } from '../../../src/core/paper';
import type { AnyReply, CardData, ChangeEvent, LookupCard } from '../../../src/shared/messages';
import { uniqueDbName } from './helpers';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${EXTENSION_ID}/`;
const POPUP: Sender = { id: EXTENSION_ID, url: `${BASE}src/popup/index.html` };
const ARXIV_PAGE = 'https://arxiv.org/list/cs.LG/recent';
const NEURIPS_PAGE = 'https://proceedings.neurips.cc/paper_files/paper/2023';
const ARXIV_TAB: Sender = { id: EXTENSION_ID, url: ARXIV_PAGE, tab: { id: 7 } };
const NEURIPS_TAB: Sender = { id: EXTENSION_ID, url: NEURIPS_PAGE, tab: { id: 8 } };
const T0 = 1_750_000_000_000;

// A real pair: the arXiv listing and the NeurIPS 2023 proceedings write this title and these names differently.
const ARXIV_TITLE = 'Direct Preference Optimization: Your Language Model is Secretly a Reward Model';
const NEURIPS_TITLE = 'Direct Preference Optimization: Your Language Model is Secretly a Reward Model.';
const NEURIPS_URL = 'https://proceedings.neurips.cc/paper_files/paper/2023/hash/a85b405ed65c6477a4fe8302b5e06ce7-Abstract-Conference.html';
const NEURIPS_KEY = `url:${NEURIPS_URL}`;
const NEURIPS_2023: Venue = { name: 'NeurIPS 2023', year: 2023, url: NEURIPS_URL, key: NEURIPS_KEY };

function arxivCard(overrides: Partial<CardData> = {}): CardData {
  return {
    key: 'arxiv:2305.18290',
    aliases: [],
    title: ARXIV_TITLE,
    url: 'https://arxiv.org/abs/2305.18290',
    authors: ['Rafael Rafailov', 'Archit Sharma', 'Eric Mitchell', 'Stefano Ermon', 'Christopher D. Manning', 'Chelsea Finn'],
    abstract: 'While large-scale unsupervised language models learn broad world knowledge, steering them is hard.',
    metrics: [],
    codeLinks: [],
    site: 'arxiv',
    ...overrides,
  };
}

/** The same paper as the NeurIPS proceedings list it: another key, the title with a final period, initials. */
function neuripsCard(overrides: Partial<LookupCard> = {}): LookupCard {
  return {
    key: NEURIPS_KEY,
    aliases: [],
    title: NEURIPS_TITLE,
    authors: ['R. Rafailov', 'A. Sharma', 'E. Mitchell', 'S. Ermon', 'C. D. Manning', 'C. Finn'],
    venue: NEURIPS_2023,
    ...overrides,
  };
}

let opener: DbOpener;
let events: ChangeEvent[];
let handle: (raw: unknown, sender: Sender) => Promise<AnyReply>;

beforeEach(() => {
  opener = createDbOpener(uniqueDbName());
  events = [];
  handle = createMessageHandler({
    db: opener, extensionId: EXTENSION_ID, extensionBaseUrl: BASE, appVersion: '0.1.0',
    broadcast: (event) => events.push(event), now: () => T0,
  });
});
afterEach(async () => (await opener.get()).close());

async function ok<T = Record<string, unknown>>(raw: unknown, sender: Sender): Promise<T> {
  const reply = await handle(raw, sender);
  if (!reply.ok) throw new Error(reply.error);
  return reply as T;
}

type Found = { found: Array<{ key: string; paper: SavedPaper }> };
const lookup = (cards: LookupCard[], sender: Sender = NEURIPS_TAB) => ok<Found>({ type: 'lookup', keys: [], cards }, sender);
const library = async () => (await ok<{ papers: SavedPaper[] }>({ type: 'getAll' }, POPUP)).papers;

beforeEach(async () => {
  await ok({ type: 'save', paper: arxivCard() }, ARXIV_TAB);
  events.length = 0;
});

describe('lookup by title identity', () => {
  it('finds the paper saved from arXiv from its proceedings card, and records the venue the card names', async () => {
    const { found } = await lookup([neuripsCard()]);
    expect(found.map((f) => [f.key, f.paper.key])).toEqual([[NEURIPS_KEY, 'arxiv:2305.18290']]);
    expect(found[0]!.paper.venues).toEqual([NEURIPS_2023]);
    const [record] = await library();
    expect(record).toMatchObject({ key: 'arxiv:2305.18290', title: ARXIV_TITLE, venues: [NEURIPS_2023], aliases: [NEURIPS_KEY] });
    // Recognising a venue is not the user's edit.
    expect(record!.updatedAt).toBe(T0);
    expect(events).toEqual([{ type: 'paperlight:changed', changes: [{ key: 'arxiv:2305.18290', paper: record }] }]);
  });

  it('records a venue once: a page visited again writes nothing and tells nobody', async () => {
    await lookup([neuripsCard()]);
    events.length = 0;
    const { found } = await lookup([neuripsCard()]);
    expect(found.map((f) => f.paper.venues)).toEqual([[NEURIPS_2023]]);
    expect(events).toEqual([]);
    expect(await library()).toHaveLength(1);
  });

  it('writes nothing for a card found by title that names no venue', async () => {
    const { found } = await lookup([neuripsCard({ venue: undefined })]);
    expect(found.map((f) => f.paper.key)).toEqual(['arxiv:2305.18290']);
    expect(events).toEqual([]);
    expect((await library())[0]!.aliases).toEqual([]);
  });

  it('finds a card that lists no authors, since the rule only needs authors when both sides list them', async () => {
    const { found } = await lookup([neuripsCard({ authors: [], venue: undefined })]);
    expect(found.map((f) => f.paper.key)).toEqual(['arxiv:2305.18290']);
  });

  it.each([
    ['a title with one word changed', { title: 'Direct Preference Optimization: Your Language Model is Secretly a Value Model' }],
    ['a title that extends the saved one', { title: `${ARXIV_TITLE} and a Policy` }],
    ['a title that is a prefix of it', { title: 'Direct Preference Optimization' }],
    ['the same title by other authors', { authors: ['Ada Lovelace', 'Alan Turing'] }],
  ])('leaves %s unsaved, and writes nothing', async (_name, change) => {
    const { found } = await lookup([neuripsCard(change)]);
    expect(found).toEqual([]);
    expect(events).toEqual([]);
    expect((await library())[0]!.venues).toEqual([]);
  });

  it('never identifies a paper by a title of fewer than four words', async () => {
    await ok({ type: 'save', paper: arxivCard({ key: 'arxiv:2304.02643', title: 'Segment Anything', authors: ['Alexander Kirillov'] }) }, ARXIV_TAB);
    const { found } = await lookup([{ key: 'url:https://openaccess.thecvf.com/x', title: 'Segment Anything', authors: ['A. Kirillov'] }]);
    expect(found).toEqual([]);
  });

  it('tells namesakes apart by their authors: two saved papers with one title, each found from its own card', async () => {
    const namesake = arxivCard({ key: 'arxiv:2101.00001', title: NEURIPS_TITLE, authors: ['Ada Lovelace'] });
    await ok({ type: 'save', paper: namesake }, ARXIV_TAB);
    const cards = [neuripsCard({ venue: undefined }), neuripsCard({ key: 'url:https://example.org/ada', authors: ['A. Lovelace'], venue: undefined })];
    const { found } = await lookup(cards);
    expect(found.map((f) => [f.key, f.paper.key])).toEqual([[NEURIPS_KEY, 'arxiv:2305.18290'], ['url:https://example.org/ada', 'arxiv:2101.00001']]);
  });

  it('answers a page of 600 cards in one message, each card found by its key, an alias or its title', async () => {
    const cards: LookupCard[] = Array.from({ length: 600 }, (_, i) => ({
      key: `url:https://proceedings.neurips.cc/paper/${i}`, title: `Unrelated Paper Number ${i} on Many Things`, authors: ['Someone Else'],
    }));
    cards[17] = neuripsCard();
    cards[300] = { key: 'doi:10.1000/other', aliases: ['arxiv:2305.18290'], title: 'Whatever the Page Calls It', authors: [] };
    const { found } = await lookup(cards);
    expect(found.map((f) => [f.key, f.paper.key])).toEqual([[NEURIPS_KEY, 'arxiv:2305.18290'], ['doi:10.1000/other', 'arxiv:2305.18290']]);
  });
});

describe('saving a card whose paper is saved under other ids', () => {
  it('adds the card\'s key to that paper\'s aliases and its venue to its venues: one record, the saved version\'s text kept', async () => {
    const card: CardData = {
      key: NEURIPS_KEY, title: NEURIPS_TITLE, url: NEURIPS_URL, authors: neuripsCard().authors, abstract: '', metrics: [], codeLinks: [],
      site: 'neurips', venue: NEURIPS_2023, tags: ['rlhf'],
    };
    const { paper, created } = await ok<{ paper: SavedPaper; created: boolean }>({ type: 'save', paper: card }, NEURIPS_TAB);
    expect(created).toBe(false);
    expect(paper).toMatchObject({
      key: 'arxiv:2305.18290', title: ARXIV_TITLE, url: 'https://arxiv.org/abs/2305.18290', authors: arxivCard().authors,
      aliases: [NEURIPS_KEY], venues: [NEURIPS_2023], tags: ['rlhf'], seenUrls: [ARXIV_PAGE, NEURIPS_PAGE],
    });
    expect(await library()).toEqual([paper]);
  });

  it('saves a near miss as a paper of its own', async () => {
    const card: CardData = { ...arxivCard(), key: 'url:https://example.org/other', title: `${ARXIV_TITLE} II`, site: 'generic' };
    expect((await ok<{ created: boolean }>({ type: 'save', paper: card }, NEURIPS_TAB)).created).toBe(true);
    expect(await library()).toHaveLength(2);
  });
});

describe('merging a backup', () => {
  it('unites a backup\'s copy saved under another key with the saved paper, venues and ids included', async () => {
    const [saved] = await library();
    const copy: SavedPaper = {
      ...saved!, key: NEURIPS_KEY, aliases: [], title: NEURIPS_TITLE, url: NEURIPS_URL, authors: neuripsCard().authors,
      venues: [NEURIPS_2023], tags: ['from-backup'], updatedAt: T0 - 1,
    };
    const text = serialiseBackup([copy], new Date(T0));
    expect(await ok({ type: 'importBackup', text, mode: 'merge' }, POPUP)).toMatchObject({ added: 0, updated: 1 });
    const papers = await library();
    expect(papers).toHaveLength(1);
    expect(papers[0]).toMatchObject({ key: 'arxiv:2305.18290', title: ARXIV_TITLE, aliases: [NEURIPS_KEY], venues: [NEURIPS_2023], tags: ['from-backup'] });
  });

  it('adds a near miss as a paper of its own', async () => {
    const [saved] = await library();
    const other: SavedPaper = { ...saved!, key: 'url:https://example.org/other', title: `${ARXIV_TITLE} II` };
    expect(await ok({ type: 'importBackup', text: serialiseBackup([other], new Date(T0)), mode: 'merge' }, POPUP)).toMatchObject({ added: 1 });
  });
});

describe('what a lookup accepts', () => {
  const refused = async (raw: unknown) => {
    const reply = await handle(raw, NEURIPS_TAB);
    if (reply.ok) throw new Error('expected a refusal');
    return reply.error;
  };

  it('refuses malformed cards, saying where, and changes nothing', async () => {
    expect(await refused({ type: 'lookup', keys: [], cards: [{ key: 'not a key', title: 'x', authors: [] }] })).toMatch(/cards\[0\]\.key/);
    expect(await refused({ type: 'lookup', keys: [], cards: [neuripsCard({ venue: { ...NEURIPS_2023, url: 'javascript:alert(1)' } })] }))
      .toMatch(/cards\[0\]\.venue\.url/);
    expect(await refused({ type: 'lookup', keys: [], cards: [{ ...neuripsCard(), note: 'x' }] })).toMatch(/cards\[0\]/);
    expect(await refused({ type: 'lookup', keys: [], cards: Array.from({ length: 2001 }, () => neuripsCard()) })).toMatch(/cards/);
    expect(events).toEqual([]);
    expect((await library())[0]!.venues).toEqual([]);
  });

  it('refuses a save whose card names a malformed venue, and saves nothing', async () => {
    const card = { ...arxivCard({ key: 'arxiv:2501.00001', title: 'Another Paper Entirely About Venues' }), venue: { ...NEURIPS_2023, year: 23 } };
    expect(await refused({ type: 'save', paper: card })).toMatch(/paper\.venue\.year/);
    expect(await refused({ type: 'save', paper: { ...card, venue: { ...NEURIPS_2023, decision: 'accepted' } } })).toMatch(/paper\.venue\.decision/);
    expect(await library()).toHaveLength(1);
  });

  it('still answers a lookup by keys alone, as before cards were sent', async () => {
    const { found } = await ok<Found>({ type: 'lookup', keys: ['arxiv:2305.18290'] }, NEURIPS_TAB);
    expect(found.map((f) => f.key)).toEqual(['arxiv:2305.18290']);
  });
});
