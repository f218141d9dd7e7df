// The broadcast's transport in the extension: runtime messaging to extension pages, tabs messaging to the content
// script of every tab on a matched site (see broadcast.ts for what each audience receives).
import browser from 'webextension-polyfill';
import { createBroadcast } from './broadcast';

/** Where our content script runs: the manifest's sites, plus any registered at run time (opted-in origins). */
async function contentScriptMatches(): Promise<string[]> {
  const declared = (browser.runtime.getManifest().content_scripts ?? []).flatMap((script) => script.matches ?? []);
  // Present only with the "scripting" permission; a failure here must not stop the broadcast.
  const registered = await (async () => browser.scripting?.getRegisteredContentScripts())()
    .then((scripts) => (scripts ?? []).flatMap((script) => script.matches ?? []))
    .catch(() => []);
  return [...new Set([...declared, ...registered])];
}

export const broadcastChange = createBroadcast({
  toPages: (event) => browser.runtime.sendMessage(event),
  async contentTabs() {
    const matches = await contentScriptMatches();
    // Host permissions let us query exactly the tabs on matched sites (no "tabs" permission needed).
    const tabs = matches.length ? await browser.tabs.query({ url: matches }) : [];
    return tabs.flatMap((tab) => (tab.id === undefined ? [] : [tab.id]));
  },
  toTab: (tabId, event) => browser.tabs.sendMessage(tabId, event),
});
