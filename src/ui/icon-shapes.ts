// The shapes of Paperlight's icons as data (24-unit grid), so that preact (icons.tsx) and plain DOM (the popup's
// first frame, drawn before preact loads) draw exactly the same SVG.
export type Shape = readonly [tag: 'path' | 'circle' | 'rect', attributes: Readonly<Record<string, string>>];

/** The `<svg>` of every line icon: stroked with the current colour; decorative (its control carries the name). */
export const LINE_ICON: Readonly<Record<string, string>> = {
  viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', 'stroke-width': '2', 'stroke-linecap': 'round',
  'stroke-linejoin': 'round', 'aria-hidden': 'true', focusable: 'false',
};

export const LINE_ICONS = {
  search: [['circle', { cx: '11', cy: '11', r: '6.5' }], ['path', { d: 'M16 16l4.5 4.5' }]],
  download: [['path', { d: 'M12 4v11' }], ['path', { d: 'M7 10.5l5 5 5-5' }], ['path', { d: 'M5 20h14' }]],
  external: [['path', { d: 'M14 4h6v6' }], ['path', { d: 'M20 4l-9 9' }], ['path', { d: 'M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5' }]],
  expand: [['rect', { x: '3.5', y: '4.5', width: '17', height: '15', rx: '2' }], ['path', { d: 'M3.5 9h17' }]],
  gear: [
    ['circle', { cx: '12', cy: '12', r: '3' }],
    ['path', { d: 'M12 2.5v3M12 18.5v3M2.5 12h3M18.5 12h3M5.3 5.3l2.1 2.1M16.6 16.6l2.1 2.1M5.3 18.7l2.1-2.1M16.6 7.4l2.1-2.1' }],
  ],
  keyboard: [['rect', { x: '2.5', y: '6', width: '19', height: '12', rx: '2' }], ['path', { d: 'M6 10h.01M10 10h.01M14 10h.01M18 10h.01M7 14h10' }]],
  trash: [['path', { d: 'M4 7h16' }], ['path', { d: 'M9 7V4.5h6V7' }], ['path', { d: 'M6.5 7l1 13h9l1-13' }]],
  close: [['path', { d: 'M6 6l12 12M18 6L6 18' }]],
  tag: [['path', { d: 'M3.5 12.5V4.5a1 1 0 0 1 1-1h8l8 8-9 9z' }], ['circle', { cx: '8', cy: '8', r: '1.3' }]],
  code: [['path', { d: 'M8.5 7L3.5 12l5 5M15.5 7l5 5-5 5' }]],
} as const satisfies Record<string, readonly Shape[]>;

export type LineIconName = keyof typeof LINE_ICONS;

/** The logo's `<svg>` and shapes: filled with the theme's colours. */
export const LOGO: Readonly<Record<string, string>> = { viewBox: '0 0 24 24', 'aria-hidden': 'true', focusable: 'false' };
export const LOGO_SHAPES: readonly Shape[] = [
  ['rect', { x: '3', y: '2', width: '15', height: '20', rx: '2.5', fill: 'var(--accent)' }],
  ['path', { d: 'M7 8h7M7 12h7M7 16h4', stroke: 'var(--bg)', 'stroke-width': '1.8', 'stroke-linecap': 'round' }],
  ['circle', { cx: '18.5', cy: '17.5', r: '3.5', fill: '#f5b700', stroke: 'var(--bg)', 'stroke-width': '1.5' }],
];
