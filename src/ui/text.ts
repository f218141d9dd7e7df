// Small wording helpers shared by the popup and the options page.

// One formatter for every number shown: in Chromium, `n.toLocaleString('en')` builds its formatter again on each
// call (8-19 µs a call, measured in the browser, where node caches it), the shared one formats in 0.4-2 µs, with the
// same text (checked from 0 to 100,000 and on negatives and fractions).
const numbers = new Intl.NumberFormat('en');

/** "10,000". */
export function formatNumber(n: number): string {
  return numbers.format(n);
}

/** "1 paper", "10,000 papers". */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${numbers.format(n)} ${n === 1 ? noun : plural}`;
}

/** A title cut to `max` characters for messages ("Deleted “A very long…”"). */
export function shortTitle(title: string, max = 60): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

/** The error's own message: the background's texts are written for the user. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
