import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { DIAGNOSTIC_CODES, DiagnosticCode, NUMBERING_CODES, PlanDiagnostic } from '../../server/src/service/checks/codes';
import { computeDiagnostics } from '../../server/src/service/checks/diagnostics';
import { safeFixEdits } from '../../server/src/service/checks/fixes';
import { applyEdits } from '../../server/src/service/checks/markerForms';
import { diagnosticMessage, Lang } from '../../server/src/service/l10n/messages';
import { parsePlan } from '../../server/src/service/parse/parser';
import { DEFAULT_SETTINGS, readSettings, WorkplanSettings } from '../../server/src/service/checks/settings';
import * as fc from 'fast-check';
import { Random } from '../helpers/fuzz';
import { ROOT, seed, seeds } from '../helpers/seeds';

const A = seed('五角场').text; // 一、…五、 over (一)…(四), two split headings
const B = seed('华阳路街道2025年工作计划').text; // covering notice, merged heading, `(三) 重策源`
const C = seed('新华路').text; // headings with their body on the same line
const D = seed('江苏路').text; // `## 一、` and 一是/二是/三是 run-ins

type Fault = [find: string, replace: string];

/** Applies each fault in turn; each `find` must occur exactly once in the text at that point. */
function inject(text: string, faults: Fault[]): string {
  for (const [find, replace] of faults) {
    const at = text.indexOf(find);
    assert.ok(at >= 0 && text.indexOf(find, at + 1) < 0, `"${find}" must occur exactly once`);
    text = text.slice(0, at) + replace + text.slice(at + find.length);
  }
  return text;
}

function diagnose(text: string, settings: Partial<WorkplanSettings> = {}): PlanDiagnostic[] {
  return computeDiagnostics(parsePlan(text), { ...DEFAULT_SETTINGS, ...settings });
}

/** The document's safe fixes (fixes.ts), as the renumber command and `check --fix` apply them. */
function safeFixes(text: string, settings: Partial<WorkplanSettings> = {}) {
  const model = parsePlan(text);
  const all = { ...DEFAULT_SETTINGS, ...settings };
  return safeFixEdits(model, computeDiagnostics(model, all), all);
}

function fix(text: string, settings: Partial<WorkplanSettings> = {}): string {
  return applyEdits(text, safeFixes(text, settings));
}

/** Offset of `marker` inside the only occurrence of `context` in `text`. */
function locate(text: string, [context, marker]: [string, string]): { start: number; end: number } {
  const at = text.indexOf(context);
  assert.ok(at >= 0 && text.indexOf(context, at + 1) < 0, `"${context}" must occur exactly once`);
  const start = at + context.indexOf(marker);
  return { start, end: start + marker.length };
}

/** Diagnostics of `code` in `text` that `original` does not have (compared by the text they sit on and around). */
function added(original: string, text: string, code: DiagnosticCode): PlanDiagnostic[] {
  const key = (t: string, d: PlanDiagnostic) => `${t.slice(d.span.start - 12, d.span.end + 12)}|${d.expected}|${d.found}`;
  const before = diagnose(original).filter((d) => d.code === code).map((d) => key(original, d));
  return diagnose(text).filter((d) => d.code === code && !before.includes(key(text, d)));
}

interface Case {
  name: string;
  code: DiagnosticCode;
  base: string;
  faults: Fault[];
  /** Where each expected diagnostic sits: [unique context, the marker or text inside it]. */
  on: [string, string][];
  message: string;
  /** Report-only codes carry no fix. */
  fix: boolean;
}

