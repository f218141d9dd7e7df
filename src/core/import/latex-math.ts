// Math in BibTeX values (`$\mathcal{O}(n \log n)$`, `$\tilde{O}(\sqrt{T})$`) read as the text a reader of the title
// expects and a search finds: "O(n log n)", "Õ(√T)". The LaTeX reader (latex-reader.ts) knows Greek letters and
// `^`/`_` with digits; these tables add what titles and abstracts carry most. A command in neither stays as written.

/** Math alphabets and text inside math: the letters themselves, so that "O(n log n)" finds `\mathcal{O}(n \log n)`. */
export const MATH_FONTS = [
  'mathcal', 'mathbb', 'mathbf', 'mathit', 'mathsf', 'mathtt', 'mathfrak', 'mathscr', 'mathnormal', 'mathrm',
  'boldsymbol', 'bm', 'operatorname',
];

/** Operator names, printed upright as words: `\log n` is "log n". */
export const OPERATOR_NAMES = new Set([
  'log', 'ln', 'lg', 'exp', 'sin', 'cos', 'tan', 'sinh', 'cosh', 'tanh', 'arcsin', 'arccos', 'arctan', 'max', 'min',
  'sup', 'inf', 'lim', 'liminf', 'limsup', 'arg', 'argmax', 'argmin', 'det', 'dim', 'ker', 'deg', 'gcd', 'Pr', 'mod', 'bmod',
]);

/** Symbols and the character each prints; `\left`, `\right` and the size commands print nothing of their own. */
export const MATH_SYMBOLS: Record<string, string> = {
  ell: 'ℓ', infty: '∞', partial: '∂', nabla: '∇', emptyset: '∅', varnothing: '∅', forall: '∀', exists: '∃', neg: '¬',
  leq: '≤', le: '≤', geq: '≥', ge: '≥', neq: '≠', ne: '≠', approx: '≈', sim: '∼', simeq: '≃', cong: '≅', equiv: '≡',
  propto: '∝', ll: '≪', gg: '≫', prec: '≺', succ: '≻', times: '×', cdot: '·', div: '÷', pm: '±', mp: '∓', ast: '∗',
  star: '⋆', circ: '∘', bullet: '•', oplus: '⊕', otimes: '⊗', wedge: '∧', land: '∧', vee: '∨', lor: '∨', cup: '∪',
  cap: '∩', in: '∈', notin: '∉', ni: '∋', subset: '⊂', subseteq: '⊆', supset: '⊃', supseteq: '⊇', setminus: '∖',
  to: '→', rightarrow: '→', leftarrow: '←', gets: '←', leftrightarrow: '↔', Rightarrow: '⇒', Leftarrow: '⇐',
  Leftrightarrow: '⇔', iff: '⇔', implies: '⇒', mapsto: '↦', uparrow: '↑', downarrow: '↓', sum: '∑', prod: '∏',
  int: '∫', oint: '∮', top: '⊤', bot: '⊥', perp: '⊥', dagger: '†', prime: '′', langle: '⟨', rangle: '⟩', lfloor: '⌊',
  rfloor: '⌋', lceil: '⌈', rceil: '⌉', vert: '|', mid: '|', lvert: '|', rvert: '|', Vert: '‖', lVert: '‖', rVert: '‖',
  cdots: '⋯', vdots: '⋮', ddots: '⋱', hbar: 'ℏ', aleph: 'ℵ', Re: 'ℜ', Im: 'ℑ', wp: '℘',
  left: '', right: '', big: '', Big: '', bigg: '', Bigg: '', bigl: '', bigr: '', Bigl: '', Bigr: '', displaystyle: '',
  textstyle: '', limits: '', nolimits: '',
};

/** Math accents and the combining mark each puts on the first letter of its argument (`\tilde{O}` is Õ). */
const MATH_ACCENTS: Record<string, string> = {
  tilde: '\u0303', widetilde: '\u0303', hat: '\u0302', widehat: '\u0302', bar: '\u0304', overline: '\u0305',
  dot: '\u0307', ddot: '\u0308', vec: '\u20d7', check: '\u030c', breve: '\u0306', acute: '\u0301', grave: '\u0300',
};

/** Subscript letters Unicode has that the reader's table lacks (`x_i` is xᵢ). */
export const MORE_SUBSCRIPTS: Record<string, string> = { i: 'ᵢ', j: 'ⱼ', r: 'ᵣ', u: 'ᵤ', v: 'ᵥ' };

/** A fraction's or root's part as one term: in brackets unless it is letters, digits and symbols only ("n+1" is "(n+1)"). */
function term(text: string): string {
  const t = text.trim();
  return [...t].length <= 1 || !/[\s+\-−*/=<>,;:±∓·×÷]/.test(t) ? t : `(${t})`;
}

function accented(mark: string): (text: string) => string {
  return (text) => {
    const [first = '', ...rest] = text;
    return `${(first + mark).normalize('NFC')}${rest.join('')}`;
  };
}

/** Math commands with braced arguments: `\frac{a}{b}` is "a/b", `\sqrt{x}` "√x", and the accents. */
export const MATH_ARGUMENT_COMMANDS: Record<string, (...args: string[]) => string> = {
  sqrt: (radicand: string) => `√${term(radicand)}`,
  frac: (numerator: string, denominator: string) => `${term(numerator)}/${term(denominator)}`,
  dfrac: (numerator: string, denominator: string) => `${term(numerator)}/${term(denominator)}`,
  tfrac: (numerator: string, denominator: string) => `${term(numerator)}/${term(denominator)}`,
  ...Object.fromEntries(Object.entries(MATH_ACCENTS).map(([name, mark]) => [name, accented(mark)])),
};
