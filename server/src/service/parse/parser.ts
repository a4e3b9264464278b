// Recovers a plan's outline from damaged text (PLAN-FORMAT §1–§3). Total: never throws.
import { FAMILY_RANK, isDigitCode, matchEnumerator, matchMarker, mayStartOrdinal } from './markers';
import { looksLikeTitle, readMetadata } from './metadata';
import { lineRoles } from './roles';
import { LineTable } from '../text/lines';
import { Enumerator, Marker, OutlineModel, OutlineNode, ParseProblem, Span } from '../model';
import { charClass, endsSentence, inClass, isBlank, isCjkCode, isPeriodStop, isSpaceCode, isWhiteSpaceCode, occurrences, visibleLength } from '../text/chars';

/** What a line is: a number, so that the kinds of all lines fit in a byte array. */
const enum LineKind { Blank, Residue, Marker, Enumerator, Text }

/**
 * A logical paragraph: lines joined where extraction broke a sentence, as document spans, one per
 * line. The parser fills one and reuses it for every paragraph (an object per line and per
 * paragraph was much of what parsing allocated), so a paragraph is read before the next is collected.
 */
class Paragraph {
  /** Number of spans (lines). */
  count = 0;
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly lines: number[] = [];
  lastLine = 0;

  constructor(private readonly source: string) {}

  /** Starts the paragraph over with its first span. */
  reset(start: number, end: number, line: number): void {
    this.count = 0;
    this.add(start, end, line);
  }

  add(start: number, end: number, line: number): void {
    const k = this.count++;
    this.starts[k] = start;
    this.ends[k] = end;
    this.lines[k] = line;
    this.lastLine = line;
  }

  get start(): number {
    return this.starts[0];
  }

  get end(): number {
    return this.ends[this.count - 1];
  }

  /** Line of the span holding `offset`. */
  lineOf(offset: number): number {
    for (let k = this.count - 1; k >= 0; k--) if (this.starts[k] <= offset) return this.lines[k];
    return this.lines[0];
  }

  /** The paragraph's text in [start, end), lines joined without their breaks. */
  text(start: number, end: number): string {
    let s = '';
    for (let k = 0; k < this.count; k++) {
      const a = Math.max(this.starts[k], start);
      const b = Math.min(this.ends[k], end);
      if (a < b) s += this.source.slice(a, b);
    }
    return s;
  }

  /** `isBlank` of `text(start, end)`, read in place. */
  isBlank(start: number, end: number): boolean {
    for (let k = 0; k < this.count; k++) {
      const b = Math.min(this.ends[k], end);
      for (let i = Math.max(this.starts[k], start); i < b; i++) if (!isSpaceCode(this.source.charCodeAt(i))) return false;
    }
    return true;
  }

  /** Ideographs in [start, end), counted in place; counting stops once it passes `cap`. */
  ideographs(start: number, end: number, cap: number): number {
    let n = 0;
    for (let k = 0; k < this.count; k++) {
      const b = Math.min(this.ends[k], end);
      for (let i = Math.max(this.starts[k], start); i < b; i++) if (isCjkCode(this.source.charCodeAt(i)) && ++n > cap) return n;
    }
    return n;
  }
}

/**
 * The sentences of the paragraph as document offsets, in arrays reused from one paragraph to the
 * next (like `Paragraph`, and for the same reason). A sentence may span several lines.
 */
class Sentences {
  count = 0;
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly bold: boolean[] = [];
  /** Text with `**` removed; built on first use when the sentence has no `*` (most are never read). */
  private readonly texts: (string | undefined)[] = [];

  constructor(private readonly source: string, private readonly para: Paragraph) {}

  text(k: number): string {
    return (this.texts[k] ??= this.para.text(this.starts[k], this.ends[k]));
  }

  ideographs(k: number, cap: number): number {
    return this.para.ideographs(this.starts[k], this.ends[k], cap);
  }

  /**
   * Splits the paragraph at the stops `stops` finds, keeping closing quotes and `**` with the
   * sentence they close.
   */
  split(stops: Finder, stars: Finder): void {
    const { source: text, para } = this;
    this.count = 0;
    let start = para.start;
    for (let idx = 0; idx < para.count; idx++) {
      const segEnd = para.ends[idx];
      if (idx > 0 && start >= para.ends[idx - 1]) start = para.starts[idx];
      for (let p = stops.next(para.starts[idx]); p < segEnd; p = stops.next(start)) {
        let e = p + 1;
        while (e < segEnd && inClass(text.charCodeAt(e), CLOSER)) e++;
        // `**` right after the stop closes the emphasis the sentence opened (`**强化载体招商。**`).
        if (text.startsWith('**', e) && occurrences(para.text(start, e), '**') % 2 === 1) e += 2;
        this.push(start, e, stars);
        start = e;
      }
    }
    this.push(start, para.end, stars);
    if (!this.count) this.add(para.start, para.end, false, '');
  }

  /** Adds the sentence [start, end) after its leading spaces, unless nothing but spaces and `*` is left. */
  private push(start: number, end: number, stars: Finder): void {
    const text = this.source;
    while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
    if (end <= start) return;
    if (stars.next(start) >= end) {
      // Most sentences carry no emphasis: nothing to strip or look for, and no text to build yet.
      if (!this.para.isBlank(start, end)) this.add(start, end, false, undefined);
      return;
    }
    const raw = this.para.text(start, end);
    if (isBlank(raw.replace(STARS, ''))) return;
    const bold = BOLD_START.test(raw) && BOLD_END.test(raw);
    this.add(start, end, bold, raw.replace(EMPHASIS, ''));
  }

  private add(start: number, end: number, bold: boolean, text: string | undefined): void {
    const k = this.count++;
    this.starts[k] = start;
    this.ends[k] = end;
    this.bold[k] = bold;
    this.texts[k] = text;
  }
}

/**
 * What the open nodes gather (body spans, children), each node's in a stretch of one array after its
 * parent's: items go to the innermost open node only. A node gets an array of its own when it
 * closes, exactly as long as needed: an array grown by `push` keeps room for 16 more elements,
 * which most nodes never use. The array is reused by index; setting `length` would free it.
 */
class Pending<T> {
  private readonly items: T[] = [];
  private count = 0;
  /** Where the items of the node open at each depth start. */
  private readonly starts: number[] = [];

  /** A node opens at depth `d` (0 for the outermost). */
  open(d: number): void {
    this.starts[d] = this.count;
  }

  /** An item for the innermost open node. */
  add(item: T): void {
    this.items[this.count++] = item;
  }

