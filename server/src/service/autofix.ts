// Applies the safe fixes (diagnostics.ts SAFE_FIX_CODES) until none is left. Fixes of one sequence
// overlap (each renumbers the siblings after it), so each round applies those that do not collide
// and the document is checked again.
import { computeDiagnostics, SAFE_FIX_CODES } from './diagnostics';
import { applyEdits, OffsetEdit } from './markerForms';
import { parsePlan } from './parser';
import { WorkplanSettings } from './settings';

/** Enough for any real plan: each round fixes every sequence at least once. */
const MAX_ROUNDS = 20;

export function applySafeFixes(text: string, settings: WorkplanSettings): { text: string; fixed: number } {
  let fixed = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const fixes = computeDiagnostics(parsePlan(text), settings).filter((d) => d.edits && SAFE_FIX_CODES.has(d.code));
    const chosen: OffsetEdit[] = [];
    for (const d of fixes) {
      if (chosen.some((c) => d.edits!.some((e) => e.start < c.end && c.start < e.end))) continue;
      chosen.push(...d.edits!);
      fixed++;
    }
    if (!chosen.length) break;
    text = applyEdits(text, chosen);
  }
  return { text, fixed };
}