const CASES: Case[] = [
  {
    name: 'a section dropped: 一、三、四、五、', code: 'numbering.skipped', base: C, fix: true,
    faults: [['四、强化底线思维', '五、强化底线思维'], ['三、强化精细思维', '四、强化精细思维'], ['二、强化服务思维', '三、强化服务思维']],
    on: [['三、强化服务思维', '三、']], message: '序号不连续：此处应为“二、”，实为“三、”',
  },
  {
    name: 'one number mistyped: (一)(三)(三)(四)', code: 'numbering.skipped', base: A, fix: true,
    faults: [['(二)做实服务', '(三)做实服务']], on: [['(三)做实服务', '(三)']], message: '序号不连续：此处应为“(二)”，实为“(三)”',
  },
  {
    name: '(一)(二)(二)(四)', code: 'numbering.duplicate', base: C, fix: true,
    faults: [['(三)党建引领', '(二)党建引领']], on: [['(二)党建引领', '(二)']], message: '序号重复：此处应为“(三)”，实为“(二)”',
  },
  {
    name: '一、二、一、 in one body', code: 'numbering.duplicate', base: D, fix: true,
    faults: [['三、“智、细、效”', '一、“智、细、效”']], on: [['一、“智、细、效”', '一、']], message: '序号重复：此处应为“三、”，实为“一、”',
  },
  {
    name: '(三) before (二)', code: 'numbering.order', base: A, fix: true,
    faults: [['(二)聚焦科技赋能', '(三)聚焦科技赋能'], ['(三)聚焦多元参与', '(二)聚焦多元参与']],
    on: [['(三)聚焦科技赋能', '(三)']], message: '序号顺序颠倒：此处应为“(二)”，实为“(三)”',
  },
  {
    name: '二、 going on with (五) from the previous section', code: 'numbering.restart', base: A, fix: true,
    faults: [['(一)聚焦机制建设', '(五)聚焦机制建设'], ['(二)聚焦科技赋能', '(六)聚焦科技赋能'], ['(三)聚焦多元参与', '(七)聚焦多元参与'], ['(四)聚焦风险防范', '(八)聚焦风险防范']],
    on: [['(五)聚焦机制建设', '(五)']], message: '新的上级标题下序号未重新开始：此处应为“(一)”，实为“(五)”',
  },
  {
    name: '三、 straight to 1. where the plan uses (一)', code: 'numbering.levelSkipped', base: A, fix: true,
    faults: [['(一)织密民生保障网', '1.织密民生保障网'], ['(二)提升宜居幸福感', '2.提升宜居幸福感'], ['(三)打造便民生活圈', '3.打造便民生活圈']],
    on: [['1.织密民生保障网', '1.']], message: '跳过了层级：“三、”之下应为“(一)”，实为“1.”',
  },
  {
    name: '五、 straight to (1): two levels', code: 'numbering.levelSkipped', base: A, fix: true,
    faults: [['(一)强化政治思想引领', '(1)强化政治思想引领'], ['(二)提升依法行政水平', '(2)提升依法行政水平'], ['(三)锤炼廉洁务实作风', '(3)锤炼廉洁务实作风']],
    on: [['(1)强化政治思想引领', '(1)']], message: '跳过了层级：“五、”之下应为“(一)”，实为“(1)”',
  },
  {
    name: '一、二、一、二、三、: two sections written at the level of their parent', code: 'numbering.nesting', base: A, fix: false,
    faults: [['三、增进福祉', '一、增进福祉'], ['四、\n品牌引领', '二、\n品牌引领'], ['五、从严从实', '三、从严从实']],
    on: [['一、增进福祉', '一、']], message: '层级嵌套错误：“二、”之下应为更深一级的序号（如“(一)”），实为“一、”',
  },
  {
    name: '1. after (1)(2) in one section', code: 'numbering.nesting', base: C, fix: false,
    faults: [['\n(二)扎实开展精准招商', '\n(1)甲项工作。\n(2)乙项工作。\n1.丙项工作。\n2.丁项工作。\n(二)扎实开展精准招商']],
    on: [['1.丙项工作', '1.']], message: '层级嵌套错误：“(2)”之下应为更深一级的序号（如“①”），实为“1.”',
  },
  {
    name: 'one 二. among 一、三、四、', code: 'marker.punctuation', base: C, fix: true,
    faults: [['二、强化服务思维', '二.强化服务思维']], on: [['二.强化服务思维', '二.']], message: '序号标点不规范：应为“二、”，实为“二.”',
  },
  {
    name: '1) standing for (一)', code: 'marker.punctuation', base: A, fix: true,
    faults: [['(一)强化政治思想引领', '1)强化政治思想引领']], on: [['1)强化政治思想引领', '1)']], message: '序号标点不规范：应为“(一)”，实为“1)”',
  },
  {
    name: 'every 一、 written 一.', code: 'marker.punctuation', base: C, fix: true,
    faults: [['一、强化改革思维', '一.强化改革思维'], ['二、强化服务思维', '二.强化服务思维'], ['三、强化精细思维', '三.强化精细思维'], ['四、强化底线思维', '四.强化底线思维']],
    on: [['一.强化改革思维', '一.'], ['二.强化服务思维', '二.'], ['三.强化精细思维', '三.'], ['四.强化底线思维', '四.']],
    message: '序号标点不规范：应为“一、”，实为“一.”',
  },
  {
    name: 'one （二） among (一)', code: 'marker.width', base: B, fix: true,
    faults: [['(二)优服务稳存量', '（二）优服务稳存量']], on: [['（二）优服务稳存量', '（二）']], message: '序号括号全角半角不统一：应为“(二)”，实为“（二）”',
  },
  {
    name: '(三）', code: 'marker.bracket', base: B, fix: true,
    faults: [['(三)践行文明实践', '(三）践行文明实践']], on: [['(三）践行文明实践', '(三）']], message: '序号括号不成对：应为“(三)”，实为“(三）”',
  },
  {
    name: '㈠', code: 'marker.compatChar', base: A, fix: true,
    faults: [['(一)做大增量', '㈠做大增量']], on: [['㈠做大增量', '㈠']], message: '序号用了兼容字符：应为“(一)”，实为“㈠”',
  },
  {
    name: '(一) with no (二)', code: 'numbering.lone', base: C, fix: false,
    faults: [['(二)聚焦人民幸福', '聚焦人民幸福'], ['(三)打造高效队伍', '打造高效队伍']],
    on: [['(一)构筑美好生活', '(一)']], message: '有一无二：有“(一)”而无“(二)”，可考虑去掉序号',
  },
  {
    name: '一是 … 三是', code: 'enumeration.gap', base: D, fix: true,
    faults: [['二是营商服企', '三是营商服企']], on: [['三是营商服企', '三是']], message: '分项序号不连续：此处应为“二是”，实为“三是”',
  },
  {
    name: '一是：', code: 'enumeration.punctuation', base: D, fix: true,
    faults: [['一是招商引资', '一是：招商引资']], on: [['一是：招商引资', '一是：']], message: '分项词后标点不规范：应为“一是”，实为“一是：”',
  },
  {
    name: '一是 … 二是 … 第三，', code: 'enumeration.mixed', base: D, fix: false,
    faults: [['三是增色显特', '第三，增色显特']], on: [['第三，增色显特', '第三，']], message: '分项说法混用：本组以“一是”开头，此处应为“三是”，实为“第三，”',
  },
  {
    name: 'marker alone on its line', code: 'heading.split', base: C, fix: true,
    faults: [['二、强化服务思维', '二、\n强化服务思维']], on: [['二、\n强化服务思维', '二、']], message: '标题被断开：标题应紧接在“二、”之后，实为另起一行',
  },
  {
    name: 'heading run into its paragraph', code: 'heading.merged', base: A, fix: true,
    faults: [['迈上基层治理新台阶\n主动把握', '迈上基层治理新台阶 主动把握']], on: [['二、把握机遇', '二、']],
    message: '标题与正文连成一行：应在“…,迈上基层治理新台阶”之后换行，实为接着“主动把握后疫情时”',
  },
  {
    name: 'a sentence broken in two', code: 'text.brokenLine', base: C, fix: true,
    faults: [['推动项目提质增效。聚焦辖区', '推动项目提质增效。聚焦\n辖区']], on: [['聚焦\n辖区', '\n']], message: '句子中途断行：“…目提质增效。聚焦”之后应接“辖区上海A.F.”，实为换行',
  },
  {
    name: 'a space inside a word', code: 'text.cjkSpace', base: C, fix: true,
    faults: [['推动项目提质增效', '推动项 目提质增效']], on: [['项 目提', ' ']], message: '中文之间有多余空格：应为“动项目提”，实为“动项 目提”',
  },
  {
    name: 'a half-width comma', code: 'text.halfWidth', base: D, fix: true,
    faults: [['一是招商引资，挖掘', '一是招商引资,挖掘']], on: [['招商引资,挖掘', ',']], message: '中文里用了半角标点：应为“，”，实为“,”',
  },
  {
    name: 'a space after the marker', code: 'text.markerSpace', base: C, fix: true,
    faults: [['(二)扎实开展', '(二) 扎实开展']], on: [['(二) 扎实开展', ' ']], message: '序号后有多余空格：应为“(二)扎实开展”，实为“(二) 扎实开展”',
  },
  {
    name: 'one section written (一)、(二)、(三)、 where the others write (一)', code: 'numbering.style', base: A, fix: true,
    faults: [['(一)强化政治思想引领', '(一)、强化政治思想引领'], ['(二)提升依法行政水平', '(二)、提升依法行政水平'], ['(三)锤炼廉洁务实作风', '(三)、锤炼廉洁务实作风']],
    on: [['(一)、强化政治思想引领', '(一)、']], message: '同一层级序号写法不一致：此处应为本文多数写法“(一)”，实为“(一)、”',
  },
];

