// Workspace symbols (Ctrl+T): headings, enumerations and measures of every plan in the corpus whose
// title holds the typed characters in order; the container names the plan and the section path.
import { SymbolInformation, SymbolKind } from 'vscode-languageserver-types';
import { NodeKind } from '../model';
import { planLabel } from '../related/label';
import { RelatedIndex } from '../related/index';

export const WORKSPACE_SYMBOL_LIMIT = 200;

const KIND: Record<NodeKind, SymbolKind> = {
  heading: SymbolKind.Namespace,
  unnumbered: SymbolKind.Namespace,
  enumeration: SymbolKind.EnumMember,
  measure: SymbolKind.Function,
};

export function getWorkspaceSymbols(query: string, index: RelatedIndex): SymbolInformation[] {
  return index.searchTitles(query, WORKSPACE_SYMBOL_LIMIT).map((unit) =>
    SymbolInformation.create(unit.title, KIND[unit.kind], unit.range, unit.doc.uri, [planLabel(unit), ...unit.path].join(' › ')),
  );
}
