// Times on the options page, in the person's own locale and time zone ("8 Dec 2026, 14:05").

export function localTime(epochMs: number): string {
  return new Date(epochMs).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
