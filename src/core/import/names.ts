// Author names from the name objects the parsers give (CSL's `given`/`family`/particles/`literal`), in the
// reading order the rest of Paperlight uses ("Ashish Vaswani", "Laurens van der Maaten", "Martin King Jr.").
import { cleanLine } from './text';

export interface NameParts {
  given?: unknown;
  family?: unknown;
  prefix?: unknown;
  suffix?: unknown;
  'non-dropping-particle'?: unknown;
  'dropping-particle'?: unknown;
  literal?: unknown;
}

/** BibTeX's `and others` (and its spellings) stands for "et al.", not a person. */
const ET_AL = /^(?:others|et\.? al\.?)$/i;

function part(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** One name in reading order, or undefined for "others" and empty names. */
export function readingOrder(name: NameParts | string): string | undefined {
  const text =
    typeof name === 'string'
      ? name
      : part(name.literal) ||
        [part(name.given), part(name['dropping-particle']), part(name.prefix), part(name['non-dropping-particle']), part(name.family), part(name.suffix)]
          .filter((p) => p.trim() !== '')
          .join(' ');
  const clean = cleanLine(text);
  return clean && !ET_AL.test(clean) ? clean : undefined;
}

/** A list of names in reading order (anything that is not a name is skipped). */
export function authorList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const item of value) {
    if (typeof item !== 'string' && (typeof item !== 'object' || item === null)) continue;
    const name = readingOrder(item as NameParts | string);
    if (name) out.push(name);
  }
  return out;
}
