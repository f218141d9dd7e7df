// The popup's warning over a page a site adapter claims where Paperlight recognised no paper once the page had
// settled (the toolbar badge shows "!"): the site's layout may have changed. "Copy diagnostic" puts what a bug
// report needs on the clipboard (see ../diagnostic.ts); nothing is sent anywhere.
import { useState } from 'preact/hooks';
import { extensionApi } from '../../shared/extension-api';
import type { PageReport } from '../../shared/page-report';
import { diagnosticText } from '../diagnostic';

/** This extension's version, as its manifest gives it. */
function extensionVersion(): string {
  try {
    return extensionApi.runtime.getManifest().version;
  } catch {
    return 'unknown';
  }
}

export function SiteHealth({ page, siteName, version = extensionVersion() }: { page: PageReport; siteName: string; version?: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(diagnosticText(page, version));
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <section class="site-health" role="alert" aria-label="Site health">
      <p>
        <strong>Paperlight recognised no papers on this {siteName} page.</strong> The site's layout may
        have changed, so Paperlight no longer finds its paper cards. A diagnostic (the site, Paperlight's version, the
        page's address without its query and what Paperlight looked for) helps fix it; it stays on your computer
        until you paste it somewhere.
      </p>
      <button type="button" class="button quiet" onClick={() => void copy()}>Copy diagnostic</button>
      {copied === 'yes' && <span class="site-health-note" role="status">Copied.</span>}
      {copied === 'failed' && <span class="site-health-note" role="status">The browser did not allow copying.</span>}
    </section>
  );
}
