// Plain text from a title or name written with TeX markup, the way arXiv listings, PMLR pages and
// BibTeX give them (`{BERT}`, `Gr\"obner`, `$100\times$`, `\emph{…}`), so that it reads like the
// same title rendered by a site (MathJax output, Unicode accents, plain words). One left-to-right pass:
// linear in the length, and it never throws on unbalanced braces or dollars.
//
// What a command becomes:
// - formatting and accent commands vanish and leave their argument (`\textit{x}` → `x`, `\"o` → `o`);
// - commands that stand for a character become that character (`\alpha` → `α`, `\times` → `×`,
//   `\ss` → `ß`), which the title folding then treats like the same character typed directly;
// - in math, operator names stay words (`\log`) and any other unknown command (a symbol) vanishes;
//   in text an unknown command keeps its name (`\LaTeX` → `LaTeX`).
// Math (`$…$`, `$$…$$`, `\(…\)`) loses its spaces, braces, `^` and `_`, as MathJax's text does:
// `$D^{T}$` → `DT`, `$l_p$` → `lp`.

/** Commands that only format their argument, and accents on the next letter. */
const FORMATTING = new Set([
  'emph', 'textit', 'textbf', 'textsc', 'texttt', 'textsf', 'textrm', 'textup', 'textsl', 'textmd', 'textnormal',
  'text', 'mbox', 'hbox', 'underline', 'overline', 'it', 'bf', 'sc', 'tt', 'rm', 'sf', 'sl', 'em', 'up', 'normalfont',
  'mathrm', 'mathbf', 'mathit', 'mathsf', 'mathtt', 'mathcal', 'mathbb', 'mathfrak', 'mathscr', 'mathnormal',
  'boldsymbol', 'bm', 'operatorname', 'ensuremath', 'textsuperscript', 'textsubscript',
  'hat', 'widehat', 'tilde', 'widetilde', 'bar', 'vec', 'dot', 'ddot', 'check', 'breve', 'acute', 'grave', 'mathring',
  'left', 'right', 'big', 'Big', 'bigg', 'Bigg', 'displaystyle', 'textstyle', 'scriptstyle',
  'small', 'large', 'Large', 'footnotesize', 'protect', 'relax', 'xspace', 'noindent',
  // Accents written as letters: \c{c}, \v{s}, \u{a}, \H{o}, \k{a}, \r{a}, \d{o}, \b{o}, \t{oo}.
  'c', 'v', 'u', 'H', 'k', 'r', 'd', 'b', 't',
]);

/** Commands that stand for one character: written as that character. */
const SYMBOLS = new Map<string, string>(Object.entries({
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ',
  vartheta: 'θ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', omicron: 'ο', pi: 'π', varpi: 'π',
  rho: 'ρ', varrho: 'ρ', sigma: 'σ', varsigma: 'ς', tau: 'τ', upsilon: 'υ', phi: 'φ', varphi: 'φ', chi: 'χ',
  psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ',
  Upsilon: 'Υ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
  o: 'ø', O: 'Ø', l: 'ł', L: 'Ł', i: 'i', j: 'j', ss: 'ß', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', aa: 'å', AA: 'Å',
  ell: 'ℓ', hbar: 'ħ', times: '×', infty: '∞', sqrt: '√', partial: '∂', nabla: '∇', prime: '′',
  cdot: '·', pm: '±', mp: '∓', circ: '°', degree: '°', to: '→', rightarrow: '→', leftarrow: '←',
  Rightarrow: '⇒', leftrightarrow: '↔', le: '≤', leq: '≤', ge: '≥', geq: '≥', ne: '≠', neq: '≠', approx: '≈',
  sim: '∼', in: '∈', ldots: '…', dots: '…', cdots: '…', textendash: '–', textemdash: '—', textquoteright: '’',
  textquoteleft: '‘', textquotedblleft: '“', textquotedblright: '”', textasciitilde: '~', textbackslash: ' ',
  textunderscore: '_', textbar: '|', copyright: '©', S: '§', P: '¶', dag: '†', ddag: '‡',
}));

/** Operator names that math prints as words (`\log n`). */
const OPERATOR_NAMES = new Set([
  'log', 'ln', 'exp', 'sin', 'cos', 'tan', 'sinh', 'cosh', 'tanh', 'max', 'min', 'arg', 'det', 'dim', 'lim',
  'sup', 'inf', 'ker', 'deg', 'gcd', 'Pr', 'mod', 'bmod', 'argmax', 'argmin',
]);

/** One-character control symbols that put an accent on the next letter: `\"o`, `\'e`, `\^o`. */
const ACCENT_SYMBOLS = new Set(['"', "'", '`', '^', '~', '=', '.']);
/** Other control symbols: what they print. */
const CONTROL_SYMBOLS = new Map<string, string>(Object.entries({ '&': '&', '%': '%', $: ' ', '#': ' ', _: ' ', '{': ' ', '}': ' ', '-': '' }));

