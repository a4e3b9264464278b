// The TextMate grammar, run by the engine VS Code uses (vscode-textmate + oniguruma), on seed lines
// and on constructed lines for what the seeds lack.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import * as path from 'path';
import * as onig from 'vscode-oniguruma';
import * as tm from 'vscode-textmate';
import { chineseNumeralSource, FAMILY_RANK, matchEnumerator, matchMarker, NUMERAL_CHARS, parseChineseNumeral, toChineseNumeral } from '../../server/src/service/parse/markers';
import { ROOT, seed } from '../helpers/seeds';

const GRAMMAR_PATH = path.join(ROOT, 'syntaxes', 'workplan.tmLanguage.json');

interface Expect {
  /** Text the scope must cover exactly: the maximal run of characters carrying it. */
  text: string;
  scope: string;
  /** Which occurrence of `text` on the line, from 0. */
  nth?: number;
  /** Instead: no character of `text` carries the scope. */
  not?: boolean;
}

interface Case {
  what: string;
  /** A seed (name fragment) and a 1-based line: the whole seed is tokenized, as an editor would. */
  seed?: { name: string; line: number };
  /** Or constructed lines; assertions apply to the last one. */
  lines?: string[];
  expect?: Expect[];
  /** Scope prefixes no token of the line may carry. */
  absent?: string[];
}

const W = '.workplan';
const HEADING = (level: string) => `markup.heading.${level}${W}`;
const MARKER = (level: string) => `punctuation.definition.heading.marker.${level}${W}`;
const TITLE = `entity.name.section${W}`;
const HASH = `punctuation.definition.heading.hash${W}`;
const BOLD = `markup.bold${W}`;
const BOLD_MARK = `punctuation.definition.bold${W}`;
const ENUM = `markup.heading.enumeration${W}`;
const ENUMERATOR = `keyword.other.enumerator${W}`;
const MEASURE = `markup.heading.measure${W}`;
const DOUBLE = `string.quoted.double${W}`;
const SINGLE = `string.quoted.single${W}`;
const CORNER = `string.quoted.other.corner${W}`;
const OPEN_QUOTE = `punctuation.definition.string.begin${W}`;
const CLOSE_QUOTE = `punctuation.definition.string.end${W}`;
const DOC = `entity.name.type.document-title${W}`;
const DOC_OPEN = `punctuation.definition.document-title.begin${W}`;
const DOC_CLOSE = `punctuation.definition.document-title.end${W}`;
const YEAR = `constant.numeric.year${W}`;
const NUMBER = `constant.numeric${W}`;
const UNIT = `keyword.other.unit${W}`;

const HUAYANG = '华阳路街道2025年工作计划';
const XINHUA = '新华路';
const JIANGSU = '江苏路';
const WUJIAOCHANG = '五角场';
const DAJUAN = '答卷';