  /** The innermost open node, at depth `d`, closes: its items. */
  close(d: number): T[] {
    const from = this.starts[d];
    // Most nodes have no children: an empty array costs no call.
    const items = from === this.count ? [] : this.items.slice(from, this.count);
    this.count = from;
    return items;
  }
}

/**
 * The next match of a one-character pattern at or after an offset, remembered: the parser reads
 * forward, so no stretch of the text is searched twice, and a search may run past a line.
 */
class Finder {
  private from = 0;
  private at = -1;

  /** `stopsAt` passes over matches in the wrong context (a `.` in `No.1`); the pattern itself stays one character class, which the regular expression engine scans for fast. */
  constructor(private readonly text: string, private readonly pattern: RegExp, private readonly stopsAt?: (text: string, i: number) => boolean) {}

  /** Offset of the next match at or after `from`, or the text's length. */
  next(from: number): number {
    if (from < this.from || from > this.at) {
      const { text, pattern } = this;
      pattern.lastIndex = from;
      let at = text.length;
      while (pattern.test(text)) {
        at = pattern.lastIndex - 1;
        if (!this.stopsAt || this.stopsAt(text, at)) break;
        at = text.length;
      }
      this.at = at;
      this.from = from;
    }
    return this.at;
  }
}

/** `Finder` for one character, searched with `indexOf` (several times faster than a regular expression). */
class CharFinder {
  private from = 0;
  private at = -1;

  constructor(private readonly text: string, private readonly char: string) {}

  next(from: number): number {
    if (from < this.from || from > this.at) {
      const at = this.text.indexOf(this.char, from);
      this.at = at < 0 ? this.text.length : at;
      this.from = from;
    }
    return this.at;
  }
}

// Regular expressions live here rather than in the functions that use them: a literal makes a new
// RegExp object each time it is evaluated.
const STARS = /\*/g;
const EMPHASIS = /\*\*/g;
const BOLD_START = /^\s*\*\*/;
const BOLD_END = /\*\*\s*[。！？!?；;]?\s*$/;
const HASHES = /^#+\s*/;
/** What `cleanInline` removes: emphasis, escapes, line breaks. */
const INLINE_MARKUP = /[*\\\r\n]/;
const ESCAPE = /\\(?=[^\s])/g;
const LINE_BREAK = /[ \t\u3000]*(?:\r\n|\r|\n)[\s]*/g;
/** Page residue that says an article continues here (`(上接1版)`). */
const CONTINUED = /[接轉转]/;
const RESIDUE = /^(?:[（(【[](?:上接|下转|下轉|接上|转下|接|转|轉)[第]?\s*[0-9０-９]+\s*版[）)】\]]|[-—–－\s]*[0-9０-９]{1,4}[-—–－\s]*|第\s*[0-9０-９]+\s*[页頁](?:[，,\s]*共\s*[0-9０-９]+\s*[页頁])?)$/;
/** The title of a covering notice, spaces removed; its issuer may come first (`XX街道办事处关于印发…的通知`). */
const NOTICE = /^.{0,30}?(?:关于|關於).*通知$/;
/** Lines a notice may open with before its title: letterhead, document number, issuers. */
const NOTICE_HEAD_LINES = 4;
/** `附件`, `附件1`, `附件二`. */
const ATTACHMENT_WORD = '附件[0-9０-９一二三四五六七八九十]*';
/** `附件：…`, `附件1：…`: the notice names the plan it covers. */
const ATTACHMENT = new RegExp(`^${ATTACHMENT_WORD}[:：]`);
/** `（此件公开发布）` under a notice's date. */
const NOTICE_REMARK = /^[（(][^（）()]{2,20}[）)]$/;
/** A part of a plan (`第二部分　主要任务`) or an attachment after it (`附件：…为民办实事项目`): numbered afresh. */
const PART = new RegExp(`^(?:第[一二三四五六七八九十]{1,3}部分|${ATTACHMENT_WORD}(?:[:：]|$))`);
const PART_START = charClass('第附');
const DATE_LINE = /(?:[0-9０-９]{4}|[〇零一二三四五六七八九]{4})\s*年\s*[0-9０-９一二三四五六七八九十]{1,3}\s*月\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日\s*$/;
/** An issuer signing a plan: `湖南路街道办事处`, `中共XX镇委员会　XX镇人民政府`. */
const ISSUER = /(?:街道|镇|鎮|乡|鄉|办事处|辦事處|委员会|委員會|政府|党工委|黨工委|工委|办公室|辦公室)$/;
const CLOSING = /^(?:\*\*)?(?:各位代表|同志们|同志們|各位同志|各位领导|各位領導)/;
const CLOSING_START = charClass('*各同');
const NO_HEADING_PUNCT = /[。！？!?；;，,、：:]/;
const CLOSER = charClass('”’」』"\'');
const [HASH, STAR, FULL_STOP, PERIOD, OPEN_QUOTE, QUOTE, OPEN_FULL, OPEN_HALF] = [...'#*。.“"（('].map((c) => c.charCodeAt(0));
/** What a measure's title and a run-in's title shed at their end (with white space). */
const MEASURE_TAIL = charClass('*。！？!?.');
const RUN_IN_TAIL = charClass('*。；;”"');

/** `onError` hears of a parser bug that the fallback hid (tests make it fatal). */
export function parsePlan(text: string, onError?: (e: unknown) => void): OutlineModel {
  try {
    return new Parser(text).run();
  } catch (e) {
    onError?.(e);
    // A parser bug must not cost the user the server: fall back to an outline with no sections.
    const lines = LineTable.of(text);
    return { text, lines, lineRoles: new Uint8Array(lines.count), roots: [], nodes: [], documentStarts: [], residueLines: [], metadata: {}, problems: [] };
  }
}

class Parser {
  private readonly lines: LineTable;
  // What each line is, in arrays by line number rather than an object per line, typed where they
  // can be: their contents are not on the heap the garbage collector scans.
  private readonly kinds: Uint8Array;
  /** Offset after indentation, `#` run and leading `**`. */
  private readonly bodyStarts: Int32Array;
  private readonly markers: (Marker | undefined)[];
  private readonly enumerators: (Enumerator | undefined)[];
  private readonly numbered: boolean;
  private readonly roots: OutlineNode[] = [];
  private readonly nodes: OutlineNode[] = [];
  /** The open nodes, outermost first. */
  private readonly stack: OutlineNode[] = [];
  /** Body spans and children of the open nodes, until each closes. */
  private readonly openBodies = new Pending<Span>();
  private readonly openChildren = new Pending<OutlineNode>();
  private readonly problems: ParseProblem[] = [];
  private readonly documentStarts: number[] = [];
  private readonly residueLines: number[] = [];
  private frontMatter?: Span;
  private titleSpan?: Span;
  private titleText?: string;
  private backMatter?: Span;
  private firstBodyLine = 0;
  /** First line of the signature (issuer, date) that ends the plan, or the line count. */
  private signature = 0;
  private openingText = '';
  private readonly sentenceEnds: Finder;
  private readonly runInEnds: Finder;
  private readonly stars: Finder;
  private readonly years: Finder;
  private readonly colons: CharFinder;
  private readonly halfColons: CharFinder;
  private readonly para: Paragraph;
  private readonly sentences: Sentences;

