// The typed way for pages and content scripts to talk to the background:
//   const { paper } = await send({ type: 'save', paper: card });   // throws Error(clear text) on failure
//   const stop = onChange((event) => …);                            // extension pages: every committed change
//   const stop = onTabChange((event) => …);                         // content scripts: what their tab shows
import { extensionApi as browser } from './extension-api';
import {
  parseChangeEvent, parseTabChangeEvent, type ChangeEvent, type Request, type SuccessReply, type TabChangeEvent,
} from './messages';

const NO_ANSWER = 'Paperlight\'s background did not answer. Try again; if it keeps failing, reload the extension.';

/** Sends one request; resolves to its success reply, or throws an Error whose message is the background's. */
export async function send<R extends Request>(request: R): Promise<SuccessReply<R>> {
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage(request);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    if (/context invalidated/i.test(text)) {
      throw new Error('Paperlight was updated or reloaded: reload this page to keep using it.', { cause: error });
    }
    throw new Error(`${NO_ANSWER} (${text})`, { cause: error });
  }
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) throw new Error(NO_ANSWER);
  if (reply.ok !== true) {
    const error = (reply as { error?: unknown }).error;
    throw new Error(typeof error === 'string' ? error : NO_ANSWER);
  }
  return reply as SuccessReply<R>;
}

/**
 * Extension pages: calls `listener` with every change the background broadcasts (whole records); returns a
 * function that unsubscribes.
 */
export function onChange(listener: (event: ChangeEvent) => void): () => void {
  return listen(parseChangeEvent, listener);
}

/** Content scripts: calls `listener` with every change as a tab is told it (`TabPaper`s); returns the unsubscribe. */
export function onTabChange(listener: (event: TabChangeEvent) => void): () => void {
  return listen(parseTabChangeEvent, listener);
}

function listen<E>(parse: (raw: unknown) => E | undefined, listener: (event: E) => void): () => void {
  // Returns nothing: a listener that returned a value (or a promise) would answer other senders' requests
  // in the background's place, since extension pages also receive each other's runtime messages.
  const receive = (raw: unknown): undefined => {
    const event = parse(raw);
    if (event) listener(event);
    return undefined;
  };
  browser.runtime.onMessage.addListener(receive);
  return () => browser.runtime.onMessage.removeListener(receive);
}
