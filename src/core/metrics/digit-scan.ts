// Finding the next digit of a text. A /\d/g regex tests every character on the way; here each of
// the ten digit characters is searched with indexOf, which the engine runs as a byte search
// (memchr), and only the digit characters the reader has passed are searched again. Each
// occurrence of a digit is found at most once, so a whole text costs ten linear searches.
//
// The ten next offsets are ten fields read in straight-line code, not a loop over an array: the
// scan runs at every stop (some 16,000 over the bench text), and the loop's indexing and -1 tests
// measured about a tenth of the search (docs/metrics.md, section 8).

/** The offset of a digit character with no occurrence left: above every offset, so it is never the nearest. */
const NONE = 0x7fffffff;

/** The first `digit` at or after `from`, or NONE. */
function search(text: string, digit: string, from: number): number {
  const at = text.indexOf(digit, from);
  return at < 0 ? NONE : at;
}

export class DigitScan {
  // The offset of the next occurrence of each digit character at or after the last search, or NONE.
  private at0: number;
  private at1: number;
  private at2: number;
  private at3: number;
  private at4: number;
  private at5: number;
  private at6: number;
  private at7: number;
  private at8: number;
  private at9: number;

  constructor(private readonly text: string) {
    this.at0 = search(text, '0', 0);
    this.at1 = search(text, '1', 0);
    this.at2 = search(text, '2', 0);
    this.at3 = search(text, '3', 0);
    this.at4 = search(text, '4', 0);
    this.at5 = search(text, '5', 0);
    this.at6 = search(text, '6', 0);
    this.at7 = search(text, '7', 0);
    this.at8 = search(text, '8', 0);
    this.at9 = search(text, '9', 0);
  }

  /** Offset of the first digit at or after `from`, or -1. `from` never decreases from one call to the next. */
  next(from: number): number {
    const text = this.text;
    let first = NONE;
    let at: number;
    at = this.at0;
    if (at < from) this.at0 = at = search(text, '0', from);
    if (at < first) first = at;
    at = this.at1;
    if (at < from) this.at1 = at = search(text, '1', from);
    if (at < first) first = at;
    at = this.at2;
    if (at < from) this.at2 = at = search(text, '2', from);
    if (at < first) first = at;
    at = this.at3;
    if (at < from) this.at3 = at = search(text, '3', from);
    if (at < first) first = at;
    at = this.at4;
    if (at < from) this.at4 = at = search(text, '4', from);
    if (at < first) first = at;
    at = this.at5;
    if (at < from) this.at5 = at = search(text, '5', from);
    if (at < first) first = at;
    at = this.at6;
    if (at < from) this.at6 = at = search(text, '6', from);
    if (at < first) first = at;
    at = this.at7;
    if (at < from) this.at7 = at = search(text, '7', from);
    if (at < first) first = at;
    at = this.at8;
    if (at < from) this.at8 = at = search(text, '8', from);
    if (at < first) first = at;
    at = this.at9;
    if (at < from) this.at9 = at = search(text, '9', from);
    if (at < first) first = at;
    return first === NONE ? -1 : first;
  }
}
