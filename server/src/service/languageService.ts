// The Workplan language service: parse once per document version, derive every feature from that model.
// It knows neither VS Code nor the LSP transport; server.ts adapts it.
import { CodeAction, CodeActionContext, Diagnostic, DocumentSymbol, FoldingRange, Hover, Location, SelectionRange, SymbolInformation, TextEdit } from 'vscode-languageserver-types';
import { Position, TextDocument } from 'vscode-languageserver-textdocument';
import { getCodeActions, toTextEdits } from './features/codeActions';
import { PlanDiagnostic } from './checks/codes';
import { computeDiagnostics, moreDiagnostic, publishedDiagnostics, toLspDiagnostic } from './checks/diagnostics';
import { getDocumentSymbols } from './features/documentSymbols';
import { getFoldingRanges } from './features/folding';
import { getHover } from './features/hover';
import { OutlineModel } from './model';
import { parsePlan } from './parse/parser';
import { PositionIndex } from './text/positions';
import { Lang } from './l10n/messages';
import { getReferences } from './features/references';
import { RelatedIndex } from './related/index';
import { safeFixEdits } from './checks/fixes';
import { getSelectionRanges } from './features/selectionRanges';
import { DEFAULT_SETTINGS, WorkplanSettings } from './checks/settings';
import { getWorkspaceSymbols } from './features/workspaceSymbols';

/**
 * The model of each open document, kept while its text stays the same. Keyed by the text itself, not
 * by the client's version number: a client may open a URI twice or change a document without a new version.
 */
export class ModelCache {
  private readonly entries = new Map<string, OutlineModel>();

  /** `onParseError` hears of a parser bug that left a document's outline empty: the server logs it. */
  constructor(private readonly onParseError?: (uri: string, error: unknown) => void) {}

  get(doc: TextDocument): OutlineModel {
    const text = doc.getText();
    const hit = this.entries.get(doc.uri);
    // The same string most of the time, which compares at once; after an edit, mostly by its length.
    if (hit && hit.text === text) return hit;
    const model = parsePlan(text, this.onParseError && ((e) => this.onParseError!(doc.uri, e)));
    this.entries.set(doc.uri, model);
    return model;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}

export class LanguageService {
  readonly models: ModelCache;
  /** Every plan of the corpus, for related measures; the server keeps it current. */
  readonly related = new RelatedIndex();
  /** The client's language, for what the features write (hovers). */
  lang: Lang = 'zh';

  constructor(options: { onParseError?: (uri: string, error: unknown) => void } = {}) {
    this.models = new ModelCache(options.onParseError);
  }

  getModel(doc: TextDocument): OutlineModel {
    return this.models.get(doc);
  }

  getDocumentSymbols(doc: TextDocument): DocumentSymbol[] {
    return getDocumentSymbols(this.getModel(doc), this.lang);
  }

  getFoldingRanges(doc: TextDocument, rangeLimit?: number): FoldingRange[] {
    return getFoldingRanges(this.getModel(doc), rangeLimit);
  }

  getSelectionRanges(doc: TextDocument, positions: Position[]): SelectionRange[] {
    return getSelectionRanges(doc, this.getModel(doc), positions);
  }

  getDiagnostics(doc: TextDocument, settings: WorkplanSettings = DEFAULT_SETTINGS): PlanDiagnostic[] {
    return computeDiagnostics(this.getModel(doc), settings);
  }

  /** What an editor is shown: at most MAX_PUBLISHED diagnostics, then one that says how many more there are. */
  getLspDiagnostics(doc: TextDocument, settings: WorkplanSettings, lang: Lang): Diagnostic[] {
    // Positions from the outline's own line table: the document's would be built anew for each version.
    const at = new PositionIndex(this.getModel(doc));
    const all = this.getDiagnostics(doc, settings);
    const { shown, more } = publishedDiagnostics(all);
    const lsp = shown.map((d) => toLspDiagnostic(at, d, lang));
    return more ? [...lsp, moreDiagnostic(at, all, shown, lang)] : lsp;
  }

  getCodeActions(doc: TextDocument, context: CodeActionContext, settings: WorkplanSettings, lang: Lang): CodeAction[] {
    const diagnostics = this.getDiagnostics(doc, settings);
    return getCodeActions(doc, diagnostics, () => safeFixEdits(this.getModel(doc), diagnostics, settings), context, lang);
  }

  /** The document's safe fixes (renumbering and marker forms): the renumber command, fix-all on save, `check --fix`. */
  getSafeFixEdits(doc: TextDocument, settings: WorkplanSettings): TextEdit[] {
    return toTextEdits(doc, safeFixEdits(this.getModel(doc), this.getDiagnostics(doc, settings), settings));
  }

  getHover(doc: TextDocument, position: Position): Hover | null {
    return getHover(doc, this.getModel(doc), position, this.related, this.lang);
  }

  getReferences(doc: TextDocument, position: Position, includeDeclaration: boolean): Location[] | null {
    return getReferences(doc, this.getModel(doc), position, this.related, includeDeclaration);
  }

  getWorkspaceSymbols(query: string): SymbolInformation[] {
    return getWorkspaceSymbols(query, this.related);
  }

  close(uri: string): void {
    this.models.forget(uri);
  }
}
