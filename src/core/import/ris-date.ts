// The published date of an RIS record. Writers put it in different tags and shapes: Zotero `PY  - 2017` with
// `DA  - 2017/06/12/`; EndNote the full date in `PY  - 2017/05/12/` and the year alone in `DA  - 2017///`, or a
// free-text `DA  - Jun 12` beside `PY  - 2019`; old RIS `Y1  - 2015/05/28/` (with other information after the third
// slash, `2019///Spring`); Mendeley `DA  - 2020-03-04`; Web of Science `DA  - AUG 26 2021`. The fullest of `DA`,
// `PY` and `Y1` wins. `Y2` is never read: Zotero and the RIS specification use it for the access date.
import { monthOfAbbreviation } from '../months';

export interface RisDateParts {
  year?: number;
  month?: number;
  day?: number;
}

/** `2017/05/12/`, `2017///`, `2017/05//`, `2020-03-04`, `2017`. */
const NUMERIC = /^(\d{4})(?:[/-](\d{1,2})?(?:[/-](\d{1,2})?)?)?(?:\D|$)/;
const YEAR = /\b(\d{4})\b/;
const MONTH_WORD = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?=[\s,.]|$)/i;
const DAY = /(?:^|[\s,])(\d{1,2})(?=[\s,]|$)/;

function valid(parts: RisDateParts): RisDateParts {
  const out: RisDateParts = {};
  if (parts.year !== undefined && parts.year >= 1000 && parts.year <= 9999) out.year = parts.year;
  if (parts.month !== undefined && parts.month >= 1 && parts.month <= 12) {
    out.month = parts.month;
    if (parts.day !== undefined && parts.day >= 1 && parts.day <= 31) out.day = parts.day;
  }
  return out;
}

/** One tag's date, as far as it goes: a year, a month, a day (a day only with its month). */
export function readRisDate(text: string): RisDateParts {
  const value = text.trim();
  const numeric = NUMERIC.exec(value);
  if (numeric) {
    const [, year, month, day] = numeric;
    return valid({ year: Number(year), month: month ? Number(month) : undefined, day: day ? Number(day) : undefined });
  }
  const monthWord = MONTH_WORD.exec(value);
  const year = YEAR.exec(value);
  const rest = value.replace(MONTH_WORD, ' ').replace(YEAR, ' ');
  const day = DAY.exec(rest);
  return valid({
    year: year ? Number(year[1]) : undefined,
    month: monthWord ? monthOfAbbreviation(monthWord[1]) : undefined,
    day: day ? Number(day[1]) : undefined,
  });
}

function fullness(parts: RisDateParts): number {
  return (parts.year === undefined ? 0 : 4) + (parts.month === undefined ? 0 : 2) + (parts.day === undefined ? 0 : 1);
}

/**
 * The record's date as `YYYY[-MM[-DD]]` and its year, from the first value of each of `DA`, `PY`, `Y1`: the one
 * that says most (a tie goes to that order); a month and day written without a year (`DA  - Jun 12`) complete a
 * year written alone.
 */
export function risPublished(values: ReadonlyArray<string | undefined>): { date?: string; year?: number } {
  const dates = values.flatMap((value) => (value === undefined ? [] : [readRisDate(value)]));
  let best: RisDateParts = {};
  for (const parts of dates) if (parts.year !== undefined && fullness(parts) > fullness(best)) best = parts;
  if (best.year === undefined) return {};
  if (best.month === undefined) {
    const undated = dates.find((parts) => parts.year === undefined && parts.month !== undefined);
    if (undated) best = { ...best, month: undated.month, day: undated.day };
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  const month = best.month === undefined ? '' : `-${pad(best.month)}${best.day === undefined ? '' : `-${pad(best.day)}`}`;
  return { date: `${best.year}${month}`, year: best.year };
}
