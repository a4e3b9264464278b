// Text hygiene (PLAN-FORMAT §3): damage that extraction leaves in the prose itself. Information
// only; each finding carries the edit that repairs it and nothing else.
import type { Finding } from './codes';
import { charsAfter, charsBefore, ellipsisStart } from '../text/excerpts';
import type { OffsetEdit } from './markerForms';
import { OutlineModel } from '../model';
import { PositionIndex } from '../text/positions';
import { contains } from '../text/ranges';
import { CJK_RANGES, endsSentence, isAsciiDigitCode, isAsciiLetterCode, isAsciiWordCode, isCjkCode, isSpaceCode, isWhiteSpaceCode, occurrences } from '../text/chars';

/** Full-width punctuation of Chinese text. */
const FULL_PUNCT = '，。、；：？！“”‘’（）《》【】「」『』…—';
const HALF_MARK = /[,;:?!()"]/g;
/** Spaces that may sit inside Chinese text: ASCII space, tab, ideographic and no-break space. */
const SPACE_RUN = /[ \t\u3000\u00a0]+/g;
const isRunSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0;
const QUOTE = 0x22;

/**
 * By code, the full-width form of each half-width mark, and a bit for the fix to it, so that a line's
 * message names each kind of fix once. `"` turns into an opening or a closing quote: a bit each.
 */
const FULL_FORM: string[] = [];
const FIX_BIT: number[] = [];
[[',', '，'], [';', '；'], [':', '：'], ['?', '？'], ['!', '！'], ['(', '（'], [')', '）']].forEach(([half, full], k) => {
  FULL_FORM[half.charCodeAt(0)] = full;
  FIX_BIT[half.charCodeAt(0)] = 1 << k;
});
const OPENING_QUOTE_BIT = 1 << 7;
const CLOSING_QUOTE_BIT = 1 << 8;

/**
 * Classes of UTF-16 codes, a bit each, as the checks ask per character. A table of its own: calling
 * text.ts's isCjkCode and inClass from here too measured the parser 7% slower.
 */
const CLASSES = new Uint8Array(0x10000);
/** Ideographs and full-width punctuation. */
const CHINESE = 1;
/** Marks after which a `"` opens a quotation. */
const QUOTE_OPENER = 2;
for (const [from, to] of CJK_RANGES) CLASSES.fill(CHINESE, from, to + 1);
for (const ch of FULL_PUNCT) CLASSES[ch.charCodeAt(0)] |= CHINESE;
for (const ch of '，。、；：（“《') CLASSES[ch.charCodeAt(0)] |= QUOTE_OPENER;

// The classes take UTF-16 codes (NaN past either end of the text, which is in none): reading
// `text[i]` would make a string of every Chinese character asked about.
function isChinese(c: number): boolean {
  return (CLASSES[c] & CHINESE) !== 0;
}

/**
 * Findings kept per code. A text pasted whole from a PDF can have a half-width comma in every
 * sentence; past this many the list helps nobody and only costs time on every keystroke.
 */
export const HYGIENE_LIMIT = 1000;

/** The findings of each check, a list each, in document order. */
export function hygieneDiagnostics(model: OutlineModel): Finding[][] {
  return [markerSpaces(model), cjkSpaces(model), halfWidth(model), brokenLines(model)];
}

/**
 * What the text checks leave to others, asked about at offsets that never decrease: markers and
 * run-ins (their own checks judge them) and the gap of a merged heading. Cursors walk the nodes and
 * the problems, both in document order, so nothing is gathered or sorted, and a check that stops at
 * its limit reads no further.
 */
class Excluded {
  private node = 0;
  private problem = 0;
  /** The furthest end of the spans that start at or before the last offset asked about. */
  private reach = 0;
  /** Where the next span not yet met starts: until then, the cursors need not move. */
  private nextStart = 0;
  private markerNode = 0;

  constructor(private readonly model: OutlineModel) {}

  /** Whether `offset` lies inside a marker, a run-in or a merged heading's gap. */
  covers(offset: number): boolean {
    if (offset >= this.nextStart) this.advance(offset);
    return offset < this.reach;
  }

  private advance(offset: number): void {
    const { nodes, problems } = this.model;
    let next = Infinity;
    for (; this.node < nodes.length; this.node++) {
      const n = nodes[this.node];
      // A heading has a marker, a run-in an enumerator; no node has both.
      const span = n.marker?.span ?? n.enumerator?.span;
      if (!span) continue;
      if (span.start > offset) {
        next = span.start;
        break;
      }
      this.reach = Math.max(this.reach, span.end);
    }
    for (; this.problem < problems.length; this.problem++) {
      const p = problems[this.problem];
      if (p.code !== 'heading.merged') continue;
      if (p.fixSpan.start > offset) {
        next = Math.min(next, p.fixSpan.start);
        break;
      }
      this.reach = Math.max(this.reach, p.fixSpan.end);
    }
    this.nextStart = next;
  }

  /** Whether a marker ends at `offset`: the space after it is text.markerSpace's. */
  endsMarker(offset: number): boolean {
    const nodes = this.model.nodes;
    while (this.markerNode < nodes.length && (nodes[this.markerNode].marker?.span.end ?? -1) < offset) this.markerNode++;
    return nodes[this.markerNode]?.marker?.span.end === offset;
  }
}

/** `(三) 重策源`: a space between a marker and its title. */
function markerSpaces(model: OutlineModel): Finding[] {
  const text = model.text;
  const out: Finding[] = [];
  for (const n of model.nodes) {
    const m = n.marker;
    if (!m) continue;
    let e = m.span.end;
    while (isSpaceCode(text.charCodeAt(e))) e++;
    const next = text.charCodeAt(e);
    if (e === m.span.end || e >= text.length || next === 0x0a || next === 0x0d) continue;
    if (out.length >= HYGIENE_LIMIT) break;
    const title = charsAfter(text, e, 4);
    out.push({
      code: 'text.markerSpace', span: { start: m.span.end, end: e }, expected: m.text + title, found: text.slice(m.span.start, e) + title,
      edits: [{ start: m.span.end, end: e, newText: '' }],
    });
  }
  return out;
}

/**
 * `争 取`, `营商 环境`, `2025 年`: spaces between Chinese characters or between Chinese and a number.
 * An ideographic space is typed on purpose (`中共XX委员会　XX人民政府`, `第一部分　总体要求`), and page
 * residue (`— 2 —`, `第 4 页`) is not the plan's text.
 */
function cjkSpaces(model: OutlineModel): Finding[] {
  const text = model.text;
  const { lines, residueLines } = model;
  const excluded = new Excluded(model);
  let residue = 0;
  const out: Finding[] = [];
  // One pass over the whole text: a run never crosses a line break, and a run at either end of a
  // line has a break (or nothing) on that side, which is neither Chinese nor a digit.
  SPACE_RUN.lastIndex = 0;
  // `test`, not `exec`: no match array per run; the run is read back from where the search stopped.
  while (out.length < HYGIENE_LIMIT && SPACE_RUN.test(text)) {
    const end = SPACE_RUN.lastIndex;
    let start = end - 1;
    while (start > 0 && isRunSpace(text.charCodeAt(start - 1))) start--;
    const before = text.charCodeAt(start - 1);
    const after = text.charCodeAt(end);
    const left = isChinese(before) || (isAsciiDigitCode(before) && wholeNumber(text, start - 1, -1));
    const right = isChinese(after) || (isAsciiDigitCode(after) && wholeNumber(text, end, 1));
    if (!left || !right || !(isChinese(before) || isChinese(after))) continue;
    if (excluded.endsMarker(start) || excluded.covers(start) || hasIdeographicSpace(text, start, end)) continue;
    while (residue < residueLines.length && lines.end(residueLines[residue]) < start) residue++;
    if (residue < residueLines.length && lines.start(residueLines[residue]) <= start) continue;
    out.push({
      code: 'text.cjkSpace', span: { start, end }, expected: charsBefore(text, start, 2) + charsAfter(text, end, 2),
      found: charsBefore(text, start, 2) + text.slice(start, end) + charsAfter(text, end, 2), edits: [{ start, end, newText: '' }],
    });
  }
  return out;
}

function hasIdeographicSpace(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 0x3000) return true;
  return false;
}

