// The checks a reviewer runs before a plan is submitted (PLAN-FORMAT §3, §4): codes, default
// severities, and one entry point that gathers numbering, extraction-damage and hygiene diagnostics.
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { charsAfter, charsBefore, ellipsisStart } from './excerpts';
import { hygieneDiagnostics } from './hygiene';
import { OffsetEdit } from './markerForms';
import { diagnosticMessage, Lang } from './messages';
import { OutlineModel, Span } from './model';
import { numberingDiagnostics } from './numbering';
import { Positions, spanToRange } from './ranges';
import { SeveritySetting, WorkplanSettings } from './settings';

export const NUMBERING_CODES = [
  'numbering.skipped', 'numbering.duplicate', 'numbering.order', 'numbering.restart', 'numbering.levelSkipped',
  'numbering.nesting', 'numbering.style', 'marker.punctuation', 'marker.width', 'marker.bracket', 'marker.compatChar',
  'numbering.lone', 'enumeration.gap', 'enumeration.punctuation', 'enumeration.mixed',
] as const;
export const DAMAGE_CODES = ['heading.split', 'heading.merged'] as const;
export const HYGIENE_CODES = ['text.brokenLine', 'text.cjkSpace', 'text.halfWidth', 'text.markerSpace'] as const;
export const DIAGNOSTIC_CODES = [...NUMBERING_CODES, ...DAMAGE_CODES, ...HYGIENE_CODES] as const;

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Numbering faults are warnings; conventions and extraction damage are information. */
export const DEFAULT_SEVERITY: Record<DiagnosticCode, Severity> = {
  'numbering.skipped': 'warning', 'numbering.duplicate': 'warning', 'numbering.order': 'warning',
  'numbering.restart': 'warning', 'numbering.levelSkipped': 'warning', 'numbering.nesting': 'warning',
  'numbering.style': 'warning', 'marker.punctuation': 'warning', 'marker.width': 'warning', 'marker.bracket': 'warning',
  'marker.compatChar': 'warning', 'numbering.lone': 'information', 'enumeration.gap': 'warning',
  'enumeration.punctuation': 'warning', 'enumeration.mixed': 'warning',
  'heading.split': 'information', 'heading.merged': 'information',
  'text.brokenLine': 'information', 'text.cjkSpace': 'information', 'text.halfWidth': 'information', 'text.markerSpace': 'information',
};

/**
 * Fixes `workplan check --fix` applies without asking: they only rewrite markers and run-ins.
 * Not `numbering.levelSkipped` (whether a section meant to skip a level is the author's call),
 * not the report-only codes, and not the text repairs, which change the prose itself.
 */
export const SAFE_FIX_CODES: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  'numbering.skipped', 'numbering.duplicate', 'numbering.order', 'numbering.restart', 'numbering.style',
  'marker.punctuation', 'marker.width', 'marker.bracket', 'marker.compatChar', 'enumeration.gap', 'enumeration.punctuation',
]);

/** Codes whose fixes can all be applied at once: each touches only its own characters. */
export const FIX_ALL_CODES: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  'marker.width', 'text.brokenLine', 'text.cjkSpace', 'text.halfWidth', 'text.markerSpace',
]);

export interface PlanDiagnostic {
  code: DiagnosticCode;
  /** The marker, run-in or text the fault is on. */
  span: Span;
  /** What the text should read there and what it reads: for the message and the fix's data. */
  expected: string;
  found: string;
  /** The enclosing marker a nesting or level fault is about. */
  context?: string;
  /** The quick fix; absent for faults that are only reported. */
  edits?: OffsetEdit[];
  /** The fix renumbers the following siblings too. */
  renumbers?: boolean;
  severity: Severity;
}

/** A diagnostic before severities are applied. */
export type Finding = Omit<PlanDiagnostic, 'severity'>;

/** Every diagnostic of a document under the given settings, in document order; codes set `off` are dropped. */
export function computeDiagnostics(model: OutlineModel, settings: WorkplanSettings): PlanDiagnostic[] {
  // The hygiene checks report in document order; numbering goes by sequence, and damage by the
  // parser's reading. Sorted alone, the few of those are merged with the many of hygiene.
  const lists = [numberingDiagnostics(model, settings).sort(byPosition), damageDiagnostics(model).sort(byPosition)];
  return (settings.hygieneEnabled ? lists.concat(hygieneDiagnostics(model)) : lists).map((l) => withSeverities(l, settings)).reduce(merged);
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

/** The document's own line break, for fixes that insert one. */
export function lineBreakOf(text: string): string {
  const i = text.search(/\r\n?|\n/);
  return i < 0 ? '\n' : text[i] === '\r' ? (text[i + 1] === '\n' ? '\r\n' : '\r') : '\n';
}

function damageDiagnostics(model: OutlineModel): Finding[] {
  const text = model.text;
  let lineBreak: string | undefined;
  return model.problems.map((p): Finding => {
    const marker = text.slice(p.span.start, p.span.end);
    if (p.code === 'heading.split') {
      return { code: p.code, span: p.span, expected: marker, found: marker, edits: [{ ...p.fixSpan, newText: '' }] };
    }
    // Merged: the line break belongs in the gap. The message quotes what comes before it on its line (the
    // title, or for a heading inside a flattened paragraph, the sentence it runs on from) and what follows.
    return { code: p.code, span: p.span, expected: ellipsisStart(charsBefore(text, p.fixSpan.start, 40)), found: charsAfter(text, p.fixSpan.end, 8), edits: [{ ...p.fixSpan, newText: (lineBreak ??= lineBreakOf(text)) }] };
  });
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