const CASES: Case[] = [
  // Level 1.
  {
    what: 'level 1 `一、` with its title',
    seed: { name: HUAYANG, line: 13 },
    expect: [
      { text: '一、抓牢第一要务,强化科创引领,打造高质量发展增长极', scope: HEADING('1') },
      { text: '一、', scope: MARKER('level-1') },
      { text: '抓牢第一要务,强化科创引领,打造高质量发展增长极', scope: TITLE },
    ],
  },
  {
    what: 'level 1 after a `#` run, quotes inside the title',
    seed: { name: JIANGSU, line: 7 },
    expect: [
      { text: '##', scope: HASH },
      { text: '一、', scope: MARKER('level-1') },
      { text: '“招、留、增”全面发力，经济发展奋力一跃', scope: TITLE },
      { text: '“招、留、增”', scope: DOUBLE },
    ],
  },
  {
    what: 'level 1 after `#` and `**`: the title is bold and the `**` are bold marks',
    seed: { name: JIANGSU, line: 43 },
    expect: [
      { text: '####', scope: HASH },
      { text: '**四、“精、气、神”凝心聚力，基层党建更上一层楼**', scope: BOLD },
      { text: '**', scope: BOLD_MARK, nth: 0 },
      { text: '**', scope: BOLD_MARK, nth: 1 },
      { text: '四、', scope: MARKER('level-1') },
      { text: '“精、气、神”凝心聚力，基层党建更上一层楼', scope: TITLE },
    ],
  },
  {
    what: 'level 1 marker alone on its line',
    seed: { name: WUJIAOCHANG, line: 3 },
    expect: [{ text: '一、', scope: MARKER('level-1') }],
    absent: [TITLE],
  },
  {
    what: 'the line after a lone level 1 marker is its title',
    seed: { name: WUJIAOCHANG, line: 4 },
    expect: [
      { text: '稳中求进,推动经济质效新提升', scope: TITLE },
      { text: '稳中求进,推动经济质效新提升', scope: HEADING('1') },
    ],
  },
  {
    what: 'a lone marker takes the next non-blank line as its title',
    lines: ['四、', '', '品牌引领,树立睦邻街区新标杆'],
    expect: [{ text: '品牌引领,树立睦邻街区新标杆', scope: TITLE }],
  },
  {
    what: 'the title of a lone marker ends with its line',
    lines: ['四、', '品牌引领,树立睦邻街区新标杆', '(一)完善硬件,提亮街区颜值'],
    expect: [{ text: '(一)', scope: MARKER('level-2') }],
  },
  {
    what: 'numerals past ten: 十一、',
    lines: ['十一、加强自身建设'],
    expect: [{ text: '十一、', scope: MARKER('level-1') }, { text: '加强自身建设', scope: TITLE }],
  },
  {
    what: 'numerals past ten: 二十、 and 二十一、',
    lines: ['二十、附则', '二十一、其他事项'],
    expect: [{ text: '二十一、', scope: MARKER('level-1') }],
  },
  {
    what: 'level 1 with a full stop: 一.',
    lines: ['一.稳中求进'],
    expect: [{ text: '一.', scope: MARKER('level-1') }, { text: '稳中求进', scope: TITLE }],
  },
  {
    what: 'level 1 with a full-width stop: 一．',
    lines: ['一．稳中求进'],
    expect: [{ text: '一．', scope: MARKER('level-1') }],
  },
  {
    what: 'level 1 with a comma: 一，',
    lines: ['三，增进福祉'],
    expect: [{ text: '三，', scope: MARKER('level-1') }, { text: '增进福祉', scope: TITLE }],
  },
  {
    what: 'a heading merged with its paragraph: the title ends at the wide gap',
    seed: { name: HUAYANG, line: 49 },
    expect: [
      { text: '坚持发展为民,办好民生实事,构筑便民生活幸福圈', scope: TITLE },
      { text: '三、坚持发展为民,办好民生实事,构筑便民生活幸福圈', scope: HEADING('1') },
      { text: '"老小困弱"', scope: DOUBLE },
    ],
  },
  // Level 2.
  {
    what: 'level 2 `(一)` with title and body on one line: the title ends at `。`',
    seed: { name: XINHUA, line: 3 },
    expect: [
      { text: '(一)', scope: MARKER('level-2') },
      { text: '紧抓机遇巩固优势,推动项目提质增效', scope: TITLE },
      { text: '(一)紧抓机遇巩固优势,推动项目提质增效。', scope: HEADING('2') },
    ],
  },
  {
    what: 'level 2 with a space after the marker',
    seed: { name: HUAYANG, line: 27 },
    expect: [{ text: '(三)', scope: MARKER('level-2') }, { text: '重策源提质量, 打造创新创造新热土', scope: TITLE }],
  },
  {
    what: 'level 2 full-width, past ten',
    lines: ['（十一）强化督查'],
    expect: [{ text: '（十一）', scope: MARKER('level-2') }, { text: '强化督查', scope: TITLE }],
  },
  {
    what: 'level 2 compatibility glyph ㈢',
    lines: ['㈢打造便民生活圈'],
    expect: [{ text: '㈢', scope: MARKER('level-2') }, { text: '打造便民生活圈', scope: TITLE }],
  },
  // Level 3.
  {
    what: 'level 3 `1.`, title to `。`',
    lines: ['1.加强组织领导。各部门要落实责任。'],
    expect: [
      { text: '1.', scope: MARKER('level-3') },
      { text: '加强组织领导', scope: TITLE },
      { text: '1.加强组织领导。', scope: HEADING('3') },
    ],
  },
  {
    what: 'level 3 `2．` (full-width stop)',
    lines: ['2．压实工作责任'],
    expect: [{ text: '2．', scope: MARKER('level-3') }],
  },
  {
    what: 'level 3 `3、`',
    lines: ['3、强化督查考核'],
    expect: [{ text: '3、', scope: MARKER('level-3') }, { text: '强化督查考核', scope: TITLE }],
  },
  {
    what: 'level 3 in full-width digits `１２．`',
    lines: ['１２．完善考核办法'],
    expect: [{ text: '１２．', scope: MARKER('level-3') }, { text: '完善考核办法', scope: TITLE }],
  },
  {
    what: 'level 3 compatibility glyph ⒋',
    lines: ['⒋完善制度'],
    expect: [{ text: '⒋', scope: MARKER('level-3') }],
  },
  // Level 4.
  {
    what: 'level 4 `（1）`',
    lines: ['（1）建立工作台账'],
    expect: [
      { text: '（1）', scope: MARKER('level-4') },
      { text: '建立工作台账', scope: TITLE },
      { text: '（1）建立工作台账', scope: HEADING('4') },
    ],
  },
  {
    what: 'level 4 in full-width digits `（３）`',
    lines: ['（３）建立工作台账'],
    expect: [{ text: '（３）', scope: MARKER('level-4') }],
  },
  {
    what: 'level 4 `(12)` half-width',
    lines: ['(12)定期通报进展'],
    expect: [{ text: '(12)', scope: MARKER('level-4') }],
  },
  {
    what: 'level 4 compatibility glyph ⑶',
    lines: ['⑶跟踪问效'],
    expect: [{ text: '⑶', scope: MARKER('level-4') }],
  },
  // Level 5 and `1)`.
  {
    what: 'level 5 circled numbers',
    lines: ['①细化任务清单', '㉑明确时间节点'],
    expect: [
      { text: '㉑', scope: MARKER('level-5') },
      { text: '明确时间节点', scope: TITLE },
      { text: '㉑明确时间节点', scope: HEADING('5') },
    ],
  },
  {
    what: '`1)` and `1）`: a heading whose level comes from the outline',
    lines: ['1)明确分工', '2）加强协调'],
    expect: [
      { text: '2）', scope: MARKER('other') },
      { text: '加强协调', scope: TITLE },
      { text: '2）加强协调', scope: HEADING('other') },
    ],
  },
  // Not markers.
  {
    what: 'not a marker: `(企)` inside 政商(企)恳谈会',
    seed: { name: WUJIAOCHANG, line: 26 },
    absent: ['markup.heading', 'punctuation.definition.heading'],
  },
  {
    what: 'not a marker: `(企)` even at the start of a line',
    lines: ['(企)恳谈会定期召开'],
    absent: ['markup.heading'],
  },
  {
    what: 'not a marker: 1%人口抽样 at the start of a line',
    lines: ['1%人口抽样调查顺利完成,数据质量达标。'],
    expect: [{ text: '1', scope: NUMBER }, { text: '%', scope: UNIT }],
    absent: ['markup.heading'],
  },
  {
    what: 'not a marker: No.1 创新空间 at the start of a line',
    lines: ['No.1 创新空间、创客厅等核心空间持续运营。'],
    absent: ['markup.heading'],
  },
  {
    what: 'not a marker: 7.0版 at the start of a line',
    lines: ['7.0版各项举措全面落地,政策精准直达。'],
    expect: [{ text: '7.0', scope: NUMBER }, { text: '版', scope: UNIT }],
    absent: ['markup.heading'],
  },
  {
    what: 'not a marker: a year at the start of a line',
    seed: { name: HUAYANG, line: 11 },
    expect: [{ text: '2025', scope: YEAR }, { text: '"十四五"', scope: DOUBLE }],
    absent: ['markup.heading'],
  },
  {
    what: 'not a marker: 1,000 at the start of a line',
    lines: ['1,000 名志愿者参与服务。'],
    expect: [{ text: '1,000', scope: NUMBER }, { text: '名', scope: UNIT }],
    absent: ['markup.heading'],
  },
  {
    what: 'not a marker: page-break residue (上接1版)',
    seed: { name: DAJUAN, line: 69 },
    expect: [{ text: '1', scope: NUMBER }, { text: '版', scope: UNIT }],
    absent: ['markup.heading'],
  },
  {
    what: 'not a marker: `(一)` in the middle of a line',
    lines: ['积极申报(一)类项目,争取市级支持。'],
    absent: ['markup.heading', 'punctuation.definition.heading'],
  },
  {
    what: 'not a heading: the document title after `#`',
    seed: { name: JIANGSU, line: 3 },
    expect: [{ text: '2024', scope: YEAR }, { text: '年', scope: UNIT }],
    absent: ['markup.heading'],
  },
  // Run-in enumerations.
  {
    what: 'run-in `一是`, title to `。`',
    seed: { name: JIANGSU, line: 11 },
    expect: [
      { text: '一是', scope: ENUMERATOR },
      { text: '招商引资，挖掘更大潜力', scope: TITLE },
      { text: '一是招商引资，挖掘更大潜力', scope: ENUM },
    ],
  },
  {
    what: 'bold run-in `**二是…。**`',
    seed: { name: JIANGSU, line: 13 },
    expect: [
      { text: '**二是营商服企，打造更优环境。**', scope: BOLD },
      { text: '**二是营商服企，打造更优环境。**', scope: ENUM },
      { text: '二是', scope: ENUMERATOR },
      { text: '营商服企，打造更优环境', scope: TITLE },
      { text: '**', scope: BOLD_MARK, nth: 1 },
    ],
  },
  {
    what: 'run-in `二是` in the middle of a paragraph, after `；`',
    lines: ['一是完善机制，压实责任；二是加强宣传，营造氛围。'],
    expect: [
      { text: '二是', scope: ENUMERATOR },
      { text: '加强宣传，营造氛围', scope: TITLE },
      { text: '完善机制，压实责任', scope: TITLE },
    ],
  },
  {
    what: 'run-ins `第一，` and `首先，`',
    lines: ['第一，统一思想认识。首先，要提高站位。'],
    expect: [
      { text: '第一，', scope: ENUMERATOR },
      { text: '首先，', scope: ENUMERATOR },
      { text: '统一思想认识', scope: TITLE },
    ],
  },
  {
    what: 'not a run-in: 第一、第二网格 lists ordinals',
    seed: { name: WUJIAOCHANG, line: 65 },
    absent: [ENUMERATOR, 'markup.heading'],
  },
  {
    what: 'not a run-in: 第一、二批 lists ordinals',
    lines: ['第一、二批征收基地按期完成签约'],
    absent: [ENUMERATOR, 'markup.heading'],
  },
  // Measures.
  {
    what: 'unmarked measure at the start of a paragraph',
    seed: { name: HUAYANG, line: 19 },
    expect: [
      { text: '强化平台招商', scope: TITLE },
      { text: '强化平台招商。', scope: MEASURE },
      { text: '"1+11+17+X"', scope: DOUBLE },
    ],
  },
  {
    what: 'unmarked measure with one comma',
    seed: { name: WUJIAOCHANG, line: 45 },
    expect: [{ text: '擦亮金字招牌,实现人气引流。', scope: MEASURE }],
  },
  {
    what: 'measure alone on its line',
    seed: { name: WUJIAOCHANG, line: 8 },
    expect: [{ text: '着力发展在线经济。', scope: MEASURE }, { text: '着力发展在线经济', scope: TITLE }],
  },
  {
    what: 'measure with a quotation and a comma (seed 002)',
    seed: { name: DAJUAN, line: 31 },
    expect: [
      { text: '赋能培力,为锻造基层治理队伍“壮马”', scope: TITLE },
      { text: '“壮马”', scope: DOUBLE },
    ],
  },
  {
    what: 'bold measure after a broken line: the continuation is not a measure, the bold one is',
    seed: { name: HUAYANG, line: 21 },
    expect: [
      { text: '**强化载体招商。**', scope: BOLD },
      { text: '**强化载体招商。**', scope: MEASURE },
      { text: '强化载体招商', scope: TITLE },
      { text: '38', scope: NUMBER },
      { text: '幢', scope: UNIT },
      { text: '高潜力企业。', scope: MEASURE, not: true },
    ],
  },
  {
    what: 'bold measure with the full stop outside the bold: **盘活产业承载空间**。',
    seed: { name: HUAYANG, line: 29 },
    expect: [
      { text: '**盘活产业承载空间**', scope: BOLD },
      { text: '**盘活产业承载空间**。', scope: MEASURE },
      { text: '盘活产业承载空间', scope: TITLE },
      { text: '《2025年华阳路街道"上海硅巷" 科创街区专项行动方案》', scope: DOC },
    ],
  },
  {
    what: 'not a measure: a continuation line ending a broken sentence',
    seed: { name: WUJIAOCHANG, line: 136 },
    absent: [MEASURE, TITLE],
  },
  {
    what: 'not a measure: after a one-word fragment line',
    seed: { name: WUJIAOCHANG, line: 64 },
    absent: [MEASURE],
  },
  {
    what: 'not a measure: a short sentence starting with a pronoun',
    lines: ['这项工作很重要。各部门要高度重视,抓好落实。'],
    absent: [MEASURE],
  },
  {
    what: 'not a measure: a long first sentence',
    lines: ['街道将持续推进老旧小区综合治理和精细化管理工作。各部门协同配合。'],
    absent: [MEASURE],
  },
  // Bold in general.
  {
    what: 'bold text that is neither heading nor measure',
    lines: ['全年完成**重点项目 12 个**,超额完成目标'],
    expect: [
      { text: '**重点项目 12 个**', scope: BOLD },
      { text: '**', scope: BOLD_MARK, nth: 0 },
      { text: '12', scope: NUMBER },
    ],
    absent: [MEASURE],
  },
  // Quotations and document titles.
  {
    what: 'curly double quotes',
    seed: { name: JIANGSU, line: 5 },
    expect: [
      { text: '“十四五”', scope: DOUBLE },
      { text: '“', scope: OPEN_QUOTE },
      { text: '”', scope: CLOSE_QUOTE },
      { text: '75', scope: NUMBER },
      { text: '周年', scope: UNIT },
      { text: '2024', scope: YEAR },
    ],
  },
  {
    what: 'single quotes nested in double quotes',
    seed: { name: DAJUAN, line: 23 },
    expect: [
      { text: '“‘夷’方美好暖‘新’地图”', scope: DOUBLE },
      { text: '‘夷’', scope: SINGLE },
      { text: '‘新’', scope: SINGLE },
    ],
  },
  {
    what: 'corner brackets 「」 and 『』',
    lines: ['打造「15分钟社区生活圈」与『家门口』服务站。'],
    expect: [
      { text: '「15分钟社区生活圈」', scope: CORNER },
      { text: '『家门口』', scope: CORNER },
      { text: '「', scope: OPEN_QUOTE },
      { text: '」', scope: CLOSE_QUOTE },
    ],
  },
  {
    what: 'an unclosed quote does not colour the next line',
    lines: ['开展“四百走访', '持续推进社区治理。'],
    absent: ['string'],
  },
  {
    what: '《document title》',
    seed: { name: HUAYANG, line: 1 },
    expect: [
      { text: '《华阳路街道 2025 年工作计划》', scope: DOC },
      { text: '《', scope: DOC_OPEN },
      { text: '》', scope: DOC_CLOSE },
    ],
  },
  // Numbers and years.
  {
    what: 'a date: year, month, day',
    seed: { name: HUAYANG, line: 7 },
    expect: [
      { text: '2025', scope: YEAR },
      { text: '年', scope: UNIT },
      { text: '2', scope: NUMBER, nth: 2 },
      { text: '月', scope: UNIT },
    ],
  },
  {
    what: 'a year with a space before 年',
    seed: { name: HUAYANG, line: 9 },
    expect: [{ text: '2025', scope: YEAR }, { text: '年', scope: UNIT }],
  },
  {
    what: 'a decimal with a compound unit: 24.3万平方米',
    seed: { name: HUAYANG, line: 41 },
    expect: [{ text: '24.3', scope: NUMBER }, { text: '万平方米', scope: UNIT }],
  },
  {
    what: '7.0版 in running text',
    seed: { name: XINHUA, line: 6 },
    expect: [{ text: '7.0', scope: NUMBER }, { text: '版', scope: UNIT }],
  },
];

