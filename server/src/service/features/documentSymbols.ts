// Outline view and breadcrumbs: one symbol per section, measure and run-in enumeration.
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import { OutlineModel, OutlineNode } from '../model';
import { Lang, noticeText } from '../l10n/messages';
import { PositionIndex } from '../text/positions';

/** Kinds differ by depth so the tree reads at a glance; measures and run-ins have their own. */
const KIND_BY_DEPTH = [SymbolKind.Namespace, SymbolKind.Class, SymbolKind.Method, SymbolKind.Field, SymbolKind.Property];

/** A marker as written without Markdown's escape (`1\.`); most markers have none. */
function withoutEscapes(s: string): string {
  return s.includes('\\') ? s.replace(/\\/g, '') : s;
}

/** The marker and title as one name; a heading with neither (a marker alone at the end) is named so in `lang`. */
export function symbolName(node: OutlineNode, lang: Lang = 'zh'): string {
  const prefix = node.marker ? withoutEscapes(node.marker.text).trim() : node.enumerator?.text ?? '';
  return (prefix + node.title).trim() || noticeText({ key: 'symbols.untitled' }, lang);
}

function symbolKind(node: OutlineNode): SymbolKind {
  if (node.kind === 'measure') return SymbolKind.Function;
  if (node.kind === 'enumeration') return SymbolKind.EnumMember;
  return KIND_BY_DEPTH[Math.min(node.depth, KIND_BY_DEPTH.length) - 1];
}

function toSymbol(at: PositionIndex, node: OutlineNode, lang: Lang): DocumentSymbol {
  const range = { start: at.positionAt(node.span.start), end: at.positionAt(node.span.end) };
  const selectionRange = { start: at.positionAt(node.headingSpan.start), end: at.positionAt(node.headingSpan.end) };
  return { name: symbolName(node, lang), kind: symbolKind(node), range, selectionRange, children: node.children.map((c) => toSymbol(at, c, lang)) };
}

export function getDocumentSymbols(model: OutlineModel, lang: Lang = 'zh'): DocumentSymbol[] {
  const at = new PositionIndex(model);
  return model.roots.map((n) => toSymbol(at, n, lang));
}