  constructor(private readonly text: string) {
    this.sentenceEnds = new Finder(text, SENTENCE_ENDS, isStop);
    this.runInEnds = new Finder(text, RUN_IN_ENDS, isStop);
    this.stars = new Finder(text, /\*/g);
    this.colons = new CharFinder(text, '：');
    this.halfColons = new CharFinder(text, ':');
    this.years = new Finder(text, /年/g);
    this.para = new Paragraph(text);
    this.sentences = new Sentences(text, this.para);
    this.lines = LineTable.of(text);
    const n = this.lines.count;
    this.kinds = new Uint8Array(n);
    this.bodyStarts = new Int32Array(n);
    this.markers = new Array<Marker | undefined>(n);
    this.enumerators = new Array<Enumerator | undefined>(n);
    let markerLines = 0;
    for (let i = 0; i < n; i++) {
      const kind = (this.kinds[i] = this.classify(i));
      if (kind === LineKind.Marker) markerLines++;
      else if (kind === LineKind.Residue) this.residueLines.push(i);
    }
    this.numbered = markerLines >= 2;
  }

  run(): OutlineModel {
    this.signature = this.signatureStart();
    let i = this.readFrontMatter();
    this.firstBodyLine = i;
    while (i < this.lines.count) i = this.step(i);
    this.closeAll();
    const model = {
      text: this.text,
      lines: this.lines,
      roots: this.roots,
      nodes: this.nodes,
      frontMatter: this.frontMatter,
      titleSpan: this.titleSpan,
      backMatter: this.backMatter,
      signature: this.signature < this.lines.count ? { start: this.lines.contentStart(this.signature), end: this.lastContentEnd(this.signature) } : undefined,
      documentStarts: this.documentStarts,
      residueLines: this.residueLines,
      metadata: readMetadata(this.titleText, this.openingText),
      problems: this.problems,
    };
    return { ...model, lineRoles: lineRoles(model) };
  }

  // ---- lines ---------------------------------------------------------------------------------

  /** Reads line `i` into the per-line arrays and returns its kind. */
  private classify(i: number): LineKind {
    const text = this.text;
    const contentStart = this.lines.contentStart(i);
    const end = this.lines.end(i);
    this.bodyStarts[i] = contentStart;
    if (this.lines.isBlank(i)) return LineKind.Blank;
    let q = contentStart;
    if (text.charCodeAt(q) === HASH) {
      while (q < end && text.charCodeAt(q) === HASH) q++;
      q = skipSpaces(text, q, end);
    }
    if (q + 1 < end && text.startsWith('**', q)) q = skipSpaces(text, q + 2, end);
    this.bodyStarts[i] = q;
    if (q < end && mayStartOrdinal(text.charCodeAt(q))) {
      const head = text.slice(q, Math.min(end, q + 24));
      if ((this.markers[i] = matchMarker(head, q))) return LineKind.Marker;
      if ((this.enumerators[i] = matchEnumerator(head, q))) return LineKind.Enumerator;
    }
    if (end - contentStart < 40 && RESIDUE.test(text.slice(contentStart, end).trim())) return LineKind.Residue;
    return LineKind.Text;
  }

  /** Next line at or after `i` that is neither blank nor page residue, or -1. */
  private nextContent(i: number): number {
    for (let j = i; j < this.lines.count; j++) {
      const k = this.kinds[j];
      if (k !== LineKind.Blank && k !== LineKind.Residue) return j;
    }
    return -1;
  }

  private lineText(i: number): string {
    return this.text.slice(this.lines.contentStart(i), this.lines.contentEnd(i));
  }

  /** Whether line `i` opens the closing appeal (`各位代表…`); most lines fail on their first character. */
  private closes(i: number): boolean {
    return inClass(this.text.charCodeAt(this.lines.contentStart(i)), CLOSING_START) && CLOSING.test(this.lineText(i));
  }

  // ---- front matter ----------------------------------------------------------------------------

  private readFrontMatter(): number {
    let i = this.nextContent(0);
    if (i < 0) return this.lines.count;
    const notice = this.noticeTitle(i);
    if (notice >= 0) {
      let end = notice;
      for (let j = notice, seen = 0; j >= 0 && seen < 12; j = this.nextContent(j + 1), seen++) {
        if (j > notice && this.titleLike(j) && !ATTACHMENT.test(this.lineText(j))) break;
        if (this.kinds[j] !== LineKind.Text) break;
        end = j;
        if (DATE_LINE.test(this.lineText(j))) {
          const remark = this.nextContent(j + 1);
          if (remark >= 0 && this.kinds[remark] === LineKind.Text && NOTICE_REMARK.test(this.lineText(remark))) end = remark;
          break;
        }
      }
      this.frontMatter = { start: this.lines.contentStart(i), end: this.lines.contentEnd(end) };
      i = this.nextContent(end + 1);
      if (i < 0) return this.lines.count;
      this.documentStarts.push(this.lines.contentStart(i));
    }
    const titleEnd = this.titleEnd(i);
    if (titleEnd >= 0) {
      this.setTitle(i, titleEnd);
      return titleEnd + 1;
    }
    if (!this.numbered && this.isHeadingCandidate(i)) {
      // A headline and its subtitle at the top of an unnumbered article.
      const last = this.headingGroupEnd(i);
      this.setTitle(i, last);
      return last + 1;
    }
    return i;
  }

  /**
   * The last line of a document title that starts on line `i`, or -1. A title may be set on up to three
   * short lines (`中共XX街道工作委员会` / `XX街道办事处` / `2024年工作计划`), read as one.
   */
  private titleEnd(i: number): number {
    if (this.kinds[i] !== LineKind.Text) return -1;
    if (this.titleLike(i)) return i;
    let joined = this.cleanTitle(this.lineText(i));
    for (let j = i + 1; j < i + 3 && j < this.lines.count && this.kinds[j] === LineKind.Text; j++) {
      if (joined.length > 30 || endsSentence(this.text, this.lines.start(j - 1), this.lines.end(j - 1))) return -1;
      joined += this.cleanTitle(this.lineText(j));
      if (looksLikeTitle(joined)) return j;
    }
    return -1;
  }