let grammar: tm.IGrammar;
const seedTokens = new Map<string, tm.IToken[][]>();

before(async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await onig.loadWASM(wasm);
  const registry = new tm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new onig.OnigScanner(patterns),
      createOnigString: (s) => new onig.OnigString(s),
    }),
    loadGrammar: async () => tm.parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH),
  });
  const loaded = await registry.loadGrammar('text.workplan');
  if (!loaded) throw new Error('grammar text.workplan did not load');
  grammar = loaded;
});

function tokenizeLines(lines: string[]): tm.IToken[][] {
  let state = tm.INITIAL;
  return lines.map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens;
  });
}

function lineOf(c: Case): { text: string; tokens: tm.IToken[] } {
  if (c.seed) {
    const s = seed(c.seed.name);
    const lines = s.text.split(/\r\n|\r|\n/);
    if (!seedTokens.has(s.name)) seedTokens.set(s.name, tokenizeLines(lines));
    return { text: lines[c.seed.line - 1], tokens: seedTokens.get(s.name)![c.seed.line - 1] };
  }
  const lines = c.lines!;
  const all = tokenizeLines(lines);
  return { text: lines[lines.length - 1], tokens: all[all.length - 1] };
}

function scopesAt(tokens: tm.IToken[], offset: number): string[] {
  const t = tokens.find((k) => k.startIndex <= offset && offset < k.endIndex);
  return t ? t.scopes : [];
}

