// Offsets to LSP positions for the many offsets of one outline, read in roughly increasing order.
// Answers exactly what TextDocument.positionAt answers for the same text (the parser's line table
// breaks lines as it does), but starts each search at the line of the previous answer.
import { Position } from 'vscode-languageserver-types';
import { LineTable } from './lines';
import type { OutlineModel } from '../model';

export class PositionIndex {
  private cursor = 0;
  private readonly lines: LineTable;

  constructor(model: OutlineModel) {
    this.lines = model.lines;
  }

  /** Where line `i` starts for positions: line 0 at 0 even after a BOM, as TextDocument counts. */
  private start(i: number): number {
    return i === 0 ? 0 : this.lines.start(i);
  }

  /**
   * The line of `offset`: the last line starting at or before it. The search gallops from the previous answer's line
   * (1, 2, 4… lines away) before it bisects, so an answer near the last one costs a few steps.
   */
  lineOf(offset: number): number {
    const last = this.lines.count - 1;
    let lo = this.cursor;
    let hi: number;
    if (this.start(lo) <= offset) {
      let step = 1;
      while (lo + step <= last && this.start(lo + step) <= offset) {
        lo += step;
        step *= 2;
      }
      hi = Math.min(lo + step - 1, last);
    } else {
      if (lo === 0) return 0;
      hi = --lo;
      for (let step = 1; lo > 0 && this.start(lo) > offset; step *= 2) {
        hi = lo - 1;
        lo = Math.max(0, lo - step);
      }
    }
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
    return { line, character: Math.min(offset, this.lines.end(line)) - this.start(line) };
  }
}
