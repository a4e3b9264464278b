// Recognises ordinal markers and run-in enumerators at the start of a line (PLAN-FORMAT §1, §2).
import { Enumerator, Marker, MarkerFamily } from '../model';
import { charClass, inClass } from '../text/chars';

// A map: looked up by a variable key for every marker, which a plain object answers slowly.
const DIGITS = new Map(Object.entries({
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 貳: 2, 叁: 3, 參: 3, 肆: 4, 伍: 5, 陆: 6, 陸: 6, 柒: 7, 捌: 8, 玖: 9,
}));
const TENS = new Set(['十', '拾']);
/** Every character a Chinese numeral is written with. */
export const NUMERAL_CHARS = [...DIGITS.keys(), ...TENS].join('');
const CN_NUMERAL = `[${NUMERAL_CHARS}]{1,4}`;

/** Value of a Chinese numeral up to 99 (一 … 十一 … 二十 … 九十九), or undefined. */
export function parseChineseNumeral(s: string): number | undefined {
  if (!s) return undefined;
  // The common case, one character, without building arrays.
  if (s.length === 1) return TENS.has(s) ? 10 : positive(DIGITS.get(s));
  const chars = [...s];
  const tenAt = chars.findIndex((c) => TENS.has(c));
  if (tenAt < 0) return chars.length === 1 ? positive(DIGITS.get(chars[0])) : undefined;
  // At most one digit on each side of 十: 十四五 and 二十三四 are not numbers.
  if (chars.filter((c) => TENS.has(c)).length > 1 || tenAt > 1 || chars.length > tenAt + 2) return undefined;
  const tens = tenAt === 0 ? 1 : DIGITS.get(chars[0]);
  const unitChar = chars[tenAt + 1];
  const units = unitChar === undefined ? 0 : DIGITS.get(unitChar);
  if (tens === undefined || tens === 0 || units === undefined) return undefined;
  return tens * 10 + units;
}

function positive(n: number | undefined): number | undefined {
  return n !== undefined && n > 0 ? n : undefined;
}

const CN_DIGIT_CHARS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** The capital numerals (大写) some plans number with: 壹、贰、叁. */
const CAPITAL_DIGIT_CHARS = ['', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const CAPITAL = /[壹贰貳叁參肆伍陆陸柒捌玖拾]/;

/** 1 → 一, 11 → 十一, 20 → 二十, 21 → 二十一; in capitals (壹, 拾壹) when `capital`. */
export function toChineseNumeral(n: number, capital = false): string {
  if (n <= 0 || n > 99 || !Number.isInteger(n)) return String(n);
  const digits = capital ? CAPITAL_DIGIT_CHARS : CN_DIGIT_CHARS;
  if (n < 10) return digits[n];
  const tens = Math.floor(n / 10);
  return (tens === 1 ? '' : digits[tens]) + (capital ? '拾' : '十') + digits[n % 10];
}

/** Whether a Chinese numeral is written in capitals (壹、拾贰). */
export function isCapitalNumeral(s: string): boolean {
  return CAPITAL.test(s);
}

/** Value of ASCII or full-width digits (`12`, `１２`). */
export function digitsValue(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n = n * 10 + (c >= 0xff10 ? c - 0xff10 : c - 0x30);
  }
  return n;
}

/** An ASCII or full-width digit. */
export function isDigitCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/** The characters of Chinese numerals as a class of `charClass`. */
export const NUMERAL = charClass(NUMERAL_CHARS);
/**
 * What a marker or a run-in enumerator can start with, by UTF-16 code: a Chinese numeral, a bracket,
 * an ASCII or full-width digit, a compatibility or circled glyph, 第/首/其/再/最 (`第一` `首先` `其次`…).
 */
const ORDINAL_START = new Uint8Array(0x10000);
for (const c of `${NUMERAL_CHARS}（(第首其再最0123456789０１２３４５６７８９`) ORDINAL_START[c.charCodeAt(0)] = 1;
for (const [from, to] of [[0x2460, 0x249b], [0x3220, 0x3229], [0x3251, 0x325f], [0x32b1, 0x32bf]]) ORDINAL_START.fill(1, from, to + 1);

