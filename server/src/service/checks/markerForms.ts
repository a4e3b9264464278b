// Writing markers: a marker's canonical form, its numeral with a new value, its brackets in another
// width. Shared by the numbering diagnostics, their fixes and the whole-document renumber.
import { isCapitalNumeral, toChineseNumeral } from '../parse/markers';
import { Enumerator, Marker, MarkerFamily, OutlineModel } from '../model';

/** A replacement of `[start, end)` in the document text (UTF-16 offsets). */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export type Width = 'full' | 'half';

/** Punctuation GB/T 15834 B.3 puts after each kind of marker. */
export const CANONICAL_PUNCTUATION: Record<MarkerFamily, string> = {
  cn: '、', cnParen: '', arabic: '.', arabicHalfParen: '', arabicParen: '', circled: '',
};

const FULL_OPEN = '（';
const FULL_CLOSE = '）';
const HALF_OPEN = '(';
const HALF_CLOSE = ')';

export function bracketWidth(b: string): Width {
  return b === FULL_OPEN || b === FULL_CLOSE ? 'full' : 'half';
}

/**
 * The bracket width the document's markers should use: `workplan.markerWidth`, or under `auto` the
 * width most of its bracket pairs are written in (a tie goes by the prose, proseWidth). Compatibility glyphs and
 * mismatched pairs take no part: they are the faults.
 */
export function documentWidth(model: OutlineModel, setting: Width | 'auto'): Width {
  if (setting === 'full' || setting === 'half') return setting;
  let full = 0;
  let half = 0;
  for (const n of model.nodes) {
    const m = n.marker;
    if (!m || m.compat || !m.open || !m.close || bracketWidth(m.open) !== bracketWidth(m.close)) continue;
    if (bracketWidth(m.open) === 'full') full++;
    else half++;
  }
  return half !== full ? (half > full ? 'half' : 'full') : proseWidth(model.text);
}

/**
 * The width the markers cannot decide (as many of either, `(一)` and `（二）`) is the width of the
 * document's own brackets, else of its commas: a plan typed with `,` and `(` writes its markers so.
 * The markers' own brackets count alike on both sides.
 */
function proseWidth(text: string): Width {
  let brackets = 0;
  let commas = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff08 || c === 0xff09) brackets++;
    else if (c === 0x28 || c === 0x29) brackets--;
    else if (c === 0xff0c) commas++;
    else if (c === 0x2c) commas--;
  }
  return (brackets || commas) < 0 ? 'half' : 'full';
}

export function openBracket(w: Width): string {
  return w === 'full' ? FULL_OPEN : HALF_OPEN;
}

export function closeBracket(w: Width): string {
  return w === 'full' ? FULL_CLOSE : HALF_CLOSE;
}

/** The family of each standard level. */
export const FAMILY_OF_LEVEL: Record<number, MarkerFamily> = { 1: 'cn', 2: 'cnParen', 3: 'arabic', 4: 'arabicParen', 5: 'circled' };

/** ① … ㊿ for 1 … 50. */
export function circledGlyph(n: number): string | undefined {
  if (n >= 1 && n <= 20) return String.fromCodePoint(0x2460 + n - 1);
  if (n >= 21 && n <= 35) return String.fromCodePoint(0x3251 + n - 21);
  if (n >= 36 && n <= 50) return String.fromCodePoint(0x32b1 + n - 36);
  return undefined;
}

/** The numeral of a family as written: 三, 3, ③. */
function numeral(family: MarkerFamily, value: number): string {
  if (family === 'cn' || family === 'cnParen') return toChineseNumeral(value);
  if (family === 'circled') return circledGlyph(value) ?? String(value);
  return String(value);
}

/** A marker written out in a given style: `（三）`, `3.`, `三、`. */
export function formatMarker(family: MarkerFamily, value: number, style: { open?: string; close?: string; punctuation: string }): string {
  const n = numeral(family, value);
  if (family === 'cnParen' || family === 'arabicParen') return (style.open ?? FULL_OPEN) + n + (style.close ?? FULL_CLOSE) + style.punctuation;
  if (family === 'arabicHalfParen') return n + (style.close ?? HALF_CLOSE) + style.punctuation;
  return n + style.punctuation;
}

/** The standard form of a marker's family and value, brackets in `width`. */
export function canonicalMarker(family: MarkerFamily, value: number, width: Width): string {
  return formatMarker(family, value, { open: openBracket(width), close: closeBracket(width), punctuation: CANONICAL_PUNCTUATION[family] });
}

