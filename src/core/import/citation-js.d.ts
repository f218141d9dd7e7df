// Types for the parts of Citation.js the import reads (the packages ship JavaScript only). Only what is used.

declare module '@citation-js/plugin-bibtex/lib-mjs/input/file.js' {
  /** One entry as the BibTeX grammar reads it: field values still hold their LaTeX. */
  export interface RawBibtexEntry {
    type: string;
    label: string;
    properties: Record<string, string | number>;
  }
  /** Reads a whole .bib text; throws a SyntaxError naming line and column at the first malformed entry. */
  export function parse(text: string): RawBibtexEntry[];
}

declare module '@citation-js/plugin-bibtex/lib-mjs/input/value.js' {
  /** A field's LaTeX as text: names become name objects, lists become arrays, the rest a string. */
  export function parse(text: string, field: string, languages?: string[]): unknown;
  /** One token of the value lexer (moo): its type, its value (a command's name) and its text as written. */
  export interface ValueToken {
    type: string;
    value: string;
    text: string;
  }
  /** The grammar the reader runs (Citation.js core's `util.Grammar`): rules called with the grammar as `this`. */
  export interface ValueGrammar {
    token: ValueToken | undefined;
    rules: Record<string, (this: ValueGrammar) => unknown>;
    matchToken(type: string): boolean;
    consumeToken(type?: string, optional?: boolean): ValueToken;
    consumeRule(rule: string): unknown;
  }
  export const valueGrammar: ValueGrammar;
}

declare module '@citation-js/plugin-bibtex/lib-mjs/input/constants.js' {
  /** Opening and closing text put around formatted runs (`\emph`, `\textbf`, `^{…}`); the plugin's `constants` config. */
  export const formatting: Record<string, [string, string]>;
  /** Text commands without an argument and the text they stand for (`ss` → `ß`); the plugin's unicode table. */
  export const commands: Record<string, string>;
  /** Math commands without an argument and their text (Greek letters). */
  export const mathCommands: Record<string, string>;
  /** Accent commands and the combining mark each puts on the letter that follows. */
  export const diacritics: Record<string, string>;
  /** Commands whose braced argument is formatted (`textbf` → bold); an undefined format keeps the text as it is. */
  export const formattingCommands: Record<string, string | undefined>;
  /** Declarations that format the rest of their group (`{\bf …}`). */
  export const formattingEnvs: Record<string, string | undefined>;
  /** Commands with braced arguments, each read by a function of that many arguments (`url`, `href`). */
  export const argumentCommands: Record<string, (...args: string[]) => string>;
  /** The characters `^` and `_` make of a letter or digit in math (`x^2` is x²), by script. */
  export const mathScripts: Record<'^' | '_', Record<string, string>>;
  /** The text of `--`, `---`, ``` `` ```, `''` and `~`. */
  export const ligatures: Record<string, string>;
}

declare module '@citation-js/plugin-ris/lib-mjs/ris.js' {
  /** One RIS record: each tag's value, or its values in order when the tag repeats. */
  export type RisRecord = Record<string, string | string[]>;
  /** Splits RIS text into records (`TY` starts one); lines without a tag continue the previous tag's value. */
  export function parse(text: string): RisRecord[];
  /** A record in CSL-JSON, reading both the old (`T1`, `A1`, `Y1`) and new (`TI`, `AU`, `PY`, `DA`) tags. */
  export function parseMixed(record: RisRecord): Record<string, unknown>;
}
