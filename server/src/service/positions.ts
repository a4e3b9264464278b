// Offsets to LSP positions for the many offsets of one outline, read in roughly increasing order.
// Answers exactly what TextDocument.positionAt answers for the same text (the parser's line table
// breaks lines as it does), but starts each search at the line of the previous answer.
import { Position } from 'vscode-languageserver-types';
import { Line, OutlineModel } from './model';

export class PositionIndex {
  private cursor = 0;
  private readonly lines: Line[];

  constructor(model: OutlineModel) {
    this.lines = model.lines;
  }

  /** Where line `i` starts for positions: line 0 at 0 even after a BOM, as TextDocument counts. */
  private start(i: number): number {
    return i === 0 ? 0 : this.lines[i].start;
  }

  private lineOf(offset: number): number {
    const n = this.lines.length;
    let i = this.cursor;
    // The previous answer's line or the next one: the usual case for an outline in document order.
    for (let k = 0; k < 2 && i < n; k++, i++) {
      if (this.start(i) <= offset && (i + 1 === n || this.start(i + 1) > offset)) return (this.cursor = i);
    }
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.start(mid) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return (this.cursor = lo);
  }

  /** An offset inside a line break counts as the end of its line, as TextDocument.positionAt has it. */
  positionAt(offset: number): Position {
    const line = this.lineOf(offset);
    return { line, character: Math.min(offset, this.lines[line].end) - this.start(line) };
  }
}
