// The parser as the tests call it: an internal error the parser would hide behind an empty outline fails the test.
import { LineRole, OutlineModel } from '../../server/src/service/model';
import { parsePlan } from '../../server/src/service/parse/parser';
import { renderOutline } from '../../server/src/service/features/renderOutline';

export function parse(text: string): OutlineModel {
  return parsePlan(text, (e) => {
    throw e;
  });
}

const ROLE_NAMES = Object.fromEntries(Object.entries(LineRole).map(([name, value]) => [value, name]));

/**
 * A plan's reading as text, for fixtures: its outline, the damage found, where documents start, and
 * the role of every line that is neither body nor blank (1-based lines).
 */
export function renderReading(model: OutlineModel): string {
  const lineOf = (offset: number) => {
    let i = 0;
    while (i + 1 < model.lines.count && model.lines.start(i + 1) <= offset) i++;
    return i + 1;
  };
  const out = [renderOutline(model).trimEnd()];
  for (const p of model.problems) out.push(`problem ${lineOf(p.span.start)} ${p.code}`);
  for (const d of model.documentStarts) out.push(`document starts ${lineOf(d)}`);
  for (let i = 0; i < model.lines.count; i++) {
    const role = model.lineRoles[i];
    if (role !== LineRole.Body && role !== LineRole.Blank) out.push(`role ${i + 1} ${ROLE_NAMES[role]}`);
  }
  return out.join('\n') + '\n';
}