/** The maximal run of characters around `offset` whose tokens all carry `scope`. */
function runOf(text: string, tokens: tm.IToken[], scope: string, offset: number): string {
  const has = (i: number) => i >= 0 && i < text.length && scopesAt(tokens, i).includes(scope);
  if (!has(offset)) return '';
  let a = offset;
  let b = offset;
  while (has(a - 1)) a--;
  while (has(b + 1)) b++;
  return text.slice(a, b + 1);
}

function describeLine(text: string, tokens: tm.IToken[]): string {
  return tokens
    .map((t) => `  ${JSON.stringify(text.slice(t.startIndex, t.endIndex))} ${t.scopes.slice(1).join(' ')}`)
    .join('\n');
}

describe('TextMate grammar (syntaxes/workplan.tmLanguage.json)', () => {
  for (const c of CASES) {
    it(c.what, () => {
      const { text, tokens } = lineOf(c);
      const dump = () => `line ${JSON.stringify(text)}:\n${describeLine(text, tokens)}`;
      for (const e of c.expect ?? []) {
        let at = -1;
        for (let k = 0; k <= (e.nth ?? 0); k++) at = text.indexOf(e.text, at + 1);
        assert.ok(at >= 0, `the line holds ${JSON.stringify(e.text)}\n${dump()}`);
        if (e.not) {
          for (let i = at; i < at + e.text.length; i++) assert.ok(!scopesAt(tokens, i).includes(e.scope), `${e.scope} is not on ${JSON.stringify(e.text)}\n${dump()}`);
          continue;
        }
        assert.strictEqual(runOf(text, tokens, e.scope, at), e.text, `${e.scope} covers exactly ${JSON.stringify(e.text)}\n${dump()}`);
      }
      for (const prefix of c.absent ?? []) {
        const hit = tokens.find((t) => t.scopes.some((s) => s === prefix || s.startsWith(prefix + '.')));
        assert.ok(!hit, `no ${prefix} on this line\n${dump()}`);
      }
    });
  }

  it('every scope the grammar defines is asserted by a case above', () => {
    const defined = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      for (const [k, v] of Object.entries(node)) {
        if ((k === 'name' || k === 'contentName') && typeof v === 'string') v.split(' ').forEach((s) => defined.add(s));
        else walk(v);
      }
    };
    const raw = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8'));
    walk(raw.patterns);
    walk(raw.repository);
    const asserted = new Set(CASES.flatMap((c) => (c.expect ?? []).filter((e) => !e.not).map((e) => e.scope)));
    assert.deepStrictEqual([...defined].filter((s) => !asserted.has(s)).sort(), []);
    assert.deepStrictEqual([...asserted].filter((s) => !defined.has(s)).sort(), []);
  });

  it('is up to date with scripts/build-grammar.mjs', () => {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-grammar.mjs'), '--check'], { stdio: 'pipe' });
  });
});

