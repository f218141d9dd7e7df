// Every format's output for the shared library, compared byte for byte with the committed files beside it.
// The test never writes them: after a deliberate format change, run
// `npx tsx test/data/export-golden/regenerate.ts` and review the diff (test/data/export-golden/README.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOLDEN_OUTPUTS } from './golden-outputs';
import { GOLDEN_DIR, goldenLibrary } from './library';

const papers = goldenLibrary();

describe('golden exports of test/data/export-golden/library.json', () => {
  it('covers the hostile cases it is meant to', () => {
    const titles = papers.map((p) => p.title).join('\n');
    for (const hostile of ['[', ']', '*', '|', '`', '<img src=x onerror=alert(1)>', '</style>', '&', '%', '$', '#', '_', '{', '}', '~', '^', '\\', "=cmd|' /C calc'!A0", '\n', '🚀', '大规模', 'نموذج']) {
      expect(titles).toContain(hostile);
    }
    const keys = papers.map((p) => p.key.slice(0, p.key.indexOf(':')));
    expect(new Set(keys)).toEqual(new Set(['arxiv', 'doi', 'acl', 'openreview', 'url']));
    expect(papers.some((p) => p.key === 'arxiv:hep-th/9901001')).toBe(true);
    expect(papers.map((p) => p.authors.length)).toEqual(expect.arrayContaining([0, 1, 30]));
    expect(papers.map((p) => p.tags.length)).toEqual(expect.arrayContaining([0, 12]));
  });

  it.each(GOLDEN_OUTPUTS)('%s is unchanged', (file, render) => {
    // As text, so that a difference shows as a readable diff.
    expect(render(papers)).toBe(readFileSync(path.join(GOLDEN_DIR, file), 'utf8'));
  });
});
