// The list's fixed geometry and the names its rows carry, shared by the preact list (components/PaperList,
// PaperRow) and the first frame drawn before preact loads (first-frame.ts).

export const ROW_HEIGHT = 78;

/** Rows rendered beyond each edge of the view, so a quick scroll does not show blank space. */
export const OVERSCAN = 4;

/** The list's height before it is measured (the first render's). */
export const INITIAL_VIEWPORT = 480;

/** The Element Timing name of the first row's title: the browser reports when it was first painted (the bench reads it). */
export const FIRST_ROW_TIMING = 'paperlight:first-row';

export function rowId(index: number): string {
  return `paper-row-${index}`;
}

/**
 * Marked when the entry has drawn its first frame from the popup's copy (first-frame-copy.ts), in its first task
 * (the browser tests and the bench tell that from a frame drawn after the database's answer).
 */
export const FIRST_FRAME_FROM_COPY_MARK = 'paperlight:first-frame-from-copy';

/** Marks the first paint of the list, for the bench and the browser tests (`performance.getEntriesByName`). */
export const LIST_PAINTED_MARK = 'paperlight:list-painted';

/**
 * Runs `callback` after the next frame has been produced: rAF runs just before that frame's style, layout and
 * paint, a task queued from it runs after them. A page that is not shown gets no frames: then after 100 ms.
 */
export function afterNextFrame(callback: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    callback();
  };
  const fallback = setTimeout(run, 100);
  requestAnimationFrame(() => setTimeout(run, 0));
}