function fixAll(text: string, ds: PlanDiagnostic[]): string {
  return applyEdits(text, ds.flatMap((d) => d.edits ?? []));
}

describe('numbering diagnostics: one fault injected into a seed', () => {
  for (const c of CASES) {
    it(`${c.code}: ${c.name}`, () => {
      const text = inject(c.base, c.faults);
      const found = added(c.base, text, c.code);
      assert.deepStrictEqual(found.map((d) => d.span), c.on.map((o) => locate(text, o)), 'code and exact range');
      assert.strictEqual(diagnosticMessage(c.code, found[0], 'zh'), c.message);
      // Nothing else: one fault, one diagnostic, no cascade over later siblings.
      const others = diagnose(text).filter((d) => (NUMBERING_CODES as readonly string[]).includes(d.code) && d.code !== c.code);
      assert.deepStrictEqual(others.map((d) => `${d.code} ${d.found}`), []);
      if (c.fix) {
        assert.ok(found.every((d) => d.edits?.length));
        assert.strictEqual(fixAll(text, found), c.base, 'the fix gives back the original text');
      } else {
        assert.ok(found.every((d) => d.edits === undefined), 'reported only');
      }
    });
  }

  it('covers every code', () => {
    const covered = new Set(CASES.map((c) => c.code));
    assert.deepStrictEqual(DIAGNOSTIC_CODES.filter((c) => !covered.has(c)), []);
  });
});

describe('numbering diagnostics: faults in combination', () => {
  const groups: [string, string[]][] = [
    ['五角场', ['one number mistyped: (一)(三)(三)(四)', '(三) before (二)', '三、 straight to 1. where the plan uses (一)', '1) standing for (一)', 'heading run into its paragraph']],
    ['新华路', ['(一)(二)(二)(四)', 'one 二. among 一、三、四、', 'a space after the marker', '(一) with no (二)', 'a sentence broken in two']],
    ['江苏路', ['一、二、一、 in one body', '一是 … 三是', '一是 … 二是 … 第三，', 'a half-width comma']],
    ['华阳路街道2025年工作计划', ['one （二） among (一)', '(三）']],
  ];
  for (const [seedName, names] of groups) {
    it(`finds each of ${names.length} faults in ${seedName} where it is, and each fix undoes only its own`, () => {
      const cases = names.map((n) => CASES.find((c) => c.name === n)!);
      const base = cases[0].base;
      const text = inject(base, cases.flatMap((c) => c.faults));
      for (const c of cases) {
        const found = added(base, text, c.code).filter((d) => c.on.some((o) => locate(text, o).start === d.span.start));
        assert.deepStrictEqual(found.map((d) => d.span), c.on.map((o) => locate(text, o)), `${c.name}: range`);
        assert.strictEqual(diagnosticMessage(c.code, found[0], 'zh'), c.message, `${c.name}: message`);
        if (!c.fix) continue;
        const rest = cases.filter((o) => o !== c);
        assert.strictEqual(fixAll(text, found), inject(base, rest.flatMap((o) => o.faults)), `${c.name}: its fix undoes it alone`);
      }
      const numbering = diagnose(text).filter((d) => (NUMBERING_CODES as readonly string[]).includes(d.code));
      const expected = cases.filter((c) => (NUMBERING_CODES as readonly string[]).includes(c.code)).reduce((n, c) => n + c.on.length, 0);
      assert.strictEqual(numbering.length, expected, numbering.map((d) => `${d.code} ${d.found}`).join('; '));
    });
  }
});

