// What parts of a built script cost in gzip bytes: every output character is attributed to its
// source file through the script's source map, and a part's cost is gzip(script) minus gzip(script
// without that part's characters). gzip is not additive, so the parts' costs do not sum exactly to
// the whole; each says what leaving that part out would save.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

interface SourceMap {
  sources: string[];
  mappings: string;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The numbers of one source-map segment (base64 VLQ). */
function segmentFields(segment: string): number[] {
  const fields: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return fields;
}

/** For each character of `code`, the index of its source in `map.sources`, or -1 where nothing maps. */
function owners(code: string, map: SourceMap): Int32Array {
  const owner = new Int32Array(code.length).fill(-1);
  const lines = code.split('\n');
  let source = 0;
  let offset = 0;
  map.mappings.split(';').forEach((line, index) => {
    if (index >= lines.length) return;
    let column = 0;
    const starts: Array<[number, number]> = [];
    for (const segment of line ? line.split(',') : []) {
      const fields = segmentFields(segment);
      column += fields[0]!;
      if (fields.length > 1) source += fields[1]!;
      starts.push([column, fields.length > 1 ? source : -1]);
    }
    starts.forEach(([from, owner_], k) => {
      const to = k + 1 < starts.length ? starts[k + 1]![0] : lines[index]!.length;
      owner.fill(owner_, offset + from, offset + to);
    });
    offset += lines[index]!.length + 1;
  });
  return owner;
}

const gzipBytes = (text: string) => gzipSync(Buffer.from(text), { level: 9 }).length;

/**
 * The gzip cost in `file` (with `file`.map beside it) of the sources `part` matches, and of each
 * of those sources alone, keyed by the path under `src/`.
 */
export function gzipShare(file: string, part: RegExp): { gzipBytes: number; bySource: Record<string, number> } {
  const code = readFileSync(file, 'utf8').replace(/\n?\/\/# sourceMappingURL=\S*\s*$/, '');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as SourceMap;
  const owner = owners(code, map);
  const names = map.sources.map((s) => s.replace(/^.*?src\//, 'src/'));
  const whole = gzipBytes(code);
  const without = (leaveOut: (name: string) => boolean) => {
    let kept = '';
    for (let i = 0; i < code.length; i++) if (owner[i]! < 0 || !leaveOut(names[owner[i]!]!)) kept += code[i];
    return whole - gzipBytes(kept);
  };
  const inPart = [...new Set(names.filter((name) => part.test(name)))];
  const bySource = Object.fromEntries(
    inPart.map((name) => [name, without((n) => n === name)] as const).sort((a, b) => b[1] - a[1]),
  );
  return { gzipBytes: without((n) => part.test(n)), bySource };
}
