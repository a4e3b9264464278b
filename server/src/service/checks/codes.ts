// The checks' vocabulary: diagnostic codes, their default severities, which fixes are safe, and the
// finding type every check returns. A leaf: the checks import it, not each other.
import type { OffsetEdit } from './markerForms';
import type { Span } from '../model';

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

/**
 * What a reviewer came for comes first: numbering faults are warnings; conventions and the damage
 * that breaks the outline (a split or merged heading) are information; the text's own damage is a
 * hint, shown in the editor where it is and offered as a fix there, but kept out of the Problems
 * panel (VS Code lists no hints), where a pasted plan's many would bury the numbering warnings.
 */
export const DEFAULT_SEVERITY: Record<DiagnosticCode, Severity> = {
  'numbering.skipped': 'warning', 'numbering.duplicate': 'warning', 'numbering.order': 'warning',
  'numbering.restart': 'warning', 'numbering.levelSkipped': 'warning', 'numbering.nesting': 'warning',
  'numbering.style': 'warning', 'marker.punctuation': 'warning', 'marker.width': 'warning', 'marker.bracket': 'warning',
  'marker.compatChar': 'warning', 'numbering.lone': 'information', 'enumeration.gap': 'warning',
  'enumeration.punctuation': 'warning', 'enumeration.mixed': 'warning',
  'heading.split': 'information', 'heading.merged': 'information',
  'text.brokenLine': 'hint', 'text.cjkSpace': 'hint', 'text.halfWidth': 'hint', 'text.markerSpace': 'hint',
};

/**
 * Fixes applied without asking, all at once (fixes.ts: `workplan check --fix`, the renumber command,
 * fix-all and renumber-on-save): they only rewrite markers and run-ins.
 * Not `numbering.levelSkipped` (whether a section meant to skip a level is the author's call),
 * not the report-only codes, and not the text repairs, which change the prose itself.
 */
export const SAFE_FIX_CODES: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  'numbering.skipped', 'numbering.duplicate', 'numbering.order', 'numbering.restart', 'numbering.style',
  'marker.punctuation', 'marker.width', 'marker.bracket', 'marker.compatChar', 'enumeration.gap', 'enumeration.punctuation',
]);

/** The safe fixes that renumber a sequence; the others rewrite the form of one marker or run-in. */
export const FIXES_THAT_RENUMBER: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  'numbering.skipped', 'numbering.duplicate', 'numbering.order', 'numbering.restart', 'enumeration.gap',
]);

/**
 * Codes whose fixes can all be applied at once: each touches only its own characters, and once
 * applied they leave nothing more to fix (test/unit/hygiene.test.ts proves it on mutated plans).
 * Not text.brokenLine: whether a line was broken is a guess, and joining lines changes the outline;
 * each join is confirmed on its own.
 */
export const FIX_ALL_CODES: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  'marker.width', 'text.cjkSpace', 'text.halfWidth', 'text.markerSpace',
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
  /**
   * A text finding about more than its one place: `document` for a way of writing that the whole
   * document keeps (its fix changes every one of `count` places), `unpaired` for a half-width quote
   * whose paragraph leaves unclear whether it opens or closes (no fix).
   */
  scope?: 'document' | 'unpaired';
  count?: number;
  /** text.cjkSpace: a number on one side of the gap (`引进 20`), not Chinese on both. */
  besideNumber?: boolean;
  severity: Severity;
}

/** A diagnostic before severities are applied. */
export type Finding = Omit<PlanDiagnostic, 'severity'>;