describe('numbering diagnostics: the seeds', () => {
  for (const s of seeds()) {
    it(`finds no numbering fault in ${s.name}`, () => {
      const found = diagnose(s.text).filter((d) => (NUMBERING_CODES as readonly string[]).includes(d.code));
      assert.deepStrictEqual(found.map((d) => `${d.code} ${d.found}`), []);
    });
  }

  it('reports the extraction damage the seeds do have, as information', () => {
    const split = diagnose(A).filter((d) => d.code === 'heading.split');
    const { lines } = parsePlan(A);
    const lineAt = (offset: number) => Array.from({ length: lines.count }, (_, i) => lines.start(i)).indexOf(offset) + 1;
    assert.deepStrictEqual(split.map((d) => [lineAt(d.span.start), d.found, d.severity]), [
      [3, '一、', 'information'],
      [153, '四、', 'information'],
    ]);
    const merged = diagnose(B).filter((d) => d.code === 'heading.merged');
    assert.deepStrictEqual(merged.map((d) => [B.slice(d.span.start, d.span.end + 8), d.severity]), [['三、坚持发展为民,办', 'information']]);
    const spaces = diagnose(B).filter((d) => d.code === 'text.markerSpace');
    assert.deepStrictEqual(spaces.map((d) => d.found), ['(三) 重策源提', '(一) 汇聚民智']);
  });
});

describe('numbering diagnostics: fixes that meet', () => {
  it('renumbers from a fault up to the next fault of the same sequence, which has its own fix', () => {
    const text = inject(C, [['四、强化底线思维', '六、强化底线思维'], ['三、强化精细思维', '四、强化精细思维'], ['二、强化服务思维', '三、强化服务思维']])
      .replace('(三)坚持把保障', '(五)坚持把保障');
    const faults = diagnose(text).filter((d) => d.code === 'numbering.skipped');
    assert.deepStrictEqual(faults.map((d) => [d.found, d.expected]), [['三、', '二、'], ['六、', '五、'], ['(五)', '(三)']]);
    assert.strictEqual(applyEdits(text, faults[0].edits!), inject(C, [['四、强化底线思维', '六、强化底线思维']]).replace('(三)坚持把保障', '(五)坚持把保障'));
    assert.strictEqual(applyEdits(text, faults[1].edits!), text.replace('六、强化底线思维', '五、强化底线思维'));
  });

  it('applies every safe fix in one pass, one edit per marker, and leaves the report-only faults and the text alone', () => {
    const byName = (name: string) => CASES.find((c) => c.name === name)!.faults;
    const comma: Fault = ['营商服企，打造', '营商服企,打造'];
    const kept = [...byName('一是 … 二是 … 第三，'), comma];
    const broken = inject(D, [...byName('一、二、一、 in one body'), ...byName('一是 … 三是'), ...byName('一是：'), ...kept]);
    const edits = safeFixes(broken);
    assert.strictEqual(edits.length, 3);
    assert.strictEqual(applyEdits(broken, edits), inject(D, kept), 'enumeration.mixed and text.halfWidth stay');
  });

  it('quotes a broken line by whole characters: a surrogate pair is never cut in the message', () => {
    const text = C + '\n推进𠀀𠀀𠀀𠀀𠀀一二三四五𠀀建设\n𪚥𪚥𪚥二三四五六七𪚥继续推进。\n';
    const broken = diagnose(text).filter((d) => d.code === 'text.brokenLine' && d.span.start > C.length);
    assert.strictEqual(broken.length, 1);
    assert.strictEqual(broken[0].found, '…一二三四五𠀀建设', 'the last characters, an ellipsis before them');
    assert.strictEqual(broken[0].expected, '𪚥𪚥𪚥二三四五六', 'the first eight characters of the next line');
  });
});

