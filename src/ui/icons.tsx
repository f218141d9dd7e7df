// Line icons drawn for Paperlight (24-unit grid, stroked with the current colour; shapes in icon-shapes.ts).
// Decorative: the control that holds one carries the accessible name.
import { LINE_ICON, LINE_ICONS, LOGO, LOGO_SHAPES, type LineIconName, type Shape } from './icon-shapes';

const drawn = (shapes: readonly Shape[]) => shapes.map(([Tag, attributes], i) => <Tag key={i} {...attributes} />);

function lineIcon(name: LineIconName) {
  return () => <svg {...LINE_ICON}>{drawn(LINE_ICONS[name])}</svg>;
}

export const SearchIcon = lineIcon('search');
export const DownloadIcon = lineIcon('download');
export const ExternalIcon = lineIcon('external');
export const ExpandIcon = lineIcon('expand');
export const GearIcon = lineIcon('gear');
export const KeyboardIcon = lineIcon('keyboard');
export const TrashIcon = lineIcon('trash');
export const CloseIcon = lineIcon('close');
export const TagIcon = lineIcon('tag');
export const CodeIcon = lineIcon('code');
export const LogoIcon = () => <svg {...LOGO}>{drawn(LOGO_SHAPES)}</svg>;
