// The real background message handler on fake-indexeddb, reached the way the popup reaches it: `send` resolves
// to the success reply or throws the background's error text, and `onChange` hears every broadcast. Tests of
// the controller and the popup then run against the store's true behaviour, not a hand-written imitation.
import { createDbOpener } from '../../../src/background/db';
import { createMessageHandler, type Sender } from '../../../src/background/handler';
import type { ChangeEvent, Request, SuccessReply } from '../../../src/shared/messages';
import { FIRST_PAGE_SIZE, readFirstPage, type FirstPage } from '../../../src/popup/first-page';
import { readStoredSnapshot, type StoredSnapshot } from '../../../src/popup/stored-snapshot';

const EXTENSION_ID = 'popup-test-extension';
const BASE_URL = `chrome-extension://${EXTENSION_ID}/`;
let databases = 0;

export interface FakeBackground {
  send<R extends Request>(request: R): Promise<SuccessReply<R>>;
  /** As a content script in a tab on `pageUrl` sends it. */
  sendFromTab<R extends Request>(request: R, pageUrl: string): Promise<SuccessReply<R>>;
  onChange(listener: (event: ChangeEvent) => void): () => void;
  /** Every request sent, in order. */
  requests: Request[];
  /** Every change broadcast, in order. */
  events: ChangeEvent[];
  /** Reads the stored search snapshot from this background's database, as the popup does from the real one. */
  readSnapshot(): Promise<StoredSnapshot | null>;
  /** Reads the first page from this background's database, as the popup does from the real one. */
  readFirstPage(): Promise<FirstPage | null>;
}

export function fakeBackground({ now }: { now?: () => number } = {}): FakeBackground {
  const listeners = new Set<(event: ChangeEvent) => void>();
  const events: ChangeEvent[] = [];
  const requests: Request[] = [];
  const name = `popup-test-${++databases}-${Math.random().toString(36).slice(2)}`;
  const handle = createMessageHandler({
    db: createDbOpener(name),
    extensionId: EXTENSION_ID,
    extensionBaseUrl: BASE_URL,
    appVersion: '0.0.0-test',
    ...(now && { now }),
    broadcast(event) {
      events.push(event);
      // Like runtime messages, the broadcast arrives after the reply, not inside the sender's call.
      setTimeout(() => listeners.forEach((listener) => listener(event)), 0);
    },
  });
  const sendAs = async <R extends Request>(request: R, sender: Sender) => {
    const reply = await handle(structuredClone(request), sender);
    if (!reply.ok) throw new Error(reply.error);
    return structuredClone(reply) as SuccessReply<R>;
  };
  return {
    requests,
    events,
    readSnapshot: () => readStoredSnapshot(name),
    readFirstPage: () => readFirstPage(FIRST_PAGE_SIZE, name),
    async send<R extends Request>(request: R) {
      requests.push(request);
      return sendAs(request, { id: EXTENSION_ID, url: `${BASE_URL}src/popup/index.html` });
    },
    sendFromTab: (request, pageUrl) => sendAs(request, { id: EXTENSION_ID, url: pageUrl, tab: { id: 1 } }),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