// The parser's recognisers (parse/markers.ts) and the grammar built from their sources, line by line:
// every marker form the parser reads, and the near misses it refuses.
describe('TextMate grammar and parser agree on markers', () => {
  const TITLE_TEXT = '加强组织领导';
  const OPENS = ['(', '（'];
  const CLOSES = [')', '）'];
  const TAILS = ['', '、', '.', '．'];
  const SPACES = ['', ' ', '\t'];
  const numerals = [
    ...Array.from({ length: 99 }, (_, i) => toChineseNumeral(i + 1)),
    ...Array.from({ length: 99 }, (_, i) => toChineseNumeral(i + 1, true)),
    '两', '貳', '參', '陸', '两十', '两拾貳', '一十', '一十二', '十〇', '十零', '二十〇', '壹拾', '拾參',
  ];
  const NOT_NUMERALS = ['〇', '零', '十十', '一二', '〇十', '二十三四', '百', '廿'];
  const digits = ['1', '9', '10', '12', '99', '01', '0', '00', '１', '１２', '1２', '０５'];
  const glyphs = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));

  /** Lines whose first characters are the case, followed by a title. */
  const lines = (prefixes: string[]) => prefixes.map((p) => p + TITLE_TEXT);
  const product = (...parts: string[][]): string[] => parts.reduce<string[]>((acc, part) => acc.flatMap((a) => part.map((b) => a + b)), ['']);

  const GROUPS: Record<string, string[]> = {
    'chinese numerals `一、`': lines(product([...numerals, ...NOT_NUMERALS], ['', ' '], [...'、.．，,:：'])),
    'bracketed numerals `（一）`, compatibility glyphs ㈠': lines([
      ...product(OPENS, ['', ' '], [...numerals.slice(0, 30), ...numerals.slice(99, 110), '两', '十〇', ...NOT_NUMERALS], ['', ' '], CLOSES, TAILS),
      ...product(glyphs(0x3220, 0x3229), TAILS),
    ]),
    'digits with a stop `1.`, `１２．`, `1\\.`, compatibility glyphs ⒈': [
      ...lines(product(digits, SPACES, ['', '\\'], [...'.．、,，'])),
      ...lines(product(glyphs(0x2488, 0x249b))),
      '7.0版各项举措全面落地', '2.0 版上线', '1.5万人次', '1,000 名志愿者', '100.加强组织领导', '1%人口抽样调查', 'No.1 创新空间',
    ],
    'digits with a half bracket `1)`': lines(product(digits, CLOSES, TAILS)),
    'bracketed digits `（1）`, compatibility glyphs ⑴': lines([
      ...product(OPENS, ['', ' '], digits, ['', ' '], CLOSES, TAILS),
      ...product(glyphs(0x2474, 0x2487), TAILS),
    ]),
    'circled numbers ① ㉑ ㊱': lines(product([...glyphs(0x2460, 0x2473), ...glyphs(0x3251, 0x325f), ...glyphs(0x32b1, 0x32bf)], TAILS)),
    'not markers: (企), brackets around other words': ['(企)恳谈会定期召开', '（企）恳谈会', '(一', '一)项目', '(A)类项目', '((1))'],
    'numerals that list numbers: 三、四季度, 第一、二批': [
      '三、四季度开展专项整治', '一、二、三级网格', '十、十一月集中攻坚', '九、十月份', '二十三、二十四日', '三 、四季度', '十九、二十日',
      '一、一网通办', '三、三农工作', '二、四季度', '十、十二月', '两、三年内',
      '第一、二批征收基地按期完成签约', '第一、第二网格', '第三、四季度', '第一、加强组织领导',
    ],
    'run-in enumerators 一是, 第一，, 首先，': [
      ...lines(product([...numerals.slice(0, 25), '两', ...NOT_NUMERALS], ['是'], ['', ...'、，,：:'])),
      ...lines(product([...numerals.slice(0, 25), '两', ...NOT_NUMERALS].map((n) => '第' + n), [...'，,、：:'])),
      ...lines(product(['首先', '其次', '再次', '最后', '然后'], ['', ...'，,、：:'])),
    ],
  };

  const MARKER_PREFIX = 'punctuation.definition.heading.marker';
  const levelOf = (rank: number) => (Number.isInteger(rank) ? `level-${rank}` : 'other');

  /** What the parser reads at the start of `line`, in the grammar's scope names; '' for nothing. */
  function parserReads(line: string): string {
    const marker = matchMarker(line, 0);
    if (marker) return `${MARKER(levelOf(FAMILY_RANK[marker.family]))} ${marker.text}`;
    const enumerator = matchEnumerator(line, 0);
    return enumerator ? `${ENUMERATOR} ${enumerator.text}` : '';
  }

  /** The same read off the grammar's tokens: the scope on the first character and the run it covers. */
  function grammarReads(line: string): string {
    const tokens = grammar.tokenizeLine(line, tm.INITIAL).tokens;
    const scope = scopesAt(tokens, 0).find((s) => s.startsWith(MARKER_PREFIX) || s === ENUMERATOR);
    return scope ? `${scope} ${runOf(line, tokens, scope, 0)}` : '';
  }

  for (const [group, cases] of Object.entries(GROUPS)) {
    it(group, () => {
      const disagreements = cases
        .map((line) => ({ line, parser: parserReads(line), grammar: grammarReads(line) }))
        .filter((c) => c.parser !== c.grammar);
      assert.deepStrictEqual(disagreements, []);
    });
  }

  it('holds many lines the parser reads as markers or enumerators, and many it refuses', () => {
    const all = Object.values(GROUPS).flat();
    const read = all.filter((line) => parserReads(line) !== '').length;
    assert.ok(read > 1000 && all.length - read > 300, `${read} read, ${all.length - read} refused`);
  });

  it('reads a numeral as the parser does, for every string of up to four numeral characters', () => {
    const chars = [...NUMERAL_CHARS];
    const any = new RegExp(`^${chineseNumeralSource()}$`);
    const byValue = Array.from({ length: 100 }, (_, v) => (v ? new RegExp(`^${chineseNumeralSource(v)}$`) : undefined));
    const wrong: string[] = [];
    let strings = [''];
    for (let length = 1; length <= 4; length++) {
      strings = strings.flatMap((s) => chars.map((c) => s + c));
      for (const s of strings) {
        const value = parseChineseNumeral(s);
        if (any.test(s) !== (value !== undefined)) wrong.push(`${s}: ${value}`);
        if (value !== undefined && !byValue[value]!.test(s)) wrong.push(`${s}: not read as ${value}`);
      }
    }
    assert.deepStrictEqual(wrong, []);
  });
});