/**
 * Whether a marker or a run-in enumerator can start with the character of code `c` (NaN past the
 * text: no). Most lines and sentences start otherwise, and the caller skips the regular expressions for them.
 */
export function mayStartOrdinal(c: number): boolean {
  return ORDINAL_START[c] === 1;
}

/** ㈠..㈩ (U+3220..3229): parenthesised ideographs. */
const COMPAT_CN_PAREN_CHARS = '[\u3220-\u3229]';
/** ⑴..⒇ (U+2474..2487): parenthesised digits. */
const COMPAT_AR_PAREN_CHARS = '[\u2474-\u2487]';
/** ⒈..⒛ (U+2488..249B): digits with full stop. */
const COMPAT_AR_STOP_CHARS = '[\u2488-\u249B]';
/** ①..⑳, ㉑..㉟, ㊱..㊿. */
const CIRCLED_CHARS = '(?:[\u2460-\u2473]|[\u3251-\u325F]|[\u32B1-\u32BF])';
const COMPAT_CN_PAREN = new RegExp(`^${COMPAT_CN_PAREN_CHARS}`);
const COMPAT_AR_PAREN = new RegExp(`^${COMPAT_AR_PAREN_CHARS}`);
const COMPAT_AR_STOP = new RegExp(`^${COMPAT_AR_STOP_CHARS}`);
const CIRCLED = new RegExp(`^${CIRCLED_CHARS}`);

function circledValue(c: string): number {
  const cp = c.codePointAt(0)!;
  if (cp >= 0x2460 && cp <= 0x2473) return cp - 0x2460 + 1;
  if (cp >= 0x3251 && cp <= 0x325f) return cp - 0x3251 + 21;
  return cp - 0x32b1 + 36;
}

const OPEN = '[（(]';
const [OPEN_ASCII, OPEN_FULL] = [...'(（'].map((c) => c.charCodeAt(0));
const CLOSE = '[）)]';
/** What may follow `一`; what may follow a bracketed or circled marker. */
const CN_PUNCT = '[、.．，,:：]';
const TAIL = '[、.．]?';
// What follows the `、` of a numeral that lists numbers (`三、四季度`, `第一、二批`) rather than marks a heading.
const LISTED_NUMERAL = new RegExp(`^${CN_NUMERAL}`);
const CN_HEADING = new RegExp(`^(${CN_NUMERAL})[ \\t]*(${CN_PUNCT})`);
const CN_PAREN = new RegExp(`^(${OPEN})[ \\t]*(${CN_NUMERAL})[ \\t]*(${CLOSE})(${TAIL})`);
/** ASCII or full-width digits. */
const DIGITS_RUN = '[0-9０-９]{1,2}';
const AR_PAREN = new RegExp(`^(${OPEN})[ \\t]*(${DIGITS_RUN})[ \\t]*(${CLOSE})(${TAIL})`);
// `1.` but not `7.0版`, `2.0 版`, `1.5万`: the stop must not be followed by a digit.
// `1\.` is Markdown's escape of `1.` left behind by a converter.
const AR_STOP_PUNCT = '[.．、,，]';
const NOT_DECIMAL = '(?![0-9０-９])';
const AR_STOP = new RegExp(`^(${DIGITS_RUN})[ \\t]*\\\\?(${AR_STOP_PUNCT})${NOT_DECIMAL}`);
const AR_HALF_PAREN = new RegExp(`^(${DIGITS_RUN})(${CLOSE})(${TAIL})`);

function make(family: MarkerFamily, text: string, at: number, value: number, rest: Partial<Marker>): Marker {
  return {
    family, text, span: { start: at, end: at + text.length }, value,
    punctuation: rest.punctuation ?? '', open: rest.open ?? '', close: rest.close ?? '', compat: rest.compat ?? false,
  };
}

/**
 * The marker at `offset` of `s` (which the caller has positioned after indentation and decoration),
 * or undefined. `at` is the absolute offset used for the returned span.
 */
