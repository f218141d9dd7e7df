// What every reader gives back: one format-neutral entry per paper the file describes, and the entries it could
// not read, each with the reason. Entries become records in record.ts.
import type { VenueName } from '../identity';
import type { ReadingStatus, SavedPaper } from '../paper';

/** The file formats an import reads. */
export type ImportFormat = 'bibtex' | 'ris' | 'papermemory' | 'paperlight';
export const IMPORT_FORMATS: readonly ImportFormat[] = ['bibtex', 'ris', 'papermemory', 'paperlight'];
/** Each format as the person reads it (the background's errors, the options page). */
export const FORMAT_NAMES: Record<ImportFormat, string> = {
  bibtex: 'BibTeX',
  ris: 'RIS',
  papermemory: 'PaperMemory export',
  paperlight: 'Paperlight backup',
};

/** Files larger than this are refused unread: no library of papers comes near it. */
export const MAX_IMPORT_CHARS = 50 * 1024 * 1024;

/**
 * Where a paper was published, as the entry names it (`booktitle`, `journal`, `T2`, PaperMemory's `venue`), with
 * its year: "Advances in Neural Information Processing Systems 2017".
 */
export type EntryVenue = VenueName;

/** One paper as a file describes it; every text already plain Unicode. */
export interface ImportEntry {
  /** How the entry is named to the user: its citation key or id, with its place in the file when that helps. */
  label: string;
  title: string;
  authors: string[];
  abstract: string;
  /** Everything that may name the paper (ids, labelled ids such as `arXiv:…`, links), read by `keyFor`. */
  ids: string[];
  /** The paper's page, when the entry gives one. */
  url?: string;
  published?: string;
  venue?: EntryVenue;
  tags: string[];
  /** Clean text already (`cleanText`): its paragraphs joined, each line tidied. */
  note: string;
  codeLinks: string[];
  /** Only where the source records them (JabRef's `readstatus`, PaperMemory's dates). */
  status?: ReadingStatus;
  savedAt?: number;
}

/** An entry that was not imported, and why (shown to the user as it is). */
export interface Rejection {
  entry: string;
  reason: string;
}

/** Something the user should know about an entry that was imported (a cut field, a shared citation key). */
export interface Notice {
  entry: string;
  message: string;
}

/** One paper read from a file, as a complete record. */
export interface ImportedPaper {
  label: string;
  paper: SavedPaper;
  venue?: EntryVenue;
}

export interface ReadEntries {
  entries: ImportEntry[];
  rejected: Rejection[];
  notices: Notice[];
}
