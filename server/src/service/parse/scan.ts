// Forward searches over the text that remember their last answer: the passes read forward, so no
// stretch of the text is searched twice, and a search may run past a line.

/**
 * The next match of a one-character-class pattern (global) at or after an offset. `stopsAt` passes
 * over matches in the wrong context (a `.` in `No.1`); the pattern itself stays one character class,
 * which the regular expression engine scans for fast.
 */
export class Finder {
  private from = 0;
  private at = -1;

  constructor(private readonly text: string, private readonly pattern: RegExp, private readonly stopsAt?: (text: string, i: number) => boolean) {}

  /** Offset of the next match at or after `from`, or the text's length. */
  next(from: number): number {
    if (from < this.from || from > this.at) {
      const { text, pattern } = this;
      pattern.lastIndex = from;
      let at = text.length;
      while (pattern.test(text)) {
        at = pattern.lastIndex - 1;
        if (!this.stopsAt || this.stopsAt(text, at)) break;
        at = text.length;
      }
      this.at = at;
      this.from = from;
    }
    return this.at;
  }
}

/** `Finder` for one character, searched with `indexOf` (several times faster than a regular expression). */
export class CharFinder {
  private from = 0;
  private at = -1;

  constructor(private readonly text: string, private readonly char: string) {}

  next(from: number): number {
    if (from < this.from || from > this.at) {
      const at = this.text.indexOf(this.char, from);
      this.at = at < 0 ? this.text.length : at;
      this.from = from;
    }
    return this.at;
  }
}
