// Metadata a page carries in its <head>: the `citation_*` tags (Highwire Press names, which Google Scholar
// asks publishers for and arXiv, OpenReview and others print on paper pages) and Open Graph tags.
import { isoDate } from './read';
import { normalizeSpace } from './text';

/** The `<meta name="…">` (or Open Graph `property="…"`) content, trimmed; undefined when absent or empty. */
export function meta(doc: Document, name: string): string | undefined {
  const content = doc.querySelector(`meta[name="${name}"], meta[property="${name}"]`)?.getAttribute('content')?.trim();
  return content || undefined;
}

/** Every `<meta name="…">` content in page order (`citation_author` comes once per author), empty ones left out. */
export function metaAll(doc: Document, name: string): string[] {
  return [...doc.querySelectorAll(`meta[name="${name}"]`)].flatMap((tag) => normalizeSpace(tag.getAttribute('content') ?? '') || []);
}

/** A `citation_*` date ("2021/08/23", or ISO "2021-08-23") as ISO `YYYY-MM-DD`; undefined for a partial date. */
export function isoFromMeta(value: string | undefined): string | undefined {
  return value ? isoDate(value.replace(/\//g, '-')) : undefined;
}
