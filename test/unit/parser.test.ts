import * as assert from 'assert';
import { matchEnumerator, matchMarker, parseChineseNumeral, toChineseNumeral } from '../../server/src/service/parse/markers';
import { OutlineModel } from '../../server/src/service/model';
import { parsePlan } from '../../server/src/service/parse/parser';
import { renderOutline } from '../../server/src/service/features/renderOutline';
import { assertFixture } from '../helpers/fixtures';
import { seeds } from '../helpers/seeds';

function outline(model: OutlineModel): string[] {
  return model.nodes.map((n) => `${'  '.repeat(n.depth - 1)}${n.kind}:${n.marker?.text ?? n.enumerator?.text ?? ''}${n.title}`);
}

function slice(model: OutlineModel, span: { start: number; end: number }): string {
  return model.text.slice(span.start, span.end);
}

describe('parser: the five seeds', () => {
  for (const s of seeds()) {
    it(`recovers the complete outline of ${s.name}`, () => {
      assertFixture(`outline/${s.name}`, renderOutline(parsePlan(s.text)));
    });
  }

  it('gives every node consistent ranges: heading inside section, children inside parent', () => {
    for (const s of seeds()) {
      const model = parsePlan(s.text);
      for (const n of model.nodes) {
        assert.ok(n.span.start <= n.headingSpan.start && n.headingSpan.end <= n.span.end, `${s.name}: heading outside section: ${n.title}`);
        assert.ok(n.headingSpan.start <= n.titleSpan.start && n.titleSpan.end <= n.headingSpan.end, `${s.name}: title outside heading: ${n.title}`);
        if (n.parent) assert.ok(n.parent.span.start <= n.span.start && n.span.end <= n.parent.span.end, `${s.name}: ${n.title} outside its parent`);
        assert.ok(!/\n|\*\*|^#/.test(n.title), `${s.name}: undecorated single-line title: ${JSON.stringify(n.title)}`);
      }
    }
  });

  it('reads street, district, year and kind of every seed', () => {
    const meta = Object.fromEntries(seeds().map((s) => [s.name, parsePlan(s.text).metadata]));
    assert.deepStrictEqual(
      Object.values(meta).map((m) => [m.place, m.year, m.kind]),
      [
        ['五角场街道', 2023, '计划'],
        ['华阳路街道', undefined, '其他'],
        ['华阳路街道', 2025, '计划'],
        ['新华路街道', 2025, undefined],
        ['江苏路街道', 2024, '计划'],
      ],
    );
    assert.strictEqual(meta['长宁区华阳路街道2025年基层治理答卷.txt'].district, '长宁区');
  });

  it('keeps the notice, the document title and the closing appeal out of the sections', () => {
    const notice = parsePlan(seeds().find((s) => s.name.includes('华阳路街道2025年工作计划'))!.text);
    assert.match(slice(notice, notice.frontMatter!), /^关于印发[\s\S]*2025年2月5日$/);
    assert.strictEqual(slice(notice, notice.titleSpan!), '华阳路街道 2025 年工作计划');
    assert.ok(notice.nodes[0].span.start > notice.titleSpan!.end);
    const speech = parsePlan(seeds().find((s) => s.name.includes('五角场'))!.text);
    assert.match(slice(speech, speech.backMatter!), /^各位代表、同志们/);
    assert.ok(speech.nodes.every((n) => n.span.end < speech.backMatter!.start));
  });

  it('reports the split headings of seed 004 and the merged heading of seed 000 as extraction damage', () => {
    const speech = parsePlan(seeds().find((s) => s.name.includes('五角场'))!.text);
    assert.deepStrictEqual(speech.problems.map((p) => [p.code, speech.text.slice(p.span.start, p.span.end)]), [
      ['heading.split', '一、'],
      ['heading.split', '四、'],
    ]);
    const merged = parsePlan(seeds().find((s) => s.name.includes('华阳路街道2025年工作计划'))!.text);
    assert.deepStrictEqual(merged.problems.map((p) => p.code), ['heading.merged']);
    const third = merged.roots[2];
    assert.strictEqual(third.title, '坚持发展为民,办好民生实事,构筑便民生活幸福圈');
  });
});

describe('parser: markers (PLAN-FORMAT §1)', () => {
  const cases: [string, string, number][] = [
    ['一、', 'cn', 1], ['十一、', 'cn', 11], ['二十、', 'cn', 20], ['二十一、', 'cn', 21], ['一.', 'cn', 1], ['一．', 'cn', 1], ['一，', 'cn', 1],
    ['（一）', 'cnParen', 1], ['(一)', 'cnParen', 1], ['（一）、', 'cnParen', 1], ['（一)', 'cnParen', 1], ['㈠', 'cnParen', 1], ['（十二）', 'cnParen', 12],
    ['1.', 'arabic', 1], ['1．', 'arabic', 1], ['1、', 'arabic', 1], ['12.', 'arabic', 12], ['⒈', 'arabic', 1],
    ['（1）', 'arabicParen', 1], ['(1)', 'arabicParen', 1], ['（1）、', 'arabicParen', 1], ['⑴', 'arabicParen', 1],
    ['①', 'circled', 1], ['⑳', 'circled', 20], ['㉑', 'circled', 21], ['1）', 'arabicHalfParen', 1], ['1)', 'arabicHalfParen', 1],
  ];
  for (const [text, family, value] of cases) {
    it(`recognises ${text}`, () => {
      const m = matchMarker(text + '标题', 0);
      assert.ok(m, `no marker in ${text}`);
      assert.deepStrictEqual([m.family, m.value, m.text], [family, value, text]);
    });
  }
  for (const text of ['7.0版社区书院', '1%人口抽样', 'No.1 创新空间', '2025年是', '2024 年是', '12345热线', '十四五规划', '一是招商', '(上接1版)']) {
    it(`does not take ${text} for a marker`, () => assert.strictEqual(matchMarker(text, 0), undefined));
  }
  it('parses and writes Chinese numerals past ten', () => {
    assert.deepStrictEqual(['一', '十', '十一', '二十', '二十一', '九十九', '两'].map(parseChineseNumeral), [1, 10, 11, 20, 21, 99, 2]);
    assert.deepStrictEqual([1, 10, 11, 20, 21, 99].map((n) => toChineseNumeral(n)), ['一', '十', '十一', '二十', '二十一', '九十九']);
    assert.deepStrictEqual([2, 12, 30].map((n) => toChineseNumeral(n, true)), ['贰', '拾贰', '叁拾']);
    // 十四五 (the 14th five-year plan) and 二十三四 are not numbers.
    assert.deepStrictEqual(['十十', '十四五', '二十三四'].map(parseChineseNumeral), [undefined, undefined, undefined]);
  });
  for (const text of ['三、四季度全面完成收尾任务', '一、二年级学生', '十、十一月份', '第一、二批老旧小区']) {
    it(`does not take the listed numbers of ${text} for a marker or run-in`, () => {
      assert.strictEqual(matchMarker(text, 0), undefined);
      assert.strictEqual(matchEnumerator(text, 0), undefined);
    });
  }
  it('keeps headings whose title starts with a numeral', () => {
    assert.deepStrictEqual(['一、一网通办', '三、三农工作', '二、一网统管'].map((t) => matchMarker(t, 0)?.value), [1, 3, 2]);
  });
  it('reads full-width digits in markers', () => {
    assert.deepStrictEqual(['１．', '（１２）', '３、', '２）'].map((t) => [matchMarker(t + '加强管理', 0)?.family, matchMarker(t + '加强管理', 0)?.value]), [
      ['arabic', 1], ['arabicParen', 12], ['arabic', 3], ['arabicHalfParen', 2],
    ]);
    assert.strictEqual(matchMarker('１．５万元', 0), undefined);
  });
  it('does not open a heading in the middle of a line', () => {
    const model = parsePlan('一、总体要求\n\n定期召开政商(企)恳谈会,交流需求。\n\n二、重点任务\n\n完成全国1%人口抽样调查。\n');
    assert.deepStrictEqual(outline(model), ['heading:一、总体要求', 'heading:二、重点任务']);
  });
});

/** One document carrying every damage of PLAN-FORMAT §3 at once. */
const DAMAGED = [
  '\ufeff# 某某街道 2026 年工作计划',
  '',
  '2026年是"十五五"规划的开局之年,街道将 争 取 更大成效。',
  '',
  '## 一、',
  '稳 增长,促发展',
  '',
  '**(一) 强化 招商,打造营商 环境新高地**',
  '',
  '**强化平台招商。**积极对接各类平台资源,拓展招商渠道,实现项目精准落地。强化产业链招商。围绕重点产业链开展延链补链工作,',
  '',
  '企业',
  '',
  ',',
  '提升招商质效。',
  '',
  '- 3 -',
  '',
  '(上接1版)',
  '(二)优化服务,稳住存量企业',
  '',
  '优化服务体系。提供更加"智慧好办"的政务服务,推进服务机制建设,做好重点企业走访工作。',
  '',
  '#### 二、坚持民生为本,办好民生实事 聚焦"老小困弱"等各类群体的需求,及时回应民生关切,不断增强群众获得感。',
  '',
  '1\\. 做实为老服务。新增助餐点两处,推进适老化改造,满足老年人多样化需求。',
  '',
  '某某镇 2026 年工作要点',
  '',
  '一、党建引领',
  '',
  '坚持党建引领基层治理,推动各项工作落地见效。',
].join('\r\n');

describe('parser: extraction damage (PLAN-FORMAT §3)', () => {
  it('yields a sensible outline from a document with every damage at once', () => {
    const model = parsePlan(DAMAGED);
    assert.deepStrictEqual(outline(model), [
      'heading:一、稳 增长,促发展',
      '  heading:(一)强化 招商,打造营商 环境新高地',
      '    measure:强化平台招商',
      '    measure:强化产业链招商',
      '  heading:(二)优化服务,稳住存量企业',
      '    measure:优化服务体系',
      'heading:二、坚持民生为本,办好民生实事',
      '  heading:1\\.做实为老服务',
      'heading:一、党建引领',
    ]);
    assert.deepStrictEqual(model.problems.map((p) => p.code), ['heading.split', 'heading.merged']);
    assert.deepStrictEqual(model.metadata, { title: '某某街道 2026 年工作计划', kind: '计划', place: '某某街道', year: 2026 });
    assert.strictEqual(model.documentStarts.length, 2, 'the (上接1版) residue and the appended 工作要点 start new documents');
    // The broken sentence `…延链补链工作,` / `企业` / `,` / `提升招商质效。` is body of its measure, not a measure itself.
    const chain = model.nodes.find((n) => n.title === '强化产业链招商')!;
    assert.match(model.text.slice(chain.span.start, chain.span.end), /延链补链工作,\r\n\r\n企业\r\n\r\n,\r\n提升招商质效。$/);
  });

  it('counts positions in UTF-16 code units (surrogate pairs) after a BOM and CRLF', () => {
    const text = '\ufeff一、𠮷祥社区建设\r\n\r\n(一)𠮷𠮷工程\r\n正文。\r\n';
    const model = parsePlan(text);
    const [h1, h2] = model.nodes;
    assert.strictEqual(text.slice(h1.titleSpan.start, h1.titleSpan.end), '𠮷祥社区建设');
    assert.strictEqual(h1.titleSpan.start, 3);
    assert.strictEqual(text.slice(h2.headingSpan.start, h2.headingSpan.end), '(一)𠮷𠮷工程');
    assert.strictEqual(h2.line, 2);
  });

  it('reads CR-only line endings', () => {
    assert.deepStrictEqual(outline(parsePlan('一、总体要求\r\r(一)目标\r正文。\r二、任务\r')), ['heading:一、总体要求', '  heading:(一)目标', 'heading:二、任务']);
  });

  it('never throws, whatever the input', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const alphabet = ['一、', '（一）', '(', ')', '1.', '1)', '①', '一是', '**', '#', '。', ',', '\n', '\r\n', '\r', ' ', '\u3000', '\ud842', '\udfb7', '\0', '强化', '招商', '\ufeff', '第一，', '各位代表'];
    for (let k = 0; k < 300; k++) {
      let s = '';
      const len = Math.floor(rnd() * 80);
      for (let j = 0; j < len; j++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      const model = parsePlan(s);
      for (const n of model.nodes) {
        assert.ok(n.span.start >= 0 && n.span.end <= s.length);
        for (const span of [n.span, n.headingSpan, n.titleSpan]) assert.ok(span.start <= span.end, `span of ${JSON.stringify(n.title)} ends before it starts`);
      }
    }
  });

  it('gives an empty outline to text it cannot structure', () => {
    assert.deepStrictEqual(parsePlan('').nodes, []);
    assert.deepStrictEqual(parsePlan('\u0000\u0001\u0002binary\u0003').nodes, []);
    assert.deepStrictEqual(parsePlan('这是一段没有任何序号的文字。它只是说明情况。').nodes, []);
  });
});

describe('parser: formats beyond the seeds', () => {
  it('nests a two-level plan (一、 → 1.) and four levels with circled items', () => {
    const model = parsePlan('一、总体要求\n1.目标明确。\n（1）细化分解\n①第一项\n2.责任清晰\n二、保障措施\n1.加强领导\n');
    assert.deepStrictEqual(outline(model), [
      'heading:一、总体要求', '  heading:1.目标明确', '    heading:（1）细化分解', '      heading:①第一项', '  heading:2.责任清晰',
      'heading:二、保障措施', '  heading:1.加强领导',
    ]);
  });

  it('reads Traditional characters and full-width punctuation', () => {
    const model = parsePlan('某某鎮2026年工作計劃\n\n一、推動經濟發展\n\n（一）強化招商引資\n\n一是優化服務。做好企業走訪。\n二是擴大投資。推進項目建設。\n');
    assert.deepStrictEqual(outline(model), ['heading:一、推動經濟發展', '  heading:（一）強化招商引資', '    enumeration:一是優化服務', '    enumeration:二是擴大投資']);
    assert.deepStrictEqual([model.metadata.place, model.metadata.year, model.metadata.kind], ['某某鎮', 2026, '计划']);
  });

  it('finds 一是/二是 run in the middle of one flattened paragraph', () => {
    const model = parsePlan('一、重点工作\n\n一是加强组织领导，健全工作机制；二是强化督查考核，确保工作落实；三是营造良好氛围，扩大宣传。\n');
    assert.deepStrictEqual(outline(model), ['heading:一、重点工作', '  enumeration:一是加强组织领导，健全工作机制', '  enumeration:二是强化督查考核，确保工作落实', '  enumeration:三是营造良好氛围，扩大宣传']);
  });

  it('finds a run-in enumeration that starts after a colon in the middle of a paragraph', () => {
    const model = parsePlan('三、坚持民生为本\n\n围绕群众“急难愁盼”，着力办好民生实事：一是完善养老服务。新建助餐点5个；二是做好就业帮扶。新增就业2800人；三是关爱“一老一小”。新建托育点2个。\n');
    assert.deepStrictEqual(outline(model), ['heading:三、坚持民生为本', '  enumeration:一是完善养老服务', '  enumeration:二是做好就业帮扶', '  enumeration:三是关爱“一老一小”']);
    assert.strictEqual(slice(model, model.nodes[0].bodySpans[0]), '围绕群众“急难愁盼”，着力办好民生实事：');
  });

  it('names a long run-in by its first clause, its span ending at the comma even when the clause is bold', () => {
    const text = '一、总体要求\n\n一是**加强**组织领导，建立健全街道、社区两级工作机制，明确责任分工，定期研究解决工作推进中的重点难点问题，形成合力；二是强化督查。\n';
    const run = parsePlan(text).nodes[1];
    assert.strictEqual(run.title, '加强组织领导');
    assert.strictEqual(slice(parsePlan(text), run.titleSpan), '加强**组织领导');
    assert.ok(run.headingSpan.start <= run.titleSpan.start && run.titleSpan.end <= run.headingSpan.end);
  });

  it('finds 一是 run-ins in the body that follows a heading title on the same line', () => {
    const model = parsePlan('二、坚持民生优先\n（一）稳定扩大就业。一是开展技能培训，全年培训500人次；二是开发公益岗位；三是落实创业扶持政策。\n（二）完善养老服务。新建农村幸福院3所。\n');
    assert.deepStrictEqual(outline(model), [
      'heading:二、坚持民生优先', '  heading:（一）稳定扩大就业', '    enumeration:一是开展技能培训，全年培训500人次',
      '    enumeration:二是开发公益岗位', '    enumeration:三是落实创业扶持政策', '  heading:（二）完善养老服务',
    ]);
  });

  it('keeps unnumbered standalone short lines as headings only where the plan has no numbering', () => {
    const model = parsePlan('\n标题甲\n\n导语一段，说明情况。\n\n聚焦经济发展\n\n推动项目提质增效\n\n强化平台招商。积极对接各类平台资源,拓展招商渠道。\n\n强化载体招商。盘活闲置楼宇,引入优质企业。\n');
    assert.deepStrictEqual(outline(model), ['unnumbered:聚焦经济发展——推动项目提质增效', '  measure:强化平台招商', '  measure:强化载体招商']);
  });
});

describe('parser: notices, titles and signatures of plans from elsewhere', () => {
  const text = (model: OutlineModel, span: { start: number; end: number } | undefined) => (span ? slice(model, span) : undefined);

  it('reads a line that names a plan in running prose as prose, not as a second document', () => {
    const model = parsePlan([
      '某街道2024年工作计划', '', '一、推动经济发展', '',
      '（一）抓好招商引资。围绕重点产业开展精准招商，按照区里', '2024年招商引资工作安排，全年引进亿元以上项目5个，新增', '规上企业10家。', '',
      '（二）优化营商环境。推进一网通办。', '',
      '按照《2024年全民健身工作计划》，新建健身路径5处。', '',
    ].join('\n'));
    assert.deepStrictEqual(model.documentStarts, []);
    assert.deepStrictEqual(outline(model), ['heading:一、推动经济发展', '  heading:（一）抓好招商引资', '  heading:（二）优化营商环境']);
    assert.match(text(model, model.nodes[1].span)!, /规上企业10家。$/);
  });

  it('still starts a second document at a title that stands alone', () => {
    const model = parsePlan('甲街道2024年工作计划\n\n一、推动发展\n\n做好各项工作。\n\n乙镇2024年工作要点（征求意见稿）\n\n一、加强党建\n');
    assert.strictEqual(model.documentStarts.length, 1);
    assert.deepStrictEqual(model.roots.map((n) => n.title), ['推动发展', '加强党建']);
  });

  it('keeps letterhead, issuers, attachment line and remark inside the covering notice', () => {
    const model = parsePlan([
      '中共练市镇委员会文件', '', '练委发〔2024〕1号', '', '中共练市镇委员会　练市镇人民政府', '关于印发《练市镇2024年工作要点》的通知', '',
      '各村（社区）党组织，镇机关各部门：', '　　现将《练市镇2024年工作要点》印发给你们，请认真抓好贯彻落实。', '', '　　附件：练市镇2024年工作要点', '',
      '中共练市镇委员会　　　练市镇人民政府', '二〇二四年一月五日', '', '（此件公开发布）', '', '练市镇2024年工作要点', '',
      '　　2024年是关键一年。', '', '一、聚力产业转型', '',
    ].join('\n'));
    assert.match(text(model, model.frontMatter)!, /^中共练市镇委员会文件[^]*（此件公开发布）$/);
    assert.strictEqual(text(model, model.titleSpan), '练市镇2024年工作要点');
    assert.deepStrictEqual([model.metadata.place, model.metadata.year, model.metadata.kind], ['练市镇', 2024, '要点']);
    assert.deepStrictEqual(outline(model), ['heading:一、聚力产业转型']);
  });

  it('recognises a notice whose issuer comes first, and one in Traditional characters', () => {
    for (const notice of ['南湖街道办事处关于印发《南湖街道2024年工作计划》的通知', '關於印發《中山街道2024年工作計劃》的通知']) {
      const model = parsePlan(`${notice}\n\n各社区：\n现印发给你们。\n\n某街道办事处\n2024年1月15日\n\n某街道2024年工作计划\n\n一、总体要求\n`);
      assert.ok(model.frontMatter, notice);
      assert.strictEqual(text(model, model.titleSpan), '某街道2024年工作计划');
    }
  });

  it('takes the issuer and date that sign the plan as back matter, not body of the last section', () => {
    const model = parsePlan('某街道2024年工作计划\n\n一、总体要求\n\n（一）深化平安建设。健全联动机制。\n\n　　湖南路街道办事处\n　　２０２４年１月１２日\n');
    assert.strictEqual(text(model, model.backMatter), '湖南路街道办事处\n　　２０２４年１月１２日');
    assert.match(text(model, model.nodes[1].span)!, /健全联动机制。$/);
  });

  it('ends the outline at a closing appeal in Traditional characters', () => {
    const model = parsePlan('一、加強黨建\n\n做好工作。\n\n同志們：新的一年，讓我們凝心聚力。\n');
    assert.match(text(model, model.backMatter)!, /^同志們/);
  });

  it('numbers each part of a plan, and an attachment, afresh under a section of its own', () => {
    const model = parsePlan([
      '某街道2024年工作计划', '', '第一部分　2023年工作回顾', '', '一、经济发展稳中有进。税收增长5.2%。', '', '二、民生保障更加有力。新增就业2800个。', '',
      '第二部分　主要任务', '', '一、坚持党建引领', '', '二、聚焦总部经济', '', '附件：某街道2024年为民办实事项目', '', '一、新建长者食堂2个。', '',
    ].join('\n'));
    assert.deepStrictEqual(outline(model), [
      'unnumbered:第一部分　2023年工作回顾', '  heading:一、经济发展稳中有进', '  heading:二、民生保障更加有力',
      'unnumbered:第二部分　主要任务', '  heading:一、坚持党建引领', '  heading:二、聚焦总部经济',
      'unnumbered:附件：某街道2024年为民办实事项目', '  heading:一、新建长者食堂2个',
    ]);
  });

  it('sees a marker after the form feed of a page break', () => {
    const model = parsePlan('一、甲\n\n内容。\n\f二、乙\n\n内容。\n');
    assert.deepStrictEqual(outline(model), ['heading:一、甲', 'heading:二、乙']);
  });

  it('reads a plan numbered with full-width digits, and its full-width year', () => {
    const model = parsePlan('湖南路街道２０２４年工作计划\n\n一、坚持党建引领\n\n（一）深化红色物业建设\n\n１．推动党组织全覆盖\n\n２．健全联动机制\n\n（１）细化分工\n');
    assert.deepStrictEqual(outline(model), [
      'heading:一、坚持党建引领', '  heading:（一）深化红色物业建设', '    heading:１．推动党组织全覆盖', '    heading:２．健全联动机制', '      heading:（１）细化分工',
    ]);
    assert.strictEqual(model.metadata.year, 2024);
  });

  it('reads a title set on three short lines as one', () => {
    const model = parsePlan('中共曹家渡街道工作委员会\n曹家渡街道办事处\n2024年工作计划\n\n2024年，街道将重点做好以下工作。\n\n一、坚持党建引领\n');
    assert.deepStrictEqual([model.metadata.place, model.metadata.year, model.metadata.kind], ['曹家渡街道', 2024, '计划']);
    assert.deepStrictEqual(model.documentStarts, []);
  });

  it('names the town of a Party committee without its 中共', () => {
    assert.strictEqual(parsePlan('中共练市镇委员会\n\n练市镇2024年工作要点\n\n一、总体要求\n').metadata.place, '练市镇');
  });
});

describe('parser: flattened plans (line breaks lost)', () => {
  const FLAT = [
    '某街道2024年工作计划',
    '2024年，街道将重点做好以下工作。一、加强党建引领，夯实基层基础 （一）深化组织建设。全面推进社区党组织标准化建设。（二）抓好队伍建设。开展全员培训。',
    '二、聚焦产业发展，增强经济实力（一）抓好招商引资。全年新增注册企业300家以上。（二）优化营商环境。推行一件事一次办。',
  ].join('\n');

  it('finds the headings a flattened paragraph runs together, where they go on with the outline', () => {
    assert.deepStrictEqual(outline(parsePlan(FLAT)), [
      'heading:一、加强党建引领，夯实基层基础', '  heading:（一）深化组织建设', '  heading:（二）抓好队伍建设',
      'heading:二、聚焦产业发展，增强经济实力', '  heading:（一）抓好招商引资', '  heading:（二）优化营商环境',
    ]);
  });

  it('asks for the lost line break before each (heading.merged)', () => {
    const model = parsePlan(FLAT);
    const merged = model.problems.filter((p) => p.code === 'heading.merged');
    assert.deepStrictEqual(merged.map((p) => slice(model, p.span)), ['一、', '（一）', '（二）', '（一）', '（二）']);
    assert.ok(merged.every((p) => /^\s*$/.test(slice(model, p.fixSpan))));
  });

  it('leaves markers inside prose that do not go on with the outline', () => {
    const model = parsePlan('一、总体要求\n\n（一）目标。做好工作。三、四季度完成验收。（三）号楼年内交付。服务2.5万人次。\n');
    assert.deepStrictEqual(outline(model), ['heading:一、总体要求', '  heading:（一）目标']);
    assert.deepStrictEqual(model.problems, []);
  });
});

describe('parser: plans typed with half-width punctuation', () => {
  it('takes a `.` after Chinese text for a full stop, but not the one of No.1 or 3.15', () => {
    const model = parsePlan([
      '一、推动经济发展', '',
      '(一)加快老旧小区改造.全年完成12栋楼的综合改造,惠及居民1100余户.', '',
      '强化平台招商.对接No.1创新空间和3.15消费节,拓展招商渠道,全年引进项目20个.',
      '深化企业服务.建立重点企业联系制度,每季度走访一次.', '',
    ].join('\n'));
    assert.deepStrictEqual(outline(model), ['heading:一、推动经济发展', '  heading:(一)加快老旧小区改造', '    measure:强化平台招商', '    measure:深化企业服务']);
    assert.strictEqual(slice(model, model.nodes[1].bodySpans[0]), '全年完成12栋楼的综合改造,惠及居民1100余户.');
  });
});
