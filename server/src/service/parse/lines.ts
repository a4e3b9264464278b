// Pass 1, lines: what each line is (a marker, a run-in, page residue, text) and what it does in
// the document (web-page front matter, notice, title, part, closing appeal, signature, a title that
// starts a second document). The paragraph-end rule is here, once: `runsOn`.
import { Enumerator, LineRole, Marker, Span } from '../model';
import { charClass, endsSentence, inClass, isSpaceCode, isWhiteSpaceCode, visibleLength } from '../text/chars';
import { LineTable } from '../text/lines';
import { matchEnumerator, matchMarker, mayStartOrdinal } from './markers';
import { looksLikeTitle } from './metadata';
import { CharFinder } from './scan';
import {
  CHUNK_LINE_MIN, FRONT_MATTER_LINES, NOTICE_HEAD_LINES, NOTICE_MAX_LINES, SIGNATURE_DATE_MAX, SIGNATURE_ISSUER_MAX, TITLE_LINES, TITLE_MAX,
  UNNUMBERED_MAX, UNNUMBERED_MIN,
} from './thresholds';

/** What a line holds at its start, a number each, so that the kinds of all lines fit in a byte array. */
export const enum LineKind { Blank, Residue, Marker, Enumerator, Text }

/** What a text line does in the body of the document, beyond being prose. */
export const enum Structure { None, Part, Closing, DocumentTitle, Signature, Unnumbered, Label }

const HASH = 0x23;
/** Page residue: `(上接1版)`, `- 3 -`, `第 4 页，共 6 页`. */
const RESIDUE = /^(?:[（(【[](?:上接|下转|下轉|接上|转下|接|转|轉)[第]?\s*[0-9０-９]+\s*版[）)】\]]|[-—–－\s]*[0-9０-９]{1,4}[-—–－\s]*|第\s*[0-9０-９]+\s*[页頁](?:[，,\s]*共\s*[0-9０-９]+\s*[页頁])?)$/;
/** What page residue starts with, past white space: most short lines start otherwise and are not matched. */
const RESIDUE_START = charClass('（(【[-—–－0123456789０１２３４５６７８９第');
/** Page residue that says an article continues here. */
export const CONTINUED = /[接轉转]/;
/** The title of a covering notice, spaces removed; its issuer may come first (`XX街道办事处关于印发…的通知`). */
const NOTICE = /^.{0,30}?(?:关于|關於).*通知$/;
/** `附件`, `附件1`, `附件二`. */
const ATTACHMENT_WORD = '附件[0-9０-９一二三四五六七八九十]*';
const ATTACHMENT = new RegExp(`^${ATTACHMENT_WORD}[:：]`);
/** `（此件公开发布）` under a notice's date. */
const NOTICE_REMARK = /^[（(][^（）()]{2,20}[）)]$/;
/** A part of a plan (`第二部分　主要任务`) or an attachment after it (`附件：…为民办实事项目`): numbered afresh. */
const PART = new RegExp(`^(?:第[一二三四五六七八九十]{1,3}部分|${ATTACHMENT_WORD}(?:[:：]|$))`);
const PART_START = charClass('第附');
const DATE_LINE = /(?:[0-9０-９]{4}|[〇零一二三四五六七八九]{4})\s*年\s*[0-9０-９一二三四五六七八九十]{1,3}\s*月\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日\s*$/;
const DAY = '日'.charCodeAt(0);
/** The last character of a notice's title (`…的通知`). */
const ZHI = '知'.charCodeAt(0);
/** An issuer signing a plan: `湖南路街道办事处`, `中共XX镇委员会　XX镇人民政府`. */
const ISSUER_WORDS = ['街道', '镇', '鎮', '乡', '鄉', '办事处', '辦事處', '委员会', '委員會', '政府', '党工委', '黨工委', '工委', '办公室', '辦公室', '居委会', '居委會', '社区', '社區'];
const ISSUER = new RegExp(`(?:${ISSUER_WORDS.join('|')})$`);
/** Their last characters: a line that ends otherwise is no issuer, and no text is built to say so. */
const ISSUER_ENDS = charClass(ISSUER_WORDS.map((w) => w[w.length - 1]));
/** Who a speech or an appeal is addressed to. */
const AUDIENCE = '(?:各位代表|各位委员|各位委員|同志们|同志們|各位同志|各位领导|各位領導)';
/** A closing appeal (`各位代表、同志们：新的一年…`) opens with its audience. */
const CLOSING = new RegExp(`^(?:\\*\\*)?${AUDIENCE}`);
const CLOSING_START = charClass('*各同');
/** The address at the top of a speech or report, alone on its line: `各位代表：`. */
const ADDRESS = new RegExp(`^${AUDIENCE}[、，,\\s]*(?:${AUDIENCE})?[:：]$`);
/** The occasion under a report's title: `在木棠镇第十七届人民代表大会第五次会议上的报告`. */
const OCCASION = /^在.{2,50}(?:会议|會議|大会|大會)上(?:的(?:报告|報告|讲话|講話|发言|發言))?$/;
const NO_HEADING_PUNCT = /[。！？!?；;，,、：:]/;
/** A label above a section's numbering (`2020年主要工作措施、亮点及成效`) may list with `、`. */
const NO_LABEL_PUNCT = /[。！？!?；;，,：:]/;
const HASHES = /^#+\s*/;
const EMPHASIS = /\*\*/g;