  /**
   * The line of a covering notice's title (`关于印发…的通知`) at the top of the text, from line `i`
   * on, or -1. Letterhead, document number and issuers may come first: short lines, no sentences.
   */
  private noticeTitle(i: number): number {
    for (let j = i, seen = 0; j >= 0 && seen < NOTICE_HEAD_LINES; j = this.nextContent(j + 1), seen++) {
      if (this.kinds[j] !== LineKind.Text) return -1;
      const line = this.lineText(j);
      if (NOTICE.test(line.replace(/\s+/g, ''))) return j;
      if (line.length > 40 || endsSentence(this.text, this.lines.start(j), this.lines.end(j)) || this.titleLike(j)) return -1;
    }
    return -1;
  }

  /**
   * Where the issuer and date that sign the plan start (`湖南路街道办事处` / `2024年1月12日`), if its last
   * lines are a signature; otherwise past the end. They are back matter, not the last section's body.
   */
  private signatureStart(): number {
    let last = this.lines.count - 1;
    while (last >= 0 && (this.kinds[last] === LineKind.Blank || this.kinds[last] === LineKind.Residue)) last--;
    if (last < 0 || this.kinds[last] !== LineKind.Text || this.lines.contentEnd(last) - this.lines.contentStart(last) > 20) return this.lines.count;
    if (!DATE_LINE.test(this.lineText(last))) return this.lines.count;
    let start = last;
    // Up to two issuer lines above the date: joint issuers are often signed one per line.
    for (let j = last - 1, n = 0; j >= 0 && n < 2; j--) {
      if (this.kinds[j] === LineKind.Blank) continue;
      if (this.kinds[j] !== LineKind.Text || this.lines.contentEnd(j) - this.lines.contentStart(j) > 30 || !ISSUER.test(this.lineText(j))) break;
      start = j;
      n++;
    }
    return start;
  }

  /**
   * `looksLikeTitle` of line `i`, cleaned. A title names its year (`年`) and has at most 60 characters;
   * cleaning only removes `#`, `**` and surrounding space, so most lines are answered without cleaning.
   */
  private titleLike(i: number): boolean {
    if (this.years.next(this.lines.contentStart(i)) >= this.lines.contentEnd(i)) return false;
    const s = this.lineText(i);
    if (s.length > 60 && s.indexOf('*') < 0 && s.indexOf('#') < 0 && s.trim().length > 60) return false;
    return looksLikeTitle(this.cleanTitle(s));
  }

  /** Whether line `i` names a part of the plan or an attachment, on a short line of its own. */
  private opensPart(i: number): boolean {
    // Most lines fail on their first character, before any text is built.
    if (!inClass(this.text.charCodeAt(this.bodyStarts[i]), PART_START) || this.lines.contentEnd(i) - this.lines.contentStart(i) > 40) return false;
    return PART.test(this.cleanTitle(this.lineText(i))) && this.standsAlone(i);
  }

  /** A part or attachment: a top-level section whose numbered headings count from 一 again. */
  private part(i: number): number {
    this.closeAll();
    const span = { start: this.bodyStarts[i], end: this.lines.contentEnd(i) };
    this.addNode(newNode('unnumbered', 0, this.cleanTitle(this.lineText(i)), span, span, { start: this.lines.contentStart(i), end: span.end }, i));
    return i + 1;
  }

  /** Whether line `i` is the title of a document appended to the first (its numbering starts afresh). */
  private startsDocument(i: number): boolean {
    return i > this.firstBodyLine && this.titleLike(i) && this.standsAlone(i);
  }

  /**
   * Whether line `i` stands alone, as a title does, rather than going on with the prose above it: a
   * line that reads like a title after an unfinished one is a sentence broken by extraction
   * (`…按照区里` / `2024年招商引资工作安排，…`). Short lines above (`附件1`, a heading) end nothing.
   */
  private standsAlone(i: number): boolean {
    const above = i - 1;
    if (above < 0 || this.kinds[above] !== LineKind.Text) return true;
    return endsSentence(this.text, this.lines.start(above), this.lines.end(above)) || this.lines.contentEnd(above) - this.lines.contentStart(above) <= 20;
  }

  private cleanTitle(s: string): string {
    return s.replace(HASHES, '').replace(EMPHASIS, '').trim();
  }

  private setTitle(first: number, last: number): void {
    this.titleSpan = { start: this.lines.contentStart(first), end: this.lines.contentEnd(last) };
    const parts: string[] = [];
    for (let j = first; j <= last; j++) if (this.kinds[j] === LineKind.Text) parts.push(this.cleanTitle(this.lineText(j)));
    this.titleText = parts.join(' ');
  }

  // ---- body ------------------------------------------------------------------------------------

  private step(i: number): number {
    const contentStart = this.lines.contentStart(i);
    if (i >= this.signature) {
      this.closeAll();
      this.backMatter = { start: contentStart, end: this.lastContentEnd(i) };
      return this.lines.count;
    }
    switch (this.kinds[i]) {
      case LineKind.Blank:
        return i + 1;
      case LineKind.Residue:
        // `(上接1版)`: an article continued from another page starts here.
        if (CONTINUED.test(this.lineText(i))) this.documentStarts.push(contentStart);
        return i + 1;
      case LineKind.Marker:
        return this.heading(i);
      case LineKind.Enumerator:
        return this.enumeration(i, this.enumerators[i]!, this.bodyStarts[i], contentStart);
      default:
        break;
    }
    if (this.closes(i)) {
      this.closeAll();
      this.backMatter = { start: contentStart, end: this.lastContentEnd(i) };
      return this.lines.count;
    }
    if (this.opensPart(i)) return this.part(i);
    if (this.startsDocument(i)) {
      // A second document appended to the first: its numbering starts afresh.
      this.closeAll();
      this.documentStarts.push(contentStart);
      return i + 1;
    }
    if (!this.numbered && this.isHeadingCandidate(i)) {
      const last = this.headingGroupEnd(i);
      if (this.nextContent(last + 1) >= 0) return this.unnumberedHeading(i, last);
    }
    return this.paragraph(this.collectParagraph(i, contentStart));
  }