describe('the safe fixes of the whole document', () => {
  const renumber = (text: string) => fix(text);

  it('gives back each seed from a copy with many sequence faults at once', () => {
    const broken: [string, Fault[]][] = [
      [A, [...CASES[1].faults, ...CASES[4].faults, ['三、增进福祉', '四、增进福祉'], ['(一)完善硬件', '(四)完善硬件'], ['(二)搭建平台', '(五)搭建平台'], ['(三)活动赋能', '(六)活动赋能']]],
      [C, [...CASES[0].faults, ...CASES[2].faults, ['(一)坚持把维护', '(三)坚持把维护']]],
      [D, [...CASES[3].faults, ...CASES[17].faults, ['一是深植根脉', '二是深植根脉'], ['二是赓续血脉', '三是赓续血脉'], ['三是刀刃向内', '四是刀刃向内']]],
    ];
    for (const [original, faults] of broken) {
      const text = inject(original, faults);
      assert.ok(diagnose(text).some((d) => d.code.startsWith('numbering.') || d.code === 'enumeration.gap'), 'the copy has faults');
      assert.strictEqual(renumber(text), original);
    }
  });

  it('restarts under each parent, writes faulted markers in their standard form and leaves a correct plan alone', () => {
    const text = '一、甲\n（一）子\n(三)丑\n二、乙\n(四)寅\n1、卯\n3、辰\n一是甲。四是乙。\n';
    assert.strictEqual(renumber(text), '一、甲\n(一)子\n(二)丑\n二、乙\n(一)寅\n1.卯\n2.辰\n一是甲。二是乙。\n');
    for (const s of seeds()) assert.deepStrictEqual(safeFixes(s.text), [], s.name);
  });

  it('numbers sixty items 1 to 60 in one pass, and a second pass changes nothing', () => {
    const items = (value: (n: number) => string) => Array.from({ length: 60 }, (_, k) => `${value(k + 1)}.第${k + 1}项工作。正文。\n`).join('');
    const text = '一、总体要求\n\n' + items(() => '1');
    const fixed = fix(text);
    assert.strictEqual(fixed, '一、总体要求\n\n' + items((n) => String(n)));
    assert.deepStrictEqual(safeFixes(fixed), []);
  });

  it('writes brackets in one width for every fix: the setting, or the document majority', () => {
    const text = '一、甲\n（一）子\n㈡丑\n(三)寅\n(四)卯\n';
    assert.strictEqual(fix(text), '一、甲\n(一)子\n(二)丑\n(三)寅\n(四)卯\n', 'half width: most pairs');
    assert.strictEqual(fix(text, { markerWidth: 'full' }), '一、甲\n（一）子\n（二）丑\n（三）寅\n（四）卯\n');
    assert.strictEqual(fix('一、甲\n(一)子\n㈢丑\n', { markerWidth: 'full' }), '一、甲\n（一）子\n（二）丑\n');
  });

  it('counts a `1)` among the markers it is written as, and keeps a form whose code is off', () => {
    assert.strictEqual(fix('一、甲\n（一）子\n1.丙\n2.丁\n3)戊\n'), '一、甲\n（一）子\n1.丙\n2.丁\n（1）戊\n');
    assert.strictEqual(fix('一、甲\n（一）子\n1)丙\n2.丁\n'), '一、甲\n（一）子\n1.丙\n2.丁\n');
    const under = '一、甲\n（一）子\n1.丑\n1)寅\n（1）卯\n';
    assert.strictEqual(fix(under), under, 'as `（1）` it would take its child （1） from it');
    const dotted = '一、甲\n\n（一）子\n\n1、丙\n\n3、丁\n';
    assert.strictEqual(fix(dotted), dotted.replace('1、', '1.').replace('3、', '2.'));
    assert.strictEqual(fix(dotted, { severity: { 'marker.punctuation': 'off' } }), dotted.replace('3、', '2、'));
  });

  it('never renumbers a heading into a list of numbers: the fault stays reported', () => {
    const text = '一、甲\n\n正文。\n\n三、三农工作\n\n正文。\n';
    assert.strictEqual(fix(text), text, '二、三农 would read as the numbers 二、三');
    assert.ok(diagnose(text).some((d) => d.code === 'numbering.skipped'));
  });

  it('writes new numbers in the numerals of the sequence: capitals, full-width digits', () => {
    assert.strictEqual(renumber('壹、甲\n\n正文。\n\n叁、乙\n\n正文。\n'), '壹、甲\n\n正文。\n\n贰、乙\n\n正文。\n');
    assert.strictEqual(renumber('一、甲\n１.子\n３.丑\n'), '一、甲\n１.子\n２.丑\n');
  });

  it('starts afresh in each part of a plan, without a nesting fault', () => {
    const text = '第一部分　工作回顾\n\n一、甲。正文。\n\n二、乙。正文。\n\n第二部分　主要任务\n\n一、丙\n\n（一）子\n\n（二）丑\n\n三、丁\n';
    assert.deepStrictEqual(diagnose(text).filter((d) => d.code.startsWith('numbering.')).map((d) => [d.code, d.found]), [['numbering.skipped', '三、']]);
    assert.strictEqual(renumber(text), text.replace('三、丁', '二、丁'));
  });

  it('finds no numbering fault in a flattened plan, and its line-break fixes restore the outline', () => {
    const flat = '某街道2024年工作计划\n2024年，重点做好以下工作。一、加强党建 （一）建强组织。推进标准化建设。（二）抓好队伍。开展培训。二、发展经济（一）抓好招商。引进企业。（二）优化服务。推行一网通办。\n';
    const found = diagnose(flat);
    assert.deepStrictEqual(found.filter((d) => !d.code.startsWith('heading.') && !d.code.startsWith('text.')), []);
    const fixed = applyEdits(flat, found.filter((d) => d.code === 'heading.merged').flatMap((d) => d.edits ?? []));
    assert.strictEqual(fixed, '某街道2024年工作计划\n2024年，重点做好以下工作。\n一、加强党建\n（一）建强组织。推进标准化建设。\n（二）抓好队伍。开展培训。\n二、发展经济\n（一）抓好招商。引进企业。\n（二）优化服务。推行一网通办。\n');
    assert.deepStrictEqual(diagnose(fixed).filter((d) => d.code.startsWith('heading.') || d.code.startsWith('numbering.')), []);
  });

  it('lets a second document in the file start afresh or go on from the first, as the check does', () => {
    const text = '一、甲\n\n正文。\n\n二、乙\n\n正文。\n\n某某镇 2026 年工作要点\n\n三、丙\n\n正文。\n\n四、丁\n\n正文。\n';
    assert.deepStrictEqual(diagnose(text).filter((d) => d.code.startsWith('numbering.')), [], 'going on from the first document is no fault');
    assert.strictEqual(fix(text), text);
    assert.strictEqual(fix(text.replace('四、丁', '六、丁')), text, 'a fault in the second is mended going on');
    const skipped = fix(text.replace('二、乙', '三、乙'));
    assert.strictEqual(fix(skipped), skipped, 'one pass is enough');
    assert.strictEqual(fix(text.replace('三、丙', '一、丙').replace('四、丁', '三、丁')), text.replace('三、丙', '一、丙').replace('四、丁', '二、丁'));
  });
});

