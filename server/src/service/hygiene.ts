// Text hygiene (PLAN-FORMAT §3): damage that extraction leaves in the prose itself. Information
// only; each finding carries the edit that repairs it and nothing else.
import type { Finding } from './diagnostics';
import type { OffsetEdit } from './markerForms';
import { OutlineModel, Span } from './model';
import { PositionIndex } from './positions';
import { CJK_RANGES, endsSentence, isCjkCode, isSpace, isSurrogatePairAt, isWhiteSpaceCode } from './text';

/** Full-width punctuation of Chinese text. */
const FULL_PUNCT = '，。、；：？！“”‘’（）《》【】「」『』…—';
const HALF_TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
const HALF_MARK = /[,;:?!()"]/g;
/** Spaces that may sit inside Chinese text: ASCII space, tab, ideographic and no-break space. */
const SPACE_RUN = /[ \t\u3000\u00a0]+/g;
const isRunSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0;

/**
 * Ideographs and full-width punctuation, by UTF-16 code: the checks ask per character. A table of
 * its own: calling text.ts's isCjkCode and inClass from here too measured the parser 7% slower.
 */
const CHINESE = new Uint8Array(0x10000);
for (const [from, to] of CJK_RANGES) CHINESE.fill(1, from, to + 1);
for (const ch of FULL_PUNCT) CHINESE[ch.charCodeAt(0)] = 1;

// The classes take UTF-16 codes (NaN past either end of the text): reading `text[i]` would make a
// string of every Chinese character asked about.
function isChinese(c: number): boolean {
  return CHINESE[c] === 1;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isAsciiWord(c: number): boolean {
  return isDigit(c) || isAsciiLetter(c);
}

/**
 * Findings kept per code. A text pasted whole from a PDF can have a half-width comma in every
 * sentence; past this many the list helps nobody and only costs time on every keystroke.
 */
export const HYGIENE_LIMIT = 1000;

export function hygieneDiagnostics(model: OutlineModel): Finding[] {
  const excluded = excludedSpans(model);
  return markerSpaces(model).concat(cjkSpaces(model, excluded), halfWidth(model, excluded), brokenLines(model));
}

/** Markers and run-ins (their own checks judge them) and the gap of a merged heading. */
function excludedSpans(model: OutlineModel): Span[] {
  const spans: Span[] = [];
  for (const n of model.nodes) {
    if (n.marker) spans.push(n.marker.span);
    if (n.enumerator) spans.push(n.enumerator.span);
  }
  for (const p of model.problems) if (p.code === 'heading.merged') spans.push(p.fixSpan);
  return spans.sort((a, b) => a.start - b.start);
}

function inside(spans: Span[], offset: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= offset) lo = mid + 1;
    else if (spans[mid].start > offset) hi = mid - 1;
    else return true;
  }
  return false;
}

/** `(三) 重策源`: a space between a marker and its title. */
function markerSpaces(model: OutlineModel): Finding[] {
  const text = model.text;
  const out: Finding[] = [];
  for (const n of model.nodes) {
    const m = n.marker;
    if (!m) continue;
    let e = m.span.end;
    while (e < text.length && text[e] !== '\n' && text[e] !== '\r' && isSpace(text[e])) e++;
    if (e === m.span.end || e >= text.length || text[e] === '\n' || text[e] === '\r') continue;
    if (out.length >= HYGIENE_LIMIT) break;
    const title = [...text.slice(e, e + 4)].filter((c) => c !== '\n' && c !== '\r').join('');
    out.push({
      code: 'text.markerSpace', span: { start: m.span.end, end: e }, expected: m.text + title, found: text.slice(m.span.start, e) + title,
      edits: [{ start: m.span.end, end: e, newText: '' }],
    });
  }
  return out;
}