  private lastContentEnd(from: number): number {
    for (let j = this.lines.count - 1; j >= from; j--) if (this.kinds[j] !== LineKind.Blank) return this.lines.contentEnd(j);
    return this.lines.contentEnd(from);
  }

  private closeAll(): void {
    while (this.stack.length) this.close();
  }

  /** Closes the innermost open node. */
  private close(): void {
    const d = this.stack.length - 1;
    const node = this.stack.pop()!;
    node.bodySpans = this.openBodies.close(d);
    node.children = this.openChildren.close(d);
  }

  /** A short standalone line with no sentence punctuation, between blank lines. */
  private isHeadingCandidate(i: number): boolean {
    if (i < 0 || this.kinds[i] !== LineKind.Text) return false;
    if (i > 0 && this.kinds[i - 1] !== LineKind.Blank) return false;
    if (i + 1 >= this.lines.count || this.kinds[i + 1] !== LineKind.Blank) return false;
    const t = this.cleanTitle(this.lineText(i));
    const n = visibleLength(t);
    return n >= 2 && n <= 30 && !NO_HEADING_PUNCT.test(t);
  }

  private headingGroupEnd(i: number): number {
    let last = i;
    for (let j = this.nextContent(i + 1); j >= 0 && j < this.signature && this.isHeadingCandidate(j); j = this.nextContent(j + 1)) last = j;
    return last;
  }

  private addNode(node: OutlineNode): OutlineNode {
    const d = this.stack.length;
    const parent = this.stack[d - 1];
    node.depth = d + 1;
    node.parent = parent;
    if (parent) this.openChildren.add(node);
    else this.roots.push(node);
    this.nodes.push(node);
    this.stack.push(node);
    this.openBodies.open(d);
    this.openChildren.open(d);
    return node;
  }

  /** Extends every open section to `end`: they all contain what was just read. */
  private touch(end: number): void {
    for (let k = 0; k < this.stack.length; k++) if (this.stack[k].span.end < end) this.stack[k].span.end = end;
  }

  private addBody(span: Span): void {
    if (span.end <= span.start) return;
    if (this.stack.length) this.openBodies.add(span);
    this.touch(span.end);
  }

  /** Adds the lines of `para` as body text, one span each. */
  private addLines(para: Paragraph): void {
    for (let k = 0; k < para.count; k++) this.addBody({ start: para.starts[k], end: para.ends[k] });
  }

  private popWhile(pred: (n: OutlineNode, rank: number) => boolean, rank = 0): void {
    while (this.stack.length && pred(this.stack[this.stack.length - 1], rank)) this.close();
  }

  private unnumberedHeading(first: number, last: number): number {
    this.closeAll();
    const parts: string[] = [];
    for (let j = first; j <= last; j = this.nextContent(j + 1)) {
      if (this.kinds[j] === LineKind.Text) parts.push(this.cleanTitle(this.lineText(j)));
      if (j < 0) break;
    }
    const start = this.lines.contentStart(first);
    const end = this.lines.contentEnd(last);
    const title = { start: this.bodyStarts[first], end };
    this.addNode(newNode('unnumbered', 0, parts.join('——'), title, title, { start, end }, first));
    return last + 1;
  }

  /** The heading of `marker` on line `i`; `sectionStart` is where its section starts (the line's content, or the marker inside a line). */
  private heading(i: number, marker = this.markers[i]!, sectionStart = this.lines.contentStart(i)): number {
    const rank = FAMILY_RANK[marker.family];
    const lineEnd = this.lines.contentEnd(i);
    let titleStart = skipDecoration(this.text, marker.span.end, lineEnd);
    let titleLine = i;
    if (titleStart >= lineEnd) {
      // Marker alone on its line: the title is on the next line (heading.split).
      const j = this.nextContent(i + 1);
      if (j >= 0 && j < this.signature && this.kinds[j] === LineKind.Text && j - i <= 2) {
        this.problems.push({ code: 'heading.split', span: marker.span, fixSpan: { start: lineEnd, end: this.lines.contentStart(j) } });
        titleLine = j;
        titleStart = skipDecoration(this.text, this.bodyStarts[j], this.lines.contentEnd(j));
      }
    }
    const titleLineEnd = this.lines.contentEnd(titleLine);
    const cut = this.cutTitle(titleStart, titleLineEnd, marker.span, rank);
    this.popWhile(closedByHeading, rank);
    const node = newNode('heading', rank, cleanInline(this.text.slice(titleStart, cut.titleEnd)),
      { start: titleStart, end: cut.titleEnd }, { start: marker.span.start, end: cut.titleEnd },
      { start: sectionStart, end: titleLineEnd }, i, marker);
    this.addNode(node);
    this.touch(titleLineEnd);
    if (cut.bodyStart < titleLineEnd) return this.attachRunOnBody(titleLine, cut.bodyStart);
    return titleLine + 1;
  }

  /**
   * Where a heading's title ends on its line: at `。` (or a `.` for it) when a body follows, at a merge
   * gap, or where the heading's first child starts in a flattened plan.
   */
  private cutTitle(start: number, end: number, marker: Span, rank: number): { titleEnd: number; bodyStart: number } {
    // Read in place and no further than 400 characters: a line longer than that has a body after its title.
    const text = this.text;
    const lim = Math.min(end, start + 400);
    let stop = start;
    // The first bracket or gap in the first 60 characters: where a flattened heading's first child may start.
    let mark = -1;
    for (; stop < lim; stop++) {
      const c = text.charCodeAt(stop);
      if (c === FULL_STOP || (c === PERIOD && isPeriodStop(text, stop))) break;
      if (mark < 0 && stop >= start + 2 && stop < start + 60 && (c === OPEN_FULL || c === OPEN_HALF || isGapCode(c))) mark = stop;
    }
    const child = mark < 0 ? -1 : this.firstChildIn(mark, Math.min(stop, start + 60), rank);
    if (child >= 0) return { titleEnd: trimDecorEnd(text, start, child), bodyStart: child };
    const hasStop = stop < lim;
    const hasBodyAfterStop = hasStop && (skipDecoration(text, stop + 1, lim) < lim || end > start + 400);
    if (hasBodyAfterStop && stop - start <= 60) return { titleEnd: trimDecorEnd(text, start, stop), bodyStart: skipDecoration(text, stop + 1, end) };
    if (visibleLength(text, 40, start, lim) > 40) {
      // heading.merged: a gap after the 6th to 45th character, with a body of 20 characters after it.
      for (let i = start + 5; i < start + 45 && i < lim; i++) {
        const gapEnd = mergeGapEnd(text, i, lim);
        if (gapEnd >= 0 && visibleLength(text, 20, gapEnd, lim) >= 20) {
          this.problems.push({ code: 'heading.merged', span: marker, fixSpan: { start: i + 1, end: gapEnd } });
          return { titleEnd: i + 1, bodyStart: gapEnd };
        }
      }
    }
    if (hasBodyAfterStop) return { titleEnd: trimDecorEnd(text, start, stop), bodyStart: skipDecoration(text, stop + 1, end) };
    let e = end;
    while (e > start && (text.charCodeAt(e - 1) === STAR || text.charCodeAt(e - 1) === FULL_STOP || isPeriodStop(text, e - 1) || isSpaceCode(text.charCodeAt(e - 1)))) e--;
    return { titleEnd: e, bodyStart: end };
  }

