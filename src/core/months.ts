// The months by their three-letter English names: BibTeX's month macros (`month = jan`), and how RIS dates, site
// pages and hand-kept files abbreviate them. One list for every reader and writer of dates.

export const MONTH_ABBREVIATIONS: readonly string[] = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The month (1–12) a three-letter name names, in any letter case; 0 for anything else. */
export function monthOfAbbreviation(name: string): number {
  return MONTH_ABBREVIATIONS.indexOf(name.toLowerCase()) + 1;
}
