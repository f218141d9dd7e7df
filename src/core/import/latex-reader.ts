// Citation.js's LaTeX reader, set up to give text: formatting dropped, the commands its tables lack added, and a
// value it refuses kept as written instead of stopping the import. latex.ts reads the values that need no reader.
import { parse as parseBibtexValue } from '@citation-js/plugin-bibtex/lib-mjs/input/value.js';
import { commands, formatting } from '@citation-js/plugin-bibtex/lib-mjs/input/constants.js';

/**
 * Text commands LaTeX has that the plugin's table lacks, so that it would keep them as written ("\AAström"):
 * å and Å (Zotero and BibTeX tools write them `{\aa}`, `{\AA}`), the TeX logos, dots, and a control space
 * (`\TeX\ users`; the plugin reads a command with the spaces after it, so `\ ` is the command named '').
 */
const MISSING_COMMANDS: Record<string, string> = { aa: 'å', AA: 'Å', LaTeX: 'LaTeX', TeX: 'TeX', ldots: '…', dots: '…', '': ' ' };

let configured = false;

/**
 * Formatting (`\emph`, `\textbf`, `^{…}`, small capitals) is dropped: records hold text, not markup; and the
 * commands the plugin's table lacks are added to it. The tables are the plugin's own objects (its configuration).
 */
function configure(): void {
  if (configured) return;
  configured = true;
  for (const kind of Object.keys(formatting)) if (kind !== 'quotes') formatting[kind] = ['', ''];
  Object.assign(commands, MISSING_COMMANDS);
}

/**
 * A field's LaTeX as the reader gives it (text, a list, name objects), or undefined when the reader refuses it:
 * a command that takes an argument written without braces (`\emph word`, which LaTeX reads as `\emph{w}ord`),
 * `\begin{x}` ended by `\end{y}`. The caller then keeps the value as written.
 */
export function readLatex(value: string, field: string): unknown {
  configure();
  try {
    return parseBibtexValue(value, field);
  } catch (error) {
    if (error instanceof Error) return undefined;
    throw error;
  }
}
