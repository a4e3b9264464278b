// A plan laid out as the paragraphs of an official document (GB/T 9704-2012): which lines are the
// title, the covering notice's parts, headings of which level, body, tables, issuer and date. Pure:
// the Word writer (export.ts) turns these blocks into WordprocessingML.
import { DEFAULT_SETTINGS } from '../service/checks/settings';
import { computeDiagnostics } from '../service/checks/diagnostics';
import { applyEdits, OffsetEdit } from '../service/checks/markerForms';
import { LineRole, OutlineModel, OutlineNode, Span } from '../service/model';
import { looksLikeTitle } from '../service/parse/metadata';
import { parsePlan } from '../service/parse/parser';
import { PositionIndex } from '../service/text/positions';

/** Type of a stretch of text: body (仿宋), or a heading of GB/T 9704's levels 1 (黑体), 2 (楷体), 3 (仿宋, bold), 4 (仿宋). */
export type RunStyle = 'body' | 'level1' | 'level2' | 'level3' | 'level4';

export interface Run {
  text: string;
  style: RunStyle;
  /** Bold as the plan marked it (`**…**`). */
  bold: boolean;
}

export type Block =
  /** The document title or the notice's title: 小标宋, 二号, centred. */
  | { kind: 'title'; runs: Run[]; pageBreakBefore: boolean }
  /** 发文字号 such as `X街办〔2025〕3号`, centred above the notice's title. */
  | { kind: 'number'; runs: Run[] }
  /** 主送机关: flush left, no indent. */
  | { kind: 'addressee'; runs: Run[] }
  /** A paragraph of text, two characters indented; `outlineLevel` (0-based) when a heading, run-in or measure opens it. */
  | { kind: 'body'; runs: Run[]; outlineLevel?: number }
  /** 发文机关署名 or 成文日期, starting `leftChars` characters from the left margin, or right-aligned `rightChars` from the right. */
  | { kind: 'signature'; runs: Run[]; leftChars: number; rightChars?: undefined }
  | { kind: 'signature'; runs: Run[]; rightChars: number; leftChars?: undefined }
  | { kind: 'blank' }
  | { kind: 'table'; rows: string[][] };

/** The fixes that only move line breaks: a marker split from its title, a line broken mid-sentence, a heading run into its body. */
const LINE_BREAK_CODES = new Set(['heading.split', 'text.brokenLine', 'heading.merged']);

/**
 * The plan with its line breaks where a Word paragraph needs them: a paragraph cannot be broken
 * mid-sentence the way text pasted from a PDF is. Nothing but line breaks and the spaces of a
 * merged heading's gap changes; markers and words stay as written. A broken line is joined only
 * between lines of prose: a title or a table row above or below stays a paragraph of its own.
 */
function mendLineBreaks(text: string): string {
  const model = parsePlan(text);
  const at = new PositionIndex(model);
  const isProse = (offset: number) => PROSE.has(model.lineRoles[at.lineOf(offset)]);
  const edits: OffsetEdit[] = [];
  let reach = -1;
  for (const d of computeDiagnostics(model, DEFAULT_SETTINGS)) {
    if (!LINE_BREAK_CODES.has(d.code) || !d.edits) continue;
    if (d.code === 'text.brokenLine' && !(isProse(d.span.start) && isProse(d.span.end))) continue;
    const sorted = [...d.edits].sort((a, b) => a.start - b.start);
    // Findings come in document order per check; an edit that overlaps one already taken is left out.
    if (sorted[0].start <= reach) continue;
    edits.push(...sorted);
    reach = sorted[sorted.length - 1].end;
  }
  return edits.length ? applyEdits(text, edits) : text;
}

const PROSE: ReadonlySet<number> = new Set([LineRole.Body, LineRole.Heading, LineRole.Closing]);

/** Level of a heading's type in GB/T 9704 §7.3.3: by its marker, or for an unnumbered heading by its depth. */
function headingStyle(node: OutlineNode): RunStyle | undefined {
  if (node.kind !== 'heading' && node.kind !== 'unnumbered') return undefined;
  const level = node.marker ? Math.floor(node.rank) : node.depth;
  return level <= 1 ? 'level1' : level === 2 ? 'level2' : level === 3 ? 'level3' : 'level4';
}

