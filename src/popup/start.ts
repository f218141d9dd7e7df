// The popup page's entry, kept small so that it runs the moment the page is parsed: it begins hearing the
// background's changes, reads the newest papers straight from the database and draws the first frame (header
// and rows, plain DOM: first-frame.ts) at once, while the search snapshot is read beside it; once that frame is
// on screen it takes the snapshot and loads the app. The app takes over the frame, the reads' answers and the
// changes heard (main.tsx).
import { extensionApi as browser } from '../shared/extension-api';
import { SITE_NAMES } from '../shared/sites';
import { FIRST_PAGE_SIZE, readFirstPage } from './first-page';
import { firstFrame } from './first-frame';
import { FIRST_ROW_TIMING, LIST_PAINTED_MARK, afterNextFrame } from './row-layout';
import { DB_NAME } from '../shared/database';
import { readStoredSnapshot } from './stored-snapshot';
// Linked from the page itself, so the styles load while the app's code does.
import '../ui/theme.css';
import './popup.css';

/** How long after the first frame is drawn the rest begins, where the browser does not say it was presented. */
const PRESENTED_FALLBACK_MS = 50;

/** When the page's entry runs (the bench splits the first paint at this point). */
performance.mark('paperlight:popup-start');

/**
 * Runtime messages received before the app listens, in order. Heard before the reads begin, so that a change
 * committed while they run is never missed: the app applies these on top of whatever the reads bring.
 */
const heard: unknown[] = [];
const hear = (raw: unknown): undefined => {
  heard.push(raw);
  return undefined; // never answers: other pages' requests are the background's to answer
};
browser.runtime.onMessage.addListener(hear);

// A toolbar popup is never wider than 800 px; wider, or asked for with ?tab, the page fills a tab. (A media
// query, not innerWidth: reading that would force a layout of the still empty page.)
const inTab = new URLSearchParams(location.search).has('tab') || matchMedia('(min-width: 801px)').matches;
document.documentElement.classList.toggle('in-tab', inTab);

const firstPage = readFirstPage(FIRST_PAGE_SIZE);
/** The first frame, in the document, or null when there is none (no database yet, no papers). */
const drawn = firstPage.then((page) => {
  const frame = page && firstFrame(page, inTab, (id) => SITE_NAMES.get(id) ?? id);
  if (frame) document.getElementById('app')!.append(frame);
  return frame;
});
/** Resolves once the first frame is painted: true, or false when there is none. */
const firstFramePainted = drawn.then((frame) =>
  frame && new Promise<boolean>((resolve) =>
    afterNextFrame(() => {
      performance.mark(LIST_PAINTED_MARK);
      resolve(true);
    }),
  ),
).then((painted) => painted === true);
/**
 * Resolves once the first frame is on screen: when the browser reports its first row painted (Element Timing,
 * the moment the frame was presented), or `PRESENTED_FALLBACK_MS` after it was drawn where that never comes.
 */
const firstFrameShown = drawn.then((frame) =>
  frame && new Promise<void>((resolve) => {
    const observer = new PerformanceObserver((list) => {
      if (list.getEntries().some((entry) => (entry as PerformanceEntry & { identifier?: string }).identifier === FIRST_ROW_TIMING)) done();
    });
    const done = () => {
      observer.disconnect();
      clearTimeout(fallback);
      resolve();
    };
    const fallback = setTimeout(done, PRESENTED_FALLBACK_MS);
    try {
      observer.observe({ type: 'element', buffered: true });
    } catch {
      // No Element Timing (Firefox): the fallback alone.
    }
  }),
);
// The search snapshot is read from now on, beside the first page (the database reads it off the page's thread),
// and taken once the first rows are on screen; the app's code loads then too, so that nothing competes with
// drawing and presenting them.
const snapshot = readStoredSnapshot(DB_NAME, firstFrameShown);
void firstFrameShown.then(() => {
  void import('./main').then(({ startPopup }) =>
    startPopup({
      inTab,
      firstPage,
      firstFramePainted,
      snapshot,
      takeHeard() {
        browser.runtime.onMessage.removeListener(hear);
        return heard.splice(0);
      },
    }),
  );
});
