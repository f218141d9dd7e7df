// The typed way for pages and content scripts to talk to the background:
//   const { paper } = await send({ type: 'save', paper: card });   // throws Error(clear text) on failure
//   sendTogether(a); sendTogether(b);                              // one runtime message for both (a batch)
//   const stop = onChange((event) => …);                            // extension pages: every committed change
//   const stop = onTabChange((event) => …);                         // content scripts: what their tab shows
import { extensionApi as browser } from './extension-api';
import {
  BATCH_TYPE, MAX_BATCH_REQUESTS, parseChangeEvent, parseTabChangeEvent, type ChangeEvent, type Request, type SuccessReply,
  type TabChangeEvent,
} from './messages';

const NO_ANSWER = 'Paperlight\'s background did not answer. Try again; if it keeps failing, reload the extension.';

/** Sends one request; resolves to its success reply, or throws an Error whose message is the background's. */
export async function send<R extends Request>(request: R): Promise<SuccessReply<R>> {
  return successOf(await deliver(request)) as SuccessReply<R>;
}

/** The runtime message's answer, or an Error that says why there is none. */
async function deliver(message: object): Promise<unknown> {
  try {
    return await browser.runtime.sendMessage(message);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    if (/context invalidated/i.test(text)) {
      throw new Error('Paperlight was updated or reloaded: reload this page to keep using it.', { cause: error });
    }
    throw new Error(`${NO_ANSWER} (${text})`, { cause: error });
  }
}

function successOf(reply: unknown): object {
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) throw new Error(NO_ANSWER);
  if (reply.ok !== true) {
    const error = (reply as { error?: unknown }).error;
    throw new Error(typeof error === 'string' ? error : NO_ANSWER);
  }
  return reply;
}

interface Waiting { request: Request; resolve(reply: object): void; reject(error: unknown): void }
let together: Waiting[] = [];

/**
 * Like `send`, but the requests made in the same task travel together in one `batch` message, sent once the
 * task's synchronous work is done: each runtime message costs the page's main thread a fixed price, paid once
 * instead of once per request. Each still gets its own answer or its own error.
 */
export function sendTogether<R extends Request>(request: R): Promise<SuccessReply<R>> {
  return new Promise<object>((resolve, reject) => {
    if (together.length === 0) queueMicrotask(sendWaiting);
    together.push({ request, resolve, reject });
  }) as Promise<SuccessReply<R>>;
}

/**
 * Sends what `sendTogether` holds now, rather than once the task's synchronous work is done: a content script's
 * slice ends with it, so that the cost of the message is counted in the slice that made it.
 */
export function sendWaiting(): void {
  if (together.length === 0) return;
  const waiting = together;
  together = [];
  for (let i = 0; i < waiting.length; i += MAX_BATCH_REQUESTS) void sendBatch(waiting.slice(i, i + MAX_BATCH_REQUESTS));
}

async function sendBatch(waiting: readonly Waiting[]): Promise<void> {
  if (waiting.length === 1) {
    const [only] = waiting;
    await send(only!.request).then(only!.resolve, only!.reject);
    return;
  }
  let replies: unknown[];
  try {
    const reply = successOf(await deliver({ type: BATCH_TYPE, requests: waiting.map((w) => w.request) }));
    replies = (reply as { replies?: unknown }).replies as unknown[];
    if (!Array.isArray(replies) || replies.length !== waiting.length) throw new Error(NO_ANSWER);
  } catch (error) {
    for (const w of waiting) w.reject(error);
    return;
  }
  waiting.forEach((w, i) => {
    try {
      w.resolve(successOf(replies[i]));
    } catch (error) {
      w.reject(error);
    }
  });
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
