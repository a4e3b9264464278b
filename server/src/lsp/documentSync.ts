// How the server keeps its copy of each open document.
// - Incremental updates go through vscode-languageserver-textdocument with each change's positions first
//   clamped the way LSP says. The library trusts them: a line past the end leaves holes in its line table
//   and every later position comes out NaN (found by the fuzz test).
// - A document over `maxFileSize` is served as an empty stand-in, so every feature answers nothing for it,
//   while its real text is kept current behind the stand-in and comes back when edits bring it under.
import { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import { Position, TextDocument } from 'vscode-languageserver-textdocument';

/** `workplan.maxFileSize`, in bytes of UTF-8. */
export const DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024;

function wholeNumber(n: unknown): number {
  return typeof n === 'number' && Number.isFinite(n) ? Math.max(0, Math.trunc(n)) : 0;
}

/** A line past the last one means the end of the document; a column past its line is clamped by the library. */
function clamp(doc: TextDocument, p: Position): Position {
  const line = wholeNumber(p?.line);
  if (line >= doc.lineCount) return doc.positionAt(doc.getText().length);
  return { line, character: wholeNumber(p?.character) };
}

export function utf8Size(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Whether `text` takes more than `max` bytes as UTF-8; one UTF-16 unit takes 1 to 3 bytes, so most texts need no count. */
function exceeds(text: string, max: number): boolean {
  if (text.length > max) return true;
  if (text.length * 3 <= max) return false;
  return utf8Size(text) > max;
}

export class DocumentSync implements TextDocumentsConfiguration<TextDocument> {
  maxFileSize = DEFAULT_MAX_FILE_SIZE;
  /** Stand-in → the real document it hides. */
  private readonly hidden = new WeakMap<TextDocument, TextDocument>();

  create(uri: string, languageId: string, version: number, content: string): TextDocument {
    return this.admit(TextDocument.create(uri, languageId, version, typeof content === 'string' ? content : ''));
  }

  update(doc: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    let real = this.hidden.get(doc) ?? doc;
    // One change at a time: each is clamped against the text the previous ones left.
    for (const change of changes) {
      const text = typeof change.text === 'string' ? change.text : '';
      const clamped = 'range' in change && change.range
        ? { text, range: { start: clamp(real, change.range.start), end: clamp(real, change.range.end) } }
        : { text };
      real = TextDocument.update(real, [clamped], version);
    }
    return this.admit(real);
  }

  /** The text behind a stand-in, or undefined for a document served as it is. */
  hiddenText(doc: TextDocument): string | undefined {
    return this.hidden.get(doc)?.getText();
  }

  private admit(doc: TextDocument): TextDocument {
    if (!exceeds(doc.getText(), this.maxFileSize)) return doc;
    const standIn = TextDocument.create(doc.uri, doc.languageId, doc.version, '');
    this.hidden.set(standIn, doc);
    return standIn;
  }
}