export function matchMarker(s: string, at: number): Marker | undefined {
  let m: RegExpExecArray | null;
  // Each form has its own first character: only the expressions that can match are run.
  const c = s.charCodeAt(0);
  if (inClass(c, NUMERAL) && (m = CN_HEADING.exec(s))) {
    const value = parseChineseNumeral(m[1]);
    if (value !== undefined && !(m[2] === '、' && listsNext(s, m[0].length, value))) return make('cn', m[0], at, value, { punctuation: m[2] });
  }
  if (c === OPEN_ASCII || c === OPEN_FULL) {
    if ((m = CN_PAREN.exec(s))) {
      const value = parseChineseNumeral(m[2]);
      if (value !== undefined) return make('cnParen', m[0], at, value, { open: m[1], close: m[3], punctuation: m[4] });
    }
    if ((m = AR_PAREN.exec(s))) {
      return make('arabicParen', m[0], at, digitsValue(m[2]), { open: m[1], close: m[3], punctuation: m[4] });
    }
  }
  if (isDigitCode(c)) {
    if ((m = AR_HALF_PAREN.exec(s))) {
      return make('arabicHalfParen', m[0], at, digitsValue(m[1]), { close: m[2], punctuation: m[3] });
    }
    if ((m = AR_STOP.exec(s)) && digitsValue(m[1]) > 0) {
      return make('arabic', m[0], at, digitsValue(m[1]), { punctuation: m[2] });
    }
  }
  // The compatibility and circled glyphs all lie above U+2460.
  if (c < 0x2460) return undefined;
  const first = s.charAt(0);
  if (COMPAT_CN_PAREN.test(first)) {
    const punct = /^.([、.．]?)/.exec(s)![1];
    return make('cnParen', first + punct, at, first.charCodeAt(0) - 0x3220 + 1, { compat: true, punctuation: punct });
  }
  if (COMPAT_AR_PAREN.test(first)) {
    const punct = /^.([、.．]?)/.exec(s)![1];
    return make('arabicParen', first + punct, at, first.charCodeAt(0) - 0x2474 + 1, { compat: true, punctuation: punct });
  }
  if (COMPAT_AR_STOP.test(first)) {
    return make('arabic', first, at, first.charCodeAt(0) - 0x2488 + 1, { compat: true });
  }
  if (CIRCLED.test(first)) {
    const punct = /^.([、.．]?)/.exec(s)![1];
    return make('circled', first + punct, at, circledValue(first), { punctuation: punct });
  }
  return undefined;
}

/**
 * Whether what follows `value、` (`s` from `from`) starts with the next number: `三、四季度` and `一、二、三级`
 * list numbers. (A heading's title may start with a numeral too: `一、一网通办`, `三、三农工作`.) Most
 * titles start otherwise, and are answered by their first character.
 */
function listsNext(s: string, from: number, value: number): boolean {
  if (!inClass(s.charCodeAt(from), NUMERAL)) return false;
  const run = LISTED_NUMERAL.exec(s.slice(from))?.[0] ?? '';
  for (let n = run.length; n > 0; n--) if (parseChineseNumeral(run.slice(0, n)) === value + 1) return true;
  return false;
}

export const FAMILY_RANK: Record<MarkerFamily, number> = {
  cn: 1, cnParen: 2, arabic: 3, arabicHalfParen: 3.5, arabicParen: 4, circled: 5,
};

const ENUM_PUNCT = '[，,、：:]';
const ENUM_SHI = new RegExp(`^(${CN_NUMERAL})是(${ENUM_PUNCT}?)`);
// `第一、第二网格…` and `第一、二批` list ordinals; they are not run-ins.
const ENUM_DI = new RegExp(`^第(${CN_NUMERAL})(${ENUM_PUNCT})(?!第|${CN_NUMERAL})`);
const ORDINALS: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 最后: 99 };
const ENUM_ORDINAL = new RegExp(`^(${Object.keys(ORDINALS).join('|')})(${ENUM_PUNCT})`);

