// When Paperlight's work on a page runs. The cards a reader sees first are annotated in short tasks right away
// ("first look"); the rest of a long listing waits for the browser's idle periods, so it never competes with the
// page's own loading, scrolling or input. Each slice is bounded well under a long task (50 ms).

/**
 * Longest stretch of first-look work before the page gets the main thread back: well under a long task
 * (50 ms), and room for the ~100 cards an infinite-scroll batch brings to land in one slice.
 */
export const SLICE_MS = 30;

/** An idle period lasts at most 50 ms; our share of one is smaller, so a click arriving meanwhile waits little. */
const IDLE_SLICE_MS = 20;

/** However busy the page, idle work starts within this time. */
const IDLE_TIMEOUT_MS = 1000;

export type Lane = 'firstLook' | 'idle';

/** Runs `task` in a new task, after the browser has had a chance to render and handle input. */
function nextTask(task: () => void): void {
  const scheduler = (globalThis as { scheduler?: { postTask?(cb: () => void, o: object): Promise<void> } }).scheduler;
  if (scheduler?.postTask) void scheduler.postTask(task, { priority: 'user-visible' });
  else {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => task();
    channel.port2.postMessage(null);
  }
}

/** Runs `task(deadline)` in the lane's next slice; `deadline()` is the time (performance.now) to stop at. */
export function inSlice(lane: Lane, task: (deadline: () => number) => void): void {
  if (lane === 'firstLook' || typeof requestIdleCallback !== 'function') {
    nextTask(() => {
      const start = performance.now();
      task(() => start + SLICE_MS);
    });
    return;
  }
  requestIdleCallback((idle) => {
    const start = performance.now();
    const end = start + Math.min(IDLE_SLICE_MS, Math.max(idle.timeRemaining(), idle.didTimeout ? IDLE_SLICE_MS : 0));
    task(() => end);
  }, { timeout: IDLE_TIMEOUT_MS });
}

/**
 * Hands `items` to `work` a batch at a time until `deadline` passes, at least one batch (so every slice makes
 * progress), and returns the items left for a later slice. Inside a batch `work` does all its reads before its
 * writes, so the page is laid out once per batch rather than once per item, while the slice stays bounded.
 */
export function inBatches<T>(items: readonly T[], size: number, deadline: () => number, work: (batch: T[]) => void): T[] {
  let at = 0;
  while (at < items.length) {
    work(items.slice(at, at + size));
    at += size;
    if (performance.now() >= deadline()) break;
  }
  return items.slice(at);
}

/**
 * Splits `elements` into the ones near the viewport (on screen) and the rest, from one IntersectionObserver
 * computation: the browser answers after its next layout, which it does anyway, so asking never forces a layout
 * of the page. On screen only: a card below the fold is not in the first frame the reader sees, and each card
 * read at once costs the first look its reading, its share of the message and its marking (a Hugging Face daily
 * page read three cards at once, the third wholly below the fold); the idle lane reads it moments later.
 */
export function splitByViewport(elements: readonly Element[], done: (near: Element[], far: Element[]) => void): void {
  const observer = new IntersectionObserver((records) => {
    observer.disconnect();
    const near = new Set(records.filter((record) => record.isIntersecting).map((record) => record.target));
    done(elements.filter((e) => near.has(e)), elements.filter((e) => !near.has(e)));
  }, { rootMargin: '0px' });
  for (const element of elements) observer.observe(element);
}
