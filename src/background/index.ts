// The background service worker: the only place that touches the database.
import browser from 'webextension-polyfill';
import { PROTOCOL_VERSION, parseRequest, type ErrorReply, type PingReply } from '../shared/messages';

browser.runtime.onMessage.addListener((raw: unknown): Promise<PingReply | ErrorReply> => {
  const parsed = parseRequest(raw);
  if (!parsed.ok) return Promise.resolve({ ok: false, error: parsed.error });
  switch (parsed.request.type) {
    case 'ping':
      return Promise.resolve({
        ok: true,
        version: browser.runtime.getManifest().version,
        protocol: PROTOCOL_VERSION,
      });
  }
});