/** `一是`, `第一，`, `首先，` at the start of `s`, or undefined. */
export function matchEnumerator(s: string, at: number): Enumerator | undefined {
  let m: RegExpExecArray | null;
  if ((m = ENUM_SHI.exec(s))) {
    const value = parseChineseNumeral(m[1]);
    if (value !== undefined) return { series: 'shi', text: m[0], span: { start: at, end: at + m[0].length }, value, punctuation: m[2] };
  }
  if ((m = ENUM_DI.exec(s))) {
    const value = parseChineseNumeral(m[1]);
    if (value !== undefined) return { series: 'di', text: m[0], span: { start: at, end: at + m[0].length }, value, punctuation: m[2] };
  }
  if ((m = ENUM_ORDINAL.exec(s))) {
    return { series: 'ordinal', text: m[0], span: { start: at, end: at + m[0].length }, value: ORDINALS[m[1]], punctuation: m[2] };
  }
  return undefined;
}

// The forms above as regular-expression sources, for the TextMate grammar: scripts/build-grammar.mjs
// builds syntaxes/workplan.tmLanguage.json from them. What matchMarker and matchEnumerator check in
// code (a numeral's value, `1.` but not `0.`) is written into the patterns; test/unit/grammar.test.ts
// runs the grammar and these functions on every marker form and asserts that they agree.
// The sources use only syntax that JavaScript and Oniguruma read alike.

/** The characters of the digits of `value` (0-9) as a class: `[二两贰貳]`. */
function digitClass(value: number): string {
  return `[${[...DIGITS].filter(([, v]) => v === value).map(([c]) => c).join('')}]`;
}

/**
 * A Chinese numeral that parseChineseNumeral reads as `value`, or as any value when none is given:
 * `二十三` `两拾叁` `十` `一十〇`.
 */
export function chineseNumeralSource(value?: number): string {
  const ten = `[${[...TENS].join('')}]`;
  if (value === undefined) {
    const nonZero = `[${[...DIGITS].filter(([, v]) => v > 0).map(([c]) => c).join('')}]`;
    return `(?:${nonZero}?${ten}[${[...DIGITS.keys()].join('')}]?|${nonZero})`;
  }
  const [tens, units] = [Math.floor(value / 10), value % 10];
  if (tens === 0) return digitClass(units);
  return `${tens === 1 ? `${digitClass(1)}?` : digitClass(tens)}${ten}${digitClass(units)}${units === 0 ? '?' : ''}`;
}

/** ASCII or full-width digits of a value above 0. */
const POSITIVE_DIGITS = '(?:[0０]?[1-9１-９]|[1-9１-９][0-9０-９])';

/** Each family's marker as matchMarker reads it at the start of a line (a `、` that lists numbers aside: LISTED_NUMERALS_SOURCE). */
export const MARKER_SOURCES: Readonly<Record<MarkerFamily, string>> = {
  cn: `${chineseNumeralSource()}[ \\t]*${CN_PUNCT}`,
  cnParen: `${OPEN}[ \\t]*${chineseNumeralSource()}[ \\t]*${CLOSE}${TAIL}|${COMPAT_CN_PAREN_CHARS}${TAIL}`,
  arabic: `${POSITIVE_DIGITS}[ \\t]*\\\\?${AR_STOP_PUNCT}${NOT_DECIMAL}|${COMPAT_AR_STOP_CHARS}`,
  arabicHalfParen: `${DIGITS_RUN}${CLOSE}${TAIL}`,
  arabicParen: `${OPEN}[ \\t]*${DIGITS_RUN}[ \\t]*${CLOSE}${TAIL}|${COMPAT_AR_PAREN_CHARS}${TAIL}`,
  circled: `${CIRCLED_CHARS}${TAIL}`,
};

/** The numeral and `、` of `三、四季度`, `十、十一月`: a list of numbers, where the `cn` source would see a heading. */
export const LISTED_NUMERALS_SOURCE = `(?:${Array.from({ length: 98 }, (_, i) => `${chineseNumeralSource(i + 1)}[ \\t]*、(?=${chineseNumeralSource(i + 2)})`).join('|')})`;

/** Each series' enumerator as matchEnumerator reads it at the start of a sentence. */
export const ENUMERATOR_SOURCES: Readonly<Record<Enumerator['series'], string>> = {
  shi: `${chineseNumeralSource()}是${ENUM_PUNCT}?`,
  di: `第${chineseNumeralSource()}${ENUM_PUNCT}(?!第|[${NUMERAL_CHARS}])`,
  ordinal: `(?:${Object.keys(ORDINALS).join('|')})${ENUM_PUNCT}`,
};
