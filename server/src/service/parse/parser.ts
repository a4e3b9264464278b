// Recovers a plan's outline from damaged text (PLAN-FORMAT §1–§3), in passes: lines (what each line
// is and does), inline (candidates inside paragraphs, with their evidence), tree (one loop over a
// stack that accepts what goes on with the outline), and the damage the accepted headings carry.
// Total: never throws; an internal error is reported through `onError` and yields an empty outline.
import { LineRole, OutlineModel } from '../model';
import { LineTable } from '../text/lines';
import { Inline } from './inline';
import { LineKind, Lines } from './lines';
import { readMetadata } from './metadata';
import { CharFinder } from './scan';
import { buildTree } from './tree';

const TABLE_ROW = /[|｜].*[|｜]/;
/** How much of the first paragraph metadata reads for a place and year. */
const OPENING_CHARS = 400;

/** `onError` hears of a parser bug that the fallback hid (the server logs it; tests make it fatal). */
export function parsePlan(text: string, onError?: (e: unknown) => void): OutlineModel {
  try {
    return parse(text);
  } catch (e) {
    onError?.(e);
    const lines = LineTable.of(text);
    return { text, lines, lineRoles: new Uint8Array(lines.count), roots: [], nodes: [], documentStarts: [], residueLines: [], metadata: {}, problems: [] };
  }
}

function parse(text: string): OutlineModel {
  const l = new Lines(text);
  const tree = buildTree(l, new Inline(l).run());
  let opening = '';
  let front = '';
  const bars = new CharFinder(text, '|');
  const wideBars = new CharFinder(text, '｜');
  // Without a bar in the text there is no table, and the body is read only for its opening.
  const tables = bars.next(0) < text.length || wideBars.next(0) < text.length;
  for (let i = 0; i < l.firstBodyLine; i++) if (l.roles[i] === LineRole.FrontMatter || l.roles[i] === LineRole.Notice) front += l.lineText(i) + '\n';
  for (let i = l.firstBodyLine; i < l.count; i++) {
    if (l.kinds[i] === LineKind.Blank || l.kinds[i] === LineKind.Residue) continue;
    if (l.roles[i] === LineRole.Body && !opening) opening = l.lineText(i).slice(0, OPENING_CHARS);
    if (!tables && opening) break;
    if (l.roles[i] !== LineRole.Body) continue;
    // Tables in the body are not prose; most lines hold no bar, and no text is built for them.
    const start = l.lines.contentStart(i);
    const end = l.lines.contentEnd(i);
    if ((bars.next(start) < end || wideBars.next(start) < end) && TABLE_ROW.test(l.lineText(i))) l.roles[i] = LineRole.Table;
  }
  return {
    text,
    lines: l.lines,
    lineRoles: l.roles,
    roots: tree.roots,
    nodes: tree.nodes,
    frontMatter: l.frontMatter ?? l.notice,
    titleSpan: l.titleSpan,
    backMatter: tree.backMatter,
    signature: tree.signature,
    documentStarts: tree.documentStarts,
    residueLines: l.residueLines,
    metadata: readMetadata({ title: l.titleText, front, opening, headings: tree.roots.slice(0, 3).map((n) => n.title).join('\n') }),
    problems: tree.problems,
  };
}
