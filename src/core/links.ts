// Code links in an abstract: every GitHub repository as its canonical https://github.com/<owner>/<repo>,
// and the other code / model / project links (GitLab, Gitee, Bitbucket, Hugging Face and its mirrors,
// github.io pages, project sites) cleaned of the ways real abstracts mangle them: trailing `.` `,` `)` `]`,
// a trailing `.git`, glued `{here}` or `{https://…}` duplicates, LaTeX `\_`, a missing scheme.
// A bare mention ("our code is on GitHub") gives nothing. The seed abstracts' expected links are written
// out in test/unit/links/seeds.test.ts.
// Pure and linear: a cheap anchor scan (scheme, `www.` or a known code host), then one forward scan
// of URL characters from each anchor; every character is read a bounded number of times.

export type CodeLinkKind = 'github' | 'gitlab' | 'gitee' | 'bitbucket' | 'huggingface' | 'project';

/**
 * Where a code link was found: a link in the card (a "Code" button, PMLR's "Software"), text in the abstract, a
 * data field of the site (the repository Hugging Face lists for a paper), or arXiv's comments field.
 */
export type CodeLinkSource = 'card-link' | 'abstract' | 'site-data' | 'comments';
export const CODE_LINK_SOURCES: readonly CodeLinkSource[] = ['card-link', 'abstract', 'site-data', 'comments'];

/** Where a link was found, in words ("found in the abstract"), for hovers. */
export const CODE_LINK_SOURCE_TEXT: Readonly<Record<CodeLinkSource, string>> = {
  'card-link': 'a link on the card',
  abstract: 'the abstract',
  'site-data': "the site's data for the paper",
  comments: "arXiv's comments field",
};

/** A link the page gives as code, with where it came from. */
export interface SourcedHref {
  url: string;
  source: CodeLinkSource;
}

export interface CodeLink {
  /**
   * GitHub: `https://github.com/<owner>/<repo>`. Other kinds: the link as written, without trailing
   * punctuation or glued garbage, with `https://` added when the text had no scheme.
   */
  url: string;
  kind: CodeLinkKind;
  /** Offsets of the clean link text in `text` (end exclusive); -1 for links that came only from `hrefs`. */
  start: number;
  end: number;
  /** GitHub only: what followed the repository (`/tree/main/x`, `/blob/…`, `#readme`), when anything did. */
  path?: string;
  /** Where it was found: `abstract` for links in `text`, the href's own source (or `hrefSource`) for the others. */
  source?: CodeLinkSource;
}

/** Badge order: GitHub first. */
const KIND_ORDER: readonly CodeLinkKind[] = ['github', 'gitlab', 'gitee', 'bitbucket', 'huggingface', 'project'];

/**
 * Where a link can start: a scheme, `www.`, or a code host written without a scheme. Literal
 * alternatives only, so the scan costs the same at every position.
 */
const ANCHOR = /https?:\/\/|www\.|github\.com\/|gitlab\.com\/|gitee\.com\/|bitbucket\.org\/|huggingface\.co\/|hf\.co\/|\.github\.io/gi;

