// Helpers for the import tests: the sample files and complete records with the fields an import always sets.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SavedPaper } from '../../../src/core/paper';

export const SAMPLES = path.resolve(__dirname, '../../data/import-samples');
/** The import's clock in these tests. */
export const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

export function sample(name: string): string {
  return readFileSync(path.join(SAMPLES, name), 'utf8');
}

type Given = Pick<SavedPaper, 'key' | 'title' | 'url' | 'authors' | 'site'> & Partial<SavedPaper>;

/** A record as an import writes it: no metrics or pages seen, to read, saved now, unless the test says otherwise. */
export function imported(given: Given): SavedPaper {
  return {
    key: given.key,
    aliases: given.aliases ?? [],
    title: given.title,
    url: given.url,
    authors: given.authors,
    abstract: given.abstract ?? '',
    ...(given.published !== undefined && { published: given.published }),
    venues: [],
    metrics: [],
    codeLinks: given.codeLinks ?? [],
    site: given.site,
    tags: given.tags ?? [],
    status: given.status ?? 'to-read',
    note: given.note ?? '',
    savedAt: given.savedAt ?? NOW,
    updatedAt: given.updatedAt ?? NOW,
    seenUrls: [],
  };
}