/** `争 取`, `营商 环境`, `2025 年`: spaces between Chinese characters or between Chinese and a number. */
function cjkSpaces(model: OutlineModel, excluded: Span[]): Finding[] {
  const text = model.text;
  const out: Finding[] = [];
  const afterMarker = new Set<number>();
  for (const n of model.nodes) if (n.marker) afterMarker.add(n.marker.span.end);
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
    const left = isChinese(before) || (isDigit(before) && wholeNumber(text, start - 1, -1));
    const right = isChinese(after) || (isDigit(after) && wholeNumber(text, end, 1));
    if (!left || !right || !(isChinese(before) || isChinese(after))) continue;
    if (afterMarker.has(start) || inside(excluded, start)) continue;
    out.push({
      code: 'text.cjkSpace', span: { start, end }, expected: text.slice(start - 2, start) + text.slice(end, end + 2),
      found: text.slice(start - 2, end + 2), edits: [{ start, end, newText: '' }],
    });
  }
  return out;
}

/** A whole number next to Chinese text, read from `at` in direction `step`: `2025 年`, not `No.1 创新`. */
function wholeNumber(text: string, at: number, step: number): boolean {
  let p = at;
  while (isDigit(text.charCodeAt(p))) p += step;
  const c = text.charCodeAt(p);
  return p !== at && !isAsciiLetter(c) && c !== 0x2e && c !== 0xff0e && c !== 0x25; // nor `.` `．` `%`
}

/**
 * `,` `(` `)` `"` `:` `;` `?` `!` written half-width in Chinese text: one finding per line, so a plan
 * pasted from a PDF with a half-width comma in every sentence does not bury the Problems panel.
 */
function halfWidth(model: OutlineModel, excluded: Span[]): Finding[] {
  const text = model.text;
  const lines = model.lines;
  const out: Finding[] = [];
  let line = 0;
  let edits: OffsetEdit[] = [];
  /** `"` on the current line: counted when the line's first one is met. */
  let quotes = -1;
  let quoteIndex = 0;
  const flush = () => {
    if (!edits.length) return;
    // The message names each kind of mark once: `应为“，（）”，实为“,()”`.
    let expected = '';
    let found = '';
    for (const e of edits) {
      if (!expected.includes(e.newText)) expected += e.newText;
      if (!found.includes(text[e.start])) found += text[e.start];
    }
    out.push({ code: 'text.halfWidth', span: { start: edits[0].start, end: edits[edits.length - 1].end }, expected, found, edits });
    edits = [];
  };
  // One regex pass over the whole text finds the candidates; marks never sit on a line break.
  HALF_MARK.lastIndex = 0;
  while (HALF_MARK.test(text)) {
    const i = HALF_MARK.lastIndex - 1;
    if (lines.end(line) <= i) {
      flush();
      if (out.length >= HYGIENE_LIMIT) break;
      while (lines.end(line) <= i) line++;
      quotes = -1;
      quoteIndex = 0;
    }
    const start = lines.start(line);
    const end = lines.end(line);
    const ch = text[i];
    let q = -1;
    if (ch === '"') {
      if (quotes < 0) quotes = count(text, '"', start, end);
      q = quoteIndex++;
    }
    if (inside(excluded, i)) continue;
    const before = i > start ? text.charCodeAt(i - 1) : NaN;
    const after = i + 1 < end ? text.charCodeAt(i + 1) : NaN;
    if (!isChinese(before) && !isChinese(after)) continue;
    // `9:00`, `1,000` between digits are not Chinese punctuation.
    if (isAsciiWord(before) && isAsciiWord(after)) continue;
    let full = HALF_TO_FULL[ch];
    if (ch === '"') {
      const opens = quotes % 2 === 0 ? q % 2 === 0 : i === start || isSpace(text[i - 1]) || '，。、；：（“《'.includes(text[i - 1]);
      full = opens ? '“' : '”';
    }
    edits.push({ start: i, end: i + 1, newText: full });
  }
  if (out.length < HYGIENE_LIMIT) flush();
  return out;
}

