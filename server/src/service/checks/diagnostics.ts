// The checks a reviewer runs before a plan is submitted (PLAN-FORMAT §3, §4): one entry point that
// gathers numbering, extraction-damage and hygiene findings and gives them their severities.
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { DEFAULT_SEVERITY, DiagnosticCode, Finding, PlanDiagnostic, Severity } from './codes';
import { damageDiagnostics } from './damage';
import { hygieneDiagnostics } from './hygiene';
import { diagnosticMessage, Lang, noticeText } from '../l10n/messages';
import { OutlineModel } from '../model';
import { numberingDiagnostics } from './numbering';
import { Positions, spanToRange } from '../text/ranges';
import { SeveritySetting, WorkplanSettings } from './settings';

/** Every diagnostic of a document under the given settings, in document order; codes set `off` are dropped. */
export function computeDiagnostics(model: OutlineModel, settings: WorkplanSettings): PlanDiagnostic[] {
  // The hygiene checks report in document order; numbering goes by sequence, and damage by the
  // parser's reading. Sorted alone, the few of those are merged with the many of hygiene.
  const lists = [numberingDiagnostics(model, settings).sort(byPosition), damageDiagnostics(model).sort(byPosition)];
  return (settings.hygieneEnabled ? lists.concat(hygieneDiagnostics(model, settings)) : lists).map((l) => withSeverities(l, settings)).reduce(merged);
}

/**
 * The findings of one list with their severities, in place, those `off` dropped. Each finding is
 * new to this call: it takes its severity itself, no copy of thousands of objects.
 */
function withSeverities(list: Finding[], settings: WorkplanSettings): PlanDiagnostic[] {
  const out = list as PlanDiagnostic[];
  // A list is mostly of one code (a hygiene check's all are): its severity is looked up once per run of it.
  let code: DiagnosticCode | undefined;
  let severity: SeveritySetting = 'off';
  let kept = 0;
  // Indexed: this loop runs once per edit, often before it is optimized, and a `for…of` left to
  // the interpreter makes an iteration result per finding.
  for (let i = 0; i < out.length; i++) {
    const d = out[i];
    if (d.code !== code) {
      code = d.code;
      severity = settings.severity[code] ?? DEFAULT_SEVERITY[code];
    }
    if (severity === 'off') continue;
    d.severity = severity;
    out[kept++] = d;
  }
  out.length = kept;
  return out;
}

function byPosition(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end;
}

/** Two lists sorted by position as one; on a tie `a`'s first, as a stable sort of `a` and `b` together has it. */
function merged(a: PlanDiagnostic[], b: PlanDiagnostic[]): PlanDiagnostic[] {
  const out = new Array<PlanDiagnostic>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = byPosition(b[j], a[i]) < 0 ? b[j++] : a[i++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

/**
 * Diagnostics an editor is given per document. Nobody works through thousands in a Problems panel,
 * while the request thread would spend tens of milliseconds at a time copying and writing them (a
 * 1 MB plan pasted from a PDF has over 3,000). The CLI reports them all.
 */
export const MAX_PUBLISHED = 1000;

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/**
 * At most `limit` of `all` (sorted by position), the most severe first, still sorted by position; and
 * how many were left out. Of the least severe level kept, the first ones in the document are kept.
 */
export function publishedDiagnostics(all: PlanDiagnostic[], limit = MAX_PUBLISHED): { shown: PlanDiagnostic[]; more: number } {
  if (all.length <= limit) return { shown: all, more: 0 };
  const perRank = [0, 0, 0, 0];
  for (const d of all) perRank[SEVERITY_RANK[d.severity]]++;
  // The least severe rank kept, and how many of it fit.
  let rank = 0;
  let room = limit;
  while (perRank[rank] <= room) room -= perRank[rank++];
  const shown: PlanDiagnostic[] = [];
  for (const d of all) {
    const r = SEVERITY_RANK[d.severity];
    if (r < rank || (r === rank && room-- > 0)) shown.push(d);
  }
  return { shown, more: all.length - limit };
}

/** The finding that says how many were left out, after the others: where the first left out is. */
export function moreDiagnostic(at: Positions, all: PlanDiagnostic[], shown: PlanDiagnostic[], lang: Lang): Diagnostic {
  let i = 0;
  while (i < shown.length && shown[i] === all[i]) i++;
  return {
    range: spanToRange(at, all[i].span), severity: DiagnosticSeverity.Information, source: 'workplan',
    message: noticeText({ key: 'diagnostics.more', args: { count: all.length - shown.length, limit: shown.length } }, lang),
  };
}

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
};

/**
 * What the message says was expected and found, in `Diagnostic.data` for clients that want it. No
 * edits: code actions recompute the fix from the current text, so a stale one is never applied.
 */
export interface FixData {
  expected: string;
  found: string;
}

export function toLspDiagnostic(at: Positions, d: PlanDiagnostic, lang: Lang): Diagnostic {
  const data: FixData = { expected: d.expected, found: d.found };
  return {
    range: spanToRange(at, d.span), severity: LSP_SEVERITY[d.severity], code: d.code, source: 'workplan',
    message: diagnosticMessage(d.code, d, lang), data,
  };
}
