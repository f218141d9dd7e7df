// Thread time (CPU) of named performance measures, from a Chromium trace: on a machine where other work competes for
// the cores, a measure's wall time counts the time its thread waited for one; its CPU does not. A trace gives the
// thread time of whole events (tasks, script calls), not of a measure: each measure is given the thread time of the
// smallest event that holds it on its thread, in proportion to the part of that event's wall time it spans.
// Optionally also the thread time of evaluating the scripts whose URL holds a given text (compiling them and
// running their top level: `EvaluateScript` events, which need one more trace category).
// Or, in traces of their own, the thread time V8 spends compiling functions inside the measures (its compile events,
// another category): the share of a measure that is compiling code on its first call.
import type { CDPSession, Page } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string } };
}

const CATEGORIES = ['blink.user_timing', 'toplevel', 'v8.execute', 'disabled-by-default-devtools.timeline'];
/** Where a script's evaluation is traced (`EvaluateScript`). */
const EVALUATION_CATEGORY = 'devtools.timeline';
/**
 * Where V8 traces its compiling: one `V8.CompileCode` per function compiled on its first call, holding the
 * parse and bytecode events of that compile (`V8.ParseFunction`, `V8.CompileIgnition`, …).
 */
const COMPILE_CATEGORY = 'disabled-by-default-v8.compile';

/** The events of a trace of `page`'s browser in `categories` while `run` runs. */
async function traced(page: Page, categories: readonly string[], run: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: [...categories] } });
    await run();
    return await traceEvents(cdp);
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Tracing on `page`'s browser while `run` runs; then the CPU in ms of each measure whose name is in `names`, by name. */
export async function measuresCpu(page: Page, names: readonly string[], run: () => Promise<void>): Promise<Map<string, number>> {
  return cpuByName(await traced(page, CATEGORIES, run), names);
}

/**
 * As `measuresCpu`, with the CPU in ms of evaluating the scripts whose URL contains `scriptUrlPart` (under
 * `evaluation`): what compiling and running a script's top level costs before any of its functions is called.
 */
export async function measuresAndEvaluationCpu(
  page: Page, names: readonly string[], scriptUrlPart: string, run: () => Promise<void>,
): Promise<{ measures: Map<string, number>; evaluation: number }> {
  const events = await traced(page, [...CATEGORIES, EVALUATION_CATEGORY], run);
  const evaluation = events
    .filter((e) => e.ph === 'X' && e.name === 'EvaluateScript' && (e.args?.data?.url ?? '').includes(scriptUrlPart))
    .reduce((sum, e) => sum + (e.tdur ?? 0) / 1000, 0);
  return { measures: cpuByName(events, names), evaluation };
}

/**
 * Tracing on `page`'s browser, with V8's compile events, while `run` runs; then, inside the measures whose name is
 * in `names`, the thread time in ms of V8's compiling (its outermost compile events on the measure's thread) and
 * how many functions it compiled (`V8.CompileCode` among them). Tracing the compile events slows compiling a little:
 * these traces are apart from those of `measuresCpu`.
 */
export async function compileCpuInMeasures(
  page: Page, names: readonly string[], run: () => Promise<void>,
): Promise<{ ms: number; compiles: number }> {
  return compileInSpans(await traced(page, [...CATEGORIES, COMPILE_CATEGORY], run), names);
}

/** The outermost compile events inside the measures named in `names` (see `compileCpuInMeasures`). */
export function compileInSpans(events: readonly TraceEvent[], names: readonly string[]): { ms: number; compiles: number } {
  const spans = measureSpans(events, names);
  let ms = 0;
  let compiles = 0;
  let outerEnd = -Infinity;
  const compiling = events
    .filter((e) => e.ph === 'X' && e.cat === COMPILE_CATEGORY && e.name.startsWith('V8.') && e.tdur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  for (const event of compiling) {
    if (event.ts < outerEnd) continue; // inside the compile event before it
    const end = event.ts + (event.dur ?? 0);
    if (!spans.some((s) => s.begin.pid === event.pid && s.begin.tid === event.tid && event.ts >= s.begin.ts && end <= s.end)) continue;
    outerEnd = end;
    ms += event.tdur! / 1000;
    if (event.name === 'V8.CompileCode') compiles++;
  }
  return { ms, compiles };
}

async function traceEvents(cdp: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (event) => resolve(event.stream!)));
  await cdp.send('Tracing.end');
  const stream = await complete;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/** Each measure named in `names`: an async begin/end pair on the thread that made it. */
function measureSpans(events: readonly TraceEvent[], names: readonly string[]): Array<{ name: string; begin: TraceEvent; end: number }> {
  const open = new Map<string, TraceEvent>();
  const spans: Array<{ name: string; begin: TraceEvent; end: number }> = [];
  for (const event of [...events].sort((a, b) => a.ts - b.ts)) {
    if (!event.cat.includes('user_timing') || !names.includes(event.name)) continue;
    const key = `${event.pid}:${event.tid}:${event.name}`;
    if (event.ph === 'b') open.set(key, event);
    else if (event.ph === 'e' && open.has(key)) {
      spans.push({ name: event.name, begin: open.get(key)!, end: event.ts });
      open.delete(key);
    }
  }
  return spans;
}

function cpuByName(events: readonly TraceEvent[], names: readonly string[]): Map<string, number> {
  const cpu = new Map<string, number>(names.map((name) => [name, 0]));
  // A measure is an async begin/end pair on the thread that made it; a task is a complete event ('X') on it.
  const spans = measureSpans(events, names);
  const timed = events.filter((e) => e.ph === 'X' && e.dur && e.tdur !== undefined);
  for (const { name, begin, end } of spans) {
    // A page's clock is coarse (a measure may start a little before the task that holds it): the event that holds
    // nearly as much of the measure as any does, the smallest such.
    const overlaps = timed
      .filter((e) => e.pid === begin.pid && e.tid === begin.tid)
      .map((e) => ({ e, overlap: Math.min(end, e.ts + e.dur!) - Math.max(begin.ts, e.ts) }))
      .filter(({ overlap }) => overlap > 0);
    const most = Math.max(0, ...overlaps.map(({ overlap }) => overlap));
    const around = overlaps.filter(({ overlap }) => overlap >= 0.9 * most).sort((a, b) => a.e.dur! - b.e.dur!)[0];
    if (around) cpu.set(name, cpu.get(name)! + (around.e.tdur! / 1000) * Math.min(1, around.overlap / around.e.dur!));
  }
  return cpu;
}
