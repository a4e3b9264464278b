// The text checks (text.*): only the plan's prose is judged, a finding sits on what it is about,
// a document written one way throughout gets one finding, and the fixes applied all at once change
// nothing but the characters they target and leave nothing more to fix.
import * as assert from 'assert';
import { FIX_ALL_CODES, PlanDiagnostic } from '../../server/src/service/checks/codes';
import { computeDiagnostics } from '../../server/src/service/checks/diagnostics';
import { HYGIENE_LIMIT } from '../../server/src/service/checks/hygiene';
import { applyEdits } from '../../server/src/service/checks/markerForms';
import { DEFAULT_SETTINGS, WorkplanSettings } from '../../server/src/service/checks/settings';
import { diagnosticMessage } from '../../server/src/service/l10n/messages';
import { LineRole, OutlineModel } from '../../server/src/service/model';
import { parsePlan } from '../../server/src/service/parse/parser';
import { Random } from '../helpers/fuzz';
import { seed, seeds } from '../helpers/seeds';

type Roles = Record<number, LineRole>;

/**
 * The model of `text`, with the roles of some lines (0-based) set as the parser's line pass sets
 * them: web-page residue, headlines and signatures in the body are roles the parser's first
 * derivation (parse/roles.ts) does not assign yet.
 */
function modelOf(text: string, roles: Roles = {}): OutlineModel {
  const model = parsePlan(text);
  const lineRoles = model.lineRoles.slice();
  for (const [line, role] of Object.entries(roles)) lineRoles[Number(line)] = role;
  return { ...model, lineRoles };
}

function diagnose(text: string, roles: Roles = {}, settings: Partial<WorkplanSettings> = {}): PlanDiagnostic[] {
  return computeDiagnostics(modelOf(text, roles), { ...DEFAULT_SETTINGS, ...settings });
}

function text(ds: PlanDiagnostic[], prefix = 'text.'): [string, string, string][] {
  return ds.filter((d) => d.code.startsWith(prefix)).map((d) => [d.code, d.found, d.expected]);
}

function fixed(source: string, ds: PlanDiagnostic[]): string {
  return applyEdits(source, ds.flatMap((d) => d.edits ?? []));
}

/** A plan in full-width punctuation, written for these tests. */
const PLAN = [
  '某某街道2025年工作计划',
  '',
  '2025年是“十四五”规划的收官之年，街道将坚持稳中求进，推动各项工作取得新成效。',
  '',
  '一、推动经济高质量发展',
  '',
  '（一）强化招商引资',
  '',
  '聚焦重点产业，引进优质项目，做好企业服务。持续优化营商环境，提升服务效能。',
  '',
  '（二）培育新兴产业',
  '',
  '推动数字经济发展，建设创新载体，打造“智慧园区”品牌。',
  '',
  '二、提升基层治理水平',
  '',
  '（一）完善治理体系',
  '',
  '健全网格化管理机制，推进“一网统管”建设，提升治理效能。',
  '',
  '（二）加强平安建设',
  '',
  '深化矛盾纠纷排查化解，守牢安全底线。',
  '',
].join('\n');