// Web-page and template-site residue (PLAN-FORMAT §3), read only at the top of the text.
/** Metadata fields of government and template sites; a key may have spaces inside (`文 号`). */
const META_KEY = '(?:索\\s*引\\s*号|文\\s*号|发文字号|發文字號|主题分类|主題分類|组配分类|組配分類|公开方式|公開方式|公开范围|公開範圍|公开类别|公開類別|发布机构|發布機構|发文机关|發文機關|成文日期|发文日期|發文日期|发布日期|發布日期|发布时间|發布時間|更新时间|更新時間|时\\s*间|時\\s*間|日\\s*期|来\\s*源|來\\s*源|信息来源|信息來源|作\\s*者|浏览次数|瀏覽次數|浏览量|瀏覽量|点击[量数率]|點擊[量數率]|阅读[量数]|閱讀[量數]|字体大小|字體大小|字\\s*号|字\\s*號|分享到|责任编辑|責任編輯|编\\s*辑|編\\s*輯|关键词|關鍵詞|标\\s*签|標\\s*籤)';
const META_FIELD = new RegExp(`^(?:[-*•·]\\s*)?${META_KEY}\\s*[:：]`);
const BREADCRUMB = /^(?:当前位置|當前位置|您当前的位置|您當前的位置|您的位置|所在位置|首页|首頁)|[^>]{1,20}(?:>|＞|»|›)[^>＞»›]{1,30}(?:>|＞|»|›)/;
const TABLE_ROW = /[|｜].*[|｜]|^[|｜]|[|｜]$/;
const BULLET = /^[-*•·]\s+\S.{0,20}$/;
/** Template-site labels: `【概述】`, `(精选15篇)`, `篇1`, `正文复制`, `---此处隐藏0字,下载后查看---`. */
const SITE_LABEL = /^(?:【[^】]{1,6}】|[（(]精选\d+篇[）)]|篇[0-9一二三四五六七八九十]+|正文(?:复制)?|-{2,}.*-{2,}|回到|顶部|頂部|返回顶部|返回頂部)$/;
/** Words that template and document-sharing sites put in their blurbs; two of them make a blurb. */
const SITE_WORDS = /范文|範文|文库|文庫|会员|會員|下载|下載|分享|搜索|整理|供您参考|供您參考|发表云|發表云|阅读|閱讀|原创|原創|转载|轉載|在线|在線/g;

const HAS_YEAR = /(?:19|20|１９|２０)[0-9０-９]{2}\s*年|[〇零一二三四五六七八九]{4}\s*年/;