  /**
   * Where a marker of a deeper level than `rank`, numbered 1, starts a heading's first child in
   * `[start, end)` of its title: a flattened plan runs them together (`…夯实基层基础 （一）深化…`, `…群众福祉（一）推进…`).
   * A bracketed marker may follow an ideograph; the others only a gap. -1 when there is none.
   */
  private firstChildIn(start: number, end: number, rank: number): number {
    const text = this.text;
    for (let p = start; p < end; p++) {
      const c = text.charCodeAt(p);
      const after = isGapCode(text.charCodeAt(p - 1));
      if (!(after || ((c === OPEN_FULL || c === OPEN_HALF) && isCjkCode(text.charCodeAt(p - 1))))) continue;
      if (!mayStartOrdinal(c)) continue;
      const m = matchMarker(text.slice(p, p + 24), p);
      if (m && m.value === 1 && FAMILY_RANK[m.family] > rank) return p;
    }
    return -1;
  }

  /**
   * A marker that opens a sentence inside a paragraph, where a flattened plan lost the line break
   * before it (`…重点做好以下工作。一、加强党建引领…`). It is taken for a heading only where it goes on
   * with the outline, as the next sibling of an open heading or the first child of the innermost one.
   */
  private inlineMarkerAt(p: number): Marker | undefined {
    if (!mayStartOrdinal(this.text.charCodeAt(p))) return undefined;
    const m = matchMarker(this.text.slice(p, p + 24), p);
    return m && this.continuesOutline(m) ? m : undefined;
  }

  private continuesOutline(m: Marker): boolean {
    const rank = FAMILY_RANK[m.family];
    for (let k = this.stack.length - 1; k >= 0; k--) {
      const n = this.stack[k];
      // Run-ins, measures and unnumbered sections are passed over; a deeper heading would be closed by `m`.
      if (n.kind !== 'heading' || n.rank > rank) continue;
      return n.rank < rank ? m.value === 1 : n.marker!.family === m.family && m.value === n.marker!.value + 1;
    }
    const last = this.roots[this.roots.length - 1]?.marker;
    return m.value === 1 || (!!last && last.family === m.family && m.value === last.value + 1);
  }

  /** The first inline heading (see `inlineMarkerAt`) after a sentence end in `[start, end)`, or undefined. */
  private inlineMarkerIn(start: number, end: number): Marker | undefined {
    const text = this.text;
    for (let p = this.sentenceEnds.next(start); p < end; p = this.sentenceEnds.next(p + 1)) {
      let q = p + 1;
      while (q < end && (isSpaceCode(text.charCodeAt(q)) || inClass(text.charCodeAt(q), CLOSER))) q++;
      if (q >= end) return undefined;
      const m = this.inlineMarkerAt(q);
      if (m) return m;
    }
    return undefined;
  }

  /** The heading of a marker inside a line; heading.merged asks for the line break it lost. */
  private inlineHeading(line: number, m: Marker): number {
    let gap = m.span.start;
    while (gap > 0 && isSpaceCode(this.text.charCodeAt(gap - 1))) gap--;
    this.problems.push({ code: 'heading.merged', span: m.span, fixSpan: { start: gap, end: m.span.start } });
    return this.heading(line, m, m.span.start);
  }

  /** Body text that follows a title on the same line, with the lines it continues onto. */
  private attachRunOnBody(line: number, from: number): number {
    // `（一）稳定扩大就业。一是…；二是…`: the run-on body may open a run-in enumeration.
    const e = matchEnumerator(this.text.slice(from, from + 24), from);
    if (e) return this.enumeration(line, e, from, from);
    const first = this.inlineMarkerAt(from);
    if (first) return this.inlineHeading(line, first);
    const para = this.collectParagraph(line, from);
    return this.bodyUntilInlineHeading(para);
  }

  /** `para` as body lines, up to an inline heading in it if there is one (which then goes on from its line). */
  private bodyUntilInlineHeading(para: Paragraph): number {
    const m = this.inlineMarkerIn(para.start, para.end);
    if (!m) {
      this.addLines(para);
      return para.lastLine + 1;
    }
    for (let k = 0; k < para.count && para.starts[k] < m.span.start; k++) this.addBody({ start: para.starts[k], end: Math.min(para.ends[k], m.span.start) });
    return this.inlineHeading(para.lineOf(m.span.start), m);
  }

  private enumeration(i: number, e: Enumerator, from: number, sectionStart: number): number {
    const para = this.collectParagraph(i, from);
    this.popWhile(isRunInOrMeasure);
    const ss = this.sentences;
    ss.split(this.runInEnds, this.stars);
    this.addEnumeration(e, ss.ends[0], sectionStart, i);
    let heading: Marker | undefined;
    for (let k = 1; k < ss.count; k++) {
      const start = ss.starts[k];
      const next = this.runInAt(start);
      if (next && next.series === e.series) {
        this.popWhile(isRunIn);
        this.addEnumeration(next, ss.ends[k], start, para.lineOf(start));
      } else if ((heading = this.inlineMarkerAt(start))) {
        return this.inlineHeading(para.lineOf(start), heading);
      } else {
        this.addBody({ start, end: ss.ends[k] });
      }
    }
    return para.lastLine + 1;
  }

  /**
   * A run-in enumeration that starts after a colon inside the sentence `[start, end)`:
   * `着力办好民生实事：一是完善养老服务。…；二是…` (its first item only: `一是`, `第一，`, `首先，`).
   */
  private runInAfterColon(start: number, end: number): Enumerator | undefined {
    for (let p = this.nextColon(start); p < end; p = this.nextColon(p + 1)) {
      let q = p + 1;
      while (q < end && isSpaceCode(this.text.charCodeAt(q))) q++;
      const e = this.runInAt(q);
      if (e && e.value === 1) return e;
    }
    return undefined;
  }

