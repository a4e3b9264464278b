// Text hygiene (PLAN-FORMAT §3): damage that extraction leaves in the prose itself. Only the plan's
// own text is judged, as the parser's line roles tell it: web-page residue, tables and page residue
// never; titles, headlines, notices and signatures for their punctuation only; and no check looks
// across a blank line. A finding sits on the character or the gap it is about, and carries the edit
// that repairs it and nothing else. A document that keeps one way of writing throughout (half-width
// punctuation, spaces around numbers) gets one finding for the whole document, or none if the
// settings accept that way; only where a document mixes ways is each place of the minority reported.
import type { Finding } from './codes';
import { charsAfter, charsBefore, ellipsisStart } from '../text/excerpts';
import type { OffsetEdit } from './markerForms';
import { LineRole, OutlineModel } from '../model';
import { matchEnumerator, matchMarker, mayStartOrdinal } from '../parse/markers';
import { PositionIndex } from '../text/positions';
import type { WorkplanSettings } from './settings';
import { CJK_RANGES, endsSentence, isAsciiDigitCode, isAsciiLetterCode, isAsciiWordCode, isCjkCode, isSpaceCode, isWhiteSpaceCode } from '../text/chars';

export type HygieneSettings = Pick<WorkplanSettings, 'acceptHalfWidth' | 'acceptDigitSpaces'>;

/** Full-width punctuation of Chinese text. */
const FULL_PUNCT = '，。、；：？！“”‘’（）《》【】「」『』…—';
/** Spaces that may sit inside Chinese text: ASCII space, tab, ideographic and no-break space. */
const SPACE_RUN = /[ \t\u3000\u00a0]+/g;
const isRunSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0;

/**
 * Classes of UTF-16 codes, a bit each, as the checks ask per character. A table of its own: calling
 * text.ts's isCjkCode and inClass from here too measured the parser 7% slower.
 */
const CLASSES = new Uint8Array(0x10000);
/** Ideographs and full-width punctuation. */
const CHINESE = 1;
/** Ideographs alone. */
const IDEOGRAPH = 2;
/** Punctuation either width, passed over when a mark looks for the text it stands in. */
const PUNCT = 4;
for (const [from, to] of CJK_RANGES) CLASSES.fill(CHINESE | IDEOGRAPH, from, to + 1);
for (const ch of FULL_PUNCT) CLASSES[ch.charCodeAt(0)] |= CHINESE | PUNCT;
for (const ch of ',;:?!()"\'') CLASSES[ch.charCodeAt(0)] |= PUNCT;

// The classes take UTF-16 codes (NaN past either end of the text, which is in none): reading
// `text[i]` would make a string of every Chinese character asked about.
function isChinese(c: number): boolean {
  return (CLASSES[c] & CHINESE) !== 0;
}

function isIdeograph(c: number): boolean {
  return (CLASSES[c] & IDEOGRAPH) !== 0;
}

/**
 * Findings kept per code. A text pasted whole from a PDF can have a stray space in every sentence;
 * past this many the list helps nobody and only costs time on every keystroke.
 */
export const HYGIENE_LIMIT = 1000;

/** The roles a set holds, a bit each. */
function roles(...members: LineRole[]): number {
  return members.reduce<number>((set, r) => set | (1 << r), 0);
}

/** Lines of prose: a space inside them is damage. */
const PROSE = roles(LineRole.Body, LineRole.Heading, LineRole.Closing);
/** Lines of the plan's own text, prose or not (titles, headlines, notices, signatures): their punctuation is judged. */
const TEXT = PROSE | roles(LineRole.Notice, LineRole.Title, LineRole.Headline, LineRole.Part, LineRole.Signature);

function isIn(set: number, role: number): boolean {
  return ((set >> role) & 1) !== 0;
}

/** The findings of each check, a list each, in document order. */
export function hygieneDiagnostics(model: OutlineModel, settings: HygieneSettings): Finding[][] {
  return [markerSpaces(model), cjkSpaces(model, settings), halfWidth(model, settings), brokenLines(model)];
}

/**
 * What the text checks leave to others, asked about at offsets that never decrease: markers and
 * run-ins (their own checks judge them) and the gap of a merged heading. Cursors walk the nodes and
 * the problems, both in document order, so nothing is gathered or sorted.
 */
