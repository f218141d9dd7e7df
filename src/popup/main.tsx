import { render } from 'preact';
import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import type { PingReply, ErrorReply } from '../shared/messages';

function Popup() {
  const [status, setStatus] = useState('connecting…');
  useEffect(() => {
    void (browser.runtime.sendMessage({ type: 'ping' }) as Promise<PingReply | ErrorReply>).then((reply) =>
      setStatus(reply.ok ? `connected (v${reply.version})` : reply.error),
    );
  }, []);
  return <main><h1>Paperlight</h1><p class="status">{status}</p></main>;
}

render(<Popup />, document.getElementById('app')!);
