// The identity rule on records (title + authors): equal normalised titles of at least four words, and
// authors that share a family name unless either side lists none. Titles and authors are real (source
// on each test) unless marked made up.
import { describe, expect, it } from 'vitest';
import { MIN_TITLE_WORDS, findByFingerprint, findSamePaper, samePaper, titleFingerprint } from '../../../src/core/identity';

const ATTENTION_ARXIV = {
  title: 'Attention Is All You Need',
  authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Jakob Uszkoreit', 'Llion Jones', 'Aidan N. Gomez', 'Łukasz Kaiser', 'Illia Polosukhin'],
};
/** The NeurIPS 2017 proceedings BibTeX, authors split at " and ". */
const ATTENTION_NEURIPS = {
  title: 'Attention is All you Need',
  authors: ['Vaswani, Ashish', 'Shazeer, Noam', 'Parmar, Niki', 'Uszkoreit, Jakob', 'Jones, Llion', 'Gomez, Aidan N', 'Kaiser, \\L ukasz', 'Polosukhin, Illia'],
};

describe('titleFingerprint', () => {
  it('is the normalised title when it has at least four words', () => {
    expect(MIN_TITLE_WORDS).toBe(4);
    expect(titleFingerprint('Attention is All you Need.')).toBe('attention is all you need');
    // arXiv 0704.0108 (test/fixtures/cvf data): "2-SAT" is one word, so exactly four.
    expect(titleFingerprint('Reducing SAT to 2-SAT')).toBe('reducing sat to 2sat');
    // arXiv 0704.0022.
    expect(titleFingerprint('Stochastic Lie group integrators')).toBe('stochastic lie group integrators');
  });

  it.each([
    ['Segment Anything', 'arXiv 2304.02643 / ICCV 2023'],
    ['Kolmogorov-Arnold Transformer', 'arXiv 2409.10594 (test/fixtures/huggingface): the hyphen joins, two words'],
    ['Efficient Track Anything', 'Hugging Face daily page (test/fixtures/huggingface)'],
  ])('is undefined below four words: %j (%s)', (title) => {
    expect(titleFingerprint(title)).toBeUndefined();
  });

  it('is undefined for an empty or missing title', () => {
    expect(titleFingerprint('')).toBeUndefined();
    expect(titleFingerprint(undefined as unknown as string)).toBeUndefined();
  });
});

describe('samePaper', () => {
  it('joins an arXiv record and its proceedings record (case, TeX in the authors, "Family, Given")', () => {
    expect(samePaper(ATTENTION_ARXIV, ATTENTION_NEURIPS)).toBe(true);
    expect(samePaper(ATTENTION_NEURIPS, ATTENTION_ARXIV)).toBe(true);
  });

  it('joins records when either lists no authors', () => {
    expect(samePaper({ title: ATTENTION_NEURIPS.title, authors: [] }, ATTENTION_ARXIV)).toBe(true);
    expect(samePaper(ATTENTION_ARXIV, { title: ATTENTION_NEURIPS.title, authors: [] })).toBe(true);
  });

  it('keeps apart equal titles whose author lists share no family name (made-up second list)', () => {
    expect(samePaper(ATTENTION_ARXIV, { title: 'Attention is all you need', authors: ['Ada Lovelace', 'Alan Turing'] })).toBe(false);
  });

  it('keeps apart the parts of a series by the same authors (arXiv 0704.0047 / 0704.0050)', () => {
    const partOne = { title: 'Intelligent location of simultaneously active acoustic emission sources: Part I', authors: ['T. Kosel', 'I. Grabec'] };
    const partTwo = { title: 'Intelligent location of simultaneously active acoustic emission sources: Part II', authors: ['T. Kosel', 'I. Grabec'] };
    expect(samePaper(partOne, partTwo)).toBe(false);
  });

  it('keeps apart a retitled version (arXiv 2302.02213 vs PMLR v235 agnihotri24b), same authors', () => {
    const authors = ['Shashank Agnihotri', 'Steffen Jung', 'Margret Keuper'];
    expect(
      samePaper(
        { title: 'CosPGD: a unified white-box adversarial attack for pixel-wise prediction tasks', authors },
        { title: 'CosPGD: an efficient white-box adversarial attack for pixel-wise prediction tasks', authors },
      ),
    ).toBe(false);
  });

  it('never joins by a short title, even with the same authors', () => {
    const authors = ['Alexander Kirillov', 'Eric Mintun', 'Nikhila Ravi'];
    expect(samePaper({ title: 'Segment Anything', authors }, { title: 'Segment Anything', authors })).toBe(false);
  });

  it('never throws on malformed records', () => {
    const bad = [undefined, null, {}, { title: 5, authors: 'x' }, { title: 'Attention is All you Need', authors: null }];
    for (const a of bad) {
      expect(() => samePaper(a as never, ATTENTION_ARXIV)).not.toThrow();
      expect(() => samePaper(ATTENTION_ARXIV, a as never)).not.toThrow();
    }
    expect(samePaper({ title: 'Attention is All you Need', authors: null } as never, ATTENTION_ARXIV)).toBe(true);
  });
});

