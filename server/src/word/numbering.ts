// Word's automatic numbering (ECMA-376 §17.9) rendered as the text Word shows before a paragraph:
// list definitions (abstractNum: one lvl per level with start, numFmt, lvlText, lvlRestart), the
// instances paragraphs point at (num, with lvlOverride/startOverride), and the counters they advance.
import { circledGlyph } from '../service/checks/markerForms';
import { toChineseNumeral } from '../service/parse/markers';

export interface Level {
  start: number;
  /** ST_NumberFormat: decimal, chineseCounting, ideographTraditional, … */
  format: string;
  /** `%1、`, `（%2）`, `%1.%2`: `%n` stands for level n's number. */
  text: string;
  /** lvlRestart: restart after a use of this 1-based level or a higher one; 0 never; undefined after any higher level. */
  restart?: number;
  /** isLgl: every number in the text in decimal. */
  legal: boolean;
  /** pStyle: the paragraph style numbered at this level. */
  style?: string;
}

export interface AbstractNum {
  levels: (Level | undefined)[];
  /** numStyleLink: the definition lives with the numbering style of this id. */
  styleLink?: string;
}

export interface NumInstance {
  abstractId: string;
  /** By level: a start that restarts the level where this instance is first used, and/or a level that replaces the abstract one. */
  overrides: Map<number, { start?: number; level?: Level }>;
}

export interface NumberingDefinitions {
  abstracts: Map<string, AbstractNum>;
  nums: Map<string, NumInstance>;
  /** Numbering styles (w:style type="numbering") by id: the num their definition is reached through. */
  numberingStyles: Map<string, string>;
}

export function emptyDefinitions(): NumberingDefinitions {
  return { abstracts: new Map(), nums: new Map(), numberingStyles: new Map() };
}

const TRADITIONAL_CAPITALS: Record<string, string> = { 贰: '貳', 叁: '參', 陆: '陸' };
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

function fromTable(table: string, n: number): string {
  return n >= 1 && n <= table.length ? table[n - 1] : String(n);
}

function glyphFrom(first: number, count: number, n: number): string {
  return n >= 1 && n <= count ? String.fromCodePoint(first + n - 1) : String(n);
}

function letters(n: number, upper: boolean): string {
  // Word repeats the letter: a … z, aa … zz, aaa …
  const letter = String.fromCharCode((upper ? 0x41 : 0x61) + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number, upper: boolean): string {
  if (n <= 0 || n >= 4000) return String(n);
  const parts: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let s = '';
  for (const [value, digits] of parts) for (; n >= value; n -= value) s += digits;
  return upper ? s.toUpperCase() : s;
}

/** A number in a numFmt as Word writes it; formats without a Chinese or Western reading fall back to decimal. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return toChineseNumeral(n);
    case 'chineseLegalSimplified':
      return toChineseNumeral(n, true);
    case 'ideographLegalTraditional':
      return toChineseNumeral(n, true).replace(/[贰叁陆]/g, (c) => TRADITIONAL_CAPITALS[c]);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return [...String(n)].map((d) => '〇一二三四五六七八九'[Number(d)]).join('');
    case 'ideographTraditional':
      return fromTable(HEAVENLY_STEMS, n);
    case 'ideographZodiac':
      return fromTable(EARTHLY_BRANCHES, n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return circledGlyph(n) ?? String(n);
    case 'decimalEnclosedParen':
      return glyphFrom(0x2474, 20, n);
    case 'decimalEnclosedFullstop':
      return glyphFrom(0x2488, 20, n);
    case 'ideographEnclosedCircle':
      return glyphFrom(0x3220, 10, n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'upperLetter':
    case 'lowerLetter':
      return letters(n, format === 'upperLetter');
    case 'upperRoman':
    case 'lowerRoman':
      return roman(n, format === 'upperRoman');
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** Private-use characters: the Symbol and Wingdings glyphs of bullets, meaningless as text. */
const PRIVATE_USE = /[\ue000-\uf8ff]/g;

/**
 * The counters of a document's lists. Instances of one abstract definition share its counters (Word
 * continues a list across them) unless an instance overrides a level's start: that level restarts
 * where the instance is first used.
 */
export class ListCounters {
  private readonly counts = new Map<string, (number | undefined)[]>();
  private readonly seen = new Set<string>();

  constructor(private readonly defs: NumberingDefinitions) {}

  /** The abstract definition behind an instance, following numStyleLink to the numbering style's own. */
  private abstractOf(num: NumInstance): [string, AbstractNum] | undefined {
    let id = num.abstractId;
    for (let hops = 0; hops < 4; hops++) {
      const abstract = this.defs.abstracts.get(id);
      if (!abstract) return undefined;
      if (abstract.styleLink === undefined) return [id, abstract];
      const linked = this.defs.nums.get(this.defs.numberingStyles.get(abstract.styleLink) ?? '');
      if (!linked) return [id, abstract];
      id = linked.abstractId;
    }
    return undefined;
  }

  /** Index of the level whose lvl names `styleId` (w:pStyle), for a paragraph numbered through its style. */
  levelOfStyle(numId: string, styleId: string): number | undefined {
    const num = this.defs.nums.get(numId);
    const found = num && this.abstractOf(num);
    const index = found?.[1].levels.findIndex((l) => l?.style === styleId);
    return index !== undefined && index >= 0 ? index : undefined;
  }

  /** Advances the list of `numId` at `ilvl` and returns the label Word shows, or '' for no list or a bullet of symbols. */
  next(numId: string, ilvl: number): string {
    const num = this.defs.nums.get(numId);
    const found = num && this.abstractOf(num);
    if (!num || !found) return '';
    const [abstractId, abstract] = found;
    const levelOf = (k: number): Level | undefined => num.overrides.get(k)?.level ?? abstract.levels[k];
    const level = levelOf(ilvl);
    if (!level) return '';
    let counts = this.counts.get(abstractId);
    if (!counts) this.counts.set(abstractId, (counts = []));
    const startOf = (k: number) => num.overrides.get(k)?.start ?? levelOf(k)?.start ?? 1;
    if (!this.seen.has(numId)) {
      this.seen.add(numId);
      for (const [k, o] of num.overrides) if (o.start !== undefined || o.level) counts[k] = undefined;
    }
    counts[ilvl] = counts[ilvl] === undefined ? startOf(ilvl) : counts[ilvl]! + 1;
    for (let k = ilvl + 1; k < 9; k++) {
      // A restart level that is not above level k is ignored, as if none were given.
      const restart = levelOf(k)?.restart;
      if (restart === undefined || restart > k || (restart > 0 && ilvl < restart)) counts[k] = undefined;
    }
    if (level.format === 'bullet') return level.text.replace(PRIVATE_USE, '');
    return level.text.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      if (k > ilvl) return '';
      const format = level.legal ? 'decimal' : (levelOf(k)?.format ?? 'decimal');
      return formatNumber(counts![k] ?? startOf(k), format);
    });
  }
}
