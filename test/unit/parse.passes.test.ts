// The parser's passes one by one: lines (roles, the paragraph-end rule), inline (candidates and their
// evidence), tree (what goes on with the outline, without recursion), and the whole on large inputs.
import * as assert from 'assert';
import { LineRole, OutlineModel } from '../../server/src/service/model';
import { Inline } from '../../server/src/service/parse/inline';
import { Lines } from '../../server/src/service/parse/lines';
import { parsePlan } from '../../server/src/service/parse/parser';
import { LanguageService } from '../../server/src/service/languageService';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse } from '../helpers/parse';
import { seeds } from '../helpers/seeds';

function roles(text: string): string[] {
  const names = Object.fromEntries(Object.entries(LineRole).map(([k, v]) => [v, k]));
  return [...parse(text).lineRoles].map((r) => names[r]);
}

function outline(model: OutlineModel): string[] {
  return model.nodes.map((n) => `${'  '.repeat(n.depth - 1)}${n.kind}:${n.marker?.text ?? n.enumerator?.text ?? ''}${n.title}`);
}

describe('parse pass 1: lines', () => {
  it('takes web-page residue above and under the title for front matter, and the first title-like line after it for the title', () => {
    assert.deepStrictEqual(roles([
      '当前位置：首页 > 政务公开 > 规划计划',
      '| 索引号 | 000-2025-01 | 发布机构 | 某街道 |',
      '【正文】',
      '某街道2025年工作计划',
      '- 时间:2025-01-02',
      '日期：2025-01-02  来源：某街道',
      '一、总体要求',
    ].join('\n')), ['FrontMatter', 'FrontMatter', 'FrontMatter', 'Title', 'FrontMatter', 'FrontMatter', 'Heading']);
  });

  it('reads a report\'s title, byline, occasion and address as front matter: the body starts after them', () => {
    const model = parse('某镇2025年政府工作报告\n某镇人民政府镇长 张三\n在某镇第五届人民代表大会第三次会议上\n各位代表：\n现在，我向大会报告工作。\n一、过去一年工作回顾\n二、今年工作安排\n');
    assert.deepStrictEqual(roles(model.text).slice(0, 4), ['Title', 'FrontMatter', 'FrontMatter', 'FrontMatter']);
    assert.deepStrictEqual(outline(model), ['heading:一、过去一年工作回顾', 'heading:二、今年工作安排']);
  });

  it('joins a line broken mid-sentence to the next line of text, across blank lines and page residue, and only there', () => {
    const l = new Lines(['推进老旧小区', '', '- 3 -', '改造工作。', '一、总体要求', '完成', '第二部分　主要任务', '全年', '各位代表、同志们，让我们共同努力！', '二、任务'].join('\n'));
    assert.strictEqual(l.runsOn(0), 3, 'across a blank line and a page number');
    assert.strictEqual(l.runsOn(3), -1, 'a sentence end ends the paragraph');
    assert.strictEqual(l.runsOn(5), -1, 'not into a part heading');
    assert.strictEqual(l.runsOn(7), -1, 'not into a closing appeal');
    assert.strictEqual(l.runsOn(8), -1, 'not into a marker');
  });

  it('knows a signature in the middle of the text by its issuer, and a bare date only at the end', () => {
    const model = parse('一、甲\n\n做好工作。\n\n某街道办事处\n2025年1月5日\n\n二〇二五年工作要点\n\n二、乙\n\n做好工作。\n\n2025年2月1日\n');
    assert.deepStrictEqual(roles(model.text).filter((r) => r === 'Signature').length, 3);
  });
});

describe('parse pass 2: inline', () => {
  const candidates = (text: string) => {
    const c = new Inline(new Lines(text)).run().candidates;
    return Array.from({ length: c.count }, (_, k) => `${['heading', 'runIn', 'measure'][c.kind(k)]}@${['line', 'afterTitle', 'afterStop', 'inside', 'ownLine'][c.place(k)]}:${text.slice(c.start(k), c.start(k) + 4)}`);
  };

  it('finds headings at a line start and after a sentence end, run-ins after a stop, a comma, a colon, a semicolon and a gap', () => {
    assert.deepStrictEqual(candidates('一、总体要求。（一）抓好招商。会议要求，一是要落实；二是要推进。主要任务：一是统筹 二是协调。\n').filter((c) => !c.startsWith('measure')), [
      'heading@line:一、总体', 'heading@afterStop:（一）抓', 'runIn@inside:一是要落', 'runIn@inside:二是要推', 'runIn@inside:一是统筹', 'runIn@inside:二是协调',
    ]);
  });

  it('takes no run-in inside a word (统一是, 唯一是) or after a Latin gap', () => {
    assert.deepStrictEqual(candidates('一、总体要求\n\n标准统一是前提。No. 一是个编号。\n').filter((c) => c.startsWith('runIn')), []);
  });

  it('marks where each measure candidate stands: after a title, at a paragraph start, alone on its line, in the middle', () => {
    const text = '（一）稳定就业，扩大岗位。新增就业岗位。全年新增就业岗位800个，帮扶困难人员就业120人。\n\n强化技能培训。开展技能培训20期，培训人员1000人次以上。\n\n完善服务体系。\n建设就业服务站5个，实现社区全覆盖。\n';
    assert.deepStrictEqual(candidates(text).filter((c) => c.startsWith('measure')), ['measure@afterTitle:新增就业', 'measure@line:强化技能', 'measure@ownLine:完善服务']);
  });

  it('gives its candidates in document order, on the seeds', () => {
    for (const s of seeds()) {
      const { candidates: list } = new Inline(new Lines(s.text)).run();
      assert.ok(list.count > 10, s.name);
      for (let k = 1; k < list.count; k++) assert.ok(list.start(k - 1) <= list.start(k), `${s.name}: candidate ${k} out of order`);
    }
  });
});