describe('text checks: only the prose', () => {
  it('leaves web-page metadata alone: a time, two fields on a row, a breadcrumb (roles: front matter)', () => {
    const page = ['发布时间: 2024-02-22 11:04 信息来源: 某某街道', '发布机构: 某某街道办事处 成文日期: 2024-02-22', '当前位置: 首页 > 信息公开 > 规划计划', '【概述】', ''].join('\n');
    assert.deepStrictEqual([...modelOf(page + PLAN).lineRoles.slice(0, 4)], [LineRole.FrontMatter, LineRole.FrontMatter, LineRole.FrontMatter, LineRole.FrontMatter], 'the parser reads them as front matter');
    assert.deepStrictEqual(text(diagnose(page + PLAN)), []);
    // Read as prose, its spaces are still no fault: after a time or a date, before a field's label.
    assert.deepStrictEqual(text(diagnose(page + PLAN)).filter(([code]) => code === 'text.cjkSpace'), []);
  });

  it('leaves a headline, a slogan in quotes, a quoted name and a title with its `篇1` alone', () => {
    const lines = PLAN.split('\n');
    lines.splice(1, 0, '', '凝心聚力 实干笃行', '');
    lines[5] = lines[5].replace('街道将', '街道秉承“人文新华 花园社区”愿景，举办“书香社区 阅读 Plus”活动，将');
    const withHeadline = lines.join('\n');
    // Under the title it is a subtitle (front matter); among the sections, a headline: not prose either way.
    assert.strictEqual(modelOf(withHeadline).lineRoles[2], LineRole.FrontMatter, 'the parser reads it as front matter');
    assert.deepStrictEqual(text(diagnose(withHeadline)), []);
    assert.deepStrictEqual(text(diagnose(withHeadline, { 2: LineRole.Headline })), []);
    assert.deepStrictEqual(text(diagnose(withHeadline)), [], 'a slogan of equal halves is no damage, whatever the role of its line');
    const titled = PLAN.replace('某某街道2025年工作计划', '某某街道2025年工作计划 篇1');
    assert.strictEqual(modelOf(titled).lineRoles[0], LineRole.Title, 'the parser reads it as the title');
    assert.deepStrictEqual(text(diagnose(titled)), []);
  });

  it('leaves a signature alone (role: signature)', () => {
    const signed = PLAN + '\n中共某某街道工作委员会 某某街道办事处 2025年2月5日\n';
    const line = signed.split('\n').length - 2;
    assert.strictEqual(modelOf(signed).lineRoles[line], LineRole.Signature, 'the parser reads it as the signature');
    assert.deepStrictEqual(text(diagnose(signed)), []);
  });

  it('leaves the gap between a heading\'s title and its body to heading.merged', () => {
    const merged = PLAN.replace('一、推动经济高质量发展', '一、2024年工作回顾 2024年是全面推进各项工作的一年，成效明显。');
    assert.deepStrictEqual(text(diagnose(merged)), []);
  });

  it('never looks across a blank line, nor joins table rows or a title to the next line', () => {
    const blank = PLAN.replace('聚焦重点产业，引进优质项目，做好企业服务。', '聚焦重点产业，引进优质项目，做好\n\n企业服务。');
    assert.deepStrictEqual(text(diagnose(blank)), []);
    const table = PLAN.replace('推动数字经济发展，', '| 项目 | 责任单位 |\n| 数字经济 | 经发办 |\n推动数字经济发展，');
    assert.deepStrictEqual(text(diagnose(table)), []);
    const untitled = PLAN.replace('某某街道2025年工作计划\n\n', '某某街道2025年工作报告\n');
    assert.strictEqual(modelOf(untitled).lineRoles[0], LineRole.Title, 'a report\'s title too');
    assert.deepStrictEqual(text(diagnose(untitled)), []);
  });

  it('still finds the damage inside prose: a space inside a word, a line broken mid-sentence', () => {
    const damaged = PLAN.replace('提升服务效能', '提升服务 效能').replace('推进“一网统管”建设，', '推进“一网统管”建设，\n');
    assert.deepStrictEqual(text(diagnose(damaged)), [['text.cjkSpace', '服务 效能', '服务效能'], ['text.brokenLine', '…一网统管”建设，', '提升治理效能。']]);
  });
});

describe('text checks: the seeds', () => {
  it('reports none of the spots a reader found no fault in', () => {
    const spots: [string, string][] = [
      ['华阳路街道2025年基层治理答卷', '凝心聚力 实干笃行'],
      ['华阳路街道2025年基层治理答卷', '深化全面从严治党 加强党风廉政建设'],
      ['新华路', '“人文新华 花园社区”'],
      ['华阳路街道2025年工作计划', '中共华阳路街道工作委员会 华阳路街道办事处 2025年2月5日'],
      ['华阳路街道2025年工作计划', '\n华阳路街道 2025 年工作计划\n'],
      ['江苏路', '# 江苏路街道 2024 年工作计划'],
    ];
    for (const [name, spot] of spots) {
      const source = seed(name).text;
      const at = source.indexOf(spot);
      assert.ok(at >= 0, spot);
      const on = diagnose(source).filter((d) => d.code.startsWith('text.') && d.span.start < at + spot.length && d.span.end > at);
      assert.deepStrictEqual(on.map((d) => [d.code, d.found]), [], spot);
    }
  });

  it('leads the Problems panel with the numbering faults: text findings are hints, which the panel does not list', () => {
    const skipped = seed('新华路').text.replace('二、强化服务思维', '三、强化服务思维').replace('三、强化精细思维', '四、强化精细思维').replace('四、强化底线思维', '五、强化底线思维');
    const listed = diagnose(skipped).filter((d) => d.severity !== 'hint');
    assert.deepStrictEqual(listed.map((d) => [d.code, d.severity]), [['numbering.skipped', 'warning']]);
    for (const s of seeds()) {
      const panel = diagnose(s.text).filter((d) => d.severity !== 'hint');
      assert.deepStrictEqual(panel.filter((d) => d.code.startsWith('text.')), [], s.name);
      assert.ok(diagnose(s.text).some((d) => d.code.startsWith('text.')), `${s.name} has text findings, as hints`);
    }
  });
});

