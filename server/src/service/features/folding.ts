// Folding by section and measure; the front matter (notice, addressees, issuer and date) folds as one block.
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver-types';
import { OutlineModel, Span } from '../model';
import { PositionIndex } from '../text/positions';

/** Markdown's service caps folding too: editors slow down past a few thousand ranges. */
const DEFAULT_RANGE_LIMIT = 5000;

export function getFoldingRanges(model: OutlineModel, rangeLimit = DEFAULT_RANGE_LIMIT): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const at = new PositionIndex(model);
  const add = (span: Span | undefined, kind?: FoldingRangeKind) => {
    if (!span) return;
    const startLine = at.lineOf(span.start);
    const endLine = at.lineOf(span.end);
    if (endLine > startLine) ranges.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  add(model.frontMatter, FoldingRangeKind.Region);
  for (const node of model.nodes) add(node.span);
  add(model.backMatter, FoldingRangeKind.Region);
  return ranges.slice(0, Math.max(0, rangeLimit));
}
