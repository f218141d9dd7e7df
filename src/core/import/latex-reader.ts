// Citation.js's LaTeX reader, set up to give text: formatting dropped, the commands its tables lack added (math:
// latex-math.ts), an unknown command kept as written, and a value it refuses kept as written instead of stopping
// the import. latex.ts reads the values that need no reader.
import { parse as parseBibtexValue, valueGrammar, type ValueGrammar } from '@citation-js/plugin-bibtex/lib-mjs/input/value.js';
import {
  argumentCommands, commands, diacritics, formatting, formattingCommands, formattingEnvs, mathCommands, mathScripts,
} from '@citation-js/plugin-bibtex/lib-mjs/input/constants.js';
import { MATH_ARGUMENT_COMMANDS, MATH_FONTS, MATH_SYMBOLS, MORE_SUBSCRIPTS, OPERATOR_NAMES } from './latex-math';

/**
 * Text commands LaTeX has that the plugin's table lacks, so that it would keep them as written ("\AAström"):
 * å and Å (Zotero and BibTeX tools write them `{\aa}`, `{\AA}`), the TeX logos, dots, and a control space
 * (`\TeX\ users`; the plugin reads a command with the spaces after it, so `\ ` is the command named '').
 */
const MISSING_COMMANDS: Record<string, string> = {
  aa: 'å', AA: 'Å', LaTeX: 'LaTeX', TeX: 'TeX', ldots: '…', dots: '…', '': ' ',
  // Spacing: thin, medium and thick spaces, quads; a line break (`\\`, `\newline`; a note keeps it, a title or a
  // name makes it a space); nothing for a negative space, an allowed hyphenation point `\-`, the italic correction
  // `\/` and the end-of-sentence mark `\@`.
  ',': ' ', ':': ' ', ';': ' ', quad: ' ', qquad: ' ', '\\': '\n', newline: '\n', '!': '', '-': '', '/': '', '@': '',
};

/** Commands whose braced argument is simply text: boxes, text inside math and math inside text. */
const TEXT_OF_ARGUMENT = ['mbox', 'hbox', 'fbox', 'makebox', 'text', 'textnormal', 'ensuremath', 'NoCaseChange'];

/**
 * Commands with arguments read in words: a link gives its text and, in brackets, its address (the plugin gave the
 * address alone, and the text was lost); a footnote or `\thanks` (a title's "work done at …") its text in
 * brackets, where LaTeX would print a mark and the text below.
 */
const ARGUMENT_COMMANDS: Record<string, (...args: string[]) => string> = {
  href: (url: string, text: string) => (text.trim() && text.trim() !== url.trim() ? `${text} (${url})` : url),
  footnote: (text: string) => ` (${text})`,
  thanks: (text: string) => ` (${text})`,
};

/** Whether the reader has a meaning for a command (a one-character escape such as `\%` included). */
function knownCommand(name: string): boolean {
  // Own keys only: `\constructor` names nothing.
  return [formattingEnvs, formattingCommands, commands, mathCommands, diacritics, argumentCommands].some((table) => Object.hasOwn(table, name))
    || /^[&%$#_{}]$/.test(name);
}

/** A math symbol or operator name as its text, or undefined for other commands. */
function mathSymbol(name: string): string | undefined {
  if (OPERATOR_NAMES.has(name)) return name;
  if (Object.hasOwn(MATH_SYMBOLS, name)) return MATH_SYMBOLS[name];
  return Object.hasOwn(mathCommands, name) ? mathCommands[name] : undefined;
}

/**
 * The reader's command rule, with two changes. A math symbol keeps the space written after it, which the
 * command takes (`$n \log n$` is "n log n", `$a \leq b$` "a ≤ b"; the plugin gave "n logn"). A command the reader
 * does not know keeps its braced arguments in their braces: `\cite{vaswani2017}` stays as written where the
 * plugin gave "\citevaswani2017", the command glued to what followed it.
 */
function keepUnknownCommands(read: (this: ValueGrammar) => unknown): (this: ValueGrammar) => unknown {
  return function readCommand(this: ValueGrammar) {
    const name = this.token?.value ?? '';
    const symbol = mathSymbol(name);
    if (symbol !== undefined) return symbol + (/\s$/.test(this.consumeToken('command').text) ? ' ' : '');
    if (knownCommand(name)) return read.call(this);
    let text = this.consumeToken('command').text;
    while (this.matchToken('lbrace')) text += `{${String(this.consumeRule('BracketString'))}}`;
    return text;
  };
}

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
  for (const name of [...TEXT_OF_ARGUMENT, ...MATH_FONTS]) formattingCommands[name] = undefined;
  Object.assign(argumentCommands, ARGUMENT_COMMANDS, MATH_ARGUMENT_COMMANDS);
  Object.assign(mathScripts._, MORE_SUBSCRIPTS);
  valueGrammar.rules.Command = keepUnknownCommands(valueGrammar.rules.Command);
}

/**
 * A script (`^`, `_`) without braces applies to the one character after it, as in LaTeX; the reader applied it to
 * the whole run of text ("$x_1)$" gave "x₁₎"), so that character is braced first. Outside math the braces change
 * nothing the reader gives.
 */
const BARE_SCRIPT = /(?<!\\)([\^_])([^\s{\\$])/g;

/**
 * A field's LaTeX as the reader gives it (text, a list, name objects), or undefined when the reader refuses it:
 * a command that takes an argument written without braces (`\emph word`, which LaTeX reads as `\emph{w}ord`),
 * `\begin{x}` ended by `\end{y}`. The caller then keeps the value as written.
 */
export function readLatex(value: string, field: string): unknown {
  configure();
  try {
    return parseBibtexValue(value.includes('$') ? value.replace(BARE_SCRIPT, '$1{$2}') : value, field);
  } catch (error) {
    if (error instanceof Error) return undefined;
    throw error;
  }
}
