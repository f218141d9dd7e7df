// Content script entry: connects to the background and mounts Paperlight's page strip.
import browser from 'webextension-polyfill';
import type { PingReply, ErrorReply } from '../shared/messages';

const HOST_ID = 'paperlight-strip';

async function start(): Promise<void> {
  if (document.getElementById(HOST_ID)) return;
  const reply = (await browser.runtime.sendMessage({ type: 'ping' })) as PingReply | ErrorReply;
  const host = document.createElement('div');
  host.id = HOST_ID;
  const shadow = host.attachShadow({ mode: 'open' });
  const label = document.createElement('span');
  label.className = 'paperlight-status';
  label.textContent = reply.ok ? `Paperlight ${reply.version}` : `Paperlight: ${reply.error}`;
  shadow.append(label);
  document.body.append(host);
}

void start();
