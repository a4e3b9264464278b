// Line splitting and character classes shared by the parser and the features.
import { Line } from './model';

/** Splits on LF, CRLF and CR; a BOM at the start is not part of line 0. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = start; i <= text.length; i++) {
    const c = text.charCodeAt(i);
    if (i === text.length || c === 10 || c === 13) {
      lines.push({ start, end: i, text: text.slice(start, i) });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  return lines;
}

export const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const CJK_CHAR = new RegExp(`[${CJK}]`);

export function isCjk(ch: string): boolean {
  return CJK_CHAR.test(ch);
}

/** Whitespace as it appears in pasted plans: ASCII, ideographic space, no-break space, BOM. */
export function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '\u00a0' || ch === '\ufeff';
}

export function isBlank(s: string): boolean {
  for (const ch of s) if (!isSpace(ch)) return false;
  return true;
}

const CLOSERS = new Set(['”', '’', '」', '』', '"', "'", ')', '）', '】', '》', '*']);
const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '；', ';', '：', ':', '…']);

/** Whether a line ends a sentence, so the next line starts a new paragraph. */
export function endsSentence(s: string): boolean {
  let i = s.length - 1;
  while (i >= 0 && (isSpace(s[i]) || CLOSERS.has(s[i]))) i--;
  return i >= 0 && SENTENCE_END.has(s[i]);
}

/** Characters a reader counts: no spaces, quotes, brackets or `*`. */
export function visibleLength(s: string): number {
  let n = 0;
  for (const ch of s) if (!isSpace(ch) && !CLOSERS.has(ch) && !'“‘「『(（【《'.includes(ch)) n++;
  return n;
}
