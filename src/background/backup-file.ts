// Reads a file that an extension page handed over as a `blob:` URL (a backup, or a library from another tool).
// Passing a 19 MB text through runtime messaging costs Chromium about 0.35 s (it is serialised and parsed again
// on the way); reading the page's blob costs a fraction of that. Only blob URLs of Paperlight's own pages are read.
import { MAX_BACKUP_BYTES, tooLargeMessage } from '../core/backup';
import { MAX_IMPORT_CHARS } from '../core/import/entry';
import { IMPORT_TIMING } from './backup-import';
import { UserError } from './errors';
import { phaseTimer } from './timing';

interface FileKind {
  /** What the file is, in messages: "backup file", "library file". */
  name: string;
  /** A file above this many bytes is refused unread. */
  maxBytes: number;
  tooLarge(bytes: number): string;
}

const BACKUP: FileKind = { name: 'backup file', maxBytes: MAX_BACKUP_BYTES, tooLarge: tooLargeMessage };
const LIBRARY: FileKind = {
  name: 'file',
  maxBytes: MAX_IMPORT_CHARS,
  tooLarge: (bytes) => `This file is too large to import (${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is ${(MAX_IMPORT_CHARS / 1024 / 1024).toFixed(1)} MB).`,
};

/** The text of the file at `url`, which must start with `allowedPrefix` (`blob:` and this extension's origin). */
async function readFileUrl(url: string, allowedPrefix: string, kind: FileKind): Promise<string> {
  const unreadable = `The ${kind.name} could not be read (the page that chose it may have been closed); choose the file again.`;
  if (!url.startsWith(allowedPrefix)) throw new UserError(`A ${kind.name} can only be handed over by Paperlight's own pages.`);
  const phase = phaseTimer(IMPORT_TIMING);
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new UserError(unreadable);
  }
  if (!response.ok) throw new UserError(unreadable);
  // A blob's size is known before anything is read: a file too large is refused unread.
  const size = Number(response.headers.get('content-length'));
  if (size > kind.maxBytes) {
    await response.body?.cancel();
    throw new UserError(kind.tooLarge(size));
  }
  // Read whole, then decoded at once: Chromium's `response.text()` decodes the body as it streams in, which took
  // the worker about twice the CPU for a 19 MB backup (0.5 s against 0.2–0.26 s, measured in the same browser).
  const text = await (await response.blob()).text();
  phase('file');
  return text;
}

export function readBackupFile(url: string, allowedPrefix: string): Promise<string> {
  return readFileUrl(url, allowedPrefix, BACKUP);
}

export function readLibraryFile(url: string, allowedPrefix: string): Promise<string> {
  return readFileUrl(url, allowedPrefix, LIBRARY);
}