const isLetter = (c: string | undefined) => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

interface State {
  readonly text: string;
  out: string;
  /** Index where the current math span closes, or -1 outside math. */
  mathEnd: number;
  closeLength: number;
  /** Closing delimiters already searched for in vain: searching again would make the pass quadratic. */
  missing: Set<string>;
}

/** Text of `text` with its TeX markup resolved as described above. */
export function stripTex(text: string): string {
  const state: State = { text, out: '', mathEnd: -1, closeLength: 0, missing: new Set() };
  let i = 0;
  while (i < text.length) {
    if (state.mathEnd >= 0 && i >= state.mathEnd) {
      i = Math.max(i, state.mathEnd + state.closeLength);
      state.mathEnd = -1;
      continue;
    }
    const c = text[i]!;
    if (c === '\\') i = command(state, i);
    else if (c === '$') i = dollar(state, i);
    else if (state.mathEnd >= 0) i = mathChar(state, i);
    else i = textRun(state, i);
  }
  return state.out;
}

/** Opens math at a `$` or `$$` that has a closing partner; a lone dollar is just punctuation. */
function dollar(state: State, i: number): number {
  if (state.mathEnd >= 0) return i + 1; // a stray `$` inside math
  const delimiter = state.text[i + 1] === '$' ? '$$' : '$';
  const close = state.missing.has(delimiter) ? -1 : state.text.indexOf(delimiter, i + delimiter.length);
  if (close < 0) {
    state.missing.add(delimiter);
    state.out += ' ';
    return i + delimiter.length;
  }
  state.mathEnd = close;
  state.closeLength = delimiter.length;
  return i + delimiter.length;
}

function mathChar(state: State, i: number): number {
  const c = state.text[i]!;
  if (!isSpace(c) && c !== '{' && c !== '}' && c !== '^' && c !== '_' && c !== '~') state.out += c;
  return i + 1;
}

/** Text characters that are markup, or may be (`-` starts `--`): read one at a time by `textChar`. */
const isTextMarkup = (code: number) =>
  code === 0x5c || code === 0x24 || code === 0x7b || code === 0x7d || code === 0x7e || code === 0x2d;

/** Text from `i` up to the next markup character, copied as one slice (most of a title); else one character. */
function textRun(state: State, i: number): number {
  const { text } = state;
  let end = i;
  while (end < text.length && !isTextMarkup(text.charCodeAt(end))) end++;
  if (end === i) return textChar(state, i);
  state.out += text.slice(i, end);
  return end;
}

function textChar(state: State, i: number): number {
  const { text } = state;
  const c = text[i]!;
  if (c === '{' || c === '}') return i + 1;
  if (c === '~') {
    state.out += ' ';
    return i + 1;
  }
  if (c === '-' && text[i + 1] === '-') {
    const triple = text[i + 2] === '-';
    state.out += triple ? '—' : '–';
    return i + (triple ? 3 : 2);
  }
  state.out += c;
  return i + 1;
}

/** A control word (`\alpha`) or control symbol (`\&`, `\"`) at `i`; returns the index after it. */
function command(state: State, i: number): number {
  const { text } = state;
  const inMath = state.mathEnd >= 0;
  let end = i + 1;
  if (!isLetter(text[end])) return controlSymbol(state, i);
  while (isLetter(text[end])) end++;
  const name = text.slice(i + 1, end);
  let next = end;
  while (isSpace(text[next])) next++; // TeX drops the spaces after a control word
  const symbol = SYMBOLS.get(name);
  if (FORMATTING.has(name)) return next;
  if (symbol !== undefined) {
    state.out += symbol;
    return next;
  }
  if (inMath) {
    if (OPERATOR_NAMES.has(name)) state.out += name;
    return next;
  }
  // An unknown command in text (a logo such as \LaTeX): keep its name as a word.
  state.out += next > end ? `${name} ` : name;
  return next;
}

function controlSymbol(state: State, i: number): number {
  const { text } = state;
  const c = text[i + 1];
  if (c === undefined) {
    state.out += ' ';
    return i + 1;
  }
  if (c === '(' || c === '[') {
    const closer = c === '(' ? '\\)' : '\\]';
    let close = -1;
    if (state.mathEnd < 0 && !state.missing.has(closer)) {
      close = text.indexOf(closer, i + 2);
      if (close < 0) state.missing.add(closer);
    }
    if (close >= 0) {
      state.mathEnd = close;
      state.closeLength = 2;
    } else if (state.mathEnd < 0) state.out += ' ';
    return i + 2;
  }
  if (ACCENT_SYMBOLS.has(c)) return i + 2;
  const printed = CONTROL_SYMBOLS.get(c);
  if (printed !== undefined) {
    state.out += printed;
    return i + 2;
  }
  // `\\`, `\,`, `\ `, `\;`, `\!` and the rest: a break or a space.
  if (state.mathEnd < 0) state.out += ' ';
  return i + 2;
}