describe('numbering diagnostics: plans from elsewhere', () => {
  it('checks two run-in lists of one section each on its own', () => {
    const text = '一、总体要求\n\n一是加强领导。健全机制。二是压实责任。层层分解。\n\n一是强化督查。定期通报。二是严格考核。奖惩分明。\n\n二、保障措施\n';
    assert.deepStrictEqual(diagnose(text).filter((d) => !d.code.startsWith('text.')), []);
    assert.deepStrictEqual(safeFixes(text), []);
  });

  it('quotes text in messages on one line, in whole characters, even at the start of the text', () => {
    const text = '争 取更大成效。\n营商 环境更优，𠀀项 目落地。\n';
    const spaces = diagnose(text).filter((d) => d.code === 'text.cjkSpace');
    assert.deepStrictEqual(spaces.map((d) => [d.expected, d.found]), [['争取更', '争 取更'], ['营商环境', '营商 环境'], ['𠀀项目落', '𠀀项 目落']]);
  });

  it('writes a full-width `１．` as the standard `1.`, not as a mix of widths', () => {
    const found = diagnose('一、甲\n\n１．子。正文。\n\n２．丑。正文。\n').filter((d) => d.code === 'marker.punctuation');
    assert.deepStrictEqual(found.map((d) => [d.found, d.expected]), [['１．', '1.'], ['２．', '2.']]);
    assert.strictEqual(fix('一、甲\n\n１．子。正文。\n\n３．丑。正文。\n'), '一、甲\n\n1.子。正文。\n\n2.丑。正文。\n');
  });

  it('leaves typed separators, page residue and the signature alone', () => {
    const text = [
      '某镇2024年工作要点', '', '第一部分　总体要求', '', '一、加强党建。全面推进标准化建设，', '做好各项工作。', '',
      '— 2 —', '', '第 4 页，共 6 页', '', '二、发展经济。引进企业。', '', '中共某镇委员会　某镇人民政府', '2024年1月5日', '',
    ].join('\n');
    assert.deepStrictEqual(diagnose(text).filter((d) => d.code.startsWith('text.')).map((d) => [d.code, d.found]), [['text.brokenLine', '…推进标准化建设，']]);
  });
});

describe('numbering diagnostics: one fault, one code, one fix', () => {
  const codes = (text: string) => diagnose(text, { hygieneEnabled: false }).map((d) => [d.code, d.found, d.expected]);

  it('reports `1、` under `一、` where the plan puts `（一）` there as a skipped level only, whose fix writes the standard form', () => {
    const text = '一、甲\n\n（一）子\n\n（二）丑\n\n二、乙\n\n1、寅\n\n2、卯\n';
    const found = diagnose(text, { hygieneEnabled: false });
    assert.deepStrictEqual(found.map((d) => [d.code, d.found, d.expected]), [['numbering.levelSkipped', '1、', '（一）']]);
    assert.strictEqual(applyEdits(text, found[0].edits!), text.replace('1、寅', '（一）寅').replace('2、卯', '（二）卯'));
  });

  it('numbers a skipped level and a skipped number the same way where both fixes rewrite a marker', () => {
    const text = '一、甲\n\n（一）子\n\n（二）丑\n\n二、乙\n\n1、寅\n\n3、卯\n';
    const found = diagnose(text, { hygieneEnabled: false });
    assert.deepStrictEqual(found.map((d) => [d.code, d.found, d.expected]), [['numbering.levelSkipped', '1、', '（一）'], ['numbering.skipped', '3、', '（二）']]);
    const fixed = text.replace('1、寅', '（一）寅').replace('3、卯', '（二）卯');
    assert.strictEqual(applyEdits(text, found[0].edits!), fixed, 'the level fix numbers the sequence as its own fix does');
    assert.deepStrictEqual(found[1].edits, [found[0].edits![1]], 'both write the same text on the marker they share');
  });

  it('writes a glyph whose number is wrong once, with the number its sequence gives it', () => {
    const text = '一、甲\n\n㈠子\n\n㈢丑\n\n二、乙\n';
    assert.deepStrictEqual(codes(text), [['marker.compatChar', '㈠', '（一）'], ['numbering.skipped', '㈢', '（二）'], ['marker.compatChar', '㈢', '（二）']]);
  });

  it('reports a level written one way in one section and another way in the rest once, for the section', () => {
    const text = '一、甲\n\n1.子\n\n2.丑\n\n二、乙\n\n1.寅\n\n2.卯\n\n三、丙\n\n1、辰\n\n2、巳\n';
    const found = diagnose(text, { hygieneEnabled: false });
    assert.deepStrictEqual(found.map((d) => [d.code, d.found, d.expected]), [['numbering.style', '1、', '1.']]);
    assert.strictEqual(applyEdits(text, found[0].edits!), text.replace('1、辰', '1.辰').replace('2、巳', '2.巳'));
    // A single marker written otherwise is that marker's punctuation, not a way of writing the level.
    assert.deepStrictEqual(codes(text.replace('2、巳', '2.巳')), [['marker.punctuation', '1、', '1.']]);
  });

  it('decides a width two markers cannot decide by the document\'s own brackets and commas', () => {
    const pair = '一、甲\n\n(一)子。\n\n（二）丑。\n\n二、乙\n';
    const width = (prose: string) => codes(pair + prose).filter(([code]) => code === 'marker.width');
    assert.deepStrictEqual(width('今年(2024年),继续推进.\n'), [['marker.width', '（二）', '(二)']]);
    assert.deepStrictEqual(width('今年（2024年），继续推进。\n'), [['marker.width', '(一)', '（一）']]);
    assert.deepStrictEqual(width('今年,继续推进,做好工作.\n'), [['marker.width', '（二）', '(二)']], 'no brackets in the prose: its commas');
  });
});

