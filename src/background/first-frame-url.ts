// Keeps the page the toolbar button opens (`action.setPopup`) right or plain: either the popup's page with the
// default view's first page as committed in its fragment (shared/first-frame-url.ts), or the plain page, never a
// fragment some write has changed since. The popup draws its first rows from the fragment with no storage to wait
// on; from a plain page it reads the database.
//
// - Before a write to the library, the button is set back to the plain page, and the write waits until the browser
//   has done so: if the worker is stopped anywhere after that (between the commit and the rewrite, say), or the
//   browser restarts, the button opens the plain page. This is the only wait a write pays.
// - Once no write is in progress, the first page is read again (a transaction begun after every commit) and the
//   button set to the page carrying it, unless a write began meanwhile: that write set it plain and sets it anew
//   when it ends. The check and the `setPopup` call are in one task, so a later write's call is made after it,
//   and the browser carries out one extension's calls in the order they are made. Neither the write's answer nor
//   its broadcast waits for this: between the commit and the new URL the button opens the plain page.
// A popup opened before a write began drew the library before that write, whose change it then hears, as after
// reading the database (popup/start.ts listens before it reads).
import type { SavedPaper } from '../core/paper';
import { FIRST_PAGE_SIZE, POPUP_PAGE, popupUrlOf } from '../shared/first-frame-url';
import { queryPapers } from './query';
import type { PaperlightDatabase } from './schema';

/** The part of the `action` API the keeper needs (a fake in tests). */
export interface PopupAction {
  setPopup(details: { popup: string }): Promise<void>;
}

export type FirstPageReader = (db: PaperlightDatabase) => Promise<{ items: SavedPaper[]; total: number }>;

/** The default view's first page, as the popup reads it from the database (popup/first-page.ts). */
export const readDefaultFirstPage: FirstPageReader = (db) =>
  queryPapers(db, { type: 'query', sort: 'savedAt', direction: 'desc', limit: FIRST_PAGE_SIZE });

export interface FirstFrameUrlKeeper {
  /**
   * Call before a write's transaction begins, and wait for it: sets the button to the plain page. Returns the
   * write's end, to be called once its transaction has completed or failed, with whether it changed the library
   * (a second call does nothing); then `refresh`.
   */
  beginWrite(): Promise<(changed: boolean) => void>;
  /**
   * Sets the button to the page carrying the first page, when no write is in progress: read anew when a write has
   * changed the library since it was last read, unless a write began while it was read.
   */
  refresh(db: PaperlightDatabase): Promise<void>;
}

const warn = (error: unknown) => console.warn('[Paperlight] the popup\'s first-frame URL:', error);

/** The keeper of the button's page through `action`; nothing is kept without one (a browser without it). */
export function createFirstFrameUrlKeeper(
  action: PopupAction | undefined,
  readFirstPage: FirstPageReader = readDefaultFirstPage,
): FirstFrameUrlKeeper {
  /** Writes begun and not yet ended. */
  let writing = 0;
  /** Writes begun since the worker started: a change tells a refresh that one began while it read. */
  let begun = 0;
  /**
   * True once the browser has set the plain page and nothing has been set since: a write then has nothing to
   * wait for. False at start: the browser keeps what an earlier run of the worker set.
   */
  let plain = false;

  /**
   * The page carrying the library as last read, while no write has changed the library since (a lookup that
   * recorded no venue, a save of what was saved already): set again as it is. Null when it must be read.
   */
  let current: string | null = null;

  async function refresh(db: PaperlightDatabase): Promise<void> {
    if (!action || writing > 0) return;
    let url = current;
    if (url === null) {
      const at = begun;
      const page = await readFirstPage(db).catch((error: unknown) => {
        warn(error);
        return null;
      });
      // A write began while the page was read: it may have changed it, and it sets the page when it ends.
      if (!page || begun !== at || writing > 0) return;
      url = current = popupUrlOf(page);
    }
    plain = false;
    await action.setPopup({ popup: url }).catch(warn);
  }

  return {
    async beginWrite() {
      writing++;
      begun++;
      // Should the browser fail to set it, the write still goes ahead (the user's change matters more).
      if (action && !plain) {
        // No refresh sets a page while a write is in progress, and one that set a page before it was made first.
        await action.setPopup({ popup: POPUP_PAGE }).then(() => void (plain = true), warn);
      }
      let ended = false;
      return (changed) => {
        if (ended) return;
        ended = true;
        writing--;
        if (changed) current = null;
      };
    },
    refresh,
  };
}