describe('text checks: quotes paired across the paragraph', () => {
  it('turns `"四个在网格"和"三个一批"` into opening and closing quotes', () => {
    const source = PLAN.replace('推动数字经济发展，', '以"四个在网格"和"三个一批"推动数字经济发展，');
    assert.strictEqual(fixed(source, diagnose(source).filter((d) => d.code === 'text.halfWidth')), PLAN.replace('推动数字经济发展，', '以“四个在网格”和“三个一批”推动数字经济发展，'));
  });

  it('pairs a quote broken across a line of its paragraph, and a `"` with a full-width quote', () => {
    const source = PLAN.replace('推动数字经济发展，', '深入开展"三师\n三顾问"活动，打造“共治"平台，推动数字经济发展，');
    const found = diagnose(source).filter((d) => d.code === 'text.halfWidth');
    assert.strictEqual(fixed(source, found), PLAN.replace('推动数字经济发展，', '深入开展“三师\n三顾问”活动，打造“共治”平台，推动数字经济发展，'));
  });

  it('reports quotes that do not pair up once for the paragraph, with no fix', () => {
    const source = PLAN.replace('推动数字经济发展，', '推进"四个在网格"和"三个一批，推动数字经济发展，');
    const found = diagnose(source).filter((d) => d.code === 'text.halfWidth');
    assert.deepStrictEqual(found.map((d) => [source.slice(d.span.start, d.span.end + 2), d.edits, d.scope, d.count]), [['"四个', undefined, 'unpaired', 3]]);
    assert.strictEqual(diagnosticMessage('text.halfWidth', found[0], 'zh'), '半角引号无法配对：本段 3 个半角引号“"”前后不成对，需逐个改为全角的前引号或后引号');
  });

  it('leaves every paragraph\'s quotes paired in a seed written with half-width quotes', () => {
    const source = seed('华阳路街道2025年工作计划').text;
    const after = fixed(source, diagnose(source).filter((d) => d.code === 'text.halfWidth'));
    for (const paragraph of after.split(/\n\s*\n/)) {
      if (paragraph.includes('"')) continue; // a paragraph whose quotes do not pair up is left to a person
      const quotes = paragraph.replace(/[^“”]/g, '');
      assert.ok(/^(“”)*$/.test(quotes), `paired quotes: ${quotes} in ${paragraph.slice(0, 30)}`);
    }
  });
});

