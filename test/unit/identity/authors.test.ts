// Family names from author strings, and when two names agree. Real names are copied as their source
// writes them (named on the row); rows "named in the feature request" are the name forms the feature's
// specification lists.
import { describe, expect, it } from 'vitest';
import { authorsAgree, familyName, parseAuthorName, sameAuthor } from '../../../src/core/identity';
import { hasFamilyName } from '../../../src/core/identity/authors';

describe('familyName', () => {
  it.each([
    ['Alexander Serga', 'serga', 'named in the feature request'],
    ['A. A. Serga', 'serga', 'named in the feature request'],
    ['Serga, A. A.', 'serga', 'named in the feature request'],
    ['Rodríguez Abella', 'abella', 'named in the feature request: without a comma only the last word is sure to be family'],
    ['Rodriguez Abella, Á.', 'rodriguez abella', 'named in the feature request: "Family, Given" says the family name has two words'],
    ['van der Maaten, Laurens', 'van der maaten', 'particles belong to the family name when a comma says so'],
    ['Laurens van der Maaten', 'maaten', 'without a comma only the last word'],
    ['Martin Luther King, Jr.', 'king', 'a suffix after the comma'],
    ['King, Jr., Martin Luther', 'king', 'BibTeX "Last, Jr, First"'],
    ['Victor Agostinelli Iii', 'agostinelli', 'real: PMLR v235 agostinelli-iii24a writes the suffix III as "Iii"'],
    ['Prashanth L A', 'prashanth', 'real: PMLR v235 agrawal24a, initials after the name'],
    ['Mohamed S Abdelfattah', 'abdelfattah', 'real: PMLR v235 akhauri24a, initial without a period'],
    ['J.P.Hague', 'hague', 'real: arXiv 0704.0030, no spaces after the initials'],
    ["N.d'Ambrumenil", 'dambrumenil', 'real: arXiv 0704.0030, apostrophe inside the name'],
    ['Mohamed Ka{\\^a}niche (LAAS)', 'kaaniche', 'real: arXiv 0704.0858 metadata, TeX accent and an affiliation'],
    ['Kaiser, \\L ukasz', 'kaiser', 'real: NeurIPS 2017 proceedings BibTeX'],
    ['Mikkel {\\O}bro', 'obro', 'real: arXiv 0704.0049 metadata'],
    ['Tara Akhound-Sadegh', 'akhoundsadegh', 'real: PMLR v235, a hyphenated family name is one word'],
    ['Ekin Akyürek', 'akyurek', 'real: OpenReview ICML 2024 page'],
  ])('%j → %j (%s)', (author, expected) => {
    expect(familyName(author)).toBe(expected);
  });

  it.each([
    ['Jr.', 'a suffix split off by a site that splits author lists at commas'],
    ['A. A.', 'initials only'],
    ['et al.', 'not a name'],
    ['others', 'BibTeX "and others"'],
    ['', 'empty'],
    ['  ,  ', 'punctuation only'],
  ])('%j has no family name (%s)', (author) => {
    expect(familyName(author)).toBeUndefined();
  });

  it('keeps the given names, in order, for the comparison', () => {
    expect(parseAuthorName('Rodriguez Abella, Á.')).toEqual({ family: ['rodriguez', 'abella'], words: ['a', 'rodriguez', 'abella'] });
    expect(parseAuthorName('Prashanth L A')).toEqual({ family: ['prashanth'], words: ['l', 'a', 'prashanth'] });
  });

  it('gives undefined for values that are not strings', () => {
    for (const value of [undefined, null, 7, {}]) expect(parseAuthorName(value as unknown as string)).toBeUndefined();
  });
});

describe('hasFamilyName', () => {
  it.each([
    'Alexander Serga', 'A. A. Serga', 'Serga, A. A.', 'Victor Agostinelli Iii', 'Prashanth L A', 'J.P.Hague', 'Mikkel {\\O}bro',
    'Mohamed Ka{\\^a}niche (LAAS)', 'Others Smith', 'Al Gore', 'Ng', 'A. Jr. B.',
  ])('%j has one', (author) => {
    expect(hasFamilyName(author)).toBe(true);
  });

  it.each([
    'Jr.', 'A. A.', 'et al.', 'Et Al', 'others', 'And Others', 'al', '', '  ,  ', 'III', 'Jr. III', 'L. Jr.', 'A B C Jr', '(LAAS)',
  ])('%j has none', (author) => {
    expect(hasFamilyName(author)).toBe(false);
  });

  it('gives false for values that are not strings', () => {
    for (const value of [undefined, null, 7, {}]) expect(hasFamilyName(value as unknown as string)).toBe(false);
  });
});

