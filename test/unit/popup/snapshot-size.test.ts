// The snapshot's words column is stored one byte per character whenever its text allows it: the popup copies it out
// of the database as it opens, and one paper with an accent or a dash must not double that. What the engine stores
// is read through V8's own serialiser (the one the browser's database clones values with): a one-byte string
// serialises to about its length in bytes, a two-byte one to twice that.
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { compactText, searchableWords } from '../../../src/shared/search-words';
import { encodeSnapshot } from '../../../src/shared/search-snapshot';
import { paper } from '../store/helpers';

/** Bytes per character of `text` as the engine stores it (the few bytes of header left out). */
const bytesPerChar = (text: string) => Math.round((serialize(text).length - 8) / text.length);

describe('the words of the search snapshot', () => {
  const accented = paper(1, { title: 'Diffusion — a study of Jürgen’s “models”', authors: ['Jürgen Schmidhuber', 'Ana García'] });
  const plain = paper(2, { title: 'Attention is all you need', authors: ['Ada Lovelace'] });

  it('are one byte per character when folded from text with characters beyond one byte', () => {
    const words = searchableWords(accented);
    expect(words.split('\n')[0]).toBe(' diffusion a study of jurgen s models ');
    expect(words.split('\n')[2]).toBe(' jurgen schmidhuber ana garcia ');
    expect(bytesPerChar(words)).toBe(1);
    // The column of a library with such a paper too: ten thousand papers, one of them accented.
    const library = [accented, ...Array.from({ length: 9_999 }, (_, i) => paper(i + 2))];
    const words10k = encodeSnapshot(library).words;
    expect(typeof words10k).toBe('string');
    expect(bytesPerChar(words10k as string)).toBe(1);
    expect(bytesPerChar(searchableWords(plain))).toBe(1);
  });

  it('keep what needs two bytes as it is, and the same text either way', () => {
    const greek = searchableWords(paper(3, { title: 'β-VAE and the α-divergence', authors: ['Łukasz Kaiser'] }));
    expect(greek.split('\n')[0]).toBe(' β vae and the α divergence ');
    expect(greek.split('\n')[2]).toBe(' łukasz kaiser ');
    expect(bytesPerChar(greek)).toBe(2);
    const twoByte = 'jurgen — '.slice(0, 6).normalize('NFD');
    expect(compactText(twoByte)).toBe(twoByte);
    expect(compactText('x'.repeat(10_000) + 'é')).toBe('x'.repeat(10_000) + 'é');
    expect(compactText('')).toBe('');
  });
});