const NUMERAL_RUN = /[一二三四五六七八九十〇零两壹贰貳叁參肆伍陆陸柒捌玖拾]+|[0-9０-９]+/;

/** Compatibility glyphs whose value runs from 1 at `from`. */
const GLYPH_RANGES: { from: number; to: number }[] = [
  { from: 0x3220, to: 0x3229 }, // ㈠..㈩
  { from: 0x2474, to: 0x2487 }, // ⑴..⒇
  { from: 0x2488, to: 0x249b }, // ⒈..⒛
];

function glyphWithValue(glyph: string, value: number): string | undefined {
  const cp = glyph.codePointAt(0)!;
  if ((cp >= 0x2460 && cp <= 0x2473) || (cp >= 0x3251 && cp <= 0x325f) || (cp >= 0x32b1 && cp <= 0x32bf)) return circledGlyph(value);
  const range = GLYPH_RANGES.find((r) => cp >= r.from && cp <= r.to);
  if (!range || value < 1 || range.from + value - 1 > range.to) return undefined;
  return String.fromCodePoint(range.from + value - 1);
}

/**
 * The smallest edit that gives a marker or run-in a new value, keeping how it is written
 * (brackets, punctuation, glyph). A glyph with no counterpart for the value becomes the standard form.
 */
export function renumberEdit(item: Marker | Enumerator, value: number, width: Width): OffsetEdit | undefined {
  const start = item.span.start;
  if ('family' in item && (item.compat || item.family === 'circled')) {
    const glyph = String.fromCodePoint(item.text.codePointAt(0)!);
    const next = glyphWithValue(glyph, value);
    if (next === glyph) return undefined;
    return { start, end: start + glyph.length, newText: next ?? canonicalMarker(item.family, value, width) };
  }
  const m = NUMERAL_RUN.exec(item.text);
  if (!m) return undefined;
  const newText = writtenLike(m[0], value);
  if (newText === m[0]) return undefined;
  return { start: start + m.index, end: start + m.index + m[0].length, newText };
}

/** `value` in the numerals of `numeral`: ASCII or full-width digits, Chinese numerals plain or in capitals. */
function writtenLike(numeral: string, value: number): string {
  const c = numeral.charCodeAt(0);
  if (c >= 0xff10 && c <= 0xff19) return String(value).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
  if (c >= 0x30 && c <= 0x39) return String(value);
  return toChineseNumeral(value, isCapitalNumeral(numeral));
}

/** `text` of an item with edits (given in document offsets inside the item) applied. */
export function applyToItem(item: { text: string; span: { start: number } }, edits: OffsetEdit[]): string {
  let s = item.text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) {
    s = s.slice(0, e.start - item.span.start) + e.newText + s.slice(e.end - item.span.start);
  }
  return s;
}

/** `text` with non-overlapping edits applied. */
export function applyEdits(text: string, edits: OffsetEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

/**
 * Edits of `original` that make what `first` then `second` make: `second` edits `between`, the text
 * `first` gave. Edits of both that meet become one, and one that changes nothing in the end is dropped.
 */
export function composeEdits(original: string, first: readonly OffsetEdit[], between: string, second: readonly OffsetEdit[]): OffsetEdit[] {
  type Span = { start: number; end: number; first?: OffsetEdit; second?: OffsetEdit };
  const spans: Span[] = [];
  let grown = 0;
  for (const e of [...first].sort((a, b) => a.start - b.start)) {
    spans.push({ start: e.start + grown, end: e.start + grown + e.newText.length, first: e });
    grown += e.newText.length - (e.end - e.start);
  }
  for (const e of second) spans.push({ start: e.start, end: e.end, second: e });
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: OffsetEdit[] = [];
  /** Offset in `original` minus offset in `between`, past the spans done. */
  let shift = 0;
  for (let k = 0; k < spans.length;) {
    const start = spans[k].start;
    let end = spans[k].end;
    let firstShift = 0;
    const seconds: OffsetEdit[] = [];
    for (; k < spans.length && spans[k].start <= end; k++) {
      const s = spans[k];
      end = Math.max(end, s.end);
      if (s.first) firstShift += s.first.end - s.first.start - s.first.newText.length;
      else seconds.push({ start: s.start - start, end: s.end - start, newText: s.second!.newText });
    }
    const edit = { start: start + shift, end: end + shift + firstShift, newText: applyEdits(between.slice(start, end), seconds) };
    shift += firstShift;
    if (original.slice(edit.start, edit.end) !== edit.newText) out.push(edit);
  }
  return out;
}
