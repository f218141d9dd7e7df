// The popup app: state, controller and browser access wired together, loaded by the page's entry (start.ts)
// with the reads it began. The app is built out of the document while the first page is on its way, and put in
// once it is here, so that the first frame already shows the rows.
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
  firstPage: Promise<FirstPage | null>;
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
    afterFirstPaint: () => firstPaint,
    // The entry's reads answer first; a retry, or a reload after the library was replaced, reads anew.
    firstPage: firstThen(early.firstPage, () => readFirstPage(FIRST_PAGE_SIZE)),
    readSnapshot: firstThen(early.snapshot, () => readStoredSnapshot()),
    pageTab: activePageTab(browser),
  });
  void controller.start();
  addEventListener('pagehide', () => controller.stop());

  // A toolbar popup is never wider than 800 px; wider, or asked for with ?tab, the page fills a tab. (A media
  // query, not innerWidth: reading that would force a layout of the still empty page.)
  const inTab = new URLSearchParams(location.search).has('tab') || matchMedia('(min-width: 801px)').matches;
  document.documentElement.classList.toggle('in-tab', inTab);

  const root = document.getElementById('app')!;
  const rootParent = root.parentNode!;
  const rootNext = root.nextSibling;
  root.remove();
  // Rendered now, while the main thread has nothing else to do; the rows follow in the microtask after the first
  // page's dispatch, by which time the root is back in the document.
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
  const show = () => {
    clearTimeout(shellTimer);
    if (!root.isConnected) rootParent.insertBefore(root, rootNext);
  };
  const shellTimer = setTimeout(show, SHELL_DELAY_MS);
  const stopWaiting = container.subscribe(() => {
    if (container.getState().phase === 'loading') return;
    stopWaiting();
    show();
  });
}
