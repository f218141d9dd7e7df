// The content script's life on a page: picks the adapter for this page (or the generic fallback
// where the user enabled it), runs a Session, and re-runs it on in-page navigation and on settings
// changes. Each built content script calls startPaperlight with only the adapters it carries (one
// per site, see vite.config.ts), so a page loads only its own site's code.
import { urlMatches } from '../sites/match-pattern';
import type { SiteAdapter } from '../sites/types';
import { extensionApi as browser } from '../shared/extension-api';
import { loadSettings, onSettingsChange, siteEnabled, type Settings } from '../shared/settings';
import { HighlightLayer } from './highlights';
import { insertedLinks } from './card-annotation';
import { watchNavigation } from './navigation';
import { observeMutations } from './observer';
import { PageStyle } from './page-style';
import { Session } from './session';

function chooseAdapter(adapters: readonly SiteAdapter[], url: string, settings: Settings): SiteAdapter | undefined {
  const claimed = adapters.find((adapter) => adapter.matches.some((pattern) => urlMatches(url, pattern)));
  if (claimed) return siteEnabled(settings, claimed.id) ? claimed : undefined;
  // The generic fallback claims no URL: it runs where the user enabled it.
  const origin = new URL(url).origin;
  return settings.genericOrigins.includes(origin) ? adapters.find((a) => a.id === 'generic') : undefined;
}

export async function startPaperlight(adapters: readonly SiteAdapter[]): Promise<void> {
  // A PDF or a .bib under an address a site's adapter claims (ACL's /2023.acl-long.1.pdf, CVF's /content/…pdf)
  // opens in the browser's viewer: no listing, and "no cards" there would show the layout-change warning.
  if (!document.contentType.includes('html')) return;
  // A second injection (extension reload, a programmatic inject on a generic site) must not double up.
  const flag = Symbol.for('paperlight.running');
  const scope = globalThis as Record<symbol, unknown>;
  if (scope[flag]) return;
  scope[flag] = true;

  let settings = await loadSettings();
  const highlights = new HighlightLayer(settings.highlight);
  const pageStyle = new PageStyle();
  let session: Session | null = null;
  let styleInstalled = false;

  const restart = () => {
    const previous = session;
    session?.stop();
    session = null;
    const adapter = chooseAdapter(adapters, location.href, settings);
    if (!adapter) {
      // The page moved in place to an address no adapter reads (a router's pushState), or its site was switched
      // off: the browser keeps the tab's badge, which still counted the page before.
      if (previous) browser.runtime.sendMessage({ type: 'pageStatus', cards: 0, health: 'empty' }).catch(() => undefined);
      return;
    }
    if (!styleInstalled) {
      pageStyle.install();
      styleInstalled = true;
    }
    session = new Session({ adapter, settings, highlights, pageStyle });
    session.start();
  };

  const lifetime = new AbortController();
  const navigation = watchNavigation(restart, lifetime.signal);
  // The one observer of the page: each frame's batch first checks for a client-side route change
  // (routers always re-render something), then goes to the running session.
  observeMutations({
    root: document,
    isCard: (element) => session?.run.watches(element) ?? false,
    ignore: (node) => insertedLinks.has(node),
    signal: lifetime.signal,
    onBatch: (batch) => {
      navigation.check();
      session?.handleBatch(batch);
    },
  });

  onSettingsChange((next) => {
    const before = settings;
    settings = next;
    const sameSites = JSON.stringify([before.sites, before.genericOrigins, before.debug]) ===
      JSON.stringify([next.sites, next.genericOrigins, next.debug]);
    if (session && sameSites) session.updateSettings(next);
    else restart();
  });

  restart();
}

