// The popup page's entry, kept tiny so that it runs the moment the page is parsed: it starts what the first frame
// and the first searches need (the newest papers and the search snapshot, read straight from the database) and
// begins hearing the background's changes, then loads the app while the reads are under way. The app takes the
// reads' answers and the changes heard meanwhile (main.tsx).
import { extensionApi as browser } from '../shared/extension-api';
import { FIRST_PAGE_SIZE, readFirstPage } from './first-page';
import { readStoredSnapshot } from './stored-snapshot';
// Linked from the page itself, so the styles load while the app's code does.
import '../ui/theme.css';
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

const firstPage = readFirstPage(FIRST_PAGE_SIZE);
const snapshot = readStoredSnapshot();
void import('./main').then(({ startPopup }) =>
  startPopup({
    firstPage,
    snapshot,
    takeHeard() {
      browser.runtime.onMessage.removeListener(hear);
      return heard.splice(0);
    },
  }),
);