describe('sameAuthor', () => {
  it.each([
    ['Alexander Serga', 'A. A. Serga', 'named in the feature request'],
    ['A. A. Serga', 'Serga, A. A.', 'named in the feature request'],
    ['Rodríguez Abella', 'Rodriguez Abella, Á.', 'named in the feature request: accents folded, both words present on both sides'],
    ['Álvaro Rodríguez Abella', 'Abella, Á.', 'the one family word vouched for by the comma form ends the other name'],
    ['Elias Abad Rocamora', 'Abad Rocamora, Elias', 'PMLR v235 abad-rocamora24a as the page writes it vs the "Family, Given" form'],
    ['Laurens van der Maaten', 'van der Maaten, L. J. P.', 'particles'],
    ['Łukasz Kaiser', 'Kaiser, \\L ukasz', 'arXiv vs NeurIPS 2017 BibTeX'],
    ['Ekin Akyürek', 'Aky{\\"u}rek, Ekin', 'OpenReview page vs BibTeX in public READMEs'],
    ['Mohamed Kaâniche', 'Mohamed Ka{\\^a}niche (LAAS)', 'arXiv 0704.0858: rendered vs metadata'],
    ['Rastislav Šrámek', 'Rastislav \\v{S}r\\\'amek', 'arXiv 0704.0062: rendered vs metadata'],
    ['L. A. Prashanth', 'Prashanth L A', 'initials before or after the name'],
    ['Victor Agostinelli', 'Victor Agostinelli Iii', 'a suffix is not part of the family name'],
    ['Yongtao Wu', 'Yonghui Wu', 'the rule compares family names only: two Wus agree'],
  ])('%j = %j (%s)', (a, b) => {
    expect(sameAuthor(a, b)).toBe(true);
    expect(sameAuthor(b, a)).toBe(true);
  });

  it.each([
    ['Abella, A.', 'Rodriguez Abella, Á.', 'a two-word family name must appear whole on the other side'],
    ['Sina Akbari', 'Pedram Akbarian', 'real: PMLR v235 akbari24a vs akbarian24a'],
    ['Naman Agarwal', 'Shubhada Agrawal', 'real: PMLR v235 agarwal24d vs agrawal24a'],
    ['Jacob Devlin', 'Devlin Chang', 'made up: a family name in given-name position'],
    ['A. A.', 'A. A. Serga', 'a string without a family name agrees with no one'],
  ])('%j ≠ %j (%s)', (a, b) => {
    expect(sameAuthor(a, b)).toBe(false);
    expect(sameAuthor(b, a)).toBe(false);
  });
});

describe('a one-word family name against a longer name', () => {
  it('agrees with a given-family form, whose last word is all it vouches for', () => {
    expect(sameAuthor('Abella, A.', 'Álvaro Rodríguez Abella')).toBe(true);
  });

  it('disagrees with a family name declared longer by a comma', () => {
    expect(sameAuthor('Abella, A.', 'Rodríguez Abella, Álvaro')).toBe(false);
  });
});

describe('authorsAgree', () => {
  const ATTENTION_ARXIV = ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Jakob Uszkoreit', 'Llion Jones', 'Aidan N. Gomez', 'Łukasz Kaiser', 'Illia Polosukhin'];
  const ATTENTION_NEURIPS_BIBTEX = ['Vaswani, Ashish', 'Shazeer, Noam', 'Parmar, Niki', 'Uszkoreit, Jakob', 'Jones, Llion', 'Gomez, Aidan N', 'Kaiser, \\L ukasz', 'Polosukhin, Illia'];

  it('agrees when the lists share a family name', () => {
    expect(authorsAgree(ATTENTION_ARXIV, ATTENTION_NEURIPS_BIBTEX)).toBe(true);
    expect(authorsAgree(['Someone Else', 'Illia Polosukhin'], ATTENTION_NEURIPS_BIBTEX)).toBe(true);
  });

  it('disagrees when both list names and none is shared', () => {
    expect(authorsAgree(['Kwangjun Ahn', 'Ali Jadbabaie', 'Suvrit Sra'], ATTENTION_NEURIPS_BIBTEX)).toBe(false);
  });

  it('agrees when either side lists no one with a family name', () => {
    expect(authorsAgree([], ATTENTION_ARXIV)).toBe(true);
    expect(authorsAgree(ATTENTION_ARXIV, [])).toBe(true);
    expect(authorsAgree(['et al.'], ATTENTION_ARXIV)).toBe(true);
    expect(authorsAgree(undefined as unknown as string[], ATTENTION_ARXIV)).toBe(true);
  });

  it('stays fast on author lists of thousands (collaboration papers)', { timeout: 30_000 }, () => {
    const many = Array.from({ length: 3000 }, (_, i) => `Author${i} Family${i}`);
    const others = Array.from({ length: 3000 }, (_, i) => `Other${i} Name${i}`);
    expect(authorsAgree(many, others)).toBe(false);
    expect(authorsAgree(many, [...others, 'F. Family2999'])).toBe(true);
  });
});
