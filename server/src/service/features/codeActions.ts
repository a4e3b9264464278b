// Quick fixes for the diagnostics the client shows, fix-alls for the families whose fixes never
// collide, and the document's safe fixes (renumbering and marker forms) as the `source.fixAll.workplan` source action.
import { CodeAction, CodeActionContext, CodeActionKind, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticCode, FIX_ALL_CODES, PlanDiagnostic } from '../checks/codes';
import { OffsetEdit } from '../checks/markerForms';
import { fixAllTitle, Lang, uiText } from '../l10n/messages';
import { spanToRange } from '../text/ranges';

export const FIX_ALL_KIND = 'source.fixAll.workplan';
export const RENUMBER_COMMAND = 'workplan.renumber';

function wanted(kind: string, only: string[] | undefined): boolean {
  return !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
}

export function toTextEdits(doc: TextDocument, edits: OffsetEdit[]): TextEdit[] {
  return edits.map((e) => TextEdit.replace(spanToRange(doc, e), e.newText));
}

function sameRange(a: Diagnostic, doc: TextDocument, d: PlanDiagnostic): boolean {
  return doc.offsetAt(a.range.start) === d.span.start && doc.offsetAt(a.range.end) === d.span.end;
}

function fixTitle(d: PlanDiagnostic, lang: Lang): string {
  switch (d.code) {
    case 'text.cjkSpace':
    case 'text.halfWidth':
      return uiText(d.scope === 'document' ? `fix.${d.code}.document` : `fix.${d.code}`, lang, d);
    case 'heading.split':
    case 'heading.merged':
    case 'text.brokenLine':
    case 'text.markerSpace':
      return uiText(`fix.${d.code}`, lang, d);
    case 'numbering.levelSkipped':
      return uiText('fix.levelSkipped', lang, d);
    default:
      return uiText(d.renumbers ? 'fix.renumber' : 'fix.change', lang, d);
  }
}

/**
 * `computed` are the document's current diagnostics; a client's diagnostic gets its fix from the
 * one with the same code and range, so a stale `data` is never applied. `safeFixes` gives the
 * document's safe fixes (fixes.ts), asked for only when the source action is wanted.
 */
export function getCodeActions(doc: TextDocument, computed: PlanDiagnostic[], safeFixes: () => OffsetEdit[], context: CodeActionContext, lang: Lang): CodeAction[] {
  const actions: CodeAction[] = [];
  const only = context.only;
  if (wanted(CodeActionKind.QuickFix, only)) {
    /** Codes with a fix-all, each with the first of its findings shown. */
    const fixAllFor = new Map<DiagnosticCode, PlanDiagnostic>();
    for (const shown of context.diagnostics) {
      if (shown.source !== 'workplan') continue;
      const d = computed.find((c) => c.code === shown.code && sameRange(shown, doc, c));
      if (!d?.edits) continue;
      actions.push({
        title: fixTitle(d, lang), kind: CodeActionKind.QuickFix, diagnostics: [shown], isPreferred: !d.code.startsWith('text.'),
        edit: { changes: { [doc.uri]: toTextEdits(doc, d.edits) } },
      });
      if (FIX_ALL_CODES.has(d.code) && !fixAllFor.has(d.code)) fixAllFor.set(d.code, d);
    }
    for (const [code, shown] of fixAllFor) {
      const all = computed.filter((c) => c.code === code && c.edits);
      const edits = all.flatMap((c) => c.edits!);
      // Offered only when it does more than the single fix beside it.
      if (edits.length <= shown.edits!.length) continue;
      // It counts what it changes: each character or gap of the text, each marker.
      const places = code.startsWith('text.') ? edits.length : all.length;
      actions.push({ title: fixAllTitle(code, places, lang), kind: CodeActionKind.QuickFix, edit: { changes: { [doc.uri]: toTextEdits(doc, edits) } } });
    }
  }
  if (wanted(FIX_ALL_KIND, only)) {
    const edits = safeFixes();
    if (edits.length) {
      actions.push({ title: uiText('renumber.title', lang), kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: toTextEdits(doc, edits) } } });
    }
  }
  return actions;
}
