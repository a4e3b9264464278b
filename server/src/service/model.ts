// The outline model: what the parser recovers from a plan. Offsets are UTF-16 code units into the
// document text (JavaScript string indices), which is what LSP positions count.
import type { LineTable } from './text/lines';

export interface Span {
  start: number;
  end: number;
}

/**
 * Marker families of GB/T 9704 plus the habits seen in plans. `rank` orders them:
 * cn 一、=1, cnParen （一）=2, arabic 1.=3, arabicHalfParen 1)=3.5, arabicParen （1）=4, circled ①=5.
 */
export type MarkerFamily = 'cn' | 'cnParen' | 'arabic' | 'arabicHalfParen' | 'arabicParen' | 'circled';

export interface Marker {
  family: MarkerFamily;
  /** The marker exactly as written, e.g. `(三)`, `一．`, `（1）、`, `㈠`. */
  text: string;
  span: Span;
  value: number;
  /** Punctuation written after the numeral or bracket (`、`, `.`, `．`, `，`, ``). */
  punctuation: string;
  /** Brackets as written, `(`/`）` etc.; empty for families without brackets. */
  open: string;
  close: string;
  /** Written with a compatibility glyph such as ㈠ ⑴ ⒈. */
  compat: boolean;
}

/** `一是` / `第一，` / `首先` run-in enumerations. */
export interface Enumerator {
  series: 'shi' | 'di' | 'ordinal';
  text: string;
  span: Span;
  /** 1-based position in its series; 首先=1, 其次=2, 再次=3, 最后=Infinity-like 0. */
  value: number;
  punctuation: string;
}

export type NodeKind = 'heading' | 'unnumbered' | 'enumeration' | 'measure';

export interface OutlineNode {
  kind: NodeKind;
  /** Depth in the tree, 1 for top-level sections. */
  depth: number;
  /** Standard level of the marker family (1..5, 3.5 for `1)`), 0 when the node has no marker. */
  rank: number;
  marker?: Marker;
  enumerator?: Enumerator;
  /** Title without `#`, `**` and the marker. */
  title: string;
  titleSpan: Span;
  /** Marker (or run-in) through the end of the title: what a user calls the heading. */
  headingSpan: Span;
  /** The whole section: heading, body and children, without trailing blank lines. */
  span: Span;
  /** Body text that belongs to this node itself (not to children), used by matching. */
  bodySpans: Span[];
  /** 0-based line of the heading's first character. */
  line: number;
  children: OutlineNode[];
  parent?: OutlineNode;
}

export interface DocumentMetadata {
  /** Street, town or township, e.g. 华阳路街道, 五角场街道, 某某镇. */
  place?: string;
  district?: string;
  year?: number;
  kind?: '计划' | '要点' | '总结' | '其他';
  /** The document title as written (without decoration), if one was found. */
  title?: string;
}

/** Extraction damage the parser noticed while reading (PLAN-FORMAT §3). */
export interface ParseProblem {
  code: 'heading.split' | 'heading.merged';
  span: Span;
  /** Where the fix acts: for heading.split the line break to join, for heading.merged the gap to split at. */
  fixSpan: Span;
}

/**
 * What each line of a plan is, as the parser read it: the text checks leave alone what is not prose
 * (web-page residue, titles, headlines, tables, signatures), and features can ask without parsing again.
 */
export const LineRole = {
  Blank: 0,
  /** Web-page or template residue before the title: metadata rows, breadcrumbs, `【概述】`, an address `各位代表：`. */
  FrontMatter: 1,
  /** The covering notice: its title, number, addressees, `现将…印发`, issuer and date. */
  Notice: 2,
  /** The document title (up to three lines). */
  Title: 3,
  /** A slogan or headline standing alone (`凝心聚力 实干笃行`): not a heading, not a sentence. */
  Headline: 4,
  /** `第二部分　主要任务`, `附件：…`. */
  Part: 5,
  /** A line that opens a numbered or unnumbered heading. */
  Heading: 6,
  Body: 7,
  /** A table row (`|` between cells). */
  Table: 8,
  /** The closing appeal (`各位代表、同志们…`). */
  Closing: 9,
  /** The issuer and date that sign the plan. */
  Signature: 10,
  /** Page residue: `(上接1版)`, `- 3 -`, `第 4 页`. */
  Residue: 11,
} as const;
export type LineRole = (typeof LineRole)[keyof typeof LineRole];

export interface OutlineModel {
  text: string;
  lines: LineTable;
  /** The role of each line (`LineRole`), by line number. */
  lineRoles: Uint8Array;
  /** Top-level nodes in document order. */
  roots: OutlineNode[];
  /** Every node in document order (pre-order). */
  nodes: OutlineNode[];
  /** The document title line(s), the covering notice, the closing appeal: not sections. */
  frontMatter?: Span;
  titleSpan?: Span;
  backMatter?: Span;
  /** The issuer and date that sign the plan (`XX街道办事处` / `2024年1月12日`), the end of the back matter. */
  signature?: Span;
  /** Offsets where a new document starts inside the file (a notice's attachment, an appended article). */
  documentStarts: number[];
  /** Lines of page residue (`(上接1版)`, `- 3 -`, `第 4 页，共 6 页`), in order: not the plan's text. */
  residueLines: number[];
  metadata: DocumentMetadata;
  problems: ParseProblem[];
}
