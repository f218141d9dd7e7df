// Rewrites the golden exports from library.json, after a deliberate change of an export format:
//   npx tsx test/data/export-golden/regenerate.ts
// then read `git diff test/data/export-golden/` line by line before committing: the test only compares.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { GOLDEN_OUTPUTS } from '../../unit/export/golden-outputs';
import { GOLDEN_DIR, goldenLibrary } from '../../unit/export/library';

const papers = goldenLibrary();
for (const [file, render] of GOLDEN_OUTPUTS) {
  writeFileSync(path.join(GOLDEN_DIR, file), render(papers), 'utf8');
  console.log(`wrote ${path.relative(process.cwd(), path.join(GOLDEN_DIR, file))}`);
}
