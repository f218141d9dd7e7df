import { describe, expect, it } from 'vitest';
import { renderBlockingEntry } from '../../../src/popup/render-blocking-entry';

// The popup page as vite 8 writes it: the entry's tag in the head, its preloaded chunk and the stylesheet after it.
const page = (scripts: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Paperlight</title>
${scripts}
    <link rel="modulepreload" crossorigin href="/assets/popup-start-Cho9gCCb.js">
    <link rel="stylesheet" crossorigin href="/assets/index-D7fulenx.css">
  </head>
  <body>
    <div id="app"></div>
  </body>
</html>`;
const ENTRY = '    <script type="module" crossorigin src="/assets/index.html-lJZfMVhq.js"></script>';

describe('renderBlockingEntry', () => {
  it('marks the page\'s one module script render-blocking and leaves the rest of the page as it was', () => {
    expect(renderBlockingEntry(page(ENTRY))).toBe(
      page('    <script type="module" blocking="render" crossorigin src="/assets/index.html-lJZfMVhq.js"></script>'),
    );
  });

  it('refuses a page without a module script, or with two, rather than guess which one is the entry', () => {
    expect(() => renderBlockingEntry(page(''))).toThrow(/exactly one module script/);
    expect(() => renderBlockingEntry(page(`${ENTRY}\n${ENTRY.replace('index.html', 'other')}`))).toThrow(/found 2/);
  });

  it('does not count a module script without a src (vite writes none; one would not be the entry)', () => {
    expect(() => renderBlockingEntry(page('    <script type="module">void 0;</script>'))).toThrow(/found 0/);
  });
});
