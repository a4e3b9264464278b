// How the server keeps its copy of each open document: vscode-languageserver-textdocument's incremental
// update, with each change's positions first clamped the way LSP says. The library trusts them: a line
// past the end leaves holes in its line table and every later position comes out NaN (found by the fuzz test).
import { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import { Position, TextDocument } from 'vscode-languageserver-textdocument';

function wholeNumber(n: unknown): number {
  return typeof n === 'number' && Number.isFinite(n) ? Math.max(0, Math.trunc(n)) : 0;
}

/** A line past the last one means the end of the document; a column past its line is clamped by the library. */
function clamp(doc: TextDocument, p: Position): Position {
  const line = wholeNumber(p?.line);
  if (line >= doc.lineCount) return doc.positionAt(doc.getText().length);
  return { line, character: wholeNumber(p?.character) };
}

function update(doc: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
  // One change at a time: each is clamped against the text the previous ones left.
  for (const change of changes) {
    const text = typeof change.text === 'string' ? change.text : '';
    const clamped = 'range' in change && change.range
      ? { text, range: { start: clamp(doc, change.range.start), end: clamp(doc, change.range.end) } }
      : { text };
    doc = TextDocument.update(doc, [clamped], version);
  }
  return doc;
}

export const syncedDocuments: TextDocumentsConfiguration<TextDocument> = { create: TextDocument.create, update };