describe('text checks: one finding for a document written one way', () => {
  const halfWidth = PLAN.replace(/，/g, ',').replace(/“/g, '"').replace(/”/g, '"');
  const changed = (halfWidth.match(/[,"]/g) ?? []).length;

  it('reports a plan in half-width punctuation once, with one fix for the whole document, counting what it changes', () => {
    const found = diagnose(halfWidth).filter((d) => d.code === 'text.halfWidth');
    assert.deepStrictEqual(found.map((d) => [d.scope, d.count, d.edits?.length, d.span.end - d.span.start]), [['document', changed, changed, 1]]);
    assert.strictEqual(diagnosticMessage('text.halfWidth', found[0], 'zh'), `全文通篇使用半角标点（${changed} 处）：应为全角“，“””，实为“,"”；如有意如此，可在设置 workplan.hygiene.acceptHalfWidth 中接受`);
    assert.strictEqual(fixed(halfWidth, found), PLAN);
  });

  it('accepts that way of writing when told to', () => {
    assert.deepStrictEqual(text(diagnose(halfWidth, {}, { acceptHalfWidth: true })), []);
  });

  it('reports only the minority where a document mixes, each mark on its own', () => {
    const mixed = PLAN.replace('引进优质项目，', '引进优质项目,').replace('建设创新载体，', '建设创新载体,');
    const found = diagnose(mixed, {}, { acceptHalfWidth: true }).filter((d) => d.code === 'text.halfWidth');
    assert.deepStrictEqual(found.map((d) => [mixed.slice(d.span.start - 2, d.span.end), d.expected]), [['项目,', '，'], ['载体,', '，']]);
  });

  it('judges each kind of mark on its own: half-width commas throughout, full-width quotes', () => {
    const commas = PLAN.replace(/，/g, ',');
    assert.deepStrictEqual(text(diagnose(commas)), [['text.halfWidth', ',', '，']]);
    assert.strictEqual(fixed(commas, diagnose(commas)), PLAN);
  });

  it('reports numbers spaced from Chinese text throughout once, and accepts them when told to', () => {
    const spaced = PLAN.replace(/(\d+)(年)/g, '$1 $2').replace('2025 年是', '2025 年是 14 个');
    const found = diagnose(spaced).filter((d) => d.code === 'text.cjkSpace');
    assert.deepStrictEqual(found.map((d) => [d.scope, d.count]), [['document', 3]]);
    assert.deepStrictEqual(diagnose(spaced, {}, { acceptDigitSpaces: true }).filter((d) => d.code === 'text.cjkSpace'), []);
    const once = PLAN.replace('引进优质项目', '引进 20 个优质项目').replace('2025年是', '2025年是第14个');
    const onceFound = diagnose(once).filter((d) => d.code === 'text.cjkSpace');
    assert.deepStrictEqual(onceFound.map((d) => [d.found, d.scope]), [['引进 20', undefined], ['20 个优', undefined]]);
    // A gap beside a number is not a space between Chinese characters: the message says which it is.
    assert.strictEqual(diagnosticMessage('text.cjkSpace', onceFound[0], 'zh'), '数字与中文之间有多余空格：应为“引进20”，实为“引进 20”');
    assert.strictEqual(diagnosticMessage('text.cjkSpace', onceFound[1], 'en'), 'Space between a number and Chinese text: expected "20个优", found "20 个优"');
  });

  it('keeps no more than five half-width entries on any seed', () => {
    for (const s of seeds()) {
      const found = diagnose(s.text).filter((d) => d.code === 'text.halfWidth');
      assert.ok(found.length <= 5, `${s.name}: ${found.length}`);
    }
  });

  it('keeps at most HYGIENE_LIMIT findings of one code however damaged the text', () => {
    const damaged = PLAN + '甲，乙，丙,丁\n'.repeat(HYGIENE_LIMIT * 2);
    assert.strictEqual(diagnose(damaged).filter((d) => d.code === 'text.halfWidth').length, HYGIENE_LIMIT);
  });
});

describe('text checks: ranges', () => {
  it('puts each finding on the character or the gap it is about', () => {
    const source = PLAN.replace('引进优质项目，', '引进优质项目,').replace('提升服务效能', '提升 服务效能').replace('（二）培育', '（二） 培育');
    const found = diagnose(source).filter((d) => d.code.startsWith('text.'));
    assert.deepStrictEqual(found.map((d) => [d.code, source.slice(d.span.start, d.span.end)]), [['text.halfWidth', ','], ['text.cjkSpace', ' '], ['text.markerSpace', ' ']]);
  });
});

/** Whether `after` is `before` with only `targeted` characters changed, each as `allowed` says. */
function onlyTargetedChanged(code: string, before: string, after: string): string | undefined {
  if (code === 'text.halfWidth') {
    if (before.length !== after.length) return 'length changed';
    const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）', '"': '“”' };
    for (let i = 0; i < before.length; i++) {
      if (before[i] !== after[i] && !(FULL[before[i]] ?? '').includes(after[i])) return `${JSON.stringify(before[i])} became ${JSON.stringify(after[i])} at ${i}`;
    }
    return quotesTurnedWrong(before, after);
  }
  // The space fixes only take spaces out.
  let j = 0;
  for (let i = 0; i < before.length; i++) {
    if (before[i] === after[j]) j++;
    else if (!' \t\u3000\u00a0'.includes(before[i])) return `${JSON.stringify(before[i])} removed at ${i}`;
  }
  return j === after.length ? undefined : 'text added';
}

/**
 * A `"` the fix turned into `“` where a quote is known to be open, or into `”` where none is, read
 * line by line: a quotation may run on from the line before, so each line starts not knowing, and
 * so does a `"` left as it was.
 */
function quotesTurnedWrong(before: string, after: string): string | undefined {
  let open: boolean | undefined;
  for (let i = 0; i < after.length; i++) {
    const c = after[i];
    if (c === '\n' || c === '"') open = undefined;
    if (c !== '“' && c !== '”') continue;
    const opens = c === '“';
    if (before[i] === '"' && open === opens) return `${c} written at ${i} where a quote is ${open ? 'open' : 'closed'}: ${JSON.stringify(after.slice(i - 10, i + 10))}`;
    open = opens;
  }
  return undefined;
}

describe('text checks: fix-all is safe', () => {
  const seedNumber = Number(process.env.WORKPLAN_FUZZ_SEED ?? 20260314) >>> 0;
  const MUTATIONS: ((r: Random, s: string) => string)[] = [
    (r, s) => s.replace(/[，；：（）“”]/g, (c) => (r.chance(0.4) ? ({ '，': ',', '；': ';', '：': ':', '（': '(', '）': ')', '“': '"', '”': '"' } as Record<string, string>)[c] : c)),
    (r, s) => s.replace(/[\u4e00-\u9fff](?=[\u4e00-\u9fff])/g, (c) => (r.chance(0.03) ? c + r.pick([' ', '  ', '\u3000', '\t']) : c)),
    (r, s) => s.replace(/\d+/g, (d) => (r.chance(0.5) ? ` ${d} ` : d)),
    (r, s) => s.replace(/^(（[一二三四五]）|[一二三四五]、|\d\.)/gm, (m) => (r.chance(0.5) ? m + ' ' : m)),
    (r, s) => s.replace(/[，。]/g, (c) => (r.chance(0.05) ? c + r.pick(['\n', '\n\n', '"', ' ']) : c)),
    (r, s) => s.split('\n').filter(() => !r.chance(0.1)).join(r.pick(['\n', '\r\n'])),
    (r, s) => s.replace(/"/g, (q) => (r.chance(0.1) ? '' : q)),
    (r, s) => s.replace(/[\u4e00-\u9fff]{2,6}/g, (w) => (r.chance(0.03) ? `"${w}"` : w)),
    (r, s) => r.pick(['发布时间: 2024-02-22 11:04 信息来源: 某某街道\n', '| 项目 | 单位 |\n| 甲 | 乙 |\n', '凝心聚力 实干笃行\n\n', '']) + s,
  ];

  it(`changes nothing but the targeted characters of 2000 mutated plans, and leaves nothing more to fix (seed ${seedNumber})`, () => {
    const random = new Random(seedNumber);
    // Excerpts of the seeds and of the plan above: a few sections each, so that thousands stay quick.
    const sources = [PLAN, ...seeds().map((s) => s.text)].flatMap((t) => {
      const lines = t.split('\n');
      const pieces: string[] = [];
      for (let k = 0; k < lines.length; k += 12) pieces.push(lines.slice(k, k + 24).join('\n'));
      return pieces;
    });
    const codes = [...FIX_ALL_CODES].filter((c) => c.startsWith('text.'));
    let fixes = 0;
    for (let round = 0; round < 2000; round++) {
      let plan = random.pick(sources);
      for (let k = 1 + random.int(3); k > 0; k--) plan = random.pick(MUTATIONS)(random, plan);
      const settings = { acceptHalfWidth: random.chance(0.2), acceptDigitSpaces: random.chance(0.2) };
      const found = diagnose(plan, {}, settings);
      for (const code of codes) {
        const edits = found.filter((d) => d.code === code).flatMap((d) => d.edits ?? []);
        if (!edits.length) continue;
        fixes++;
        const after = applyEdits(plan, edits);
        const wrong = onlyTargetedChanged(code, plan, after);
        assert.strictEqual(wrong, undefined, `round ${round}, ${code}: ${wrong}\n${plan}`);
        const again = diagnose(after, {}, settings).filter((d) => d.code === code && d.edits);
        assert.deepStrictEqual(again.map((d) => [d.found, after.slice(d.span.start - 4, d.span.end + 4)]), [], `round ${round}, ${code}: fixed twice\n${plan}`);
      }
    }
    assert.ok(fixes > 2000, `${fixes} fix-alls applied`);
  });
});
