// Expand selection: title → measure → section → parent section → whole document.
import { SelectionRange } from 'vscode-languageserver-types';
import { Position, TextDocument } from 'vscode-languageserver-textdocument';
import { OutlineModel, OutlineNode, Span } from '../model';
import { contains, spanToRange } from '../text/ranges';

function innermost(nodes: OutlineNode[], offset: number): OutlineNode | undefined {
  for (const node of nodes) {
    if (contains(node.span, offset)) return innermost(node.children, offset) ?? node;
  }
  return undefined;
}

export function getSelectionRanges(doc: TextDocument, model: OutlineModel, positions: Position[]): SelectionRange[] {
  const whole: SelectionRange = { range: { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) } };
  return positions.map((position) => {
    const offset = doc.offsetAt(position);
    const spans: Span[] = [];
    const node = innermost(model.roots, offset);
    if (node && contains(node.titleSpan, offset)) spans.push(node.titleSpan);
    for (let n = node; n; n = n.parent) spans.push(n.span);
    let range = whole;
    for (let k = spans.length - 1; k >= 0; k--) range = { range: spanToRange(doc, spans[k]), parent: range };
    return range;
  });
}