class Excluded {
  private node = 0;
  private problem = 0;
  /** The furthest end of the spans that start at or before the last offset asked about. */
  private reach = 0;
  /** Where the next span not yet met starts: until then, the cursors need not move. */
  private nextStart = 0;
  private markerNode = 0;
  private titleNode = 0;

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

  /**
   * Whether a space at `offset` divides a heading's title from its body, heading.merged's business:
   * the title ends there, or runs on after it past a comma (`一、2024年工作回顾 2024年是…，…`).
   */
  dividesHeading(offset: number): boolean {
    const { nodes, text } = this.model;
    while (this.titleNode < nodes.length && (!isHeading(nodes[this.titleNode].kind) || nodes[this.titleNode].titleSpan.end < offset)) this.titleNode++;
    const title = nodes[this.titleNode]?.titleSpan;
    if (!title || title.start > offset) return false;
    if (title.end === offset) return true;
    for (let i = offset; i < title.end; i++) {
      const c = text.charCodeAt(i);
      if (c === 0xff0c || c === 0x2c) return true;
    }
    return false;
  }
}

function isHeading(kind: string): boolean {
  return kind === 'heading' || kind === 'unnumbered';
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
 * `争 取`, `营商 环境`, `2025 年`: spaces in prose between Chinese characters or between Chinese and a
 * number. Not a space typed on purpose: an ideographic space (`中共XX委员会　XX人民政府`), the gap
 * between the halves of a slogan (`凝心聚力 实干笃行`, `“人文新华 花园社区”`), inside a quoted name,
 * before a field's label (`2024-02-22 信息来源:`), after a time or a date, before a marker or run-in. Spaces around numbers throughout the document are
 * its way of writing them: one finding for all of them.
 */
function cjkSpaces(model: OutlineModel, settings: HygieneSettings): Finding[] {
  const text = model.text;
  const lines = model.lines;
  const roleOf = model.lineRoles;
  const excluded = new Excluded(model);
  const at = new PositionIndex(model);
  const out: Finding[] = [];
  /** Gaps between a number and Chinese text, `[start, end)` in pairs: their findings wait for the document's way. */
  const digitGaps: number[] = [];
  // One pass over the whole text: a run never crosses a line break, and a run at either end of a
  // line has a break (or nothing) on that side, which is neither Chinese nor a digit.
  SPACE_RUN.lastIndex = 0;
  // `test`, not `exec`: no match array per run; the run is read back from where the search stopped.
  while (SPACE_RUN.test(text)) {
    const end = SPACE_RUN.lastIndex;
    let start = end - 1;
    while (start > 0 && isRunSpace(text.charCodeAt(start - 1))) start--;
    const before = text.charCodeAt(start - 1);
    const after = text.charCodeAt(end);
    const left = isChinese(before) || (isAsciiDigitCode(before) && wholeNumber(text, start - 1, -1));
    const right = isChinese(after) || (isAsciiDigitCode(after) && wholeNumber(text, end, 1));
    if (!left || !right || !(isChinese(before) || isChinese(after))) continue;
    const words = isChinese(before) && isChinese(after);
    // Past the limit a gap between words can only be dropped; one at a number still counts for the document's way.
    if (words && out.length >= HYGIENE_LIMIT) continue;
    const line = at.lineOf(start);
    if (!isIn(PROSE, roleOf[line])) continue;
    if (excluded.endsMarker(start) || excluded.covers(start) || excluded.dividesHeading(start) || hasIdeographicSpace(text, start, end)) continue;
    // Before a marker or a run-in the gap is a lost line break (a flattened plan), no stray space.
    if (excluded.covers(end) || opensItem(text, end)) continue;
    if (labelAfter(text, end, lines.end(line))) continue;
    if (words) {
      const [from, to] = [lines.start(line), lines.end(line)];
      if (!sloganGap(text, from, to, start, end) && !inShortQuote(text, from, to, start, end)) out.push(spaceFinding(text, start, end, false));
    } else {
      digitGaps.push(start, end);
    }
  }
  const spaced = digitGaps.length / 2;
  if (spaced === 0) return out;
  if (spaced > unspacedNumberSides(model)) {
    if (settings.acceptDigitSpaces) return out;
    const first = { code: 'text.cjkSpace', span: { start: digitGaps[0], end: digitGaps[1] }, ...quoteGap(text, digitGaps[0], digitGaps[1]) } as const;
    const gaps = () => {
      const edits: OffsetEdit[] = [];
      for (let k = 0; k < digitGaps.length; k += 2) edits.push({ start: digitGaps[k], end: digitGaps[k + 1], newText: '' });
      return edits;
    };
    return inOrder(out, withLazyEdits({ ...first, scope: 'document', count: spaced }, gaps));
  }
  for (let k = 0; k < digitGaps.length && k < 2 * HYGIENE_LIMIT; k += 2) out.push(spaceFinding(text, digitGaps[k], digitGaps[k + 1], true));
  return out.sort((a, b) => a.span.start - b.span.start).slice(0, HYGIENE_LIMIT);
}

function spaceFinding(text: string, start: number, end: number, besideNumber: boolean): Finding {
  return { code: 'text.cjkSpace', span: { start, end }, ...quoteGap(text, start, end), besideNumber, edits: [{ start, end, newText: '' }] };
}

/** The gap with two characters either side, as it should read and as it reads. */
function quoteGap(text: string, start: number, end: number): { expected: string; found: string } {
  const [before, after] = [charsBefore(text, start, 2), charsAfter(text, end, 2)];
  return { expected: before + after, found: before + text.slice(start, end) + after };
}

/** `list` (in document order) with `finding` in its place. */
function inOrder(list: Finding[], finding: Finding): Finding[] {
  let k = list.length;
  while (k > 0 && list[k - 1].span.start > finding.span.start) k--;
  list.splice(k, 0, finding);
  return list;
}

/** Whether a marker or a run-in (`一是`) starts at `at`, read or not as one by the parser. */
function opensItem(text: string, at: number): boolean {
  if (!mayStartOrdinal(text.charCodeAt(at))) return false;
  const s = text.slice(at, at + 8);
  return matchMarker(s, at) !== undefined || matchEnumerator(s, at) !== undefined;
}

function hasIdeographicSpace(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 0x3000) return true;
  return false;
}

