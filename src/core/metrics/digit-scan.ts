// Finding the next digit of a text. A /\d/g regex tests every character on the way; here each of
// the ten digit characters is searched with indexOf, which the engine runs as a byte search
// (memchr), and only the digit characters the reader has passed are searched again. Each
// occurrence of a digit is found at most once, so a whole text costs ten linear searches.
const DIGIT_CHARS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

export class DigitScan {
  /** Offset of the next occurrence of each digit character at or after the last search, or -1 for none left. */
  private readonly ahead = new Int32Array(10);

  constructor(private readonly text: string) {
    for (let d = 0; d < 10; d++) this.ahead[d] = text.indexOf(DIGIT_CHARS[d]);
  }

  /** Offset of the first digit at or after `from`, or -1. `from` never decreases from one call to the next. */
  next(from: number): number {
    const ahead = this.ahead;
    let first = -1;
    for (let d = 0; d < 10; d++) {
      let at = ahead[d];
      if (at < 0) continue;
      if (at < from) {
        at = this.text.indexOf(DIGIT_CHARS[d], from);
        ahead[d] = at;
        if (at < 0) continue;
      }
      if (first < 0 || at < first) first = at;
    }
    return first;
  }
}
