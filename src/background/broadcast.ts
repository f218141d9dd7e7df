// Tells every open view about a committed change: extension pages through runtime messaging, and the content
// script of every tab on a matched site through tabs messaging. A tab without our content script (opened before
// the extension was installed, or still loading) just does not answer; that is not an error.
import browser from 'webextension-polyfill';
import type { ChangeEvent } from '../shared/messages';

/** Where our content script runs: the manifest's sites, plus any registered at run time (opted-in origins). */
async function contentScriptMatches(): Promise<string[]> {
  const declared = (browser.runtime.getManifest().content_scripts ?? []).flatMap((script) => script.matches ?? []);
  // Present only with the "scripting" permission; a failure here must not stop the broadcast.
  const registered = await (async () => browser.scripting?.getRegisteredContentScripts())()
    .then((scripts) => (scripts ?? []).flatMap((script) => script.matches ?? []))
    .catch(() => []);
  return [...new Set([...declared, ...registered])];
}

const ignore = () => undefined;

/** Each event is sent only after the previous one was, so every view receives changes in commit order. */
let previous: Promise<void> = Promise.resolve();

export function broadcastChange(event: ChangeEvent): void {
  previous = previous.then(() => send(event)).catch(ignore);
}

async function send(event: ChangeEvent): Promise<void> {
  // Rejects when no extension page is open: nobody to tell.
  void browser.runtime.sendMessage(event).catch(ignore);
  const matches = await contentScriptMatches();
  // Host permissions let us query exactly the tabs on matched sites (no "tabs" permission needed).
  const tabs = matches.length ? await browser.tabs.query({ url: matches }).catch(() => []) : [];
  for (const tab of tabs) if (tab.id !== undefined) void browser.tabs.sendMessage(tab.id, event).catch(ignore);
}
