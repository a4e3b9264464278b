// Folding by section and measure; the front matter (notice, addressees, issuer and date) folds as one block.
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { OutlineModel, Span } from './model';

/** Markdown's service caps folding too: editors slow down past a few thousand ranges. */
const DEFAULT_RANGE_LIMIT = 5000;

export function getFoldingRanges(doc: TextDocument, model: OutlineModel, rangeLimit = DEFAULT_RANGE_LIMIT): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (span: Span | undefined, kind?: FoldingRangeKind) => {
    if (!span) return;
    const startLine = doc.positionAt(span.start).line;
    const endLine = doc.positionAt(span.end).line;
    if (endLine > startLine) ranges.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  add(model.frontMatter, FoldingRangeKind.Region);
  for (const node of model.nodes) add(node.span);
  add(model.backMatter, FoldingRangeKind.Region);
  return ranges.slice(0, Math.max(0, rangeLimit));
}