  private nextColon(from: number): number {
    return Math.min(this.colons.next(from), this.halfColons.next(from));
  }

  /** The run-in enumerator (`二是`) a sentence at `p` opens with, after a `**`; most open otherwise. */
  private runInAt(p: number): Enumerator | undefined {
    const at = this.text.startsWith('**', p) ? p + 2 : p;
    return mayStartOrdinal(this.text.charCodeAt(at)) ? matchEnumerator(this.text.slice(at, p + 12), at) : undefined;
  }

  /** A run-in enumeration whose first sentence ends at `firstEnd`. */
  private addEnumeration(e: Enumerator, firstEnd: number, sectionStart: number, line: number): void {
    const titleStart = skipDecoration(this.text, e.span.end, firstEnd);
    let titleEnd = firstEnd;
    while (titleEnd > titleStart && isRunInTitleTail(this.text.charCodeAt(titleEnd - 1)) && !(inClass(this.text.charCodeAt(titleEnd - 1), CLOSER) && this.hasOpenQuote(titleStart, titleEnd - 1))) titleEnd--;
    let title = cleanInline(this.text.slice(titleStart, titleEnd));
    if (visibleLength(title, 50) > 50) {
      // A run-in that never stops for `。`: its first clause names it. The comma is found in the text
      // as written, so the title ends there even when cleaning removed emphasis from the clause.
      const comma = this.text.slice(titleStart, titleEnd).search(/[，,]/);
      const clause = comma > 0 ? cleanInline(this.text.slice(titleStart, titleStart + comma)) : '';
      if (clause) {
        title = clause;
        titleEnd = titleStart + comma;
      }
    }
    const node = newNode('enumeration', 0, title, { start: titleStart, end: titleEnd }, { start: e.span.start, end: titleEnd },
      { start: sectionStart, end: firstEnd }, line, undefined, e);
    this.addNode(node);
    this.touch(firstEnd);
  }

  private hasOpenQuote(start: number, end: number): boolean {
    const s = this.text.slice(start, end);
    return (s.match(/[“"]/g)?.length ?? 0) > (s.match(/[”]/g)?.length ?? 0) || ((s.match(/"/g)?.length ?? 0) % 2 === 1);
  }

  /** The paragraph that starts at `from` on line `i`, in the parser's one `Paragraph`. */
  private collectParagraph(i: number, from: number): Paragraph {
    const para = this.para;
    para.reset(from, this.lines.contentEnd(i), i);
    let k = i;
    while (!endsSentence(this.text, this.lines.start(k), this.lines.end(k))) {
      const next = this.nextContent(k + 1);
      if (next < 0 || next >= this.signature || this.kinds[next] !== LineKind.Text) break;
      if (!this.numbered && this.isHeadingCandidate(next)) break;
      if (this.closes(next) || this.opensPart(next) || this.startsDocument(next)) break;
      k = next;
      para.add(this.lines.contentStart(k), this.lines.contentEnd(k), k);
    }
    return para;
  }

  /** The container for measures: the innermost open heading. */
  private section(): OutlineNode | undefined {
    for (let k = this.stack.length - 1; k >= 0; k--) {
      const n = this.stack[k];
      if (n.kind === 'heading' || n.kind === 'unnumbered') return n;
      if (n.kind === 'enumeration') return undefined;
    }
    return undefined;
  }

  private paragraph(para: Paragraph): number {
    if (!this.section()) {
      if (!this.stack.length && !this.openingText) this.openingText = this.text.slice(para.starts[0], para.ends[0]).slice(0, 400);
      return this.bodyUntilInlineHeading(para);
    }
    const ss = this.sentences;
    ss.split(this.sentenceEnds, this.stars);
    // A short line ending in 。 whose body is the next paragraph (`着力发展在线经济。` / `围绕…`).
    if (ss.count === 1 && isMeasureLike(ss, 0, false)) {
      const next = this.nextContent(para.lastLine + 1);
      if (next >= 0 && next < this.signature && this.kinds[next] === LineKind.Text && !this.closes(next) && !this.startsDocument(next) &&
        !(!this.numbered && this.isHeadingCandidate(next))) {
        this.addMeasure(ss.starts[0], ss.ends[0], para);
        const body = this.collectParagraph(next, this.lines.contentStart(next));
        this.addLines(body);
        return body.lastLine + 1;
      }
    }
    const runIn = ss.count >= 2 && (ss.bold[0] ? isMeasureLike(ss, 0, false, 30) : isMeasureLike(ss, 0, false) && longer(ss, 1, 0));
    // Most paragraphs have no colon, and no sentence of theirs need be looked at for one.
    const colon = this.nextColon(para.start) < para.end;
    for (let k = 0; k < ss.count; k++) {
      const heading = k > 0 ? this.inlineMarkerAt(ss.starts[k]) : undefined;
      if (heading) return this.inlineHeading(para.lineOf(ss.starts[k]), heading);
      const list = colon ? this.runInAfterColon(ss.starts[k], ss.ends[k]) : undefined;
      if (list) {
        this.addBody({ start: ss.starts[k], end: list.span.start });
        return this.enumeration(para.lineOf(list.span.start), list, list.span.start, list.span.start);
      }
      const isMeasure = k === 0
        ? runIn
        : (ss.bold[k] && isMeasureLike(ss, k, false, 30)) ||
          (this.inRunInStyle() && k + 1 < ss.count && isMeasureLike(ss, k, true) && longer(ss, k + 1, k));
      if (isMeasure) this.addMeasure(ss.starts[k], ss.ends[k], para);
      else this.addBody({ start: ss.starts[k], end: ss.ends[k] });
    }
    return para.lastLine + 1;
  }

  /** Mid-paragraph measures are trusted only once the section has opened with one. */
  private inRunInStyle(): boolean {
    return this.stack[this.stack.length - 1]?.kind === 'measure';
  }

  /** A measure: the sentence [start, end) of `para`. */
  private addMeasure(start: number, end: number, para: Paragraph): void {
    this.popWhile(isMeasure);
    const titleStart = skipDecoration(this.text, start, this.text.length);
    let titleEnd = end;
    while (titleEnd > titleStart && isMeasureTitleTail(this.text.charCodeAt(titleEnd - 1))) titleEnd--;
    const title = cleanInline(this.text.slice(titleStart, titleEnd));
    const span = { start: titleStart, end: titleEnd };
    this.addNode(newNode('measure', 0, title, span, span, { start, end }, para.lineOf(titleStart)));
    this.touch(end);
  }
}