/** A whole number next to Chinese text, read from `at` in direction `step`: `2025 年`, not `No.1 创新`. */
function wholeNumber(text: string, at: number, step: number): boolean {
  let p = at;
  while (isAsciiDigitCode(text.charCodeAt(p))) p += step;
  const c = text.charCodeAt(p);
  return p !== at && !isAsciiLetterCode(c) && c !== 0x2e && c !== 0xff0e && c !== 0x25; // nor `.` `．` `%`
}

/**
 * `,` `(` `)` `"` `:` `;` `?` `!` written half-width in Chinese text: one finding per line, so a plan
 * pasted from a PDF with a half-width comma in every sentence does not bury the Problems panel.
 */
function halfWidth(model: OutlineModel): Finding[] {
  const text = model.text;
  const lines = model.lines;
  const excluded = new Excluded(model);
  const out: Finding[] = [];
  let line = 0;
  let start = lines.start(0);
  let end = lines.end(0);
  // The current line's fixes, and each kind once for the message: `应为“，（）”，实为“,()”`.
  let edits: OffsetEdit[] = [];
  let expected = '';
  let found = '';
  /** FIX_BITs of the kinds named so far. */
  let named = 0;
  /** `"` on the current line: counted when the line's first one is met. */
  let quotes = -1;
  let quoteIndex = 0;
  // One regex pass over the whole text finds the candidates; marks never sit on a line break.
  HALF_MARK.lastIndex = 0;
  while (HALF_MARK.test(text)) {
    const i = HALF_MARK.lastIndex - 1;
    if (end <= i) {
      if (edits.length) out.push(halfWidthFinding(edits, expected, found));
      if (out.length >= HYGIENE_LIMIT) return out;
      while (lines.end(line) <= i) line++;
      start = lines.start(line);
      end = lines.end(line);
      edits = [];
      expected = found = '';
      named = 0;
      quotes = -1;
      quoteIndex = 0;
    }
    const c = text.charCodeAt(i);
    let q = -1;
    if (c === QUOTE) {
      if (quotes < 0) quotes = occurrences(text, '"', start, end);
      q = quoteIndex++;
    }
    const before = i > start ? text.charCodeAt(i - 1) : NaN;
    const after = i + 1 < end ? text.charCodeAt(i + 1) : NaN;
    if (!isChinese(before) && !isChinese(after)) continue;
    // `9:00`, `1,000` between digits are not Chinese punctuation.
    if (isAsciiWordCode(before) && isAsciiWordCode(after)) continue;
    if (excluded.covers(i)) continue;
    let full = FULL_FORM[c];
    let bit = FIX_BIT[c];
    if (c === QUOTE) {
      // Paired on the line, quotes alternate; otherwise one opens after a space or an opening mark.
      const opens = quotes % 2 === 0 ? q % 2 === 0 : i === start || isSpaceCode(before) || (CLASSES[before] & QUOTE_OPENER) !== 0;
      full = opens ? '“' : '”';
      bit = opens ? OPENING_QUOTE_BIT : CLOSING_QUOTE_BIT;
    }
    edits.push({ start: i, end: i + 1, newText: full });
    if (!(named & bit)) {
      expected += full;
      // `"` is found once, whichever way it turns.
      if (c !== QUOTE || !(named & (OPENING_QUOTE_BIT | CLOSING_QUOTE_BIT))) found += text[i];
      named |= bit;
    }
  }
  if (edits.length) out.push(halfWidthFinding(edits, expected, found));
  return out;
}

