// RIS files as Zotero, EndNote, Mendeley, Web of Science and Scopus write them. The grammar (one `XY  - value`
// line per tag, `TY` to `ER` per record, untagged lines continuing the previous tag) and the meaning of the tags
// (old `T1`/`A1`/`Y1` and new `TI`/`AU`/`PY`/`DA`, which tag holds the journal for which type) are Citation.js's
// RIS plugin; this module maps its records to entries. Keywords and notes are taken one `KW` or `N1` line each,
// as the file has them (the plugin's CSL form joins keywords with commas).
import { parse as parseRisFile, parseMixed, type RisRecord } from '@citation-js/plugin-ris/lib-mjs/ris.js';
import { namedVenue } from '../identity';
import type { EntryVenue, ImportEntry, ReadEntries, Rejection } from './entry';
import { arxivIdsInText, isPreprintVenue } from './ids';
import { authorList } from './names';
import { noteText } from './note-html';
import { risPublished } from './ris-date';
import { cleanFileText, cleanLine, httpUrls, joinNotes, withoutRichText } from './text';

function values(record: RisRecord, tag: string): string[] {
  const value = record[tag];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function first(value: unknown): string | undefined {
  const text = strings(value).map(cleanLine).find(Boolean);
  return text || undefined;
}

function venueOf(csl: Record<string, unknown>, year: number | undefined): EntryVenue | undefined {
  const name = first(csl['container-title']) ?? first(csl.event);
  return year !== undefined && name && !isPreprintVenue(name) ? namedVenue(name, year) : undefined;
}

export function readRis(input: string): ReadEntries {
  let records: RisRecord[];
  try {
    records = parseRisFile(cleanFileText(input));
  } catch {
    // The plugin stops on a tagged line before the first `TY`.
    return { entries: [], rejected: [{ entry: 'the file', reason: 'a tagged line comes before the first "TY  - " line' }], notices: [] };
  }
  const entries: ImportEntry[] = [];
  const rejected: Rejection[] = [];
  if (records.length === 0 && /^TY - /m.test(input)) {
    rejected.push({ entry: 'the file', reason: 'its tags are written "TY - " with one space; RIS writes two ("TY  - JOUR")' });
  }
  records.forEach((record, i) => {
    const id = cleanLine(values(record, 'ID')[0] ?? '');
    const label = id ? `${id} (record ${i + 1})` : `record ${i + 1}`;
    // A type the plugin does not know (`TY  - PREP`) is read as a generic record (`GEN`), as RIS readers do.
    let csl = parseMixed(record);
    if (first(csl.title) === undefined && record.TY !== 'GEN') csl = parseMixed({ ...record, TY: 'GEN' });
    const title = withoutRichText(first(csl.title) ?? '');
    if (!title) {
      rejected.push({ entry: label, reason: 'no title' });
      return;
    }
    const { date, year } = risPublished(['DA', 'PY', 'Y1'].map((tag) => values(record, tag)[0]));
    const links = [...strings(csl.URL), ...['UR', 'L1', 'L2', 'L4', 'LK'].flatMap((tag) => values(record, tag))]
      .flatMap((link) => httpUrls(link));
    const notes = [...values(record, 'N1'), ...values(record, 'RN')];
    const venue = venueOf(csl, year);
    entries.push({
      label,
      title,
      authors: authorList(csl.author),
      abstract: first(csl.abstract) ?? '',
      ids: [
        ...strings(csl.DOI),
        ...values(record, 'DO'),
        ...links,
        ...notes.flatMap(arxivIdsInText),
        ...values(record, 'M3').flatMap(arxivIdsInText),
        ...strings(csl['container-title']).flatMap(arxivIdsInText),
      ],
      ...(links[0] && { url: links[0] }),
      ...(date && { published: date }),
      ...(venue && { venue }),
      tags: values(record, 'KW').flatMap((line) => line.split(';')).map(cleanLine).filter(Boolean),
      note: joinNotes(notes.map(noteText)),
      codeLinks: [],
    });
  });
  return { entries, rejected, notices: [] };
}
