// The popup's own reads: the first page read straight from the database is exactly the background's answer to
// the default `query` (same papers, same order, ties included, same total), the controller shows it without
// asking the background, and changes heard before the controller listens (as the page's entry hears them while
// its reads run) end up on top of an older snapshot, in the list and in search.
import { describe, expect, it, vi } from 'vitest';
import type { SavedPaper } from '../../../src/core/paper';
import { PopupController } from '../../../src/popup/controller';
import { FIRST_PAGE_SIZE, readFirstPage } from '../../../src/popup/first-page';
import { createStateContainer } from '../../../src/popup/state';
import type { ChangeEvent } from '../../../src/shared/messages';
import { fakeBackground, type FakeBackground } from './fake-background';
import { sampleLibrary } from './sample-library';

const broadcastsArrive = () => new Promise((resolve) => setTimeout(resolve, 5));

/** A library in which the newest twelve papers share one savedAt: the order among them is the key's. */
function libraryWithTies(): SavedPaper[] {
  const library = sampleLibrary(90);
  const newest = Math.max(...library.map((p) => p.savedAt)) + 60_000;
  return library.map((p, i) => (i % 7 === 3 ? { ...p, savedAt: newest } : p));
}

async function seeded(papers: SavedPaper[]): Promise<FakeBackground> {
  const background = fakeBackground();
  await background.send({ type: 'restore', papers });
  await broadcastsArrive();
  background.requests.length = 0;
  return background;
}

type ControllerDeps = ConstructorParameters<typeof PopupController>[1];

/** The controller's dependencies on `background`, the page's own reads included, with `overrides` on top. */
function pageReadsOf(background: FakeBackground, overrides: Partial<ControllerDeps> = {}): ControllerDeps {
  return {
    send: background.send,
    onChange: background.onChange,
    download: () => {},
    openTab: async () => {},
    firstPage: () => background.readFirstPage(),
    readSnapshot: () => background.readSnapshot(),
    ...overrides,
  };
}

describe('readFirstPage', () => {
  it('gives exactly what the default query gives: the newest papers, ties newest key first, and the total', async () => {
    const library = libraryWithTies();
    const background = await seeded(library);
    const direct = await background.readFirstPage();
    const query = await background.send({ type: 'query', sort: 'savedAt', direction: 'desc', limit: FIRST_PAGE_SIZE });
    expect(direct).toEqual({ items: query.items, total: query.total });
    const expected = [...library].sort((a, b) => b.savedAt - a.savedAt || (a.key < b.key ? 1 : -1)).slice(0, FIRST_PAGE_SIZE);
    expect(direct!.items.map((p) => p.key)).toEqual(expected.map((p) => p.key));
    expect(direct!.total).toBe(90);
    expect(direct!.items[0]).not.toHaveProperty('ix');
  });

  it('gives null where there is no database yet, and leaves it uncreated', async () => {
    const name = `never-created-${Math.random().toString(36).slice(2)}`;
    expect(await readFirstPage(FIRST_PAGE_SIZE, name)).toBeNull();
    expect((await indexedDB.databases()).map((db) => db.name)).not.toContain(name);
  });
});

