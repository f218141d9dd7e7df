// Which format a file is in, told from its content (the user may also say). Pure.
import { BACKUP_FORMAT } from '../backup';
import type { ImportFormat } from './entry';
import { isPaperMemoryJson } from './papermemory';

/** An RIS record starts with a `TY  - ` line (EndNote, Zotero, Mendeley, Web of Science and Scopus all write it). */
const RIS_START = /^[ \t]*TY {1,2}- /m;
/** A BibTeX entry: `@type{` or `@type(` at the start of a line. */
const BIBTEX_ENTRY = /^[ \t]*@[A-Za-z]+[ \t]*[{(]/m;

/** The format of a text, or null when it is none of them. `json` is the text parsed, when it is JSON. */
export function detectFormat(text: string, json?: unknown): ImportFormat | null {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{') || head.startsWith('[')) {
    if (json === undefined) return null;
    if (typeof json === 'object' && json !== null && (json as { format?: unknown }).format === BACKUP_FORMAT) return 'paperlight';
    return isPaperMemoryJson(json) ? 'papermemory' : null;
  }
  const ris = RIS_START.exec(text);
  const bibtex = BIBTEX_ENTRY.exec(text);
  if (ris && (!bibtex || ris.index < bibtex.index)) return 'ris';
  return bibtex ? 'bibtex' : null;
}