export class Lines {
  readonly lines: LineTable;
  readonly kinds: Uint8Array;
  readonly structure: Uint8Array;
  readonly roles: Uint8Array;
  /** Offset after indentation, a `#` run and a leading `**`. */
  readonly bodyStarts: Int32Array;
  readonly markers: (Marker | undefined)[];
  readonly enumerators: (Enumerator | undefined)[];
  /** The plan numbers its headings: at least two lines open with a marker. */
  readonly numbered: boolean;
  readonly residueLines: number[] = [];
  /** Offsets where a new document starts inside the file before the body (after a covering notice). */
  readonly documentStarts: number[] = [];
  /** First line after the front matter and title. */
  firstBodyLine = 0;
  frontMatter?: Span;
  notice?: Span;
  titleSpan?: Span;
  titleText?: string;
  /** Lines that open with a document site's chunk number (`2、`), which is not the plan's text. */
  private readonly chunkLines = new Set<number>();
  /** Last line of each unnumbered heading group and each signature, by its first line. */
  readonly groupEnds = new Map<number, number>();
  private readonly years: CharFinder;
  private readonly stars: CharFinder;

  constructor(readonly text: string) {
    this.lines = LineTable.of(text);
    this.years = new CharFinder(text, '年');
    this.stars = new CharFinder(text, '*');
    const n = this.lines.count;
    this.kinds = new Uint8Array(n);
    this.structure = new Uint8Array(n);
    this.roles = new Uint8Array(n).fill(LineRole.Body);
    this.bodyStarts = new Int32Array(n);
    this.markers = new Array<Marker | undefined>(n);
    this.enumerators = new Array<Enumerator | undefined>(n);
    let markerLines = 0;
    for (let i = 0; i < n; i++) {
      const kind = (this.kinds[i] = this.classify(i));
      if (kind === LineKind.Marker) markerLines++;
      else if (kind === LineKind.Residue) {
        this.residueLines.push(i);
        this.roles[i] = LineRole.Residue;
      } else if (kind === LineKind.Blank) this.roles[i] = LineRole.Blank;
    }
    this.dropChunkNumbers();
    this.numbered = markerLines >= 2;
    this.readFrontMatter();
    this.readStructure();
  }

  get count(): number {
    return this.lines.count;
  }

