// Tags as the user types them, and what makes two tags the same tag. Shared by the background (counts, the tag
// index), the popup and the content script's filter strip.

/** A tag as typed, tidied: Unicode-normalised, control characters and runs of white space made one space, trimmed. */
export function cleanTag(text: string): string {
  return text.normalize('NFC').replace(/[\s\p{Cc}]+/gu, ' ').trim();
}

/** What makes two tags the same tag: they differ only in letter case (or spacing). */
export function tagId(text: string): string {
  return cleanTag(text).toLowerCase();
}

/** Clean tags, without empties and without case-insensitive duplicates (the first spelling wins). */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = cleanTag(raw);
    const id = tag.toLowerCase();
    if (tag && !seen.has(id)) {
      seen.add(id);
      out.push(tag);
    }
  }
  return out;
}
