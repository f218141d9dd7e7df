// Paperlight's own backup (src/core/backup.ts) read as a library to merge: each record is checked on its own,
// so one bad record is rejected with its reason while the others are imported. (Restoring a backup exactly,
// all or nothing, is the backup import's job.)
import { openBackup } from '../backup';
import { readSavedPaper } from '../paper-record';
import { ShapeError } from '../validate';
import type { ImportedPaper, Rejection } from './entry';

export type PaperlightRead = { ok: true; papers: ImportedPaper[]; rejected: Rejection[] } | { ok: false; error: string };

export function readPaperlightBackup(text: string): PaperlightRead {
  const opened = openBackup(text);
  if (!opened.ok) return opened;
  const papers: ImportedPaper[] = [];
  const rejected: Rejection[] = [];
  opened.backup.papers.forEach((item, i) => {
    const key = (item as { key?: unknown } | null)?.key;
    const label = typeof key === 'string' && key.length <= 200 ? key : `papers[${i}]`;
    try {
      papers.push({ label, paper: readSavedPaper(item, `papers[${i}]`) });
    } catch (error) {
      if (!(error instanceof ShapeError)) throw error;
      rejected.push({ entry: label, reason: error.message });
    }
  });
  return { ok: true, papers, rejected };
}