/** How often `ch` occurs in `text` between `start` and `end`. */
function count(text: string, ch: string, start: number, end: number): number {
  let n = 0;
  for (let i = text.indexOf(ch, start); i >= 0 && i < end; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/** A line that stops mid-sentence and goes on, after the break, on the next line of prose. */
function brokenLines(model: OutlineModel): Finding[] {
  const text = model.text;
  const lines = model.lines;
  const nodeLines = new Set<number>();
  const headingEnds = new Set<number>();
  const headingLines = new Set<number>();
  for (const n of model.nodes) {
    if (n.kind === 'heading' || n.kind === 'enumeration') {
      if (/^[\s#*]*$/.test(text.slice(lines.start(n.line), n.headingSpan.start))) nodeLines.add(n.line);
    }
    if (n.kind === 'heading') headingEnds.add(n.titleSpan.end);
    if (n.kind === 'unnumbered') for (let l = n.line; l < lines.count && lines.start(l) <= n.headingSpan.end; l++) headingLines.add(l);
  }
  const at = new PositionIndex(model);
  const startLines = new Set(model.documentStarts.map((d) => at.lineOf(d)));
  const notProse = (l: number) => startLines.has(l) || (!hasCjkIn(text, lines.start(l), lines.end(l)) && lines.text(l).trim().length <= 12);
  const splitAt = new Set(model.problems.filter((p) => p.code === 'heading.split').map((p) => p.fixSpan.start));
  const within = (span: Span | undefined, offset: number) => !!span && span.start <= offset && offset <= span.end;
  const out: Finding[] = [];
  for (let i = 0; i < lines.count && out.length < HYGIENE_LIMIT; i++) {
    if (lines.isBlank(i)) continue;
    const start = lines.start(i);
    const end = lines.contentEnd(i);
    if (endsSentence(text, start, lines.end(i)) || headingLines.has(i) || notProse(i)) continue;
    if (within(model.frontMatter, start) || within(model.titleSpan, start)) continue;
    // A heading's title ends its line; a marker alone on its line is heading.split's business.
    if (headingEnds.has(endOfTitle(text, start, end)) || splitAt.has(end)) continue;
    let j = i + 1;
    while (j < lines.count && whiteLine(text, lines.contentStart(j), lines.contentEnd(j))) j++;
    if (j >= lines.count || nodeLines.has(j) || headingLines.has(j) || notProse(j)) continue;
    let next = lines.contentStart(j);
    while (next < lines.end(j) && isWhiteSpaceCode(text.charCodeAt(next))) next++;
    if (model.backMatter && model.backMatter.start === next) continue;
    const join = isAsciiWord(text.charCodeAt(end - 1)) && isAsciiWord(text.charCodeAt(next)) ? ' ' : '';
    out.push({
      code: 'text.brokenLine', span: { start: end, end: next }, found: ellipsisStart(text.slice(start, end), 8),
      expected: codePointsStart(text.slice(next, lines.end(j)), 8), edits: [{ start: end, end: next, newText: join }],
    });
  }
  return out;
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

/** The last characters of a long string, for messages. */
export function ellipsisStart(s: string, n = 10): string {
  let i = s.length;
  for (let k = 0; k < n && i > 0; k++) i -= isSurrogatePairAt(s, i - 2) ? 2 : 1;
  return i > 0 ? '…' + s.slice(i) : s;
}

/** The first `n` characters of a string; a surrogate pair is one. */
function codePointsStart(s: string, n: number): string {
  let i = 0;
  for (let k = 0; k < n && i < s.length; k++) i += isSurrogatePairAt(s, i) ? 2 : 1;
  return s.slice(0, i);
}

/** Where a heading title on this line would end: before trailing `**` and `。`. */
function endOfTitle(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && (text[e - 1] === '*' || text[e - 1] === '。')) e--;
  return e;
}
