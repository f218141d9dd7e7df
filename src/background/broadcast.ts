// Tells every open view about a committed change: extension pages through runtime messaging, and the content
// script of every tab on a matched site through tabs messaging. A tab without our content script (opened before
// the extension was installed, or still loading) just does not answer; that is not an error.
import browser from 'webextension-polyfill';
import type { ChangeEvent } from '../shared/messages';

function contentScriptMatches(): string[] {
  const scripts = browser.runtime.getManifest().content_scripts ?? [];
  return [...new Set(scripts.flatMap((script) => script.matches ?? []))];
}

export function broadcastChange(event: ChangeEvent): void {
  void deliver(event);
}

async function deliver(event: ChangeEvent): Promise<void> {
  const ignore = () => undefined;
  // Rejects when no extension page is open: nobody to tell.
  const toPages = browser.runtime.sendMessage(event).catch(ignore);
  const matches = contentScriptMatches();
  // Host permissions let us query exactly the tabs on matched sites (no "tabs" permission needed).
  const tabs = matches.length ? await browser.tabs.query({ url: matches }).catch(() => []) : [];
  await Promise.all([
    toPages,
    ...tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, event).catch(ignore))),
  ]);
}
