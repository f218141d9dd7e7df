// Reading what a person types as "a site to run on" and showing where each built-in adapter runs. Pure.

/** The settings' own pattern for a stored origin (see shared/settings.ts): scheme, host, optional port. */
const STORED_ORIGIN = /^https?:\/\/[a-z0-9.-]+(?::\d+)?$/;

export type OriginResult = { ok: true; origin: string } | { ok: false; error: string };

/**
 * The origin of what was typed: `lab.example.org`, `https://lab.example.org/papers?x=1` and
 * `HTTPS://Lab.Example.org:8443/` give `https://lab.example.org` (with its port). Only http and https.
 */
export function parseOrigin(input: string): OriginResult {
  const text = input.trim();
  if (!text) return { ok: false, error: 'Type the address of a site, such as https://lab.example.org.' };
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, error: `“${text}” is not a web address.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, error: 'Only web pages (http or https) can be read.' };
  }
  if (url.username || url.password) return { ok: false, error: 'Leave the user name and password out of the address.' };
  const origin = url.origin.toLowerCase();
  if (!STORED_ORIGIN.test(origin)) return { ok: false, error: `“${url.hostname}” cannot be used as a site (letters, digits, dots and hyphens only).` };
  return { ok: true, origin };
}

/** The match pattern that grants access to every page of an origin. */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}

/** The hosts an adapter's match patterns cover, for a short hint: `arxiv.org`, `*.alphaxiv.org`. */
export function hostsOf(matches: readonly string[]): string[] {
  const hosts = matches.map((pattern) => /^[a-z*]+:\/\/([^/]+)/.exec(pattern)?.[1]).filter((host): host is string => !!host);
  return [...new Set(hosts)];
}

/** "scholar.google.com and 15 more" for long host lists. */
export function hostsHint(matches: readonly string[], shown = 2): string {
  const hosts = hostsOf(matches);
  if (hosts.length <= shown) return hosts.join(', ');
  return `${hosts.slice(0, shown).join(', ')} and ${hosts.length - shown} more`;
}
