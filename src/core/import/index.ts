// Reading a library file from another tool (or a Paperlight backup) into records to merge. Pure: the file's text
// in, checked records out, with every entry that could not be read and the reason. Never throws.
import { readBibtex } from './bibtex';
import { detectFormat } from './detect';
import { FORMAT_NAMES, MAX_IMPORT_CHARS, type ImportFormat, type ImportedPaper, type Notice, type ReadEntries, type Rejection } from './entry';
import { readPaperlightBackup } from './paperlight';
import { readPaperMemory } from './papermemory';
import { toRecord } from './record';
import { readRis } from './ris';

export type { EntryVenue, ImportEntry, ImportFormat, ImportedPaper, Notice, Rejection } from './entry';
export { IMPORT_FORMATS, MAX_IMPORT_CHARS } from './entry';
export { ImportPlan, mergeImported } from './plan';
export { planUndo } from './undo';
export type { ImportedFields, UndoPlan } from './undo';
export type { MatchedBy, PlanCounts, PlanRow } from './plan';
export { detectFormat } from './detect';
export { FORMAT_NAMES };

export type LibraryFile =
  | { ok: true; format: ImportFormat; papers: ImportedPaper[]; rejected: Rejection[]; notices: Notice[] }
  | { ok: false; error: string };

function megabytes(chars: number): string {
  return `${(chars / 1024 / 1024).toFixed(1)} MB`;
}

/** NUL bytes or many characters that decoding could not read: the file is binary (an image, a PDF, a zip). */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65_536);
  if (sample.includes('\u0000')) return true;
  // Replacement characters and controls other than white space (Cc is U+0000–U+001F and U+007F–U+009F).
  // eslint-disable-next-line no-control-regex -- control characters are what is counted
  const unreadable = sample.match(/[\ufffd\x00-\x08\x0e-\x1f\x7f-\x9f]/g)?.length ?? 0;
  return unreadable > 16 && unreadable > sample.length / 100;
}

const NOT_A_LIBRARY =
  'This file is not a library Paperlight can read: choose a BibTeX (.bib) or RIS (.ris) file, a PaperMemory export or a Paperlight backup (.json).';

export function readLibraryFile(text: unknown, format?: ImportFormat, now: number = Date.now()): LibraryFile {
  if (typeof text !== 'string') return { ok: false, error: 'The library must be the text of a file.' };
  if (text.length > MAX_IMPORT_CHARS) {
    return { ok: false, error: `This file is too large to import (${megabytes(text.length)}; the limit is ${megabytes(MAX_IMPORT_CHARS)}).` };
  }
  if (text.trim() === '') return { ok: false, error: 'This file is empty.' };
  if (looksBinary(text)) return { ok: false, error: `${NOT_A_LIBRARY} It holds binary data, not text.` };

  const jsonLike = /^\uFEFF?\s*[[{]/.test(text);
  let json: unknown;
  if (jsonLike && format !== 'bibtex' && format !== 'ris') {
    try {
      json = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      return { ok: false, error: `This file is not valid JSON (${(error as Error).message.slice(0, 120)}).` };
    }
  }
  const chosen = format ?? detectFormat(text, json);
  if (chosen === null) return { ok: false, error: NOT_A_LIBRARY };

  if (chosen === 'paperlight') {
    const read = readPaperlightBackup(text);
    return read.ok ? { ok: true, format: chosen, papers: read.papers, rejected: read.rejected, notices: [] } : read;
  }
  if ((chosen === 'papermemory') !== (json !== undefined)) {
    return { ok: false, error: `This file is not a ${FORMAT_NAMES[chosen]}.` };
  }
  const read: ReadEntries = chosen === 'bibtex' ? readBibtex(text) : chosen === 'ris' ? readRis(text) : readPaperMemory(json);
  const papers: ImportedPaper[] = [];
  const rejected = [...read.rejected];
  const notices = [...read.notices];
  for (const entry of read.entries) {
    const result = toRecord(entry, { now, site: chosen });
    if (result.ok) {
      papers.push(result.imported);
      notices.push(...result.notices);
    } else {
      rejected.push(result.rejection);
    }
  }
  if (papers.length === 0 && rejected.length === 0) return { ok: false, error: `No papers were found in this ${FORMAT_NAMES[chosen]} file.` };
  return { ok: true, format: chosen, papers, rejected, notices };
}
