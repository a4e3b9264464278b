// The lines of a text, as LSP counts them (LF, CRLF and CR end a line). Offsets live in typed
// arrays and a line's text is sliced only when asked for: an object and a string per line were a
// third of a large plan's model, and the garbage collector copied them on every young collection.
import { isSpaceCode } from './chars';

export class LineTable {
  private constructor(
    readonly source: string,
    readonly count: number,
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    private readonly contentStarts: Int32Array,
    private readonly contentEnds: Int32Array,
  ) {}

  /** Splits `text` into lines; a BOM at the start is not part of line 0. */
  static of(text: string): LineTable {
    const b = new Breaks(16 + (text.length >> 5));
    let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    if (text.indexOf('\r') < 0) {
      // LF only, the usual case: let the runtime find the breaks.
      for (let end = text.indexOf('\n', start); end >= 0; end = text.indexOf('\n', start)) {
        b.add(start, end);
        start = end + 1;
      }
      b.add(start, text.length);
    } else {
      for (let i = start; i <= text.length; i++) {
        const c = text.charCodeAt(i);
        if (i === text.length || c === 10 || c === 13) {
          b.add(start, i);
          if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
          start = i + 1;
        }
      }
    }
    const n = b.count;
    const contentStarts = new Int32Array(n);
    const contentEnds = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let a = b.starts[i];
      let e = b.ends[i];
      while (a < e && isSpaceCode(text.charCodeAt(a))) a++;
      while (e > a && isSpaceCode(text.charCodeAt(e - 1))) e--;
      contentStarts[i] = a;
      contentEnds[i] = e;
    }
    return new LineTable(text, n, b.starts, b.ends, contentStarts, contentEnds);
  }

  /** Offset of line `i`'s first character (after a BOM on line 0). */
  start(i: number): number {
    return this.starts[i];
  }

  /** Offset just past line `i`'s last character, before its line break. */
  end(i: number): number {
    return this.ends[i];
  }

  /** Offset of the first character that is not a space (`isSpaceCode`), or the end of a blank line. */
  contentStart(i: number): number {
    return this.contentStarts[i];
  }

  /** Offset just past the last character that is not a space. */
  contentEnd(i: number): number {
    return this.contentEnds[i];
  }

  /** Nothing but spaces. */
  isBlank(i: number): boolean {
    return this.contentStarts[i] === this.contentEnds[i];
  }

  text(i: number): string {
    return this.source.slice(this.starts[i], this.ends[i]);
  }
}

/** Line starts and ends as they are found, in arrays that double when full. */
class Breaks {
  count = 0;
  starts: Int32Array;
  ends: Int32Array;

  constructor(private capacity: number) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }

  add(start: number, end: number): void {
    if (this.count === this.capacity) {
      this.capacity *= 2;
      this.starts = grown(this.starts, this.capacity);
      this.ends = grown(this.ends, this.capacity);
    }
    this.starts[this.count] = start;
    this.ends[this.count++] = end;
  }
}

function grown(a: Int32Array, capacity: number): Int32Array {
  const b = new Int32Array(capacity);
  b.set(a);
  return b;
}
