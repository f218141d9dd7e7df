// How a saved paper's fields read in a row: short author lists, dates, status names, badge overflow.
import type { ReadingStatus } from '../core/paper';

export const STATUS_LABELS: Readonly<Record<ReadingStatus, string>> = {
  'to-read': 'To read',
  reading: 'Reading',
  read: 'Read',
  skip: 'Skip',
};

/** "Ada Lovelace, Alan Turing, Grace Hopper +4 more"; "No authors listed" for none. */
export function authorsLine(authors: readonly string[], shown = 3): string {
  if (authors.length === 0) return 'No authors listed';
  const head = authors.slice(0, shown).join(', ');
  return authors.length > shown ? `${head} +${authors.length - shown} more` : head;
}

const dayFormat = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric' });

/** "12 Mar 2025" in the user's time zone. */
export function savedDay(epochMs: number): string {
  return dayFormat.format(new Date(epochMs));
}

/** The first `max` items and how many more there are. */
export function firstOf<T>(items: readonly T[], max: number): { shown: T[]; more: number } {
  return { shown: items.slice(0, max), more: Math.max(0, items.length - max) };
}

/** A GitHub code link as `owner/repo`; any other link as its host. */
export function codeLinkLabel(url: string): string {
  try {
    const { host, pathname } = new URL(url);
    if (host === 'github.com') return pathname.split('/').filter(Boolean).slice(0, 2).join('/') || host;
    return host;
  } catch {
    return url;
  }
}
