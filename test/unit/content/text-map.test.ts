import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildTextMap } from '../../../src/content/text-map';

describe('buildTextMap', () => {
  beforeEach(() => {
    document.body.textContent = '';
  });

  function element(html: string): Element {
    const div = document.createElement('div');
    // Test-owned markup, not page text.
    div.innerHTML = html; // eslint-disable-line no-unsanitized/property
    document.body.append(div);
    return div;
  }

  it('collapses whitespace across text nodes and maps spans back onto the original nodes', () => {
    const root = element('<p>  We reach\n   <b>~2.4x</b>   speedup\tand <i>79.2</i>% accuracy. </p>');
    const map = buildTextMap(root);
    expect(map.text).toBe('We reach ~2.4x speedup and 79.2% accuracy.');
    const speed = map.text.indexOf('~2.4x');
    expect(map.range(speed, speed + 5)!.toString()).toBe('~2.4x');
    const pct = map.text.indexOf('79.2%');
    expect(map.range(pct, pct + 5)!.toString()).toBe('79.2%');
    const across = map.text.indexOf('reach ~2.4x');
    expect(map.range(across, across + 11)!.toString().replace(/\s+/g, ' ')).toBe('reach ~2.4x');
  });

  it('skips scripts, styles and our own elements', () => {
    const root = element('A <script>var x = 1;</script><style>p{}</style><paperlight-card>Save</paperlight-card>1.6 ms');
    expect(buildTextMap(root).text).toBe('A 1.6 ms');
  });

  it('refuses ranges outside the text or over detached nodes', () => {
    const root = element('<span>3x faster</span>');
    const map = buildTextMap(root);
    expect(map.range(0, 99)).toBeNull();
    expect(map.range(2, 2)).toBeNull();
    root.textContent = 'replaced';
    expect(map.range(0, 2)).toBeNull();
  });

  it('maps every span back onto exactly its text, however the whitespace is split across nodes', () => {
    const piece = fc.stringMatching(/^[ab1. \n\t\u00a0]{0,12}$/);
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 6 }), fc.nat(), fc.nat(), (pieces, a, b) => {
        const root = document.createElement('div');
        for (const p of pieces) {
          const span = document.createElement('span');
          span.textContent = p;
          root.append(span);
        }
        document.body.replaceChildren(root);
        const map = buildTextMap(root);
        expect(map.text).toBe(pieces.join('').replace(/[\s\u00a0]+/g, ' ').trim());
        if (map.text.length === 0) return;
        const start = a % map.text.length;
        const end = start + 1 + (b % (map.text.length - start));
        const range = map.range(start, end)!;
        expect(range.toString().replace(/[\s\u00a0]+/g, ' ')).toBe(map.text.slice(start, end));
      }),
      { numRuns: 300 },
    );
  });
});