describe('numbering diagnostics: settings and language', () => {
  const skipped = inject(C, CASES[0].faults);

  it('takes a severity per code, or drops the code', () => {
    assert.strictEqual(diagnose(skipped).find((d) => d.code === 'numbering.skipped')!.severity, 'warning');
    assert.strictEqual(diagnose(skipped, { severity: { 'numbering.skipped': 'error' } }).find((d) => d.code === 'numbering.skipped')!.severity, 'error');
    assert.ok(!diagnose(skipped, { severity: { 'numbering.skipped': 'off' } }).some((d) => d.code === 'numbering.skipped'));
    assert.strictEqual(diagnose(inject(C, CASES[16].faults)).find((d) => d.code === 'numbering.lone')!.severity, 'information');
  });

  it('judges bracket width by the setting, or by the document majority under auto', () => {
    const markers = parsePlan(B).nodes.filter((n) => n.marker?.open === '(').length;
    const full = diagnose(B, { markerWidth: 'full' }).filter((d) => d.code === 'marker.width');
    assert.strictEqual(full.length, markers);
    assert.deepStrictEqual([full[0].found, full[0].expected], ['(一)', '（一）']);
    assert.deepStrictEqual(diagnose(B, { markerWidth: 'half' }).filter((d) => d.code.startsWith('marker.')), []);
    const fullDoc = B.replace(/^\((.)\)/gm, '（$1）');
    assert.deepStrictEqual(diagnose(fullDoc).filter((d) => d.code.startsWith('marker.')), [], 'a full-width document under auto');
  });

  it('allows skipping a level when told to, and never faults a plan that only has two levels', () => {
    const twoLevels = inject(A, CASES[6].faults);
    assert.ok(diagnose(twoLevels).some((d) => d.code === 'numbering.levelSkipped'));
    assert.ok(!diagnose(twoLevels, { allowLevelSkip: true }).some((d) => d.code === 'numbering.levelSkipped'));
    const plain = C.replace(/^\((.)\)/gm, (_m, n: string) => `${'一二三四'.indexOf(n) + 1}.`);
    assert.notStrictEqual(plain, C);
    assert.deepStrictEqual(diagnose(plain).filter((d) => (NUMBERING_CODES as readonly string[]).includes(d.code)), []);
  });

  it('turns the text hygiene family off', () => {
    assert.ok(diagnose(B).some((d) => d.code.startsWith('text.')));
    assert.ok(!diagnose(B, { hygieneEnabled: false }).some((d) => d.code.startsWith('text.')));
    assert.ok(diagnose(B, { hygieneEnabled: false }).some((d) => d.code === 'heading.merged'));
  });

  it('reads settings nested or with dotted keys, and ignores bad values', () => {
    const nested = readSettings({ diagnostics: { severity: { 'numbering.lone': 'off', 'no.such': 'error', 'marker.width': 'loud' } }, markerWidth: 'half', hygiene: { enabled: false } });
    assert.deepStrictEqual(nested, { ...DEFAULT_SETTINGS, severity: { 'numbering.lone': 'off' }, markerWidth: 'half', hygieneEnabled: false });
    const dotted = readSettings({ 'diagnostics.severity': { 'text.halfWidth': 'hint' }, allowLevelSkip: true, renumberOnSave: true, markerWidth: 'wide', 'hygiene.acceptDigitSpaces': true, hygiene: { acceptHalfWidth: 'yes' } });
    assert.deepStrictEqual(dotted, { ...DEFAULT_SETTINGS, severity: { 'text.halfWidth': 'hint' }, allowLevelSkip: true, renumberOnSave: true, acceptDigitSpaces: true });
    assert.deepStrictEqual(readSettings(null), DEFAULT_SETTINGS);
  });

  it('speaks English to an English client', () => {
    const en = (c: Case, lang: Lang = 'en') => {
      const text = inject(c.base, c.faults);
      return diagnosticMessage(c.code, added(c.base, text, c.code)[0], lang);
    };
    assert.strictEqual(en(CASES[0]), 'Numbering skips: expected "二、", found "三、"');
    assert.strictEqual(en(CASES[6]), 'Level skipped: under "三、" expected "(一)", found "1."');
    assert.strictEqual(en(CASES[16]), 'Lone item: "(一)" has no "(二)" after it; consider dropping the marker');
  });
});

