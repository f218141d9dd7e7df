// In-page navigation (history.pushState by SvelteKit/React routers, back/forward, hash changes).
// A content script cannot see the page's own pushState calls (it lives in an isolated world), so it
// listens to the Navigation API where the browser has it, to popstate/hashchange, and compares the
// URL whenever the DOM changes (a client-side route change always re-renders something).

/** The page's identity for re-running: a change of fragment alone (`#community`) is not a new page. */
function pageOf(href: string): string {
  const hash = href.indexOf('#');
  return hash < 0 ? href : href.slice(0, hash);
}

export function watchNavigation(onChange: (url: string) => void, signal: AbortSignal): { check(): void } {
  let current = pageOf(location.href);
  const check = () => {
    const page = pageOf(location.href);
    if (signal.aborted || page === current) return;
    current = page;
    onChange(location.href);
  };
  const options = { signal } as const;
  window.addEventListener('popstate', check, options);
  window.addEventListener('hashchange', check, options);
  const navigation = (window as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('navigatesuccess', check, options);
  return { check };
}
