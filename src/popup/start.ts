// The popup page's entry, kept small so that it runs the moment the page is parsed: it begins hearing the
// background's changes, draws the first frame (header and rows, plain DOM: first-frame.ts) from its own copy of
// the newest papers when the copy is labelled with the version in the page's URL (first-frame-copy.ts), at once,
// or else from the newest papers read straight from the database, which it reads in any case, with the search
// snapshot beside them; once that frame is on screen it takes the snapshot and loads the app. The app takes over
// the frame, the reads' answers and the changes heard (main.tsx).
import { extensionApi as browser } from '../shared/extension-api';
import { SITE_NAMES } from '../shared/sites';
import { siteLabel } from '../shared/site-label';
import { firstFrameDataOf, versionOfHash, type FirstFrameData } from '../shared/first-frame-url';
import { FIRST_PAGE_SIZE, readFirstPage } from './first-page';
import { firstFrame } from './first-frame';
import { firstFrameCopy, keepFirstFrameCopy } from './first-frame-copy';
import { FIRST_FRAME_FROM_COPY_MARK, LIST_PAINTED_MARK, afterNextFrame } from './row-layout';
import { DB_NAME } from '../shared/database';
import { readStoredSnapshot } from './stored-snapshot';
// Linked from the page itself, so the styles load while the app's code does (one file: it holds the theme).
import './popup.css';

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

// The database's first page is read in any case: the app starts from it (or from the snapshot), as it always did.
const firstPage = readFirstPage(FIRST_PAGE_SIZE);
/** What the first frame reads of it: drawn when there is no copy to draw, and kept as the next popup's copy. */
const firstPageData = firstPage.then((page) => page && firstFrameDataOf(page));
/**
 * The version of the library the page's URL names: the toolbar button opens the page the background last set,
 * `#v=<id>` once no write is in progress (shared/first-frame-url.ts); null for the plain page.
 */
const version = versionOfHash(location.hash);
/** The popup's copy of the first frame, when it is labelled with that version: read at once, nothing to wait on. */
const carried = firstFrameCopy(localStorage, version);

function draw(data: FirstFrameData | null): HTMLElement | null {
  const frame = data && firstFrame(data, inTab, (id) => siteLabel(id, SITE_NAMES));
  if (frame) document.getElementById('app')!.append(frame);
  return frame;
}
/** The first frame, in the document, or null when there is none (no database yet, no papers). */
const drawn = carried ? Promise.resolve(draw(carried)) : firstPageData.then(draw);
if (carried) performance.mark(FIRST_FRAME_FROM_COPY_MARK);
/**
 * Resolves once the first frame is produced (true; false at once when there is none): the page's thread has
 * done its part of that frame, its style, layout, paint and commit; presenting it is the compositor's.
 */
const firstFramePainted = drawn.then((frame) =>
  frame && new Promise<boolean>((resolve) =>
    afterNextFrame(() => {
      performance.mark(LIST_PAINTED_MARK);
      resolve(true);
    }),
  ),
).then((painted) => painted === true);
/**
 * Resolves once the frame after the first one is produced (at once when there is none): by then the first frame
 * has been rastered and presented. Work begun as soon as the first frame is produced competes with its raster
 * for the machine's cores, and it was presented later; the browser's own report that it was presented (Element
 * Timing) reached the page 15-20 ms after the presentation it dates, in traces of the popup opening, the page's
 * thread idle all the while.
 */
const firstFrameShown = firstFramePainted.then((painted) =>
  painted ? new Promise<void>((resolve) => afterNextFrame(resolve)) : undefined,
);
// The search snapshot is read from now on, beside the first page (the database reads it off the page's thread),
// and taken once the first frame is on screen; the app's code loads then too, so that nothing competes with
// drawing and presenting it.
const snapshot = readStoredSnapshot(DB_NAME, firstFrameShown);
void firstFrameShown.then(() => {
  // The version the URL names is the library as the page opened: a reload after a change must not draw its copy.
  if (location.hash) history.replaceState(history.state, '', location.pathname + location.search);
  // The copy is kept for the next popup opened at this version, once this one's frame is on screen.
  void firstPageData.then(
    (data) => keepFirstFrameCopy(localStorage, version, data, carried !== null),
    () => keepFirstFrameCopy(localStorage, version, null, false),
  );
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