const SENTENCE_STOP = /[。．.]/;
const DATE = /(?:[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日|[〇零一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十]{1,2}\s*月\s*[一二三四五六七八九十]{1,3}\s*日)\s*$/;
const DOC_NUMBER = /[〔［[]\s*[0-9０-９]{4}\s*[〕］\]]\s*[0-9０-９]+\s*号\s*$/;
const ADDRESSEE_END = /[：:]\s*$/;
/** What an issuing body's name ends with, to tell two issuers on one line from a name with a stray space. */
const ISSUER_END = /(?:委员会|工委|党委|党组|办事处|人民政府|政府|街道|镇|乡|办公室|委|局|中心|处|厅|部|会)$/;

/** Width in characters of the grid: an ideograph or full-width mark is one, an ASCII letter or digit half. */
function widthInChars(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  return w;
}

/**
 * The runs of a line `[start, end)`: Markdown residue dropped (a leading `#` run, `**` pairs, which
 * make bold, and `\` escapes), leading and trailing spaces trimmed (indentation is the paragraph's),
 * and each character styled by the heading span it lies in.
 */
function runsOf(text: string, start: number, end: number, styled: { span: Span; style: RunStyle }[]): Run[] {
  const runs: Run[] = [];
  let i = start;
  while (i < end && /\s/.test(text[i])) i++;
  if (text[i] === '#') {
    while (i < end && text[i] === '#') i++;
    while (i < end && /\s/.test(text[i])) i++;
  }
  let e = end;
  while (e > i && /\s/.test(text[e - 1])) e--;
  let bold = false;
  let k = 0;
  for (; i < e; i++) {
    if (text[i] === '*' && text[i + 1] === '*') {
      bold = !bold;
      i++;
      continue;
    }
    if (text[i] === '\\' && i + 1 < e && /[!-/:-@[-`{-~]/.test(text[i + 1])) i++;
    while (k < styled.length && styled[k].span.end <= i) k++;
    const style = k < styled.length && styled[k].span.start <= i ? styled[k].style : 'body';
    const last = runs[runs.length - 1];
    if (last && last.style === style && last.bold === bold) last.text += text[i];
    else runs.push({ text: text[i], style, bold });
  }
  return runs;
}

function plain(runs: Run[]): string {
  return runs.map((r) => r.text).join('');
}

function restyled(runs: Run[], style: RunStyle): Run[] {
  return runs.map((r) => ({ ...r, style }));
}

/** Characters in a line of the text block (GB/T 9704 §5.2.2). */
export const CHARS_PER_LINE = 28;

/**
 * 发文机关署名 and 成文日期 without a seal (GB/T 9704 §7.3.5.2): the issuers one under another, the
 * longest two characters from the right margin; the date on the next line, its first character two to
 * the right of theirs. A date longer than that sits two from the margin and moves the issuers left.
 * Placed by their start: an issuer's width is known (ideographs), a date's depends on its digits.
 */
function signatureBlocks(issuers: string[], date: string | undefined): Block[] {
  const run = (text: string): Run[] => [{ text, style: 'body', bold: false }];
  const blocks: Block[] = [{ kind: 'blank' }];
  if (!issuers.length) {
    // A date alone: 右空四字.
    if (date) blocks.push({ kind: 'signature', runs: run(date), rightChars: 4 });
    return blocks;
  }
  const issuerWidth = Math.max(...issuers.map(widthInChars));
  let issuerStart = CHARS_PER_LINE - 2 - issuerWidth;
  if (date && issuerStart + 2 + widthInChars(date) > CHARS_PER_LINE - 2) issuerStart = CHARS_PER_LINE - 4 - widthInChars(date);
  issuerStart = Math.max(0, issuerStart);
  for (const issuer of issuers) blocks.push({ kind: 'signature', runs: run(issuer), leftChars: issuerStart });
  if (date) blocks.push({ kind: 'signature', runs: run(date), leftChars: issuerStart + 2 });
  return blocks;
}

/** Issuers and date from the lines of a signature: `中共XX街道工作委员会 XX街道办事处 2025年2月5日`, or one a line. */
function readSignature(lines: string[]): { issuers: string[]; date?: string } {
  const issuers: string[] = [];
  let date: string | undefined;
  for (const line of lines) {
    const m = DATE.exec(line);
    const name = (m ? line.slice(0, m.index) : line).trim();
    if (m) date = m[0].trim();
    if (!name) continue;
    const parts = name.split(/\s+/);
    issuers.push(...(parts.length > 1 && parts.every((p) => ISSUER_END.test(p)) ? parts : [name]));
  }
  return { issuers, date };
}

/** A line that closes a notice or a plan: a date, or an issuer's name right above one. */
function isSignatureLine(line: string, next: string | undefined): boolean {
  if (DATE.test(line)) return true;
  return next !== undefined && DATE.test(next) && widthInChars(line.trim()) <= 40 && !/[，。；,;：:]/.test(line);
}

export interface Layout {
  blocks: Block[];
  /** The text the blocks were laid out from: the plan with its line breaks mended. */
  text: string;
  model: OutlineModel;
}

/** The plan's paragraphs in document order, each with its part in the document. */
export function layOut(planText: string): Layout {
  const text = mendLineBreaks(planText);
  const model = parsePlan(text);
  const { lines, lineRoles } = model;
  const blocks: Block[] = [];

  // Heading spans in document order, with the full stop that ends a run-in title, for their fonts.
  const styled: { span: Span; style: RunStyle }[] = [];
  /** The node that opens each line, for its outline level. */
  const opening = new Map<number, OutlineNode>();
  for (const node of model.nodes) {
    const style = headingStyle(node);
    if (style) {
      const end = SENTENCE_STOP.test(text[node.headingSpan.end] ?? '') ? node.headingSpan.end + 1 : node.headingSpan.end;
      styled.push({ span: { start: node.headingSpan.start, end }, style });
    }
    if (!opening.has(node.line) && /^[\s#*]*$/.test(text.slice(lines.start(node.line), node.headingSpan.start))) opening.set(node.line, node);
  }

  let i = 0;
  const count = lines.count;
  const lineRuns = (l: number) => runsOf(text, lines.start(l), lines.end(l), styled);
  while (i < count) {
    const role = lineRoles[i];
    if (role === LineRole.Blank || role === LineRole.Residue) {
      i++;
      continue;
    }
    if (role === LineRole.Title) {
      const pageBreakBefore = blocks.length > 0;
      for (let first = true; i < count && (lineRoles[i] === LineRole.Title || lineRoles[i] === LineRole.Blank); i++) {
        if (lineRoles[i] === LineRole.Blank) continue;
        blocks.push({ kind: 'title', runs: restyled(lineRuns(i), 'body'), pageBreakBefore: pageBreakBefore && first });
        first = false;
      }
      blocks.push({ kind: 'blank' });
      continue;
    }
    if (role === LineRole.Notice || role === LineRole.Signature) {
      const group: number[] = [];
      for (; i < count && (lineRoles[i] === role || lineRoles[i] === LineRole.Blank); i++) if (lineRoles[i] === role) group.push(i);
      blocks.push(...(role === LineRole.Notice ? noticeBlocks(group.map((l) => lineRuns(l))) : signatureFrom(group.map((l) => plain(lineRuns(l))))));
      continue;
    }
    if (role === LineRole.Table) {
      const rows: string[][] = [];
      for (; i < count && lineRoles[i] === LineRole.Table; i++) {
        const row = plain(lineRuns(i));
        if (/^\|?[\s:|-]+$/.test(row)) continue;
        rows.push(row.replace(/^\||\|$/g, '').split('|').map((c) => c.trim()));
      }
      if (rows.length) blocks.push({ kind: 'table', rows });
      continue;
    }
    const runs = lineRuns(i);
    const node = opening.get(i);
    if (runs.length) blocks.push(node ? { kind: 'body', runs, outlineLevel: Math.min(node.depth, 9) - 1 } : { kind: 'body', runs });
    i++;
  }
  return { blocks, text, model };
}

function signatureFrom(lines: string[]): Block[] {
  const { issuers, date } = readSignature(lines);
  return signatureBlocks(issuers, date);
}

/**
 * The covering notice (GB/T 9704 §7.2–7.3): 发文字号 and title centred, a blank line, 主送机关 flush
 * left, the text, 附件说明 after a blank line, then issuer and date.
 */
function noticeBlocks(lines: Run[][]): Block[] {
  const blocks: Block[] = [];
  const texts = lines.map(plain);
  let k = 0;
  for (; k < lines.length && DOC_NUMBER.test(texts[k]); k++) blocks.push({ kind: 'number', runs: lines[k] }, { kind: 'blank' });
  let titled = false;
  for (; k < lines.length && (!titled || looksLikeTitle(texts[k])) && !ADDRESSEE_END.test(texts[k]) && !isSignatureLine(texts[k], texts[k + 1]); k++) {
    blocks.push({ kind: 'title', runs: restyled(lines[k], 'body'), pageBreakBefore: false });
    titled = true;
  }
  if (titled) blocks.push({ kind: 'blank' });
  let inBody = false;
  for (; k < lines.length; k++) {
    const t = texts[k];
    if (isSignatureLine(t, texts[k + 1])) {
      const rest = texts.slice(k);
      blocks.push(...signatureFrom(rest));
      break;
    }
    if (!inBody && ADDRESSEE_END.test(t) && !t.includes('。')) blocks.push({ kind: 'addressee', runs: lines[k] });
    else {
      if (/^附\s*件\s*[：:]/.test(t)) blocks.push({ kind: 'blank' });
      blocks.push({ kind: 'body', runs: lines[k] });
      inBody = true;
    }
  }
  return blocks;
}

