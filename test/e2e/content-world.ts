// Acting as the content script in a browser test. Code evaluated with `page.evaluate` runs in the page's main
// world, where `chrome.runtime` is not ours; the content script runs in an isolated world that Chromium creates
// for the extension in each matched page. Through the Chrome DevTools Protocol this helper finds that world and
// evaluates code in it, so messages reach the background exactly as the content script's would (with the page
// as `sender.tab` / `sender.url`).
//
//   const world = await openContentWorld(session.context, page);      // after page.goto(<matched URL>)
//   const reply = await world.send({ type: 'save', paper: card });    // chrome.runtime.sendMessage from the page
//   await world.evaluate('document.querySelectorAll("mark").length'); // any expression, awaited, by value
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

export interface ContentWorld {
  /** Evaluates `expression` in the isolated world (promises awaited); returns its value as JSON data. */
  evaluate<T = unknown>(expression: string): Promise<T>;
  /**
   * Sends `message` with `chrome.runtime.sendMessage` from the isolated world and returns the reply. The message
   * travels as JSON text and is parsed there, so keys such as `__proto__` arrive as own keys, as a hostile page
   * script or a compromised content script could send them.
   */
  send<T = unknown>(message: unknown): Promise<T>;
  close(): Promise<void>;
}

interface ExecutionContext {
  id: number;
  name: string;
  auxData?: { type?: string; frameId?: string; isDefault?: boolean };
}

/** Waits (up to `timeout` ms) for the extension's isolated world in the page's top frame. */
export async function openContentWorld(
  context: BrowserContext,
  page: Page,
  { extensionName = 'Paperlight', timeout = 15_000 }: { extensionName?: string; timeout?: number } = {},
): Promise<ContentWorld> {
  const cdp: CDPSession = await context.newCDPSession(page);
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const topFrame = frameTree.frame.id;
  let contextId: number | undefined;
  cdp.on('Runtime.executionContextCreated', ({ context: created }: { context: ExecutionContext }) => {
    if (created.auxData?.type === 'isolated' && created.name === extensionName && created.auxData.frameId === topFrame) {
      contextId = created.id;
    }
  });
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }: { executionContextId: number }) => {
    if (executionContextId === contextId) contextId = undefined;
  });
  cdp.on('Runtime.executionContextsCleared', () => {
    contextId = undefined;
  });
  // Enabling reports every existing context at once; one created later (script injected at idle) arrives as an event.
  await cdp.send('Runtime.enable');
  const deadline = Date.now() + timeout;
  while (contextId === undefined) {
    if (Date.now() > deadline) {
      await cdp.detach();
      throw new Error(`No isolated world named "${extensionName}" in ${page.url()}: is the content script injected there?`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  async function evaluate<T>(expression: string): Promise<T> {
    if (contextId === undefined) throw new Error('The content script world is gone (the page navigated or closed).');
    const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
      expression,
      contextId,
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value?: T }; exceptionDetails?: { text: string; exception?: { description?: string } } };
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  }

  return {
    evaluate,
    send: <T>(message: unknown) =>
      evaluate<T>(`chrome.runtime.sendMessage(JSON.parse(${JSON.stringify(JSON.stringify(message))}))`),
    close: () => cdp.detach(),
  };
}