/** Characters a URL in running text is made of; `{`, `}`, `<`, `>`, `"`, `|`, `^`, `` ` ``, spaces and non-ASCII end it. */
const URL_CHAR = /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/;
/** Host-name characters, for extending a scheme-less anchor backwards (`user.github.io`). */
const HOST_CHAR = /[A-Za-z0-9.-]/;
/** Longest host label a backward extension may cover. */
const MAX_LABEL = 63;
/** Punctuation that ends sentences rather than URLs. */
const TRAILING_PUNCTUATION = /[.,;:!?'"*]/;

/** github.com/<name> pages that are the site's own, not a user or organisation. */
const GITHUB_RESERVED = new Set([
  'about', 'apps', 'blog', 'codespaces', 'collections', 'contact', 'customer-stories', 'enterprise', 'events',
  'explore', 'features', 'issues', 'join', 'login', 'logout', 'marketplace', 'new', 'notifications', 'orgs',
  'organizations', 'pricing', 'pulls', 'readme', 'search', 'security', 'settings', 'site', 'sponsors', 'team',
  'topics', 'trending', 'users', 'watching', 'stars', 'dashboard', 'account', 'nonprofit', 'education', 'resources',
  'solutions', 'signup', 'home', 'premium-support', 'mobile', 'copilot',
]);
/** A GitHub user or organisation name: letters, digits, single hyphens, at most 39 characters. */
const GITHUB_OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const GITHUB_REPO = /^[A-Za-z0-9._-]{1,100}$/;

/** Hosts whose links are papers, not code: never reported. */
const PAPER_HOSTS = /(?:^|\.)(?:arxiv\.org|doi\.org|openreview\.net|aclanthology\.org|semanticscholar\.org|scholar\.google\.com|ar5iv\.org|alphaxiv\.org)$/;

interface Candidate {
  /** Offsets of the clean link text. */
  start: number;
  end: number;
  /** The clean link text with `\_` unescaped. */
  text: string;
}

/** The link text from `start`, its clean end, and where scanning may resume. */
function readCandidate(text: string, start: number): { candidate: Candidate | null; resume: number } {
  let end = start;
  while (end < text.length) {
    const ch = text[end];
    if (URL_CHAR.test(ch)) end++;
    else if (ch === '\\' && text[end + 1] === '_') end += 2; // LaTeX-escaped underscore
    else break;
  }
  const resume = Math.max(end, start + 1);
  end = trimEnd(text, start, end);
  if (end <= start) return { candidate: null, resume };
  return { candidate: { start, end, text: text.slice(start, end).replace(/\\_/g, '_') }, resume };
}

/** Drops trailing sentence punctuation and closing brackets the link did not open. */
function trimEnd(text: string, start: number, end: number): number {
  let open = 0;
  let close = 0;
  let openSquare = 0;
  let closeSquare = 0;
  for (let i = start; i < end; i++) {
    const ch = text[i];
    if (ch === '(') open++;
    else if (ch === ')') close++;
    else if (ch === '[') openSquare++;
    else if (ch === ']') closeSquare++;
  }
  while (end > start) {
    const ch = text[end - 1];
    if (ch === ')' && close > open) close--;
    else if (ch === ']' && closeSquare > openSquare) closeSquare--;
    else if (!TRAILING_PUNCTUATION.test(ch)) break;
    end--;
  }
  return end;
}

/** Start of a scheme-less host that ends at `anchor` (`user` of `user.github.io`), or -1. */
function hostStart(text: string, anchor: number, floor: number): number {
  let i = anchor;
  const limit = Math.max(floor, anchor - MAX_LABEL);
  while (i > limit && HOST_CHAR.test(text[i - 1])) i--;
  if (i > floor && (text[i - 1] === '@' || text[i - 1] === '/' || HOST_CHAR.test(text[i - 1]))) return -1; // email, path or too long
  return i;
}

interface Classified {
  kind: CodeLinkKind;
  url: string;
  /** De-duplication key: the canonical form. */
  canonical: string;
  path?: string;
}

/** Splits `scheme://host/rest` (scheme optional); host lower-cased. */
function splitLink(link: string): { host: string; rest: string; url: string } | null {
  const m = /^(?:(https?):\/\/)?([^/?#]+)(.*)$/i.exec(link);
  if (!m) return null;
  const host = m[2].toLowerCase().replace(/:\d+$/, '');
  if (!/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/.test(host)) return null;
  if (!/\.[a-z][a-z0-9-]*$/.test(host)) return null; // an IP or a version number, not a site
  const url = m[1] ? link : `https://${link}`;
  return { host, rest: m[3], url };
}

/** A GitHub repository link, a non-repository GitHub page (`project`), or null for the site's own pages. */
function classifyGitHub(rest: string, url: string): Classified | null {
  const m = /^\/([^/?#]+)(?:\/([^/?#]+))?(.*)$/.exec(rest);
  if (!m) return null;
  const [, owner, repoRaw, after] = m;
  if (!GITHUB_OWNER.test(owner) || GITHUB_RESERVED.has(owner.toLowerCase())) return null;
  const repo = repoRaw?.replace(/\.git$/i, '').replace(/\.+$/, '');
  if (!repo || !GITHUB_REPO.test(repo) || repo === '.' || repo === '..') {
    return { kind: 'project', url, canonical: `https://github.com/${owner.toLowerCase()}` };
  }
  const canonical = `https://github.com/${owner}/${repo}`;
  const path = after.replace(/^\/+$/, '');
  return path ? { kind: 'github', url: canonical, canonical: canonical.toLowerCase(), path } : { kind: 'github', url: canonical, canonical: canonical.toLowerCase() };
}

function isHuggingFaceHost(host: string): boolean {
  return host === 'huggingface.co' || host === 'hf.co' || host === 'hf-mirror.com' || /^(?:hf|huggingface)[.-]/.test(host);
}

/** The kind and canonical form of one cleaned link, or null when it is not a code/project link. */
function classify(link: string): Classified | null {
  const parts = splitLink(link);
  if (!parts) return null;
  const host = parts.host.replace(/^www\./, '');
  const rest = parts.rest;
  if (PAPER_HOSTS.test(host)) return null;
  if (host === 'github.com') return classifyGitHub(rest, parts.url);
  const hasPath = /^\/[^/?#]/.test(rest);
  const canonical = `https://${parts.host}${rest}`.replace(/\/+$/, '').replace(/\.git$/i, '');
  const simple = (kind: CodeLinkKind): Classified => ({ kind, url: parts.url, canonical: canonical.toLowerCase() });
  if (host === 'gitlab.com') return hasPath ? simple('gitlab') : null;
  if (host === 'gitee.com') return hasPath ? simple('gitee') : null;
  if (host === 'bitbucket.org') return hasPath ? simple('bitbucket') : null;
  if (isHuggingFaceHost(host)) {
    if (!hasPath || /^\/papers(?:[/?#]|$)/.test(rest)) return null; // a paper page, not a model
    return simple('huggingface');
  }
  if (host.endsWith('.github.io')) return simple('project');
  // Other sites count only when written as links (scheme or www.), e.g. aka.ms/…, a lab's project page.
  if (parts.url === link || parts.host.startsWith('www.')) return simple('project');
  return null;
}

/** The links of `text` in order of appearance, before de-duplication. */
function scan(text: string): Array<Classified & { start: number; end: number }> {
  const found: Array<Classified & { start: number; end: number }> = [];
  const anchors = new RegExp(ANCHOR.source, ANCHOR.flags);
  let consumed = 0;
  let m: RegExpExecArray | null;
  while ((m = anchors.exec(text)) !== null) {
    const anchor = m.index;
    const token = m[0].toLowerCase();
    // A scheme or `www.` starts a link even when glued to a word (`at~https://`, `{https://`);
    // a bare code host starts at its host name, found by looking back (`user.github.io`).
    const schemeless = !token.startsWith('http') && token !== 'www.';
    const start = schemeless ? hostStart(text, anchor, consumed) : anchor;
    if (start < 0 || (token === '.github.io' && start === anchor)) {
      anchors.lastIndex = anchor + m[0].length;
      continue;
    }
    const { candidate, resume } = readCandidate(text, start);
    consumed = resume;
    anchors.lastIndex = resume;
    if (!candidate) continue;
    let cleanEnd = candidate.end;
    let linkText = candidate.text;
    // `.git` closes a clone URL; keep it out of the visible range as well
    if (/\.git$/i.test(linkText) && /github\.com\/|gitlab\.com\/|gitee\.com\/|bitbucket\.org\//i.test(linkText)) {
      cleanEnd -= 4;
      linkText = linkText.slice(0, -4);
    }
    const classified = classify(linkText);
    if (classified) found.push({ ...classified, start: candidate.start, end: cleanEnd });
  }
  return found;
}

function toCodeLink(c: Classified, start: number, end: number, source: CodeLinkSource | undefined): CodeLink {
  const link: CodeLink = c.path === undefined ? { url: c.url, kind: c.kind, start, end } : { url: c.url, kind: c.kind, start, end, path: c.path };
  if (source !== undefined) link.source = source;
  return link;
}

/**
 * Code links of an abstract, de-duplicated by canonical URL, in order of appearance (source `abstract`); then the
 * links of `hrefs` (links the page itself labels as code: a card's GitHub button, PMLR's "Software" link, a
 * repository in the site's data) not already found in the text, with `start`/`end` -1. An href given as a plain
 * string has the source `hrefSource` (none when not given); one given with its source keeps it.
 */
export function extractCodeLinks(text: string, hrefs?: ReadonlyArray<string | SourcedHref>, hrefSource?: CodeLinkSource): CodeLink[] {
  const links: CodeLink[] = [];
  const seen = new Set<string>();
  if (typeof text === 'string') {
    for (const found of scan(text)) {
      if (seen.has(found.canonical)) continue;
      seen.add(found.canonical);
      links.push(toCodeLink(found, found.start, found.end, 'abstract'));
    }
  }
  for (const href of hrefs ?? []) {
    const url = typeof href === 'string' ? href : href?.url;
    if (typeof url !== 'string') continue;
    const found = scan(url.trim())[0];
    if (!found || found.start !== 0 || seen.has(found.canonical)) continue;
    seen.add(found.canonical);
    links.push(toCodeLink(found, -1, -1, typeof href === 'string' ? hrefSource : href.source));
  }
  return links;
}

/**
 * `https://github.com/<owner>/<repo>` for a link to a GitHub repository (or anything inside it:
 * tree, blob, issues, a clone URL, a mangled copy from an abstract); null for anything else,
 * including user and organisation pages and GitHub's own pages.
 */
export function canonicalGitHubRepo(url: string): string | null {
  if (typeof url !== 'string') return null;
  const found = scan(url.trim())[0];
  return found && found.start === 0 && found.kind === 'github' ? found.url : null;
}

/** Code badges order: GitHub first, then GitLab, Gitee, Bitbucket, Hugging Face, project pages; stable within a kind. */
export function sortCodeLinks(links: readonly CodeLink[]): CodeLink[] {
  return links
    .map((link, index) => ({ link, index }))
    .sort((a, b) => KIND_ORDER.indexOf(a.link.kind) - KIND_ORDER.indexOf(b.link.kind) || a.index - b.index)
    .map(({ link }) => link);
}
