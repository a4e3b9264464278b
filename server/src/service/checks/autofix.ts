// Applies the safe fixes (diagnostics.ts SAFE_FIX_CODES) until none is left: each round applies
// the fixes that do not collide and checks the document again.
import { SAFE_FIX_CODES } from './codes';
import { computeDiagnostics } from './diagnostics';
import { applyEdits, OffsetEdit } from './markerForms';
import { parsePlan } from '../parse/parser';
import { WorkplanSettings } from './settings';

/**
 * A fix renumbers only up to the next fault of its sequence, counting from the numbers as they
 * stand, so a sequence with k faults settles in at most k rounds; real plans need two or three.
 */
const MAX_ROUNDS = 50;

export function applySafeFixes(text: string, settings: WorkplanSettings): { text: string; fixed: number } {
  let fixed = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const fixes = computeDiagnostics(parsePlan(text), settings).filter((d) => d.edits && SAFE_FIX_CODES.has(d.code));
    const chosen: OffsetEdit[] = [];
    // Characters some chosen edit already rewrites: a fix touching one of them waits for the next round.
    const taken = new Uint8Array(text.length + 1);
    const free = (e: OffsetEdit) => {
      for (let i = e.start; i < Math.max(e.end, e.start + 1); i++) if (taken[i]) return false;
      return true;
    };
    for (const d of fixes) {
      if (!d.edits!.every(free)) continue;
      for (const e of d.edits!) taken.fill(1, e.start, Math.max(e.end, e.start + 1));
      for (const e of d.edits!) chosen.push(e);
      fixed++;
    }
    if (!chosen.length) break;
    text = applyEdits(text, chosen);
  }
  return { text, fixed };
}
