// The abstracts of the two seed pages (test/data/seeds/) that hold a URL or mention GitHub: the real text
// the code-link table is written against, also timed by the ids bench.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const SEEDS_DIR = path.resolve(import.meta.dirname, '../../data/seeds');
export const SEED_FILES = ['000_fbf70607fd46e877.txt', '001_b3fa1ac227a7ab4a.txt'] as const;

/** Abstract lines are longer than this (200 characters or more); titles and page chrome are at most 150. */
const ABSTRACT_MIN_LENGTH = 180;

export interface SeedAbstract {
  /** `<seed prefix>:<1-based line>`, e.g. `000:12`. */
  id: string;
  abstract: string;
}

export function abstractsWithLinks(): SeedAbstract[] {
  return SEED_FILES.flatMap((file) =>
    readFileSync(path.join(SEEDS_DIR, file), 'utf8')
      .split('\n')
      .flatMap((line, i) =>
        line.length > ABSTRACT_MIN_LENGTH && /https?:|github/i.test(line) ? [{ id: `${file.slice(0, 3)}:${i + 1}`, abstract: line }] : [],
      ),
  );
}
