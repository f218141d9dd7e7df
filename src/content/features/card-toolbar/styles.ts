// Styles of the card toolbar, inside its shadow root: the page's CSS cannot reach in, ours cannot
// leak out. `all: initial` on the host stops inherited page styles (fonts, colours, line-height).
import { HIGHLIGHT_GROUPS } from '../../../core/highlight-groups';
import { GROUP_COLORS } from '../../../shared/highlight-colors';

const chipColors = HIGHLIGHT_GROUPS.map(
  (g) => `.metric.${g} { background: ${GROUP_COLORS[g].fill}; border-color: ${GROUP_COLORS[g].line}; }`,
).join('\n');

export const WIDGET_CSS = `
:host { all: initial; display: block; margin: 6px 0 2px; font: 12px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2333; }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.bar { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 6px; }
button, select, input, textarea, a.btn { font: inherit; color: inherit; }
button, a.btn, select {
  border: 1px solid #c9cde0; background: #f6f7fb; border-radius: 6px; padding: 1px 7px; min-height: 22px;
  cursor: pointer; text-decoration: none; display: inline-flex; align-items: center; gap: 3px;
}
button:hover, a.btn:hover, select:hover { background: #eceefa; }
:focus-visible { outline: 2px solid #3b4cca; outline-offset: 1px; }
button.save[aria-pressed="true"] { background: #ffe9a8; border-color: #d4a300; font-weight: 600; }
.tag { display: inline-flex; align-items: center; gap: 2px; background: #e7e9fb; border: 1px solid #c3c8f0; border-radius: 10px; padding: 0 2px 0 7px; }
.tag button { border: 0; background: transparent; min-height: 18px; padding: 0 4px; border-radius: 8px; }
.metric { border: 1px solid; border-radius: 10px; padding: 0 7px; min-height: 20px; background: #eee; }
${chipColors}
.code { border-color: #8fb98f; background: #eef8ee; }
.venue { color: #1d2671; text-decoration: none; border-bottom: 1px dotted currentColor; }
a.venue:hover, a.venue:focus-visible { text-decoration: underline; }
.menu { position: relative; display: inline-block; }
.popover {
  position: absolute; z-index: 2147483647; top: calc(100% + 3px); left: 0; min-width: 220px; max-width: 420px;
  background: #fff; border: 1px solid #c9cde0; border-radius: 8px; box-shadow: 0 6px 24px rgba(20, 24, 60, .18); padding: 4px;
}
.popover a { display: block; padding: 4px 6px; border-radius: 5px; color: #1d2671; text-decoration: none; overflow-wrap: anywhere; }
.popover a:hover, .popover a:focus-visible { background: #eceefa; }
.kind { font-size: 10px; text-transform: uppercase; letter-spacing: .04em; color: #5b6080; margin-right: 6px; }
.tag-field { position: relative; display: inline-block; }
.tag-field input { border: 1px solid #9aa2d6; border-radius: 6px; padding: 1px 6px; min-height: 22px; width: 12em; background: #fff; }
.tag-suggestions {
  position: absolute; z-index: 2147483647; top: calc(100% + 3px); left: 0; min-width: 12em; list-style: none; margin: 0; padding: 4px;
  background: #fff; border: 1px solid #c9cde0; border-radius: 8px; box-shadow: 0 6px 24px rgba(20, 24, 60, .18);
}
.tag-suggestions[hidden] { display: none; }
.tag-suggestions li { padding: 3px 6px; border-radius: 5px; cursor: pointer; }
.tag-suggestions li.active { background: #e7e9fb; }
textarea { display: block; width: min(100%, 520px); min-height: 3.5em; margin-top: 4px; border: 1px solid #9aa2d6; border-radius: 6px; padding: 4px 6px; background: #fff; }
.hint { color: #5b6080; }
.seen { color: #5b6080; font-style: italic; }
.notice { display: inline-flex; align-items: center; gap: 4px; color: #5b6080; }
.error { color: #b00020; font-weight: 600; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (prefers-color-scheme: dark) {
  :host { color: #e6e8f5; }
  button, a.btn, select { background: #262a40; border-color: #474d70; }
  button:hover, a.btn:hover, select:hover { background: #30355a; }
  button.save[aria-pressed="true"] { background: #5c4a00; border-color: #d4a300; }
  .tag { background: #2c3160; border-color: #474d90; }
  .popover { background: #1b1e30; border-color: #474d70; }
  .popover a { color: #c9cffd; }
  .popover a:hover, .popover a:focus-visible { background: #30355a; }
  .kind, .hint { color: #a8adcf; }
  .tag-field input, textarea { background: #14172a; border-color: #5b63a0; }
  .tag-suggestions { background: #1b1e30; border-color: #474d70; }
  .tag-suggestions li.active { background: #30355a; }
  .code { background: #1e3320; border-color: #4c7d4c; }
  .venue { color: #c9cffd; }
}
`;
