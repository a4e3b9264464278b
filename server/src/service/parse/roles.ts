// The role of each line, read off what the parser found: the spans of the notice, title, closing and
// signature, page residue, and the lines that open headings.
import { LineRole, OutlineModel, Span } from '../model';
import { LineTable } from '../text/lines';

const TABLE_CELL = /\|.*\|/;

export function lineRoles(model: Omit<OutlineModel, 'lineRoles'>): Uint8Array {
  const { lines } = model;
  const roles = new Uint8Array(lines.count).fill(LineRole.Body);
  const mark = (span: Span | undefined, role: LineRole) => {
    if (span) for (let i = lineAt(lines, span.start); i < lines.count && lines.start(i) <= span.end; i++) roles[i] = role;
  };
  mark(model.frontMatter, LineRole.Notice);
  mark(model.titleSpan, LineRole.Title);
  mark(model.backMatter, LineRole.Closing);
  mark(model.signature, LineRole.Signature);
  for (const n of model.nodes) if (n.kind === 'heading' || n.kind === 'unnumbered') roles[n.line] = LineRole.Heading;
  for (const l of model.residueLines) roles[l] = LineRole.Residue;
  for (let i = 0; i < lines.count; i++) {
    if (lines.isBlank(i)) roles[i] = LineRole.Blank;
    else if (roles[i] === LineRole.Body && TABLE_CELL.test(lines.text(i))) roles[i] = LineRole.Table;
  }
  return roles;
}

function lineAt(lines: LineTable, offset: number): number {
  let lo = 0;
  let hi = lines.count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines.start(mid) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