  /** Reads line `i`'s start into the per-line arrays and returns its kind. */
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
    if (end - contentStart < 40 && inClass(text.charCodeAt(skipWhiteSpace(text, contentStart, end)), RESIDUE_START) && RESIDUE.test(text.slice(contentStart, end).trim())) return LineKind.Residue;
    return LineKind.Text;
  }

  /**
   * Document-sharing sites number their page chunks `1、` `2、` `3、` at line starts, often in the middle
   * of a sentence. Where one such marker interrupts a sentence, the whole series is residue, not headings.
   */
  private dropChunkNumbers(): void {
    let interrupts = false;
    const chunk: number[] = [];
    for (let i = 0; i < this.count; i++) {
      const m = this.markers[i];
      // The series may start past 1: `1、2024年…` is no marker (a digit follows its stop).
      if (!m || m.family !== 'arabic' || m.punctuation !== '、' || (chunk.length > 0 && m.value !== this.markers[chunk[chunk.length - 1]]!.value + 1)) continue;
      chunk.push(i);
      const above = this.previousContent(i - 1);
      if (above >= 0 && (this.kinds[above] === LineKind.Text || this.kinds[above] === LineKind.Marker) && !endsSentence(this.text, this.lines.start(above), this.lines.end(above)) &&
        this.lines.contentEnd(above) - this.lines.contentStart(above) > CHUNK_LINE_MIN) interrupts = true;
    }
    if (!interrupts) return;
    for (const i of chunk) {
      this.chunkLines.add(i);
      const q = (this.bodyStarts[i] = skipSpaces(this.text, this.markers[i]!.span.end, this.lines.end(i)));
      this.markers[i] = undefined;
      this.enumerators[i] = matchEnumerator(this.text.slice(q, q + 24), q);
      this.kinds[i] = this.enumerators[i] ? LineKind.Enumerator : LineKind.Text;
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** Next line at or after `i` that is neither blank nor page residue, or -1. */
  nextContent(i: number): number {
    for (let j = i; j < this.count; j++) {
      const k = this.kinds[j];
      if (k !== LineKind.Blank && k !== LineKind.Residue) return j;
    }
    return -1;
  }

  /** Last line at or before `i` that is neither blank nor page residue, or -1. */
  previousContent(i: number): number {
    for (let j = i; j >= 0; j--) {
      const k = this.kinds[j];
      if (k !== LineKind.Blank && k !== LineKind.Residue) return j;
    }
    return -1;
  }

  lineText(i: number): string {
    return this.text.slice(this.lines.contentStart(i), this.lines.contentEnd(i));
  }

  contentLength(i: number): number {
    return this.lines.contentEnd(i) - this.lines.contentStart(i);
  }

  endsSentence(i: number): boolean {
    return endsSentence(this.text, this.lines.start(i), this.lines.end(i));
  }

  cleanTitle(s: string): string {
    // Most lines carry no `#` or `*`: nothing to remove but white space.
    if (s.charCodeAt(0) !== HASH && s.indexOf('*') < 0) return s.trim();
    return s.replace(HASHES, '').replace(EMPHASIS, '').trim();
  }

  /** Where line `k`'s text starts when it goes on with the paragraph above: after a chunk number, if it has one. */
  continuationStart(k: number): number {
    return this.chunkLines.size > 0 && this.chunkLines.has(k) ? this.bodyStarts[k] : this.lines.contentStart(k);
  }

  /**
   * The paragraph-end rule: whether line `i`, which does not end a sentence, runs on into the next
   * line of text (extraction broke the sentence, perhaps across blank lines or page residue).
   */
  runsOn(i: number): number {
    if (this.endsSentence(i)) return -1;
    const next = this.nextContent(i + 1);
    if (next < 0 || this.kinds[next] !== LineKind.Text || this.structure[next] !== Structure.None) return -1;
    return next;
  }

  /** Whether line `i` opens the closing appeal (`各位代表…`); most lines fail on their first character. */
  private closes(i: number): boolean {
    return inClass(this.text.charCodeAt(this.lines.contentStart(i)), CLOSING_START) && CLOSING.test(this.lineText(i));
  }

  // ---- front matter ----------------------------------------------------------------------------

  /**
   * The top of the text: web-page residue, a covering notice, the title (perhaps repeated), a speech's
   * byline, occasion and address. The body starts at the first line that is none of these.
   */
  private readFrontMatter(): void {
    let i = this.nextContent(0);
    let frontFirst = -1;
    let frontLast = -1;
    const front = (first: number, last: number, role: LineRole) => {
      for (let j = first; j <= last; j++) if (this.kinds[j] !== LineKind.Blank && this.kinds[j] !== LineKind.Residue) this.roles[j] = role;
      if (!this.titleSpan) {
        if (frontFirst < 0) frontFirst = first;
        frontLast = last;
      }
    };
    // A huge table at the top is read no further than this: past it, whatever follows is body.
    for (let residue = 0; i >= 0 && residue < FRONT_MATTER_LINES; residue++) {
      if (this.kinds[i] !== LineKind.Text) break;
      const notice = this.noticeTitle(i);
      if (notice >= 0) {
        const end = this.noticeEnd(notice);
        front(i, end, LineRole.Notice);
        this.notice = { start: this.lines.contentStart(i), end: this.lines.contentEnd(end) };
        i = this.nextContent(end + 1);
        if (i >= 0) this.documentStarts.push(this.lines.contentStart(i));
        continue;
      }
      if (this.isWebResidue(i) || ADDRESS.test(this.lineText(i)) || OCCASION.test(this.lineText(i))) {
        front(i, i, LineRole.FrontMatter);
        i = this.nextContent(i + 1);
        continue;
      }
      if (!this.titleSpan) {
        const end = this.titleEnd(i, true);
        if (end >= 0) {
          this.setTitle(i, end);
          i = this.nextContent(end + 1);
          continue;
        }
        if (!this.numbered && this.isHeadingCandidate(i)) {
          // A headline and its subtitle at the top of an unnumbered article.
          const last = this.headingGroupEnd(i);
          this.setTitle(i, last);
          i = this.nextContent(last + 1);
          continue;
        }
        if (this.isBlurb(i) && this.titleAhead(i)) {
          front(i, i, LineRole.FrontMatter);
          i = this.nextContent(i + 1);
          continue;
        }
      } else if (this.repeatsTitle(i) || (this.numbered && this.isByline(i))) {
        front(i, i, LineRole.FrontMatter);
        i = this.nextContent(i + 1);
        continue;
      }
      break;
    }
    if (frontFirst >= 0) this.frontMatter = { start: this.lines.contentStart(frontFirst), end: this.lines.contentEnd(frontLast) };
    this.firstBodyLine = i < 0 ? this.count : i;
  }

  /** A line of web-page or template-site residue: metadata fields, table rows, breadcrumbs, labels, bullets. */
  private isWebResidue(i: number): boolean {
    const s = this.lineText(i);
    if (META_FIELD.test(s) || TABLE_ROW.test(s) || SITE_LABEL.test(s)) return true;
    if (s.length <= 60 && !NO_LABEL_PUNCT.test(s.replace(/[:：]/g, '')) && BREADCRUMB.test(s)) return true;
    if (BULLET.test(s)) return true;
    // A line that holds two metadata fields anywhere: `日期:2022-11-25   来源:  长沙县星沙街道`.
    return fieldCount(s) >= 2;
  }

  /** A template site's blurb: a sentence that says where the text was shared (two of its words). */
  private isBlurb(i: number): boolean {
    const words = new Set(this.lineText(i).match(SITE_WORDS) ?? []);
    return words.size >= 2;
  }

  /** Whether a title or a heading comes within the next few lines: a blurb stands above one. */
  private titleAhead(i: number): boolean {
    for (let j = this.nextContent(i + 1), seen = 0; j >= 0 && seen < 3; j = this.nextContent(j + 1), seen++) {
      if (this.kinds[j] === LineKind.Marker || this.titleEnd(j, true) >= 0) return true;
    }
    return false;
  }

  private repeatsTitle(i: number): boolean {
    return !!this.titleText && this.cleanTitle(this.lineText(i)).replace(/\s+/g, '').endsWith(this.titleText.replace(/\s+/g, ''));
  }

  /** A short line under a title with no sentence in it: a subtitle, byline, date or source; not a part or a label over the numbering. */
  private isByline(i: number): boolean {
    const s = this.lineText(i);
    return s.length <= 40 && !NO_HEADING_PUNCT.test(s.replace(/[:：]/g, '')) && !this.closes(i) && !this.opensPart(i) && !this.labelsNumbering(i);
  }

  /**
   * The last line of a document title that starts on line `i`, or -1. A title may be set on up to three
   * short lines (`中共XX街道工作委员会` / `XX街道办事处` / `2024年工作计划`), read as one.
   */
  titleEnd(i: number, atTop = false): number {
    if (this.kinds[i] !== LineKind.Text) return -1;
    if (this.titleLike(i, atTop)) return i;
    let joined = this.cleanTitle(this.lineText(i));
    for (let j = i + 1; j < i + TITLE_LINES && j < this.count && this.kinds[j] === LineKind.Text; j++) {
      if (joined.length > 30 || this.endsSentence(j - 1)) return -1;
      joined += this.cleanTitle(this.lineText(j));
      if (looksLikeTitle(joined)) return j;
    }
    return -1;
  }

  /**
   * `looksLikeTitle` of line `i`, cleaned. A title names its year (`年`) and has at most 60 characters;
   * cleaning only removes `#`, `**` and surrounding space, so most lines are answered without cleaning.
   */
  titleLike(i: number, atTop = false): boolean {
    const start = this.lines.contentStart(i);
    const end = this.lines.contentEnd(i);
    if (!atTop && this.years.next(start) >= end) return false;
    // `*` is found ahead in the text, not searched for in each line; cleaning removes `#` only at the
    // start. Without either the cleaned text is the trimmed line, whose length is counted in place.
    if (end - start > TITLE_MAX && this.stars.next(start) >= end && this.text.charCodeAt(start) !== HASH && this.trimmedLength(i) > TITLE_MAX) return false;
    return looksLikeTitle(this.cleanTitle(this.lineText(i)), atTop);
  }

  /** `lineText(i).trim().length`, without the text. */
  private trimmedLength(i: number): number {
    const start = skipWhiteSpace(this.text, this.lines.contentStart(i), this.lines.contentEnd(i));
    let end = this.lines.contentEnd(i);
    while (end > start && isWhiteSpaceCode(this.text.charCodeAt(end - 1))) end--;
    return end - start;
  }

  /**
   * The line of a covering notice's title (`关于印发…的通知`) at the top of the text, from line `i`
   * on, or -1. Letterhead, document number and issuers may come first: short lines, no sentences.
   */
  private noticeTitle(i: number): number {
    for (let j = i, seen = 0; j >= 0 && seen < NOTICE_HEAD_LINES; j = this.nextContent(j + 1), seen++) {
      if (this.kinds[j] !== LineKind.Text) return -1;
      const line = this.lineText(j);
      if (this.lastCode(j) === ZHI && NOTICE.test(line.replace(/\s+/g, ''))) return j;
      if (line.length > 40 || this.endsSentence(j) || this.titleLike(j)) return -1;
    }
    return -1;
  }

  /** The last line of a notice whose title is on line `notice`: its date, or the remark under it. */
  private noticeEnd(notice: number): number {
    let end = notice;
    for (let j = notice, seen = 0; j >= 0 && seen < NOTICE_MAX_LINES; j = this.nextContent(j + 1), seen++) {
      if (j > notice && this.titleLike(j) && !ATTACHMENT.test(this.lineText(j))) break;
      if (this.kinds[j] !== LineKind.Text) break;
      end = j;
      if (this.isDate(j)) {
        const remark = this.nextContent(j + 1);
        if (remark >= 0 && this.kinds[remark] === LineKind.Text && NOTICE_REMARK.test(this.lineText(remark))) end = remark;
        break;
      }
    }
    return end;
  }

  private setTitle(first: number, last: number): void {
    this.titleSpan = { start: this.lines.contentStart(first), end: this.lines.contentEnd(last) };
    const parts: string[] = [];
    for (let j = first; j <= last; j++) {
      if (this.kinds[j] !== LineKind.Text) continue;
      parts.push(this.cleanTitle(this.lineText(j)));
      this.roles[j] = LineRole.Title;
    }
    this.titleText = parts.join(' ');
  }

  // ---- body structure ----------------------------------------------------------------------------

  /**
   * Marks the lines of the body that are not prose: parts, closing appeals, signatures, titles of
   * appended documents, then unnumbered headings. Whether a standalone short line heads a section
   * depends on whether its own document numbers its headings: files join plans of both kinds.
   */
  private readStructure(): void {
    for (let i = this.firstBodyLine; i < this.count; i++) {
      if (this.kinds[i] !== LineKind.Text || this.structure[i] !== Structure.None || !this.mayBeStructure(i)) continue;
      if (this.closes(i)) {
        // An address alone on its line (`各位代表：`) is no appeal: a speech begins after it.
        if (ADDRESS.test(this.lineText(i))) this.roles[i] = LineRole.FrontMatter;
        else this.structure[i] = Structure.Closing;
      } else if (this.opensPart(i)) this.structure[i] = Structure.Part;
      else if (this.startsDocument(i)) this.structure[i] = Structure.DocumentTitle;
      else this.signatureAt(i);
    }
    const numbered = this.numberedDocuments();
    for (let i = this.firstBodyLine; i < this.count; i++) {
      if (this.kinds[i] !== LineKind.Text || this.structure[i] !== Structure.None || !this.isHeadingCandidate(i)) continue;
      if (numbered[i]) {
        if (this.labelsNumbering(i)) this.structure[i] = Structure.Label;
        // A slogan or headline standing alone, which a numbered plan does not take for a heading.
        else this.roles[i] = LineRole.Headline;
        continue;
      }
      const last = this.headingGroupEnd(i);
      if (this.nextContent(last + 1) < 0) {
        this.roles[i] = LineRole.Headline;
        continue;
      }
      this.structure[i] = Structure.Unnumbered;
      this.groupEnds.set(i, last);
      for (let j = i + 1; j <= last; j++) if (this.kinds[j] === LineKind.Text) this.structure[j] = Structure.Unnumbered;
      i = last;
    }
  }

  /**
   * Whether line `i` has what a closing appeal, a part, an appended title or a signature needs at
   * least (`closes`, `opensPart`, `startsDocument`, `signatureAt`). Most lines have none of it, and are
   * answered here in a few reads instead of a dozen calls: the loop over all lines measured 5 % of a parse.
   */
  private mayBeStructure(i: number): boolean {
    const text = this.text;
    const start = this.lines.contentStart(i);
    const end = this.lines.contentEnd(i);
    const length = end - start;
    if (inClass(text.charCodeAt(start), CLOSING_START)) return true;
    if (length <= 40 && inClass(text.charCodeAt(this.bodyStarts[i]), PART_START)) return true;
    if (length <= SIGNATURE_ISSUER_MAX * 2 + SIGNATURE_DATE_MAX) {
      // A signature's first line is its date (`lastCode` is `日`: content ends in it, or in rare white space) or an issuer.
      const last = text.charCodeAt(end - 1);
      if (last === DAY || isWhiteSpaceCode(last) || (length <= SIGNATURE_ISSUER_MAX && inClass(last, ISSUER_ENDS))) return true;
    }
    // A title names its year.
    return i > this.firstBodyLine && this.years.next(start) < end;
  }

  /**
   * For each line, whether the document it belongs to numbers its headings (two marker lines or more).
   * A document ends at a closing appeal, a signature or the title of the next one.
   */
  private numberedDocuments(): Uint8Array {
    const numbered = new Uint8Array(this.count);
    let from = 0;
    let markers = 0;
    for (let i = 0; i <= this.count; i++) {
      const s = i < this.count ? this.structure[i] : Structure.None;
      const ends = i === this.count || s === Structure.Closing || s === Structure.DocumentTitle || (s === Structure.Signature && this.structure[i - 1] !== Structure.Signature);
      if (ends) {
        numbered.fill(markers >= 2 ? 1 : 0, from, i);
        from = i;
        markers = 0;
      }
      if (i < this.count && this.kinds[i] === LineKind.Marker) markers++;
    }
    return numbered;
  }

  /**
   * Whether line `i` starts a signature (issuer lines, then a date alone on its line) and marks it.
   * Mid-document it ends one plan of several joined; at the end it signs the plan.
   */
  private signatureAt(i: number): boolean {
    // Most lines are longer than any issuer or date: answered before any text is built.
    if (this.contentLength(i) > SIGNATURE_ISSUER_MAX * 2 + SIGNATURE_DATE_MAX) return false;
    if (this.signsOnOneLine(i)) {
      this.structure[i] = Structure.Signature;
      this.roles[i] = LineRole.Signature;
      this.groupEnds.set(i, i);
      return true;
    }
    if (this.contentLength(i) > SIGNATURE_ISSUER_MAX) return false;
    let date = i;
    // Up to two issuer lines above the date: joint issuers are often signed one per line.
    for (let n = 0; n < 3 && date >= 0 && this.kinds[date] === LineKind.Text; n++) {
      if (this.contentLength(date) <= SIGNATURE_DATE_MAX && this.isDate(date)) break;
      if (n === 2 || this.contentLength(date) > SIGNATURE_ISSUER_MAX || !this.isIssuer(date)) return false;
      date = this.nextContent(date + 1);
    }
    if (date < 0 || this.kinds[date] !== LineKind.Text || this.contentLength(date) > SIGNATURE_DATE_MAX || !this.isDate(date)) return false;
    // A bare date signs only at the end of the text; mid-document it needs its issuer.
    if (date === i && this.nextContent(date + 1) >= 0) return false;
    for (let j = i; j <= date; j++) {
      if (this.kinds[j] !== LineKind.Text) continue;
      this.structure[j] = Structure.Signature;
      this.roles[j] = LineRole.Signature;
    }
    this.groupEnds.set(i, date);
    return true;
  }

  /** Issuers and date on one line: `中共某街道工作委员会 某街道办事处 2025年2月5日`. */
  private signsOnOneLine(i: number): boolean {
    // Most short lines do not end in `日`: answered before the date pattern is tried at each of their characters.
    if (this.lastCode(i) !== DAY) return false;
    const s = this.lineText(i);
    const date = DATE_LINE.exec(s);
    if (!date) return false;
    const issuers = s.slice(0, date.index).trim();
    return issuers.length > 0 && !NO_HEADING_PUNCT.test(issuers) && ISSUER.test(issuers);
  }

  /** Whether line `i` names a part of the plan or an attachment, on a short line of its own. */
  private opensPart(i: number): boolean {
    // Most lines fail on their first character, before any text is built.
    if (!inClass(this.text.charCodeAt(this.bodyStarts[i]), PART_START) || this.contentLength(i) > 40) return false;
    return PART.test(this.cleanTitle(this.lineText(i))) && this.standsAlone(i);
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
    return this.endsSentence(above) || this.contentLength(above) <= 20;
  }

  /** A short standalone line with no sentence punctuation, between blank lines. */
  isHeadingCandidate(i: number): boolean {
    if (i < 0 || this.kinds[i] !== LineKind.Text) return false;
    if (i > 0 && this.kinds[i - 1] !== LineKind.Blank) return false;
    if (i + 1 >= this.count || this.kinds[i + 1] !== LineKind.Blank) return false;
    // A line this long holds more than UNNUMBERED_MAX visible characters, whatever its spaces and quotes: no text need be built.
    if (this.contentLength(i) > UNNUMBERED_MAX * 4) return false;
    const t = this.cleanTitle(this.lineText(i));
    const n = visibleLength(t, UNNUMBERED_MAX);
    return n >= UNNUMBERED_MIN && n <= UNNUMBERED_MAX && !NO_HEADING_PUNCT.test(t);
  }

  /** The last line of the group of heading candidates from line `i`: lines one blank line apart (two or more part groups). */
  private headingGroupEnd(i: number): number {
    let last = i;
    for (let j = this.nextContent(i + 1); j >= 0 && j - last <= 2 && this.structure[j] === Structure.None && this.isHeadingCandidate(j) && !this.signatureLine(j); j = this.nextContent(j + 1)) last = j;
    return last;
  }

  /** Whether line `i` ends in a date (`2024年1月12日`); most lines do not end in `日`, and no text is built for them. */
  private isDate(i: number): boolean {
    return this.lastCode(i) === DAY && DATE_LINE.test(this.lineText(i));
  }

  /** The code of line `i`'s last character before white space (as `\s` knows it): what DATE_LINE and NOTICE end with. */
  private lastCode(i: number): number {
    const start = this.lines.contentStart(i);
    let end = this.lines.contentEnd(i);
    while (end > start && isWhiteSpaceCode(this.text.charCodeAt(end - 1))) end--;
    return this.text.charCodeAt(end - 1);
  }

  /** Whether line `i` ends in an issuer's name (`…街道办事处`). */
  private isIssuer(i: number): boolean {
    return inClass(this.text.charCodeAt(this.lines.contentEnd(i) - 1), ISSUER_ENDS) && ISSUER.test(this.lineText(i));
  }

  private signatureLine(i: number): boolean {
    return this.contentLength(i) <= SIGNATURE_DATE_MAX && this.isDate(i);
  }

  /**
   * In a numbered plan, a short standalone line right above a first marker (`2020年主要工作措施、亮点及成效`
   * / `一、…`, `社区系统` / `1. …`) labels the numbering under it: a section without a number.
   */
  private labelsNumbering(i: number): boolean {
    // The marker below first: most standalone lines have none, and their text is not read.
    const next = this.nextContent(i + 1);
    if (next < 0 || this.kinds[next] !== LineKind.Marker || this.markers[next]!.value !== 1) return false;
    const t = this.cleanTitle(this.lineText(i));
    return !NO_LABEL_PUNCT.test(t) && !(HAS_YEAR.test(t) && looksLikeTitle(t));
  }
}

function skipSpaces(s: string, p: number, end: number): number {
  while (p < end && isSpaceCode(s.charCodeAt(p))) p++;
  return p;
}

/** Skips white space as `trim` knows it. */
function skipWhiteSpace(s: string, p: number, end: number): number {
  while (p < end && isWhiteSpaceCode(s.charCodeAt(p))) p++;
  return p;
}

const FIELD_ANYWHERE = new RegExp(`${META_KEY}\\s*[:：]`, 'g');

/** How many metadata fields (`来源:`) a line holds. */
function fieldCount(s: string): number {
  // A field ends in a colon: a line without one is not searched for keys at every character.
  if (s.indexOf(':') < 0 && s.indexOf('：') < 0) return 0;
  FIELD_ANYWHERE.lastIndex = 0;
  let n = 0;
  while (FIELD_ANYWHERE.test(s)) n++;
  return n;
}
