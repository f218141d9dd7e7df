// Rasterises icons/icon.svg into the PNG sizes the manifest names. Runs before every build,
// so the PNGs are build output (git-ignored), never hand-edited binaries.
import { readFile, writeFile } from 'node:fs/promises';
import { Resvg } from '@resvg/resvg-js';

const ICON_SIZES = [16, 32, 48, 128];
const svg = await readFile(new URL('../icons/icon.svg', import.meta.url), 'utf8');
for (const size of ICON_SIZES) {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
  await writeFile(new URL(`../icons/icon-${size}.png`, import.meta.url), png);
}
console.log(`icons: ${ICON_SIZES.map((s) => `${s}px`).join(', ')}`);
