// Outline view and breadcrumbs: one symbol per section, measure and run-in enumeration.
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import { OutlineModel, OutlineNode } from '../model';
import { PositionIndex } from '../text/positions';

/** Kinds differ by depth so the tree reads at a glance; measures and run-ins have their own. */
const KIND_BY_DEPTH = [SymbolKind.Namespace, SymbolKind.Class, SymbolKind.Method, SymbolKind.Field, SymbolKind.Property];

/** A marker as written without Markdown's escape (`1\.`); most markers have none. */
function withoutEscapes(s: string): string {
  return s.includes('\\') ? s.replace(/\\/g, '') : s;
}

export function symbolName(node: OutlineNode): string {
  const prefix = node.marker ? withoutEscapes(node.marker.text).trim() : node.enumerator?.text ?? '';
  return (prefix + node.title).trim() || '（无标题）';
}

function symbolKind(node: OutlineNode): SymbolKind {
  if (node.kind === 'measure') return SymbolKind.Function;
  if (node.kind === 'enumeration') return SymbolKind.EnumMember;
  return KIND_BY_DEPTH[Math.min(node.depth, KIND_BY_DEPTH.length) - 1];
}

function toSymbol(at: PositionIndex, node: OutlineNode): DocumentSymbol {
  const range = { start: at.positionAt(node.span.start), end: at.positionAt(node.span.end) };
  const selectionRange = { start: at.positionAt(node.headingSpan.start), end: at.positionAt(node.headingSpan.end) };
  return { name: symbolName(node), kind: symbolKind(node), range, selectionRange, children: node.children.map((c) => toSymbol(at, c)) };
}

export function getDocumentSymbols(model: OutlineModel): DocumentSymbol[] {
  const at = new PositionIndex(model);
  return model.roots.map((n) => toSymbol(at, n));
}
