// The colour of each highlight group: the page's highlights and the in-page legend (content script) and the
// options page's switches all take them from here, so a group looks the same everywhere.
import type { HighlightGroup } from '../core/highlight-groups';

/** `fill` behind the highlighted text, `line` for its underline and the swatch border. */
export const GROUP_COLORS: Readonly<Record<HighlightGroup, { fill: string; line: string }>> = {
  speed: { fill: 'rgba(255, 190, 0, 0.38)', line: '#b57a00' },
  quality: { fill: 'rgba(52, 199, 89, 0.32)', line: '#1d7f38' },
  size: { fill: 'rgba(64, 156, 255, 0.32)', line: '#1f5fbf' },
  compute: { fill: 'rgba(175, 82, 222, 0.30)', line: '#7a2fa3' },
  data: { fill: 'rgba(0, 184, 180, 0.30)', line: '#0a7c7a' },
  other: { fill: 'rgba(142, 142, 147, 0.34)', line: '#5a5a60' },
};
