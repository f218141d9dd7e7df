// Small wording helpers shared by the popup and the options page.

const numbers = new Intl.NumberFormat('en');

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
