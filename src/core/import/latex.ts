// The LaTeX of BibTeX values that needs no LaTeX reader. Most values tools write hold only braces that protect
// capitals (`{BERT}`, `{{Title}}`), escaped specials (`12.5\%`, `R\&D`), ties and dash or quote ligatures; for
// those the text is worked out here, as Citation.js's reader gives it for a plain field, in one pass and without
// its token objects. Anything else (accents and other commands, math, an unbalanced brace) answers undefined and
// goes to the reader. The unit tests compare both ways on generated values.
import { ligatures } from '@citation-js/plugin-bibtex/lib-mjs/input/constants.js';

/** Ligatures inside a run of text (a tie, `~`, is a character of its own here). */
const LIGATURE = /---?|''|``/g;
/** Characters that end a run of text: braces, math, ties, commands. */
const STOPS = /[{}$~\\]/;
/** What a backslash may escape here: the reader gives the character itself. */
const ESCAPED = '&%$#_{}';

function withLigatures(run: string): string {
  return run.includes('-') || run.includes("'") || run.includes('`') ? run.replace(LIGATURE, (l) => ligatures[l] ?? l) : run;
}

/**
 * The items of a value as the reader gives them for a plain field (one item), or for a comma-separated one
 * (`separator` ','; commas inside braces do not separate; items trimmed). White space is otherwise kept as it is
 * (every caller makes it single spaces); undefined when the value needs the reader.
 */
function simpleItems(value: string, separator?: ','): string[] | undefined {
  if (!STOPS.test(value) && separator === undefined) return [withLigatures(value)];
  const items: string[] = [];
  let out = '';
  let depth = 0;
  let run = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c !== '{' && c !== '}' && c !== '$' && c !== '~' && c !== '\\' && !(c === separator && depth === 0)) continue;
    out += withLigatures(value.slice(run, i));
    run = i + 1;
    if (c === '{') depth++;
    else if (c === '}') {
      if (--depth < 0) return undefined;
    } else if (c === '~') out += '\u00a0';
    else if (c === '\\') {
      const next = value[i + 1];
      if (next === undefined || !ESCAPED.includes(next)) return undefined;
      out += next;
      i++;
      run = i + 1;
    } else if (c === '$') return undefined;
    else {
      items.push(out.trim());
      out = '';
    }
  }
  if (depth !== 0) return undefined;
  out += withLigatures(value.slice(run));
  items.push(separator === undefined ? out : out.trim());
  return items;
}

/** A plain field's text (a title, a journal, an abstract), or undefined when the value needs the LaTeX reader. */
export function simpleText(value: string): string | undefined {
  return simpleItems(value)?.[0];
}

/** A comma-separated field's items (`keywords`), or undefined when the value needs the LaTeX reader. */
export function simpleList(value: string): string[] | undefined {
  return simpleItems(value, ',');
}

/** ` and ` between names, as BibTeX separates them (any letter case, any white space around). */
export const NAME_SEPARATOR = /\s+[aA][nN][dD]\s+/g;

/**
 * A name list (`author`) cut into its names, each still in LaTeX, so that each name is read (and remembered) on
 * its own; undefined when the cut could differ from the reader's: a separator inside braces, math, or a command
 * outside braces (a command takes the spaces after it, which can join ` and ` to a name).
 */
export function splitNames(value: string): string[] | undefined {
  let depth = 0;
  let braced = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '{') {
      depth++;
      braced = true;
    } else if (c === '}') {
      if (--depth < 0) return undefined;
    } else if (c === '$' || (c === '\\' && depth === 0)) return undefined;
  }
  if (depth !== 0) return undefined;
  if (!braced) return value.split(NAME_SEPARATOR);
  // Separators inside braces (`{Barnes and Noble}`) are not separators: cut only at those outside.
  const names: string[] = [];
  let start = 0;
  depth = 0;
  let scanned = 0;
  for (const m of value.matchAll(NAME_SEPARATOR)) {
    for (; scanned < m.index; scanned++) {
      if (value[scanned] === '{') depth++;
      else if (value[scanned] === '}') depth--;
    }
    if (depth !== 0) continue;
    names.push(value.slice(start, m.index));
    start = m.index + m[0].length;
  }
  names.push(value.slice(start));
  return names;
}