describe('parse pass 3: tree', () => {
  it('accepts a marker inside a paragraph only where it goes on with the outline', () => {
    const model = parse('一、总体要求\n\n（一）目标。做好工作。（二）任务。推进落实。（四）号楼年内交付。三、四季度完成验收。\n');
    assert.deepStrictEqual(outline(model), ['heading:一、总体要求', '  heading:（一）目标', '  heading:（二）任务']);
  });

  it('makes a short first sentence a measure only with evidence: bold, its own line, or siblings written alike', () => {
    assert.deepStrictEqual(outline(parse('一、形势\n\n今年形势依然严峻。街道将围绕群众关切，进一步完善服务体系。\n')), ['heading:一、形势']);
    assert.deepStrictEqual(outline(parse('一、形势\n\n**强化平台招商。**街道将围绕重点产业，进一步完善招商体系。\n')), ['heading:一、形势', '  measure:强化平台招商']);
    assert.deepStrictEqual(outline(parse('一、形势\n\n强化平台招商。\n街道将围绕重点产业，进一步完善招商体系。\n')), ['heading:一、形势', '  measure:强化平台招商']);
  });

  it('takes the numbering after a closing appeal as outline, and a plan appended after a signature as a new document', () => {
    const model = parse('一、回顾\n\n做好工作。\n\n各位代表，让我们共同努力！\n\n二、安排\n\n做好工作。\n\n某镇人民政府\n2025年1月5日\n\n一、另一份计划\n');
    assert.deepStrictEqual(outline(model), ['heading:一、回顾', 'heading:二、安排', 'heading:一、另一份计划']);
    assert.strictEqual(model.documentStarts.length, 1);
  });

  it('parses headings run together on one line by the thousand without growing the call stack', () => {
    // 二十 sections of 九 subsections of nine items, one sentence each: 1,820 headings on one line.
    const cn = (n: number) => (n < 10 ? '' : n < 20 ? '十' : '二十') + ' 一二三四五六七八九'[n % 10].trim();
    let line = '';
    for (let a = 1; a <= 20; a++) {
      line += `${cn(a)}、板块${a}。`;
      for (let b = 1; b <= 9; b++) {
        line += `（${cn(b)}）任务${b}。`;
        for (let c = 1; c <= 9; c++) line += `${c}.举措${c}。推进落实。`;
      }
    }
    const model = parse(line + '\n');
    assert.strictEqual(model.nodes.length, 20 + 20 * 9 + 20 * 9 * 9);
    assert.strictEqual(Math.max(...model.nodes.map((n) => n.depth)), 3);
  });

  it('reads a one-line plan of 100,000 markers without error', () => {
    const model = parse('一、甲。'.repeat(100000));
    assert.strictEqual(model.nodes.length, 1, 'only the first continues the outline: every other 一、 would start it again');
    const counting = parse(Array.from({ length: 100000 }, (_, k) => `（${'一二三四五六七八九'[k % 9]}）乙。`).join(''));
    assert.ok(counting.nodes.length >= 1);
  });
});

describe('parser: the seeds joined end to end, closing appeals left in the middle', () => {
  it('has every heading and measure of every seed in its outline', () => {
    const key = (m: OutlineModel) => m.nodes.map((n) => `${n.kind} ${n.marker?.text ?? ''}${n.title}`);
    const own = seeds().flatMap((s) => key(parse(s.text)));
    const joined = new Map<string, number>();
    for (const k of key(parse(seeds().map((s) => s.text).join('\n').repeat(3)))) joined.set(k, (joined.get(k) ?? 0) + 1);
    // Each node of each seed, three times over; a seed's headline title may head a section of its own in the joined file.
    const missing = own.filter((k) => ((joined.get(k) ?? 0) < 3 * own.filter((o) => o === k).length));
    assert.deepStrictEqual(missing, []);
  });

  it('reports an internal error instead of hiding it behind an empty outline', () => {
    // A pass that throws stands for a parser bug: the outline falls back to empty, and the error is reported.
    const runsOn = Lines.prototype.runsOn;
    Lines.prototype.runsOn = () => {
      throw new Error('a bug in the paragraph-end rule');
    };
    try {
      const errors: unknown[] = [];
      const model = parsePlan('一、甲\n做好工作\n', (e) => errors.push(e));
      assert.deepStrictEqual([model.nodes.length, errors.map(String)], [0, ['Error: a bug in the paragraph-end rule']]);
      // The language service passes it on with the document's URI (the server logs it to the client).
      const reported: string[] = [];
      const service = new LanguageService({ onParseError: (uri, e) => reported.push(`${uri}: ${String(e)}`) });
      assert.deepStrictEqual(service.getDocumentSymbols(TextDocument.create('file:///plan.txt', 'workplan', 1, '一、甲\n做好工作\n')), []);
      assert.deepStrictEqual(reported, ['file:///plan.txt: Error: a bug in the paragraph-end rule']);
    } finally {
      Lines.prototype.runsOn = runsOn;
    }
  });
});
