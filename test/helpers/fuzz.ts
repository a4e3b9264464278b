// Random edit sessions for the fuzz test: a seeded generator and a plain text model that applies LSP
// changes by the protocol's rules, written independently of vscode-languageserver-textdocument.
import { Position, Range } from 'vscode-languageserver-types';

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export class Random {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

/** The seed from WORKPLAN_FUZZ_SEED, else a fresh one (printed with any failure). */
export function fuzzSeed(): number {
  const fromEnv = process.env.WORKPLAN_FUZZ_SEED;
  return fromEnv ? Number(fromEnv) >>> 0 : Math.floor(Math.random() * 2 ** 32);
}

export interface Change {
  range?: Range;
  text: string;
}

/** Text with LSP position arithmetic: lines end at LF, CRLF or CR; columns count UTF-16 code units. */
export class PlainDocument {
  private starts: number[] | undefined;

  constructor(public text: string) {}

  private lineStarts(): number[] {
    if (this.starts) return this.starts;
    const starts = [0];
    for (let i = 0; i < this.text.length; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 13 && this.text.charCodeAt(i + 1) === 10) i++;
      if (c === 10 || c === 13) starts.push(i + 1);
    }
    return (this.starts = starts);
  }

  get lineCount(): number {
    return this.lineStarts().length;
  }

  /** End of line `line`'s content, before its line break. */
  lineEnd(line: number): number {
    const starts = this.lineStarts();
    let e = line + 1 < starts.length ? starts[line + 1] : this.text.length;
    while (e > starts[line] && (this.text.charCodeAt(e - 1) === 10 || this.text.charCodeAt(e - 1) === 13)) e--;
    return e;
  }

  /** The protocol's clamping: a line past the end means the end; a column past the line means its end. */
  offsetAt(p: Position): number {
    const starts = this.lineStarts();
    if (p.line >= starts.length) return this.text.length;
    return Math.min(starts[p.line] + p.character, this.lineEnd(p.line));
  }

  positionAt(offset: number): Position {
    const starts = this.lineStarts();
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
    return { line, character: offset - starts[line] };
  }

  apply(change: Change): void {
    if (!change.range) {
      this.text = change.text;
    } else {
      const a = this.offsetAt(change.range.start);
      const b = this.offsetAt(change.range.end);
      this.text = this.text.slice(0, a) + change.text + this.text.slice(b);
    }
    this.starts = undefined;
  }
}

const MARKERS = [
  '一、', '二、', '三、', '十一、', '一.', '（一）', '(二)', '（三)', '㈠', '1.', '2．', '3、', '1)', '（1）', '(2)', '⑴', '⒈',
  '①', '②', '㉑', '一是', '二是，', '第一，', '首先，', '最后，', '#', '## ', '**', '\\',
];
const ODD = ['\n', '\r\n', '\r', '\r\n\r\n', '\n\n', ' ', '\u3000', '\t', '。', '；', '，', '“', '”', '\ufeff', '\u00a0'];
// Astral characters (surrogate pairs) and lone halves of them.
const ASTRAL = ['𠀀', '𪚥', '😀', '𝕏', '\ud842', '\udfb7', '\ud83d', '\ude00'];

/**
 * Material for edits: lines of the seeds (so outline structure keeps appearing) and short runs of their text.
 * `lines` are the seeds' lines without their breaks.
 */
export class EditGenerator {
  /** Past `maxLength` edits only delete, under `minLength` they insert whole lines: deletions take more than insertions add. */
  constructor(private readonly r: Random, private readonly lines: string[], private readonly maxLength = 40000, private readonly minLength = 1000) {}

  private fragment(): string {
    const line = this.r.pick(this.lines);
    const a = this.r.int(line.length + 1);
    return line.slice(a, a + 1 + this.r.int(12));
  }

  private insertion(): string {
    switch (this.r.int(8)) {
      case 0: case 1: return this.r.pick(MARKERS) + (this.r.chance(0.6) ? this.fragment() : '');
      case 2: return this.r.pick(ODD);
      case 3: return this.r.pick(ASTRAL);
      case 4: return this.r.pick(this.lines) + this.r.pick(['\n', '\r\n', '\r', '']);
      case 5: return this.r.pick(['\n', '\r\n']) + this.r.pick(MARKERS) + this.fragment() + this.r.pick(['。', '']);
      default: return this.fragment();
    }
  }

  private position(doc: PlainDocument): Position {
    // Now and then a position past the end of its line or of the document, which the protocol clamps.
    if (this.r.chance(0.02)) return { line: doc.lineCount + this.r.int(3), character: this.r.int(5) };
    const line = this.r.int(doc.lineCount);
    const p = doc.positionAt(this.r.int(doc.text.length + 1));
    if (this.r.chance(0.03)) return { line, character: doc.lineEnd(line) - doc.offsetAt({ line, character: 0 }) + 1 + this.r.int(4) };
    return p;
  }

  /** A range of a few characters, a line or a few lines after `start`. */
  private rangeFrom(doc: PlainDocument, start: Position): Range {
    const from = doc.offsetAt(start);
    let end: Position;
    switch (this.r.int(4)) {
      case 0: end = { line: start.line + 1 + this.r.int(3), character: 0 }; break;
      case 1: end = { line: start.line, character: start.character + 200 }; break;
      default: end = doc.positionAt(Math.min(doc.text.length, from + 1 + this.r.int(8)));
    }
    return { start, end };
  }

  /** One didChange's worth of changes, each relative to the text left by the previous one. */
  next(doc: PlainDocument): Change[] {
    const scratch = new PlainDocument(doc.text);
    const changes: Change[] = [];
    const count = this.r.chance(0.15) ? 2 + this.r.int(3) : 1;
    for (let k = 0; k < count; k++) {
      const change = this.one(scratch);
      scratch.apply(change);
      changes.push(change);
    }
    return changes;
  }

  private one(doc: PlainDocument): Change {
    if (this.r.chance(0.005)) return { text: this.r.chance(0.5) ? '' : this.r.pick(this.lines) };
    const start = this.position(doc);
    if (doc.text.length < this.minLength) return { range: { start, end: start }, text: this.r.pick(this.lines) + this.r.pick(['\n', '\r\n']) };
    const kind = doc.text.length > this.maxLength ? 1 : this.r.int(3);
    if (kind === 0) return { range: { start, end: start }, text: this.insertion() };
    if (kind === 1) return { range: this.rangeFrom(doc, start), text: '' };
    return { range: this.rangeFrom(doc, start), text: this.insertion() };
  }
}
