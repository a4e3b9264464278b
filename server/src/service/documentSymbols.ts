// Outline view and breadcrumbs: one symbol per section, measure and run-in enumeration.
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { OutlineModel, OutlineNode } from './model';
import { spanToRange } from './ranges';

/** Kinds differ by depth so the tree reads at a glance; measures and run-ins have their own. */
const KIND_BY_DEPTH = [SymbolKind.Namespace, SymbolKind.Class, SymbolKind.Method, SymbolKind.Field, SymbolKind.Property];

export function symbolName(node: OutlineNode): string {
  const prefix = node.marker?.text.replace(/\\/g, '').trim() ?? node.enumerator?.text ?? '';
  return (prefix + node.title).trim() || '（无标题）';
}

function symbolKind(node: OutlineNode): SymbolKind {
  if (node.kind === 'measure') return SymbolKind.Function;
  if (node.kind === 'enumeration') return SymbolKind.EnumMember;
  return KIND_BY_DEPTH[Math.min(node.depth, KIND_BY_DEPTH.length) - 1];
}

function toSymbol(doc: TextDocument, node: OutlineNode): DocumentSymbol {
  return {
    name: symbolName(node),
    kind: symbolKind(node),
    range: spanToRange(doc, node.span),
    selectionRange: spanToRange(doc, node.headingSpan),
    children: node.children.map((c) => toSymbol(doc, c)),
  };
}

export function getDocumentSymbols(doc: TextDocument, model: OutlineModel): DocumentSymbol[] {
  return model.roots.map((n) => toSymbol(doc, n));
}
