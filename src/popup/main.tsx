// The popup app: state, controller and browser access wired together, loaded by the page's entry (start.ts)
// with the reads it began. The app is rendered, out of the document, once its first rows are here (the first
// page, or the whole snapshot), and put in place of the entry's first frame (the same header and rows) in one
// task, so that the frame after it shows the same rows where they were.
import { render } from 'preact';
import { onChange, send } from '../shared/client';
import { parseChangeEvent } from '../shared/messages';
import { extensionApi as browser } from '../shared/extension-api';
import { SITE_NAMES } from '../shared/sites';
import { downloadText } from '../ui/download';
import { App } from './App';
import { PopupController } from './controller';
import { FIRST_PAGE_SIZE, readFirstPage, type FirstPage } from './first-page';
import { activePageTab } from './page-tab';
import { readStoredSnapshot, type StoredSnapshot } from './stored-snapshot';
import { createStateContainer } from './state';

/** What the entry began before the app loaded. */
export interface EarlyReads {
  /** The page fills a tab rather than the toolbar popup. */
  inTab: boolean;
  firstPage: Promise<FirstPage | null>;
  /** True once the entry's first frame is painted; false when it drew none. */
  firstFramePainted: Promise<boolean>;
  snapshot: Promise<StoredSnapshot | null>;
  /** The runtime messages heard so far, in order; the entry stops hearing them (the app listens from now on). */
  takeHeard(): unknown[];
}

/**
 * How long the app stays out of the document waiting for the first page. Shown at once, the empty frame's style,
 * layout and paint would run just as the answer comes in, hold it up, and the rows would need a frame of their
 * own; a background that is slow to answer (a service worker starting) gets the frame without rows after this.
 */
const SHELL_DELAY_MS = 100;

/** A function giving `first` the first time it is called, then what `then` gives. */
function firstThen<T>(first: T, then: () => T): () => T {
  let pending: { value: T } | null = { value: first };
  return () => {
    const value = pending ? pending.value : then();
    pending = null;
    return value;
  };
}

/** Starts the app with the reads the entry began. */
export function startPopup(early: EarlyReads): void {
  const container = createStateContainer();
  let firstPainted!: () => void;
  const firstPaint = new Promise<void>((resolve) => (firstPainted = resolve));
  const controller = new PopupController(container, {
    send,
    onChange(listener) {
      const stop = onChange(listener);
      // Then what the entry heard before (in the same task: nothing comes in between).
      for (const raw of early.takeHeard()) {
        const event = parseChangeEvent(raw);
        if (event) listener(event);
      }
      return stop;
    },
    download: downloadText,
    async openTab(url) {
      await browser.tabs.create({ url });
    },
    // What waits for the first rows to be on screen waits for the entry's first frame, if it drew one: the
    // app's own render of the same rows, which replaces it, need not be on screen first.
    afterFirstPaint: () => early.firstFramePainted.then((painted) => (painted ? undefined : firstPaint)),
    firstPageShown: () => early.firstFramePainted,
    // The entry's reads answer first; a retry, or a reload after the library was replaced, reads anew.
    firstPage: firstThen(early.firstPage, () => readFirstPage(FIRST_PAGE_SIZE)),
    readSnapshot: firstThen(early.snapshot, () => readStoredSnapshot()),
    pageTab: activePageTab(browser),
  });
  void controller.start();
  addEventListener('pagehide', () => controller.stop());

  const { inTab } = early;
  // The page's #app holds the entry's first frame, if it drew one: the app is built in a root of its own and
  // replaces it. It is rendered only then, with the state that first shows the rows: rendered earlier, it drew
  // its loading state first, a render thrown away that held the snapshot's decoding up by as long.
  const root = document.createElement('div');
  root.id = 'app';
  const renderApp = () =>
    render(
      <App
        container={container}
        controller={controller}
        inTab={inTab}
        siteNames={SITE_NAMES}
        openOptions={() => void browser.runtime.openOptionsPage()}
        openInTab={() => {
          void browser.tabs.create({ url: browser.runtime.getURL('src/popup/index.html?tab') });
          window.close();
        }}
        onFirstPaint={firstPainted}
      />,
      root,
    );
  let shown = false;
  const show = () => {
    clearTimeout(shellTimer);
    if (shown || !document.getElementById('app')) return;
    shown = true;
    // Called from a dispatch: the app renders once it returns, as a render it queued would (in the same task,
    // with no frame in between).
    queueMicrotask(() => {
      const current = document.getElementById('app')!;
      // What was typed in the first frame's search box is searched; its focus moves to the app's box (the
      // browser focuses a page's autofocus field once only).
      const typed = current.querySelector<HTMLInputElement>('input[type=search]');
      const focused = document.activeElement === typed || document.activeElement === document.body;
      if (typed?.value) container.dispatch({ type: 'query', query: typed.value });
      renderApp();
      current.replaceWith(root);
      if (focused) root.querySelector<HTMLInputElement>('input[type=search]')?.focus();
    });
  };
  // Without a first frame (no database to read yet, or an empty library), the app's own frame without rows
  // rather than a blank page, if the background is slow to answer.
  const shellTimer = setTimeout(() => document.getElementById('app')?.childElementCount === 0 && show(), SHELL_DELAY_MS);
  const stopWaiting = container.subscribe(() => {
    if (container.getState().phase === 'loading') return;
    stopWaiting();
    show();
  });
}
