// Offsets (UTF-16 code units) to LSP ranges, through the document's own line table.
import { Position, Range } from 'vscode-languageserver-types';
import type { Span } from '../model';

/** What turns offsets into positions: a TextDocument, or a PositionIndex over the outline's lines. */
export interface Positions {
  positionAt(offset: number): Position;
}

export function spanToRange(at: Positions, span: Span): Range {
  return { start: at.positionAt(span.start), end: at.positionAt(span.end) };
}

export function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}
