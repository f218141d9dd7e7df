// Tells every open view about a committed change, each audience what it may know: extension pages (runtime
// messaging) get the event as it is, whole records and all; the content script of every tab on a matched site
// (tabs messaging) gets only what a tab shows of each paper (`TabPaper`: ids, status, tags), and nothing when
// only the Trash changed. A tab without our content script (opened before the extension was installed, or still
// loading) just does not answer; that is not an error.
import { tabEventOf, type ChangeEvent, type TabChangeEvent } from '../shared/messages';

/** How the broadcast reaches each audience (the browser's messaging in the worker, fakes in tests). */
export interface BroadcastTransport {
  /** To every extension page; rejects when none is open. */
  toPages(event: ChangeEvent): Promise<unknown>;
  /** The ids of the tabs where our content script may run. */
  contentTabs(): Promise<number[]>;
  /** To the content script of one tab; rejects when it has none. */
  toTab(tabId: number, event: TabChangeEvent): Promise<unknown>;
}

const ignore = () => undefined;

/**
 * A broadcast function over `transport`. Each event is sent only after the previous one was, so every view
 * receives changes in commit order.
 */
export function createBroadcast(transport: BroadcastTransport): (event: ChangeEvent) => Promise<void> {
  let previous: Promise<void> = Promise.resolve();
  return (event) => {
    previous = previous.then(() => send(transport, event)).catch(ignore);
    return previous;
  };
}

async function send(transport: BroadcastTransport, event: ChangeEvent): Promise<void> {
  // Nobody to tell when no extension page is open.
  void transport.toPages(event).catch(ignore);
  const forTabs = tabEventOf(event);
  if (!forTabs) return;
  const tabs = await transport.contentTabs().catch((): number[] => []);
  for (const tab of tabs) void transport.toTab(tab, forTabs).catch(ignore);
}
