// Thread time (CPU) of named performance measures, from a Chromium trace: on a machine where other work competes for
// the cores, a measure's wall time counts the time its thread waited for one; its CPU does not. A trace gives the
// thread time of whole events (tasks, script calls), not of a measure: each measure is given the thread time of the
// smallest event that holds it on its thread, in proportion to the part of that event's wall time it spans.
// Optionally also the thread time of evaluating the scripts whose URL holds a given text (compiling them and
// running their top level: `EvaluateScript` events, which need one more trace category).
import type { CDPSession, Page } from 'playwright-core';

interface TraceEvent {
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

function cpuByName(events: readonly TraceEvent[], names: readonly string[]): Map<string, number> {
  const cpu = new Map<string, number>(names.map((name) => [name, 0]));
  // A measure is an async begin/end pair on the thread that made it; a task is a complete event ('X') on it.
  const open = new Map<string, TraceEvent>();
  const spans: Array<{ name: string; begin: TraceEvent; end: number }> = [];
  for (const event of [...events].sort((a, b) => a.ts - b.ts)) {
    if (!event.cat.includes('user_timing') || !cpu.has(event.name)) continue;
    const key = `${event.pid}:${event.tid}:${event.name}`;
    if (event.ph === 'b') open.set(key, event);
    else if (event.ph === 'e' && open.has(key)) {
      spans.push({ name: event.name, begin: open.get(key)!, end: event.ts });
      open.delete(key);
    }
  }
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
