// Character classes shared by the parser and the features.

/** Ideographs: CJK Unified (and Extension A) and the compatibility block. */
export const CJK_RANGES: readonly (readonly [number, number])[] = [[0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff]];
/** The same ranges for a regular expression's character class. */
export const CJK = CJK_RANGES.map(([a, b]) => `\\u${a.toString(16)}-\\u${b.toString(16)}`).join('');
const CJK_CHAR = new RegExp(`[${CJK}]`);

/** Whether the UTF-16 code `c` is an ideograph of the `CJK` ranges. */
export function isCjkCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/** Whether `s` holds at least one ideograph. */
export function hasCjk(s: string): boolean {
  return CJK_CHAR.test(s);
}

/**
 * Whitespace as it appears in pasted plans, by UTF-16 code: ASCII space and tab, the form feed
 * pdftotext and Word leave at a page break (and the vertical tab), ideographic space, no-break space, BOM.
 */
export function isSpaceCode(c: number): boolean {
  return c <= 0x20 ? c === 0x20 || c === 0x09 || c === 0x0c || c === 0x0b : c === 0x3000 || c === 0xa0 || c === 0xfeff;
}

/** White space as `\s` and `String.prototype.trim` know it, by UTF-16 code. */
export function isWhiteSpaceCode(c: number): boolean {
  return c <= 0x20
    ? c === 0x20 || (c >= 0x09 && c <= 0x0d)
    : c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

export function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpaceCode(s.charCodeAt(i))) return false;
  return true;
}

/**
 * Character classes by UTF-16 code, a bit each in one table: scans that read per character look a
 * code up instead of comparing it with a list or hashing it into a set.
 */
const CLASSES = new Int32Array(0x10000);
let classCount = 0;

/** A new class holding `chars` (BMP characters). */
export function charClass(chars: Iterable<string>): number {
  if (classCount === 32) throw new Error('charClass: the table has room for 32 classes');
  const bit = 1 << classCount++;
  for (const c of chars) CLASSES[c.charCodeAt(0)] |= bit;
  return bit;
}

/** Whether code `c` is in class `cls`; NaN (read past the end of a text) is in none. */
export function inClass(c: number, cls: number): boolean {
  // `& 0xffff` keeps the index a small integer: a NaN key would turn the table's look-up generic (slow) at every caller.
  return (CLASSES[c & 0xffff] & cls) !== 0;
}

/** The classes of code `c` as bits, for a scan that tells several classes apart with one look-up. */
export function classesOf(c: number): number {
  return CLASSES[c & 0xffff];
}

const SPACES = ' \t\f\v\u3000\u00a0\ufeff';
const CLOSERS = '”’」』"\')）】》*';
/** What `visibleLength` skips: spaces, closing and opening quotes and brackets, `*`. */
export const INVISIBLE = charClass(SPACES + CLOSERS + '“‘「『(（【《');
/** What may follow a sentence end on its line, and the sentence ends. */
const AFTER_END = charClass(SPACES + CLOSERS);
const SENTENCE_END = charClass('。！？!?；;：:…');

/** Whether the line `s[start, end)` ends a sentence, so the next line starts a new paragraph. */
export function endsSentence(s: string, start: number, end: number): boolean {
  let i = end - 1;
  while (i >= start && inClass(s.charCodeAt(i), AFTER_END)) i--;
  return i >= start && (inClass(s.charCodeAt(i), SENTENCE_END) || isPeriodStop(s, i));
}

/** Closing quotes and brackets, after which a `.` may end a sentence. */
const STOP_AFTER = charClass('”’」』"\')）】》');

/**
 * Whether the `.` at `i` stands for `。`, as in plans typed with half-width punctuation
 * (`…惠及居民1100余户.`): after an ideograph or a closing quote, not before a letter or digit
 * (`No.1`, `3.15`, `7.0版` are not stops).
 */
export function isPeriodStop(s: string, i: number): boolean {
  if (s.charCodeAt(i) !== 0x2e) return false;
  const before = s.charCodeAt(i - 1);
  const after = s.charCodeAt(i + 1);
  return (isCjkCode(before) || inClass(before, STOP_AFTER)) && !isAsciiWordCode(after);
}

export function isAsciiDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function isAsciiLetterCode(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** A letter or digit of ASCII: `No.1`, `9:00`, `1,000` are not Chinese punctuation. */
export function isAsciiWordCode(c: number): boolean {
  return isAsciiDigitCode(c) || isAsciiLetterCode(c);
}

/** How often `sub` occurs in `s[start, end)`, read left to right without overlap. */
export function occurrences(s: string, sub: string, start = 0, end = s.length): number {
  let n = 0;
  for (let i = s.indexOf(sub, start); i >= 0 && i + sub.length <= end; i = s.indexOf(sub, i + sub.length)) n++;
  return n;
}

/**
 * Characters a reader counts in `s` (or in `s[start, end)`): no spaces, quotes, brackets or `*`; a
 * surrogate pair is one character. Counting stops once it passes `cap`, so a caller that only
 * compares with a bound reads no further.
 */
export function visibleLength(s: string, cap = Infinity, start = 0, end = s.length): number {
  let n = 0;
  for (let i = start; i < end && n <= cap; i++) {
    const c = s.charCodeAt(i);
    if (inClass(c, INVISIBLE)) continue;
    n++;
    // isSurrogatePairAt inline, on the code already read: the parser's hottest loop.
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

/** Whether a surrogate pair (one character outside the BMP) starts at `i`. */
export function isSurrogatePairAt(s: string, i: number): boolean {
  const hi = s.charCodeAt(i);
  if (hi < 0xd800 || hi > 0xdbff) return false;
  const lo = s.charCodeAt(i + 1);
  return lo >= 0xdc00 && lo <= 0xdfff;
}

/** The document's own line break, for fixes that insert one. */
export function lineBreakOf(text: string): string {
  const i = text.search(/\r\n?|\n/);
  return i < 0 ? '\n' : text[i] === '\r' ? (text[i + 1] === '\n' ? '\r\n' : '\r') : '\n';
}