describe('findSamePaper', () => {
  it('returns the first candidate that is the same paper, skipping others with the same fingerprint', () => {
    const stranger = { key: 'made-up', title: 'Attention is all you need', authors: ['Ada Lovelace'] };
    const saved = { key: 'arxiv:1706.03762', ...ATTENTION_ARXIV };
    expect(findSamePaper(ATTENTION_NEURIPS, [stranger, saved])).toBe(saved);
    expect(findSamePaper(ATTENTION_NEURIPS, [stranger])).toBeUndefined();
    expect(findSamePaper({ title: 'Segment Anything', authors: [] }, [{ title: 'Segment Anything', authors: [] }])).toBeUndefined();
  });
});

describe('findByFingerprint', () => {
  const FINGERPRINT = 'attention is all you need';

  it('confirms a candidate by a name both lists write alike, as by names written differently', () => {
    const saved = { key: 'arxiv:1706.03762', ...ATTENTION_ARXIV };
    expect(findByFingerprint(FINGERPRINT, ['Someone Else', 'Noam Shazeer'], [saved])).toBe(saved);
    expect(findByFingerprint(FINGERPRINT, ATTENTION_NEURIPS.authors, [saved])).toBe(saved);
    expect(findByFingerprint(FINGERPRINT, ['Ada Lovelace'], [saved])).toBeUndefined();
  });

  it('does not take a shared string that names no one for a shared author', () => {
    const candidate = { title: 'Attention Is All You Need', authors: ['et al.', 'A.', 'Ada Lovelace'] };
    expect(findByFingerprint(FINGERPRINT, ['et al.', 'A.', 'Alan Turing'], [candidate])).toBeUndefined();
    expect(findByFingerprint(FINGERPRINT, ['et al.', 'Turing, Ada'], [candidate])).toBeUndefined();
    expect(findByFingerprint(FINGERPRINT, ['Lovelace, A.'], [candidate])).toBe(candidate);
  });

  it('still needs the title: a candidate with another fingerprint is skipped even with the same authors', () => {
    const sequel = { title: 'Attention Is All You Need, Again', authors: ATTENTION_ARXIV.authors };
    expect(findByFingerprint(FINGERPRINT, ATTENTION_ARXIV.authors, [sequel])).toBeUndefined();
  });

  it('finds a name both lists write alike in long lists too (compared through a set beyond 256 pairs)', () => {
    const long = Array.from({ length: 40 }, (_, i) => `Author${i} Family${i}`);
    const candidate = { title: 'Attention Is All You Need', authors: [...long.slice(20), 'Ada Lovelace'] };
    expect(findByFingerprint(FINGERPRINT, ['Grace Hopper', ...long.slice(0, 20), 'Ada Lovelace'], [candidate])).toBe(candidate);
    expect(findByFingerprint(FINGERPRINT, ['Grace Hopper', ...long.slice(0, 20), 'Et Al.'], [{ ...candidate, authors: [...long.slice(20), 'Et Al.'] }])).toBeUndefined();
  });

  it('finds nothing for a text of fewer than four words, which no title has as its fingerprint', () => {
    expect(findByFingerprint('deep learning', [], [{ title: 'Deep Learning', authors: [] }])).toBeUndefined();
  });

  it('takes a candidate when either side lists no usable author', () => {
    const anonymous = { title: 'Attention is all you need.', authors: ['et al.'] };
    expect(findByFingerprint(FINGERPRINT, ATTENTION_ARXIV.authors, [anonymous])).toBe(anonymous);
    expect(findByFingerprint(FINGERPRINT, [], [{ key: 'a', ...ATTENTION_ARXIV }])).toMatchObject({ key: 'a' });
  });
});