/**
 * `span` must be an object of the node's own: `touch` extends it. Every field is there from the start,
 * in the order JSON shows them (`undefined` ones are left out): a field added later would cost the
 * node a second store and give the kinds of nodes different shapes.
 */
function newNode(kind: OutlineNode['kind'], rank: number, title: string, titleSpan: Span, headingSpan: Span, span: Span, line: number,
  marker?: Marker, enumerator?: Enumerator): OutlineNode {
  return { kind, depth: 0, rank, title, titleSpan, headingSpan, span, bodySpans: NOT_YET, line, children: NOT_YET, marker, enumerator, parent: undefined };
}

/** A node's body spans and children until it closes (and `close` gives it arrays of its own). */
const NOT_YET: never[] = [];

const isMeasure = (n: OutlineNode) => n.kind === 'measure';
const isRunIn = (n: OutlineNode) => n.kind === 'enumeration';
const isRunInOrMeasure = (n: OutlineNode) => isRunIn(n) || isMeasure(n);
/** A heading of rank `rank` closes run-ins, measures and headings of its rank or below. */
const closedByHeading = (n: OutlineNode, rank: number) => isRunInOrMeasure(n) || n.rank >= rank;

function isMeasureTitleTail(c: number): boolean {
  return inClass(c, MEASURE_TAIL) || isWhiteSpaceCode(c);
}

function isRunInTitleTail(c: number): boolean {
  return inClass(c, RUN_IN_TAIL) || isWhiteSpaceCode(c);
}

/** Index of the first non-space character of `s` at or after `p`, or `end`. */
function skipSpaces(s: string, p: number, end: number): number {
  while (p < end && isSpaceCode(s.charCodeAt(p))) p++;
  return p;
}

/** Skips spaces and `**` from `p` up to `end`. */
function skipDecoration(text: string, p: number, end: number): number {
  while (p < end && (isSpaceCode(text.charCodeAt(p)) || text.charCodeAt(p) === STAR)) p++;
  return p;
}

/** Where a title that starts at `start` and stops at `stop` (a `。`) really ends: before `**` and spaces. */
function trimDecorEnd(text: string, start: number, stop: number): number {
  let e = stop;
  while (e > start && (text.charCodeAt(e - 1) === STAR || isSpaceCode(text.charCodeAt(e - 1)))) e--;
  return e;
}

/**
 * Where a merge gap after the ideograph at `i` ends: spaces and tabs up to an ideograph or an
 * opening quote before `lim` (`加强组织领导 各街道要…`); -1 when there is none.
 */
function mergeGapEnd(text: string, i: number, lim: number): number {
  if (!isCjkCode(text.charCodeAt(i))) return -1;
  let j = i + 1;
  while (j < lim && isGapCode(text.charCodeAt(j))) j++;
  if (j === i + 1 || j === lim) return -1;
  const c = text.charCodeAt(j);
  return isCjkCode(c) || c === OPEN_QUOTE || c === QUOTE ? j : -1;
}

function isGapCode(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000;
}

/** Title text without Markdown emphasis or escapes. */
function cleanInline(s: string): string {
  // Most titles carry none of what the replacements remove.
  if (!INLINE_MARKUP.test(s)) return s.trim();
  return s.replace(EMPHASIS, '').replace(ESCAPE, '').replace(LINE_BREAK, '').trim();
}

/** Sentence ends for paragraphs, and for run-in enumerations (which also stop at `；`); global, for a `Finder`. */
const SENTENCE_ENDS = /[。！？!?.]/g;
const RUN_IN_ENDS = /[。；;.]/g;
/** Every match of those is a stop but a `.`, which is one only after Chinese text (`isPeriodStop`). */
const isStop = (text: string, i: number) => text.charCodeAt(i) !== 0x2e || isPeriodStop(text, i);
/** Marks that end a sentence; a `.` is one only where the sentence finder stopped at it. */
const END_MARKS = charClass('。！？!?.');
const END_CLOSERS = charClass('”"’」』');

/** Whether sentence `a` has more visible characters than sentence `b`, counting `a` no further than needed. */
function longer(ss: Sentences, a: number, b: number): boolean {
  const n = visibleLength(ss.text(b));
  return visibleLength(ss.text(a), n) > n;
}

const PRONOUN_START = charClass('这此其该它那');
const CLAUSE_BREAKS = charClass('；;：:');
const COMMAS = charClass('，,');
const DUN = '、'.charCodeAt(0);

/**
 * Whether sentence `k` is a run-in measure: a short verb phrase (`强化平台招商`, `擦亮金字招牌,实现人气引流`).
 * `strict` is for the middle of a paragraph, where a short body sentence must not pass.
 * The length is checked first, counting no further than the bound: most sentences are long body text.
 * The sentence is read in place, trimmed and without its end (`。`, `！”`), as offsets into its text.
 */
function isMeasureLike(ss: Sentences, k: number, strict: boolean, max = 20): boolean {
  const upper = strict ? 14 : max;
  // Trimming and the sentence end take no ideographs, so this rejects long sentences before their text is built.
  if (ss.ideographs(k, upper) > upper) return false;
  const text = ss.text(k);
  let a = 0;
  let b = text.length;
  while (a < b && isWhiteSpaceCode(text.charCodeAt(a))) a++;
  while (b > a && isWhiteSpaceCode(text.charCodeAt(b - 1))) b--;
  const e = sentenceEnd(text, a, b);
  if (e === a) return false;
  const n = visibleLength(text, upper, a, e);
  if (n < 4 || n > upper) return false;
  const first = text.charCodeAt(a);
  if (isDigitCode(first) || inClass(first, PRONOUN_START)) return false;
  let commas = 0;
  let firstComma = e;
  let dun = false;
  for (let i = a; i < e; i++) {
    const c = text.charCodeAt(i);
    if (inClass(c, CLAUSE_BREAKS)) return false;
    if (inClass(c, COMMAS) && commas++ === 0) firstComma = i;
    if (c === DUN) dun = true;
  }
  if (strict) return commas === 0 && !dun;
  if (commas > 1) return false;
  return commas === 0 || visibleLength(text, 10, a, firstComma) <= 10;
}

/** Where `text[a, b)` ends without the sentence end it closes with (`。`, `！”`); `b` when it has none. */
function sentenceEnd(text: string, a: number, b: number): number {
  let e = b;
  while (e > a && inClass(text.charCodeAt(e - 1), END_CLOSERS)) e--;
  let f = e;
  while (f > a && inClass(text.charCodeAt(f - 1), END_MARKS)) f--;
  return f < e ? f : b;
}
