// The extension API for code that runs in content scripts (and the pages that share its modules),
// without webextension-polyfill: Firefox has the promise-based `browser` natively, and Chrome's
// MV3 `chrome` returns promises for all that this code uses (runtime.sendMessage,
// storage.local.get/set, event listeners that never answer). The polyfill would add ~3 KB gzipped
// to every page's content script; the background keeps it, for listeners that answer with promises.
import type Browser from 'webextension-polyfill';

type Api = typeof Browser;

const scope = globalThis as { browser?: Api; chrome?: Api };

/** `browser` in Firefox, `chrome` in Chromium; undefined outside an extension (unit tests mock it). */
export const extensionApi: Api = (scope.browser ?? scope.chrome) as Api;
