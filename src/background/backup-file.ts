// Reads a backup file that an extension page handed over as a `blob:` URL. Passing a 19 MB text through
// runtime messaging costs Chromium about 0.35 s (it is serialised and parsed again on the way); reading the
// page's blob costs about 0.1 s. Only blob URLs of Paperlight's own pages are read.
import { MAX_BACKUP_BYTES, tooLargeMessage } from '../core/backup';
import { IMPORT_TIMING } from './backup-import';
import { UserError } from './errors';
import { phaseTimer } from './timing';

const UNREADABLE = 'The backup file could not be read (the page that chose it may have been closed); choose the file again.';

/** The text of the file at `url`, which must start with `allowedPrefix` (`blob:` and this extension's origin). */
export async function readBackupFile(url: string, allowedPrefix: string): Promise<string> {
  if (!url.startsWith(allowedPrefix)) throw new UserError('A backup file can only be handed over by Paperlight\'s own pages.');
  const phase = phaseTimer(IMPORT_TIMING);
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new UserError(UNREADABLE);
  }
  if (!response.ok) throw new UserError(UNREADABLE);
  // A blob's size is known before anything is read: a file too large for any backup is refused unread.
  const size = Number(response.headers.get('content-length'));
  if (size > MAX_BACKUP_BYTES) {
    await response.body?.cancel();
    throw new UserError(tooLargeMessage(size));
  }
  const text = await response.text();
  phase('file');
  return text;
}
