// The popup page's entry script marked render-blocking (`blocking="render"`), applied by the build to the page vite
// writes (vite.config.ts): vite writes the entry's <script> tag itself and keeps no attribute of the source's.
//
// Why. The page's stylesheet blocks rendering and the entry (a module script) waits for it; once the stylesheet is
// in, the browser may produce a frame before it runs the entry: an empty page (the popup's background alone), whose
// style, paint and commit the main thread does, and whose raster and presentation the compositor then does, while
// the entry that draws the first rows waits (in traces of the popup opening, such a frame came first in about half
// the rounds). Render-blocking, the entry runs first; when it draws from the popup's copy it does so in that same
// task, so the first frame the browser produces is the one that shows the rows. The page has no inline script to
// wait on (extension pages allow none), and a browser that does not know the attribute (Firefox ESR) ignores it.
//
// Build-time only: nothing here runs in the extension.

/** The attribute added to the entry's tag. */
export const RENDER_BLOCKING = 'blocking="render"';

const MODULE_SCRIPT = /<script type="module"(?=[^>]*\ssrc=)/g;

/**
 * `html` (the popup page as vite wrote it) with its one module script marked render-blocking. Throws when the page
 * holds no such script or more than one, so that a change in what vite writes fails the build rather than silently
 * dropping the attribute or blocking rendering on another script.
 */
export function renderBlockingEntry(html: string): string {
  const scripts = html.match(MODULE_SCRIPT) ?? [];
  if (scripts.length !== 1) throw new Error(`The popup page should hold exactly one module script with a src, found ${scripts.length}`);
  return html.replace(MODULE_SCRIPT, `<script type="module" ${RENDER_BLOCKING}`);
}