/**
 * A whole number next to Chinese text, read from `at` in direction `step`: `2025 年`, not `No.1 创新`,
 * nor a part of a time, a date or a decimal (`11:04 信息来源`, `2024-02-22 发布`, `2.0 版`).
 */
function wholeNumber(text: string, at: number, step: number): boolean {
  let p = at;
  while (isAsciiDigitCode(text.charCodeAt(p))) p += step;
  const c = text.charCodeAt(p);
  return p !== at && !isAsciiLetterCode(c) && !NUMBER_JOINERS.includes(c);
}

/** `.` `．` `%` `:` `：` `-` `/`: what joins a number to more of a number. */
const NUMBER_JOINERS = [0x2e, 0xff0e, 0x25, 0x3a, 0xff1a, 0x2d, 0x2f];

/** The label of a field after a gap: a few ideographs and a colon, as web-page metadata lines them up (`成文日期:`). */
function labelAfter(text: string, at: number, lineEnd: number): boolean {
  let i = at;
  while (i < lineEnd && i - at < 8 && isIdeograph(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  return i > at && (c === 0x3a || c === 0xff1a);
}

/** The longest slogan, halves and gaps together: past it a run of words is a sentence. */
const SLOGAN_LENGTH = 64;

/**
 * Whether the gap lies in a slogan: words of Chinese characters alone, of one length (at least
 * three), parted by spaces, with nothing else between the line's ends, quotes, brackets or
 * punctuation that bound them (`凝心聚力 实干笃行`, `“人文新华 花园社区”`). Every gap of a phrase
 * gets the same answer, so removing the others never makes a slogan of what is left.
 */
function sloganGap(text: string, lineStart: number, lineEnd: number, start: number, end: number): boolean {
  let from = start;
  while (from > lineStart && start - from <= SLOGAN_LENGTH && (isIdeograph(text.charCodeAt(from - 1)) || isRunSpace(text.charCodeAt(from - 1)))) from--;
  let to = end;
  while (to < lineEnd && to - from <= SLOGAN_LENGTH && (isIdeograph(text.charCodeAt(to)) || isRunSpace(text.charCodeAt(to)))) to++;
  if (to - from > SLOGAN_LENGTH) return false;
  let length = -1;
  let words = 0;
  let word = 0;
  for (let i = from; i <= to; i++) {
    if (i < to && isIdeograph(text.charCodeAt(i))) {
      word++;
    } else if (word > 0) {
      if (word < 3 || (length >= 0 && word !== length)) return false;
      length = word;
      words++;
      word = 0;
    }
  }
  return words >= 2;
}

/** The longest name in quotes or a book title whose spaces are its own. */
const NAME_LENGTH = 16;

/**
 * Whether the gap lies inside a short quotation or book title on its line (`“书香愚园 阅读 Plus”`,
 * `《某街道 2025 年工作计划》`): a name, spaced as its owner writes it.
 */
function inShortQuote(text: string, lineStart: number, lineEnd: number, start: number, end: number): boolean {
  const closer = (c: number) => (c === 0x201c ? 0x201d : c === 0x300a ? 0x300b : 0);
  let open = 0;
  for (let i = start - 1; i >= lineStart && start - i <= NAME_LENGTH && !open; i--) {
    const c = text.charCodeAt(i);
    if (closer(c)) open = closer(c);
    else if (c === 0x201d || c === 0x300b || c === 0x3002) return false;
  }
  if (!open) return false;
  for (let i = end; i < lineEnd && i - end <= NAME_LENGTH; i++) {
    const c = text.charCodeAt(i);
    if (c === open) return true;
    if (closer(c) || c === 0x3002) return false;
  }
  return false;
}

/** Sides of numbers in prose that touch Chinese text with no space: the other way of writing them. */
function unspacedNumberSides(model: OutlineModel): number {
  const text = model.text;
  const at = new PositionIndex(model);
  const number = /[0-9]+/g;
  let sides = 0;
  while (number.test(text)) {
    const end = number.lastIndex;
    let start = end - 1;
    while (start > 0 && isAsciiDigitCode(text.charCodeAt(start - 1))) start--;
    const before = text.charCodeAt(start - 1);
    const after = text.charCodeAt(end);
    if (!isChinese(before) && !isChinese(after)) continue;
    if (!isIn(PROSE, model.lineRoles[at.lineOf(start)])) continue;
    if (isChinese(before) && wholeNumber(text, start, 1)) sides++;
    if (isChinese(after) && wholeNumber(text, end - 1, -1)) sides++;
  }
  return sides;
}

/** Kinds of half-width marks, each judged on its own: a plan may write commas half-width and quotes full-width. */
const enum Kind {
  Comma, Semicolon, Colon, Question, Exclamation, Bracket, Quote, Count,
}

const KIND = new Int8Array(0x10000).fill(-1);
/** The full-width form of each half-width mark but `"`, which opens or closes. */
const FULL_FORM: string[] = [];
const HALF_FORM = [',', ';', ':', '?', '!', '()', '"'];
const FULL_FORMS = ['，', '；', '：', '？', '！', '（）', '“”'];
[[',', '，', Kind.Comma], [';', '；', Kind.Semicolon], [':', '：', Kind.Colon], ['?', '？', Kind.Question], ['!', '！', Kind.Exclamation],
  ['(', '（', Kind.Bracket], [')', '）', Kind.Bracket], ['"', '', Kind.Quote], ['“', '', Kind.Quote], ['”', '', Kind.Quote]].forEach(([half, full, kind]) => {
  KIND[(half as string).charCodeAt(0)] = kind as number;
  if (full) {
    KIND[(full as string).charCodeAt(0)] = kind as number;
    FULL_FORM[(half as string).charCodeAt(0)] = full as string;
  }
});
const isHalf = (c: number) => c < 0x80;

/** What the fix of a half-width mark writes, or why it writes nothing. */
const enum Fix {
  /** No fault: the mark does not stand in Chinese text. */
  None,
  /** Its full-width form. */
  Full,
  Opening,
  Closing,
  /** The first `"` of a paragraph whose quotes do not pair up: reported for all of them, with no fix. */
  Unpaired,
  /** Another `"` of such a paragraph: neither fixed nor reported. */
  Silent,
}

/** Half-width marks of the text, in columns: a plan written half-width has one in every sentence. */
class Marks {
  count = 0;
  at = new Int32Array(256);
  code = new Uint16Array(256);
  fix = new Uint8Array(256);
  /** For an `Unpaired` mark, how many quotes of its paragraph it stands for. */
  readonly unpaired = new Map<number, number>();

  push(at: number, code: number, fix: Fix): number {
    if (this.count === this.at.length) {
      this.at = grown(this.at, new Int32Array(this.count * 2));
      this.code = grown(this.code, new Uint16Array(this.count * 2));
      this.fix = grown(this.fix, new Uint8Array(this.count * 2));
    }
    this.at[this.count] = at;
    this.code[this.count] = code;
    this.fix[this.count] = fix;
    return this.count++;
  }

  /** What mark `k`'s fix writes. */
  fullForm(k: number): string {
    const fix = this.fix[k];
    return fix === Fix.Opening ? '“' : fix === Fix.Closing ? '”' : FULL_FORM[this.code[k]];
  }

  kind(k: number): Kind {
    return KIND[this.code[k]] as Kind;
  }
}

function grown<T extends Int32Array | Uint16Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/**
 * The quotes and brackets of either width of the paragraph being read, for pairing: each one's
 * code, whether it stands in Chinese text itself, and its index among the marks (−1 for a
 * full-width one). Columns kept from one paragraph to the next.
 */
class Pairs {
  readonly code: number[] = [];
  readonly chinese: boolean[] = [];
  readonly mark: number[] = [];

  get length(): number {
    return this.code.length;
  }

  push(code: number, chinese: boolean, mark: number): void {
    this.code.push(code);
    this.chinese.push(chinese);
    this.mark.push(mark);
  }

  clear(): void {
    this.code.length = this.chinese.length = this.mark.length = 0;
  }
}

/**
 * `,` `;` `:` `?` `!` `(` `)` `"` written half-width in Chinese text. Quotes and brackets are
 * paired across the paragraph (a pair in Chinese text is fixed whole, and a quote turns into an
 * opening or a closing one by its place in the pairs); where the quotes do not pair up, there is
 * a finding but no fix. Per kind of mark, a document that writes it half-width more often than
 * full-width is written that way: one finding for the document, none if the settings accept it.
 */
function halfWidth(model: OutlineModel, settings: HygieneSettings): Finding[] {
  const text = model.text;
  const lines = model.lines;
  const roleOf = model.lineRoles;
  const excluded = new Excluded(model);
  const at = new PositionIndex(model);
  const marks = new Marks();
  const pairs = new Pairs();
  const fulls = new Int32Array(Kind.Count);
  /** The paragraph being read: where it ends, and whether its lines are text at all. */
  let paragraphEnd = -1;
  let judged = false;
  // Every mark of either width is read: the document's way of writing each kind is counted whole.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const kind = KIND[c] as Kind;
    if (kind < 0) continue;
    if (i >= paragraphEnd) {
      pairMarks(pairs, marks);
      pairs.clear();
      let line = at.lineOf(i);
      judged = isIn(TEXT, roleOf[line]);
      while (judged && line + 1 < lines.count && continuesOnto(model, line)) line++;
      paragraphEnd = lines.end(line) + 1;
    }
    if (!judged) continue;
    const paired = kind === Kind.Quote || kind === Kind.Bracket;
    if (!isHalf(c)) {
      fulls[kind]++;
      if (paired) pairs.push(c, false, -1);
      continue;
    }
    // `9:00`, `1,000` between digits are not Chinese punctuation.
    const chinese = inChineseText(text, i) && !(isAsciiWordCode(text.charCodeAt(i - 1)) && isAsciiWordCode(text.charCodeAt(i + 1))) && !excluded.covers(i);
    // A quote's fix waits for its pair; a bracket's has its full form unless its pair says otherwise.
    if (paired) pairs.push(c, chinese, marks.push(i, c, chinese && kind === Kind.Bracket ? Fix.Full : Fix.None));
    else if (chinese) marks.push(i, c, Fix.Full);
  }
  pairMarks(pairs, marks);

  const halves = new Int32Array(Kind.Count);
  for (let k = 0; k < marks.count; k++) {
    const fix = marks.fix[k];
    if (fix !== Fix.None && fix !== Fix.Silent) halves[marks.kind(k)] += marks.unpaired.get(k) ?? 1;
  }
  /** Kinds the document writes half-width more often than not, a bit each. */
  let documentKinds = 0;
  for (let k = 0; k < Kind.Count; k++) if (halves[k] > fulls[k]) documentKinds |= 1 << k;
  const out: Finding[] = [];
  /** The marks the document-wide fix changes. */
  const documentMarks: number[] = [];
  for (let k = 0; k < marks.count; k++) {
    const fix = marks.fix[k];
    if (fix === Fix.None || fix === Fix.Silent) continue;
    const byDocument = (documentKinds & (1 << marks.kind(k))) !== 0;
    if (byDocument && settings.acceptHalfWidth) continue;
    if (byDocument && fix !== Fix.Unpaired) documentMarks.push(k);
    else if (out.length < HYGIENE_LIMIT) out.push(markFinding(text, marks, k));
  }
  if (!documentMarks.length) return out;
  let found = '';
  let expected = '';
  for (let k = 0; k < Kind.Count; k++) {
    if (!(documentKinds & (1 << k))) continue;
    found += HALF_FORM[k];
    expected += FULL_FORMS[k];
  }
  const first = marks.at[documentMarks[0]];
  const finding = { code: 'text.halfWidth', span: { start: first, end: first + 1 }, expected, found, scope: 'document', count: documentMarks.length } as const;
  return inOrder(out, withLazyEdits(finding, () => documentMarks.map((k) => ({ start: marks.at[k], end: marks.at[k] + 1, newText: marks.fullForm(k) }))));
}

/**
 * A document-wide finding whose edits are made when first asked for: a code action asks, while the
 * diagnostics published on every keystroke do not, and a plan written half-width has thousands.
 */
function withLazyEdits(finding: Omit<Finding, 'edits'>, make: () => OffsetEdit[]): Finding {
  let edits: OffsetEdit[] | undefined;
  return Object.defineProperty(finding, 'edits', { get: () => (edits ??= make()), enumerable: true });
}

function markFinding(text: string, marks: Marks, k: number): Finding {
  const start = marks.at[k];
  const span = { start, end: start + 1 };
  if (marks.fix[k] === Fix.Unpaired) return { code: 'text.halfWidth', span, expected: '“”', found: '"', scope: 'unpaired', count: marks.unpaired.get(k) };
  const full = marks.fullForm(k);
  return { code: 'text.halfWidth', span, expected: full, found: text[start], edits: [{ ...span, newText: full }] };
}

/**
 * Whether the mark at `i` stands in Chinese text: the nearest character on either side that is no
 * punctuation (of either width) is an ideograph. Fixing marks changes no other mark's answer, so
 * the fixes, once applied, leave nothing more to fix.
 */
function inChineseText(text: string, i: number): boolean {
  let b = i - 1;
  while (CLASSES[text.charCodeAt(b)] & PUNCT) b--;
  if (isIdeograph(text.charCodeAt(b))) return true;
  let a = i + 1;
  while (CLASSES[text.charCodeAt(a)] & PUNCT) a++;
  return isIdeograph(text.charCodeAt(a));
}

/**
 * Whether the paragraph of `line` goes on onto the next line: it stops short of a sentence's end
 * and the next line is more of the same text (not blank, not a new heading, of the same role).
 */
function continuesOnto(model: OutlineModel, line: number): boolean {
  const { lines, lineRoles: roleOf, text } = model;
  const next = roleOf[line + 1];
  if (next === LineRole.Heading || !isIn(TEXT, next) || (next !== roleOf[line] && !(roleOf[line] === LineRole.Heading && next === LineRole.Body))) return false;
  return !endsSentence(text, lines.start(line), lines.end(line));
}

/**
 * Pairs the quotes and brackets of one paragraph and settles their half-width marks: a pair is
 * fixed whole when either of its marks stands in Chinese text or its other mark is full-width
 * already; a `"` opens where no quote is open and closes where one is. Quotes that do not pair up
 * (one left open, a `“` inside an open quote, a `”` with none open) leave the paragraph's `"`
 * without a fix, and one finding stands for them all.
 */
function pairMarks(pairs: Pairs, marks: Marks): void {
  if (!pairs.length) return;
  /** The open quote, by its index among the pairs, or −1. */
  let open = -1;
  let unclear = false;
  const brackets: number[] = [];
  for (let p = 0; p < pairs.length; p++) {
    const c = pairs.code[p];
    if (c === 0x28 || c === 0xff08) {
      brackets.push(p);
    } else if (c === 0x29 || c === 0xff09) {
      const opening = brackets.pop();
      if (opening !== undefined) settlePair(pairs, opening, p, marks, Fix.Full, Fix.Full);
    } else if (c === 0x201c) {
      if (open >= 0) unclear = true;
      open = p;
    } else if (open < 0) {
      if (c === 0x201d) unclear = true;
      else open = p;
    } else {
      settlePair(pairs, open, p, marks, Fix.Opening, Fix.Closing);
      open = -1;
    }
  }
  if (open >= 0) unclear = true;
  if (!unclear) return;
  // Which `"` opens is a guess: no fix for any of them, and one finding for the paragraph, on its first.
  let first = -1;
  let count = 0;
  for (let p = 0; p < pairs.length; p++) {
    const k = pairs.mark[p];
    if (pairs.code[p] !== 0x22) continue;
    if (!pairs.chinese[p]) {
      marks.fix[k] = Fix.None;
    } else {
      marks.fix[k] = first < 0 ? Fix.Unpaired : Fix.Silent;
      if (first < 0) first = k;
      count++;
    }
  }
  if (first >= 0) marks.unpaired.set(first, count);
}

/** Gives both half-width marks of a pair their full-width forms, or neither. */
function settlePair(pairs: Pairs, a: number, b: number, marks: Marks, opening: Fix, closing: Fix): void {
  const whole = pairs.chinese[a] || pairs.chinese[b] || pairs.mark[a] < 0 || pairs.mark[b] < 0;
  if (pairs.mark[a] >= 0) marks.fix[pairs.mark[a]] = whole ? opening : Fix.None;
  if (pairs.mark[b] >= 0) marks.fix[pairs.mark[b]] = whole ? closing : Fix.None;
}

/** Facts about a line that brokenLines asks about, a bit each. */
const NODE_LINE = 1;
const HEADING_LINE = 2;
const DOCUMENT_START = 4;

/** A line of prose that stops mid-sentence and goes on, right after the break, on the next line of prose. */
function brokenLines(model: OutlineModel): Finding[] {
  const text = model.text;
  const lines = model.lines;
  const roleOf = model.lineRoles;
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
  const notProse = (l: number) =>
    (facts[l] & DOCUMENT_START) !== 0 || (!hasCjkIn(text, lines.start(l), lines.end(l)) && lines.text(l).trim().length <= 12);
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
  for (let i = 0; i + 1 < lines.count && out.length < HYGIENE_LIMIT; i++) {
    // A heading's line may go on into its body; the next line, right after the break, is body text
    // (a blank line between them ends the paragraph).
    const role = roleOf[i];
    const j = i + 1;
    if ((role !== LineRole.Body && role !== LineRole.Heading) || roleOf[j] !== LineRole.Body) continue;
    const start = lines.start(i);
    const end = lines.contentEnd(i);
    if (endsSentence(text, start, lines.end(i)) || (facts[i] & HEADING_LINE) !== 0 || notProse(i)) continue;
    // A heading's title ends its line; a marker alone on its line is heading.split's business.
    if (endsTitle(endOfTitle(text, start, end)) || splitAfter(end)) continue;
    if (whiteLine(text, lines.contentStart(j), lines.contentEnd(j)) || (facts[j] & (NODE_LINE | HEADING_LINE)) !== 0 || notProse(j)) continue;
    let resume = lines.contentStart(j);
    while (resume < lines.end(j) && isWhiteSpaceCode(text.charCodeAt(resume))) resume++;
    const join = isAsciiWordCode(text.charCodeAt(end - 1)) && isAsciiWordCode(text.charCodeAt(resume)) ? ' ' : '';
    out.push({
      code: 'text.brokenLine', span: { start: end, end: resume }, found: ellipsisStart(text.slice(start, end), 8),
      expected: charsAfter(text, resume, 8), edits: [{ start: end, end: resume, newText: join }],
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
