// The plan the parse benchmarks read, of any size: whole seeds joined end to end.
import { seeds } from '../test/helpers/seeds';

/** A closing appeal (`各位代表、同志们…`) ends a plan: whatever follows it is back matter, not outline. */
const CLOSING = /\n(?:\*\*)?(?:各位代表|同志们|各位同志|各位领导)[^]*$/;

/**
 * Whole seeds joined until the plan reaches `bytes` of UTF-8, cut at a line end; closing appeals are
 * moved to the very end, so the whole plan is outline.
 */
export function planOfSize(bytes: number): string {
  const closings = seeds().map((s) => CLOSING.exec(s.text)?.[0] ?? '').join('');
  const bodies = seeds().map((s) => s.text.replace(CLOSING, '') + '\n');
  const parts: string[] = [];
  let size = Buffer.byteLength(closings);
  for (let k = 0; size < bytes; k++) {
    parts.push(bodies[k % bodies.length]);
    size += Buffer.byteLength(bodies[k % bodies.length]);
  }
  // Trim the last seed to the size, line by line.
  let last = parts.pop()!;
  size -= Buffer.byteLength(last);
  while (last && size + Buffer.byteLength(last) > bytes) last = last.slice(0, last.lastIndexOf('\n', last.length - 2) + 1);
  return parts.join('') + last + closings.replace(/^\n/, '');
}
