// Chrome/Firefox match patterns (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns)
// compiled to regular expressions, so adapterFor() claims exactly the URLs the manifest injects into.

const cache = new Map<string, RegExp>();

export function matchPatternToRegExp(pattern: string): RegExp {
  const cached = cache.get(pattern);
  if (cached) return cached;
  const parsed = /^(\*|https?):\/\/(\*|\*\.[^/*]+|[^/*]+)(\/.*)$/.exec(pattern);
  if (!parsed) throw new Error(`Not a match pattern: ${pattern}`);
  const [, scheme, host, path] = parsed as unknown as [string, string, string, string];
  const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  const schemeRe = scheme === '*' ? 'https?' : scheme;
  const hostRe = host === '*' ? '[^/]+' : host.startsWith('*.') ? `(?:[^/]+\\.)?${escape(host.slice(2))}` : escape(host);
  const pathRe = path.split('*').map(escape).join('.*');
  const re = new RegExp(`^${schemeRe}://${hostRe}${pathRe}$`, 'i');
  cache.set(pattern, re);
  return re;
}

/** True when `url` (without its fragment) matches the pattern. Ports are ignored, as browsers do. */
export function urlMatches(url: string, pattern: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const withoutPort = `${parsed.protocol}//${parsed.hostname}${parsed.pathname}${parsed.search}`;
  return matchPatternToRegExp(pattern).test(withoutPort);
}