function halfWidthFinding(edits: OffsetEdit[], expected: string, found: string): Finding {
  return { code: 'text.halfWidth', span: { start: edits[0].start, end: edits[edits.length - 1].end }, expected, found, edits };
}

/** Facts about a line that brokenLines asks about, a bit each. */
const NODE_LINE = 1;
const HEADING_LINE = 2;
const DOCUMENT_START = 4;
const RESIDUE = 8;

/** A line that stops mid-sentence and goes on, after the break, on the next line of prose. */
function brokenLines(model: OutlineModel): Finding[] {
  const text = model.text;
  const lines = model.lines;
  const facts = new Uint8Array(lines.count);
  /** Where heading titles end, in document order: a line whose title would end there is a heading. */
  const titleEnds: number[] = [];
  for (const n of model.nodes) {
    if ((n.kind === 'heading' || n.kind === 'enumeration') && onlyDecorationBefore(text, lines.start(n.line), n.headingSpan.start)) {
      facts[n.line] |= NODE_LINE;
    }
    if (n.kind === 'heading') titleEnds.push(n.titleSpan.end);
    if (n.kind === 'unnumbered') for (let l = n.line; l < lines.count && lines.start(l) <= n.headingSpan.end; l++) facts[l] |= HEADING_LINE;
  }
  const at = new PositionIndex(model);
  for (const d of model.documentStarts) facts[at.lineOf(d)] |= DOCUMENT_START;
  for (const l of model.residueLines) facts[l] |= RESIDUE;
  const notProse = (l: number) =>
    (facts[l] & (DOCUMENT_START | RESIDUE)) !== 0 || (!hasCjkIn(text, lines.start(l), lines.end(l)) && lines.text(l).trim().length <= 12);
  // Title ends and split markers, both in document order, are met by cursors as the lines go by.
  let title = 0;
  const endsTitle = (offset: number) => {
    while (title < titleEnds.length && titleEnds[title] < offset) title++;
    return titleEnds[title] === offset;
  };
  let problem = 0;
  const splitAfter = (offset: number) => {
    const problems = model.problems;
    while (problem < problems.length && (problems[problem].code !== 'heading.split' || problems[problem].fixSpan.start < offset)) problem++;
    return problems[problem]?.fixSpan.start === offset;
  };
  const out: Finding[] = [];
  for (let i = 0; i < lines.count && out.length < HYGIENE_LIMIT; i++) {
    if (lines.isBlank(i)) continue;
    const start = lines.start(i);
    const end = lines.contentEnd(i);
    if (endsSentence(text, start, lines.end(i)) || (facts[i] & HEADING_LINE) !== 0 || notProse(i)) continue;
    if ([model.frontMatter, model.titleSpan, model.signature].some((span) => span && contains(span, lines.contentStart(i)))) continue;
    // A heading's title ends its line; a marker alone on its line is heading.split's business.
    if (endsTitle(endOfTitle(text, start, end)) || splitAfter(end)) continue;
    let j = i + 1;
    while (j < lines.count && whiteLine(text, lines.contentStart(j), lines.contentEnd(j))) j++;
    if (j >= lines.count || (facts[j] & (NODE_LINE | HEADING_LINE)) !== 0 || notProse(j)) continue;
    let next = lines.contentStart(j);
    while (next < lines.end(j) && isWhiteSpaceCode(text.charCodeAt(next))) next++;
    if (model.backMatter && model.backMatter.start === next) continue;
    const join = isAsciiWordCode(text.charCodeAt(end - 1)) && isAsciiWordCode(text.charCodeAt(next)) ? ' ' : '';
    out.push({
      code: 'text.brokenLine', span: { start: end, end: next }, found: ellipsisStart(text.slice(start, end), 8),
      expected: charsAfter(text, next, 8), edits: [{ start: end, end: next, newText: join }],
    });
  }
  return out;
}

/** Only white space, `#` and `*` in `text[start, end)`: a heading's line holds nothing else before it. */
function onlyDecorationBefore(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!isWhiteSpaceCode(c) && c !== 0x23 && c !== 0x2a) return false;
  }
  return true;
}

function hasCjkIn(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isCjkCode(text.charCodeAt(i))) return true;
  return false;
}

/** Only white space (as `trim` knows it) in `text[start, end)`, which lies between a line's spaces. */
function whiteLine(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isWhiteSpaceCode(text.charCodeAt(i))) return false;
  return true;
}

/** Where a heading title on this line would end: before trailing `**` and `。`. */
function endOfTitle(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && (text.charCodeAt(e - 1) === 0x2a || text.charCodeAt(e - 1) === 0x3002)) e--;
  return e;
}