describe('numbering diagnostics: the manifest', () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const nls = ['package.nls.json', 'package.nls.zh-cn.json'].map((f) => JSON.parse(readFileSync(path.join(ROOT, f), 'utf8')));

  it('declares every setting the server reads, every code, and the renumber command, described in both languages', () => {
    const props = manifest.contributes.configuration.properties;
    assert.deepStrictEqual(Object.keys(props['workplan.diagnostics.severity'].properties), [...DIAGNOSTIC_CODES]);
    for (const key of ['workplan.markerWidth', 'workplan.allowLevelSkip', 'workplan.hygiene.enabled', 'workplan.hygiene.acceptHalfWidth', 'workplan.hygiene.acceptDigitSpaces', 'workplan.renumberOnSave']) assert.ok(props[key], key);
    assert.ok(manifest.contributes.commands.some((c: { command: string }) => c.command === 'workplan.renumber'));
    const keys = JSON.stringify(manifest.contributes).match(/%[^%"]+%/g)!.map((k) => k.slice(1, -1));
    for (const table of nls) assert.deepStrictEqual(keys.filter((k) => !(k in table)), []);
    assert.deepStrictEqual([nls[0]['command.category'] + ': ' + nls[0]['command.renumber'], nls[1]['command.category'] + '：' + nls[1]['command.renumber']], ['Workplan: Renumber', '工作计划：重新编号']);
  });
});

describe('numbering diagnostics: damaged plans', () => {
  const TOKENS = ['一、', '三、', '十一、', '一.', '(一)', '（二）', '(三）', '（四)、', '㈠', '⑴', '⒈', '①', '②、', '1.', '2、', '3．', '1)', '2）', '(1)', '（2）',
    '一是', '三是、', '第二，', '第三：', '首先、', '其次，', '最后，', '', ' ', '\n', '\r\n', '**', '## '];
  const seedNumber = Number(process.env.WORKPLAN_FUZZ_SEED ?? 20260301) | 0;
  const texts = new Map(seeds().map((s) => [s.name, s.text]));

  /** One damage to a plan's lines: a marker token put at a line's start, a line dropped, a line copied elsewhere. */
  type Damage = { kind: 'mark'; at: number; token: string } | { kind: 'drop'; at: number } | { kind: 'copy'; at: number; to: number };
  const damage: fc.Arbitrary<Damage> = fc.oneof(
    fc.record({ kind: fc.constant('mark' as const), at: fc.nat(), token: fc.constantFrom(...TOKENS) }),
    fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('copy' as const), at: fc.nat(), to: fc.nat() }),
  );

  function damaged(text: string, damages: Damage[]): string {
    const lines = text.split('\n');
    for (const d of damages) {
      const i = d.at % lines.length;
      if (d.kind === 'mark') lines[i] = d.token + lines[i].replace(/^[^\u4e00-\u9fff]{0,4}/, '');
      else if (d.kind === 'drop') lines.splice(i, 1);
      else lines.splice(d.to % lines.length, 0, lines[i]);
    }
    return lines.join('\n');
  }

  it(`never throws, every fix stays inside the text and apart from the others, and the safe fixes settle at once (seed ${seedNumber})`, () => {
    const plans = fc.record({
      seed: fc.constantFrom(...texts.keys()),
      damages: fc.array(damage, { minLength: 1, maxLength: 12 }),
      markerWidth: fc.constantFrom('auto', 'full', 'half'),
      allowLevelSkip: fc.boolean(),
    });
    fc.assert(fc.property(plans, ({ seed: name, damages, markerWidth, allowLevelSkip }) => {
      const text = damaged(texts.get(name)!, damages);
      const settings = { ...DEFAULT_SETTINGS, markerWidth, allowLevelSkip };
      const found = diagnose(text, settings);
      // Where two fixes meet on one marker they write the same text there.
      const all = found.flatMap((d) => (d.edits ?? []).map((e) => ({ ...e, code: d.code }))).sort((a, b) => a.start - b.start);
      for (let j = 1; j < all.length; j++) {
        for (let k = j - 1; k >= 0 && all[k].end > all[j].start; k--) {
          const [a, b] = [all[k], all[j]];
          assert.ok(a.start === b.start && a.end === b.end && a.newText === b.newText, `${a.code} and ${b.code} disagree on ${JSON.stringify(text.slice(a.start, Math.max(a.end, b.end)))}`);
        }
      }
      for (const d of found) {
        const edits = [...(d.edits ?? [])].sort((a, b) => a.start - b.start);
        edits.forEach((e, j) => {
          assert.ok(0 <= e.start && e.start <= e.end && e.end <= text.length, `${d.code}: edit inside the text`);
          if (j > 0) assert.ok(edits[j - 1].end <= e.start, `${d.code}: edits apart`);
        });
        assert.ok(d.span.start >= 0 && d.span.end <= text.length);
      }
      const safe = safeFixes(text, settings);
      safe.forEach((e, j) => assert.ok(j === 0 || safe[j - 1].end <= e.start, 'safe fix edits apart'));
      const fixed = applyEdits(text, safe);
      assert.deepStrictEqual(safeFixes(fixed, settings), [], 'a second application changes nothing');
    }), { seed: seedNumber, numRuns: 150 });
  });
});

describe('numbering diagnostics: long faulty sequences', () => {
  // No time is asserted (the bench prints it); a check quadratic in the markers would not finish
  // these within the test timeout.
  const N = 100000;

  it(`reports each of ${N} repeated markers once, on the marker, with a fix for it alone`, () => {
    const line = '一、甲\n';
    const found = diagnose(line.repeat(N), { hygieneEnabled: false });
    assert.strictEqual(found.length, N - 1);
    const wrong = found.filter((d, k) => {
      const at = (k + 1) * line.length;
      const [e] = d.edits ?? [];
      return d.code !== 'numbering.duplicate' || d.span.start !== at || d.span.end !== at + 2 || d.expected !== '二、' || d.edits?.length !== 1 || e.start !== at || e.end !== at + 1 || e.newText !== '二';
    });
    assert.deepStrictEqual(wrong.slice(0, 3), []);
  });

  it(`finds the faults of ${N} markers in random order, each finding and each fix on a marker`, () => {
    const random = new Random(18);
    const lines = ['一、总体要求'];
    for (let k = 0; k < N; k++) lines.push(random.chance(0.7) ? `（${'一二三四五六七八九'[random.int(9)]}）甲` : `${1 + random.int(40)}.乙。正文。`);
    const text = lines.join('\n') + '\n';
    const markers = parsePlan(text).nodes.filter((n) => n.marker).map((n) => n.marker!.span);
    const found = diagnose(text, { hygieneEnabled: false });
    assert.ok(found.length > N / 2, `${found.length} findings`);
    const inMarker = (e: { start: number; end: number }) => {
      // Markers are in document order: the last one starting at or before the edit.
      let lo = 0;
      let hi = markers.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (markers[mid].start <= e.start) lo = mid;
        else hi = mid - 1;
      }
      return markers[lo].start <= e.start && e.end <= markers[lo].end;
    };
    const astray = found.filter((d) => !inMarker(d.span) || !(d.edits ?? []).every(inMarker));
    assert.deepStrictEqual(astray.slice(0, 3), []);
  });

  it(`reads ${N} run-in lists of one item each as separate lists, none of them a fault`, () => {
    const found = diagnose('一、总体要求\n' + '一是加强领导。\n'.repeat(N) + '二、保障措施\n', { hygieneEnabled: false });
    assert.deepStrictEqual(found.map((d) => d.code), []);
  });
});
