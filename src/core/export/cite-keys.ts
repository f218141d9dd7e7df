// Citation keys in the style of Google Scholar and most reference managers: first author's family name,
// year, first significant word of the title, all folded to lower-case ASCII (`vaswani2017attention`).
//
// Stable: the key depends only on the paper's authors, date and title, so the same library exports the same
// keys every time. Unique: papers that share a base key get the suffixes a, b, c … z, aa, ab … in the order they
// were saved (ties by paper key), so a paper saved later never takes a key an earlier paper already had.
import type { SavedPaper } from '../paper';
import { splitName } from './names';
import { paperDate, paperIds } from './paper-facts';

/** Words a key skips at the start of a title ("On the Opportunities of …" → `opportunities`). */
const SKIPPED_TITLE_WORDS = new Set([
  'a', 'an', 'the', 'on', 'of', 'in', 'for', 'to', 'and', 'with', 'at', 'by', 'from', 'via', 'into', 'toward', 'towards',
  'is', 'are',
]);

/** Latin letters that Unicode does not decompose into a base letter and accents. */
const LETTER_FOLDS: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ŋ: 'n', ħ: 'h',
};
const COMBINING_MARKS = /\p{M}/gu;
const UNFOLDABLE = /[^a-z0-9]/g;

/** Lower-case ASCII letters and digits only: accents dropped, ß → ss, and other scripts removed. */
export function asciiFold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(/[ßæœøłđðþıŋħ]/g, (c) => LETTER_FOLDS[c] ?? '')
    .replace(UNFOLDABLE, '');
}

function authorPart(paper: SavedPaper): string {
  const first = paper.authors.find((a) => a.trim() !== '');
  if (first === undefined) return 'anon';
  const name = splitName(first);
  // A literal name (a group, a name in another script) contributes its first word that folds to something.
  const words = name.kind === 'split' ? [name.family] : name.name.split(' ');
  for (const word of words) {
    const folded = asciiFold(word);
    if (folded) return folded;
  }
  return 'anon';
}

function titlePart(title: string): string {
  for (const word of title.split(/[^\p{L}\p{N}]+/u)) {
    const folded = asciiFold(word);
    if (folded && !SKIPPED_TITLE_WORDS.has(folded)) return folded;
  }
  return '';
}

/** The key before any suffix: `vaswani2017attention`, `anon2024`, `smithlearning` (no year known). */
export function baseCitationKey(paper: SavedPaper): string {
  return authorPart(paper) + (paperDate(paper, paperIds(paper))?.year ?? '') + titlePart(paper.title);
}

/** a … z, aa … az, ba …: the n-th suffix (n ≥ 1). */
function suffix(n: number): string {
  let out = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    out = String.fromCharCode(97 + ((rest - 1) % 26)) + out;
  }
  return out;
}

/** One unique key per paper, by paper key. */
export function citationKeys(papers: readonly SavedPaper[]): Map<string, string> {
  const bySaveOrder = [...papers].sort((a, b) => a.savedAt - b.savedAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const taken = new Set<string>();
  const keys = new Map<string, string>();
  const nextSuffix = new Map<string, number>();
  for (const paper of bySaveOrder) {
    if (keys.has(paper.key)) continue;
    const base = baseCitationKey(paper);
    let key = base;
    let n = nextSuffix.get(base) ?? 0;
    while (taken.has(key)) key = base + suffix(++n);
    nextSuffix.set(base, n);
    taken.add(key);
    keys.set(paper.key, key);
  }
  return keys;
}
