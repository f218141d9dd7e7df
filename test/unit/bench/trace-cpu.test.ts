import { describe, expect, it } from 'vitest';
import { compileInSpans, type TraceEvent } from '../../../bench/trace-cpu';

const COMPILE = 'disabled-by-default-v8.compile';
const mark = (name: string, ph: 'b' | 'e', ts: number, tid = 1): TraceEvent => ({ name, cat: 'blink.user_timing', ph, ts, pid: 7, tid });
const compile = (name: string, ts: number, dur: number, tdur: number, tid = 1): TraceEvent => ({ name, cat: COMPILE, ph: 'X', ts, dur, tdur, pid: 7, tid });

describe('compileInSpans', () => {
  it('counts the outermost compile events inside the named measures, on their thread', () => {
    const events = [
      mark('paperlight:annotate', 'b', 1_000),
      compile('V8.CompileCode', 1_100, 300, 250), // a function compiled on its first call…
      compile('V8.ParseFunction', 1_120, 100, 90), // …its parse, inside it: not counted again
      compile('V8.CompileCode', 1_500, 100, 80),
      compile('V8.FinalizeBaselineConcurrentCompilation', 1_700, 50, 40), // compiling, not a function's first call
      mark('paperlight:annotate', 'e', 2_000),
      compile('V8.CompileCode', 2_100, 100, 100), // after the measure
      compile('V8.CompileCode', 1_200, 100, 100, 2), // another thread
      mark('paperlight:widgets', 'b', 3_000),
      compile('V8.CompileCode', 3_010, 40, 30),
      mark('paperlight:widgets', 'e', 3_100),
      mark('paperlight:annotate-idle', 'b', 4_000),
      compile('V8.CompileCode', 4_010, 40, 30), // a measure not asked about
      mark('paperlight:annotate-idle', 'e', 4_100),
    ];
    const { ms, compiles } = compileInSpans(events, ['paperlight:annotate', 'paperlight:widgets']);
    expect(ms).toBeCloseTo(0.4); // 250 + 80 + 40 + 30 µs
    expect(compiles).toBe(3);
  });

  it('is zero without the measures', () => {
    expect(compileInSpans([compile('V8.CompileCode', 10, 5, 5)], ['paperlight:annotate'])).toEqual({ ms: 0, compiles: 0 });
  });
});