describe('the controller with the page’s own reads', () => {
  it('shows the first page read from the database, without asking the background for it', async () => {
    const library = libraryWithTies();
    const background = await seeded(library);
    const container = createStateContainer();
    const firstStates: string[][] = [];
    container.subscribe(() => firstStates.length === 0 && firstStates.push([...container.getState().papers.keys()]));
    const controller = new PopupController(container, pageReadsOf(background));
    await controller.start();
    expect(background.requests.map((r) => r.type)).not.toContain('query');
    const query = await background.send({ type: 'query', sort: 'savedAt', direction: 'desc', limit: FIRST_PAGE_SIZE });
    expect(firstStates[0]).toEqual(query.items.map((p) => p.key));
    expect(container.getState()).toMatchObject({ phase: 'ready', total: 90 });
    controller.stop();
  });

  it('applies the changes heard before it listened on top of a snapshot read before them', async () => {
    const library = sampleLibrary(60);
    const background = await seeded(library);
    // The page's entry began its reads (the snapshot current, then) and hears changes until the app listens.
    await background.send({ type: 'searchSnapshot' });
    const snapshot = background.readSnapshot();
    const firstPage = background.readFirstPage();
    await Promise.all([snapshot, firstPage]);
    const heard: ChangeEvent[] = [];
    const stopHearing = background.onChange((event) => heard.push(event));
    const added = { ...library[0]!, key: 'arxiv:2611.00001', aliases: [], title: 'Zeppelin routing for sparse experts', savedAt: Date.UTC(2026, 10, 1) };
    await background.send({ type: 'restore', papers: [added] });
    await background.send({ type: 'remove', key: library[5]!.key });
    await broadcastsArrive();
    expect(heard).toHaveLength(2);

    // The whole library is held back, so what is shown is the snapshot's summaries with the changes on top.
    let releaseLibrary!: () => void;
    const libraryHeld = new Promise<void>((resolve) => (releaseLibrary = resolve));
    const container = createStateContainer();
    const controller = new PopupController(container, {
      async send(request) {
        if (request.type === 'getAll') await libraryHeld;
        return background.send(request);
      },
      onChange(listener) {
        stopHearing();
        const stop = background.onChange(listener);
        heard.forEach(listener);
        return stop;
      },
      download: () => {},
      openTab: async () => {},
      firstPage: () => firstPage,
      readSnapshot: () => snapshot,
    });
    const started = controller.start();
    await vi.waitFor(() => expect(container.getState().listed).toBe(true));
    const state = container.getState();
    expect(state.phase).toBe('partial');
    expect(state.papers.has(added.key)).toBe(true);
    expect(state.papers.has(library[5]!.key)).toBe(false);
    expect(state.papers.size).toBe(60);
    expect(controller.hits('zeppelin routing')!.has(added.key)).toBe(true);
    expect(controller.hits(library[5]!.title)?.has(library[5]!.key) ?? false).toBe(false);
    releaseLibrary();
    await started;
    expect(container.getState().papers.has(added.key)).toBe(true);
    expect(container.getState().papers.size).toBe(60);
    controller.stop();
  });

  it('lists the whole snapshot first where the page shows the first page already, with nothing drawn before it', async () => {
    const library = sampleLibrary(70);
    const background = await seeded(library);
    await background.send({ type: 'searchSnapshot' });
    const container = createStateContainer();
    // Every list the state held, by its size (the dispatches that list nothing, such as tags, left out).
    const sizes: number[] = [];
    container.subscribe(() => {
      const { size } = container.getState().papers;
      if (size > 0 && size !== sizes.at(-1)) sizes.push(size);
    });
    const controller = new PopupController(container, pageReadsOf(background, { firstPageShown: async () => true }));
    await controller.start();
    // No state of the first page's 50 papers: the first list is the snapshot's 70, then the whole records.
    expect(sizes).toEqual([70]);
    expect(container.getState()).toMatchObject({ phase: 'ready', total: 70 });
    controller.stop();
  });

  it('shows the first page after all when the page shows it but the snapshot cannot be read', async () => {
    const library = sampleLibrary(70);
    const background = await seeded(library);
    await background.send({ type: 'searchSnapshot' });
    const stored = await background.readSnapshot();
    let releaseLibrary!: () => void;
    const libraryHeld = new Promise<void>((resolve) => (releaseLibrary = resolve));
    const container = createStateContainer();
    const controller = new PopupController(container, pageReadsOf(background, {
      async send(request) {
        if (request.type === 'getAll') await libraryHeld;
        return background.send(request);
      },
      // Current by its record, but damaged: the decoding refuses it.
      readSnapshot: async () => ({ dirty: [], columns: { ...(stored!.columns as object), titles: 'one title' } }),
      firstPageShown: async () => true,
    }));
    const started = controller.start();
    await vi.waitFor(() => expect(container.getState().phase).toBe('partial'));
    expect(container.getState()).toMatchObject({ listed: false, total: 70 });
    expect(container.getState().papers.size).toBe(FIRST_PAGE_SIZE);
    releaseLibrary();
    await started;
    expect(container.getState()).toMatchObject({ phase: 'ready', total: 70 });
    controller.stop();
  });

  it('shows the first page at once where the stored snapshot is behind (the background brings it up to date)', async () => {
    const library = sampleLibrary(70);
    const background = await seeded(library);
    await background.send({ type: 'searchSnapshot' });
    await background.send({ type: 'remove', key: library[3]!.key });
    await broadcastsArrive();
    let releaseSnapshot!: () => void;
    const snapshotHeld = new Promise<void>((resolve) => (releaseSnapshot = resolve));
    const container = createStateContainer();
    const controller = new PopupController(container, pageReadsOf(background, {
      async send(request) {
        if (request.type === 'searchSnapshot') await snapshotHeld;
        return background.send(request);
      },
      firstPageShown: async () => true,
    }));
    const started = controller.start();
    await vi.waitFor(() => expect(container.getState().phase).toBe('partial'));
    expect(container.getState().papers.size).toBe(FIRST_PAGE_SIZE);
    expect(container.getState().listed).toBe(false);
    releaseSnapshot();
    await started;
    expect(container.getState()).toMatchObject({ phase: 'ready', total: 69 });
    controller.stop();
  });
});
