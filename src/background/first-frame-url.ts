// Keeps the page the toolbar button opens (`action.setPopup`) right or plain: either the popup's page naming, in
// its fragment, the version of the library as committed (`#v=<id>`, shared/first-frame-url.ts), or the plain page,
// never a version some write has changed since. The popup draws its first rows from its own copy labelled with
// that version (popup/first-frame-copy.ts, which says why such a copy is the library as committed); from a plain
// page, or with no copy so labelled, it reads the database.
//
// - Before a write to the library, the button is set back to the plain page, and the write waits until the browser
//   has done so: if the worker is stopped anywhere after that (between the commit and the rewrite, say), or the
//   browser restarts, the button opens the plain page. This is the only wait a write pays.
// - Once no write is in progress, the button is set to the page naming the library's version: a new id when a
//   write has changed the library since the last was made (ids never repeat), else the last one again. Nothing is
//   read: the id stands for whatever the writes committed. The check and the `setPopup` call are in one task, so a
//   later write's call is made after it, and the browser carries out one extension's calls in the order they are
//   made. Neither the write's answer nor its broadcast waits for this: until then the button opens the plain page.
import { POPUP_PAGE, newVersion, popupUrlOf } from '../shared/first-frame-url';

/** The part of the `action` API the keeper needs (a fake in tests). */
export interface PopupAction {
  setPopup(details: { popup: string }): Promise<void>;
}

export interface FirstFrameUrlKeeper {
  /**
   * Call before a write's transaction begins, and wait for it: sets the button to the plain page. Returns the
   * write's end, to be called once its transaction has completed or failed, with whether it changed the library
   * (a second call does nothing); then `refresh`.
   */
  beginWrite(): Promise<(changed: boolean) => void>;
  /**
   * Sets the button to the page naming the library's version, when no write is in progress: a new version when a
   * write has changed the library since the last was made.
   */
  refresh(): Promise<void>;
}

const warn = (error: unknown) => console.warn('[Paperlight] the popup\'s version URL:', error);

/** The keeper of the button's page through `action`; nothing is kept without one (a browser without it). */
export function createFirstFrameUrlKeeper(action: PopupAction | undefined, makeVersion: () => string = () => newVersion()): FirstFrameUrlKeeper {
  /** Writes begun and not yet ended. */
  let writing = 0;
  /**
   * True once the browser has set the plain page and nothing has been set since: a write then has nothing to
   * wait for. False at start: the browser keeps what an earlier run of the worker set.
   */
  let plain = false;
  /**
   * The page naming the library's version, while no write has changed the library since it was made (a lookup
   * that recorded no venue, a save of what was saved already): set again as it is. Null when a new one is due.
   */
  let current: string | null = null;

  return {
    async beginWrite() {
      writing++;
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
    async refresh() {
      if (!action || writing > 0) return;
      current ??= popupUrlOf(makeVersion());
      plain = false;
      await action.setPopup({ popup: current }).catch(warn);
    },
  };
}
